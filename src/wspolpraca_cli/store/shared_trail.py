"""Audit events copied between stores (``wsp store copy``): what every backend's import session
does with them, apart from the one INSERT each backend writes in its own SQL."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from wspolpraca_cli.audit import Explanation, LockEvent, check_copied, same_event
from wspolpraca_cli.errors import InputError
from wspolpraca_cli.i18n import t
from wspolpraca_cli.records import replace
from wspolpraca_cli.store.shared import BatchOutcome, new_uid, now_utc

Event = TypeVar("Event", LockEvent, Explanation)


def completed_event(event: Event, user: str) -> Event:
    """An audit event with what a store fills in: a new uid, the time, and ``user`` (the
    backend's: the login, or the database user) when it names nobody."""
    return replace(
        event,
        uid=event.uid or new_uid(),
        recorded_at=event.recorded_at or now_utc(),
        recorded_by=event.recorded_by or user,
    )


def place_trail(
    events: Sequence[LockEvent | Explanation],
    locks: list[LockEvent],
    explanations: list[Explanation],
    insert_lock: Callable[[LockEvent], LockEvent],
    insert_explanation: Callable[[Explanation], Explanation],
) -> BatchOutcome:
    """Add ``events`` after the ``locks`` and ``explanations`` a store holds (both lists grow
    with what is added): an event whose uid is held is present when it is the same event and
    a conflict otherwise; a new one must follow the events held by the audit rules."""
    held: dict[str, LockEvent | Explanation] = {e.uid: e for e in locks}
    held.update((e.uid, e) for e in explanations)
    added = present = 0
    rejected: list[tuple[int, InputError]] = []
    for index, event in enumerate(events):
        existing = held.get(event.uid)
        if existing is not None:
            if same_event(existing, event):
                present += 1
            else:
                rejected.append((index, InputError(t("store.uid_conflict", uid=event.uid))))
            continue
        try:
            check_copied(locks, explanations, event)
        except InputError as exc:
            rejected.append((index, exc))
            continue
        if isinstance(event, LockEvent):
            lock = insert_lock(event)
            locks.append(lock)
            held[lock.uid] = lock
        else:
            explanation = insert_explanation(event)
            explanations.append(explanation)
            held[explanation.uid] = explanation
        added += 1
    return BatchOutcome(added, present, rejected)

"""The audit trail beside the entries: period locks and explanations of shortfalls.

Both are append-only events, like entries. A period is locked by a ``lock`` event and
unlocked by a later ``unlock`` event of the same period code; a lock covers its period and
every period that lies inside it (``2024`` covers ``2024-Q1``, ``2024-03``, a week of 2024;
``2024-Q1`` covers its months). An explanation (uzasadnienie) of one indicator's evaluation
period is replaced by a later ``explain`` event of the same indicator and period, and
withdrawn by a ``withdraw`` event; the latest event decides. Nothing is ever changed or
deleted.

The rules here are pure: a store reads its events (inside its write transaction where a rule
guards a write) and asks these functions what they mean.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import StrEnum

from wspolpraca_cli.errors import InputError
from wspolpraca_cli.i18n import t
from wspolpraca_cli.periods import Period
from wspolpraca_cli.records import record, replace


class LockAction(StrEnum):
    LOCK = "lock"
    UNLOCK = "unlock"


@record
class LockEvent:
    """A period locked or unlocked: by whom, when and why."""

    uid: str
    period: str
    """The period code as locked (``2024``, ``2024-Q1``, ``2021-2025``)."""
    action: LockAction
    reason: str
    recorded_by: str = ""
    recorded_at: str = ""
    """ISO 8601 UTC timestamp."""
    seq: int = 0


class ExplanationKind(StrEnum):
    EXPLAIN = "explain"
    WITHDRAW = "withdraw"


@record
class Explanation:
    """An explanation of one indicator's evaluation period, or its withdrawal (empty text)."""

    uid: str
    indicator_id: str
    period: str
    text: str
    kind: ExplanationKind = ExplanationKind.EXPLAIN
    recorded_by: str = ""
    recorded_at: str = ""
    seq: int = 0


def _parsed(code: str) -> Period | None:
    from wspolpraca_cli.progress.periods import parse_code

    return parse_code(code.strip())


def active_locks(events: Iterable[LockEvent]) -> list[LockEvent]:
    """The lock events in force: for each period code, its latest event when that is a lock
    (in the order they were taken)."""
    latest: dict[str, LockEvent] = {}
    for event in sorted(events, key=lambda e: e.seq):
        latest[event.period] = event
    return [e for e in latest.values() if e.action is LockAction.LOCK]


def covers(lock: LockEvent, period: Period) -> bool:
    """Whether a lock covers ``period``: the period lies inside the locked one."""
    locked = _parsed(lock.period)
    return locked is not None and locked.start <= period.start and period.end <= locked.end


def covering_lock(locks: Sequence[LockEvent], code: str) -> LockEvent | None:
    """The (first) lock in force over the period code ``code`` (an entry's period)."""
    if not locks:
        return None
    period = _parsed(code)
    if period is None:
        return next((lock for lock in locks if lock.period == code.strip()), None)
    return next((lock for lock in locks if covers(lock, period)), None)


class PeriodLocked(InputError):
    """A change of a locked period (exit 2): the message names the lock, the hint says how
    to unlock it."""

    def __init__(self, lock: LockEvent, period: str) -> None:
        super().__init__(
            t(
                "lock.refused",
                period=period,
                locked=lock.period,
                reason=lock.reason,
                by=lock.recorded_by,
                at=shown_time(lock.recorded_at),
            ),
            hint=t("lock.refused.hint", period=lock.period),
        )
        self.lock = lock
        self.period = period


def refuse_locked(locks: Sequence[LockEvent], code: str) -> None:
    """Raise :class:`PeriodLocked` when a lock in force covers the period code ``code``."""
    lock = covering_lock(locks, code)
    if lock is not None:
        raise PeriodLocked(lock, code)


def check_lock_event(events: Sequence[LockEvent], new: LockEvent) -> None:
    """Whether ``new`` may follow ``events`` (InputError, exit 2, if not): a period already
    locked (itself, or inside a locked period) is not locked again; only a period locked
    itself can be unlocked (one inside a locked period is unlocked with that period)."""
    locks = active_locks(events)
    period = _parsed(new.period)
    if period is None:
        raise InputError(t("period.invalid", period=new.period))
    own = next((lock for lock in locks if lock.period == new.period), None)
    if new.action is LockAction.LOCK:
        found = own or next((lock for lock in locks if covers(lock, period)), None)
        if found is not None:
            key = "lock.already" if found is own else "lock.already_inside"
            raise InputError(
                t(
                    key,
                    period=new.period,
                    locked=found.period,
                    reason=found.reason,
                    by=found.recorded_by,
                    at=shown_time(found.recorded_at),
                ),
                hint=t("lock.already.hint"),
            )
        return
    if own is not None:
        return
    enclosing = next((lock for lock in locks if covers(lock, period)), None)
    if enclosing is not None:
        raise InputError(
            t("unlock.inside", period=new.period, locked=enclosing.period),
            hint=t("unlock.inside.hint", locked=enclosing.period),
        )
    raise InputError(t("unlock.not_locked", period=new.period), hint=t("unlock.not_locked.hint"))


def current_explanations(
    events: Iterable[Explanation],
) -> dict[tuple[str, str], Explanation]:
    """The explanations in force: for each (indicator, period), its latest event when that
    is an explanation (not a withdrawal)."""
    latest: dict[tuple[str, str], Explanation] = {}
    for event in sorted(events, key=lambda e: e.seq):
        latest[(event.indicator_id, event.period)] = event
    return {k: e for k, e in latest.items() if e.kind is ExplanationKind.EXPLAIN}


def check_explanation(events: Sequence[Explanation], new: Explanation) -> None:
    """Whether ``new`` may follow ``events``: a withdrawal needs an explanation in force, and
    an explanation has text (InputError, exit 2)."""
    if new.kind is ExplanationKind.EXPLAIN:
        if not new.text.strip():
            raise InputError(t("explain.empty"), hint=t("explain.empty.hint"))
        return
    if (new.indicator_id, new.period) not in current_explanations(events):
        raise InputError(
            t("explain.nothing_to_withdraw", id=new.indicator_id, period=new.period),
            hint=t("explain.nothing_to_withdraw.hint"),
        )


AuditEvent = LockEvent | Explanation


def same_event(a: AuditEvent, b: AuditEvent) -> bool:
    """Whether two events are the same event (their ``seq``, which each store numbers itself,
    aside): a copy finds it already present."""
    return type(a) is type(b) and a == replace(b, seq=a.seq)


def check_copied(
    locks: Sequence[LockEvent], explanations: Sequence[Explanation], event: AuditEvent
) -> None:
    """Whether ``event``, copied from another store, may follow the events a store holds
    (InputError otherwise): the rules of :func:`check_lock_event` and
    :func:`check_explanation`, the latter against the events of its indicator and period."""
    if isinstance(event, LockEvent):
        check_lock_event(locks, event)
        return
    key = (event.indicator_id, event.period)
    check_explanation([e for e in explanations if (e.indicator_id, e.period) == key], event)


def shown_time(at: str) -> str:
    """A stored timestamp for people: ``2024-03-10 14:05 UTC``."""
    if len(at) >= 16 and at[10] == "T":
        return f"{at[:10]} {at[11:16]} UTC"
    return at

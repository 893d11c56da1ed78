"""The audit trail's use cases: ``wsp lock`` / ``wsp unlock`` (a period's numbers closed
after the council accepted the report) and ``wsp explain`` (an explanation of a shortfall,
replaced or withdrawn), and what they mean for progress (locked periods, explained
shortfalls). Everything is appended to the store; the rules are :mod:`wspolpraca_cli.audit`'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from wspolpraca_cli.audit import (
    Explanation,
    ExplanationKind,
    LockAction,
    LockEvent,
    active_locks,
    current_explanations,
    refuse_locked,
)
from wspolpraca_cli.errors import InputError, UsageError
from wspolpraca_cli.i18n import t
from wspolpraca_cli.model import Indicator, Program
from wspolpraca_cli.services.base import Workspace

if TYPE_CHECKING:
    from wspolpraca_cli.periods import Period
    from wspolpraca_cli.progress import ProgrammeProgress
    from wspolpraca_cli.store import Store


def _reason(reason: str | None) -> str:
    text = (reason or "").strip()
    if not text:
        raise UsageError(t("lock.reason_required"), hint=t("lock.reason_required.hint"))
    return text


def lock_period(program: Program, text: str) -> Period:
    """The period ``wsp lock`` names: any period code inside the programme's years (a year
    locks every period inside it). Raises InputError."""
    from wspolpraca_cli.periods import parse_period

    try:
        period = parse_period(text.strip())
    except ValueError:
        raise InputError(t("period.invalid", period=text), hint=t("lock.period.hint")) from None
    if period.year < program.first_year or period.end_year > program.last_year:
        raise InputError(
            t("lock.outside", period=text, first=program.first_year, last=program.last_year),
            hint=t("lock.period.hint"),
        )
    return period


def _lock_event(
    ws: Workspace, action: LockAction, period: str, reason: str | None, by: str
) -> LockEvent:
    why = _reason(reason)
    code = str(lock_period(ws.program, period))
    with ws.open(readonly=False) as store:
        return store.add_lock_event(LockEvent("", code, action, why, recorded_by=by.strip()))


def lock(ws: Workspace, period: str, reason: str | None, *, by: str = "") -> LockEvent:
    """Lock ``period`` (and every period inside it): ``record``, ``correct``, ``void`` and
    ``import`` refuse its entries until it is unlocked. Raises UsageError without a reason,
    InputError for a period outside the programme or one already locked."""
    return _lock_event(ws, LockAction.LOCK, period, reason, by)


def unlock(ws: Workspace, period: str, reason: str | None, *, by: str = "") -> LockEvent:
    """Unlock ``period`` (locked itself, not as part of a longer period). Raises UsageError
    without a reason, InputError for a period that is not locked."""
    return _lock_event(ws, LockAction.UNLOCK, period, reason, by)


def check_unlocked(store: Store, period: str) -> None:
    """Refuse a change of an entry of ``period`` while a lock covers it
    (:class:`~wspolpraca_cli.audit.PeriodLocked`, exit 2). The store checks again inside its
    write transaction; this is for dry runs and for a clear answer before anything else."""
    refuse_locked(active_locks(store.lock_events()), period)


# -- explanations -----------------------------------------------------------------------------
def explained_period(program: Program, ind: Indicator, text: str) -> Period:
    """The evaluation period of ``ind`` that ``text`` names (``2023``; ``2024-Q1`` for a
    quarterly target; the programme's years for a target judged over the programme)."""
    from wspolpraca_cli.periods import parse_period
    from wspolpraca_cli.progress import evaluation_periods

    periods = evaluation_periods(ind, program)
    try:
        period = parse_period(text.strip())
    except ValueError:
        period = None
    if period is not None and period in periods:
        return period
    shown = [str(p) for p in periods[:6]] + (["…"] if len(periods) > 6 else [])
    raise InputError(
        t("explain.bad_period", period=text, id=ind.id),
        hint=t("explain.bad_period.hint", periods=", ".join(shown)),
    )


def explain(
    ws: Workspace,
    ind: Indicator,
    period: str,
    text: str | None,
    *,
    withdraw: bool = False,
    by: str = "",
) -> Explanation:
    """Attach an explanation (uzasadnienie) of ``ind``'s result in ``period``; a later one
    replaces it. ``withdraw`` withdraws the one in force (``text`` then unused). Both are
    appended. Raises UsageError (no text; text with ``withdraw``), InputError (a period that
    is not one of the indicator's, nothing to withdraw)."""
    code = str(explained_period(ws.program, ind, period))
    words = (text or "").strip()
    if withdraw and words:
        raise UsageError(t("explain.withdraw_with_text"), hint=t("explain.withdraw_with_text.hint"))
    if not withdraw and not words:
        raise UsageError(t("explain.empty"), hint=t("explain.empty.hint"))
    kind = ExplanationKind.WITHDRAW if withdraw else ExplanationKind.EXPLAIN
    event = Explanation("", ind.id, code, "" if withdraw else words, kind, recorded_by=by.strip())
    with ws.open(readonly=False) as store:
        return store.add_explanation(event)


# -- what the trail means for progress ----------------------------------------------------------
class AuditTrail(NamedTuple):
    """The audit events of a store, as read for a command."""

    locks: list[LockEvent]
    """Every lock and unlock, in order."""
    explanations: list[Explanation]
    """Every explanation and withdrawal, in order."""

    @property
    def active_locks(self) -> list[LockEvent]:
        return active_locks(self.locks)


def read_trail(store: Store, indicator_id: str | None = None) -> AuditTrail:
    return AuditTrail(store.lock_events(), store.explanations(indicator_id))


def with_trail(progress: ProgrammeProgress, trail: AuditTrail) -> ProgrammeProgress:
    """``progress`` with each period result marked ``locked`` where a lock in force covers
    it, and carrying the explanation in force for it (unchanged when the trail is empty)."""
    from wspolpraca_cli.progress.periods import parse_code
    from wspolpraca_cli.records import replace

    explained = current_explanations(trail.explanations)
    spans = [
        (p.start, p.end)
        for lock in trail.active_locks
        if (p := parse_code(lock.period)) is not None
    ]
    if not spans and not explained:
        return progress
    indicators = []
    for ip in progress.indicators:
        rows = []
        changed = False
        for r in ip.periods:
            start, end = r.period.start, r.period.end
            locked = any(s <= start and end <= e for s, e in spans)
            why = explained.get((ip.id, str(r.period))) if explained else None
            if locked or why is not None:
                r = replace(r, locked=locked, explanation=why)
                changed = True
            rows.append(r)
        indicators.append(replace(ip, periods=tuple(rows)) if changed else ip)
    return replace(progress, indicators=tuple(indicators))


def locks_of(trail: AuditTrail, period: Period | None = None) -> list[LockEvent]:
    """The lock events overlapping ``period`` (all when None), in order: for ``history``."""
    from wspolpraca_cli.progress.periods import parse_code

    if period is None:
        return list(trail.locks)
    found = []
    for event in trail.locks:
        locked = parse_code(event.period)
        if locked is not None and locked.start <= period.end and period.start <= locked.end:
            found.append(event)
    return found


def explanations_of(events: Sequence[Explanation], period: str | None = None) -> list[Explanation]:
    return [e for e in events if period is None or e.period == period]

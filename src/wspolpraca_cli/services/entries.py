"""Changing the store: record, correct and void (each returns the figure ``wsp status`` shows
for the period the entry counts in), and the history of entries."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from wspolpraca_cli.entries import Entry, EntryKind, chains, summarise
from wspolpraca_cli.errors import Committed, InputError, Unconfirmed, UsageError
from wspolpraca_cli.i18n import t
from wspolpraca_cli.model import Indicator, Program, Unit
from wspolpraca_cli.records import replace
from wspolpraca_cli.services.base import SHORT, Workspace

if TYPE_CHECKING:
    from wspolpraca_cli.audit import Explanation, LockEvent
    from wspolpraca_cli.periods import Period
    from wspolpraca_cli.progress import ProgrammeProgress
    from wspolpraca_cli.store import Store


# -- the figure a change leaves ---------------------------------------------------------------
class PeriodTotal(NamedTuple):
    """The result ``wsp status`` shows, as of a date, for the evaluation period an entry counts
    in (the year of a monthly entry under ``12/rok``; the entry's own period most often)."""

    period: str
    actual: float | None
    entries: int
    """Entries that count (0: no data; an explicit 0 is data)."""


def _evaluated_in(program: Program, ind: Indicator, period: str) -> Period | None:
    """The evaluation period an entry of ``period`` counts in (the engine's placement)."""
    from wspolpraca_cli.periods import parse_period
    from wspolpraca_cli.progress import placement

    try:
        return placement(ind, program)(parse_period(period))
    except ValueError:
        return None


def _total_from(
    progress: ProgrammeProgress, ind: Indicator, evaluated: Period | None
) -> PeriodTotal | None:
    found = progress.indicator(ind.id)
    result = found.period(evaluated) if found is not None and evaluated is not None else None
    if result is None:
        return None
    return PeriodTotal(str(result.period), result.actual, result.count)


def _stored_total(
    store: Store, program: Program, ind: Indicator, period: str, today: date
) -> PeriodTotal | None:
    """The total after a change that was stored: from the store's aggregates of the periods
    that count towards the entry's evaluation period (all of the indicator's, for one measured
    once), so that a large store costs ``record`` no more than a small one."""
    from wspolpraca_cli.periods import PeriodKind
    from wspolpraca_cli.progress import evaluate, measurement_periods

    evaluated = _evaluated_in(program, ind, period)
    counted: list[str] | None = None
    if evaluated is not None and evaluated.kind is not PeriodKind.PROGRAMME:
        within = measurement_periods(ind, program, evaluated)
        if all(p.kind is not PeriodKind.PROGRAMME for p in within):
            counted = [str(p) for p in within]
    summaries = store.summaries(today, [ind.id], counted)
    return _total_from(evaluate(program, summaries, today, [ind.id]), ind, evaluated)


def _would_be_total(
    store: Store, program: Program, ind: Indicator, period: str, new: Entry, today: date
) -> PeriodTotal | None:
    """The total a change would leave (a dry run): the indicator's entries with ``new`` added,
    aggregated by the same rules as the store's."""
    from wspolpraca_cli.progress import evaluate

    entries = store.entries(ind.id)
    last_seq = max((e.seq for e in entries), default=0)
    entries.append(replace(new, uid=new.uid or "dry-run", seq=last_seq + 1))
    progress = evaluate(program, summarise(entries, today), today, [ind.id])
    return _total_from(progress, ind, _evaluated_in(program, ind, period))


@contextmanager
def _after_commit(stored: Entry) -> Iterator[None]:
    """What follows a committed change (computing the figure it leaves): any failure there,
    Ctrl-C too, is a :class:`Committed` error naming the stored entry, not a change lost."""
    try:
        yield
    except (Exception, KeyboardInterrupt) as exc:
        raise Committed(stored_entry(stored), exc) from exc


def stored_entry(entry: Entry) -> str:
    """An entry as :class:`Committed` names it: ``entry 3f2a9c1b``."""
    return t("committed.entry", uid=entry.uid[:SHORT])


def _check_unlocked(store: Store, period: str) -> None:
    """A locked period refuses changes (exit 2; the store checks again as it writes)."""
    from wspolpraca_cli.services.audit import check_unlocked

    check_unlocked(store, period)


# -- record -----------------------------------------------------------------------------------
IMPLAUSIBLE = "implausible"
DUPLICATE = "duplicate"
EVERYTHING = frozenset({IMPLAUSIBLE, DUPLICATE})
"""What ``--yes`` confirms: every concern a change may raise."""


class Implausible(Unconfirmed):
    """A value that looks wrong (outside the programme's bounds, or far above the indicator's
    other periods). Call again with ``IMPLAUSIBLE`` confirmed once a person has confirmed it."""

    concern = IMPLAUSIBLE

    def __init__(self, reasons: list[str]) -> None:
        text = "; ".join(reasons)
        super().__init__(
            t("record.implausible", reasons=text),
            hint=t("record.implausible.hint"),
            question=t("record.implausible.ask", reasons=text),
        )
        self.reasons = reasons


class Duplicate(Unconfirmed):
    """The same entry (value, date, note, source, breakdown) is already stored and counts for
    the same indicator and period: recording it again would count it twice. Call again with
    ``DUPLICATE`` confirmed once a person has confirmed that it is another measurement."""

    concern = DUPLICATE

    def __init__(self, existing: Entry) -> None:
        values = {"uid": existing.uid[:SHORT], "recorded": _recorded_when(existing)}
        super().__init__(
            t("record.duplicate", **values),
            hint=t("record.duplicate.hint"),
            question=t("record.duplicate.ask", **values),
        )
        self.existing = existing


def _recorded_when(entry: Entry) -> str:
    """When an entry was stored, for people: ``2024-03-10 14:05 UTC``."""
    at = entry.recorded_at
    if len(at) >= 16 and at[10] == "T":
        return f"{at[:10]} {at[11:16]} UTC"
    return at


def _check_not_duplicate(store: Store, entry: Entry) -> None:
    """Refuse an entry identical to one that counts already (the latest such one is named):
    the same value, date, note, source and breakdown (in any order)."""
    candidates = store.live_entries(
        entry.indicator_id, entry.period, entry.value, note=entry.note, source=entry.source
    )
    same = [
        e
        for e in candidates
        if (e.date or None) == (entry.date or None) and sorted(e.tags) == sorted(entry.tags)
    ]
    if same:
        raise Duplicate(same[-1])


def _check_plausible(store: Store, ind: Indicator, value: float, period: str) -> None:
    """Bounds, and ten times the largest actual of the indicator's other periods."""
    from wspolpraca_cli.recording import implausible

    actuals = {
        s.period: actual
        for s in store.summaries(indicator_ids=[ind.id])
        if (actual := s.values.value(ind.aggregation)) is not None
    }
    reasons = implausible(ind, value, period, actuals)
    if reasons:
        raise Implausible(reasons)


def require_recorded(ind: Indicator) -> None:
    """An indicator computed from the grants register takes no entries: ``wsp record``,
    ``wsp correct`` and an import of entries refuse it (InputError, exit 2), naming it and
    what it computes, with the hint to import the register."""
    if ind.computed is not None:
        from wspolpraca_cli.computed import refusal

        raise refusal(ind)


class PeriodChoice(NamedTuple):
    period: Period
    day: date | None = None
    """The date given with ``--date``."""
    current: bool = False
    """Nothing was given: the period containing today was taken."""


def choose_period(
    program: Program,
    ind: Indicator,
    *,
    year: int | None = None,
    period: str | None = None,
    day: str | None = None,
    today: date,
) -> PeriodChoice:
    """The period an entry is for: ``--year``, ``--period`` or ``--date`` (at most one), else
    the period containing today. Raises UsageError or InputError."""
    from wspolpraca_cli.recording import check_period, current_period, date_period, year_period

    if sum(x is not None for x in (year, period, day)) > 1:
        raise UsageError(t("record.one_period"), hint=t("record.period_hint"))
    if day is not None:
        from wspolpraca_cli.dates import parse_date

        the_day = parse_date(day)
        return PeriodChoice(date_period(program, ind, the_day), the_day)
    if period is not None:
        return PeriodChoice(check_period(program, ind, period))
    if year is not None:
        return PeriodChoice(year_period(program, ind, year))
    current = current_period(program, ind, today)
    if current is None:
        raise UsageError(
            t("record.no_current_period", first=program.first_year, last=program.last_year),
            hint=t("record.period_hint"),
        )
    return PeriodChoice(current, current=True)


class Recorded(NamedTuple):
    """What :func:`record` stored (or, in a dry run, would store)."""

    entry: Entry
    indicator: Indicator
    total: PeriodTotal | None
    dry_run: bool


def record(
    ws: Workspace,
    ind: Indicator,
    value: str,
    period: PeriodChoice,
    *,
    note: str = "",
    source: str = "",
    tags: Iterable[str] = (),
    by: str = "",
    today: date,
    dry_run: bool = False,
    confirmed: Collection[str] = (),
) -> Recorded:
    """Record ``value`` for ``ind`` in ``period``; the total is the figure ``wsp status``
    shows today for the period the entry counts in. Raises :class:`Duplicate` for an entry
    that counts already and :class:`Implausible` for a value that looks wrong, unless their
    concern is ``confirmed``; InputError for a bad value or tag, StoreError (exit 3)."""
    from wspolpraca_cli.recording import parse_tags
    from wspolpraca_cli.values import parse_indicator_value

    require_recorded(ind)
    number = parse_indicator_value(value, ind)
    entry = Entry(
        uid="",
        indicator_id=ind.id,
        period=str(period.period),
        value=number,
        date=period.day.isoformat() if period.day else None,
        note=note,
        source=source,
        tags=parse_tags(ind, tags),
        recorded_by=by.strip(),
    )
    with ws.open(readonly=dry_run) as store:
        _check_unlocked(store, entry.period)
        if DUPLICATE not in confirmed:
            _check_not_duplicate(store, entry)
        if IMPLAUSIBLE not in confirmed:
            _check_plausible(store, ind, number, entry.period)
        if dry_run:
            total = _would_be_total(store, ws.program, ind, entry.period, entry, today)
            return Recorded(entry, ind, total, dry_run=True)
        stored = store.add(entry)
        with _after_commit(stored):
            total = _stored_total(store, ws.program, ind, entry.period, today)
    return Recorded(stored, ind, total, dry_run=False)


# -- correct / void ---------------------------------------------------------------------------
class Superseded(NamedTuple):
    """What :func:`correct` or :func:`void` appended (or would append)."""

    old: Entry
    new: Entry
    indicator: Indicator | None
    """None for an entry of an indicator the programme no longer has."""
    total: PeriodTotal | None
    dry_run: bool

    @property
    def unit(self) -> Unit:
        return self.indicator.unit if self.indicator else Unit.NUMBER


def require_reason(reason: str | None) -> str:
    text = (reason or "").strip()
    if not text:
        raise UsageError(t("supersede.reason_required"), hint=t("supersede.reason_hint"))
    return text


def _supersedable(store: Store, text: str) -> Entry:
    """The entry ``text`` names, if it may be corrected or voided."""
    entry = store.get(text)
    if entry is None:
        raise InputError(t("entry.unknown", uid=text), hint=t("entry.unknown.hint"))
    if entry.kind is EntryKind.VOID:
        raise InputError(t("store.supersedes_void", uid=entry.uid[:SHORT]))
    successors = store.superseded_by(entry.indicator_id)
    if entry.uid in successors:
        latest = entry.uid
        while latest in successors:
            latest = successors[latest]
        last = store.get(latest)
        hint = (
            t("entry.chain_voided", uid=latest[:SHORT])
            if last is not None and last.kind is EntryKind.VOID
            else t("store.already_superseded.hint", uid=latest[:SHORT])
        )
        raise InputError(t("store.already_superseded", uid=entry.uid[:SHORT]), hint=hint)
    return entry


def supersede(
    ws: Workspace,
    entry_id: str,
    value: str | None,
    reason: str | None,
    *,
    note: str | None,
    source: str | None,
    tags: Iterable[str] | None = None,
    day: str | None = None,
    by: str,
    today: date,
    dry_run: bool,
    confirmed: Collection[str],
) -> Superseded:
    """Append an entry that supersedes ``entry_id`` (a uid or unique prefix): a correction to
    ``value``, or, with ``value`` None, a void (it no longer counts). The old entry stays in the
    history. A correction keeps the old entry's note, source, breakdown (``tags``) and date
    unless given; ``tags`` replace the old breakdown whole, and ``day`` must lie in the entry's
    period. Raises :class:`Implausible` for a correction that looks wrong, unless
    ``IMPLAUSIBLE`` is ``confirmed``; InputError for a bad tag or date."""
    from wspolpraca_cli.values import parse_indicator_value, parse_value

    why = require_reason(reason)
    with ws.open(readonly=dry_run) as store:
        old = _supersedable(store, entry_id)
        _check_unlocked(store, old.period)
        ind = ws.program.indicator(old.indicator_id)
        if ind is not None and value is not None:
            require_recorded(ind)  # a void of an entry recorded before stays possible
        unit = ind.unit if ind else Unit.NUMBER
        number = None
        if value is not None:
            number = parse_indicator_value(value, ind) if ind else parse_value(value, unit)
        new_tags, new_date = _corrected_details(ws.program, ind, old, tags, day)
        if number is not None and ind is not None and IMPLAUSIBLE not in confirmed:
            _check_plausible(store, ind, number, old.period)
        new = replace(
            old,
            uid="",
            value=number,
            kind=EntryKind.CORRECTION if value is not None else EntryKind.VOID,
            note=old.note if note is None else note,
            source=old.source if source is None else source,
            tags=new_tags,
            date=new_date,
            recorded_by=by.strip(),
            recorded_at="",
            supersedes=old.uid,
            reason=why,
            seq=0,
        )
        total = None
        counted = ind is not None and ind.computed is None  # a computed one's are the register's
        if dry_run:
            if ind is not None and counted:
                total = _would_be_total(store, ws.program, ind, old.period, new, today)
            return Superseded(old, new, ind, total, dry_run=True)
        new = store.add(new)
        with _after_commit(new):
            if ind is not None and counted:
                total = _stored_total(store, ws.program, ind, old.period, today)
    return Superseded(old, new, ind, total, dry_run=False)


def _corrected_details(
    program: Program,
    ind: Indicator | None,
    old: Entry,
    tags: Iterable[str] | None,
    day: str | None,
) -> tuple[tuple[tuple[str, str], ...], str | None]:
    """The breakdown and the date of a correction: the old entry's, or those given, checked
    as ``wsp record`` checks them (a date must lie in the entry's own period)."""
    if tags is None and day is None:
        return old.tags, old.date
    if ind is None:
        raise InputError(
            t("correct.indicator_gone", id=old.indicator_id), hint=t("correct.indicator_gone.hint")
        )
    from wspolpraca_cli.recording import date_period, parse_tags

    new_tags = old.tags if tags is None else parse_tags(ind, tags)
    if day is None:
        return new_tags, old.date
    from wspolpraca_cli.dates import parse_date

    the_day = parse_date(day, option="--date")
    try:
        period = str(date_period(program, ind, the_day))
    except InputError:
        period = ""
    if period != old.period:
        raise InputError(
            t("correct.date_elsewhere", date=the_day.isoformat(), period=old.period),
            hint=t("correct.date_elsewhere.hint"),
        )
    return new_tags, the_day.isoformat()


# -- history ----------------------------------------------------------------------------------
class History(NamedTuple):
    chains: list[tuple[Entry, int]]
    """Entries with each chain (record → corrections → void) together, and their depth."""
    superseded_by: dict[str, str]
    locks: tuple[LockEvent, ...] = ()
    """The locks and unlocks of the periods shown (overlapping them), in order."""
    explanations: tuple[Explanation, ...] = ()
    """The explanations and withdrawals of the indicator (and period) shown, in order."""

    def effective(self, entry: Entry) -> bool:
        return entry.kind is not EntryKind.VOID and entry.uid not in self.superseded_by


def history(ws: Workspace, ind: Indicator | None = None, period: str | None = None) -> History:
    """The entries of ``ind`` (or all), of one period when given, chains together."""
    from wspolpraca_cli.periods import parse_period
    from wspolpraca_cli.recording import check_period

    wanted = None
    if period is not None:
        if ind is not None:
            wanted = str(check_period(ws.program, ind, period))
        else:
            try:
                wanted = str(parse_period(period))
            except ValueError:
                raise InputError(t("period.invalid", period=period)) from None
    from wspolpraca_cli.services.audit import explanations_of, locks_of, read_trail

    with ws.open(readonly=True) as store:
        entries = store.entries(ind.id if ind else None)
        superseded_by = store.superseded_by(ind.id if ind else None)
        trail = read_trail(store, ind.id if ind else None)
    if wanted is not None:
        entries = [e for e in entries if e.period == wanted]
    locks = locks_of(trail, parse_period(wanted) if wanted is not None else None)
    explained = explanations_of(trail.explanations, wanted)
    return History(chains(entries), superseded_by, tuple(locks), tuple(explained))

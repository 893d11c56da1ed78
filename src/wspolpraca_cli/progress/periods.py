"""Where an indicator's values count: the periods its target is judged over (its
*evaluation periods*), the evaluation period each recorded period counts towards, the periods a
value is recorded under, and the target each evaluation period carries."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache

from wspolpraca_cli.aggregation import Aggregate
from wspolpraca_cli.model import Aggregation, Amendment, Indicator, Program
from wspolpraca_cli.periods import (
    Frequency,
    Period,
    PeriodKind,
    biennium_of,
    for_frequency,
    kind_of,
    parse_period,
    periods_of,
    weeks_in,
)
from wspolpraca_cli.targets import Target, TargetKind

_Place = Callable[[Period], Period | None]
_RANK = {
    PeriodKind.WEEK: -1,
    PeriodKind.MONTH: 0,
    PeriodKind.QUARTER: 1,
    PeriodKind.HALF: 2,
    PeriodKind.YEAR: 3,
    PeriodKind.BIENNIUM: 3.5,
    PeriodKind.PROGRAMME: 4,
}
_FREQUENCY_OF_KIND = {
    PeriodKind.WEEK: Frequency.WEEKLY,
    PeriodKind.BIENNIUM: Frequency.BIENNIAL,
    PeriodKind.MONTH: Frequency.MONTHLY,
    PeriodKind.QUARTER: Frequency.QUARTERLY,
    PeriodKind.HALF: Frequency.HALF_YEARLY,
    PeriodKind.YEAR: Frequency.YEARLY,
    PeriodKind.PROGRAMME: Frequency.END,
}


@lru_cache(maxsize=4096)
def parse_code(code: str) -> Period | None:
    """The period a code names (cached: the same few codes come again and again); None for a
    code that names none."""
    try:
        return parse_period(code)
    except ValueError:
        return None


def _coarser(a: PeriodKind, b: PeriodKind) -> PeriodKind:
    return a if _RANK[a] >= _RANK[b] else b


def due_year(ind: Indicator, program: Program) -> int | None:
    """The year a level (``30% w 2025``) or a milestone (``tak w 2025``) is due, when it lies
    in the programme's years; None for every other target."""
    target = ind.target
    if target.kind is TargetKind.CHANGE:  # a change: by its year, else by the programme's end
        year = program.last_year if target.year is None else target.year
        return year if program.first_year <= year <= program.last_year else None
    if target.kind not in (TargetKind.LEVEL, TargetKind.MILESTONE) or target.year is None:
        return None
    return target.year if program.first_year <= target.year <= program.last_year else None


def once_due(ind: Indicator, program: Program) -> Period | None:
    """The one evaluation period of a dated target measured once or at the end: its year."""
    if kind_of(ind.frequency) is not PeriodKind.PROGRAMME:
        return None
    year = due_year(ind, program)
    return Period(year, PeriodKind.YEAR) if year is not None else None


def evaluation_periods(ind: Indicator, program: Program) -> list[Period]:
    """The periods an indicator's target is judged over, in order: those of
    :func:`evaluation_kind` over the programme's years — except that a level or milestone
    with a year measured once or at the end of the programme (``tak w 2025``,
    ``jednorazowo``) is judged over its due year alone, so it is awaited, overdue, missed or
    achieved with that year (its report due by the year's deadline), not with the programme.
    """
    once = once_due(ind, program)
    if once is not None:
        return [once]
    return list(_periods(evaluation_kind(ind), program.first_year, program.last_year))


@lru_cache(maxsize=64)
def kind_positions(kind: PeriodKind, first_year: int, last_year: int) -> dict[Period, int]:
    """Each period of ``kind`` over the years → its position among them (as
    :func:`evaluation_periods` lists them for every indicator judged over that kind)."""
    return {p: n for n, p in enumerate(_periods(kind, first_year, last_year))}


@lru_cache(maxsize=64)
def _periods(kind: PeriodKind, first_year: int, last_year: int) -> tuple[Period, ...]:
    """The periods of ``kind`` over the years, made once: every indicator of that kind shares
    them (and each period's start and end, computed once)."""
    return tuple(periods_of(_FREQUENCY_OF_KIND[kind], first_year, last_year))


@lru_cache(maxsize=64)
def _starts(kind: PeriodKind, first_year: int, last_year: int) -> tuple[date, ...]:
    """The first days of :func:`_periods`, in their order (for a binary search)."""
    return tuple(p.start for p in _periods(kind, first_year, last_year))


def evaluation_kind(ind: Indicator) -> PeriodKind:
    """The kind of the periods an indicator's target is judged over (for a dated level or
    milestone measured once, the year: see :func:`evaluation_periods`)."""
    measured = kind_of(ind.frequency)
    target = ind.target
    if measured is PeriodKind.PROGRAMME:
        dated = target.kind in (TargetKind.LEVEL, TargetKind.MILESTONE) and target.year is not None
        return PeriodKind.YEAR if dated or target.kind is TargetKind.CHANGE else measured
    target = ind.target
    if target.kind in (TargetKind.PER_PERIOD, TargetKind.RANGE) and target.per is not None:
        return _coarser(kind_of(target.per), measured)
    if target.kind in (TargetKind.BY_YEAR, TargetKind.LEVEL, TargetKind.CHANGE) or (
        target.kind is TargetKind.MILESTONE and target.year is not None
    ):
        return _coarser(PeriodKind.YEAR, measured)
    return measured


def measurement_periods(ind: Indicator, program: Program, period: Period) -> list[Period]:
    """The periods a value is recorded under (``wsp record --period``) for the evaluation
    period ``period``: those of the indicator's frequency within it — for an indicator
    measured once or at the end, the programme's period, even where its target is judged
    over one year (``tak w 2025``, ``jednorazowo``: record ``2024-2026``, or ``--date``)."""
    kind = kind_of(ind.frequency)
    if kind is PeriodKind.PROGRAMME:
        return [Period(program.first_year, PeriodKind.PROGRAMME, program.last_year)]
    start, end = period.start, period.end
    every = _periods(kind, program.first_year, program.last_year)
    found = []
    for p in every[bisect_left(_starts(kind, program.first_year, program.last_year), start) :]:
        if p.start > end:  # (in order of their starts)
            break
        if p.end <= end:
            found.append(p)
    return found


def placement_in(ind: Indicator, program: Program, whole: Period) -> _Place:
    """Where an entry's period counts: the evaluation period that holds it (None: nowhere).

    A dated target measured once counts every value of the programme (its one measurement)
    or of a period up to the end of its due year towards that year; a value for a later
    period was not there in time and counts nowhere (:func:`evaluate` lists it as an orphan).
    """
    once = once_due(ind, program)
    if once is not None:
        due = once

        def place_once(period: Period) -> Period | None:
            return due if period.kind is PeriodKind.PROGRAMME or period.start <= due.end else None

        return place_once
    kind = evaluation_kind(ind)

    def place(period: Period) -> Period | None:
        return enclosing(period, kind, whole)

    return place


def placement(ind: Indicator, program: Program) -> _Place:
    """For an indicator, the function that tells the evaluation period an entry's period
    counts towards (None: nowhere) — the rule the engine uses, for renderers that list entries
    under their result (the report's notes and sources)."""
    whole = Period(program.first_year, PeriodKind.PROGRAMME, program.last_year)
    return placement_in(ind, program, whole)


def placement_key(ind: Indicator, program: Program) -> PeriodKind | Period:
    """What :func:`placement` and :func:`evaluation_periods` of an indicator depend on: its
    one due period (a dated target measured once), else its kind of evaluation period.
    Indicators with the same key place every period alike, so a caller can work out where a
    period code counts once per key instead of once per indicator."""
    once = once_due(ind, program)
    return once if once is not None else evaluation_kind(ind)


def enclosing(period: Period, kind: PeriodKind, programme: Period) -> Period | None:
    """The period of ``kind`` that contains ``period``; None if ``period`` is coarser (a
    week counts where its Thursday falls, as ISO numbers weeks)."""
    first, last = programme.year, programme.end_year
    if kind is PeriodKind.BIENNIUM and period.kind is PeriodKind.PROGRAMME:
        period = for_frequency(period, Frequency.BIENNIAL, first, last)
    if _RANK[period.kind] > _RANK[kind]:
        return None
    if kind is PeriodKind.PROGRAMME:
        return programme if period.kind is not PeriodKind.PROGRAMME or period == programme else None
    if period.kind is kind:
        return period
    if kind is PeriodKind.BIENNIUM:
        return biennium_of(period.year, first, last)
    if period.kind is PeriodKind.WEEK:
        thursday = period.start + timedelta(days=3)
        if kind is PeriodKind.YEAR:
            return Period(period.year, kind)  # the ISO year: that of its Thursday
        period = Period(thursday.year, PeriodKind.MONTH, thursday.month)
        if kind is PeriodKind.MONTH:
            return period
    month = period.start.month
    if kind is PeriodKind.YEAR:
        return Period(period.year, kind)
    if kind is PeriodKind.HALF:
        return Period(period.year, kind, 1 if month <= 6 else 2)
    return Period(period.year, kind, (month - 1) // 3 + 1)  # QUARTER (MONTH is handled above)


_DUE_BY_THE_PROGRAMME_DEADLINE = frozenset(
    {PeriodKind.YEAR, PeriodKind.BIENNIUM, PeriodKind.PROGRAMME}
)


def period_deadline(ind: Indicator, program: Program, period: Period) -> date:
    """When a period's data is due: a year or a longer period by the programme's reporting
    deadline (31 May of the following year); a shorter one ``deadline_days`` after it ends
    (the indicator's, else the programme's, 30 by default) — a month's data is not left
    awaited until the end of May of the next year."""
    if period.kind in _DUE_BY_THE_PROGRAMME_DEADLINE:
        return program.deadline.for_period(period)
    days = ind.deadline_days if ind.deadline_days is not None else program.deadline_days
    return period.end + timedelta(days=days)


def amendment_in_force(ind: Indicator, period: Period) -> Amendment | None:
    """The amendment of ``ind``'s target in force for ``period`` (None: the original target):
    the latest one from a year not after the period's last year — a year from its
    amendment's year on, a longer period (a biennium, the programme) by the target in force at
    its end."""
    found = None
    for amendment in ind.amendments:
        if amendment.from_year <= period.end_year:
            found = amendment
    return found


def target_in_force(ind: Indicator, period: Period) -> Target:
    """The target ``period`` is judged against: the original, or the amendment in force."""
    amendment = amendment_in_force(ind, period) if ind.amendments else None
    return ind.target if amendment is None else amendment.target


def _in_force(ind: Indicator, period: Period) -> Indicator:
    """``ind`` with the target in force for ``period`` (itself without amendments)."""
    if not ind.amendments:
        return ind
    amendment = amendment_in_force(ind, period)
    if amendment is None:
        return ind
    from wspolpraca_cli.records import replace

    return replace(ind, target=amendment.target, target_text=amendment.target_text)


def period_target(ind: Indicator, period: Period, program: Program) -> float | None:
    """The target an evaluation period carries (None: nothing due in this period), by the
    target in force for it (:func:`target_in_force`)."""
    ind = _in_force(ind, period)
    target = ind.target
    whole = period.kind is PeriodKind.PROGRAMME
    kind = target.kind
    if kind in (TargetKind.PER_PERIOD, TargetKind.CEILING, TargetKind.FLOOR, TargetKind.RANGE):
        return _per_period_value(ind, target.value, whole, program)
    if kind is TargetKind.BY_YEAR:
        if whole:
            return _programme_by_year(ind, program)
        return target.for_year(period.end_year)
    if kind is TargetKind.TOTAL:
        return target.value if whole else None
    if kind is TargetKind.LEVEL:
        return target.value if whole or period.end_year == target.year else None
    if kind is TargetKind.CHANGE:
        due = program.last_year if target.year is None else target.year
        return target.value if whole or period.end_year == due else None
    if kind is TargetKind.MILESTONE:
        due = whole or (target.year is not None and period.end_year == target.year)
        return 1.0 if due else None
    return None


def period_upper(ind: Indicator, period: Period, program: Program) -> float | None:
    """A range's upper bound for an evaluation period (None for every other target)."""
    ind = _in_force(ind, period)
    if ind.target.kind is not TargetKind.RANGE:
        return None
    return _per_period_value(ind, ind.target.upper, period.kind is PeriodKind.PROGRAMME, program)


def _per_period_value(
    ind: Indicator, value: float | None, whole: bool, program: Program
) -> float | None:
    """A value due in every period; over the whole programme, for a ``sum`` of a value per
    year (half-year…), that value times the periods of the programme."""
    per = ind.target.per
    if whole and per is not None and value is not None and ind.aggregation is Aggregation.SUM:
        if per is Frequency.WEEKLY:  # the ISO weeks of the programme's years (52 or 53 each)
            return value * sum(weeks_in(y) for y in program.years)
        years = program.last_year - program.first_year + 1
        return value * years * per.per_year
    return value


def _programme_by_year(ind: Indicator, program: Program) -> float | None:
    """The programme's target of targets by year: the years' targets in the programme,
    aggregated as the indicator's values are (a ``sum`` adds them, a ``last`` takes the last)."""
    values = [v for y, v in ind.target.by_year if program.first_year <= y <= program.last_year]
    return Aggregate.of(values).value(ind.aggregation) if values else None

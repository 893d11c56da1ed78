"""The progress engine: a programme's targets × its measurements → achievement and status.

Pure: no I/O, no printing, no clock (the as-of date is a parameter). Two ways in:

- :func:`progress` takes :class:`~wspolpraca_cli.entries.Entry` values (any order, superseded
  entries and voids included) and does everything;
- :func:`evaluate` takes per-(indicator, period) summaries — the store's ``summaries()``
  computes them in SQL (:func:`wspolpraca_cli.entries.summarise` is the pure equivalent over
  a list of entries) — so that a million entries never become Python objects.

For every indicator the engine lists its *evaluation periods* (normally the measurement
periods; the year when a per-year or by-year target is measured more often; the whole programme
for a one-off or end-of-programme measurement — except a level or milestone due in a given year,
which is judged over that year alone, see :func:`evaluation_periods`) with the target, the
actual (the indicator's
aggregation over the period's effective entries), the achievement (actual ÷ target, or
target ÷ actual for a descending indicator) and the status code of SPEC's table. It adds the
programme-level figure (``1/rok`` over 2021–2025: 5 in total and 5 years to achieve) and rolls
statuses up to actions, areas and specific goals.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cached_property, lru_cache
from typing import Protocol

from wspolpraca_cli.aggregation import EMPTY, Aggregate
from wspolpraca_cli.entries import Entry, summarise
from wspolpraca_cli.model import Aggregation, Indicator, Program
from wspolpraca_cli.periods import (
    Frequency,
    Period,
    PeriodKind,
    kind_of,
    parse_period,
    periods_of,
)
from wspolpraca_cli.targets import TargetKind


class Status(StrEnum):
    """The status of an indicator in a period (English codes; translated on screen)."""

    ACHIEVED = "achieved"
    """Target met (an ascending ``sum``/``max`` indicator or a milestone: possibly early)."""
    IN_PROGRESS = "in_progress"
    """Period open, target not yet met."""
    MISSED = "missed"
    """Period closed, data present, target not met."""
    AWAITING = "awaiting"
    """Period closed, no data yet, reporting deadline not yet passed."""
    OVERDUE = "overdue"
    """Period closed, no data, reporting deadline passed."""
    NOT_STARTED = "not_started"
    """Period not begun."""
    REPORTED = "reported"
    """No numeric target, data present."""


STATUS_ORDER: tuple[Status, ...] = (
    Status.ACHIEVED,
    Status.IN_PROGRESS,
    Status.MISSED,
    Status.AWAITING,
    Status.OVERDUE,
    Status.NOT_STARTED,
    Status.REPORTED,
)
"""The order in which summaries list the statuses."""

SHORTFALLS = frozenset({Status.MISSED, Status.OVERDUE})
"""The statuses ``wsp check`` turns into exit code 1."""

NEEDS_ATTENTION = frozenset({Status.AWAITING, Status.OVERDUE, Status.MISSED})
"""The statuses of a closed period a coordinator must see: data still to record, or a miss."""

_EPSILON = 1e-9


# -- input ------------------------------------------------------------------------------------
class Summary(Protocol):
    """What the engine needs of one (indicator, period): :class:`entries.PeriodSummary` fits.
    Computed over the effective entries not dated after as-of."""

    @property
    def indicator_id(self) -> str: ...
    @property
    def period(self) -> str: ...
    @property
    def count(self) -> int: ...
    @property
    def values(self) -> Aggregate: ...


# -- results ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class PeriodResult:
    """One indicator in one evaluation period."""

    indicator_id: str
    period: Period
    target: float | None
    """None: no numeric target for this period (monitoring, or the target is due elsewhere)."""
    actual: float | None
    """The aggregated value; 0 for a ``sum`` indicator without entries; None without data."""
    count: int
    """How many effective entries count (0: no data — an explicit 0 is data)."""
    achievement: float | None
    """actual ÷ target (target ÷ actual when descending); None when undefined."""
    baseline_progress: float | None
    """(actual − baseline) ÷ (target − baseline) where a baseline exists; else None."""
    status: Status
    deadline: date
    """The reporting deadline of the period."""

    @property
    def code(self) -> str:
        return str(self.period)

    @property
    def has_data(self) -> bool:
        return self.count > 0


@dataclass(frozen=True)
class ProgrammeResult:
    """An indicator over the whole programme, as of the date."""

    indicator_id: str
    period: Period
    """The programme's years (``2021-2025``)."""
    target: float | None
    """``1/rok`` over five years: 5; a total, level or ceiling: its value; none: None."""
    actual: float | None
    """The aggregation over every counted entry (a level: the latest reading)."""
    count: int
    achievement: float | None
    baseline_progress: float | None
    status: Status
    periods_with_target: int
    """Evaluation periods that carry a target (``1/rok`` over 2021–2025: 5)."""
    periods_achieved: int
    period_counts: tuple[tuple[Status, int], ...]
    """How many evaluation periods have each status, in :data:`STATUS_ORDER`."""


@dataclass(frozen=True)
class IndicatorProgress:
    indicator: Indicator
    periods: tuple[PeriodResult, ...]
    """Every evaluation period of the programme, in order."""
    programme: ProgrammeResult
    descending: bool

    @property
    def id(self) -> str:
        return self.indicator.id

    def period(self, code: str | Period) -> PeriodResult | None:
        wanted = code if isinstance(code, Period) else _parse(code.strip())
        return next((r for r in self.periods if r.period == wanted), None)

    def in_year(self, year: int) -> list[PeriodResult]:
        """The evaluation periods that overlap ``year`` (a programme-wide one overlaps all)."""
        return [r for r in self.periods if r.period.year <= year <= r.period.end_year]

    def current(self, as_of: date) -> PeriodResult:
        """The period containing ``as_of`` (the first before the programme, the last after)."""
        for r in self.periods:
            if as_of <= r.period.end:
                return r
        return self.periods[-1]

    def default_view(self, as_of: date) -> list[PeriodResult]:
        """The current period (see :meth:`current`), preceded, in order, by every earlier
        period that needs attention — ``awaiting``, ``overdue`` or ``missed``, however long
        ago — and by the previous period whatever its status while its report is still due
        (closed, and ``as_of`` not after its reporting deadline)."""
        current = self.current(as_of)
        index = self.periods.index(current)
        rows = [
            r
            for i, r in enumerate(self.periods[:index])
            if r.status in NEEDS_ATTENTION
            or (i == index - 1 and r.period.end < as_of <= r.deadline)
        ]
        rows.append(current)
        return rows


class OrphanReason(StrEnum):
    UNKNOWN_INDICATOR = "unknown_indicator"
    BAD_PERIOD = "bad_period"
    WRONG_FREQUENCY = "wrong_frequency"
    OUTSIDE_PROGRAMME = "outside_programme"


@dataclass(frozen=True)
class Orphan:
    """Stored values the programme cannot place (they count nowhere)."""

    indicator_id: str
    period: str
    count: int
    reason: OrphanReason


@dataclass(frozen=True)
class Rollup:
    """Status counts of the indicators under one programme node."""

    level: str
    """``programme``, ``goal``, ``area`` or ``action``."""
    id: str
    name: str
    indicator_ids: tuple[str, ...]
    counts: tuple[tuple[Status, int], ...]
    """How many results have each status (only statuses that occur), in STATUS_ORDER."""

    def count(self, status: Status) -> int:
        return dict(self.counts).get(status, 0)

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)


@dataclass(frozen=True)
class ProgrammeProgress:
    program: Program
    as_of: date
    indicators: tuple[IndicatorProgress, ...]
    orphans: tuple[Orphan, ...] = ()

    def indicator(self, indicator_id: str) -> IndicatorProgress | None:
        return self._by_id.get(indicator_id)

    @cached_property
    def _by_id(self) -> dict[str, IndicatorProgress]:
        return {ip.id: ip for ip in self.indicators}

    def current_rows(self) -> list[PeriodResult]:
        """Every indicator's default view (see :meth:`IndicatorProgress.default_view`)."""
        return [r for ip in self.indicators for r in ip.default_view(self.as_of)]

    def year_rows(self, year: int) -> list[PeriodResult]:
        return [r for ip in self.indicators for r in ip.in_year(year)]

    def rollups(
        self, results: Iterable[PeriodResult | ProgrammeResult] | None = None
    ) -> list[Rollup]:
        """Roll ``results`` (default: every indicator's programme-level result) up."""
        chosen = list(results) if results is not None else [ip.programme for ip in self.indicators]
        statuses: dict[str, list[Status]] = {}
        for r in chosen:
            statuses.setdefault(r.indicator_id, []).append(r.status)
        return roll_up(self.program, statuses)


# -- arithmetic -------------------------------------------------------------------------------
def achievement(actual: float | None, target: float | None, descending: bool) -> float | None:
    """actual ÷ target; target ÷ actual when descending.

    Where that division is by zero — an ascending target of 0 (``0/rok``), a descending actual
    of 0 (``≤ 20%`` with 0, ``≤ 0`` with 0) — a met target is 1.0 (100%: the best result
    there is) and an unmet one None. None also without a value or target, and for a negative
    target (no meaningful ratio)."""
    if actual is None or target is None or target < 0:
        return None
    if descending:
        if actual <= 0:
            return 1.0 if target_met(actual, target, descending) else None
        return target / actual
    if target == 0:
        return 1.0 if target_met(actual, target, descending) else None
    return actual / target


def target_met(actual: float, target: float, descending: bool) -> bool:
    tolerance = _EPSILON * max(1.0, abs(target))
    if descending:
        return actual <= target + tolerance
    return actual >= target - tolerance


def baseline_progress(
    actual: float | None, target: float | None, base: float | None
) -> float | None:
    """How far from the baseline towards the target: 0 at the baseline, 1 at the target."""
    if actual is None or target is None or base is None or math.isclose(target, base):
        return None
    return (actual - base) / (target - base)


def period_status(
    period: Period,
    *,
    target: float | None,
    actual: float | None,
    has_data: bool,
    descending: bool,
    settles_early: bool,
    as_of: date,
    deadline: date,
) -> Status:
    """SPEC's table: the status of one period as of ``as_of``."""
    if as_of < period.start:
        return Status.NOT_STARTED
    closed = as_of > period.end
    if not has_data or actual is None:
        if not closed:
            return Status.IN_PROGRESS
        return Status.OVERDUE if as_of > deadline else Status.AWAITING
    if target is None:
        return Status.REPORTED
    met = target_met(actual, target, descending)
    if closed:
        return Status.ACHIEVED if met else Status.MISSED
    return Status.ACHIEVED if met and settles_early else Status.IN_PROGRESS


# -- periods ----------------------------------------------------------------------------------
_Place = Callable[[Period], Period | None]
_RANK = {
    PeriodKind.MONTH: 0,
    PeriodKind.QUARTER: 1,
    PeriodKind.HALF: 2,
    PeriodKind.YEAR: 3,
    PeriodKind.PROGRAMME: 4,
}
_FREQUENCY_OF_KIND = {
    PeriodKind.MONTH: Frequency.MONTHLY,
    PeriodKind.QUARTER: Frequency.QUARTERLY,
    PeriodKind.HALF: Frequency.HALF_YEARLY,
    PeriodKind.YEAR: Frequency.YEARLY,
    PeriodKind.PROGRAMME: Frequency.END,
}
_PER_PERIOD_KINDS = frozenset(
    {TargetKind.PER_PERIOD, TargetKind.CEILING, TargetKind.FLOOR, TargetKind.BY_YEAR}
)


@lru_cache(maxsize=4096)
def _parse(code: str) -> Period | None:
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
    if target.kind not in (TargetKind.LEVEL, TargetKind.MILESTONE) or target.year is None:
        return None
    return target.year if program.first_year <= target.year <= program.last_year else None


def _once_due(ind: Indicator, program: Program) -> Period | None:
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
    once = _once_due(ind, program)
    if once is not None:
        return [once]
    frequency = _FREQUENCY_OF_KIND[evaluation_kind(ind)]
    return periods_of(frequency, program.first_year, program.last_year)


def evaluation_kind(ind: Indicator) -> PeriodKind:
    """The kind of the periods an indicator's target is judged over (for a dated level or
    milestone measured once, the year: see :func:`evaluation_periods`)."""
    measured = kind_of(ind.frequency)
    target = ind.target
    if measured is PeriodKind.PROGRAMME:
        dated = target.kind in (TargetKind.LEVEL, TargetKind.MILESTONE)
        return PeriodKind.YEAR if dated and target.year is not None else measured
    target = ind.target
    if target.kind is TargetKind.PER_PERIOD and target.per is not None:
        return _coarser(kind_of(target.per), measured)
    if target.kind in (TargetKind.BY_YEAR, TargetKind.LEVEL) or (
        target.kind is TargetKind.MILESTONE and target.year is not None
    ):
        return _coarser(PeriodKind.YEAR, measured)
    return measured


def measurement_periods(ind: Indicator, program: Program, period: Period) -> list[Period]:
    """The periods a value is recorded under (``wsp record --period``) for the evaluation
    period ``period``: those of the indicator's frequency within it — for an indicator
    measured once or at the end, the programme's period, even where its target is judged
    over one year (``tak w 2025``, ``jednorazowo``: record ``2024-2026``, or ``--date``)."""
    if kind_of(ind.frequency) is PeriodKind.PROGRAMME:
        return [Period(program.first_year, PeriodKind.PROGRAMME, program.last_year)]
    return [
        p
        for p in periods_of(ind.frequency, program.first_year, program.last_year)
        if period.start <= p.start and p.end <= period.end
    ]


def _placement(ind: Indicator, program: Program, whole: Period) -> _Place:
    """Where an entry's period counts: the evaluation period that holds it (None: nowhere).

    A dated target measured once counts every value of the programme (its one measurement)
    or of a period up to the end of its due year towards that year; a value for a later
    period was not there in time and counts nowhere (:func:`evaluate` lists it as an orphan).
    """
    once = _once_due(ind, program)
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
    return _placement(ind, program, whole)


def enclosing(period: Period, kind: PeriodKind, programme: Period) -> Period | None:
    """The period of ``kind`` that contains ``period``; None if ``period`` is coarser."""
    if _RANK[period.kind] > _RANK[kind]:
        return None
    if kind is PeriodKind.PROGRAMME:
        return programme if period.kind is not PeriodKind.PROGRAMME or period == programme else None
    if period.kind is kind:
        return period
    month = period.start.month
    if kind is PeriodKind.YEAR:
        return Period(period.year, kind)
    if kind is PeriodKind.HALF:
        return Period(period.year, kind, 1 if month <= 6 else 2)
    return Period(period.year, kind, (month - 1) // 3 + 1)  # QUARTER (MONTH is handled above)


# -- the engine -------------------------------------------------------------------------------
def settles_early(ind: Indicator) -> bool:
    """Whether a met target stays met while the period runs: an ascending ``sum`` or ``max``,
    a descending ``min``, a milestone."""
    if ind.target.kind is TargetKind.MILESTONE:
        return True
    if ind.target.descending:
        return ind.aggregation is Aggregation.MIN
    return ind.aggregation in (Aggregation.SUM, Aggregation.MAX)


def period_target(ind: Indicator, period: Period, program: Program) -> float | None:
    """The target an evaluation period carries (None: nothing due in this period)."""
    target = ind.target
    whole = period.kind is PeriodKind.PROGRAMME
    kind = target.kind
    if kind in (TargetKind.PER_PERIOD, TargetKind.CEILING, TargetKind.FLOOR):
        if (
            whole
            and target.per is not None
            and target.value is not None
            and ind.aggregation is Aggregation.SUM
        ):
            years = program.last_year - program.first_year + 1
            return target.value * years * target.per.per_year
        return target.value
    if kind is TargetKind.BY_YEAR:
        if whole:
            return _programme_by_year(ind, program)
        return target.for_year(period.end_year)
    if kind is TargetKind.TOTAL:
        return target.value if whole else None
    if kind is TargetKind.LEVEL:
        return target.value if whole or period.end_year == target.year else None
    if kind is TargetKind.MILESTONE:
        due = whole or (target.year is not None and period.end_year == target.year)
        return 1.0 if due else None
    return None


def _programme_by_year(ind: Indicator, program: Program) -> float | None:
    """The programme's target of targets by year: the years' targets in the programme,
    aggregated as the indicator's values are (a ``sum`` adds them, a ``last`` takes the last)."""
    values = [v for y, v in ind.target.by_year if program.first_year <= y <= program.last_year]
    return Aggregate.of(values).value(ind.aggregation) if values else None


def evaluate(
    program: Program,
    summaries: Iterable[Summary],
    as_of: date,
    indicator_ids: Iterable[str] | None = None,
) -> ProgrammeProgress:
    """Progress of every indicator (or of those in ``indicator_ids``) as of ``as_of``, from
    per-(indicator, period) summaries of the effective entries that count as of that date
    (see :func:`wspolpraca_cli.entries.summarise`)."""
    whole = Period(program.first_year, PeriodKind.PROGRAMME, program.last_year)
    by_indicator: dict[str, list[tuple[Period, Summary]]] = {}
    orphans: list[Orphan] = []
    for s in summaries:
        ind = program.indicator(s.indicator_id)
        if ind is None:
            orphans.append(
                Orphan(s.indicator_id, s.period, s.count, OrphanReason.UNKNOWN_INDICATOR)
            )
            continue
        period = _parse(s.period.strip())
        if period is None:
            orphans.append(Orphan(s.indicator_id, s.period, s.count, OrphanReason.BAD_PERIOD))
            continue
        if period.year < program.first_year or period.end_year > program.last_year:
            orphans.append(
                Orphan(s.indicator_id, s.period, s.count, OrphanReason.OUTSIDE_PROGRAMME)
            )
            continue
        if enclosing(period, kind_of(ind.frequency), whole) is None or (
            _once_due(ind, program) is not None and _placement(ind, program, whole)(period) is None
        ):
            orphans.append(Orphan(s.indicator_id, s.period, s.count, OrphanReason.WRONG_FREQUENCY))
            continue
        by_indicator.setdefault(ind.id, []).append((period, s))
    wanted = None if indicator_ids is None else set(indicator_ids)
    results = tuple(
        _indicator_progress(ind, program, by_indicator.get(ind.id, []), as_of, whole)
        for ind in program.indicators
        if wanted is None or ind.id in wanted
    )
    return ProgrammeProgress(program, as_of, results, tuple(orphans))


def progress(program: Program, entries: Iterable[Entry], as_of: date) -> ProgrammeProgress:
    """Progress of every indicator as of ``as_of``, from the store's entries (all of them:
    superseded entries, voids and entries dated after ``as_of`` are left out here)."""
    return evaluate(program, summarise(entries, as_of), as_of)


def _indicator_progress(
    ind: Indicator,
    program: Program,
    items: list[tuple[Period, Summary]],
    as_of: date,
    whole: Period,
) -> IndicatorProgress:
    eval_periods = evaluation_periods(ind, program)
    place = _placement(ind, program, whole)
    accs: dict[Period, Aggregate] = dict.fromkeys(eval_periods, EMPTY)
    for period, s in sorted(items, key=lambda item: (item[0].start, item[0].end)):
        target_period = place(period)
        if target_period is not None and target_period in accs:
            accs[target_period] = accs[target_period].merge(s.values)
    descending = ind.target.descending
    early = settles_early(ind)
    base = ind.baseline.value if ind.baseline else None
    rows: list[PeriodResult] = []
    for p in eval_periods:
        acc = accs[p]
        target = period_target(ind, p, program)
        actual = acc.value(ind.aggregation)
        deadline = program.deadline.for_period(p)
        status = period_status(
            p,
            target=target,
            actual=actual,
            has_data=acc.count > 0,
            descending=descending,
            settles_early=early,
            as_of=as_of,
            deadline=deadline,
        )
        rows.append(
            PeriodResult(
                ind.id,
                p,
                target,
                actual,
                acc.count,
                achievement(actual, target, descending),
                baseline_progress(actual, target, base),
                status,
                deadline,
            )
        )
    everything = EMPTY
    for p in eval_periods:
        everything = everything.merge(accs[p])
    programme = _programme_result(ind, program, rows, everything, as_of, whole)
    return IndicatorProgress(ind, tuple(rows), programme, descending)


def _programme_result(
    ind: Indicator,
    program: Program,
    rows: list[PeriodResult],
    everything: Aggregate,
    as_of: date,
    whole: Period,
) -> ProgrammeResult:
    """The programme-to-date row of one indicator. Its actual and achievement are always
    those of the figure its status is decided on:

    - one evaluation period spanning the programme (once or at the end, undated target):
      that period's result;
    - a target in every period (``1/rok``, ``≤ 50%``, ``≥ 3``, by year): the total of the
      periods' targets and of the actual for a ``sum`` (else the target's value and the
      indicator's aggregation over every counted entry); the status is ``achieved`` once
      every period with a target is, otherwise decided by the periods (see
      :func:`_status_from_periods`) — the total can reach 100% while a year was missed or
      is overdue, which ``periods_achieved`` of ``periods_with_target`` shows;
    - a level or milestone due in a year (``30% w 2025``, ``tak w 2025``): once the due
      period has data, or has closed, the due period's result — target, actual, count,
      achievement and status — so a value recorded for another year never makes an overdue
      or missed due period look achieved; before that, the latest reading so far with
      ``in_progress`` (``achieved`` if it meets a target that settles early, such as a
      milestone reached ahead of its year; ``not_started`` before the programme);
    - a total over the programme, or no target: the aggregation over every counted entry
      judged like one period spanning the programme.

    Then earlier shortfalls are reflected: while that status is still open (``in_progress``,
    or ``reported`` for a monitoring indicator), a closed evaluation period that is
    ``overdue`` makes it ``overdue``, else one that is ``missed`` makes it ``missed``.
    """
    descending = ind.target.descending
    target_kind = ind.target.kind
    targeted = [r for r in rows if r.target is not None]
    achieved = sum(1 for r in targeted if r.status is Status.ACHIEVED)
    per_status = {s: 0 for s in STATUS_ORDER}
    for r in rows:
        per_status[r.status] += 1
    period_counts = tuple((s, n) for s, n in per_status.items() if n)
    base = ind.baseline.value if ind.baseline else None
    actual = everything.value(ind.aggregation)
    count = everything.count
    year_due = due_year(ind, program)
    if len(rows) == 1 and rows[0].period == whole:
        only = rows[0]
        target, status = only.target, only.status
    elif target_kind in _PER_PERIOD_KINDS:
        target = period_target(ind, whole, program)
        if ind.aggregation is Aggregation.SUM and targeted:
            target = math.fsum(r.target for r in targeted if r.target is not None)
            base = None  # a baseline is a level per period, not comparable with a total
        status = _status_from_periods(targeted, rows, as_of, whole)
    elif year_due is not None:
        due = next((r for r in rows if r.target is not None), None)
        target = period_target(ind, whole, program)
        if due is not None and (due.has_data or as_of > due.period.end):
            target, actual, count, status = due.target, due.actual, due.count, due.status
        else:
            with_data = [r for r in rows if r.has_data and r.period.start <= as_of]
            if with_data:
                actual, count = with_data[-1].actual, with_data[-1].count
            status = Status.IN_PROGRESS
            if as_of < whole.start:
                status = Status.NOT_STARTED
            elif (
                settles_early(ind)
                and actual is not None
                and target is not None
                and target_met(actual, target, descending)
            ):
                status = Status.ACHIEVED
    else:  # a total, a milestone by the programme's end, or no target
        target = period_target(ind, whole, program)
        status = period_status(
            whole,
            target=target,
            actual=actual,
            has_data=count > 0,
            descending=descending,
            settles_early=settles_early(ind),
            as_of=as_of,
            deadline=program.deadline.for_period(whole),
        )
    if status in (Status.IN_PROGRESS, Status.REPORTED):
        status = _earlier_shortfall(rows, as_of) or status
    return ProgrammeResult(
        indicator_id=ind.id,
        period=whole,
        target=target,
        actual=actual,
        count=count,
        achievement=achievement(actual, target, descending),
        baseline_progress=baseline_progress(actual, target, base),
        status=status,
        periods_with_target=len(targeted),
        periods_achieved=achieved,
        period_counts=period_counts,
    )


def _earlier_shortfall(rows: list[PeriodResult], as_of: date) -> Status | None:
    """``overdue`` if a closed period is overdue, else ``missed`` if one is missed, else None."""
    closed = {r.status for r in rows if r.period.end < as_of}
    for status in (Status.OVERDUE, Status.MISSED):
        if status in closed:
            return status
    return None


def _status_from_periods(
    targeted: list[PeriodResult], rows: list[PeriodResult], as_of: date, whole: Period
) -> Status:
    """The programme status of a target in every period: ``achieved`` once every period
    with a target is; before the programme ``not_started``; while it runs ``in_progress``
    (made ``overdue`` or ``missed`` by an earlier period, see :func:`_programme_result`);
    after it, the first of ``overdue``, ``missed``, ``awaiting`` among the periods (those
    with a target, or all without one), else ``reported`` or ``achieved``."""
    if targeted and all(r.status is Status.ACHIEVED for r in targeted):
        return Status.ACHIEVED
    if as_of < whole.start:
        return Status.NOT_STARTED
    if as_of <= whole.end:
        return Status.IN_PROGRESS
    statuses = {r.status for r in (targeted or rows)}
    for status in (Status.OVERDUE, Status.MISSED, Status.AWAITING):
        if status in statuses:
            return status
    return Status.REPORTED if Status.REPORTED in statuses else Status.ACHIEVED


# -- roll-ups ---------------------------------------------------------------------------------
def _counts(statuses: Iterable[Status]) -> tuple[tuple[Status, int], ...]:
    per = {s: 0 for s in STATUS_ORDER}
    for s in statuses:
        per[s] += 1
    return tuple((s, n) for s, n in per.items() if n)


def roll_up(program: Program, statuses: Mapping[str, Sequence[Status]]) -> list[Rollup]:
    """Status counts for the whole programme, each specific goal, area and action.

    ``statuses`` maps an indicator id to the statuses to count for it (one per shown period,
    or its programme-level status); indicators not in the mapping count nothing.
    """

    def node(level: str, node_id: str, name: str, ids: Iterable[str]) -> Rollup:
        chosen = tuple(i for i in ids if i in statuses)
        return Rollup(level, node_id, name, chosen, _counts(s for i in chosen for s in statuses[i]))

    result = [
        node("programme", program.main_goal.id, program.main_goal.name,
             [i.id for i in program.indicators]),
    ]  # fmt: skip
    for goal in program.specific_goals:
        ids = [i.id for a in program.actions if goal.id in a.goals for i in a.indicators]
        result.append(node("goal", goal.id, goal.name, ids))
    for area in program.areas:
        ids = [i.id for a in area.actions for i in a.indicators]
        result.append(node("area", area.id, area.name, ids))
    for action in program.actions:
        result.append(node("action", action.id, action.name, [i.id for i in action.indicators]))
    return result


def summary_counts(
    results: Iterable[PeriodResult | ProgrammeResult],
) -> tuple[tuple[Status, int], ...]:
    """How many of ``results`` have each status (only those that occur), in STATUS_ORDER."""
    return _counts(r.status for r in results)

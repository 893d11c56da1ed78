"""What the progress engine returns: statuses, per-period and programme-level results, an
indicator's progress, values that count nowhere (orphans), roll-ups — frozen values, and the
:class:`Summary` the engine takes in."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from functools import cached_property
from typing import Protocol

from wspolpraca_cli.aggregation import Aggregate
from wspolpraca_cli.audit import Explanation
from wspolpraca_cli.model import Indicator, Program
from wspolpraca_cli.periods import Period
from wspolpraca_cli.progress.periods import parse_code
from wspolpraca_cli.records import record
from wspolpraca_cli.targets import Target


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
@record
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
    target_upper: float | None = None
    """A range's upper bound (``target`` is its lower bound); None for every other target."""
    breakdowns: tuple[BreakdownTotals, ...] = ()
    """The period's value per value of each of the indicator's breakdowns (none declared:
    empty)."""
    locked: bool = False
    """A period lock in force covers the period (set by the services from the audit trail)."""
    explanation: Explanation | None = None
    """The explanation of a shortfall in force for the period (the audit trail's)."""

    @property
    def code(self) -> str:
        return str(self.period)

    @property
    def has_data(self) -> bool:
        return self.count > 0


@record
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
    periods_due: int = 0
    """Evaluation periods whose data is due as of the date (their reporting deadline passed)."""
    periods_due_with_data: int = 0
    """Of :attr:`periods_due`, those with data: the programme's data completeness, a finding
    apart from :attr:`status` (a period without data is its own ``overdue`` row)."""
    target_upper: float | None = None
    """A range's upper bound over the programme (``target`` is its lower bound)."""
    breakdowns: tuple[BreakdownTotals, ...] = ()
    """The programme's value to date per value of each breakdown (see :class:`PeriodResult`)."""

    @property
    def complete(self) -> bool:
        """Whether every period due has data."""
        return self.periods_due_with_data >= self.periods_due


@record
class BreakdownValue:
    """One value of a breakdown (``organizator: wspólnie``, or the entries that do not give
    it) in one period or over the programme: its figures, aggregated as the indicator's are
    from the entries tagged with it, and — with a target of its own — its status."""

    value: str | None
    """The value's code; None: the entries that do not give this breakdown (unspecified)."""
    label: str
    result: PeriodResult | ProgrammeResult
    """Its actual, entries, target, achievement and status, judged like the indicator's."""
    target: Target | None = None
    """The value's own target (None: it has none, and its status says nothing of note)."""
    target_text: str = ""
    listed: bool = True
    """Whether the programme lists the value (not: the unspecified, or a value recorded that
    the breakdown does not list, e.g. since removed from the programme)."""

    @property
    def targeted(self) -> bool:
        return self.target is not None


@record
class BreakdownTotals:
    """A breakdown's values in one period or over the programme: the declared values in the
    programme's order, then any other value recorded, then the unspecified (value None)."""

    key: str
    label: str
    values: tuple[BreakdownValue, ...]


@record
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
        wanted = code if isinstance(code, Period) else parse_code(code.strip())
        return next((r for r in self.periods if r.period == wanted), None)

    def in_year(self, year: int) -> list[PeriodResult]:
        """The evaluation periods that overlap ``year`` (a programme-wide one overlaps all; a
        week, each calendar year it has days in)."""
        return [r for r in self.periods if r.period.start.year <= year <= r.period.end.year]

    def current(self, as_of: date) -> PeriodResult:
        """The period containing ``as_of`` (the first before the programme, the last after)."""
        return self.periods[self._current_index(as_of)]

    def _current_index(self, as_of: date) -> int:
        for n, r in enumerate(self.periods):
            if as_of <= r.period.end:
                return n
        return len(self.periods) - 1

    def default_view(self, as_of: date) -> list[PeriodResult]:
        """The current period (see :meth:`current`), preceded, in order, by every earlier
        period that needs attention — ``awaiting``, ``overdue`` or ``missed``, however long
        ago — and by the previous period whatever its status while its report is still due
        (closed, and ``as_of`` not after its reporting deadline)."""
        index = self._current_index(as_of)
        current = self.periods[index]
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


@record
class Orphan:
    """Stored values the programme cannot place (they count nowhere)."""

    indicator_id: str
    period: str
    count: int
    reason: OrphanReason


@record
class Rollup:
    """Status counts of the indicators under one programme node."""

    level: str
    """``programme``, ``main_goal`` (when there are several), ``goal`` (a specific goal),
    ``area`` or ``action``."""
    id: str
    """The node's id (the programme's: its main goal's, empty when it has several)."""
    name: str
    indicator_ids: tuple[str, ...]
    counts: tuple[tuple[Status, int], ...]
    """How many results have each status (only statuses that occur), in STATUS_ORDER."""
    parent: str = ""
    """The node above: a specific goal's main goal, an action's area (else empty)."""

    def count(self, status: Status) -> int:
        return dict(self.counts).get(status, 0)

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)


@record
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
        from wspolpraca_cli.progress.rollups import roll_up

        return roll_up(self.program, statuses)

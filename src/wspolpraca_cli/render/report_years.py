"""The multi-year evaluation (``wsp report --years 2021-2025``): what it says.

One table per action area, one row per indicator: its target, its value in each year of the
range (a year's total, by the indicator's aggregation, for an indicator measured more often),
the total over the range, the target for the range, the degree of achievement, how many
periods met their target, and the status. Over the whole programme those are the engine's
programme-to-date figures; over a part of it, the periods inside the range judged as one
period by the same rules (targets added up for a ``sum``, else the last target in the range;
a total over the whole programme has no target for a part of it).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from wspolpraca_cli.i18n import t
from wspolpraca_cli.model import Aggregation, Indicator, Program, Unit
from wspolpraca_cli.numfmt import DASH, format_percent, format_target, format_value, years_label
from wspolpraca_cli.periods import Period, PeriodKind
from wspolpraca_cli.progress import (
    IndicatorProgress,
    PeriodResult,
    ProgrammeProgress,
    ProgrammeResult,
    Status,
)
from wspolpraca_cli.records import field, record
from wspolpraca_cli.render.report import (
    GoalSummary,
    MissingItem,
    combined,
    goal_summaries,
    heading,
    is_percent,
    is_yes_no,
    missing_items,
    one_line_text,
    table_plans,
)
from wspolpraca_cli.render.report_finance import FinanceYears, finance_years
from wspolpraca_cli.render.status import status_word

if TYPE_CHECKING:
    from wspolpraca_cli.grants.figures import YearFigures

SPANS = (PeriodKind.PROGRAMME, PeriodKind.BIENNIUM)


@record
class YearsRow:
    """One indicator over the range of years."""

    area_id: str
    lp: str
    action: str
    indicator_id: str
    indicator: str
    target_text: str
    frequency: str
    years: tuple[float | None, ...]
    """The value in each year of the range (None: no data that year)."""
    years_shown: tuple[str, ...]
    total: float | None
    total_shown: str
    target: float | None
    target_shown: str
    achievement: float | None
    achievement_shown: str
    periods_shown: str
    """Periods that met their target, of those with a target (``3 z 5``)."""
    status: Status
    status_shown: str
    first_of_action: bool
    action_rows: int
    unit: Unit = Unit.NUMBER
    percent_value: bool = False
    yes_no: bool = False
    breakdowns: tuple[str, ...] = ()
    """The total's breakdown values, each as text."""
    explanation: str = ""
    """Explanations of the range's shortfalls."""
    amendment: str = ""
    """The targets in force over the range and their resolutions, when amended."""

    @property
    def bar_ratio(self) -> float | None:
        if self.achievement is None or self.target is None:
            return None
        return min(max(self.achievement, 0.0), 1.0)


@record
class YearsArea:
    id: str
    title: str
    goals: str
    rows: tuple[YearsRow, ...]
    kind: str = "area"
    """``goal``: a main goal's table of a goal tree (see ``report.AreaTable``)."""


@record
class YearsReport:
    program: Program
    first: int
    last: int
    as_of: date
    generated: date
    lang: str
    title: str
    heading: tuple[tuple[str, str], ...]
    areas: tuple[YearsArea, ...]
    goals: tuple[GoalSummary, ...]
    missing: tuple[MissingItem, ...]
    orphans: int
    sources: tuple[str, ...] = field(default=())
    finance: FinanceYears | None = None
    """The financial table (the grants register's figures per year), when the register has
    rows or the programme plans funds for a year of the range."""

    @property
    def years(self) -> range:
        return range(self.first, self.last + 1)

    @property
    def span(self) -> str:
        return years_label(self.first, self.last)

    @property
    def rows(self) -> list[YearsRow]:
        return [r for area in self.areas for r in area.rows]

    def table_headers(self, area: YearsArea | None = None) -> list[str]:
        goal = area is not None and area.kind == "goal"
        return [
            t("report.col.goal_code") if goal else t("report.col.lp"),
            t("report.col.goal_name") if goal else t("report.col.action"),
            t("report.col.indicator"),
            t("report.col.target"),
            *(str(y) for y in self.years),
            t("report.col.total", years=self.span),
            t("report.col.range_target", years=self.span),
            t("report.col.achievement"),
            t("report.col.periods_achieved"),
            t("report.col.status"),
        ]


def range_result(
    ip: IndicatorProgress, program: Program, first: int, last: int, as_of: date
) -> tuple[ProgrammeResult, list[PeriodResult]]:
    """The indicator over ``first``–``last`` as one result, and the periods inside."""
    from wspolpraca_cli.progress import achievement, period_status, settles_early

    ind = ip.indicator
    inside = [r for r in ip.periods if first <= r.period.year and r.period.end_year <= last]
    if (first, last) == (program.first_year, program.last_year):
        return ip.programme, inside
    actual, count = combined(inside, ind.aggregation)
    targeted = [r for r in inside if r.target is not None]
    target: float | None = None
    upper: float | None = None
    if targeted and ind.aggregation is Aggregation.SUM and len(targeted) == len(inside):
        target = math.fsum(r.target for r in targeted if r.target is not None)
        if all(r.target_upper is not None for r in targeted):
            upper = math.fsum(r.target_upper or 0.0 for r in targeted)
    elif targeted:
        target, upper = targeted[-1].target, targeted[-1].target_upper
    period = Period(first, PeriodKind.PROGRAMME, last)
    if actual is None and ind.aggregation is Aggregation.SUM and as_of <= period.end:
        actual = 0.0
    status = period_status(
        period,
        target=target,
        actual=actual,
        has_data=count > 0,
        descending=ind.target.descending,
        settles_early=settles_early(ind),
        as_of=as_of,
        deadline=program.deadline.for_period(period),
        strict=ind.target.strict,
        upper=upper,
    )
    per_status: dict[Status, int] = {}
    for r in inside:
        per_status[r.status] = per_status.get(r.status, 0) + 1
    result = ProgrammeResult(
        ind.id,
        period,
        target,
        actual,
        count,
        achievement(actual, target, ind.target.descending),
        None,
        status,
        len(targeted),
        sum(1 for r in targeted if r.status is Status.ACHIEVED),
        tuple(per_status.items()),
        target_upper=upper,
    )
    return result, inside


def _year_values(
    inside: list[PeriodResult], ind: Indicator, first: int, last: int
) -> list[float | None]:
    values: list[float | None] = []
    for y in range(first, last + 1):
        parts = [r for r in inside if r.period.kind not in SPANS and r.period.year == y]
        values.append(combined(parts, ind.aggregation)[0])
    return values


def build_years_report(
    progress: ProgrammeProgress,
    *,
    first: int,
    last: int,
    generated: date,
    lang: str,
    finance: Sequence[YearFigures] = (),
) -> YearsReport:
    """The evaluation of ``first``–``last`` (years inside the programme); ``finance``, the
    grants register's figures of the years that have any, gives the financial table."""
    program = progress.program
    as_of = progress.as_of
    areas: list[YearsArea] = []
    results: list[ProgrammeResult] = []
    periods: list[PeriodResult] = []
    counted: set[str] = set()  # an indicator under several goals counts once

    def rows_of(
        area_id: str, groups: list[tuple[str, str, tuple[Indicator, ...]]]
    ) -> tuple[YearsRow, ...]:
        rows: list[YearsRow] = []
        for lp, name, indicators in groups:
            first_of_action = True
            for ind in indicators:
                ip = progress.indicator(ind.id)
                if ip is None:  # pragma: no cover - the id comes from the same programme
                    continue
                r, inside = range_result(ip, program, first, last, as_of)
                if ind.id not in counted:
                    counted.add(ind.id)
                    results.append(r)
                    periods.extend(inside)
                values = _year_values(inside, ind, first, last)
                shown_pct = r.count > 0 or r.status is Status.IN_PROGRESS
                rows.append(
                    YearsRow(
                        area_id=area_id,
                        lp=lp,
                        action=one_line_text(name),
                        indicator_id=ind.id,
                        indicator=one_line_text(ind.name),
                        target_text=one_line_text(ind.target_text)
                        or format_target(r.target, ind, lang),
                        frequency=one_line_text(ind.frequency_text) or str(ind.frequency),
                        years=tuple(values),
                        years_shown=tuple(format_value(v, ind, lang) for v in values),
                        total=r.actual if r.count else None,
                        total_shown=format_value(r.actual, ind, lang) if r.count else DASH,
                        target=r.target,
                        target_shown=format_target(r.target, ind, lang),
                        achievement=r.achievement if shown_pct else None,
                        achievement_shown=format_percent(r.achievement, lang, sign=False)
                        if shown_pct
                        else DASH,
                        periods_shown=t(
                            "report.achieved_of",
                            achieved=r.periods_achieved,
                            total=r.periods_with_target,
                        )
                        if r.periods_with_target
                        else DASH,
                        status=r.status,
                        status_shown=status_word(r.status),
                        first_of_action=first_of_action,
                        action_rows=len(indicators),
                        unit=ind.unit,
                        percent_value=is_percent(ind),
                        yes_no=is_yes_no(ind),
                    )
                )
                first_of_action = False
        return tuple(rows)

    for plan in table_plans(program):
        rows = rows_of(plan.area_id, plan.groups)
        areas.append(YearsArea(plan.id, plan.title, plan.goals, rows, plan.kind))
    span = years_label(first, last)
    return YearsReport(
        program=program,
        first=first,
        last=last,
        as_of=as_of,
        generated=generated,
        lang=lang,
        title=t("report.years.title", years=span),
        heading=heading(program, t("report.label.years_scope"), span, as_of, generated, lang),
        areas=tuple(areas),
        goals=tuple(goal_summaries(progress, results)),
        missing=tuple(missing_items(program, periods, last, lang)),
        orphans=sum(o.count for o in progress.orphans),
        sources=tuple(one_line_text(s) for s in program.sources),
        finance=finance_years(finance, range(first, last + 1), lang),
    )


def years_cells(row: YearsRow) -> list[str]:
    """The cells of a row of an area's table, repeated cells left empty."""
    return [
        row.lp if row.first_of_action else "",
        row.action if row.first_of_action else "",
        f"{row.indicator_id} {row.indicator}",
        row.target_text,
        *row.years_shown,
        row.total_shown,
        row.target_shown,
        row.achievement_shown,
        row.periods_shown,
        row.status_shown,
    ]

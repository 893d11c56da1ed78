"""The annual implementation report (``wsp report``): what it says, and its md and csv forms.

:func:`build_report` turns the progress of one year (plus the entries, for their notes and
sources) into a :class:`Report`: a heading block, one table per action area in the
programme's own columns (L.p., action, indicator, target value, measurement frequency) with
the achieved value, the degree of achievement and the status added, a summary per specific
goal and the list of missing data. Every text is already in the current language; the
renderers (Markdown and CSV in :mod:`.report_text`, HTML in :mod:`.report_html`, XLSX in
:mod:`.report_xlsx`) only lay it out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from wspolpraca_cli.entries import Entry, counts, effective
from wspolpraca_cli.i18n import plural, t
from wspolpraca_cli.model import Indicator, Program
from wspolpraca_cli.numfmt import (
    DASH,
    format_date,
    format_percent,
    format_target,
    format_value,
    years_label,
)
from wspolpraca_cli.periods import Period, PeriodKind, parse_period
from wspolpraca_cli.progress import (
    PeriodResult,
    ProgrammeProgress,
    ProgrammeResult,
    Status,
    placement,
)
from wspolpraca_cli.render.status import (
    actual_text,
    status_word,
)
from wspolpraca_cli.targets import TargetKind

NOTES_SHOWN = 10
"""How many entries a row of the report lists in its notes (the latest; the earlier ones are
counted): a year of daily entries stays one readable cell, and the report reads no more."""

MISSING = (Status.AWAITING, Status.OVERDUE, Status.IN_PROGRESS)
"""Statuses that, without any entry, put a period on the list of missing data."""


def is_missing(r: PeriodResult, year: int) -> bool:
    """Whether a period goes on the year's list of missing data: no entry, and due for the
    report year — it ends in that year (a period running on, such as a measurement at the
    end of a longer programme, is reported in the year it ends)."""
    return r.count == 0 and r.status in MISSING and r.period.end.year <= year


@dataclass(frozen=True)
class ReportRow:
    """One line of an area's table: an indicator in one evaluation period of the year."""

    area_id: str
    lp: str
    action: str
    indicator_id: str
    indicator: str
    period: str
    """The period code (``2024``, ``2024-Q1``, ``2021-2025``)."""
    period_label: str
    """Empty for the reported calendar year itself; else the period in words."""
    target_text: str
    """The target as the programme writes it (``1/rok``); a yearly value for by-year targets."""
    frequency: str
    target: float | None
    target_shown: str
    actual: float | None
    actual_shown: str
    achievement: float | None
    achievement_shown: str
    status: Status
    status_shown: str
    count: int
    notes: tuple[str, ...]
    first_of_action: bool
    first_of_indicator: bool
    indicator_rows: int
    """How many rows this indicator has in the table (for merged cells)."""
    action_rows: int

    @property
    def bar_ratio(self) -> float | None:
        """How full a progress bar is (0–1), or None when there is nothing to measure."""
        if self.achievement is None or self.target is None:
            return None
        return min(max(self.achievement, 0.0), 1.0)


@dataclass(frozen=True)
class AreaTable:
    """An action area's table; in a goal tree also a main goal's table of the indicators
    standing on it and on its specific goals (``kind`` ``goal``: the first two columns give
    the goal's code and name instead of the L.p. and the action)."""

    id: str
    title: str
    goals: str
    rows: tuple[ReportRow, ...]
    kind: str = "area"


@dataclass(frozen=True)
class GoalSummary:
    id: str
    name: str
    indicators: int
    achieved: int
    with_target: int
    statuses: str

    @property
    def achieved_shown(self) -> str:
        if not self.with_target:
            return DASH
        return t("report.achieved_of", achieved=self.achieved, total=self.with_target)


@dataclass(frozen=True)
class MissingItem:
    indicator_id: str
    period: str
    status: Status
    text: str
    howto: str


@dataclass(frozen=True)
class Report:
    program: Program
    year: int
    as_of: date
    generated: date
    lang: str
    title: str
    heading: tuple[tuple[str, str], ...]
    areas: tuple[AreaTable, ...]
    goals: tuple[GoalSummary, ...]
    missing: tuple[MissingItem, ...]
    orphans: int
    sources: tuple[str, ...] = field(default=())

    @property
    def rows(self) -> list[ReportRow]:
        return [r for area in self.areas for r in area.rows]

    @property
    def goals_section(self) -> str:
        """The title of the summary by goals (of a goal tree: by main and specific goals)."""
        return t("report.section.goals_tree" if self.program.is_tree else "report.section.goals")

    def table_headers(self, area: AreaTable | None = None) -> list[str]:
        goal = area is not None and area.kind == "goal"
        return [
            t("report.col.goal_code") if goal else t("report.col.lp"),
            t("report.col.goal_name") if goal else t("report.col.action"),
            t("report.col.indicator"),
            t("report.col.target"),
            t("report.col.frequency"),
            t("report.col.actual"),
            t("report.col.achievement"),
            t("report.col.status"),
            t("report.col.notes"),
        ]

    def goal_headers(self) -> list[str]:
        return [
            t("report.col.goal_any") if self.program.is_tree else t("report.col.goal"),
            t("report.col.indicators"),
            t("report.col.achieved_of"),
            t("report.col.statuses"),
        ]


# -- building ---------------------------------------------------------------------------------
def _one_line(text: str) -> str:
    return " ".join(text.split())


def _entry_periods(entries: Iterable[Entry], as_of: date) -> dict[str, list[tuple[Period, Entry]]]:
    """The effective entries that count as of ``as_of``, by indicator, with parsed periods."""
    found: dict[str, list[tuple[Period, Entry]]] = {}
    parsed: dict[str, Period | None] = {}
    for e in sorted(effective(entries), key=lambda e: e.seq):
        if not counts(e, as_of):
            continue
        period = parsed.get(e.period, ...)
        if period is ...:
            try:
                period = parsed[e.period] = parse_period(e.period.strip())
            except ValueError:
                period = parsed[e.period] = None
        if period is not None:
            found.setdefault(e.indicator_id, []).append((period, e))
    return found


def _tag_text(ind: Indicator, key: str, value: str) -> str:
    breakdown = ind.breakdown(key)
    if breakdown is None:
        return f"{key}: {value}"
    label = dict(breakdown.values).get(value, value)
    return f"{breakdown.key}: {label}"


def entry_note(e: Entry, ind: Indicator, row_period: Period, lang: str) -> str:
    """``2 — workshops in Toruń; organiser: NGO (source: attendance list)``."""
    return _entry_note(e, ind, str(row_period), format_value(e.value, ind, lang))


def _entry_note(e: Entry, ind: Indicator, row_code: str, value_text: str) -> str:
    text = value_text
    if e.period.strip() != row_code:
        text += f" ({e.period.strip()})"
    details = [_one_line(e.note)] if e.note.strip() else []
    details += [_tag_text(ind, k, v) for k, v in e.tags]
    if details:
        text += " — " + "; ".join(details)
    if e.source.strip():
        text += " (" + t("report.source", source=_one_line(e.source)) + ")"
    return text


def _notes(
    listed: list[Entry],
    count: int,
    ind: Indicator,
    period: Period,
    shown: int,
    value_text: Callable[[float | None], str],
) -> tuple[str, ...]:
    """A row's notes: its latest ``shown`` entries, then how many earlier ones it counts."""
    latest = listed[-shown:] if shown > 0 else []
    code = str(period)
    notes = [_entry_note(e, ind, code, value_text(e.value)) for e in latest]
    earlier = max(count, len(listed)) - len(latest)
    if earlier > 0:
        notes.append(t("report.notes.earlier", entries=plural(earlier, "noun.earlier_entry")))
    return tuple(notes)


def breakdown_notes(
    r: PeriodResult | ProgrammeResult, ind: Indicator, lang: str
) -> tuple[str, ...]:
    """A row's breakdown totals, one note per breakdown, before the entries' notes:
    ``organizator: organizowane przez urząd 1, współorganizowane 0 z 1 (nie osiągnięto),
    nieokreślone 2`` — each value the programme lists, then any other value and the
    unspecified where they have entries (none for a row without data)."""
    from wspolpraca_cli.render.status import sub_rows_of

    shown: dict[str, list[str]] = {}
    for key, v in sub_rows_of(r):
        label = _one_line(v.label) if v.value is not None else t("status.unspecified")
        actual = actual_text(v.result, ind, lang)
        if v.targeted:
            text = t(
                "report.breakdown.value_target",
                label=label,
                actual=actual,
                target=format_target(v.result.target, ind, lang),
                status=status_word(v.result.status),
            )
        else:
            text = t("report.breakdown.value", label=label, actual=actual)
        shown.setdefault(key, []).append(text)
    return tuple(
        t("report.breakdown", breakdown=key, values=", ".join(values))
        for key, values in shown.items()
    )


def _value_texts(ind: Indicator, lang: str) -> Callable[[float | None], str]:
    """``format_value`` for one indicator, each value formatted once (values repeat)."""
    done: dict[float | None, str] = {}

    def text(value: float | None) -> str:
        found = done.get(value)
        if found is None:
            found = done[value] = format_value(value, ind, lang)
        return found

    return text


def _period_label(period: Period, year: int, as_of: date, lang: str) -> str:
    if period.kind is PeriodKind.YEAR and period.year == year:
        return ""
    if period.kind is PeriodKind.PROGRAMME:
        return t(
            "report.programme_row",
            period=years_label(period.year, period.end_year),
            date=format_date(as_of, lang),
        )
    return str(period)


def _target_text(ind: Indicator, result: PeriodResult | ProgrammeResult, lang: str) -> str:
    if ind.target.kind is TargetKind.BY_YEAR and result.target is not None:
        return f"{result.period.end_year}: {format_target(result.target, ind, lang)}"
    return _one_line(ind.target_text) or format_target(result.target, ind, lang)


def indicator_results(
    progress: ProgrammeProgress, ind_id: str, year: int
) -> list[PeriodResult | ProgrammeResult]:
    """The results an indicator shows in the year's report: its evaluation periods in the
    year, plus the programme to date when none of those carries a target (a total over the
    programme, a level due in a later year)."""
    ip = progress.indicator(ind_id)
    if ip is None:  # pragma: no cover - the id comes from the same programme
        return []
    rows: list[PeriodResult | ProgrammeResult] = list(ip.in_year(year))
    only_whole = len(ip.periods) == 1 and ip.periods[0].period == ip.programme.period
    if not only_whole and ip.programme.target is not None and all(r.target is None for r in rows):
        rows.append(ip.programme)
    return rows


def build_report(
    progress: ProgrammeProgress,
    entries: Iterable[Entry],
    *,
    year: int,
    generated: date,
    lang: str,
    notes_shown: int = NOTES_SHOWN,
) -> Report:
    """The report of ``year``. ``entries`` give the notes: a row lists the ``notes_shown``
    latest entries that count in its period (the rest as a count of earlier entries), so
    ``entries`` need hold no more than those (see ``services.report_inputs``)."""
    program = progress.program
    as_of = progress.as_of
    by_indicator = _entry_periods(entries, as_of)
    areas: list[AreaTable] = []
    all_results: list[PeriodResult | ProgrammeResult] = []
    missing: list[MissingItem] = []
    counted: set[str] = set()  # an indicator under several goals counts once

    def rows_of(
        area_id: str, groups: list[tuple[str, str, tuple[Indicator, ...]]]
    ) -> tuple[ReportRow, ...]:
        """The rows of a table: per group (an action, or a goal), its indicators' rows."""
        rows: list[ReportRow] = []
        for lp, name, indicators in groups:
            per_indicator = [(ind, indicator_results(progress, ind.id, year)) for ind in indicators]
            action_rows = sum(len(results) for _, results in per_indicator)
            first_of_action = True
            for ind, results in per_indicator:
                first_time = ind.id not in counted
                counted.add(ind.id)
                if first_time:
                    all_results.extend(results)
                place = placement(ind, program)  # the engine's rule: which entries count where
                placed: dict[Period | None, list[Entry]] = {}
                spots: dict[str, Period | None] = {}  # per period code: where it counts
                for period, e in by_indicator.get(ind.id, []):
                    if e.period not in spots:
                        spots[e.period] = place(period)
                    placed.setdefault(spots[e.period], []).append(e)
                value_text = _value_texts(ind, lang)
                for n, r in enumerate(results):
                    notes: tuple[str, ...] = breakdown_notes(r, ind, lang)
                    if isinstance(r, PeriodResult):
                        listed = placed.get(r.period, [])
                        notes += _notes(listed, r.count, ind, r.period, notes_shown, value_text)
                        if first_time and is_missing(r, year):
                            missing.append(_missing(program, ind, r, lang))
                    shown_pct = r.count > 0 or r.status is Status.IN_PROGRESS
                    rows.append(
                        ReportRow(
                            area_id=area_id,
                            lp=lp,
                            action=_one_line(name),
                            indicator_id=ind.id,
                            indicator=_one_line(ind.name),
                            period=str(r.period),
                            period_label=_period_label(r.period, year, as_of, lang),
                            target_text=_target_text(ind, r, lang),
                            frequency=_one_line(ind.frequency_text) or str(ind.frequency),
                            target=r.target,
                            target_shown=format_target(r.target, ind, lang),
                            actual=r.actual if r.count else None,
                            actual_shown=actual_text(r, ind, lang),
                            achievement=r.achievement if shown_pct else None,
                            # the column's header says (%): the values carry no sign
                            achievement_shown=format_percent(r.achievement, lang, sign=False)
                            if shown_pct
                            else DASH,
                            status=r.status,
                            status_shown=status_word(r.status),
                            count=r.count,
                            notes=notes,
                            first_of_action=first_of_action,
                            first_of_indicator=n == 0,
                            indicator_rows=len(results),
                            action_rows=action_rows,
                        )
                    )
                    first_of_action = False
        return tuple(rows)

    if program.is_tree:  # the goals' own indicators first, a table per main goal
        for main in program.main_goals:
            groups = [
                (goal.id, goal.name, _standing_on(program, goal.id))
                for goal in (main, *program.specific_of(main.id))
            ]
            groups = [g for g in groups if g[2]]
            if groups:
                title = t("report.main_goal", id=main.id, name=_one_line(main.name))
                areas.append(AreaTable(main.id, title, "", rows_of("", groups), "goal"))
    for area in program.areas:
        rows = rows_of(area.id, [(a.lp, a.name, a.indicators) for a in area.actions])
        goals = [
            f"{g}) {_one_line(goal.name)}"
            for g in area.goals
            if (goal := program.goal(g)) is not None
        ]
        areas.append(
            AreaTable(
                area.id,
                t("report.area", id=area.id, name=_one_line(area.name)),
                _goals_line(goals),
                rows,
            )
        )
    return Report(
        program=program,
        year=year,
        as_of=as_of,
        generated=generated,
        lang=lang,
        title=t("report.title", year=year),
        heading=_heading(program, year, as_of, generated, lang),
        areas=tuple(areas),
        goals=tuple(_goal_summaries(progress, all_results)),
        missing=tuple(missing),
        orphans=sum(o.count for o in progress.orphans),
        sources=tuple(_one_line(s) for s in program.sources),
    )


def _standing_on(program: Program, goal_id: str) -> tuple[Indicator, ...]:
    """The indicators standing on goals that serve ``goal_id`` (its own, and shared ones)."""
    return tuple(i for i in program.goal_indicators if goal_id in program.served_goals(i))


def _goals_line(goals: list[str]) -> str:
    """``Cel szczegółowy: a) …`` for one goal, ``Cele szczegółowe: a) …, b) …`` for several
    (empty for none)."""
    if not goals:
        return ""
    key = "report.area.goal" if len(goals) == 1 else "report.area.goals"
    return t(key, goals=", ".join(goals))


def _heading(
    program: Program, year: int, as_of: date, generated: date, lang: str
) -> tuple[tuple[str, str], ...]:
    items = [
        (t("report.label.program"), _one_line(program.title)),
        (t("report.label.issuer"), _one_line(program.issuer)),
    ]
    if program.adopted_by.strip():
        items.append((t("report.label.adopted_by"), _one_line(program.adopted_by)))
    items += [
        (t("report.label.years"), years_label(program.first_year, program.last_year)),
        (t("report.label.year"), str(year)),
        _main_goals_item(program),
        (t("report.label.generated"), format_date(generated, lang)),
    ]
    if as_of != generated:
        items.append((t("report.label.as_of"), format_date(as_of, lang)))
    return tuple(items)


def _main_goals_item(program: Program) -> tuple[str, str]:
    """The main goal's name; several main goals by their codes (``I — …; II — …``)."""
    if len(program.main_goals) == 1:
        return t("report.label.main_goal"), _one_line(program.main_goal.name)
    names = "; ".join(f"{g.id} — {_one_line(g.name)}" for g in program.main_goals)
    return t("report.label.main_goals"), names


def _missing(program: Program, ind: Indicator, r: PeriodResult, lang: str) -> MissingItem:
    from wspolpraca_cli.progress import measurement_periods

    period = str(r.period)
    # What `wsp record --period` takes: the measurement periods within the evaluation period
    # (an indicator measured once is recorded for the whole programme, e.g. 2024-2026).
    periods = [str(p) for p in measurement_periods(ind, program, r.period)] or [period]
    to_record = periods[0] if len(periods) == 1 else f"{periods[0]}…{periods[-1]}"
    return MissingItem(
        ind.id,
        period,
        r.status,
        t(
            "report.missing.item",
            id=ind.id,
            name=_one_line(ind.name),
            period=period,
            status=status_word(r.status),
            deadline=format_date(r.deadline, lang),
        ),
        t("report.missing.howto", id=ind.id, period=to_record),
    )


def _goal_summaries(
    progress: ProgrammeProgress, results: list[PeriodResult | ProgrammeResult]
) -> list[GoalSummary]:
    """A summary per specific goal; in a goal tree, per main goal too, each followed by its
    specific goals (the only main goal's summary is the programme's)."""
    by_id: dict[str, list[PeriodResult | ProgrammeResult]] = {}
    for r in results:
        by_id.setdefault(r.indicator_id, []).append(r)
    program = progress.program
    rollups = progress.rollups(results)
    if program.is_tree:
        mains = {
            ru.id: ru
            for ru in rollups
            if ru.level == "main_goal" or (ru.level == "programme" and ru.id)
        }
        specific = {ru.id: ru for ru in rollups if ru.level == "goal"}
        chosen = []
        for main in program.main_goals:
            chosen += [(mains[main.id], f"{main.id} — {_one_line(main.name)}")]
            chosen += [(specific[g.id], f"{g.id}) {_one_line(g.name)}")
                       for g in program.specific_of(main.id)]  # fmt: skip
    else:
        chosen = [(ru, f"{ru.id}) {_one_line(ru.name)}") for ru in rollups if ru.level == "goal"]
    out: list[GoalSummary] = []
    for rollup, name in chosen:
        picked = [r for i in rollup.indicator_ids for r in by_id.get(i, [])]
        targeted = [r for r in picked if r.target is not None]
        statuses = " · ".join(
            t("status.summary.item", word=status_word(s), count=n) for s, n in rollup.counts
        )
        out.append(
            GoalSummary(
                rollup.id,
                name,
                len(rollup.indicator_ids),
                sum(1 for r in targeted if r.status is Status.ACHIEVED),
                len(targeted),
                statuses or t("report.goal.none"),
            )
        )
    return out


# -- cells shared by the renderers ------------------------------------------------------------
def indicator_cell(row: ReportRow) -> str:
    """``1.1 Liczba warsztatów`` (and `` · 2024-Q1`` when the period is not the year)."""
    text = f"{row.indicator_id} {row.indicator}" if row.first_of_indicator else ""
    if row.period_label:
        text = f"{text} · {row.period_label}" if text else row.period_label
    return text


def table_cells(row: ReportRow, sep: str = "; ") -> list[str]:
    """The nine cells of a row of an area's table, repeated cells left empty."""
    return [
        row.lp if row.first_of_action else "",
        row.action if row.first_of_action else "",
        indicator_cell(row),
        row.target_text if row.first_of_indicator else "",
        row.frequency if row.first_of_indicator else "",
        row.actual_shown,
        row.achievement_shown,
        row.status_shown,
        sep.join(row.notes),
    ]

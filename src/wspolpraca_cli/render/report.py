"""The annual implementation report (``wsp report --year``): what it says.

:func:`build_report` turns the progress of one year (plus the entries, for their notes and
sources) into a :class:`Report`: a heading block, one table per action area in the
programme's own columns (L.p., action, indicator, target value, measurement frequency) with
the achieved value, the previous year's value and the change, the degree of achievement and
the status added, a yearly total for an indicator measured more often than yearly, a summary
per specific goal and the list of missing data. Every text is already in the current
language. :mod:`.report_layout` turns a report into headings, paragraphs and tables, which
each format's renderer only lays out (md and csv in :mod:`.report_text`, html, xlsx, docx,
odt in their own modules). The multi-year evaluation (``--years``) is :mod:`.report_years`.

A row carries places for what other parts of wsp add to it — the breakdown totals of its
value, an explanation of a shortfall, the resolution that amended its target — which the
renderers print where they are not empty.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from operator import attrgetter
from typing import TYPE_CHECKING

from wspolpraca_cli.aggregation import EMPTY, Aggregate
from wspolpraca_cli.entries import Entry
from wspolpraca_cli.i18n import plural, t
from wspolpraca_cli.model import Aggregation, Indicator, Program, Unit
from wspolpraca_cli.numfmt import (
    DASH,
    format_amount,
    format_date,
    format_number,
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
from wspolpraca_cli.records import field, record
from wspolpraca_cli.render.report_finance import FinancePart, finance_part
from wspolpraca_cli.render.status import (
    actual_text,
    audit_marks,
    status_word,
)
from wspolpraca_cli.targets import TargetKind

if TYPE_CHECKING:
    from wspolpraca_cli.grants.figures import YearFigures

_SEQ = attrgetter("seq")

NOTES_SHOWN = 10
"""How many entries a row of the report lists in its notes (the latest; the earlier ones are
counted): a year of daily entries stays one readable cell, and the report reads no more."""

MISSING = (Status.AWAITING, Status.OVERDUE, Status.IN_PROGRESS)
"""Statuses that, without any entry, put a period on the list of missing data."""

SUB_YEARLY = frozenset({PeriodKind.HALF, PeriodKind.QUARTER, PeriodKind.MONTH, PeriodKind.WEEK})
"""Evaluation periods shorter than a year: an indicator judged over them gets a yearly total."""


def is_missing(r: PeriodResult, year: int) -> bool:
    """Whether a period goes on the year's list of missing data: no entry, and due for the
    report year — it ends in that year (a period running on, such as a measurement at the
    end of a longer programme, is reported in the year it ends)."""
    return r.count == 0 and r.status in MISSING and r.period.end.year <= year


@record
class ReportRow:
    """One line of an area's table: an indicator in one evaluation period of the year (or
    the year's total of its shorter periods, or the programme to date)."""

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
    previous: float | None = None
    """The value of the same period a year earlier (the baseline when it is of that year)."""
    previous_shown: str = DASH
    change: float | None = None
    """This value less the previous one."""
    change_ratio: float | None = None
    """The change relative to the previous value (None where it means nothing: a previous
    value of 0, a percentage, a yes/no)."""
    change_shown: str = DASH
    year_total: bool = False
    """The year's total of an indicator measured more often than yearly (by its aggregation)."""
    unit: Unit = Unit.NUMBER
    percent_value: bool = False
    """The value is a percentage (shown ``60%``; a spreadsheet holds 0.6)."""
    yes_no: bool = False
    breakdowns: tuple[str, ...] = ()
    """The value's breakdown totals, each as text (``organizator: NGO: 2``)."""
    explanation: str = ""
    """The explanation (uzasadnienie) of a shortfall in this period."""
    amendment: str = ""
    """The target in force and the resolution that set it, when the target was amended."""
    locked: bool = False
    """A period lock covers the period (its numbers were accepted)."""

    @property
    def bar_ratio(self) -> float | None:
        """How full a progress bar is (0–1), or None when there is nothing to measure."""
        if self.achievement is None or self.target is None:
            return None
        return min(max(self.achievement, 0.0), 1.0)

    @property
    def remarks(self) -> tuple[str, ...]:
        """What the notes cell says: the entries' notes, then breakdowns, explanation and
        amendment where there are any."""
        extra = list(self.breakdowns)
        if self.explanation:
            extra.append(t("report.explanation", text=self.explanation))
        if self.amendment:
            extra.append(self.amendment)
        return (*self.notes, *extra)


@record
class AreaTable:
    """An action area's table; in a goal tree also a main goal's table of the indicators
    standing on it and on its specific goals (``kind`` ``goal``: the first two columns give
    the goal's code and name instead of the L.p. and the action)."""

    id: str
    title: str
    goals: str
    rows: tuple[ReportRow, ...]
    kind: str = "area"


@record
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


@record
class MissingItem:
    indicator_id: str
    period: str
    status: Status
    text: str
    to_record: str
    """The ``--period`` that ``wsp record`` takes for it (the CLI prints the hint on
    stderr; the document carries no command lines)."""
    computed: bool = False
    """Whether the indicator is computed from the grants register (filled in by importing
    the register, not by ``wsp record``)."""


@record
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
    finance: FinancePart | None = None
    """The financial part (the grants register's figures of the year), when the register
    has rows for the year or the programme plans funds for it."""

    @property
    def rows(self) -> list[ReportRow]:
        return [r for area in self.areas for r in area.rows]

    @property
    def goals_section(self) -> str:
        """The title of the summary by goals (of a goal tree: by main and specific goals)."""
        return goals_section(self.program)

    def table_headers(self, area: AreaTable | None = None) -> list[str]:
        goal = area is not None and area.kind == "goal"
        return [
            t("report.col.goal_code") if goal else t("report.col.lp"),
            t("report.col.goal_name") if goal else t("report.col.action"),
            t("report.col.indicator"),
            t("report.col.target"),
            t("report.col.frequency"),
            t("report.col.actual"),
            t("report.col.previous", year=self.year - 1),
            t("report.col.change"),
            t("report.col.achievement"),
            t("report.col.status"),
            t("report.col.notes"),
        ]

    def goal_headers(self) -> list[str]:
        return goal_headers(self.program)


def goals_section(program: Program) -> str:
    return t("report.section.goals_tree" if program.is_tree else "report.section.goals")


def goal_headers(program: Program | None = None) -> list[str]:
    tree = program is not None and program.is_tree
    return [
        t("report.col.goal_any") if tree else t("report.col.goal"),
        t("report.col.indicators"),
        t("report.col.achieved_of"),
        t("report.col.statuses"),
    ]


# -- figures ----------------------------------------------------------------------------------
def combined(results: Iterable[PeriodResult], how: Aggregation) -> tuple[float | None, int]:
    """The value of several evaluation periods together by the indicator's aggregation (a
    year of quarters: their sum, last, max, min or mean) and the entries behind it — the one
    :class:`Aggregate`, rebuilt from each period's actual and count."""
    total = EMPTY
    for r in sorted(results, key=lambda r: r.period.start):
        if r.count <= 0 or r.actual is None:
            continue
        value = r.actual
        part_total = value * r.count if how is Aggregation.MEAN else value
        total = total.merge(Aggregate(r.count, part_total, value, value, value))
    if total.empty:
        return None, 0
    return total.value(how), total.count


def is_yes_no(ind: Indicator) -> bool:
    return ind.unit is Unit.YESNO or ind.target.kind is TargetKind.MILESTONE


def is_percent(ind: Indicator) -> bool:
    return not is_yes_no(ind) and (ind.unit is Unit.PERCENT or ind.target.percent)


def change_of(
    actual: float | None, previous: float | None, ind: Indicator, lang: str
) -> tuple[float | None, float | None, str]:
    """This value against the previous one: the difference, the relative change, and both
    as text (``+1 (+50%)``; a percentage changes by points: ``+5 pkt proc.``)."""
    if actual is None or previous is None or is_yes_no(ind):
        return None, None, DASH
    diff = actual - previous
    if abs(diff) < 1e-9:
        diff = 0.0
    sign = "+" if diff > 0 else ""
    if ind.unit is Unit.AMOUNT:
        text = sign + format_amount(diff, lang)
    else:
        text = sign + format_number(diff, lang)
    if is_percent(ind):
        return diff, None, t("report.change.points", change=text)
    ratio = diff / abs(previous) if previous else None
    if ratio is not None:
        text += f" ({format_percent(ratio, lang)})"
    return diff, ratio, text


# -- building ---------------------------------------------------------------------------------
def one_line_text(text: str) -> str:
    return " ".join(text.split())


_one_line = one_line_text


def _entry_codes(entries: Iterable[Entry]) -> dict[str, dict[str, list[Entry]]]:
    """The entries by indicator and period code, each list in the order given."""
    found: dict[str, dict[str, list[Entry]]] = {}
    for e in entries:
        codes = found.get(e.indicator_id)
        if codes is None:
            codes = found[e.indicator_id] = {}
        listed = codes.get(e.period)
        if listed is None:
            codes[e.period] = [e]
        else:
            listed.append(e)
    return found


def _code_period(code: str, parsed: dict[str, Period | None]) -> Period | None:
    """The period a period code names (None: none), parsed once per report (``parsed``)."""
    period = parsed.get(code, ...)
    if period is ...:
        try:
            period = parse_period(code.strip())
        except ValueError:
            period = None
        parsed[code] = period
    return period


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
    notes = []
    for e in latest:
        text = value_text(e.value)
        if e.period != code or e.note or e.tags or e.source:  # (else its value is all it says)
            text = _entry_note(e, ind, code, text)
        notes.append(text)
    earlier = max(count, len(listed)) - len(latest)
    if earlier > 0:
        notes.append(t("report.notes.earlier", entries=plural(earlier, "noun.earlier_entry")))
    return tuple(notes)


def breakdown_notes(
    r: PeriodResult | ProgrammeResult, ind: Indicator, lang: str
) -> tuple[str, ...]:
    """A row's breakdown totals, one text per breakdown: ``organizator: organizowane przez
    urząd 1, współorganizowane 0 z 1 (nie osiągnięto), nieokreślone 2`` — each value the
    programme lists, then any other value and the unspecified where they have entries (none
    for a row without data)."""
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


def _audit(ind: Indicator, result: PeriodResult | ProgrammeResult) -> tuple[Indicator, str, str]:
    """For a row: ``ind`` with the target in force for its period (an amendment's), the
    explanation in force (its text) and the amendment in words (empty when there is none)."""
    explanation = ""
    if isinstance(result, PeriodResult) and result.explanation is not None:
        explanation = _one_line(result.explanation.text)
    if not ind.amendments:
        return ind, explanation, ""
    from wspolpraca_cli.progress.periods import amendment_in_force
    from wspolpraca_cli.records import replace

    amended = amendment_in_force(ind, result.period)
    if amended is None:
        return ind, explanation, ""
    amendment = t(
        "report.amended",
        year=amended.from_year,
        target=_one_line(amended.target_text or str(amended.target)),
        resolution=_one_line(amended.resolution) or DASH,
    )
    in_force = replace(ind, target=amended.target, target_text=amended.target_text)
    return in_force, explanation, amendment


def _value_texts(
    ind: Indicator, lang: str, how: Callable[[float | None, Indicator, str], str] = format_value
) -> Callable[[float | None], str]:
    """``format_value`` (or ``how``) for one indicator, each value formatted once (values
    repeat: the periods' targets, their figures)."""
    done: dict[float | None, str] = {}

    def text(value: float | None) -> str:
        found = done.get(value)
        if found is None:
            found = done[value] = how(value, ind, lang)
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


def sub_yearly(results: Sequence[PeriodResult | ProgrammeResult], year: int) -> list[PeriodResult]:
    """The evaluation periods shorter than a year that lie in ``year``."""
    return [
        r
        for r in results
        if isinstance(r, PeriodResult) and r.period.kind in SUB_YEARLY and r.period.year == year
    ]


def year_result(
    ind: Indicator, program: Program, parts: Sequence[PeriodResult], year: int, as_of: date
) -> PeriodResult:
    """The year's total of an indicator judged over shorter periods: the periods' values by
    its aggregation, the periods' targets added up for a ``sum`` (the one target of them all
    otherwise, when they share it), judged by the engine's rule for one period."""
    from wspolpraca_cli.progress import achievement, period_deadline, period_status, settles_early

    period = Period(year, PeriodKind.YEAR)
    actual, count = combined(parts, ind.aggregation)
    targets = [r.target for r in parts]
    uppers = [r.target_upper for r in parts]
    target: float | None = None
    upper: float | None = None
    if targets and all(x is not None for x in targets):
        if ind.aggregation is Aggregation.SUM:
            target = sum(x for x in targets if x is not None)
            if all(u is not None for u in uppers):
                upper = sum(u for u in uppers if u is not None)
        elif len(set(targets)) == 1:
            target = targets[0]
            upper = uppers[0] if len(set(uppers)) == 1 else None
    if actual is None and ind.aggregation is Aggregation.SUM and as_of <= period.end:
        actual = 0.0  # an open year of a sum shows 0 so far, as a period does
    deadline = period_deadline(ind, program, period)
    status = period_status(
        period,
        target=target,
        actual=actual if count or as_of <= period.end else None,
        has_data=count > 0,
        descending=ind.target.descending,
        settles_early=settles_early(ind),
        as_of=as_of,
        deadline=deadline,
        strict=ind.target.strict,
        upper=upper,
    )
    return PeriodResult(
        ind.id,
        period,
        target,
        actual,
        count,
        achievement(actual, target, ind.target.descending),
        None,
        status,
        deadline,
        upper,
    )


def _previous(
    ip_results: dict[Period, PeriodResult],
    r: PeriodResult | ProgrammeResult,
    ind: Indicator,
    program: Program,
    as_of: date,
) -> float | None:
    """The value of the same period a year before (None when there is none: a period
    spanning years, a year before the programme without a baseline of that year), from
    ``ip_results``: the indicator's results of that year by their periods."""
    p = r.period
    if p.kind in (PeriodKind.PROGRAMME, PeriodKind.BIENNIUM):
        return None
    if p.kind is PeriodKind.WEEK:
        return None  # ISO weeks do not line up year on year
    before = Period(p.year - 1, p.kind, p.index)
    if before.year < program.first_year:
        base = ind.baseline
        if p.kind is PeriodKind.YEAR and base is not None and base.year == before.year:
            return base.value
        return None
    found = ip_results.get(before)
    if found is not None:
        return found.actual if found.count else None
    if p.kind is PeriodKind.YEAR:  # a yearly total of shorter periods
        parts = [x for x in ip_results.values() if x.period.kind in SUB_YEARLY]
        parts = [x for x in parts if x.period.year == before.year]
        if parts:
            return combined(parts, ind.aggregation)[0]
    return None


def build_report(
    progress: ProgrammeProgress,
    entries: Iterable[Entry],
    *,
    year: int,
    generated: date,
    lang: str,
    notes_shown: int = NOTES_SHOWN,
    finance: YearFigures | None = None,
) -> Report:
    """The report of ``year``. ``entries`` give the notes: a row lists the ``notes_shown``
    latest entries that count in its period (the rest as a count of earlier entries).
    ``entries`` are effective entries that count as of the progress's date, in insertion
    order (:func:`~wspolpraca_cli.entries.counted`, as a store's ``latest_entries`` gives
    them), and need hold no more than those listed (see ``services.report_inputs``).
    ``finance``, the grants register's figures of the year, gives the financial part (none
    without)."""
    program = progress.program
    as_of = progress.as_of
    by_indicator = _entry_codes(entries)
    parsed: dict[str, Period | None] = {}  # the period codes' periods, shared by the indicators
    areas: list[AreaTable] = []
    all_results: list[PeriodResult | ProgrammeResult] = []
    missing: list[MissingItem] = []
    counted: set[str] = set()  # an indicator under several goals counts once
    status_words = {s: status_word(s) for s in Status}

    def rows_of(
        area_id: str, groups: list[tuple[str, str, tuple[Indicator, ...]]]
    ) -> list[ReportRow]:
        """The rows of a table: per group (an action, or a goal), its indicators' rows."""
        rows: list[ReportRow] = []
        for lp, name, indicators in groups:
            action = _one_line(name)
            per_indicator: list[
                tuple[Indicator, bool, list[tuple[PeriodResult | ProgrammeResult, bool]]]
            ] = []
            for ind in indicators:
                results = indicator_results(progress, ind.id, year)
                first_time = ind.id not in counted
                counted.add(ind.id)
                if first_time:
                    all_results.extend(results)
                shown: list[tuple[PeriodResult | ProgrammeResult, bool]] = [
                    (r, False) for r in results
                ]
                parts = sub_yearly(results, year)
                if parts:
                    total = year_result(ind, program, parts, year, as_of)
                    inside = {id(r) for r in parts}  # (by identity: equality compares fields)
                    at = max(i for i, (r, _) in enumerate(shown) if id(r) in inside) + 1
                    shown.insert(at, (total, True))
                per_indicator.append((ind, first_time, shown))
            action_rows = sum(len(results) for _, _, results in per_indicator)
            first_of_action = True
            for ind, first_time, listed_rows in per_indicator:
                ip = progress.indicator(ind.id)
                # the results of the year before (the previous value of each row's period)
                before = [r for r in ip.periods if r.period.year == year - 1] if ip else []
                by_period = {r.period: r for r in before}
                place = placement(ind, program)  # the engine's rule: which entries count where
                placed: dict[Period | None, list[Entry]] = {}
                for code, listed in by_indicator.get(ind.id, {}).items():
                    period = _code_period(code, parsed)
                    if period is None:
                        continue
                    spot = place(period)
                    have = placed.get(spot)
                    placed[spot] = listed if have is None else sorted([*have, *listed], key=_SEQ)
                value_text = _value_texts(ind, lang)
                target_shown = _value_texts(ind, lang, format_target)
                # the same for each of the indicator's rows
                indicator_name = _one_line(ind.name)
                frequency = _one_line(ind.frequency_text) or str(ind.frequency)
                percent_value, yes_no = is_percent(ind), is_yes_no(ind)
                for n, (r, is_total) in enumerate(listed_rows):
                    notes: tuple[str, ...] = ()
                    if isinstance(r, PeriodResult) and not is_total:
                        listed = placed.get(r.period, [])
                        notes = _notes(listed, r.count, ind, r.period, notes_shown, value_text)
                        if ind.computed is not None:  # one value a year, from the register
                            notes = (t("report.notes.computed"),) if r.count else ()
                        if first_time and is_missing(r, year):
                            missing.append(_missing(program, ind, r, lang))
                    shown_pct = r.count > 0 or r.status is Status.IN_PROGRESS
                    previous = _previous(by_period, r, ind, program, as_of)
                    actual = r.actual if r.count else None
                    change, ratio, change_text = change_of(actual, previous, ind, lang)
                    label = _period_label(r.period, year, as_of, lang)
                    if is_total:
                        label = t("report.year_total", year=year)
                    in_force, explanation, amendment = _audit(ind, r)
                    rows.append(
                        ReportRow(
                            area_id=area_id,
                            lp=lp,
                            action=action,
                            indicator_id=ind.id,
                            indicator=indicator_name,
                            period=str(r.period),
                            period_label=label,
                            target_text=_target_text(in_force, r, lang),
                            frequency=frequency,
                            target=r.target,
                            target_shown=target_shown(r.target),
                            actual=actual,
                            actual_shown=actual_text(r, ind, lang),
                            achievement=r.achievement if shown_pct else None,
                            # the column's header says (%): the values carry no sign
                            achievement_shown=format_percent(r.achievement, lang, sign=False)
                            if shown_pct
                            else DASH,
                            status=r.status,
                            status_shown=status_words[r.status] + audit_marks(r),
                            count=r.count,
                            notes=notes,
                            first_of_action=first_of_action,
                            first_of_indicator=n == 0,
                            indicator_rows=len(listed_rows),
                            action_rows=action_rows,
                            previous=previous,
                            previous_shown=value_text(previous),
                            change=change,
                            change_ratio=ratio,
                            change_shown=change_text,
                            year_total=is_total,
                            unit=ind.unit,
                            percent_value=percent_value,
                            yes_no=yes_no,
                            breakdowns=()
                            if is_total or not r.breakdowns
                            else breakdown_notes(r, ind, lang),
                            explanation=explanation,
                            amendment=amendment,
                            locked=isinstance(r, PeriodResult) and r.locked,
                        )
                    )
                    first_of_action = False
        return rows

    for plan in table_plans(program):
        rows = tuple(rows_of(plan.area_id, plan.groups))
        areas.append(AreaTable(plan.id, plan.title, plan.goals, rows, plan.kind))
    return Report(
        program=program,
        year=year,
        as_of=as_of,
        generated=generated,
        lang=lang,
        title=t("report.title", year=year),
        heading=heading(program, t("report.label.year"), str(year), as_of, generated, lang),
        areas=tuple(areas),
        goals=tuple(goal_summaries(progress, all_results)),
        missing=tuple(missing),
        orphans=sum(o.count for o in progress.orphans),
        sources=tuple(_one_line(s) for s in program.sources),
        finance=finance_part(finance, lang),
    )


@record
class TablePlan:
    """One table of a report, before its rows: an action area's, or (in a goal tree) a main
    goal's table of the indicators standing on it and on its specific goals. ``groups``: per
    action (or goal) its L.p. (or code), name and indicators."""

    id: str
    title: str
    goals: str
    area_id: str
    groups: list[tuple[str, str, tuple[Indicator, ...]]]
    kind: str = "area"


def table_plans(program: Program) -> list[TablePlan]:
    """The tables of both reports, in order: in a goal tree, a table per main goal first (the
    goals' own indicators), then a table per action area."""
    plans: list[TablePlan] = []
    if program.is_tree:
        for main in program.main_goals:
            groups = [
                (goal.id, goal.name, standing_on(program, goal.id))
                for goal in (main, *program.specific_of(main.id))
            ]
            groups = [g for g in groups if g[2]]
            if groups:
                title = t("report.main_goal", id=main.id, name=_one_line(main.name))
                plans.append(TablePlan(main.id, title, "", "", groups, "goal"))
    for area in program.areas:
        goals = [
            f"{g}) {_one_line(goal.name)}"
            for g in area.goals
            if (goal := program.goal(g)) is not None
        ]
        plans.append(
            TablePlan(
                area.id,
                t("report.area", id=area.id, name=_one_line(area.name)),
                goals_line(goals),
                area.id,
                [(a.lp, a.name, a.indicators) for a in area.actions],
            )
        )
    return plans


def standing_on(program: Program, goal_id: str) -> tuple[Indicator, ...]:
    """The indicators standing on goals that serve ``goal_id`` (its own, and shared ones)."""
    return tuple(i for i in program.goal_indicators if goal_id in program.served_goals(i))


def goals_line(goals: list[str]) -> str:
    """``Cel szczegółowy: a) …`` for one goal, ``Cele szczegółowe: a) …, b) …`` for several
    (empty for none)."""
    if not goals:
        return ""
    key = "report.area.goal" if len(goals) == 1 else "report.area.goals"
    return t(key, goals=", ".join(goals))


def heading(
    program: Program, scope_label: str, scope: str, as_of: date, generated: date, lang: str
) -> tuple[tuple[str, str], ...]:
    """The heading block: the programme, its body and years, the year (or years) reported."""
    items = [
        (t("report.label.program"), _one_line(program.title)),
        (t("report.label.issuer"), _one_line(program.issuer)),
    ]
    if program.adopted_by.strip():
        items.append((t("report.label.adopted_by"), _one_line(program.adopted_by)))
    items += [
        (t("report.label.years"), years_label(program.first_year, program.last_year)),
        (scope_label, scope),
        main_goals_item(program),
        (t("report.label.generated"), format_date(generated, lang)),
    ]
    if as_of != generated:
        items.append((t("report.label.as_of"), format_date(as_of, lang)))
    return tuple(items)


def main_goals_item(program: Program) -> tuple[str, str]:
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
        to_record,
        ind.computed is not None,
    )


def missing_items(
    program: Program, results: Iterable[PeriodResult], last_year: int, lang: str
) -> list[MissingItem]:
    """The periods of ``results`` on the list of missing data (see :func:`is_missing`)."""
    found = []
    for r in results:
        ind = program.indicator(r.indicator_id)
        if ind is not None and is_missing(r, last_year):
            found.append(_missing(program, ind, r, lang))
    return found


def howto(item: MissingItem) -> str:
    """How to fill a gap in, for the CLI to print on stderr (never inside the document)."""
    if item.computed:
        return t("report.missing.howto_computed", id=item.indicator_id, period=item.period)
    return t("report.missing.howto", id=item.indicator_id, period=item.to_record)


def goal_summaries(
    progress: ProgrammeProgress, results: Sequence[PeriodResult | ProgrammeResult]
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
    """The cells of a row of an area's table, repeated cells left empty."""
    return [
        row.lp if row.first_of_action else "",
        row.action if row.first_of_action else "",
        indicator_cell(row),
        row.target_text if row.first_of_indicator else "",
        row.frequency if row.first_of_indicator else "",
        row.actual_shown,
        row.previous_shown,
        row.change_shown,
        row.achievement_shown,
        row.status_shown,
        sep.join(row.remarks),
    ]

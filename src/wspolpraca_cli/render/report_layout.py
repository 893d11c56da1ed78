"""The reports laid out once for every format: headings, paragraphs, lists and tables.

:func:`layout` turns a report — the year's (:class:`~.report.Report`) or the multi-year
evaluation (:class:`~.report_years.YearsReport`) — into a :class:`Layout`: a title, the
heading block, sections (each a heading, and in a workbook a sheet) made of blocks, and the
footnotes. Each renderer (md, html, xlsx, docx, odt) only draws these blocks, so every format
has the same content and the same headings. A table's cells carry their text and, for a
spreadsheet, the number behind it; a cell that a merged cell above covers has ``span`` 0.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wspolpraca_cli.i18n import t
from wspolpraca_cli.model import Program, Unit
from wspolpraca_cli.numfmt import clamped_percent
from wspolpraca_cli.progress import Status
from wspolpraca_cli.records import field, record
from wspolpraca_cli.render.report import GoalSummary, MissingItem, Report, ReportRow, indicator_cell
from wspolpraca_cli.render.report_finance import Figure
from wspolpraca_cli.render.report_years import YearsReport, YearsRow


class Kind:
    """What the number of a cell is, for a spreadsheet's number format."""

    VALUE = "value"
    AMOUNT = "amount"
    PERCENT = "percent"
    """A percentage held as a fraction (60% → 0.6)."""
    RATIO = "ratio"
    """A degree of achievement as a number of per cent (the header says ``(%)``)."""


@record(slots=True)
class Cell:
    text: str
    lines: tuple[str, ...] = ()
    """The cell's items (the notes of a row) when it has several; ``text`` joins them."""
    number: float | None = None
    kind: str = ""
    status: Status | None = None
    bar: float | None = None
    """A progress bar's fill (0–1)."""
    span: int = 1
    """How many rows the cell spans; 0: covered by the cell above."""
    header: bool = False
    """The row's header (the indicator)."""


@record
class Table:
    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    numeric: frozenset[int] = frozenset()
    """Columns of figures (right-aligned)."""
    name: str = ""
    key: str = ""
    widths: tuple[int, ...] = ()
    """Relative column widths."""


@record
class Heading:
    level: int
    text: str


@record
class Paragraph:
    text: str
    note: bool = False
    """A line under a heading (the goals an area serves), set smaller."""


@record
class Bullets:
    items: tuple[str, ...]


@record
class Bar:
    label: str
    ratio: float
    shown: str
    status: Status


@record
class Chart:
    """A progress chart (html draws it; its data is in the tables every format has)."""

    title: str
    description: str
    bars: tuple[Bar, ...]


COVERED = Cell("", span=0)
"""A cell that the merged cell above covers."""

Block = Heading | Paragraph | Bullets | Table | Chart


@record
class Section:
    title: str
    sheet: str
    blocks: tuple[Block, ...]


@record
class Layout:
    lang: str
    title: str
    facts_caption: str
    facts: tuple[tuple[str, str], ...]
    sections: tuple[Section, ...]
    footnotes: tuple[str, ...] = field(default=())
    colophon: str = ""


def layout(doc: Any) -> Layout:
    """The layout of a report of one year or of several."""
    if isinstance(doc, YearsReport):
        return _years_layout(doc)
    assert isinstance(doc, Report)
    return _year_layout(doc)


# -- cells --------------------------------------------------------------------------------------
def _value_kind(unit: Unit, percent: bool, yes_no: bool) -> str:
    if yes_no:
        return ""
    if percent:
        return Kind.PERCENT
    return Kind.AMOUNT if unit is Unit.AMOUNT else Kind.VALUE


def _figure(text: str, value: float | None, kind: str) -> Cell:
    if not kind or value is None:
        return Cell(text)
    return Cell(text, number=value / 100 if kind == Kind.PERCENT else value, kind=kind)


def _ratio(text: str, ratio: float | None, bar: float | None = None) -> Cell:
    percent = clamped_percent(ratio, 1) if ratio is not None else None
    if percent is None or text == "—":
        return Cell(text, bar=bar)
    return Cell(text, number=percent, kind=Kind.RATIO, bar=bar)


def _spanned(first: bool, text: str, rows: int) -> Cell:
    return Cell(text, (), None, "", None, None, rows) if first else COVERED


class _Made:
    """The cells of one layout, each made once: cells are values, and a year's table repeats
    most of them (statuses, dashes, targets, the same figures) — at 1,000 indicators 42,000
    cells, of a few thousand kinds. ``made(make, *args)`` is ``make(*args)``, remembered."""

    def __init__(self) -> None:
        self._cells: dict[tuple[Any, ...], Cell] = {}

    def __call__(self, make: Callable[..., Cell], *args: Any) -> Cell:
        key = (make, *args)
        found = self._cells.get(key)
        if found is None:
            found = self._cells[key] = make(*args)
        return found


def _status_cell(text: str, status: Status) -> Cell:
    return Cell(text, status=status)


def _year_cells(row: ReportRow, made: _Made) -> tuple[Cell, ...]:
    kind = _value_kind(row.unit, row.percent_value, row.yes_no)
    change_kind = "" if row.percent_value else kind  # points of a percentage: a plain number
    remarks = row.remarks
    return (
        _spanned(row.first_of_action, row.lp, row.action_rows),
        _spanned(row.first_of_action, row.action, row.action_rows),
        Cell(indicator_cell(row), header=True),
        _spanned(row.first_of_indicator, row.target_text, row.indicator_rows),
        _spanned(row.first_of_indicator, row.frequency, row.indicator_rows),
        made(_figure, row.actual_shown, row.actual, kind),
        made(_figure, row.previous_shown, row.previous, kind),
        made(_figure, row.change_shown, row.change, change_kind or Kind.VALUE)
        if row.change is not None
        else made(_figure, row.change_shown, None, ""),
        made(_ratio, row.achievement_shown, row.achievement, row.bar_ratio),
        made(_status_cell, row.status_shown, row.status),
        Cell("; ".join(remarks), lines=remarks if len(remarks) > 1 else ()),
    )


def _years_cells(row: YearsRow) -> tuple[Cell, ...]:
    kind = _value_kind(row.unit, row.percent_value, row.yes_no)
    return (
        _spanned(row.first_of_action, row.lp, row.action_rows),
        _spanned(row.first_of_action, row.action, row.action_rows),
        Cell(f"{row.indicator_id} {row.indicator}", header=True),
        Cell(row.target_text),
        *(_figure(s, v, kind) for s, v in zip(row.years_shown, row.years, strict=True)),
        _figure(row.total_shown, row.total, kind),
        _figure(row.target_shown, row.target, kind),
        _ratio(row.achievement_shown, row.achievement, row.bar_ratio),
        Cell(row.periods_shown),
        Cell(row.status_shown, status=row.status),
    )


# -- shared sections ----------------------------------------------------------------------------
def _goals_section(goals: tuple[GoalSummary, ...], program: Program) -> Section:
    from wspolpraca_cli.render.report import goal_headers, goals_section

    title = goals_section(program)
    rows = tuple(
        (
            Cell(g.name, header=True),
            Cell(str(g.indicators), number=g.indicators, kind=Kind.VALUE),
            Cell(g.achieved_shown),
            Cell(g.statuses),
        )
        for g in goals
    )
    table = Table(
        title,
        tuple(goal_headers(program)),
        rows,
        frozenset({1, 2}),
        "goals",
        widths=(46, 12, 18, 24),
    )
    return Section(title, t("report.sheet.goals"), (table,))


def _missing_section(missing: tuple[MissingItem, ...], none: str, orphans: int) -> Section:
    blocks: list[Block] = []
    if missing:
        blocks.append(Bullets(tuple(m.text for m in missing)))
    else:
        blocks.append(Paragraph(none))
    if orphans:
        blocks.append(Paragraph(t("report.orphans", count=orphans)))
    return Section(t("report.section.missing"), t("report.sheet.missing"), tuple(blocks))


def _footnotes(sources: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f"{t('report.footnote.sources')}: {s}" for s in sources)


def _chart(title: str, rows: list[tuple[str, float | None, str, Status]]) -> Chart | None:
    bars = tuple(
        Bar(label, ratio, shown, status)
        for label, ratio, shown, status in rows
        if ratio is not None
    )
    if not bars:
        return None
    description = "; ".join(f"{b.label}: {b.shown}%" for b in bars)
    return Chart(title, description, bars)


# -- the year's report --------------------------------------------------------------------------
YEAR_WIDTHS = (4, 14, 13, 8, 9, 8, 8, 8, 8, 9, 11)


def _year_layout(report: Report) -> Layout:
    blocks: list[Block] = []
    made = _Made()
    for area in report.areas:
        headers = tuple(report.table_headers(area))
        blocks.append(Heading(3, area.title))
        if area.goals:
            blocks.append(Paragraph(area.goals, note=True))
        rows = tuple(_year_cells(r, made) for r in area.rows)
        blocks.append(
            Table(
                area.title,
                headers,
                rows,
                frozenset({5, 6, 7, 8}),
                "actions",
                area.id,
                YEAR_WIDTHS,
            )
        )
    chart = _chart(
        t("report.chart.title", year=report.year),
        [
            (
                f"{r.indicator_id} {r.period_label if r.year_total else r.period}",
                r.bar_ratio,
                r.achievement_shown,
                r.status,
            )
            for r in report.rows
        ],
    )
    if chart is not None:
        blocks.append(chart)
    sheet = t("report.sheet.report", year=report.year)
    return _document(report, blocks, sheet, t("report.missing.none", year=report.year))


# -- the multi-year evaluation ------------------------------------------------------------------
def _years_layout(report: YearsReport) -> Layout:
    n_years = len(report.years)
    numeric = frozenset(range(4, 4 + n_years + 3))
    widths = (4, 15, 15, 9, *([7] * n_years), 8, 8, 10, 9, 10)
    blocks: list[Block] = []
    for area in report.areas:
        blocks.append(Heading(3, area.title))
        if area.goals:
            blocks.append(Paragraph(area.goals, note=True))
        rows = tuple(_years_cells(r) for r in area.rows)
        headers = tuple(report.table_headers(area))
        blocks.append(Table(area.title, headers, rows, numeric, "years", area.id, widths))
    chart = _chart(
        t("report.chart.title_years", years=report.span),
        [(r.indicator_id, r.bar_ratio, r.achievement_shown, r.status) for r in report.rows],
    )
    if chart is not None:
        blocks.append(chart)
    sheet = t("report.sheet.years", years=report.span)
    return _document(report, blocks, sheet, t("report.missing.none_years", years=report.span))


def _document(report: Report | YearsReport, blocks: list[Block], sheet: str, none: str) -> Layout:
    """Either report's document: the heading, its tables of actions (``blocks``, on the sheet
    ``sheet``), the summary by goals, the missing data (``none`` when there is none)."""
    actions = Section(t("report.section.actions"), sheet, tuple(blocks))
    finance = _finance_section(report)
    return Layout(
        report.lang,
        report.title,
        t("report.caption.heading"),
        report.heading,
        (
            actions,
            _goals_section(report.goals, report.program),
            *((finance,) if finance is not None else ()),
            _missing_section(report.missing, none, report.orphans),
        ),
        _footnotes(report.sources),
        t("report.generated_by"),
    )


# -- the financial part (issue 14) ------------------------------------------------------------
_FIGURE_KINDS = {"amount": Kind.AMOUNT, "count": Kind.VALUE, "share": Kind.PERCENT}


def figure_cell(f: Figure) -> Cell:
    """A figure's cell: its text, and for a spreadsheet its number (a share as a fraction)."""
    if f.value is None:
        return Cell(f.shown)
    return Cell(f.shown, number=f.value, kind=_FIGURE_KINDS[f.kind])


def finance_tables(report: Report | YearsReport) -> tuple[Table, ...]:
    """The financial part's tables (none when the report has no financial part)."""
    from wspolpraca_cli.render.report_finance import group_headers, years_headers

    if isinstance(report, YearsReport):
        if report.finance is None:
            return ()
        rows = tuple(
            (Cell(str(y.year), header=True), *(figure_cell(f) for f in y.figures))
            for y in report.finance.rows
        )
        caption = t("report.finance.by_year", years=report.span)
        numeric = frozenset(range(1, 9))
        headers = tuple(years_headers())
        year_widths = (8, 14, 14, 10, 14, 9, 9, 9, 11)
        return (Table(caption, headers, rows, numeric, "finance", "years", year_widths),)
    part = report.finance
    if part is None:
        return ()
    numeric = frozenset(range(1, 6))
    widths = (40, 10, 10, 10, 15, 15)
    tables = []
    for key, caption, first, groups in (
        ("areas", t("report.finance.by_area", year=part.year), t("report.finance.col.area"),
         part.by_area),
        ("modes", t("report.finance.by_mode", year=part.year), t("report.finance.col.mode"),
         part.by_mode),
    ):  # fmt: skip
        if not groups:
            continue
        rows = tuple(
            (Cell(g.label, header=True), *(figure_cell(f) for f in g.figures)) for g in groups
        )
        tables.append(
            Table(caption, tuple(group_headers(first)), rows, numeric, "finance", key, widths)
        )
    funds = tuple((Cell(label, header=True), figure_cell(f)) for label, f in part.funds)
    headers = (t("report.finance.col.item"), t("report.finance.col.value"))
    caption = t("report.finance.funds", year=part.year)
    tables.append(Table(caption, headers, funds, frozenset({1}), "finance", "funds", (50, 20)))
    return tuple(tables)


def _finance_section(report: Report | YearsReport) -> Section | None:
    tables = finance_tables(report)
    if not tables:
        return None
    blocks: list[Block] = []
    for table in tables:
        blocks += [Heading(3, table.caption), table]
    return Section(t("report.section.finance"), t("report.sheet.finance"), tuple(blocks))

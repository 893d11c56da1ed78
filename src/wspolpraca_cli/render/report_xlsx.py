"""The annual report as an Excel workbook (openpyxl, imported only here).

Three sheets: the report (heading block and one table per action area, numbers as numbers,
the degree of achievement as a number of per cent under a ``(%)`` header), the summary by
specific goal, and the missing data. Printing is set up for A4 landscape, fitted to the page
width.
"""

from __future__ import annotations

import io
from typing import Any

from wspolpraca_cli.i18n import t
from wspolpraca_cli.model import Unit
from wspolpraca_cli.numfmt import clamped_percent
from wspolpraca_cli.progress import Status
from wspolpraca_cli.render.report import Report, ReportRow, table_cells
from wspolpraca_cli.safe_text import shown
from wspolpraca_cli.targets import TargetKind

FILLS: dict[Status, str] = {
    Status.ACHIEVED: "E3F1E4",
    Status.IN_PROGRESS: "E3EEF9",
    Status.MISSED: "FBE3E3",
    Status.AWAITING: "FDF3D8",
    Status.OVERDUE: "FBE3E3",
    Status.NOT_STARTED: "EEEEEE",
    Status.REPORTED: "F1E6F5",
}
WIDTHS = (6, 40, 28, 14, 16, 14, 14, 16, 48)


def _sheet_title(text: str) -> str:
    for bad in "[]:*?/\\":
        text = text.replace(bad, " ")
    return text[:31]


def _put(ws: Any, row: int, column: int, value: Any) -> Any:
    """Write a cell: text always as text (data type ``s``) — never a formula, even when it
    begins with ``=`` (``=HYPERLINK(…)`` in a programme's issuer), nor an error code — with
    its control characters escaped (a workbook cannot hold them); numbers as numbers."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = shown(value)
        cell.data_type = "s"
    else:
        cell.value = value
    return cell


def number_format(value: float, percent: bool = False, *, amount: bool = False) -> str:
    """An Excel number format without a dangling decimal separator (``#,##0.##`` shows
    ``2.`` for 2): no decimals for a whole number, else one or two; an ``amount`` (money)
    exactly two (``120 000,50``)."""
    shown = value * 100 if percent else value
    whole = abs(shown - round(shown)) < 0.005
    if percent:
        return "0%" if whole else "0.0#%"
    if amount:
        return "#,##0" if whole else "#,##0.00"
    return "#,##0" if whole else "#,##0.0#"


def actual_cell(report: Report, row: ReportRow) -> tuple[float, str] | None:
    """The achieved value as a number and its format; a percentage unit as a fraction in a
    percent format (60 → 0.6 shown ``60%``). None: keep the text (yes/no as tak/nie, ``—``)."""
    if row.actual is None:
        return None
    ind = report.program.indicator(row.indicator_id)
    if ind is None or ind.unit is Unit.YESNO or ind.target.kind is TargetKind.MILESTONE:
        return None
    if ind.unit is Unit.PERCENT or ind.target.percent:
        value = row.actual / 100
        return value, number_format(value, percent=True)
    return row.actual, number_format(row.actual, amount=ind.unit is Unit.AMOUNT)


def achievement_cell(ratio: float | None) -> tuple[float, str] | None:
    """The degree of achievement as a number of per cent (the column's header says ``(%)``:
    5 → 500, no sign), clamped as on screen (0.9999 is 99.9, never 100)."""
    percent = clamped_percent(ratio, 1)
    if percent is None:
        return None
    return percent, number_format(percent)


def render_xlsx(report: Report) -> bytes:
    """The workbook's bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import (
        Alignment,
        Border,
        Font,
        PatternFill,
        Side,
    )

    thin = Side(style="thin", color="8C96A3")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    head_fill = PatternFill("solid", fgColor="E4E9F0")
    wrap = Alignment(wrap_text=True, vertical="top")
    right = Alignment(horizontal="right", vertical="top")
    bold = Font(bold=True)

    def header(ws: Any, row: int, names: list[str]) -> None:
        for col, name in enumerate(names, 1):
            cell = _put(ws, row, col, name)
            cell.font = bold
            cell.fill = head_fill
            cell.border = border
            cell.alignment = wrap

    wb = Workbook()
    for default in list(wb.worksheets):
        wb.remove(default)
    ws = wb.create_sheet(_sheet_title(t("report.sheet.report", year=report.year)))
    for n, width in enumerate(WIDTHS):
        ws.column_dimensions[chr(ord("A") + n)].width = width
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True

    _put(ws, 1, 1, report.title).font = Font(bold=True, size=14)
    row = 3
    for label, value in report.heading:
        _put(ws, row, 1, label).font = bold
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        _put(ws, row, 3, value).alignment = Alignment(wrap_text=False)
        row += 1
    row += 1
    _put(ws, row, 1, t("report.section.actions")).font = Font(bold=True, size=12)
    row += 1
    for area in report.areas:
        row += 1
        _put(ws, row, 1, area.title).font = bold
        row += 1
        if area.goals:
            _put(ws, row, 1, area.goals)
            row += 1
        header(ws, row, report.table_headers(area))
        row += 1
        for r in area.rows:
            cells: list[Any] = table_cells(r, sep="\n")
            actual = actual_cell(report, r)
            achievement = achievement_cell(r.achievement)
            if actual is not None:
                cells[5] = actual[0]
            if achievement is not None:
                cells[6] = achievement[0]
            for col, value in enumerate(cells, 1):
                cell = _put(ws, row, col, value)
                cell.border = border
                cell.alignment = right if col in (6, 7) else wrap
            if actual is not None:
                ws.cell(row=row, column=6).number_format = actual[1]
            if achievement is not None:
                ws.cell(row=row, column=7).number_format = achievement[1]
            ws.cell(row=row, column=8).fill = PatternFill("solid", fgColor=FILLS[r.status])
            row += 1
    if report.sources:
        row += 1
        for source in report.sources:
            _put(ws, row, 1, f"{t('report.footnote.sources')}: {source}")
            row += 1

    goals = wb.create_sheet(_sheet_title(t("report.sheet.goals")))
    for letter, size in zip("ABCD", (70, 12, 16, 40), strict=True):
        goals.column_dimensions[letter].width = size
    header(goals, 1, report.goal_headers())
    for n, g in enumerate(report.goals, 2):
        values: list[Any] = [g.name, g.indicators, g.achieved_shown, g.statuses]
        for col, value in enumerate(values, 1):
            cell = _put(goals, n, col, value)
            cell.border = border
            cell.alignment = wrap

    missing = wb.create_sheet(_sheet_title(t("report.sheet.missing")))
    missing.column_dimensions["A"].width = 90
    missing.column_dimensions["B"].width = 50
    _put(missing, 1, 1, t("report.section.missing")).font = bold
    if report.missing:
        for n, m in enumerate(report.missing, 2):
            _put(missing, n, 1, m.text).alignment = wrap
            _put(missing, n, 2, m.howto).alignment = wrap
    else:
        _put(missing, 2, 1, t("report.missing.none", year=report.year))

    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()

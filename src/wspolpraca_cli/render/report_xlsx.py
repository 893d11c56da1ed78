"""The reports as an Excel workbook (openpyxl, imported only here).

One sheet per section of the :mod:`.report_layout` (the actions with the title and heading
block first, the summary by specific goal, the missing data), the section's heading in its
first row; numbers as numbers (a percentage as a fraction in a percent format, the degree of
achievement as a number of per cent under a ``(%)`` header), text always as text — never a
formula. Printing is set up for A4 landscape, fitted to the page width.
"""

from __future__ import annotations

import io
from typing import Any

from wspolpraca_cli.progress import Status
from wspolpraca_cli.render.report_layout import (
    Bullets,
    Cell,
    Heading,
    Kind,
    Paragraph,
    Table,
    layout,
)
from wspolpraca_cli.safe_text import shown

FILLS: dict[Status, str] = {
    Status.ACHIEVED: "E3F1E4",
    Status.IN_PROGRESS: "E3EEF9",
    Status.MISSED: "FBE3E3",
    Status.AWAITING: "FDF3D8",
    Status.OVERDUE: "FBE3E3",
    Status.NOT_STARTED: "EEEEEE",
    Status.REPORTED: "F1E6F5",
}


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
    figure = value * 100 if percent else value
    whole = abs(figure - round(figure)) < 0.005
    if percent:
        return "0%" if whole else "0.0#%"
    if amount:
        return "#,##0" if whole else "#,##0.00"
    return "#,##0" if whole else "#,##0.0#"


def cell_value(cell: Cell) -> tuple[Any, str | None]:
    """What a layout cell holds in a sheet: its number and format, else its text."""
    if cell.number is None or not cell.kind:
        text = "\n".join(cell.lines) if cell.lines else cell.text
        return text, None
    if cell.kind == Kind.PERCENT:
        return cell.number, number_format(cell.number, percent=True)
    return cell.number, number_format(cell.number, amount=cell.kind == Kind.AMOUNT)


def render_xlsx(report: Any) -> bytes:
    """The workbook's bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    doc = layout(report)
    thin = Side(style="thin", color="8C96A3")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    head_fill = PatternFill("solid", fgColor="E4E9F0")
    wrap = Alignment(wrap_text=True, vertical="top")
    right = Alignment(horizontal="right", vertical="top", wrap_text=True)
    bold = Font(bold=True)

    wb = Workbook()
    for default in list(wb.worksheets):
        wb.remove(default)
    for number, section in enumerate(doc.sections):
        ws = wb.create_sheet(_sheet_title(section.sheet))
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        row = 1
        widths: list[int] = []
        if number == 0:
            _put(ws, row, 1, doc.title).font = Font(bold=True, size=14)
            row += 2
            for label, value in doc.facts:
                _put(ws, row, 1, label).font = bold
                ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
                _put(ws, row, 3, value).alignment = Alignment(wrap_text=False)
                row += 1
            row += 1
        _put(ws, row, 1, section.title).font = Font(bold=True, size=12)
        row += 1
        for block in section.blocks:
            if isinstance(block, Heading):
                row += 1
                _put(ws, row, 1, block.text).font = bold
                row += 1
            elif isinstance(block, Paragraph):
                _put(ws, row, 1, block.text)
                row += 1
            elif isinstance(block, Bullets):
                for item in block.items:
                    _put(ws, row, 1, item).alignment = Alignment(wrap_text=False)
                    row += 1
            elif isinstance(block, Table):
                widths = [
                    max(a, b) for a, b in zip(widths or block.widths, block.widths, strict=False)
                ]
                for col, name in enumerate(block.headers, 1):
                    head = _put(ws, row, col, name)
                    head.font = bold
                    head.fill = head_fill
                    head.border = border
                    head.alignment = wrap
                row += 1
                for cells in block.rows:
                    for col, cell in enumerate(cells, 1):
                        value, fmt = cell_value(cell)
                        out = _put(ws, row, col, value)
                        out.border = border
                        out.alignment = right if col - 1 in block.numeric else wrap
                        if fmt is not None:
                            out.number_format = fmt
                        if cell.status is not None:
                            out.fill = PatternFill("solid", fgColor=FILLS[cell.status])
                    row += 1
        if number == 0 and doc.footnotes:
            row += 1
            for line in doc.footnotes:
                _put(ws, row, 1, line)
                row += 1
        for col, width in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(col)].width = max(6, width * 1.6)
        if not widths:
            ws.column_dimensions["A"].width = 90
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()

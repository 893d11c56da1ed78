"""The register's template (``wsp grants template``): the Polish headers, one example row and
a comment on each column — as CSV (``#`` comment lines above the header, which the reader
skips; UTF-8 with a byte-order mark and ``;`` as Polish Excel opens it) or XLSX (a comment on
each header cell). A template imports as it is: its example row is a valid row."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from wspolpraca_cli.grants.model import COLUMNS
from wspolpraca_cli.grants.read import REQUIRED, template_header
from wspolpraca_cli.i18n import t

EXAMPLE: dict[str, Any] = {
    "ref": "KS.524.1.2024",
    "year": 2024,
    "mode": "konkurs",
    "area": "16",
    "department": "Wydział Kultury",
    "organisation": "Stowarzyszenie Przykładowe",
    "krs": "0000123456",
    "title": "Festiwal kultury lokalnej",
    "requested": 12000.0,
    "granted": 10000.0,
    "settled": 9800.0,
    "returned": 200.0,
    "contract_date": date(2024, 3, 15),
    "start": date(2024, 4, 1),
    "end": date(2024, 9, 30),
}
"""The example row (a grant of an open competition, in area 16: culture)."""


def comment(column: str) -> str:
    """What goes in ``column``, in the current language (required columns say so)."""
    text = t(f"grants.template.col.{column}")
    if column in REQUIRED:
        text += " " + t("grants.template.required")
    return text


def _csv_cell(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        whole, fraction = f"{value:.2f}".split(".")
        groups = f"{int(whole):,}".replace(",", " ")
        return f"{groups},{fraction}"  # as a Polish office writes it: 10 000,00
    return str(value)


def render_csv(document: object = None) -> str:
    """The template as CSV: comments, the header, the example row (``document``: none, as
    every renderer of :mod:`wspolpraca_cli.cli.formats` takes one)."""
    import csv

    out = io.StringIO(newline="")
    out.write("# " + t("grants.template.csv_intro").replace(";", ",") + "\r\n")
    for column in COLUMNS:
        line = f"# {template_header(column)} ({column}): {comment(column)}"
        out.write(line.replace(";", ",").replace('"', "'") + "\r\n")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([template_header(c) for c in COLUMNS])
    writer.writerow([_csv_cell(EXAMPLE[c]) for c in COLUMNS])
    return "\ufeff" + out.getvalue()


def render_xlsx(document: object = None) -> bytes:
    """The template as an XLSX workbook: the header (each cell with its comment) and the
    example row (amounts and dates as numbers and dates; KRS and area as text)."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = t("grants.template.sheet")
    bold = Font(bold=True)
    for n, column in enumerate(COLUMNS, 1):
        cell = sheet.cell(row=1, column=n, value=template_header(column))
        cell.font = bold
        note = Comment(f"{column}: {comment(column)}", "wsp")
        note.width, note.height = 320, 140
        cell.comment = note
        value = EXAMPLE[column]
        example = sheet.cell(row=2, column=n, value=value)
        if isinstance(value, date):
            example.number_format = "yyyy-mm-dd"
        elif isinstance(value, float):
            example.number_format = "#,##0.00"
        elif isinstance(value, str):
            example.number_format = "@"  # text: KRS keeps its zeros, area 1a stays 1a
        width = max(len(template_header(column)), len(_csv_cell(value))) + 2
        sheet.column_dimensions[cell.column_letter].width = min(width, 40)
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()

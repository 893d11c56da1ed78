"""``wsp grants list``: the register's rows as a table, CSV, JSON or Markdown.

Each renderer takes the :class:`~wspolpraca_cli.services.grants.GrantList` of the service and
returns the whole text. The table fits the terminal (free text wraps, then the least needed
columns are left out); CSV has the row's ``uid``, the register's English columns and the
row's place in the audit trail; JSON is a versioned document (``"schema": 1``).
"""

from __future__ import annotations

import io
from typing import Any

from wspolpraca_cli.grants.model import COLUMNS, GrantRow
from wspolpraca_cli.i18n import get_language, t
from wspolpraca_cli.numfmt import format_amount
from wspolpraca_cli.render.table_fit import Fitted
from wspolpraca_cli.safe_text import one_line
from wspolpraca_cli.services.base import SHORT
from wspolpraca_cli.services.grants import GrantList

TABLE = (
    # key, alignment, drop order (0: always shown), free text (wraps)
    ("uid", "l", 0, False),
    ("year", "l", 0, False),
    ("mode", "l", 0, False),
    ("area", "l", 0, False),
    ("organisation", "l", 0, True),
    ("title", "l", 3, True),
    ("department", "l", 4, True),
    ("requested", "r", 2, False),
    ("granted", "r", 0, False),
    ("settled", "r", 1, False),
    ("state", "l", 0, False),
)
"""The table's columns; in a narrow terminal the free text wraps, then columns are left out
in the drop order (the amount settled first), never the row, its year, mode, area,
organisation, amount granted or state."""


def _superseded(rows: list[GrantRow]) -> set[str]:
    return {r.supersedes for r in rows if r.supersedes}


def _state(row: GrantRow, superseded: set[str]) -> str:
    if row.void:
        return t("grants.state.void")
    if row.uid in superseded:
        return t("grants.state.superseded")
    if row.supersedes:
        return t("grants.state.correction")
    return ""


def _cells(row: GrantRow, superseded: set[str], lang: str) -> list[str]:
    def amount(value: float | None) -> str:
        return "" if value is None else format_amount(value, lang)

    cells = [
        row.uid[:SHORT],
        str(row.year),
        row.mode.value,
        row.area,
        row.organisation,
        row.title,
        row.department,
        amount(row.requested),
        amount(row.granted),
        amount(row.settled),
        _state(row, superseded),
    ]
    return [one_line(c) for c in cells]


def _total(found: GrantList) -> str:
    counted = [r for r in found.rows if not r.void and r.uid not in _superseded(found.rows)]
    granted = sum(r.granted or 0.0 for r in counted)
    organisations = len({(r.krs or r.organisation.casefold()) for r in counted if r.organisation})
    from wspolpraca_cli.i18n.catalog_store import counted as noun

    return t(
        "grants.list.total",
        rows=noun(len(counted), "row"),
        granted=format_amount(granted, get_language()),
        organisations=organisations,
    )


def table(found: GrantList, width: int | None = None) -> Fitted:
    """The rows as a table fitted to ``width`` (None: as wide as it needs)."""
    from wspolpraca_cli.render.table_fit import Column, fit

    lang = get_language()
    superseded = _superseded(found.rows)
    rows = [_cells(r, superseded, lang) for r in found.rows]
    columns = [
        Column(key, t(f"grants.col.{key}"), [r[n] for r in rows], align, drop, wrap)
        for n, (key, align, drop, wrap) in enumerate(TABLE)
    ]
    return fit(columns, width)


def render_table(found: GrantList) -> str:
    """The plain table (piped: as wide as it needs) and the total."""
    if not found.rows:
        return t("grants.list.empty", store=found.store) + "\n"
    return "\n".join([*table(found).lines(), "", _total(found)]) + "\n"


def render_table_terminal(found: GrantList, console: Any) -> None:
    """The table in a terminal: fitted to its width."""
    if not found.rows:
        console.out(t("grants.list.empty", store=found.store), highlight=False)
        return
    for line in table(found, console.width).lines():
        console.out(line, highlight=False)
    console.out("")
    console.out(_total(found), highlight=False)


def render_md(found: GrantList) -> str:
    """A GitHub Markdown table and the total."""
    from wspolpraca_cli.render.status import github_table, markdown_text

    lang = get_language()
    superseded = _superseded(found.rows)
    rows = [[markdown_text(c) for c in _cells(r, superseded, lang)] for r in found.rows]
    headers = [t(f"grants.col.{key}") for key, *_ in TABLE]
    align = "".join(a for _, a, _, _ in TABLE)
    return "\n".join([*github_table(rows, headers, align), "", _total(found)]) + "\n"


def _value(row: GrantRow, column: str) -> Any:
    value = getattr(row, column)
    if column == "mode":
        return value.value
    if column in ("contract_date", "start", "end"):
        return value.isoformat() if value is not None else None
    return value


EXTRA = ("void", "supersedes", "reason", "recorded_by", "recorded_at")
"""What a listing adds to the register's columns: the row's place in its audit trail."""


def render_csv(found: GrantList) -> str:
    """CSV: ``uid``, the register's columns (English names), then the audit columns; UTF-8,
    ``,``, amounts with a decimal point, dates ISO."""
    import csv

    from wspolpraca_cli.numbers import format_plain
    from wspolpraca_cli.safe_text import spreadsheet_cells

    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["uid", *COLUMNS, *EXTRA])
    for row in found.rows:
        cells: list[Any] = [row.uid]
        for column in COLUMNS:
            value = _value(row, column)
            if isinstance(value, float):
                value = format_plain(value)
            cells.append("" if value is None else value)
        cells += ["1" if row.void else "", row.supersedes or "", row.reason, row.recorded_by,
                  row.recorded_at]  # fmt: skip
        writer.writerow(spreadsheet_cells(cells))
    return out.getvalue()


def render_json(found: GrantList) -> str:
    """The versioned JSON document: the filter, the rows (each with its area's name and its
    place in the audit trail), the total."""
    from wspolpraca_cli.grants.areas import AREAS
    from wspolpraca_cli.render.json_docs import dumps

    superseded = _superseded(found.rows)
    items = []
    for row in found.rows:
        item = {"uid": row.uid, **{c: _value(row, c) for c in COLUMNS}}
        item["area_name"] = AREAS.get(row.area, "")
        item.update(
            void=row.void,
            supersedes=row.supersedes,
            superseded=row.uid in superseded,
            reason=row.reason,
            recorded_by=row.recorded_by,
            recorded_at=row.recorded_at,
        )
        items.append(item)
    wanted = found.filter
    document = {
        "schema": 1,
        "store": found.store,
        "filter": {
            "year": wanted.year,
            "mode": wanted.mode,
            "area": wanted.area,
            "organisation": wanted.organisation,
        },
        "rows": items,
        "total": {
            "rows": sum(1 for r in found.rows if not r.void and r.uid not in superseded),
            "granted": round(
                sum(r.granted or 0.0 for r in found.rows if not r.void and r.uid not in superseded),
                2,
            ),
        },
    }
    return dumps(document)

"""Entries out of the store: each entry as a CSV row or a JSON object, and writing them
(the format's columns are defined here, for reading too).

CSV is UTF-8 with a byte-order mark (so Excel recognises the encoding) and a header row; the
columns are documented in ``docs/entries-csv.md``. In Polish the separator is a semicolon and
numbers use a decimal comma (what Polish Excel expects); in English a comma and a decimal point.
Values are written exactly (the shortest form that reads back to the same number), so export →
import loses nothing.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

from wspolpraca_cli.entries import Entry
from wspolpraca_cli.safe_text import spreadsheet_row

CSV_COLUMNS = (
    "uid",
    "indicator",
    "period",
    "value",
    "kind",
    "date",
    "note",
    "source",
    "tags",
    "recorded_by",
    "recorded_at",
    "supersedes",
    "reason",
)
REQUIRED_COLUMNS = ("indicator", "period", "value")
INFORMATIONAL_COLUMNS = ("effective", "superseded_by")
"""Columns that ``wsp history --format csv`` adds; ignored on import."""
JSON_SCHEMA = 1


def format_number(value: float | None, decimal_comma: bool = False) -> str:
    """Exact and plain: ``2``, ``1.5`` (``1,5``), ``0.30000000000000004``; empty for None."""
    if value is None:
        return ""
    from decimal import Decimal

    text = format(Decimal(repr(value)), "f")  # shortest exact digits, never an exponent
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",") if decimal_comma else text


def format_tags(tags: Iterable[tuple[str, str]]) -> str:
    return "; ".join(f"{k}={v}" for k, v in tags)


def entry_row(entry: Entry, decimal_comma: bool = False) -> dict[str, str]:
    return {
        "uid": entry.uid,
        "indicator": entry.indicator_id,
        "period": entry.period,
        "value": format_number(entry.value, decimal_comma),
        "kind": entry.kind.value,
        "date": entry.date or "",
        "note": entry.note,
        "source": entry.source,
        "tags": format_tags(entry.tags),
        "recorded_by": entry.recorded_by,
        "recorded_at": entry.recorded_at,
        "supersedes": entry.supersedes or "",
        "reason": entry.reason,
    }


def entry_json(entry: Entry) -> dict[str, Any]:
    return {
        "uid": entry.uid,
        "indicator": entry.indicator_id,
        "period": entry.period,
        "value": entry.value,
        "kind": entry.kind.value,
        "date": entry.date,
        "note": entry.note,
        "source": entry.source,
        "tags": dict(entry.tags),
        "recorded_by": entry.recorded_by,
        "recorded_at": entry.recorded_at,
        "supersedes": entry.supersedes,
        "reason": entry.reason,
    }


def csv_dialect(lang: str) -> tuple[str, bool]:
    """(separator, decimal comma) for a language."""
    return (";", True) if lang == "pl" else (",", False)


def write_csv(
    entries: Iterable[Entry],
    out: TextIO,
    *,
    lang: str = "en",
    bom: bool = True,
    extra: dict[str, dict[str, str]] | None = None,
) -> None:
    """Write entries as CSV; ``extra`` adds informational columns per uid (history)."""
    separator, decimal_comma = csv_dialect(lang)
    extra_columns = list(next(iter(extra.values())).keys()) if extra else []
    if bom:
        out.write("\ufeff")
    writer = csv.DictWriter(
        out, fieldnames=[*CSV_COLUMNS, *extra_columns], delimiter=separator, lineterminator="\r\n"
    )
    writer.writeheader()
    for entry in entries:
        row = entry_row(entry, decimal_comma)
        if extra:
            row.update(extra.get(entry.uid, {}))
        writer.writerow(spreadsheet_row(row))  # no cell runs as a formula


def to_json(entries: Iterable[Entry], **meta: Any) -> dict[str, Any]:
    return {"schema": JSON_SCHEMA, **meta, "entries": [entry_json(e) for e in entries]}


# -- reading ----------------------------------------------------------------------------------

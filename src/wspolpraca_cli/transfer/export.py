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
import io
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol, TextIO

from wspolpraca_cli.entries import Entry, EntryRow, as_row
from wspolpraca_cli.safe_text import QUOTABLE, spreadsheet_cells, spreadsheet_text

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
    text = repr(value)  # the shortest digits that read back to the same number
    if "e" in text or "n" in text:  # an exponent (or inf, nan): written out in full
        from decimal import Decimal

        text = format(Decimal(text), "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    elif text.endswith(".0"):  # repr has no other trailing zero
        text = text[:-2]
    return text.replace(".", ",") if decimal_comma else text


def format_tags(tags: Iterable[tuple[str, str]]) -> str:
    if not tags:
        return ""
    return "; ".join(f"{k}={v}" for k, v in tags)


_NUMBERS: dict[tuple[float, bool], str] = {}
"""Numbers already written (a store's values repeat: 0, 1, 2 …), up to a few thousand."""


def _number(value: float | None, decimal_comma: bool) -> str:
    if value is None:
        return ""
    key = (value, decimal_comma)
    text = _NUMBERS.get(key)
    if text is None:
        text = format_number(value, decimal_comma)
        if len(_NUMBERS) < 4096 and value == value:  # nan never equals a key
            _NUMBERS[key] = text
    return text


def entry_cells(entry: Entry, decimal_comma: bool = False) -> tuple[str, ...]:
    """An entry's CSV cells, in the order of CSV_COLUMNS."""
    return row_cells(as_row(entry), decimal_comma)


def row_cells(row: EntryRow, decimal_comma: bool = False) -> tuple[str, ...]:
    """An :data:`~wspolpraca_cli.entries.EntryRow`'s CSV cells, in the order of CSV_COLUMNS."""
    (uid, indicator_id, period, value, kind, day, note, source, tags, by, at, sup, reason) = row
    return (
        uid, indicator_id, period, _number(value, decimal_comma), kind, day or "", note, source,
        format_tags(tags), by, at, sup or "", reason,
    )  # fmt: skip


def entry_row(entry: Entry, decimal_comma: bool = False) -> dict[str, str]:
    """An entry's CSV row: column name → cell."""
    return dict(zip(CSV_COLUMNS, entry_cells(entry, decimal_comma), strict=True))


def entry_json(entry: Entry) -> dict[str, Any]:
    return row_json(as_row(entry))


def row_json(row: EntryRow) -> dict[str, Any]:
    """An :data:`~wspolpraca_cli.entries.EntryRow` as its JSON object."""
    (uid, indicator_id, period, value, kind, day, note, source, tags, by, at, sup, reason) = row
    return {
        "uid": uid,
        "indicator": indicator_id,
        "period": period,
        "value": value,
        "kind": kind,
        "date": day,
        "note": note,
        "source": source,
        "tags": dict(tags),
        "recorded_by": by,
        "recorded_at": at,
        "supersedes": sup,
        "reason": reason,
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
) -> int:
    """Write entries as CSV, as :func:`write_csv_rows` writes their rows."""
    rows = (as_row(e) for e in entries)
    return write_csv_rows(rows, out, lang=lang, bom=bom, extra=extra)


def write_csv_rows(
    rows: Iterable[EntryRow],
    out: TextIO,
    *,
    lang: str = "en",
    bom: bool = True,
    extra: dict[str, dict[str, str]] | None = None,
) -> int:
    """Write entry rows as CSV, as they come (a few thousand rows at a time reach ``out``);
    ``extra`` adds informational columns per uid (history). Returns how many were written."""
    separator, decimal_comma = csv_dialect(lang)
    extra_columns = list(next(iter(extra.values())).keys()) if extra else []
    if bom:
        out.write("\ufeff")
    columns = [*CSV_COLUMNS, *extra_columns]
    batches_of = getattr(rows, "cell_batches", None) if not extra else None
    if batches_of is not None:  # the store writes the cells itself: no Python call per row
        batches = batches_of(**csv_cell_format(decimal_comma))
        if batches is not None:
            return _write_cell_batches(batches, out, separator, columns)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    writer.writerow(columns)
    # One row at a time, none kept: a batch of live objects would wake the garbage collector.
    written = 0
    for written, row in enumerate(rows, 1):
        cells = row_cells(row, decimal_comma)
        if extra:
            more = extra.get(row[0], {})
            cells += tuple(more.get(c, "") for c in extra_columns)
        writer.writerow(spreadsheet_cells(cells))  # no cell runs as a formula
        if written % _ROWS_PER_WRITE == 0:
            out.write(buffer.getvalue())
            buffer.seek(0)
            buffer.truncate()
    out.write(buffer.getvalue())
    return written


_ROWS_PER_WRITE = 4096


def _write_cell_batches(
    batches: Iterable[Sequence[Sequence[Any]]], out: TextIO, separator: str, columns: list[str]
) -> int:
    """Write batches of rows of text cells as ``csv.writer`` writes them. A batch whose cells
    hold no separator, no double quote and no line break — the common case — needs no quoting:
    its rows are joined by ``str.join`` and checked as one text (the csv module looks up every
    character of every cell); any other batch goes through the csv writer."""
    writer = csv.writer(out, delimiter=separator, lineterminator="\r\n")
    writer.writerow(columns)
    join = separator.join
    separators = len(columns) - 1
    written = 0
    for rows in batches:
        count = len(rows)
        written += count
        try:
            text = "\r\n".join(map(join, rows))
        except TypeError:  # a cell that is not text (None, bytes): the writer's way
            writer.writerows(rows)
            continue
        if (
            text.count(separator) == separators * count
            and text.count("\n") == count - 1
            and text.count("\r") == count - 1
            and '"' not in text
        ):
            out.write(text + "\r\n")
        else:
            writer.writerows(rows)
    return written


def csv_cell_format(decimal_comma: bool) -> dict[str, Any]:
    """How a store that formats an export's cells itself (``cell_batches``, see
    :class:`CellSource`) writes them as :func:`row_cells` and :func:`spreadsheet_cells` would:
    the functions it calls for a value, the tags and a text cell that may be a formula, and the
    first characters that make a text cell worth that call."""
    return {
        "number": lambda value: spreadsheet_text(_number(value, decimal_comma)),
        "tags": lambda tags: spreadsheet_text(format_tags(tags)),
        "text": spreadsheet_text,
        "risky": "".join(sorted(QUOTABLE)),
    }


class CellSource(Protocol):
    """Rows that can also come as an export's cells, formatted where they are stored, a batch
    of rows at a time (a store's ``cell_batches``); ``cell_batches`` gives None when they
    cannot."""

    def __iter__(self) -> Iterator[EntryRow]: ...

    def cell_batches(self, **cell_format: Any) -> Iterable[Sequence[Sequence[Any]]] | None: ...


def to_json(entries: Iterable[Entry], **meta: Any) -> dict[str, Any]:
    return {"schema": JSON_SCHEMA, **meta, "entries": [entry_json(e) for e in entries]}


def write_json(entries: Iterable[Entry], out: TextIO, **meta: Any) -> int:
    """Write ``to_json(entries, **meta)``, as :func:`write_json_rows` writes their rows."""
    return write_json_rows((as_row(e) for e in entries), out, **meta)


def write_json_rows(rows: Iterable[EntryRow], out: TextIO, **meta: Any) -> int:
    """Write the JSON document of these entry rows as wsp prints JSON (indented, UTF-8, a final
    newline) — the text of ``to_json``, an entry at a time."""
    import json

    head = json.dumps({"schema": JSON_SCHEMA, **meta, "entries": []}, ensure_ascii=False, indent=2)
    opening, closing = head.rsplit("[]", 1)
    out.write(opening + "[")
    chunk: list[str] = []
    separator = "\n    "  # an item's lines, indented as inside the document
    written = 0
    for row in rows:
        written += 1
        item = json.dumps(row_json(row), ensure_ascii=False, indent=2)
        chunk.append(separator + item.replace("\n", "\n    "))
        separator = ",\n    "
        if len(chunk) >= _ROWS_PER_WRITE:
            out.write("".join(chunk))
            chunk.clear()
    out.write("".join(chunk))
    out.write(("]" if separator == "\n    " else "\n  ]") + closing + "\n")
    return written


# -- reading ----------------------------------------------------------------------------------

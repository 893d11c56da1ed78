"""Moving entries out of and into the store: CSV (Excel-friendly) and JSON.

CSV is UTF-8 with a byte-order mark (so Excel recognises the encoding) and a header row; the
columns are documented in ``docs/entries-csv.md``. In Polish the separator is a semicolon and
numbers use a decimal comma (what Polish Excel expects); in English a comma and a decimal point.
Reading detects the separator from the header and accepts either decimal mark. Values are written
exactly (the shortest form that reads back to the same number), so export → import loses nothing.

Reading returns entries *and* a list of located problems (``FILE:LINE:COLUMN: message``); it
never raises for bad rows, so that every bad row can be reported at once.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from wspolpraca_cli.entries import Entry, EntryKind
from wspolpraca_cli.errors import Diagnostic, InputError
from wspolpraca_cli.i18n import t
from wspolpraca_cli.model import Program
from wspolpraca_cli.recording import check_period, check_tag, parse_day
from wspolpraca_cli.values import parse_value

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
MAX_IMPORT_BYTES = 256 * 1024 * 1024


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
        writer.writerow(row)


def to_json(entries: Iterable[Entry], **meta: Any) -> dict[str, Any]:
    return {"schema": JSON_SCHEMA, **meta, "entries": [entry_json(e) for e in entries]}


# -- reading ----------------------------------------------------------------------------------


@dataclass
class ReadResult:
    entries: list[Entry] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    """The line (CSV) or item number (JSON) of each entry, for messages."""
    problems: list[Diagnostic] = field(default_factory=list)
    rejected_rows: int = 0
    seen: dict[str, int] = field(default_factory=dict)
    """How often each hand-written row's content was seen (for derived uids)."""


def read_file(path: Path, program: Program) -> ReadResult:
    """Read and check a CSV or JSON file of entries against ``program``.

    Raises InputError only when the file as a whole cannot be read (encoding, header, JSON
    syntax); bad rows are collected as problems.
    """
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise InputError(t("import.too_big", path=path, limit=MAX_IMPORT_BYTES // 2**20))
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(t("import.cannot_read", path=path, error=exc.strerror or exc)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            t("import.not_utf8", path=path, offset=exc.start), hint=t("import.not_utf8.hint")
        ) from None
    stripped = text.lstrip()
    if path.suffix.lower() == ".json" or stripped.startswith(("{", "[")):
        return _read_json(text, str(path), program)
    return _read_csv(text, str(path), program)


def _read_csv(text: str, file: str, program: Program) -> ReadResult:
    result = ReadResult()
    first_line = text.split("\n", 1)[0]
    separator = ";" if first_line.count(";") > first_line.count(",") else ","
    if "\t" in first_line and first_line.count("\t") > first_line.count(separator):
        separator = "\t"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise InputError(t("import.bad_csv", file=file, line=1, error=exc)) from None
    if not header or not any(h.strip() for h in header):
        raise InputError(t("import.empty", file=file), hint=t("import.columns_hint"))
    names = [h.strip().lower() for h in header]
    unknown = [h for h in names if h and h not in CSV_COLUMNS and h not in INFORMATIONAL_COLUMNS]
    missing = [c for c in REQUIRED_COLUMNS if c not in names]
    if unknown or missing:
        raise InputError(
            t(
                "import.bad_header",
                file=file,
                unknown=", ".join(unknown) or "—",
                missing=", ".join(missing) or "—",
            ),
            hint=t("import.columns_hint"),
        )
    repeated = sorted({h for h in names if h and names.count(h) > 1})
    if repeated:
        raise InputError(t("import.repeated_columns", file=file, columns=", ".join(repeated)))
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            result.problems.append(Diagnostic(file, line, 1, t("import.bad_row_csv", error=exc)))
            result.rejected_rows += 1
            break
        start, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue  # blank lines (Excel adds them) are not entries
        if len(row) > len(names):
            result.problems.append(
                Diagnostic(file, start, len(names) + 1, t("import.too_many_cells", n=len(row)))
            )
            result.rejected_rows += 1
            continue
        record = {names[i]: cell for i, cell in enumerate(row)}
        columns = {name: i + 1 for i, name in enumerate(names)}
        _add_row(result, program, file, start, record, columns)
    return result


def _read_json(text: str, file: str, program: Program) -> ReadResult:
    result = ReadResult()
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(t("import.bad_json", file=file, line=exc.lineno, error=exc.msg)) from None
    items = doc.get("entries") if isinstance(doc, dict) else doc
    if not isinstance(items, list):
        raise InputError(t("import.json_shape", file=file))
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict):
            result.problems.append(Diagnostic(file, number, 1, t("import.json_item")))
            result.rejected_rows += 1
            continue
        record: dict[str, str] = {}
        for key, value in item.items():
            if key == "tags" and isinstance(value, dict):
                record[key] = format_tags((str(k), str(v)) for k, v in value.items())
            elif value is None:
                record[key] = ""
            elif isinstance(value, bool):
                record[key] = "1" if value else "0"
            elif isinstance(value, float | int):
                record[key] = format_number(float(value))
            else:
                record[key] = str(value)
        unknown = [k for k in record if k not in CSV_COLUMNS and k not in INFORMATIONAL_COLUMNS]
        if unknown:
            result.problems.append(
                Diagnostic(file, number, 1, t("import.json_keys", keys=", ".join(unknown)))
            )
            result.rejected_rows += 1
            continue
        _add_row(result, program, file, number, record, {})
    return result


def _add_row(
    result: ReadResult,
    program: Program,
    file: str,
    line: int,
    record: dict[str, str],
    columns: dict[str, int],
) -> None:
    problems: list[Diagnostic] = []

    def problem(column: str, exc: InputError | str) -> None:
        message = exc if isinstance(exc, str) else exc.message
        hint = "" if isinstance(exc, str) else exc.hint
        problems.append(Diagnostic(file, line, columns.get(column, 1), message, column, hint))

    entry = _row_entry(program, record, problem, result.seen)
    if problems or entry is None:
        result.problems.extend(problems)
        result.rejected_rows += 1
        return
    result.entries.append(entry)
    result.lines.append(line)


def _row_entry(
    program: Program,
    record: dict[str, str],
    problem: Callable[[str, InputError | str], None],
    seen: dict[str, int],
) -> Entry | None:
    from wspolpraca_cli.store import valid_uid

    def get(name: str) -> str:
        return record.get(name, "").strip()

    uid = get("uid")
    if uid and not valid_uid(uid):
        problem("uid", t("store.bad_uid", uid=uid))
    ind = program.indicator(get("indicator"))
    if ind is None:
        known = [i.id for i in program.indicators]
        close = difflib.get_close_matches(get("indicator"), known, n=3, cutoff=0.5)
        hint = t("did_you_mean", options=", ".join(close)) if close else ""
        problem("indicator", InputError(t("unknown_indicator", id=get("indicator")), hint))
        return None
    period = get("period")
    try:
        period = str(check_period(program, ind, period))
    except InputError as exc:
        problem("period", exc)
    kind_text = get("kind").lower() or EntryKind.RECORD.value
    try:
        kind = EntryKind(kind_text)
    except ValueError:
        problem("kind", t("import.bad_kind", kind=kind_text))
        return None
    supersedes = get("supersedes") or None
    if kind is EntryKind.RECORD and supersedes:
        problem("supersedes", t("import.record_supersedes"))
    if kind is not EntryKind.RECORD and not supersedes:
        problem("supersedes", t("import.needs_supersedes", kind=kind.value))
    value: float | None = None
    raw_value = get("value")
    if kind is EntryKind.VOID:
        if raw_value:
            problem("value", t("import.void_value"))
    else:
        try:
            value = parse_value(raw_value, ind.unit)
        except InputError as exc:
            problem("value", exc)
    day = get("date") or None
    if day:
        try:
            day = parse_day(day).isoformat()
        except InputError as exc:
            problem("date", exc)
    tags: list[tuple[str, str]] = []
    for item in (p for p in get("tags").replace(",", ";").split(";") if p.strip()):
        key, sep, tag_value = item.partition("=")
        try:
            if not sep:
                raise InputError(t("tag.form", tag=item.strip()), hint=t("tag.form.hint"))
            tags.append(check_tag(ind, key, tag_value))
        except InputError as exc:
            problem("tags", exc)
    recorded_at = get("recorded_at")
    if recorded_at:
        try:
            datetime.fromisoformat(recorded_at.replace("Z", "+00:00"))
        except ValueError:
            problem("recorded_at", t("import.bad_timestamp", value=recorded_at))
    if not uid:
        uid = _derived_uid(record, seen)
    return Entry(
        uid=uid,
        indicator_id=ind.id,
        period=period,
        value=value,
        kind=kind,
        date=day,
        note=record.get("note", ""),
        source=record.get("source", ""),
        tags=tuple(tags),
        recorded_by=get("recorded_by"),
        recorded_at=recorded_at,
        supersedes=supersedes,
        reason=record.get("reason", ""),
    )


def _derived_uid(record: dict[str, str], seen: dict[str, int]) -> str:
    """A uid for a row written by hand without one: derived from the row's content (and how
    many identical rows came before it), so that importing the same file twice adds nothing."""
    import hashlib

    fields = [record.get(c, "").strip() for c in CSV_COLUMNS if c != "uid"]
    key = json.dumps(fields, ensure_ascii=False)
    seen[key] = seen.get(key, 0) + 1
    content = json.dumps([*fields, seen[key]], ensure_ascii=False)
    return "r" + hashlib.sha256(content.encode("utf-8")).hexdigest()[:31]

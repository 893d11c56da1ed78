"""Entries into the store: reading a CSV or JSON file of entries (the format of
:mod:`.export`) and checking every row against the programme.

Reading detects the encoding (UTF-8, else Windows-1250), the CSV separator and the column
names (English or Polish) from the header, and accepts either decimal mark. :func:`open_entries`
checks the file as a whole (raising InputError); its rows then come one at a time, each with
its entry *or* its located problems (``FILE:LINE:COLUMN: message``), so that every bad row can
be reported and a file of any length read in little memory.
"""

from __future__ import annotations

import csv
import itertools
import json
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple, TextIO

from wspolpraca_cli.dates import parse_date
from wspolpraca_cli.entries import Entry, EntryKind
from wspolpraca_cli.errors import Diagnostic, InputError
from wspolpraca_cli.i18n import t
from wspolpraca_cli.i18n.catalog_store import counted
from wspolpraca_cli.model import Indicator, Program
from wspolpraca_cli.periods import Period, period_of
from wspolpraca_cli.recording import check_period, check_tag, date_period
from wspolpraca_cli.safe_text import from_spreadsheet_cells
from wspolpraca_cli.suggest import close_matches
from wspolpraca_cli.transfer.export import (
    CSV_COLUMNS,
    INFORMATIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    format_number,
    format_tags,
)
from wspolpraca_cli.values import parse_indicator_value

MAX_IMPORT_BYTES = 256 * 1024 * 1024
"""The largest JSON file imported (it is read whole); a CSV file is streamed, of any size."""

POLISH_COLUMNS: dict[str, tuple[str, ...]] = {
    "uid": ("id wpisu", "identyfikator wpisu"),
    "indicator": ("wskaźnik", "id wskaźnika", "identyfikator wskaźnika", "kod wskaźnika"),
    "period": ("okres",),
    "value": ("wartość",),
    "kind": ("rodzaj", "rodzaj wpisu"),
    "date": ("data", "data pomiaru"),
    "note": ("uwagi", "uwaga", "notatka", "opis"),
    "source": ("źródło",),
    "tags": ("podział", "tagi"),
    "recorded_by": ("zapisał", "kto zapisał", "zapisane przez"),
    "recorded_at": ("zapisano", "czas zapisu", "data zapisu"),
    "supersedes": ("zastępuje",),
    "reason": ("powód", "przyczyna"),
    "effective": ("liczy się",),
    "superseded_by": ("zastąpiony przez",),
}
"""The Polish names of the columns a file may use instead of the English ones; the first is
the one ``wsp import --help`` shows."""


def column_key(name: str) -> str:
    """A header cell as it is compared: any case, with or without Polish letters, ``_``, ``-``
    and spaces alike (``Wskaźnik``, ``wskaznik``, ``RECORDED BY`` and ``recorded_by`` match)."""
    from wspolpraca_cli.periods import fold

    words = name.replace("\ufeff", "").replace("_", " ").replace("-", " ").casefold().split()
    return fold(" ".join(words))


def _column_names() -> dict[str, str]:
    """Every accepted header name (its :func:`column_key`) → the column it means."""
    names = {column_key(c): c for c in (*CSV_COLUMNS, *INFORMATIONAL_COLUMNS)}
    for column, polish in POLISH_COLUMNS.items():
        names.update((column_key(p), column) for p in polish)
    return names


def known_column_names() -> list[str]:
    """The column names, English then Polish, for did-you-means."""
    polish = [p for names in POLISH_COLUMNS.values() for p in names]
    return [*CSV_COLUMNS, *INFORMATIONAL_COLUMNS, *polish]


def _unit_key(ind: Indicator) -> str:
    """An indicator's unit as the key of the values read for it: its kind, and a format-2
    unit's magnitude and text (``8,5 mln zł`` reads otherwise on ``tys. zł``)."""
    if not ind.unit_text:
        return ind.unit.value
    return f"{ind.unit.value}|{ind.unit_magnitude}|{ind.unit_text}"


class Row(NamedTuple):
    """One row (CSV) or entry (JSON) read: its entry, or the problems that keep it out."""

    line: int
    """The line where it starts, for messages."""
    column: int
    """The column where it starts (1 for a CSV row)."""
    label: str
    """What it is called in messages: empty for a CSV row, ``entry 3: `` in JSON."""
    entry: Entry | None
    problems: list[Diagnostic]

    def diagnostic(self, file: str, message: str, hint: str = "") -> Diagnostic:
        """A problem with this row's entry as a whole, located where the row starts."""
        return Diagnostic(file, self.line, self.column, self.label + message, "", hint)


class EntryFile:
    """A file of entries opened for import (:func:`open_entries`): its rows are read and
    checked one at a time by :meth:`rows`, so that a file of any length takes little memory.
    Close it (or use ``with``)."""

    def __init__(self, path: Path, noun: str, encoding: str, rows: Iterator[Row]) -> None:
        self.path = path
        self.noun = noun
        """What the file holds, for counts in messages: ``row`` (CSV) or ``entry`` (JSON)."""
        self.encoding = encoding
        """How the file is read: ``utf-8-sig`` (UTF-8, with or without a byte-order mark) or
        ``cp1250`` (Windows-1250, Polish Excel's "CSV")."""
        self._rows = rows
        self._closers: list[Callable[[], None]] = []

    def rows(self) -> Iterator[Row]:
        """The rows, in the file's order (blank CSV lines left out)."""
        return self._rows

    def close(self) -> None:
        for close in self._closers:
            close()
        self._closers.clear()

    def __enter__(self) -> EntryFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_entries(path: Path, program: Program) -> EntryFile:
    """Open a CSV or JSON file of entries to check against ``program``.

    Raises InputError when the file as a whole cannot be read (encoding, header, JSON syntax,
    size of a JSON file); bad rows come out of :meth:`EntryFile.rows` with their problems.
    A CSV file is read as a stream; a JSON file (at most :data:`MAX_IMPORT_BYTES`) at once.
    """
    try:
        encoding = detect_encoding(path)
        with path.open("rb") as f:
            head = f.read(_PEEK).decode(encoding, "ignore").lstrip("\ufeff \t\r\n")
        if path.suffix.lower() == ".json" or head.startswith(("{", "[")):
            if path.stat().st_size > MAX_IMPORT_BYTES:
                raise InputError(t("import.too_big", path=path, limit=MAX_IMPORT_BYTES // 2**20))
            text = path.read_text(encoding=encoding)
            rows = _read_json(text, str(path), _Checker(program, str(path)))
            return EntryFile(path, "entry", encoding, rows)
        stream = path.open(encoding=encoding, newline="")
    except OSError as exc:
        raise InputError(t("import.cannot_read", path=path, error=exc.strerror or exc)) from None
    try:
        rows = _read_csv(_lines(stream, str(path)), str(path), _Checker(program, str(path)))
    except BaseException:
        stream.close()
        raise
    opened = EntryFile(path, "row", encoding, rows)
    opened._closers.append(stream.close)
    return opened


_PEEK = 4096
"""How much of a file is read to tell JSON from CSV."""
_MAX_LINE = 16 * 2**20
"""The longest line of a CSV file read (a file without line breaks is not a CSV)."""


def _lines(stream: TextIO, file: str) -> Iterator[str]:
    """The lines of ``stream``, each at most :data:`_MAX_LINE` characters."""
    while line := stream.readline(_MAX_LINE):
        if len(line) >= _MAX_LINE:
            raise InputError(t("import.line_too_long", file=file, limit=_MAX_LINE // 2**20))
        yield line


_CHUNK = 1 << 20
_NOT_CP1250 = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]) + bytes(
    [0x81, 0x83, 0x88, 0x90, 0x98]
)
"""Bytes a Windows-1250 text file does not hold: control characters (but tab, line feed,
carriage return) and the five bytes the code page leaves undefined."""


def detect_encoding(path: Path) -> str:
    """``utf-8-sig`` for a UTF-8 file (with or without a byte-order mark), else ``cp1250``
    for a text file in Windows-1250 (what Polish Excel saves as "CSV"). Reads the file in
    chunks, in constant memory. Raises InputError (where the first byte that is not UTF-8 is)
    for anything else, OSError when the file cannot be read."""
    import codecs

    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0  # bytes read before the current chunk
    bad: int | None = None
    with path.open("rb") as f:
        while bad is None:
            chunk = f.read(_CHUNK)
            pending = len(decoder.getstate()[0])
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                bad = offset - pending + exc.start
            if not chunk:
                break
            offset += len(chunk)
        if bad is None:
            return "utf-8-sig"
        f.seek(0)
        while chunk := f.read(_CHUNK):
            if any(byte in chunk for byte in _NOT_CP1250):
                raise _not_utf8(path, f, bad)
    return "cp1250"


def _not_utf8(path: Path, f: BinaryIO, start: int) -> InputError:
    """Where the first byte that is not UTF-8 is, as ``FILE:LINE:COLUMN``."""
    f.seek(0)
    line, line_start, offset = 1, 0, 0
    while offset < start:
        chunk = f.read(min(_CHUNK, start - offset))
        if not chunk:  # pragma: no cover - the file shrank while it was read
            break
        newlines = chunk.count(b"\n")
        if newlines:
            line += newlines
            line_start = offset + chunk.rfind(b"\n") + 1
        offset += len(chunk)
    f.seek(line_start)
    before = f.read(start - line_start + 1)
    byte = before[-1] if len(before) > start - line_start else 0
    text = before[: start - line_start].decode("utf-8", "replace").lstrip("\ufeff")
    return InputError(
        t("import.not_utf8", file=path, line=line, column=len(text) + 1, byte=f"{byte:02x}"),
        hint=t("import.not_utf8.hint"),
    )


def _bad_header(file: str, unknown: list[str], missing: list[str]) -> InputError:
    parts = []
    if missing:
        parts.append(t("import.missing_columns", columns=", ".join(missing)))
    if unknown:
        parts.append(t("import.unknown_columns", columns=", ".join(unknown)))
    pairs = []
    for name in unknown:
        close = close_matches(name, known_column_names(), n=1, key=column_key)
        if close:
            pairs.append(f"{name} → {close[0]}")
    hint = t("import.columns_hint")
    if pairs:
        hint = t("import.column_did_you_mean", pairs=", ".join(pairs)) + "; " + hint
    return InputError(t("import.bad_header", file=file, problems="; ".join(parts)), hint=hint)


def _read_csv(lines: Iterator[str], file: str, checker: _Checker) -> Iterator[Row]:
    """Check the header now (raising InputError); the rows as they are read."""
    first_line = next(lines, "")
    separator = ";" if first_line.count(";") > first_line.count(",") else ","
    if "\t" in first_line and first_line.count("\t") > first_line.count(separator):
        separator = "\t"
    reader = csv.reader(itertools.chain([first_line], lines), delimiter=separator, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise InputError(t("import.bad_csv", file=file, line=1, error=exc)) from None
    if not header or not any(h.strip() for h in header):
        raise InputError(t("import.empty", file=file), hint=t("import.columns_hint"))
    accepted = _column_names()
    names = [accepted.get(column_key(h), "") for h in header]
    unknown = [h.strip() for h, name in zip(header, names, strict=True) if h.strip() and not name]
    missing = [c for c in REQUIRED_COLUMNS if c not in names]
    if unknown or missing:
        raise _bad_header(file, unknown, missing)
    repeated = sorted({h for h in names if h and names.count(h) > 1})
    if repeated:
        raise InputError(t("import.repeated_columns", file=file, columns=", ".join(repeated)))
    return _csv_rows(reader, names, file, checker)


def _csv_rows(
    reader: Iterator[list[str]], names: list[str], file: str, checker: _Checker
) -> Iterator[Row]:
    columns = {name: i + 1 for i, name in enumerate(names)}
    width = len(names)
    line = reader.line_num + 1  # type: ignore[attr-defined]
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            problem = Diagnostic(file, line, 1, t("import.bad_row_csv", error=exc))
            yield Row(line, 1, "", None, [problem])
            return
        start, line = line, reader.line_num + 1  # type: ignore[attr-defined]
        row = from_spreadsheet_cells(row)  # the quote wsp put before a formula taken off
        if len(row) == width:
            record = dict(zip(names, row, strict=True))
        elif not any(cell.strip() for cell in row):
            continue  # blank lines (Excel adds them) are not entries
        elif len(row) > width:
            problem = Diagnostic(file, start, width + 1, t("import.too_many_cells", n=len(row)))
            yield Row(start, 1, "", None, [problem])
            continue
        else:
            record = dict(zip(names, row, strict=False))
            short = _cut_short(record, columns, len(row))
            if short:
                message = t(
                    "import.too_few_cells",
                    cells=counted(len(row), "cell"),
                    columns=counted(width, "column"),
                    missing=", ".join(short),
                )
                problem = Diagnostic(
                    file, start, len(row) + 1, message, "", t("import.too_few_cells.hint")
                )
                yield Row(start, 1, "", None, [problem])
                continue
        yield checker.row(start, 1, "", record, columns)


def _cut_short(record: dict[str, str], columns: dict[str, int], cells: int) -> list[str]:
    """The required columns a row is too short to reach (a void needs no value)."""
    required = list(REQUIRED_COLUMNS)
    if record.get("kind", "").strip().lower() == EntryKind.VOID.value:
        required.remove("value")
    return [c for c in required if columns[c] > cells]


_JSON_ERRORS = {
    "Expecting value": "json.error.expecting_value",
    "Expecting property name enclosed in double quotes": "json.error.expecting_name",
    "Expecting ',' delimiter": "json.error.expecting_comma",
    "Expecting ':' delimiter": "json.error.expecting_colon",
    "Unterminated string starting at": "json.error.unterminated_string",
    "Extra data": "json.error.extra_data",
    "Invalid control character at": "json.error.control_character",
    "Invalid \\escape": "json.error.invalid_escape",
}
"""Python's JSON syntax errors (``JSONDecodeError.msg``) and their catalogue keys."""


def json_error_text(msg: str) -> str:
    """A JSON syntax error in the current language (Python's own words when unknown)."""
    key = _JSON_ERRORS.get(msg)
    return t(key) if key else msg


def _read_json(text: str, file: str, checker: _Checker) -> Iterator[Row]:
    """Parse the document now (raising InputError); its entries as they are checked."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            t(
                "import.bad_json",
                file=file,
                line=exc.lineno,
                column=exc.colno,
                error=json_error_text(exc.msg),
            )
        ) from None
    except RecursionError:  # [[[[… nested beyond what any export writes
        raise InputError(t("import.json_too_deep", file=file)) from None
    items = doc.get("entries") if isinstance(doc, dict) else doc
    if not isinstance(items, list):
        raise InputError(t("import.json_shape", file=file))
    return _json_rows(items, _json_item_starts(text, len(items)), file, checker)


def _json_rows(
    items: list[Any], starts: list[tuple[int, int]], file: str, checker: _Checker
) -> Iterator[Row]:
    for number, item in enumerate(items, 1):
        line, column = starts[number - 1]
        label = t("import.json_entry", n=number) + ": "
        if not isinstance(item, dict):
            problem = Diagnostic(file, line, column, label + t("import.json_item"))
            yield Row(line, column, label, None, [problem])
            continue
        record: dict[str, str] = {}
        for key, value in item.items():
            if key == "tags" and isinstance(value, dict):
                record[key] = format_tags((str(k), _json_text(v)) for k, v in value.items())
            elif value is None:
                record[key] = ""
            elif isinstance(value, bool):
                # true/false read as yes/no, so that only a yes/no indicator takes them
                record[key] = ("true" if value else "false") if key == "value" else str(int(value))
            elif isinstance(value, float | int):
                record[key] = format_number(float(value))
            else:
                record[key] = _json_text(value)
        unknown = [k for k in record if k not in CSV_COLUMNS and k not in INFORMATIONAL_COLUMNS]
        if unknown:
            message = label + t("import.json_keys", keys=", ".join(unknown))
            yield Row(line, column, label, None, [Diagnostic(file, line, column, message)])
            continue
        yield checker.row(line, column, label, record, {})


def _json_text(value: object) -> str:
    """A JSON value as text for a cell, written as JSON writes it (``{"a": 1}``, ``null`` as
    nothing), never as Python's ``{'a': 1}`` or ``None``."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _json_item_starts(text: str, count: int) -> list[tuple[int, int]]:
    """(line, column) where each item of the entries list starts, found by walking the
    document's top level again; (1, 1) for all when the walk fails."""
    decoder = json.JSONDecoder()
    offsets: list[int] = []

    def skip(i: int) -> int:
        while i < len(text) and text[i] in " \t\r\n":
            i += 1
        return i

    def walk_list(i: int) -> None:  # text[i] == "["
        i = skip(i + 1)
        while i < len(text) and text[i] != "]":
            offsets.append(i)
            _, i = decoder.raw_decode(text, i)
            i = skip(i)
            if text[i] == ",":
                i = skip(i + 1)

    try:
        i = skip(0)
        if text[i] == "[":
            walk_list(i)
        elif text[i] == "{":
            i = skip(i + 1)
            while text[i] != "}":
                key, i = decoder.raw_decode(text, i)
                i = skip(skip(i) + 1)  # the colon
                if key == "entries":
                    walk_list(i)
                    break
                _, i = decoder.raw_decode(text, i)
                i = skip(i)
                if text[i] == ",":
                    i = skip(i + 1)
    except (ValueError, IndexError):
        offsets = []
    if len(offsets) != count:
        return [(1, 1)] * count
    starts = []
    for offset in offsets:
        line_start = text.rfind("\n", 0, offset) + 1
        starts.append((text.count("\n", 0, offset) + 1, offset - line_start + 1))
    return starts


class _Checker:
    """Checks rows against the programme, one at a time; remembers only how often each
    hand-written row's content was seen (for derived uids) and, up to a bound, the periods
    it has read (a file has few distinct ones)."""

    _KEPT = 100_000
    """At most this many periods, values and timestamps are remembered."""

    def __init__(self, program: Program, file: str) -> None:
        from wspolpraca_cli.store import valid_uid

        self.program = program
        self.file = file
        self.valid_uid = valid_uid
        self.indicator = {ind.id: ind for ind in program.indicators}.get
        self.seen: dict[str, int] = {}
        self.kinds = {ind.id: (_unit_key(ind), ind.frequency.value) for ind in program.indicators}
        """Indicator id → its unit and frequency (as text: an Enum hashes in Python, slowly;
        a format-2 unit with its magnitude and text, which change how a value reads)."""
        self.periods: dict[tuple[str, str], tuple[Period, str]] = {}
        """(frequency, period as written) → the period and its code, for the periods read
        well (they depend on nothing else)."""
        self._bad_periods: dict[tuple[str, str], InputError] = {}
        """(indicator id, period as written) → why not (the message names the indicator)."""
        self.values: dict[tuple[str, str], float] = {}
        """(unit, value as written) → the value, for the values read well."""
        self.timestamps: set[str] = set()
        """``recorded_at`` texts read well."""

    def row(
        self, line: int, column: int, label: str, record: dict[str, str], columns: dict[str, int]
    ) -> Row:
        """Check one row (CSV: ``columns`` maps names to their columns) or JSON entry
        (``label`` names it in messages; its problems are located where it starts)."""
        found: list[tuple[str, InputError | str]] = []
        entry = _row_entry(self, record, found)
        if not found and entry is not None:
            return Row(line, column, label, entry, [])
        problems = []
        for name, exc in found:
            message = exc if isinstance(exc, str) else exc.message
            hint = "" if isinstance(exc, str) else exc.hint
            where = columns.get(name, column)
            problems.append(Diagnostic(self.file, line, where, label + message, name, hint))
        return Row(line, column, label, None, problems)

    def period(self, ind: Indicator, text: str) -> tuple[Period, str]:
        """:func:`check_period` for a file (the period and its code), remembered."""
        key = (self.kinds[ind.id][1], text)
        found = self.periods.get(key)
        if found is not None:
            return found
        bad = self._bad_periods.get((ind.id, text))
        if bad is not None:
            raise bad
        try:
            period = check_period(self.program, ind, text, in_file=True)
        except InputError as exc:
            if len(self._bad_periods) < self._KEPT:
                self._bad_periods[(ind.id, text)] = exc
            raise
        found = (period, str(period))
        if len(self.periods) < self._KEPT:
            self.periods[key] = found
        return found

    def value(self, ind: Indicator, text: str) -> float:
        """:func:`parse_indicator_value`, the values read well remembered (per unit)."""
        key = (self.kinds[ind.id][0], text)
        found = self.values.get(key)
        if found is None:
            found = parse_indicator_value(text, ind)
            if len(self.values) < self._KEPT:
                self.values[key] = found
        return found

    def valid_timestamp(self, text: str) -> bool:
        """Whether ``recorded_at`` reads as an ISO 8601 time (an export writes few)."""
        if text in self.timestamps:
            return True
        try:
            datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return False
        if len(self.timestamps) < self._KEPT:
            self.timestamps.add(text)
        return True


_KINDS = {kind.value: kind for kind in EntryKind}


def _row_entry(
    checker: _Checker,
    record: dict[str, str],
    found: list[tuple[str, InputError | str]],
) -> Entry | None:
    """The entry of one row, or None; every problem found is added to ``found`` with the
    column it is in. (Called
    for every row of a file: the cells are read once each, the periods and values through
    the checker's memory.)"""
    program = checker.program
    cell = record.get
    uid = cell("uid", "").strip()
    if uid and not checker.valid_uid(uid):
        found.append(("uid", t("store.bad_uid", uid=uid)))
    indicator = cell("indicator", "").strip()
    ind = checker.indicator(indicator)
    if ind is None:
        known = [i.id for i in program.indicators]
        close = close_matches(indicator, known)
        hint = t("did_you_mean", options=", ".join(close)) if close else ""
        found.append(("indicator", InputError(t("unknown_indicator", id=indicator), hint)))
        return None
    period = cell("period", "").strip()
    the_period: Period | None = None
    unit, frequency = checker.kinds[indicator]
    remembered = checker.periods.get((frequency, period))  # (what checker.period remembers)
    if remembered is not None:
        the_period, period = remembered
    else:
        try:
            the_period, period = checker.period(ind, period)
        except InputError as exc:
            found.append(("period", exc))
    kind_text = cell("kind", "").strip().lower() or "record"
    kind = _KINDS.get(kind_text)
    if kind is None:
        found.append(("kind", t("import.bad_kind", kind=kind_text)))
        return None
    if ind.computed is not None and kind is not EntryKind.VOID:
        from wspolpraca_cli.computed import refusal

        found.append(("indicator", refusal(ind)))
        return None
    supersedes = cell("supersedes", "").strip() or None
    if kind is EntryKind.RECORD:
        if supersedes:
            found.append(("supersedes", t("import.record_supersedes")))
    elif not supersedes:
        found.append(("supersedes", t("import.needs_supersedes", kind=kind.value)))
    value: float | None = None
    raw_value = cell("value", "").strip()
    if kind is EntryKind.VOID:
        if raw_value:
            found.append(("value", t("import.void_value")))
    else:
        value = checker.values.get((unit, raw_value))  # (what checker.value remembers)
        if value is None:
            try:
                value = checker.value(ind, raw_value)
            except InputError as exc:
                found.append(("value", exc))
    day = cell("date", "").strip() or None
    if day:
        try:
            the_day = parse_date(day)
            day = the_day.isoformat()
            if the_period is not None:
                _check_date_in_period(program, ind, the_day, the_period)
        except InputError as exc:
            found.append(("date", exc))
    tags: list[tuple[str, str]] = []
    raw_tags = cell("tags", "")
    if raw_tags.strip():
        for item in (p for p in raw_tags.replace(",", ";").split(";") if p.strip()):
            key, sep, tag_value = item.partition("=")
            try:
                if not sep:
                    raise InputError(t("tag.form", tag=item.strip()), hint=t("tag.form.hint"))
                tag = check_tag(ind, key, tag_value)
                if any(k == tag[0] for k, _ in tags):  # as `wsp record --tag` refuses it
                    raise InputError(t("tag.repeated", key=tag[0]))
                tags.append(tag)
            except InputError as exc:
                found.append(("tags", exc))
    recorded_at = cell("recorded_at", "").strip()
    if (
        recorded_at
        and recorded_at not in checker.timestamps
        and not checker.valid_timestamp(recorded_at)
    ):
        found.append(("recorded_at", t("import.bad_timestamp", value=recorded_at)))
    if not uid:
        uid = _derived_uid(record, checker.seen)
    # Entry's __init__ sets its 14 fields one by one (about 2 µs, a quarter of a row's check);
    # the new instance's fields are filled at once instead — the same object. Its dictionary
    # costs memory, but an imported entry lives only until its batch is stored.
    entry: Entry = _new_entry(Entry)
    entry.__dict__.update(
        uid=uid,
        indicator_id=ind.id,
        period=period,
        value=value,
        kind=kind,
        date=day,
        note=cell("note", ""),
        source=cell("source", ""),
        tags=tuple(tags),
        recorded_by=cell("recorded_by", "").strip(),
        recorded_at=recorded_at,
        supersedes=supersedes,
        reason=cell("reason", ""),
        seq=0,
    )
    return entry


_new_entry = object.__new__


def _check_date_in_period(program: Program, ind: Indicator, day: date, period: Period) -> None:
    """The date of an entry lies in its period, as ``wsp record --date`` makes it: the period
    is the one :func:`~wspolpraca_cli.recording.date_period` gives for the date."""
    try:
        if date_period(program, ind, day) == period:
            return
    except InputError:  # the date lies outside the programme's years, so outside the period
        pass
    found = period_of(day, ind.frequency, program.first_year, program.last_year)
    raise InputError(
        t("import.date_period", date=day.isoformat(), period=period, id=ind.id),
        hint=t("import.date_period.hint", date=day.isoformat(), found=found),
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

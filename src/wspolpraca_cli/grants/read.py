"""Reading a grants register: a CSV or XLSX file, one offer or grant a row → :class:`GrantRow`.

What an office has is read as it is: Polish or English headers in any case, with or without
Polish letters (``Kwota przyznana``, ``kwota_przyznana``, ``Dotacja``, ``granted``); ``;`` or
``,`` between cells (sniffed from the header); UTF-8 (with or without a byte-order mark), else
Windows-1250 (what Polish Excel saves as "CSV"); amounts as offices write them
(``10 000,00 zł``, ``10000.50``, ``1 234,5``); dates ``2024-04-02`` or ``2.04.2024``; an XLSX
sheet's numbers and dates as the cells hold them. ``#`` lines before the header (the comments
of ``wsp grants template``) and a sheet's title rows are skipped, and so is an ``Lp.`` column.

:func:`open_register` checks the file as a whole (raising InputError: encoding, header); its
rows then come one at a time (:meth:`RegisterFile.rows`), each with its :class:`GrantRow` *or*
every problem of its cells (``FILE:ROW:COLUMN: message``, with a hint), so that every bad cell
of a file of any length can be reported in little memory.

An imported row's uid is derived from its content (the values as read, so ``10 000,00`` and
``10000`` are the same amount) and the number of identical rows before it in the file: a
re-import of the same register adds nothing, and two identical rows are both kept.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from wspolpraca_cli.errors import Diagnostic, InputError
from wspolpraca_cli.grants.areas import AREAS, parse_area
from wspolpraca_cli.grants.model import (
    AMOUNT_COLUMNS,
    COLUMNS,
    DATE_COLUMNS,
    GrantRow,
    Mode,
    parse_mode,
)
from wspolpraca_cli.i18n import t

HEADERS: dict[str, tuple[str, ...]] = {
    "ref": ("Nr umowy", "numer umowy", "nr", "numer", "nr oferty", "numer oferty",
            "znak sprawy", "sygnatura", "reference"),
    "year": ("Rok", "rok budżetowy", "rok realizacji"),
    "mode": ("Tryb", "tryb przyznania dotacji", "tryb udzielenia dotacji", "tryb przyznania",
             "tryb zlecenia", "forma zlecenia"),
    "area": ("Obszar (art. 4 ust. 1)", "obszar", "sfera", "sfera zadań publicznych",
             "sfera pożytku publicznego", "zakres", "art. 4 ust. 1", "pkt art. 4 ust. 1",
             "obszar współpracy", "obszar zadań publicznych"),
    "department": ("Wydział", "komórka", "komórka organizacyjna", "jednostka", "departament",
                   "wydział merytoryczny", "biuro"),
    "organisation": ("Organizacja", "nazwa organizacji", "oferent", "nazwa oferenta",
                     "wnioskodawca", "podmiot", "organizacja pozarządowa", "organization"),
    "krs": ("Nr KRS", "numer KRS", "KRS"),
    "title": ("Tytuł zadania", "tytuł", "nazwa zadania", "zadanie", "tytuł projektu",
              "nazwa projektu", "task"),
    "requested": ("Kwota wnioskowana", "wnioskowana kwota", "kwota wnioskowana dotacji",
                  "wnioskowana dotacja"),
    "granted": ("Kwota przyznana", "dotacja", "kwota dotacji", "przyznana kwota",
                "przyznana dotacja", "kwota udzielonej dotacji", "udzielona dotacja"),
    "settled": ("Kwota rozliczona", "rozliczona kwota", "rozliczono", "kwota rozliczenia",
                "rozliczona dotacja"),
    "returned": ("Kwota zwrócona", "zwrócona kwota", "zwrot", "kwota zwrotu", "zwrot dotacji",
                 "zwrócono"),
    "contract_date": ("Data umowy", "data zawarcia umowy", "data podpisania umowy",
                      "contract date"),
    "start": ("Początek realizacji", "data rozpoczęcia", "data rozpoczęcia realizacji",
              "termin rozpoczęcia", "rozpoczęcie", "początek", "start date"),
    "end": ("Koniec realizacji", "data zakończenia", "data zakończenia realizacji",
            "termin zakończenia", "zakończenie", "koniec", "end date"),
}  # fmt: skip
"""Column → the other names a header may give it (the English name is always accepted);
the first is the template's Polish header."""

REQUIRED = ("year", "mode", "area")
"""The columns a register must have (and every row must fill)."""

IGNORED = ("Lp.", "l.p.", "lp")
"""Headers of columns that are read past (a row number)."""

MAX_ROWS_REMEMBERED = 1_000_000
"""How many distinct row contents an import counts the occurrences of (for uids)."""

_FOLD = str.maketrans("ąćęłńóśźż", "acelnoszz")
_WORDS = re.compile(r"[a-z0-9]+")


def header_key(name: str) -> str:
    """A header cell as it is compared: any case, Polish letters or not, punctuation,
    ``_`` and spaces alike, a trailing currency (``(zł)``, ``PLN``) left out — so that
    ``Obszar (art.4 ust.1)``, ``obszar art 4 ust 1`` and ``OBSZAR (ART. 4 UST. 1)`` match."""
    words = _WORDS.findall(name.casefold().translate(_FOLD))
    while words and words[-1] in ("zl", "pln"):
        words.pop()
        if words and words[-1] == "w":  # (w zł)
            words.pop()
    return " ".join(words)


def template_header(column: str) -> str:
    """The Polish header of ``column`` in the template."""
    return HEADERS[column][0]


def _accepted() -> dict[str, str]:
    names = {header_key(c): c for c in COLUMNS}
    for column, others in HEADERS.items():
        names.update((header_key(o), column) for o in others)
    names.update((header_key(i), "") for i in IGNORED)
    return names


def known_headers() -> list[str]:
    """Every header name, English then Polish, for did-you-means."""
    return [*COLUMNS, *(o for others in HEADERS.values() for o in others)]


class ReadRow(NamedTuple):
    """One row of the register read: its :class:`GrantRow`, or the problems of its cells."""

    line: int
    """The row's number (a CSV file's line, a sheet's row), for messages."""
    row: GrantRow | None
    problems: list[Diagnostic]


class RegisterFile:
    """A register opened for reading (:func:`open_register`): its rows come one at a time
    from :meth:`rows`. Close it (or use ``with``)."""

    def __init__(self, path: Path, encoding: str, rows: Iterator[ReadRow], close: Any) -> None:
        self.path = path
        self.encoding = encoding
        """``utf-8-sig``, ``cp1250`` (a CSV file), or ``xlsx``."""
        self._rows = rows
        self._close = close

    def rows(self) -> Iterator[ReadRow]:
        """The rows, in the file's order (blank rows left out)."""
        return self._rows

    def close(self) -> None:
        if self._close is not None:
            self._close()
            self._close = None

    def __enter__(self) -> RegisterFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


XLSX_SUFFIXES = (".xlsx", ".xlsm")


def open_register(path: Path) -> RegisterFile:
    """Open the register ``path`` (XLSX by its extension, else CSV). Raises InputError when
    the file as a whole cannot be read (its encoding, its header, a damaged workbook)."""
    suffix = path.suffix.lower()
    if suffix in (".xls", ".ods", ".numbers"):
        raise InputError(
            t("grants.read.unsupported", path=path, suffix=suffix),
            hint=t("grants.read.unsupported.hint"),
        )
    if suffix in XLSX_SUFFIXES:
        return _open_xlsx(path)
    return _open_csv(path)


# -- CSV -------------------------------------------------------------------------------------


def _open_csv(path: Path) -> RegisterFile:
    import csv

    from wspolpraca_cli.transfer.import_ import detect_encoding

    try:
        encoding = detect_encoding(path)
        stream = path.open(encoding=encoding, newline="")
    except OSError as exc:
        raise InputError(t("import.cannot_read", path=path, error=exc.strerror or exc)) from None
    try:
        skipped = 0
        header_line = ""
        passed: list[str] = []  # lines with text that do not look like a header (titles)
        while line := stream.readline(_MAX_LINE):
            if len(line) >= _MAX_LINE:
                raise InputError(t("import.line_too_long", file=path, limit=_MAX_LINE // 2**20))
            stripped = line.lstrip("\ufeff \t").lstrip('"')
            cells = _split(line)
            if not stripped.startswith("#") and _header_like(cells):
                header_line = line
                break
            if not stripped.startswith("#") and any(_filled(c) for c in cells):
                passed.append(line)
                if len(passed) >= _TITLE_ROWS:
                    break
            skipped += 1
        if not header_line and passed:  # no row looks like a header: the first with text is
            header_line = passed[0]  # the header, and the message says what is wrong with it
            skipped = 0  # (its line number does not matter: a header error names no line)
        if not header_line:
            raise InputError(t("grants.read.empty", file=path), hint=t("grants.read.empty.hint"))
        delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
        if header_line.count("\t") > header_line.count(delimiter):
            delimiter = "\t"
        reader = csv.reader(_chain(header_line, stream, path), delimiter=delimiter)
        try:
            header = next(reader)
        except csv.Error as exc:
            raise InputError(t("import.bad_csv", file=path, line=skipped + 1, error=exc)) from None
        header[0] = header[0].lstrip("\ufeff")
        reading = _Reader(str(path), header)
        rows = _csv_rows(reader, reading, skipped)
    except BaseException:
        stream.close()
        raise
    return RegisterFile(path, encoding, rows, stream.close)


def _split(line: str) -> list[str]:
    """A line's cells, roughly (by its likelier delimiter), to tell a header from a title."""
    delimiter = max(";,\t", key=line.count)
    return line.split(delimiter)


def _filled(cell: str) -> bool:
    """Whether a cell has text (not only spaces, quotes, a byte-order mark)."""
    return bool(cell.strip(' \t\r\n"\ufeff'))


_TITLE_ROWS = 10
"""How many rows with text but too few cells for a header (titles) are read past at most."""


def _header_like(cells: list[str]) -> bool:
    """Whether a row before the header could be the header: it names at least as many
    columns as a register requires. Rows with fewer — a sheet's title ("Rejestr dotacji
    2024"), a date, blank rows — are read past."""
    return sum(1 for c in cells if _filled(c)) >= len(REQUIRED)


_MAX_LINE = 16 * 2**20
"""The longest line of a CSV file read (a file without line breaks is not a CSV)."""


def _chain(first: str, stream: Any, path: Path) -> Iterator[str]:
    yield first
    while line := stream.readline(_MAX_LINE):
        if len(line) >= _MAX_LINE:
            raise InputError(t("import.line_too_long", file=path, limit=_MAX_LINE // 2**20))
        yield line


def _csv_rows(reader: Any, reading: _Reader, skipped: int) -> Iterator[ReadRow]:
    import csv

    from wspolpraca_cli.safe_text import from_spreadsheet_cells

    line = reader.line_num + skipped + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            problem = Diagnostic(reading.file, line, 1, t("import.bad_row_csv", error=exc))
            yield ReadRow(line, None, [problem])
            return
        start, line = line, reader.line_num + skipped + 1
        if not any(cells):
            continue
        yield reading.row(start, from_spreadsheet_cells(cells))


# -- XLSX ------------------------------------------------------------------------------------


def _open_xlsx(path: Path) -> RegisterFile:
    import zipfile

    try:
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True, data_only=True)
    except OSError as exc:
        raise InputError(t("import.cannot_read", path=path, error=exc.strerror or exc)) from None
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
        raise InputError(
            t("grants.read.bad_xlsx", path=path, error=str(exc) or type(exc).__name__),
            hint=t("grants.read.bad_xlsx.hint"),
        ) from None
    except Exception as exc:  # openpyxl's own InvalidFileException and its kin
        if type(exc).__module__.startswith("openpyxl"):
            raise InputError(
                t("grants.read.bad_xlsx", path=path, error=str(exc) or type(exc).__name__),
                hint=t("grants.read.bad_xlsx.hint"),
            ) from None
        raise
    try:
        sheet = book.worksheets[0]
        values = sheet.iter_rows(values_only=True)
        number = 0
        header: list[Any] | None = None
        passed: list[list[Any]] = []  # rows with text too few for a header (titles)
        for cells in values:
            number += 1
            texts = ["" if c is None else str(c) for c in cells]
            first = next((c for c in texts if c.strip()), "")
            if first.lstrip().startswith("#") or not first:
                continue
            if _header_like(texts):
                header = list(cells)
                break
            passed.append(list(cells))
            if len(passed) >= _TITLE_ROWS:
                break
        if header is None and passed:  # the first row with text, to say what is wrong
            header = passed[0]
        if header is None:
            raise InputError(t("grants.read.empty", file=path), hint=t("grants.read.empty.hint"))
        while header and (header[-1] is None or not str(header[-1]).strip()):
            header.pop()
        reading = _Reader(str(path), ["" if h is None else str(h) for h in header])
        rows = _xlsx_rows(values, reading, number)
    except BaseException:
        book.close()
        raise
    return RegisterFile(path, "xlsx", rows, book.close)


def _xlsx_rows(
    values: Iterator[tuple[Any, ...]], reading: _Reader, number: int
) -> Iterator[ReadRow]:
    for cells in values:
        number += 1
        if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
            continue
        yield reading.row(number, list(cells))


# -- cells -----------------------------------------------------------------------------------


class CellError(Exception):
    """A cell that cannot be read: its message and hint."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def _text(value: Any) -> str:
    """A cell as text (a number as written: 12 not 12.0)."""
    if type(value) is str:
        return value
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    return str(value)


def _plain(value: Any) -> str:
    """Free text (organisation, title, department): on one line, spaces collapsed."""
    return " ".join((value if type(value) is str else _text(value)).split())


_YEAR = re.compile(r"(\d{4})(?:\s*r\.?)?", re.ASCII)


def _year(value: Any) -> int:
    year = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        year = int(value) if float(value).is_integer() else None
    elif (found := _YEAR.fullmatch(_text(value).strip())) is not None:
        year = int(found[1])
    if year is None or not 1990 <= year <= 2100:
        raise CellError(t("grants.read.bad_year", value=_text(value)), t("grants.read.year_hint"))
    return year


def mode_hint() -> str:
    """The modes and a few of their spellings, for a hint."""
    return t("grants.read.mode_hint")


def area_hint() -> str:
    """Every point of art. 4 ust. 1, for a hint."""
    return t("grants.read.area_hint", points=", ".join(AREAS))


_KEPT = 10_000
"""At most this many spellings of modes, areas and dates are remembered (a file has few)."""
_modes: dict[str, Mode | None] = {}
_areas: dict[str, str | None] = {}


def _mode(value: Any) -> Mode:
    text = _text(value).strip()
    mode = _modes[text] if text in _modes else parse_mode(text)
    if len(_modes) < _KEPT:
        _modes[text] = mode
    if mode is None:
        from wspolpraca_cli.grants.model import mode_aliases
        from wspolpraca_cli.suggest import close_matches

        close = close_matches(text, list(mode_aliases()), n=1, key=str.casefold)
        hint = mode_hint()
        if close:
            hint = t("did_you_mean", options=close[0]) + " " + hint
        raise CellError(t("grants.read.bad_mode", value=text), hint)
    return mode


def _area(value: Any) -> str:
    text = _text(value).strip()
    area = _areas[text] if text in _areas else parse_area(text)
    if len(_areas) < _KEPT:
        _areas[text] = area
    if area is None:
        raise CellError(t("grants.read.bad_area", value=text), area_hint())
    return area


_KRS = re.compile(r"(?:krs\s*(?:nr\.?\s*)?:?\s*)?([0-9][0-9 ]*)", re.ASCII | re.IGNORECASE)


def _krs(value: Any) -> str:
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if number and 0 <= value < 10**10 and float(value).is_integer():
        return f"{int(value):010d}"
    text = _text(value).strip()
    if not text:
        return ""
    found = _KRS.fullmatch(text)
    digits = found[1].replace(" ", "") if found else ""
    if not digits or len(digits) > 10:
        raise CellError(t("grants.read.bad_krs", value=text), t("grants.read.krs_hint"))
    return digits.zfill(10)


_SIMPLE_AMOUNT = re.compile(
    r"\s*([0-9]{1,12}|[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3}){1,3})(?:[.,]([0-9]{1,2}))?"
    r"(?:\s*(?:zł|zl|PLN))?\s*",
    re.IGNORECASE,
).fullmatch
"""The usual amounts (``10000``, ``10 000,00``, ``1 234,5 zł``, ``10000.50``), read without
the general parser; ``12.500`` is not one of them (thousands or decimals? refused there)."""


def _amount(value: Any) -> float | None:
    if type(value) is str:
        simple = _SIMPLE_AMOUNT(value)
        if simple is not None:
            whole, fraction = simple.groups()
            return float(f"{whole.translate(_NO_SPACES)}.{fraction or 0}")
    if isinstance(value, int | float) and not isinstance(value, bool):
        amount = float(value)
        if amount != amount or amount in (float("inf"), float("-inf")):
            raise CellError(t("value.invalid", value=_text(value)), t("value.forms.amount"))
        if amount < 0:
            raise CellError(t("grants.read.negative", value=_text(value)), t("value.forms.amount"))
        return amount + 0.0
    if isinstance(value, date | datetime | bool):
        raise CellError(t("grants.read.not_amount", value=_text(value)), t("value.forms.amount"))
    text = _text(value).strip()
    if not text:
        return None
    from wspolpraca_cli.model import Unit
    from wspolpraca_cli.values import parse_value

    try:
        return parse_value(text, Unit.AMOUNT)
    except InputError as exc:
        if exc.message == t("value.negative", value=text):
            raise CellError(t("grants.read.negative", value=text), exc.hint) from None
        raise CellError(exc.message, exc.hint) from None


_NO_SPACES = str.maketrans("", "", " \u00a0\u202f")
_dates: dict[str, date] = {}


def _date(value: Any) -> date | None:
    if type(value) is str:
        known = _dates.get(value)
        if known is not None:
            return known
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value).strip()
    if not text:
        return None
    day = _dates.get(text)
    if day is None:
        from wspolpraca_cli.dates import read_date

        day = read_date(text)
        if day is None:
            raise CellError(t("date.invalid", date=text), t("date.hint"))
        if len(_dates) < _KEPT:
            _dates[text] = day
    return day


def _ref(value: Any) -> str:
    return _text(value).strip()


_CONVERTERS: dict[str, Callable[[Any], Any]] = {
    "ref": _ref,
    "year": _year,
    "mode": _mode,
    "area": _area,
    "department": _plain,
    "organisation": _plain,
    "krs": _krs,
    "title": _plain,
    "requested": _amount,
    "granted": _amount,
    "settled": _amount,
    "returned": _amount,
    "contract_date": _date,
    "start": _date,
    "end": _date,
}


def convert(column: str, value: Any) -> Any:
    """The value of one cell of ``column``, read as an import reads it (an empty cell of an
    optional column is None or ""). Raises :class:`CellError` with a message and a hint."""
    if column in REQUIRED and _empty(value):
        raise CellError(t("grants.read.required", column=column))
    return _CONVERTERS[column](value)


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class _Reader:
    """The header of a register checked, and its rows read against it one at a time."""

    def __init__(self, file: str, header: list[str]) -> None:
        self.file = file
        accepted = _accepted()
        names: list[str | None] = []
        unknown: list[str] = []
        for cell in header:
            key = header_key(cell)
            if not key:
                names.append(None)  # a column without a header: its cells must stay empty
                continue
            name = accepted.get(key)
            if name is None:
                unknown.append(cell.strip())
            names.append(name or None)
        missing = [c for c in REQUIRED if c not in names]
        if unknown or missing:
            raise _bad_header(file, unknown, missing)
        repeated = sorted({n for n in names if n and names.count(n) > 1}, key=COLUMNS.index)
        if repeated:
            raise InputError(
                t("grants.read.repeated", file=file, columns=", ".join(repeated)),
                hint=t("grants.read.header_hint"),
            )
        self.header = [h.strip() for h in header]
        self.width = len(header)
        self.columns = [
            (i, n, _CONVERTERS[n], n in REQUIRED) for i, n in enumerate(names) if n is not None
        ]
        self.blank = [i for i, n in enumerate(names) if n is None and header_key(header[i]) == ""]
        self.where = {n: i for i, n in enumerate(names) if n is not None}
        self.seen: dict[bytes, int] = {}

    def problem(self, line: int, index: int, message: str, hint: str = "") -> Diagnostic:
        column = self.header[index] if index < len(self.header) else ""
        return Diagnostic(self.file, line, index + 1, message, column, hint)

    def row(self, line: int, cells: list[Any]) -> ReadRow:
        """One row: its GrantRow, or every problem of its cells."""
        width = self.width
        if len(cells) > width:
            extra = next((i for i in range(width, len(cells)) if not _empty(cells[i])), None)
            if extra is not None:
                message = t("grants.read.extra_cell", n=extra + 1, columns=width)
                return ReadRow(line, None, [Diagnostic(self.file, line, extra + 1, message)])
        problems: list[Diagnostic] = []
        for i in self.blank:
            if i < len(cells) and not _empty(cells[i]):
                problems.append(
                    self.problem(line, i, t("grants.read.headless_cell", n=i + 1),
                                 t("grants.read.headless_cell.hint"))
                )  # fmt: skip
        values: dict[str, Any] = {}
        count = len(cells)
        for i, name, convert, required in self.columns:
            raw = cells[i] if i < count else None
            if required and (raw is None or (type(raw) is str and not raw.strip())):
                column = self.header[i]
                problems.append(self.problem(line, i, t("grants.read.required", column=column)))
                continue
            try:
                values[name] = convert(raw)
            except CellError as bad:
                problems.append(self.problem(line, i, bad.message, bad.hint))
        # the cells read well are checked against each other too
        start, end = values.get("start"), values.get("end")
        if start is not None and end is not None and start > end:
            message = t("grants.read.start_after_end", start=start, end=end)
            problems.append(self.problem(line, self.where["end"], message))
        granted, returned = values.get("granted"), values.get("returned")
        known = "granted" in values or "granted" not in self.where  # (not a bad cell)
        if returned is not None and known and returned > (granted or 0.0):
            message = t(
                "grants.read.returned_above_granted",
                returned=amount_text(returned),
                granted=amount_text(granted or 0.0),
            )
            problems.append(self.problem(line, self.where["returned"], message))
        if problems:
            return ReadRow(line, None, problems)
        return ReadRow(line, self._grant(values), [])

    def _grant(self, values: dict[str, Any]) -> GrantRow:
        # A column the file lacks is as an empty one (the same row, whichever columns the
        # register has). str(): text as it is, None, a date in ISO, an amount as repr writes
        # it, the mode's value — so that the same content has the same uid in every run.
        content = "\x1f".join([str(values.get(c, e)) for c, e in _EMPTY]).encode("utf-8")
        digest = hashlib.sha256(content).digest()
        key = digest[:12]
        occurrence = self.seen.get(key, 0) + 1
        if occurrence > 1 or len(self.seen) < MAX_ROWS_REMEMBERED:
            self.seen[key] = occurrence
        if occurrence == 1:
            uid = digest.hex()[:32]
        else:
            uid = hashlib.sha256(content + b"\x1e%d" % occurrence).hexdigest()[:32]
        return GrantRow(uid=uid, **values)


_EMPTY = tuple((c, None if c in AMOUNT_COLUMNS or c in DATE_COLUMNS else "") for c in COLUMNS)
"""Each column and what an empty cell of it reads as (what a column the file lacks is)."""


def amount_text(value: float) -> str:
    """An amount as messages show it (``150,50``; English ``150.50``)."""
    from wspolpraca_cli.i18n import get_language
    from wspolpraca_cli.numfmt import format_amount

    return format_amount(value, get_language())


def _bad_header(file: str, unknown: list[str], missing: list[str]) -> InputError:
    from wspolpraca_cli.suggest import close_matches

    parts = []
    if missing:
        names = ", ".join(f"{c} ({template_header(c)})" for c in missing)
        parts.append(t("grants.read.missing_columns", columns=names))
    if unknown:
        parts.append(t("grants.read.unknown_columns", columns=", ".join(unknown)))
    pairs = []
    for name in unknown:
        close = close_matches(name, known_headers(), n=1, key=header_key)
        if close:
            pairs.append(f"{name} → {close[0]}")
    hint = t("grants.read.header_hint")
    if pairs:
        hint = t("did_you_mean", options=", ".join(pairs)) + " " + hint
    return InputError(t("grants.read.bad_header", file=file, problems="; ".join(parts)), hint=hint)

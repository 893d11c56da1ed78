"""Text that people wrote (notes, sources, ``--by``, names in the programme, imported cells),
made safe where wsp shows it — and nowhere else: the store and JSON keep it verbatim.

- **Terminals and Markdown** (:func:`shown`, :func:`one_line`): control characters are shown
  escaped, Python-style (``ESC`` as ``\\x1b``, ``BEL`` as ``\\x07``; the bidirectional
  overrides and the line separators as ``\\u202e``, ``\\u2028``), so that a note can neither
  retitle the window (``ESC ]0;…BEL``), clear the screen (``ESC [2J``) nor reorder what is
  shown. Newlines and tabs stay (:func:`one_line` folds all whitespace into single spaces).
- **Spreadsheets** (:func:`spreadsheet_text`, :func:`spreadsheet_cells`,
  :func:`spreadsheet_row`): a csv cell that a spreadsheet would read as a formula (it begins
  with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a single quote in front, the
  OWASP convention; a number (``-5``, ``-1,5``) stays a number. :func:`from_spreadsheet` takes
  off exactly the quote wsp added, so export → import gives back the original text
  (docs/entries-csv.md). xlsx cells are written as strings instead
  (:mod:`wspolpraca_cli.render.report_xlsx`).

Pure and cheap: nothing is compiled before the first text that needs it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from operator import itemgetter
from typing import Any, TypeVar

_FORMULA_START = frozenset("=+-@\t\r")
"""What makes a spreadsheet read a cell as a formula (OWASP's list)."""
_QUOTE = "'"
_QUOTABLE = _FORMULA_START | {_QUOTE}
"""First characters worth a closer look: a formula, or a quote before one (see
:func:`_needs_quote`)."""
QUOTABLE = _QUOTABLE
"""The first characters of a cell that :func:`spreadsheet_text` may change (a store that
writes an export's cells itself calls it only for those)."""

K = TypeVar("K")


# -- terminals and Markdown -------------------------------------------------------------------
@cache
def _controls() -> re.Pattern[str]:
    """C0 controls but tab and newline, DEL, C1 controls (``\\x9b`` is CSI on some
    terminals), the line and paragraph separators, the bidirectional embeddings, overrides and
    isolates."""
    return re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(text: str) -> str:
    """``text`` with its control characters shown escaped (``\\x1b``); newlines and tabs
    kept. Text without any comes back as it is (the same object)."""
    pattern = _controls()
    if pattern.search(text) is None:
        return text
    return pattern.sub(_escape, text)


@cache
def _spaces() -> re.Pattern[str]:
    return re.compile("[ \t\n]+")


def one_line(text: str) -> str:
    """:func:`shown` on one line: every run of spaces, tabs and newlines as one space, none
    at either end — for a table cell or a heading. Non-breaking spaces (in numbers: ``1 000``)
    stay."""
    text = shown(text)
    if "\n" in text or "\t" in text or "  " in text or text[:1] == " " or text[-1:] == " ":
        text = _spaces().sub(" ", text).strip(" ")
    return text


# -- spreadsheets -----------------------------------------------------------------------------
@cache
def _number() -> re.Pattern[str]:
    return re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?%?")


def _needs_quote(text: str) -> bool:
    """Whether wsp puts a quote before ``text``: a formula (not a plain number such as
    ``-5``), or already a quote before one — so that :func:`from_spreadsheet`, which takes
    one quote off such text, gives back exactly what was written."""
    body = text.lstrip(_QUOTE)
    if not body or body[0] not in _FORMULA_START:
        return False
    return len(body) < len(text) or _number().fullmatch(text) is None


def spreadsheet_text(value: Any) -> Any:
    """A csv cell that no spreadsheet runs: text that would be a formula (``=SUM(A1)``,
    ``@x``, ``-x``, a tab or CR first) with a ``'`` in front; anything else (a number, also
    ``-5`` as text; not a string) unchanged."""
    if isinstance(value, str) and value and value[0] in _QUOTABLE and _needs_quote(value):
        return _QUOTE + value
    return value


def spreadsheet_cells(cells: Iterable[Any]) -> Sequence[Any]:
    """A csv row (a sequence of cells) with :func:`spreadsheet_text` applied to each cell;
    ``cells`` itself when no cell needs it — checked without a Python call per cell, as
    :func:`spreadsheet_row`."""
    if type(cells) is not tuple and type(cells) is not list:  # (an ABC check costs more)
        cells = list(cells)
    try:
        if _QUOTABLE.isdisjoint(map(_FIRST, cells)):
            return cells
    except TypeError:  # a cell that is not text
        pass
    return [spreadsheet_text(c) for c in cells]


_FIRST = itemgetter(slice(0, 1))


def spreadsheet_row(row: Mapping[K, Any]) -> Mapping[K, Any]:
    """A csv row (a mapping, for ``csv.DictWriter``) with :func:`spreadsheet_text` applied to
    each cell; ``row`` itself when no cell needs it — the common case, checked without a
    Python call per cell (an export of a million rows)."""
    try:
        clean = _QUOTABLE.isdisjoint(map(_FIRST, row.values()))
    except TypeError:  # a cell that is not text
        clean = False
    if clean:
        return row
    return {k: spreadsheet_text(v) for k, v in row.items()}


def from_spreadsheet(text: str) -> str:
    """A csv cell as read back: the quote :func:`spreadsheet_text` put before a formula taken
    off (``'=SUM(A1)`` → ``=SUM(A1)``); any other text unchanged."""
    if text[:1] == _QUOTE and _needs_quote(text[1:]):
        return text[1:]
    return text


def from_spreadsheet_cells(cells: list[str]) -> list[str]:
    """A csv row as read back, :func:`from_spreadsheet` applied to each cell; ``cells``
    itself when no cell begins with a quote (the common case, checked without a Python call
    per cell)."""
    if _QUOTE not in map(_FIRST, cells):
        return cells
    return [from_spreadsheet(c) for c in cells]

"""``wsp export``: every entry as CSV (Excel-friendly, docs/entries-csv.md) or JSON, written
as the entries are read (:func:`write_csv`, :func:`write_json`: flat memory whatever the
store's size); :func:`render_csv` and :func:`render_json` give the same text whole."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TextIO

from wspolpraca_cli.entries import EntryRow
from wspolpraca_cli.i18n import get_language


@dataclass(frozen=True)
class EntriesDocument:
    program: str
    """The programme's title."""
    store: str
    rows: Iterable[EntryRow]
    """Every entry as a row, read once, as the document is written (a stream from the
    store)."""


def write_csv(doc: EntriesDocument, out: TextIO) -> int:
    """The CSV document; returns how many entries it holds."""
    from wspolpraca_cli.transfer import write_csv_rows

    return write_csv_rows(doc.rows, out, lang=get_language())


def write_json(doc: EntriesDocument, out: TextIO) -> int:
    """The JSON document; returns how many entries it holds."""
    from wspolpraca_cli.transfer import write_json_rows

    return write_json_rows(doc.rows, out, program=doc.program, store=doc.store)


WRITERS: dict[str, Callable[[EntriesDocument, TextIO], int]] = {
    "csv": write_csv,
    "json": write_json,
}
"""The streaming writer of each export format (``wsp export``)."""


def render_csv(doc: EntriesDocument) -> str:
    out = io.StringIO(newline="")
    write_csv(doc, out)
    return out.getvalue()


def render_json(doc: EntriesDocument) -> str:
    out = io.StringIO(newline="")
    write_json(doc, out)
    return out.getvalue()

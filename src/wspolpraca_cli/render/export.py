"""``wsp export``: every entry as CSV (Excel-friendly, docs/entries-csv.md) or JSON."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from wspolpraca_cli.entries import Entry
from wspolpraca_cli.i18n import get_language


@dataclass(frozen=True)
class EntriesDocument:
    program: str
    """The programme's title."""
    store: str
    entries: Sequence[Entry]


def render_csv(doc: EntriesDocument) -> str:
    from wspolpraca_cli.transfer import write_csv

    out = io.StringIO(newline="")
    write_csv(doc.entries, out, lang=get_language())
    return out.getvalue()


def render_json(doc: EntriesDocument) -> str:
    from wspolpraca_cli.render.json_docs import dumps
    from wspolpraca_cli.transfer import to_json

    return dumps(to_json(doc.entries, program=doc.program, store=doc.store))

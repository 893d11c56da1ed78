"""``wsp history``: entries with their corrections and voids, as a table, CSV or JSON.

Each renderer takes the :class:`~wspolpraca_cli.services.History` of the service and returns
the text to print; the chain of an entry (record → corrections → void) stays together, each
successor indented under the entry it supersedes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from wspolpraca_cli.entries import EntryKind
from wspolpraca_cli.i18n import get_language, t
from wspolpraca_cli.model import Program, Unit
from wspolpraca_cli.numfmt import format_recorded
from wspolpraca_cli.render.json_docs import dumps
from wspolpraca_cli.services.base import SHORT
from wspolpraca_cli.services.entries import History


@dataclass(frozen=True)
class HistoryDocument:
    program: Program
    store: str
    history: History


def render_json(doc: HistoryDocument) -> str:
    from wspolpraca_cli.transfer import entry_json

    found = doc.history
    items: list[dict[str, Any]] = []
    for entry, depth in found.chains:
        item = entry_json(entry)
        item["superseded_by"] = found.superseded_by.get(entry.uid)
        item["effective"] = found.effective(entry)
        item["depth"] = depth
        items.append(item)
    data = {"schema": 1, "program": doc.program.title, "store": doc.store, "entries": items}
    return dumps(data)


def render_csv(doc: HistoryDocument) -> str:
    from wspolpraca_cli.transfer import write_csv

    found = doc.history
    extra = {
        e.uid: {
            "effective": "1" if found.effective(e) else "0",
            "superseded_by": found.superseded_by.get(e.uid, ""),
        }
        for e, _ in found.chains
    }
    out = io.StringIO(newline="")
    entries = [e for e, _ in found.chains]
    write_csv(entries, out, lang=get_language(), bom=False, extra=extra)
    return out.getvalue()


def render_table(doc: HistoryDocument) -> str:
    from tabulate import tabulate

    program, found = doc.program, doc.history
    lang = get_language()
    rows = []
    for entry, depth in found.chains:
        ind = program.indicator(entry.indicator_id)
        unit = ind.unit if ind else Unit.NUMBER
        marker = ("  " * (depth - 1) + "└ ") if depth else ""
        if entry.kind is EntryKind.VOID:
            state = t("history.state.void")
        elif entry.uid in found.superseded_by:
            state = t("history.state.superseded", uid=found.superseded_by[entry.uid][:SHORT])
        else:
            state = t("history.state.effective")
        details = [entry.note]
        if entry.reason:
            details.append(t("history.reason", reason=entry.reason))
        if entry.source:
            details.append(t("history.source", source=entry.source))
        recorded = entry.recorded_at.replace("T", " ").replace("Z", "")[:16]
        rows.append(
            [
                marker + entry.uid[:SHORT],
                entry.indicator_id,
                entry.period,
                format_recorded(entry.value, unit, lang) if entry.value is not None else "—",
                t(f"history.kind.{entry.kind.value}"),
                state,
                entry.date or "",
                ", ".join(f"{k}={v}" for k, v in entry.tags),
                " · ".join(d for d in details if d),
                f"{recorded} {entry.recorded_by}".strip(),
            ]
        )
    headers = [
        t(f"history.col.{name}")
        for name in (
            "id",
            "indicator",
            "period",
            "value",
            "kind",
            "state",
            "date",
            "tags",
            "note",
            "recorded",
        )
    ]
    try:  # keep the chain's indentation (the parameter is new in tabulate 0.10)
        text: str = tabulate(
            rows, headers, tablefmt="simple", disable_numparse=True, preserve_whitespace=True
        )
    except TypeError:  # pragma: no cover - older tabulate
        text = tabulate(rows, headers, tablefmt="simple", disable_numparse=True)
    return text + "\n"

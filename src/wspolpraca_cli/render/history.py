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
from wspolpraca_cli.render.table_fit import Fitted
from wspolpraca_cli.safe_text import one_line
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
    in_force = _in_force(found)
    data = {
        "schema": 1,
        "program": doc.program.title,
        "store": doc.store,
        "entries": items,
        "locks": [
            {
                "uid": e.uid,
                "period": e.period,
                "action": e.action.value,
                "reason": e.reason,
                "recorded_by": e.recorded_by,
                "recorded_at": e.recorded_at,
            }
            for e in found.locks
        ],
        "explanations": [
            {
                "uid": e.uid,
                "indicator_id": e.indicator_id,
                "period": e.period,
                "kind": e.kind.value,
                "text": e.text,
                "in_force": e.uid in in_force,
                "recorded_by": e.recorded_by,
                "recorded_at": e.recorded_at,
            }
            for e in found.explanations
        ],
    }
    return dumps(data)


def _in_force(found: History) -> set[str]:
    """The uids of the explanations in force."""
    from wspolpraca_cli.audit import current_explanations

    return {e.uid for e in current_explanations(found.explanations).values()}


def _audit_rows(found: History) -> list[tuple[str, list[str]]]:
    """The locks, unlocks, explanations and withdrawals as table rows, each with the time it
    was recorded (to place it in the timeline of the entries)."""
    in_force = _in_force(found)
    rows: list[tuple[str, list[str]]] = []
    for lock in found.locks:
        cells = [lock.uid[:SHORT], "", lock.period, "—", t(f"history.kind.{lock.action.value}"),
                 "", "", "", t("history.reason", reason=lock.reason), _recorded(lock)]  # fmt: skip
        rows.append((lock.recorded_at, cells))
    following: dict[str, str] = {}  # an explanation's uid -> the kind of the event after it
    latest: dict[tuple[str, str], str] = {}
    for e in found.explanations:
        key = (e.indicator_id, e.period)
        if key in latest:
            following[latest[key]] = e.kind.value
        latest[key] = e.uid
    for e in found.explanations:
        state = ""
        if e.uid in in_force:
            state = t("history.state.in_force")
        elif e.text:
            withdrawn = following.get(e.uid) == "withdraw"
            state = t("history.state.withdrawn" if withdrawn else "history.state.replaced")
        cells = [e.uid[:SHORT], e.indicator_id, e.period, "—", t(f"history.kind.{e.kind.value}"),
                 state, "", "", e.text, _recorded(e)]  # fmt: skip
        rows.append((e.recorded_at, cells))
    rows.sort(key=lambda row: row[0])
    return rows


def _recorded(event: Any) -> str:
    recorded = str(event.recorded_at).replace("T", " ").replace("Z", "")[:16]
    return f"{recorded} {event.recorded_by}"


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


COLUMNS = (
    # key, alignment, drop order (0: always shown), free text (wraps)
    ("id", "l", 0, False),
    ("indicator", "l", 5, False),
    ("period", "l", 0, False),
    ("value", "r", 0, False),
    ("kind", "l", 3, False),
    ("state", "l", 0, False),
    ("date", "l", 2, False),
    ("tags", "l", 4, True),
    ("note", "l", 6, True),
    ("recorded", "l", 1, True),
)
"""The columns of the table; in a narrow terminal the free text wraps, then the columns are
left out in the drop order (the time of recording first, the note last), never the entry, its
period, its value or its state."""


def table(doc: HistoryDocument, width: int | None = None) -> Fitted:
    """The history as a table fitted to ``width`` (None: as wide as it needs). Text from the
    store is shown on one line with its control characters escaped."""
    from wspolpraca_cli.render.table_fit import Column, fit

    program, found = doc.program, doc.history
    lang = get_language()
    rows = []
    audit = _audit_rows(found)
    for entry, depth in found.chains:
        while audit and depth == 0 and audit[0][0] < entry.recorded_at:
            rows.append([one_line(c) for c in audit.pop(0)[1]])
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
        cells = [
            entry.uid[:SHORT],
            entry.indicator_id,
            entry.period,
            format_recorded(entry.value, unit, lang) if entry.value is not None else "—",
            t(f"history.kind.{entry.kind.value}"),
            state,
            entry.date or "",
            ", ".join(f"{k}={v}" for k, v in entry.tags),
            " · ".join(d for d in details if d),
            f"{recorded} {entry.recorded_by}",
        ]
        cells = [one_line(c) for c in cells]
        cells[0] = marker + cells[0]
        rows.append(cells)
    rows += [[one_line(c) for c in cells] for _, cells in audit]
    columns = [
        Column(key, t(f"history.col.{key}"), [r[n] for r in rows], align, drop, wrap)
        for n, (key, align, drop, wrap) in enumerate(COLUMNS)
    ]
    return fit(columns, width)


def render_table(doc: HistoryDocument) -> str:
    """The plain table (piped: as wide as it needs, each entry on one line)."""
    return "\n".join(table(doc).lines()) + "\n"


def render_table_terminal(doc: HistoryDocument, console: Any) -> None:
    """The table in a terminal: fitted to its width."""
    for line in table(doc, console.width).lines():
        console.out(line, highlight=False)

"""The JSON documents of wsp (``--format json``): one builder per document, built from one
set of items, so that a period reads the same in ``status``, ``check`` and ``show``.

Every document is a versioned contract (``"schema": 1``) documented in README; a key is never
renamed or dropped within a schema version, only added.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from wspolpraca_cli.audit import Explanation
from wspolpraca_cli.model import Indicator, Program
from wspolpraca_cli.progress import (
    SHORTFALLS,
    BreakdownTotals,
    BreakdownValue,
    IndicatorProgress,
    Orphan,
    PeriodResult,
    ProgrammeResult,
    deviation,
    summary_counts,
)
from wspolpraca_cli.progress.periods import amendment_in_force
from wspolpraca_cli.units import KIND_NAMES

SCHEMA = 1


def dumps(doc: dict[str, Any]) -> str:
    """A document as wsp prints it: UTF-8 text, indented, with a final newline."""
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _ratio(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


def _one_line(text: str) -> str:
    return " ".join(text.split())


# -- items ------------------------------------------------------------------------------------
def unit_json(ind: Indicator) -> dict[str, Any]:
    """The unit as the document writes it (format 1: its ``unit_label``), its kind (``count``,
    ``amount``, ``percent``, ``milestone``, ``quantity``) and what one unit is worth (1000 for
    ``tys. zł``: values and targets are numbers of that unit)."""
    return {
        "unit_text": ind.unit_text or ind.unit_label,
        "unit_kind": KIND_NAMES[ind.unit],
        "unit_scale": ind.unit_scale,
    }


def period_item(r: PeriodResult, ind: Indicator, program: Program) -> dict[str, Any]:
    """One indicator in one evaluation period: the same keys in every document."""
    goals = program.served_goals(ind)
    amended = amendment_in_force(ind, r.period) if ind.amendments else None
    return {
        "id": ind.id,
        "name": _one_line(ind.name),
        "action": ind.action_id or None,
        "goal": ind.goal_id or None,
        "goals": list(goals),
        "main_goals": list(program.main_goals_of(goals)),
        "period": str(r.period),
        "start": r.period.start.isoformat(),
        "end": r.period.end.isoformat(),
        "deadline": r.deadline.isoformat(),
        "target": r.target,
        "target_text": (
            amended.target_text if amended is not None else ind.target_text or str(ind.target)
        ),
        "descending": ind.target.descending,
        "actual": r.actual,
        "entries": r.count,
        "achievement": _ratio(r.achievement),
        "baseline_progress": _ratio(r.baseline_progress),
        "status": r.status.value,
        "shortfall": r.status in SHORTFALLS,
        "target_max": r.target_upper,
        "deviation": deviation(r, ind.target),
        "breakdowns": breakdown_items(r.breakdowns),
        "computed": ind.computed is not None,
        "locked": r.locked,
        "explanation": explanation_item(r.explanation),
        "amendment": (
            None
            if amended is None
            else {"from": amended.from_year, "resolution": amended.resolution}
        ),
        **unit_json(ind),
    }


def breakdown_items(totals: tuple[BreakdownTotals, ...]) -> list[dict[str, Any]]:
    """A period's (or the programme's) value per breakdown value: each breakdown with its
    values in the programme's order, then any other value recorded, then the entries that do
    not give it (``"value": null``). A value's ``target``, ``achievement``, ``status``,
    ``shortfall`` and ``deviation`` are its own target's (null without one)."""
    return [
        {
            "breakdown": b.key,
            "label": b.label,
            "values": [_breakdown_value(v) for v in b.values],
        }
        for b in totals
    ]


def _breakdown_value(v: BreakdownValue) -> dict[str, Any]:
    r = v.result
    own = v.target
    item: dict[str, Any] = {
        "value": v.value,
        "label": v.label if v.value is not None else None,
        "actual": r.actual,
        "entries": r.count,
        "target": r.target if own else None,
        "target_text": v.target_text or None,
        "target_max": r.target_upper if own else None,
        "achievement": _ratio(r.achievement) if own else None,
        "status": r.status.value if own else None,
        "shortfall": own is not None and r.status in SHORTFALLS,
    }
    if isinstance(r, PeriodResult):
        item["deviation"] = deviation(r, own) if own else None
    return item


def explanation_item(e: Explanation | None) -> dict[str, Any] | None:
    """The explanation in force for a period (``wsp explain``), or None."""
    if e is None:
        return None
    return {"text": e.text, "recorded_by": e.recorded_by, "recorded_at": e.recorded_at}


def programme_item(r: ProgrammeResult) -> dict[str, Any]:
    """One indicator over the programme to date."""
    return {
        "id": r.indicator_id,
        "period": str(r.period),
        "target": r.target,
        "actual": r.actual,
        "entries": r.count,
        "achievement": _ratio(r.achievement),
        "baseline_progress": _ratio(r.baseline_progress),
        "status": r.status.value,
        "periods_with_target": r.periods_with_target,
        "periods_achieved": r.periods_achieved,
        "period_statuses": {s.value: n for s, n in r.period_counts},
        "completeness": {"with_data": r.periods_due_with_data, "due": r.periods_due},
        "target_max": r.target_upper,
        "breakdowns": breakdown_items(r.breakdowns),
    }


def program_item(program: Program, program_file: str) -> dict[str, Any]:
    return {
        "title": _one_line(program.title),
        "file": program_file,
        "first_year": program.first_year,
        "last_year": program.last_year,
    }


def orphan_item(o: Orphan) -> dict[str, Any]:
    return {
        "indicator_id": o.indicator_id,
        "period": o.period,
        "entries": o.count,
        "reason": o.reason.value,
    }


def _period_items(rows: Any, program: Program) -> list[dict[str, Any]]:
    items = []
    for r in rows:
        ind = program.indicator(r.indicator_id)
        if ind is not None:
            items.append(period_item(r, ind, program))
    return items


# -- documents --------------------------------------------------------------------------------
def status_document(view: Any) -> str:
    """``wsp status --format json`` (a :class:`~wspolpraca_cli.render.status.StatusView`)."""
    program = view.program
    shown = {ip.id for ip in view.indicators}
    rollups = view.progress.rollups(view.rows)
    return dumps(
        {
            "schema": SCHEMA,
            "as_of": view.as_of.isoformat(),
            "program": program_item(program, view.program_file),
            "store": view.store,
            "year": view.year,
            "goal": view.goal,
            "indicators": _period_items(view.rows, program),
            "programme": [programme_item(ip.programme) for ip in view.indicators],
            "summary": {s.value: n for s, n in summary_counts(view.rows)},
            "rollups": [
                {
                    "level": ru.level,
                    "id": ru.id,
                    "name": ru.name,
                    "indicators": list(ru.indicator_ids),
                    "counts": {s.value: n for s, n in ru.counts},
                    "parent": ru.parent,
                }
                for ru in rollups
                if ru.indicator_ids
            ],
            "orphans": [
                orphan_item(o)
                for o in view.progress.orphans
                if view.goal is None or o.indicator_id in shown
            ],
        }
    )


def check_document(doc: Any) -> str:
    """``wsp check --format json`` (a :class:`.report_check.CheckDocument`)."""
    result = doc.result
    program = result.progress.program
    shortfalls = result.shortfalls
    failing = shortfalls + len(result.findings)
    return dumps(
        {
            "schema": SCHEMA,
            "as_of": result.progress.as_of.isoformat(),
            "year": result.year,
            "program": program_item(program, doc.program_file),
            "store": doc.store,
            "ok": failing == 0,
            "exit_code": 1 if failing else 0,
            "shortfalls": shortfalls,
            "strict": result.strict,
            "explained_shortfalls": result.explained_shortfalls,
            "summary": {s.value: n for s, n in summary_counts(result.rows)},
            "problems": [
                {
                    "id": r.indicator_id,
                    "period": str(r.period),
                    "status": r.status.value,
                    "deadline": r.deadline.isoformat(),
                    "entries": r.count,
                }
                for r in result.problems
            ],
            "explained": [
                {
                    "id": r.indicator_id,
                    "period": str(r.period),
                    "status": r.status.value,
                    "deadline": r.deadline.isoformat(),
                    "entries": r.count,
                    "locked": r.locked,
                    "explanation": explanation_item(r.explanation),
                }
                for r in result.explained
            ],
            "indicators": _period_items(result.rows, program),
            "orphans": [orphan_item(o) for o in result.orphans],
            "limits": limits_item(result.limits),
        }
    )


def limits_item(limits: Any) -> dict[str, Any]:
    """The act's limits applied to the grants register (``wsp check``): the findings, each
    with its rule, provision, amounts and rows, and per year checked the funds granted
    against planned (both empty when the register has no rows and nothing is planned)."""
    return {
        "findings": [
            {
                "rule": f.limit.key,
                "basis": f.limit.basis,
                "limit": f.limit.value,
                "year": f.year,
                "value": f.value,
                "bound": f.bound,
                "planned": f.planned,
                "organisation": f.organisation or None,
                "krs": f.krs or None,
                "rows": [
                    {
                        "uid": r.uid,
                        "organisation": r.organisation,
                        "title": r.title,
                        "granted": r.granted,
                        "days": r.days,
                    }
                    for r in f.rows
                ],
            }
            for year in limits
            for f in year.findings
        ],
        "years": [
            {
                "year": y.balance.year,
                "planned": y.balance.planned,
                "granted": y.balance.granted,
                "small_grants": y.balance.small_grants,
                "granted_share": y.balance.share,
            }
            for y in limits
        ],
    }


def indicator_history(ip: IndicatorProgress, program: Program, as_of: date) -> dict[str, Any]:
    """An indicator's period-by-period history (part of ``wsp show ID --format json``)."""
    return {
        "as_of": as_of.isoformat(),
        "history": [period_item(r, ip.indicator, program) for r in ip.periods],
        "programme": programme_item(ip.programme),
    }

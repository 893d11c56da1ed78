"""Roll-ups: how many indicators under each programme node (the programme, each specific
goal, area and action) have each status."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from wspolpraca_cli.model import Program
from wspolpraca_cli.progress.results import (
    STATUS_ORDER,
    PeriodResult,
    ProgrammeResult,
    Rollup,
    Status,
)


def _counts(statuses: Iterable[Status]) -> tuple[tuple[Status, int], ...]:
    per = {s: 0 for s in STATUS_ORDER}
    for s in statuses:
        per[s] += 1
    return tuple((s, n) for s, n in per.items() if n)


def roll_up(program: Program, statuses: Mapping[str, Sequence[Status]]) -> list[Rollup]:
    """Status counts for the whole programme, each specific goal, area and action.

    ``statuses`` maps an indicator id to the statuses to count for it (one per shown period,
    or its programme-level status); indicators not in the mapping count nothing.
    """

    def node(level: str, node_id: str, name: str, ids: Iterable[str]) -> Rollup:
        chosen = tuple(i for i in ids if i in statuses)
        return Rollup(level, node_id, name, chosen, _counts(s for i in chosen for s in statuses[i]))

    result = [
        node("programme", program.main_goal.id, program.main_goal.name,
             [i.id for i in program.indicators]),
    ]  # fmt: skip
    for goal in program.specific_goals:
        ids = [i.id for a in program.actions if goal.id in a.goals for i in a.indicators]
        result.append(node("goal", goal.id, goal.name, ids))
    for area in program.areas:
        ids = [i.id for a in area.actions for i in a.indicators]
        result.append(node("area", area.id, area.name, ids))
    for action in program.actions:
        result.append(node("action", action.id, action.name, [i.id for i in action.indicators]))
    return result


def summary_counts(
    results: Iterable[PeriodResult | ProgrammeResult],
) -> tuple[tuple[Status, int], ...]:
    """How many of ``results`` have each status (only those that occur), in STATUS_ORDER."""
    return _counts(r.status for r in results)

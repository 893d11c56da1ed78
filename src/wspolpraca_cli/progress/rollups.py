"""Roll-ups: how many indicators under each programme node (the programme, each main goal
of several, each specific goal, area and action) have each status — along the goal tree, an
indicator counted once per node however many of the node's goals it serves."""

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
    """Status counts along the goal tree: the whole programme, each main goal (when there
    are several), each specific goal, area and action.

    ``statuses`` maps an indicator id to the statuses to count for it (one per shown period,
    or its programme-level status); indicators not in the mapping count nothing. A node
    counts every indicator under it once — one serving two of its goals, or standing on a
    goal and serving another, is not counted twice — and the programme counts each once.
    """

    def node(level: str, node_id: str, name: str, ids: Iterable[str], parent: str) -> Rollup:
        chosen = tuple(i for i in dict.fromkeys(ids) if i in statuses)
        counts = _counts(s for i in chosen for s in statuses[i])
        return Rollup(level, node_id, name, chosen, counts, parent)

    several = len(program.main_goals) > 1
    top = program.main_goal
    every = [i.id for i in program.indicators]
    if several:
        result = [node("programme", "", program.title, every, "")]
        for main in program.main_goals:
            ids = [i.id for i in program.under_goal(main.id)]
            result.append(node("main_goal", main.id, main.name, ids, ""))
    else:
        result = [node("programme", top.id, top.name, every, "")]
    for goal in program.specific_goals:
        ids = [i.id for i in program.under_goal(goal.id)]
        result.append(node("goal", goal.id, goal.name, ids, goal.main))
    for area in program.areas:
        ids = [i.id for a in area.actions for i in a.indicators]
        result.append(node("area", area.id, area.name, ids, ""))
    for action in program.actions:
        ids = [i.id for i in action.indicators]
        result.append(node("action", action.id, action.name, ids, action.area_id))
    return result


def summary_counts(
    results: Iterable[PeriodResult | ProgrammeResult],
) -> tuple[tuple[Status, int], ...]:
    """How many of ``results`` have each status (only those that occur), in STATUS_ORDER."""
    return _counts(r.status for r in results)

"""The programme's cross-checks: ids unique, references resolved, targets that fit.

Each rule is a plain function ``(document, program) -> list[Diagnostic]``, listed once in
:data:`RULES`; :func:`check` runs them all. A rule reads the validated file
(:attr:`Document.program_file`, for the paths of values) and the programme built from it,
and locates what it finds through :attr:`Document.located`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple

from wspolpraca_cli import model
from wspolpraca_cli.errors import Diagnostic
from wspolpraca_cli.i18n import t
from wspolpraca_cli.loader.compose import Located, PathKey
from wspolpraca_cli.numbers import format_plain
from wspolpraca_cli.periods import Frequency
from wspolpraca_cli.schema import (
    GoalModel,
    IndicatorModel,
    MainGoalModel,
    ProgramFile,
    indicator_ids,
)
from wspolpraca_cli.suggest import close_matches
from wspolpraca_cli.targets import Target, TargetKind


class IndicatorSlot(NamedTuple):
    """An indicator of the file, where it stands, and its id."""

    path: PathKey
    indicator: IndicatorModel
    id: str
    action_id: str
    """Its action's id; empty for an indicator standing on a goal."""
    number: int
    """The indicator's place in its action (or goal), from 1."""
    needs_id: bool
    """One of an action's several indicators, or a goal's indicator, without an id."""
    goal_id: str = ""
    """The goal it stands on (empty: an action's indicator)."""


class GoalSlot(NamedTuple):
    """A goal of the file, where it stands, and its main goal (empty for a main goal)."""

    path: PathKey
    goal: GoalModel | MainGoalModel
    main: str


CheckedIndicator = tuple[PathKey, IndicatorModel, model.Indicator]


@dataclass(frozen=True)
class Document:
    """A validated programme file, and where each of its values stands in the text."""

    program_file: ProgramFile
    located: Located
    _checked: list[tuple[model.Program, tuple[CheckedIndicator, ...]]] = field(
        default_factory=list, init=False, repr=False, compare=False
    )

    @cached_property
    def goals(self) -> tuple[GoalSlot, ...]:
        """Every goal of the file, in the programme's tree order: each main goal, then its
        specific goals (nested under it, then those of ``goals.specific``)."""
        goals = self.program_file.goals
        listed = ("goals", "main", 0) in self.located.values
        slots = []
        for n, main in enumerate(goals.main):
            path: PathKey = ("goals", "main", n) if listed else ("goals", "main")
            slots.append(GoalSlot(path, main, ""))
            slots += [
                GoalSlot((*path, "specific", k), g, main.id) for k, g in enumerate(main.specific)
            ]
            if n == 0:
                slots += [
                    GoalSlot(("goals", "specific", k), g, main.id)
                    for k, g in enumerate(goals.specific)
                ]
        return tuple(slots)

    @cached_property
    def indicators(self) -> tuple[IndicatorSlot, ...]:
        """Every indicator of the file (listed once, for all the rules that read them): the
        goals' first, then the actions', as the programme lists them."""
        slots = [
            IndicatorSlot(
                (*goal.path, "indicators", i_n),
                indicator,
                indicator.id or "",
                "",
                i_n + 1,
                not indicator.id,
                goal.goal.id,
            )
            for goal in self.goals
            for i_n, indicator in enumerate(goal.goal.indicators)
        ]
        for a_n, area in enumerate(self.program_file.areas):
            for c_n, action in enumerate(area.actions):
                action_id = f"{area.id}.{action.lp}"
                indicators = action.indicators
                ids = indicator_ids(action_id, indicators)
                for i_n, (indicator, ind_id) in enumerate(zip(indicators, ids, strict=True)):
                    path: PathKey = ("areas", a_n, "actions", c_n, "indicators", i_n)
                    needs_id = len(indicators) > 1 and not indicator.id
                    slots.append(
                        IndicatorSlot(path, indicator, ind_id, action_id, i_n + 1, needs_id)
                    )
        return tuple(slots)

    def checked_indicators(self, program: model.Program) -> tuple[CheckedIndicator, ...]:
        """The indicators with an id (the others are reported for that alone), each where it
        stands, as the file gives it, and as built; worked out once for a programme.

        "As built" is the programme's indicator of that id; where two indicators share an id
        (reported by :func:`unique_indicator_ids`), that is the last of them for both.
        """
        for known, checked in self._checked:
            if known is program:
                return checked
        checked = tuple(
            (slot.path, slot.indicator, built)
            for slot in self.indicators
            if not slot.needs_id and (built := program.indicator(slot.id)) is not None
        )
        self._checked.append((program, checked))
        return checked


Rule = Callable[[Document, model.Program], list[Diagnostic]]


def unique_goal_ids(document: Document, program: model.Program) -> list[Diagnostic]:
    """Goal ids unique in the whole tree (main and specific goals alike)."""
    first_lines = _FirstLines(document.located)
    found = []
    for slot in document.goals:
        path: PathKey = (*slot.path, "id")
        if slot.goal.id in first_lines:
            message = t("prog.duplicate_goal", id=slot.goal.id) + first_lines.again(slot.goal.id)
            found.append(document.located.diagnostic(path, message, t("prog.duplicate_goal.hint")))
        first_lines.remember(slot.goal.id, path)
    return found


def specific_goals_under_their_main_goal(
    document: Document, program: model.Program
) -> list[Diagnostic]:
    """With several main goals, each specific goal is listed under its own main goal
    (``goals.specific`` would not say whose it is)."""
    goals = document.program_file.goals
    if len(goals.main) < 2 or not goals.specific:
        return []
    return [
        document.located.diagnostic(
            ("goals", "specific"),
            t("prog.specific_goals_whose"),
            t("prog.specific_goals_whose.hint", id=goals.main[0].id),
        )
    ]


def unique_area_ids(document: Document, program: model.Program) -> list[Diagnostic]:
    first_lines = _FirstLines(document.located)
    found = []
    for a_n, area in enumerate(document.program_file.areas):
        path: PathKey = ("areas", a_n, "id")
        if area.id in first_lines:
            message = t("prog.duplicate_area", id=area.id) + first_lines.again(area.id)
            found.append(document.located.diagnostic(path, message, t("prog.duplicate_area.hint")))
        first_lines.remember(area.id, path)
    return found


def unique_action_lps(document: Document, program: model.Program) -> list[Diagnostic]:
    """L.p. numbers unique within an area (they make the actions' ids)."""
    found = []
    for a_n, area in enumerate(document.program_file.areas):
        first_lines = _FirstLines(document.located)
        for c_n, action in enumerate(area.actions):
            path: PathKey = ("areas", a_n, "actions", c_n, "lp")
            if action.lp in first_lines:
                message = t("prog.duplicate_lp", lp=action.lp, area=area.id)
                found.append(
                    document.located.diagnostic(path, message + first_lines.again(action.lp))
                )
            first_lines.remember(action.lp, path)
    return found


def goal_references_resolve(document: Document, program: model.Program) -> list[Diagnostic]:
    """The goals an area, an action or an indicator (``serves``) names are goals of the
    programme."""
    known = [slot.goal.id for slot in document.goals]
    specific = [slot.goal.id for slot in document.goals if slot.main]
    owners: list[tuple[PathKey, list[str]]] = []
    for a_n, area in enumerate(document.program_file.areas):
        owners.append((("areas", a_n), area.goals))
        owners += [(("areas", a_n, "actions", c_n), a.goals) for c_n, a in enumerate(area.actions)]
    owners += [((*slot.path, "serves"), slot.indicator.serves) for slot in document.indicators]
    found = []
    tree = program.is_tree
    for path, goals in owners:
        in_serves = path[-1] == "serves"
        found += [
            _unresolved(
                document.located,
                (*path, g_n) if in_serves else (*path, "goals", g_n),
                gid,
                known,
                known if tree else specific,
                tree=tree,
            )
            for g_n, gid in enumerate(goals)
            if gid not in known
        ]
    return found


def indicators_have_ids(document: Document, program: model.Program) -> list[Diagnostic]:
    """Each of an action's several indicators has its own id (numbering them would renumber
    a sibling when one is removed, and orphan its entries); so has each goal's indicator
    (the document's code, such as ``WI.1``)."""
    return [
        document.located.diagnostic(
            slot.path,
            t("prog.goal_indicator_id_required", goal=slot.goal_id),
            t("prog.goal_indicator_id_required.hint"),
        )
        if slot.goal_id
        else document.located.diagnostic(
            slot.path,
            t("prog.indicator_id_required", action=slot.action_id),
            t("prog.indicator_id_required.hint", id=f"{slot.action_id}.{slot.number}"),
        )
        for slot in document.indicators
        if slot.needs_id
    ]


def unique_indicator_ids(document: Document, program: model.Program) -> list[Diagnostic]:
    first_lines = _FirstLines(document.located)
    found = []
    for slot in document.indicators:
        if slot.needs_id:
            continue
        path = (*slot.path, "id") if slot.indicator.id else slot.path
        if slot.id in first_lines:
            message = t("prog.duplicate_indicator", id=slot.id) + first_lines.again(slot.id)
            found.append(
                document.located.diagnostic(path, message, t("prog.duplicate_indicator.hint"))
            )
        first_lines.remember(slot.id, path)
    return found


def indicator_ids_not_goal_ids(document: Document, program: model.Program) -> list[Diagnostic]:
    """An indicator's id is not also a goal's (``wsp show`` and ``--goal`` would not know
    which is meant)."""
    goal_paths = {slot.goal.id: (*slot.path, "id") for slot in document.goals}
    found = []
    for slot in document.indicators:
        if slot.needs_id or slot.id not in goal_paths:
            continue
        path = (*slot.path, "id") if slot.indicator.id else slot.path
        line = document.located.position(goal_paths[slot.id])[0]
        found.append(
            document.located.diagnostic(
                path,
                t("prog.indicator_id_is_goal", id=slot.id, line=line),
                t("prog.indicator_id_is_goal.hint"),
            )
        )
    return found


def target_years_inside(document: Document, program: model.Program) -> list[Diagnostic]:
    """The years a target names lie within the programme's years."""
    first, last = program.first_year, program.last_year
    return [
        document.located.diagnostic(
            (*path, "target"),
            t("prog.target_year_outside", year=year, first=first, last=last),
        )
        for path, _, built in document.checked_indicators(program)
        for year in _years(built.target)
        if not first <= year <= last
    ]


def planned_funds_years_inside(document: Document, program: model.Program) -> list[Diagnostic]:
    """Funds are planned for years of the programme (``planned_funds``, issue 14)."""
    first, last = program.first_year, program.last_year
    where: PathKey = ("program", "planned_funds")
    written = {
        int(key[-1]): key
        for key in document.located.keys
        if key[:-1] == where and str(key[-1]).strip().isdigit()
    }
    return [
        document.located.diagnostic(
            written.get(year, where),
            t("prog.planned_funds.year_outside", year=year, first=first, last=last),
            t("prog.planned_funds.year_outside.hint", first=first, last=last),
        )
        for year, _ in program.planned_funds
        if not first <= year <= last
    ]


def by_year_targets_complete(document: Document, program: model.Program) -> list[Diagnostic]:
    """Values by year name every year of the programme (of an indicator measured yearly or
    more often)."""
    found = []
    for path, _, built in document.checked_indicators(program):
        if built.target.kind is not TargetKind.BY_YEAR or not built.frequency.per_year:
            continue
        years = _years(built.target)
        missing = [y for y in program.years if y not in years]
        if missing:
            found.append(
                document.located.diagnostic(
                    (*path, "target"),
                    t("prog.by_year_missing", years=", ".join(map(str, missing))),
                    t("prog.by_year_missing.hint"),
                )
            )
    return found


def target_period_fits_frequency(document: Document, program: model.Program) -> list[Diagnostic]:
    """A value per period (``2/kwartał``) is measured at least that often."""
    found = []
    for path, _, built in document.checked_indicators(program):
        target, per_year = built.target, built.frequency.per_year
        rarer = built.frequency is Frequency.BIENNIAL  # less than once a year
        if target.per is not None and (rarer or (per_year and target.per.per_year > per_year)):
            found.append(
                document.located.diagnostic(
                    (*path, "target"),
                    t("prog.per_too_often", per=t(f"prog.per.{target.per.value}")),
                    t("prog.per_too_often.hint", frequency=built.frequency_text, target=target),
                )
            )
    return found


def target_not_negative(document: Document, program: model.Program) -> list[Diagnostic]:
    """Only a plain number (unit ``wartość``) can have a negative target."""
    found = []
    for path, _, built in document.checked_indicators(program):
        if built.unit is model.Unit.NUMBER:
            continue
        negative = [v for v in _values(built.target) if v < 0]
        if negative:
            unit = built.unit_text or built.unit.value
            message = t("prog.target_negative", value=format_plain(negative[0]), unit=unit)
            hint = t("prog.target_negative.hint") if built.unit_text else ""
            found.append(document.located.diagnostic((*path, "target"), message, hint))
    return found


def change_targets_have_baseline(document: Document, program: model.Program) -> list[Diagnostic]:
    """A change target (``wzrost o 10%``) is measured from the indicator's baseline."""
    return [
        document.located.diagnostic(
            (*path, "target"),
            t("prog.target.change_needs_baseline", text=built.target_text),
            t("prog.target.change_needs_baseline.hint"),
        )
        for path, _, built in document.checked_indicators(program)
        if built.target.kind is TargetKind.CHANGE and built.target.value is None
    ]


def count_targets_whole(document: Document, program: model.Program) -> list[Diagnostic]:
    found = []
    for path, _, built in document.checked_indicators(program):
        if built.unit is not model.Unit.COUNT or built.target.kind is TargetKind.CHANGE:
            continue  # a change of 10% from 45 comes to 49.5: a level to pass, not a count
        scale = built.unit_scale  # 1,5 tys. osób is 1 500 people
        fractions = [v for v in _values(built.target) if abs(v * scale - round(v * scale)) > 1e-6]
        if fractions and built.unit_text:  # format 2: the unit as written, and unit_kind
            message = t(
                "prog.target_not_whole_unit",
                value=format_plain(fractions[0]),
                unit=built.unit_text,
            )
            hint = t("prog.target_not_whole_unit.hint")
            found.append(document.located.diagnostic((*path, "target"), message, hint))
        elif fractions:
            found.append(
                document.located.diagnostic(
                    (*path, "target"),
                    t("prog.target_not_whole", value=format_plain(fractions[0])),
                    t("prog.target_not_whole.hint"),
                )
            )
    return found


def percent_targets_have_percent_unit(
    document: Document, program: model.Program
) -> list[Diagnostic]:
    return [
        document.located.diagnostic(
            (*path, "target"),
            t("prog.percent_unit", unit=built.unit_text or built.unit.value),
            t("prog.percent_unit_kind.hint" if built.unit_text else "prog.percent_unit.hint"),
        )
        for path, _, built in document.checked_indicators(program)
        if built.target.percent and built.unit not in (model.Unit.PERCENT, model.Unit.NUMBER)
    ]


def milestones_are_yes_no(document: Document, program: model.Program) -> list[Diagnostic]:
    return [
        document.located.diagnostic(
            (*path, "unit"), t("prog.milestone_unit"), t("prog.milestone_unit.hint")
        )
        for path, _, built in document.checked_indicators(program)
        if built.target.kind is TargetKind.MILESTONE and built.unit is not model.Unit.YESNO
    ]


def baseline_not_after_end(document: Document, program: model.Program) -> list[Diagnostic]:
    return [
        document.located.diagnostic(
            (*path, "baseline", "year"),
            t("prog.baseline_after_end", year=indicator.baseline.year),
        )
        for path, indicator, _ in document.checked_indicators(program)
        if indicator.baseline
        and indicator.baseline.year is not None
        and indicator.baseline.year > program.last_year
    ]


def bounds_in_order(document: Document, program: model.Program) -> list[Diagnostic]:
    return [
        document.located.diagnostic((*path, "bounds"), t("prog.bounds_order"))
        for path, indicator, _ in document.checked_indicators(program)
        if indicator.bounds
        and indicator.bounds.min is not None
        and indicator.bounds.max is not None
        and indicator.bounds.min > indicator.bounds.max
    ]


def breakdown_targets_fit(document: Document, program: model.Program) -> list[Diagnostic]:
    """A breakdown value's own target names a value the breakdown lists, is judged over the
    indicator's periods (``1/rok`` under a yearly indicator; a plain number or bound in each
    of its periods), and is not a change (a breakdown value has no baseline)."""
    from wspolpraca_cli.periods import kind_of
    from wspolpraca_cli.progress import evaluation_kind, evaluation_periods
    from wspolpraca_cli.records import replace

    found = []
    for path, _, built in document.checked_indicators(program):
        for b in built.breakdowns:
            listed = [code for code, _ in b.values]
            for code, target, text in b.targets:
                where = (*path, "breakdowns", b.key, "targets", code)
                if code not in listed:
                    where = _written_key(document, where, b, code)
                    close = close_matches(code, listed, n=1)
                    hint = t("prog.did_you_mean", option=close[0]) + " " if close else ""
                    hint += t("prog.breakdown_target.values", values=", ".join(listed))
                    message = t("prog.breakdown_target.unlisted", key=b.key, value=code)
                    found.append(document.located.diagnostic(where, message, hint))
                    continue
                if target.kind is TargetKind.CHANGE:
                    message = t("prog.breakdown_target.change", value=code, text=text)
                    hint = t("prog.breakdown_target.change.hint")
                    found.append(document.located.diagnostic(where, message, hint))
                    continue
                periodless = target.per is None and target.kind in (
                    TargetKind.PER_PERIOD,
                    TargetKind.FLOOR,
                    TargetKind.CEILING,
                    TargetKind.RANGE,
                    TargetKind.NONE,
                )
                own = replace(built, target=target)
                judged = evaluation_kind(built)
                if not periodless and (
                    (target.per is not None and kind_of(target.per) is not judged)
                    or evaluation_periods(own, program) != evaluation_periods(built, program)
                ):
                    message = t("prog.breakdown_target.periods", value=code, text=text)
                    hint = t("prog.breakdown_target.periods.hint", target=built.target_text)
                    found.append(document.located.diagnostic(where, message, hint))
    return found


def _written_key(
    document: Document, where: PathKey, breakdown: model.Breakdown, code: str
) -> PathKey:
    """The path of a breakdown target as the file writes its key (a label resolves to a
    code; an unlisted key is as written)."""
    if where in document.located.values:
        return where
    for key in document.located.values:
        if key[: len(where) - 1] == where[:-1] and len(key) == len(where):
            name = key[-1]
            if isinstance(name, str) and (breakdown.resolve(name) or name) == code:
                return key
    return where


# -- computed indicators (issue 14) -----------------------------------------------------------
def computed_indicators_fit(document: Document, program: model.Program) -> list[Diagnostic]:
    """An indicator computed from the grants register is measured yearly (the register gives
    each row's year, nothing finer), has a unit of the kind its measure gives (a count of
    rows or of distinct values: a count; a sum of amounts: an amount), takes its breakdown
    from the register (``by``), not from entries' tags, and filters on the programme's
    years."""
    found = []
    for path, ind, built in document.checked_indicators(program):
        if built.computed is None or ind.computed is None:
            continue
        if built.frequency is not Frequency.YEARLY:
            found.append(
                document.located.diagnostic(
                    (*path, "frequency"),
                    t("prog.computed.frequency", frequency=built.frequency_text),
                    t("prog.computed.frequency.hint"),
                )
            )
        found += _computed_unit(document, path, ind, built)
        if ind.breakdowns:
            found.append(
                document.located.diagnostic(
                    (*path, "breakdowns"),
                    t("prog.computed.breakdowns"),
                    t("prog.computed.breakdowns.hint"),
                )
            )
        first, last = program.first_year, program.last_year
        found += [
            document.located.diagnostic(
                (*path, "computed", "where", "year", n),
                t("prog.computed.year_outside", year=year, first=first, last=last),
            )
            for n, year in enumerate(ind.computed.where.year or [])
            if not first <= int(year) <= last
        ]
    return found


def _computed_unit(
    document: Document, path: PathKey, ind: IndicatorModel, built: model.Indicator
) -> list[Diagnostic]:
    """A computed indicator's unit of the kind its measure gives (see
    :func:`computed_indicators_fit`)."""
    from wspolpraca_cli.grants.model import Measure
    from wspolpraca_cli.units import KIND_NAMES

    query = built.computed
    if query is None:
        return []
    summed = query.measure is Measure.SUM
    wanted = model.Unit.AMOUNT if summed else model.Unit.COUNT
    if built.unit is wanted:
        return []
    measure = f"{query.measure.value}: {computed_column(query)}"
    message = t(
        "prog.computed.unit",
        unit=built.unit_text or built.unit.value,
        actual=t(f"unit.kind.{KIND_NAMES[built.unit]}"),
        measure=measure,
        kind=t(f"unit.kind.{KIND_NAMES[wanted]}"),
    )
    hint = t("prog.computed.unit.hint", example="zł" if summed else "liczba")
    where: PathKey = (*path, "unit_kind" if ind.unit_kind is not None else "unit")
    return [document.located.diagnostic(where, message, hint)]


def computed_column(query: Any) -> str:
    """What a computed indicator's measure names: ``grants`` or ``offers`` for a count, the
    column of a sum or a distinct count."""
    if query.column:
        return str(query.column)
    return "grants" if query.granted_only else "offers"


# -- amendments of a target (issue 12) ---------------------------------------------------------
def amendment_years_inside(document: Document, program: model.Program) -> list[Diagnostic]:
    """An amendment is in force from a year of the programme."""
    first, last = program.first_year, program.last_year
    return [
        document.located.diagnostic(
            (*path, "amendments", n, "from"),
            t("prog.amendment.year_outside", year=a.from_year, first=first, last=last),
        )
        for path, ind, _ in document.checked_indicators(program)
        for n, a in enumerate(ind.amendments)
        if not first <= a.from_year <= last
    ]


def amendments_in_year_order(document: Document, program: model.Program) -> list[Diagnostic]:
    """One amendment from a year, listed from the earliest (a second one from the same year,
    or one before an earlier listed one, is a mistake the file should not leave to chance)."""
    found = []
    for path, ind, _ in document.checked_indicators(program):
        previous: int | None = None
        for n, a in enumerate(ind.amendments):
            where = (*path, "amendments", n, "from")
            if previous is not None and a.from_year == previous:
                message = t("prog.amendment.same_year", year=a.from_year)
                hint = t("prog.amendment.same_year.hint")
                found.append(document.located.diagnostic(where, message, hint))
            elif previous is not None and a.from_year < previous:
                message = t("prog.amendment.order", year=a.from_year, previous=previous)
                hint = t("prog.amendment.order.hint")
                found.append(document.located.diagnostic(where, message, hint))
            previous = a.from_year if previous is None else max(previous, a.from_year)
    return found


def amendments_keep_the_kind(document: Document, program: model.Program) -> list[Diagnostic]:
    """An amendment changes a target's value, not its kind, its period, its direction or its
    due year (``1/rok`` → ``2/rok``, not ``1/rok`` → ``≤ 5``): the periods the indicator is
    judged over stay the same."""
    found = []
    for path, ind, built in document.checked_indicators(program):
        original = built.target
        for n, a in enumerate(ind.amendments):
            amended = a.target.target
            same = (
                amended.kind is original.kind
                and amended.per == original.per
                and amended.strict == original.strict
                and amended.year == original.year
                and (amended.change is None) == (original.change is None)
                and (amended.change or 0) * (original.change or 0) >= 0
            )
            if not same:
                found.append(
                    document.located.diagnostic(
                        (*path, "amendments", n, "target"),
                        t(
                            "prog.amendment.kind",
                            original=built.target_text or str(original),
                            amended=a.target.text,
                        ),
                        t("prog.amendment.kind.hint"),
                    )
                )
    return found


def amended_targets_fit(document: Document, program: model.Program) -> list[Diagnostic]:
    """An amended target follows the rules of the indicator's own: not negative (but for a
    plain number), whole for a count, a percentage only for a percent unit."""
    found = []
    for path, ind, built in document.checked_indicators(program):
        unit = built.unit
        for n, a in enumerate(ind.amendments):
            where = (*path, "amendments", n, "target")
            target = a.target.target
            values = _values(target)
            negative = [v for v in values if v < 0]
            fractions = [v for v in values if v != int(v)]
            if negative and unit is not model.Unit.NUMBER:
                message = t(
                    "prog.target_negative", value=format_plain(negative[0]), unit=unit.value
                )
                found.append(document.located.diagnostic(where, message))
            elif fractions and unit is model.Unit.COUNT and target.kind is not TargetKind.CHANGE:
                message = t("prog.target_not_whole", value=format_plain(fractions[0]))
                hint = t("prog.target_not_whole.hint")
                found.append(document.located.diagnostic(where, message, hint))
            elif target.percent and unit not in (model.Unit.PERCENT, model.Unit.NUMBER):
                message = t("prog.percent_unit", unit=unit.value)
                found.append(
                    document.located.diagnostic(where, message, t("prog.percent_unit.hint"))
                )
    return found


RULES: tuple[Rule, ...] = (
    unique_goal_ids,
    specific_goals_under_their_main_goal,
    unique_area_ids,
    unique_action_lps,
    goal_references_resolve,
    indicators_have_ids,
    unique_indicator_ids,
    indicator_ids_not_goal_ids,
    target_years_inside,
    planned_funds_years_inside,
    by_year_targets_complete,
    target_period_fits_frequency,
    change_targets_have_baseline,
    target_not_negative,
    count_targets_whole,
    percent_targets_have_percent_unit,
    milestones_are_yes_no,
    baseline_not_after_end,
    bounds_in_order,
    breakdown_targets_fit,
    amendment_years_inside,
    amendments_in_year_order,
    amendments_keep_the_kind,
    amended_targets_fit,
    computed_indicators_fit,
)
"""Every rule, in the order their diagnostics come for one goal, area, action or indicator."""


def check(document: Document, program: model.Program) -> list[Diagnostic]:
    """Every rule's diagnostics, in the order of a walk through the file: by area, action and
    indicator (the goals first), and for each of them in the order of :data:`RULES`."""
    found = [(n, d) for n, rule in enumerate(RULES) for d in rule(document, program)]
    found.sort(key=lambda item: (_owner(item[1].path), item[0]))
    return [d for _, d in found]


def raw_goal_references(data: Any, located: Located) -> list[Diagnostic]:
    """Goal references that resolve to no goal, read from data that did not pass
    validation (anything of an unexpected shape is left to the validation errors)."""
    goals = data.get("goals") if isinstance(data, dict) else None
    if not isinstance(goals, dict):
        return []
    mains = goals.get("main")
    mains = [mains] if isinstance(mains, dict) else mains if isinstance(mains, list) else []
    known: list[str] = []  # in the tree's order: each main goal, then its specific goals
    specific_ids: list[str] = []
    for n, main in enumerate(mains):
        if not isinstance(main, dict):
            continue
        if "id" in main:
            known.append(str(main["id"]))
        nested = _listed(main.get("specific")) + (_listed(goals.get("specific")) if n == 0 else [])
        ids = [str(g["id"]) for g in nested if isinstance(g, dict) and "id" in g]
        known += ids
        specific_ids += ids
    if not known:
        return []
    owners: list[tuple[PathKey, Any]] = []
    areas = data.get("areas")
    for a_n, area in enumerate(areas if isinstance(areas, list) else []):
        owners.append((("areas", a_n), area))
        actions = area.get("actions") if isinstance(area, dict) else None
        for c_n, action in enumerate(actions if isinstance(actions, list) else []):
            owners.append((("areas", a_n, "actions", c_n), action))
    found = []
    for path, owner in owners:
        listed = owner.get("goals") if isinstance(owner, dict) else None
        for g_n, gid in enumerate(listed if isinstance(listed, list) else []):
            if isinstance(gid, str | int) and not isinstance(gid, bool) and str(gid) not in known:
                tree = len(mains) > 1
                listed = known if tree else specific_ids
                found.append(
                    _unresolved(located, (*path, "goals", g_n), str(gid), known, listed, tree=tree)
                )
    return found


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _unresolved(
    located: Located,
    path: PathKey,
    gid: str,
    known: list[str],
    listed: list[str],
    *,
    tree: bool = False,
) -> Diagnostic:
    """A goal reference that resolves to nothing; the hint lists the specific goals (of a
    goal tree: every goal, main goals too, for they may be served as well)."""
    close = close_matches(gid, known, n=1)
    hint = t("prog.did_you_mean", option=close[0]) + " " if close else ""
    if tree:
        hint += t("prog.known_goals", ids=", ".join(listed))
    elif listed:
        hint += t("prog.specific_goals", ids=", ".join(listed))
    else:
        hint += t("prog.no_specific_goals")
    message = t("prog.unknown_goal_any" if tree else "prog.unknown_goal", id=gid)
    return located.diagnostic(path, message, hint)


class _FirstLines:
    """Where each id was first given, for "first given on line N" (the line is looked up only
    for an id given again)."""

    def __init__(self, located: Located) -> None:
        self._located = located
        self._paths: dict[str, PathKey] = {}

    def __contains__(self, key: str) -> bool:
        return key in self._paths

    def remember(self, key: str, path: PathKey) -> None:
        self._paths.setdefault(key, path)

    def again(self, key: str) -> str:
        return t("prog.first_on_line", line=self._located.position(self._paths[key])[0])


def _years(target: Target) -> list[int]:
    years = [y for y, _ in target.by_year] if target.by_year else []
    return years if target.year is None else [*years, target.year]


def _values(target: Target) -> list[float]:
    values = [v for _, v in target.by_year] if target.by_year else []
    return values if target.value is None else [*values, target.value]


_OWNER = re.compile(r"areas\[(\d+)\](?:\.actions\[(\d+)\](?:\.indicators\[(\d+)\])?)?")


def _owner(path: str) -> tuple[int, int, int]:
    """The area, action and indicator a diagnostic's path is in (-1: none; the goals)."""
    match = _OWNER.match(path)
    if match is None:
        return -1, -1, -1
    area, action, indicator = (int(n) if n is not None else -1 for n in match.groups())
    return area, action, indicator

"""The programme as the rest of wsp sees it: frozen dataclasses, built by the loader.

The file format is validated by the Pydantic models in :mod:`wspolpraca_cli.schema`;
they produce these plain values, which are cheap to create, compare and cache.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from wspolpraca_cli.periods import Deadline, Frequency
from wspolpraca_cli.records import field, record
from wspolpraca_cli.targets import MAGNITUDES, Target

if TYPE_CHECKING:
    from wspolpraca_cli.grants.model import GrantQuery


class Unit(StrEnum):
    COUNT = "count"
    AMOUNT = "amount"
    PERCENT = "percent"
    YESNO = "yesno"
    NUMBER = "number"


UNIT_WORDS: dict[str, Unit] = {
    "count": Unit.COUNT,
    "liczba": Unit.COUNT,
    "szt.": Unit.COUNT,
    "sztuki": Unit.COUNT,
    "amount": Unit.AMOUNT,
    "kwota": Unit.AMOUNT,
    "zł": Unit.AMOUNT,
    "pln": Unit.AMOUNT,
    "percent": Unit.PERCENT,
    "%": Unit.PERCENT,
    "procent": Unit.PERCENT,
    "yesno": Unit.YESNO,
    "tak/nie": Unit.YESNO,
    "yes/no": Unit.YESNO,
    "number": Unit.NUMBER,
    "wartość": Unit.NUMBER,
}


class Aggregation(StrEnum):
    SUM = "sum"
    LAST = "last"
    MAX = "max"
    MIN = "min"
    MEAN = "mean"


AGGREGATION_WORDS: dict[str, Aggregation] = {
    "sum": Aggregation.SUM,
    "suma": Aggregation.SUM,
    "last": Aggregation.LAST,
    "ostatnia": Aggregation.LAST,
    "max": Aggregation.MAX,
    "maksimum": Aggregation.MAX,
    "min": Aggregation.MIN,
    "minimum": Aggregation.MIN,
    "mean": Aggregation.MEAN,
    "średnia": Aggregation.MEAN,
}

DEFAULT_AGGREGATION = {
    Unit.COUNT: Aggregation.SUM,
    Unit.AMOUNT: Aggregation.SUM,
    Unit.PERCENT: Aggregation.LAST,
    Unit.YESNO: Aggregation.LAST,
    Unit.NUMBER: Aggregation.LAST,
}


@record
class Baseline:
    value: float
    year: int | None = None


@record
class Breakdown:
    """A dimension an entry can be tagged with, e.g. organiser: office / NGO / joint."""

    key: str
    label: str
    values: tuple[tuple[str, str], ...]
    """(code, label) pairs; a tag may name either, case-insensitively."""
    targets: tuple[tuple[str, Target, str], ...] = ()
    """(value code, its own target, the target as the document writes it): a value judged
    like an indicator in each period (``wspólnie: 1/rok``). A code the breakdown does not
    list stays as written (the loader reports it)."""

    def resolve(self, text: str) -> str | None:
        wanted = text.strip().casefold()
        for code, label in self.values:
            if wanted in (code.casefold(), label.casefold()):
                return code
        return None

    def label_of(self, code: str) -> str:
        """The label of a value's code (the code itself when it has none, or is not listed)."""
        return dict(self.values).get(code, code)

    def target_of(self, code: str) -> tuple[Target, str] | None:
        """A value's own target and its text; None when it has none."""
        for value, target, text in self.targets:
            if value == code:
                return target, text
        return None


@record
class Amendment:
    """A change of an indicator's target by resolution, in force from a year on."""

    from_year: int
    target: Target
    target_text: str = ""
    """The amended target as the document writes it (``2/rok``)."""
    resolution: str = ""
    """The resolution that changed it (``Uchwała nr XII/123/2023``)."""


@record
class Indicator:
    id: str
    name: str
    unit: Unit
    target: Target
    frequency: Frequency
    aggregation: Aggregation
    action_id: str
    area_id: str
    unit_label: str = ""
    unit_text: str = ""
    """The unit as the document writes it (format 2: ``osoby``, ``tys. zł``; "" in format 1,
    whose ``unit`` is a word of :data:`UNIT_WORDS`)."""
    unit_shown: str = ""
    """What status and reports write after each value (``km``, ``tys. zł``; "" for none)."""
    unit_magnitude: str = ""
    """The unit's magnitude word (``tys.`` for ``tys. zł``): values and targets are numbers of
    thousands; "" for a unit without one."""
    target_text: str = ""
    """The target as the document writes it (``1/rok``)."""
    frequency_text: str = ""
    """The frequency as the document writes it (``Raz w roku``)."""
    baseline: Baseline | None = None
    breakdowns: tuple[Breakdown, ...] = ()
    lower_bound: float | None = None
    upper_bound: float | None = None
    department: str = ""
    notes: str = ""
    deadline_days: int | None = None
    """Days after a period shorter than a year ends until its data is due (None: the
    programme's :attr:`Program.deadline_days`)."""
    goal_id: str = ""
    """The goal the indicator stands on (an impact indicator of a main goal, a result
    indicator of a specific goal); empty for an action's indicator."""
    serves: tuple[str, ...] = ()
    """Further goals the indicator serves besides where it stands (``serves: [a, c]``)."""
    amendments: tuple[Amendment, ...] = ()
    """Changes of the target by resolution, in year order (see
    :func:`wspolpraca_cli.progress.periods.target_in_force`)."""
    computed: GrantQuery | None = None
    """What the indicator computes from the grants register (``computed:`` in the file; its
    ``key`` is the indicator's id): its values come from the register, one a year, never from
    ``wsp record``. None for an indicator whose values are recorded."""

    @property
    def unit_scale(self) -> int:
        """What one unit is worth (1000 for ``tys. zł``, else 1)."""
        return MAGNITUDES.get(self.unit_magnitude, 1)

    def breakdown(self, key: str) -> Breakdown | None:
        wanted = key.strip().casefold()
        for b in self.breakdowns:
            if wanted in (b.key.casefold(), b.label.casefold()):
                return b
        return None


@record
class Goal:
    """A main goal (``main`` empty) or a specific goal of the main goal ``main``."""

    id: str
    name: str
    main: str = ""
    indicators: tuple[Indicator, ...] = ()
    """The indicators standing on the goal itself (impact or result indicators)."""


@record
class Action:
    id: str
    lp: str
    name: str
    area_id: str
    goals: tuple[str, ...]
    indicators: tuple[Indicator, ...]
    notes: str = ""


@record
class Area:
    id: str
    name: str
    actions: tuple[Action, ...]
    goals: tuple[str, ...] = ()


@record
class Program:
    title: str
    issuer: str
    first_year: int
    last_year: int
    main_goals: tuple[Goal, ...]
    """One or several main goals (``cel ogólny I, II``), in the document's order."""
    specific_goals: tuple[Goal, ...]
    """Every specific goal, in the document's order (each names its main goal)."""
    areas: tuple[Area, ...]
    deadline: Deadline = field(default_factory=Deadline)
    language: str = "pl"
    adopted_by: str = ""
    sources: tuple[str, ...] = ()
    source_file: str = ""
    deadline_days: int = 30
    """Days after a period shorter than a year (a half, quarter, month, week) ends until its
    data is due; a year and longer periods are due by :attr:`deadline`."""
    planned_funds: tuple[tuple[int, float], ...] = ()
    """(year, zł) of the funds planned for grants (art. 5a ust. 4 pkt 8), by year; the years
    the programme file gives, inside the programme's."""

    def planned(self, year: int) -> float | None:
        """The funds planned for ``year`` in zł, or None when the programme gives none."""
        return dict(self.planned_funds).get(year)

    @property
    def main_goal(self) -> Goal:
        """The (first) main goal."""
        return self.main_goals[0]

    @property
    def goals(self) -> tuple[Goal, ...]:
        """Every goal in tree order: each main goal followed by its specific goals."""
        return tuple(g for m in self.main_goals for g in (m, *self.specific_of(m.id)))

    def specific_of(self, main_id: str) -> tuple[Goal, ...]:
        return tuple(g for g in self.specific_goals if g.main == main_id)

    @property
    def goal_indicators(self) -> list[Indicator]:
        """The indicators standing on goals, in tree order."""
        return [i for g in self.goals for i in g.indicators]

    @property
    def is_tree(self) -> bool:
        """Whether the programme uses the goal tree of format 2 — several main goals,
        indicators on goals, indicators serving further goals — and is shown by it (a
        programme of format 1's shape is shown as format 1 shows it)."""
        cached: bool | None = self.__dict__.get("_is_tree")
        if cached is None:
            cached = (
                len(self.main_goals) > 1
                or any(g.indicators for g in self.goals)
                or any(i.serves for i in self.indicators)
            )
            object.__setattr__(self, "_is_tree", cached)
        return cached

    def served_goals(self, ind: Indicator) -> tuple[str, ...]:
        """The goals ``ind`` serves directly: the goal it stands on or its action's goals,
        then its ``serves``, each once."""
        index: dict[str, tuple[str, ...]] | None = self.__dict__.get("_served")
        if index is None:
            index = {}
            for goal in self.goals:
                for i in goal.indicators:
                    index[i.id] = tuple(dict.fromkeys((goal.id, *i.serves)))
            for action in self.actions:
                for i in action.indicators:
                    index[i.id] = tuple(dict.fromkeys((*action.goals, *i.serves)))
            object.__setattr__(self, "_served", index)
        return index.get(ind.id, ())

    def main_goals_of(self, goal_ids: tuple[str, ...]) -> tuple[str, ...]:
        """The main goals above (or among) ``goal_ids``, each once, in the tree's order."""
        found = set()
        for gid in goal_ids:
            goal = self.goal(gid)
            if goal is not None:
                found.add(goal.main or goal.id)
        return tuple(m.id for m in self.main_goals if m.id in found)

    def under_goal(self, goal_id: str) -> list[Indicator]:
        """The indicators under a goal, in programme order: those serving it, and for a main
        goal those serving its specific goals (the only main goal: every indicator)."""
        goal = self.goal(goal_id)
        if goal is None:
            return []
        if not goal.main and len(self.main_goals) == 1:
            return self.indicators
        wanted = {goal_id}
        if not goal.main:
            wanted |= {g.id for g in self.specific_of(goal_id)}
        return [i for i in self.indicators if wanted.intersection(self.served_goals(i))]

    @property
    def years(self) -> range:
        return range(self.first_year, self.last_year + 1)

    @property
    def actions(self) -> list[Action]:
        return [a for area in self.areas for a in area.actions]

    @property
    def indicators(self) -> list[Indicator]:
        """Every indicator: those on goals (tree order), then the actions'."""
        cached: list[Indicator] | None = self.__dict__.get("_indicators")
        if cached is None:
            cached = self.goal_indicators
            cached += [i for area in self.areas for a in area.actions for i in a.indicators]
            object.__setattr__(self, "_indicators", cached)
        return list(cached)

    def indicator(self, indicator_id: str) -> Indicator | None:
        return self._index().get(indicator_id)

    def action(self, action_id: str) -> Action | None:
        for a in self.actions:
            if a.id == action_id:
                return a
        return None

    def area(self, area_id: str) -> Area | None:
        for a in self.areas:
            if a.id == area_id:
                return a
        return None

    def goal(self, goal_id: str) -> Goal | None:
        for g in (*self.main_goals, *self.specific_goals):
            if g.id == goal_id:
                return g
        return None

    def _index(self) -> dict[str, Indicator]:
        cached: dict[str, Indicator] | None = self.__dict__.get("_indicator_index")
        if cached is None:
            cached = {i.id: i for i in self.indicators}
            object.__setattr__(self, "_indicator_index", cached)
        return cached

    def all_ids(self) -> list[str]:
        ids = [g.id for g in self.goals]
        ids += [a.id for a in self.areas]
        ids += [a.id for a in self.actions]
        ids += [i.id for i in self.indicators]
        return ids

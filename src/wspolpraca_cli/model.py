"""The programme as the rest of wsp sees it: frozen dataclasses, built by the loader.

The file format is validated by the Pydantic models in :mod:`wspolpraca_cli.schema`;
they produce these plain values, which are cheap to create, compare and cache.
"""

from __future__ import annotations

from enum import StrEnum

from wspolpraca_cli.periods import Deadline, Frequency
from wspolpraca_cli.records import field, record
from wspolpraca_cli.targets import MAGNITUDES, Target


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
class Goal:
    id: str
    name: str


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

    def resolve(self, text: str) -> str | None:
        wanted = text.strip().casefold()
        for code, label in self.values:
            if wanted in (code.casefold(), label.casefold()):
                return code
        return None


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
    main_goal: Goal
    specific_goals: tuple[Goal, ...]
    areas: tuple[Area, ...]
    deadline: Deadline = field(default_factory=Deadline)
    language: str = "pl"
    adopted_by: str = ""
    sources: tuple[str, ...] = ()
    source_file: str = ""
    deadline_days: int = 30
    """Days after a period shorter than a year (a half, quarter, month, week) ends until its
    data is due; a year and longer periods are due by :attr:`deadline`."""

    @property
    def years(self) -> range:
        return range(self.first_year, self.last_year + 1)

    @property
    def actions(self) -> list[Action]:
        return [a for area in self.areas for a in area.actions]

    @property
    def indicators(self) -> list[Indicator]:
        return [i for area in self.areas for a in area.actions for i in a.indicators]

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
        if goal_id == self.main_goal.id:
            return self.main_goal
        for g in self.specific_goals:
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
        ids = [self.main_goal.id, *(g.id for g in self.specific_goals)]
        ids += [a.id for a in self.areas]
        ids += [a.id for a in self.actions]
        ids += [i.id for i in self.indicators]
        return ids

"""One aggregation of measured values: what a period's (or the programme's) actual is made of.

:class:`Aggregate` holds what every aggregation needs — count, total, minimum, maximum and the
value recorded last — so that ``sum``, ``last``, ``max``, ``min`` and ``mean`` are read off
one value, and two aggregates (of consecutive periods, of the store and of a value about to be
recorded) merge into one. The store computes aggregates in SQL, the engine merges them into
evaluation periods and the programme to date, ``wsp record`` adds the value it records: the
same type and the same empty case everywhere, so the figures never disagree.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from wspolpraca_cli.model import Aggregation
from wspolpraca_cli.records import record


@record(slots=True)
class Aggregate:
    """The statistics of some values, in recording order. Immutable; :data:`EMPTY` has none."""

    count: int = 0
    total: float = 0.0
    minimum: float = math.inf
    maximum: float = -math.inf
    last: float = 0.0
    """The value recorded last (the latest of the values, or of the later aggregate)."""

    @classmethod
    def of(cls, values: Iterable[float]) -> Aggregate:
        """The aggregate of ``values`` in recording order (an exact sum: ``math.fsum``)."""
        items = [float(v) for v in values]
        if not items:
            return EMPTY
        return cls(len(items), math.fsum(items), min(items), max(items), items[-1])

    def add(self, value: float) -> Aggregate:
        """This aggregate with ``value`` recorded after the others."""
        return self.merge(Aggregate(1, value, value, value, value))

    def merge(self, later: Aggregate) -> Aggregate:
        """This aggregate followed by ``later`` (its ``last`` wins when it has values)."""
        if later.count <= 0:
            return self
        if self.count <= 0:
            return later
        return Aggregate(
            self.count + later.count,
            self.total + later.total,
            min(self.minimum, later.minimum),
            max(self.maximum, later.maximum),
            later.last,
        )

    @property
    def empty(self) -> bool:
        return self.count <= 0

    def value(self, how: Aggregation) -> float | None:
        """The actual by ``how``. Without values: 0 for ``sum`` (nothing counted yet adds up to
        nothing), None for every other aggregation (there is no level to show). Whether there
        is data at all is :attr:`count`, never the value: an explicit 0 is data."""
        if self.count <= 0:
            return 0.0 if how is Aggregation.SUM else None
        if how is Aggregation.SUM:
            return self.total
        if how is Aggregation.LAST:
            return self.last
        if how is Aggregation.MAX:
            return self.maximum
        if how is Aggregation.MIN:
            return self.minimum
        return self.total / self.count


EMPTY = Aggregate()
"""The aggregate of no values."""

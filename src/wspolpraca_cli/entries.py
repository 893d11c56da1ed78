"""Measurement entries: immutable records, and the rules that pick the effective ones.

An entry is never changed or deleted. A correction or a void is a new entry whose
``supersedes`` names the entry it replaces; an entry is *effective* when nothing
supersedes it and it is not a void.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class EntryKind(StrEnum):
    RECORD = "record"
    CORRECTION = "correction"
    VOID = "void"


@dataclass(frozen=True)
class Entry:
    uid: str
    """A stable identifier that survives export and import."""
    indicator_id: str
    period: str
    """The period code: ``2024``, ``2024-H1``, ``2024-Q3``, ``2024-03``, ``2021-2025``."""
    value: float | None
    """None only for a void."""
    kind: EntryKind = EntryKind.RECORD
    date: str | None = None
    """ISO date the measurement refers to, when known; later than as-of ⇒ not counted."""
    note: str = ""
    source: str = ""
    tags: tuple[tuple[str, str], ...] = ()
    recorded_by: str = ""
    recorded_at: str = ""
    """ISO 8601 UTC timestamp."""
    supersedes: str | None = None
    reason: str = ""
    seq: int = 0
    """Store-local insertion order (not exported); orders entries recorded in one second."""


def effective(entries: Iterable[Entry]) -> list[Entry]:
    """The entries that count: not superseded by any other entry, and not voids."""
    items = list(entries)
    superseded = {e.supersedes for e in items if e.supersedes}
    return [e for e in items if e.uid not in superseded and e.kind is not EntryKind.VOID]


def aggregate(values: list[float], how: str) -> float | None:
    """Combine the values of one period (in recording order) by ``sum``, ``last``, ``max``,
    ``min`` or ``mean``; None when there are none (an explicit 0 is a value, not None)."""
    if not values:
        return None
    if how == "sum":
        return float(sum(values))
    if how == "last":
        return values[-1]
    if how == "max":
        return max(values)
    if how == "min":
        return min(values)
    if how == "mean":
        return sum(values) / len(values)
    raise ValueError(f"unknown aggregation {how!r}")


@dataclass(frozen=True)
class PeriodSummary:
    """What aggregation needs of one (indicator, period): computed over the effective entries
    (not superseded, not voids) whose date is not after the as-of date. The store computes
    these in SQL; :func:`wspolpraca_cli.progress.summarise` from a list of entries."""

    indicator_id: str
    period: str
    count: int
    total: float
    minimum: float
    maximum: float
    last: float
    """The value of the effective entry recorded last (highest seq)."""

    @property
    def mean(self) -> float:
        return self.total / self.count if self.count else 0.0

    def aggregate(self, how: str) -> float:
        """The period's actual by ``sum``, ``last``, ``max``, ``min`` or ``mean``."""
        if how == "sum":
            return self.total
        if how == "last":
            return self.last
        if how == "max":
            return self.maximum
        if how == "min":
            return self.minimum
        if how == "mean":
            return self.mean
        raise ValueError(f"unknown aggregation {how!r}")

"""Measurement entries: immutable records, and the rules that pick the effective ones.

An entry is never changed or deleted. A correction or a void is a new entry whose
``supersedes`` names the entry it replaces; an entry is *effective* when nothing
supersedes it and it is not a void.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from operator import attrgetter
from typing import Any

from wspolpraca_cli.aggregation import Aggregate
from wspolpraca_cli.records import record


class EntryKind(StrEnum):
    RECORD = "record"
    CORRECTION = "correction"
    VOID = "void"


@record
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


EntryRow = tuple[Any, ...]
"""An entry as a plain tuple, in :data:`ROW_FIELDS` order (the kind as its text, the tags as
pairs, no ``seq``): what a bulk read (export) gives, without building an :class:`Entry` per
row."""
ROW_FIELDS = (
    "uid", "indicator_id", "period", "value", "kind", "date", "note", "source", "tags",
    "recorded_by", "recorded_at", "supersedes", "reason",
)  # fmt: skip


def as_row(entry: Entry) -> EntryRow:
    """``entry`` as an :data:`EntryRow`."""
    return (
        entry.uid, entry.indicator_id, entry.period, entry.value, entry.kind.value, entry.date,
        entry.note, entry.source, entry.tags, entry.recorded_by, entry.recorded_at,
        entry.supersedes, entry.reason,
    )  # fmt: skip


def effective(entries: Iterable[Entry]) -> list[Entry]:
    """The entries that count: not superseded by any other entry, and not voids."""
    items = list(entries)
    superseded = {e.supersedes for e in items if e.supersedes}
    return [e for e in items if e.uid not in superseded and e.kind is not EntryKind.VOID]


def counts(entry: Entry, as_of: date) -> bool:
    """Whether an effective entry counts as of ``as_of``: it has a value and is not dated after
    ``as_of`` (when it was recorded does not matter)."""
    return _counts_on(entry, as_of.isoformat())


def _counts_on(entry: Entry, day: str) -> bool:
    """:func:`counts`, the as-of date in ISO form."""
    return entry.value is not None and (entry.date is None or entry.date[:10] <= day)


def counted(entries: Iterable[Entry], as_of: date) -> list[Entry]:
    """The effective entries that count as of ``as_of`` (see :func:`counts`), in recording
    order (``seq``; the input order breaks ties)."""
    day = as_of.isoformat()
    found = [e for e in effective(entries) if _counts_on(e, day)]
    found.sort(key=attrgetter("seq"))
    return found


@record(slots=True)
class PeriodSummary:
    """The aggregate of one (indicator, period code): over the effective entries (not
    superseded, not voids) that count as of a date. The store computes these in SQL;
    :func:`summarise` from a list of entries."""

    indicator_id: str
    period: str
    values: Aggregate

    @property
    def count(self) -> int:
        return self.values.count


@record(slots=True)
class SummaryPart:
    """The summaries of the indicators whose ids lie from ``first`` up to, not including,
    ``end`` (None: no bound), ordered like :meth:`Store.summaries`: one of the parts in which a
    store hands over the summaries of every indicator (:meth:`Store.summary_parts`).
    ``anew``: the parts before this one are void (the store changed between their reads);
    this one holds every indicator's summaries."""

    first: str | None
    end: str | None
    summaries: list[PeriodSummary]
    anew: bool = False

    def holds(self, indicator_id: str) -> bool:
        """Whether ``indicator_id`` lies in this part (Python orders ids as SQLite does:
        by code point, which is the order of their UTF-8 bytes)."""
        return (self.first is None or self.first <= indicator_id) and (
            self.end is None or indicator_id < self.end
        )


def joined_parts(parts: Iterable[SummaryPart]) -> list[PeriodSummary]:
    """Every summary of ``parts`` (from the last part ``anew``, if one is), in order."""
    found: list[PeriodSummary] = []
    for part in parts:
        if part.anew:
            found.clear()
        found.extend(part.summaries)
    return found


def summarise(entries: Iterable[Entry], as_of: date) -> list[PeriodSummary]:
    """Per (indicator, period code): the aggregate of the effective entries as of ``as_of``.

    Superseded entries and voids are dropped, then entries dated after ``as_of``; the values are
    taken in recording order (``seq``; the input order breaks ties), so ``last`` is the latest.
    """
    found: dict[tuple[str, str], list[float]] = {}
    for e in counted(entries, as_of):  # (their values are never None)
        found.setdefault((e.indicator_id, e.period), []).append(float(e.value or 0.0))
    return [PeriodSummary(ind, period, Aggregate.of(vs)) for (ind, period), vs in found.items()]


@record(slots=True)
class TagSummary:
    """The aggregate of one (indicator, period code, breakdown tags): over the same effective
    entries as :class:`PeriodSummary`, grouped by their tags as well (an entry without tags
    in the group with none). The groups of one (indicator, period) partition its summary."""

    indicator_id: str
    period: str
    tags: tuple[tuple[str, str], ...]
    values: Aggregate


def summarise_tags(entries: Iterable[Entry], as_of: date) -> list[TagSummary]:
    """Per (indicator, period code, tags): the aggregate of the effective entries as of
    ``as_of`` (those :func:`summarise` counts), ordered by indicator and period and, within
    those, by each group's latest entry — so that merging them in order keeps ``last``."""
    found: dict[tuple[str, str, tuple[tuple[str, str], ...]], list[float]] = {}
    latest: dict[tuple[str, str, tuple[tuple[str, str], ...]], int] = {}
    for n, e in enumerate(counted(entries, as_of)):
        key = (e.indicator_id, e.period, tuple(e.tags))
        found.setdefault(key, []).append(float(e.value or 0.0))  # (counted: never None)
        latest[key] = n
    keys = sorted(found, key=lambda k: (k[0], k[1], latest[k]))
    return [TagSummary(i, p, tags, Aggregate.of(found[(i, p, tags)])) for i, p, tags in keys]


def chains(entries: list[Entry]) -> list[tuple[Entry, int]]:
    """Entries ordered so that each chain (record → corrections → void) is together, with each
    entry's depth in its chain (0 for the entry a chain starts with)."""
    uids = {e.uid for e in entries}
    successor = {e.supersedes: e for e in entries if e.supersedes}
    ordered: list[tuple[Entry, int]] = []
    for entry in entries:
        if entry.supersedes and entry.supersedes in uids:
            continue  # shown under the entry it supersedes
        depth, current = 0, entry
        seen: set[str] = set()
        while current.uid not in seen:
            seen.add(current.uid)
            ordered.append((current, depth))
            follower = successor.get(current.uid)
            if follower is None:
                break
            current, depth = follower, depth + 1
    return ordered

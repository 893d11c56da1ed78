"""What a measurement store is, whatever holds it: the :class:`Store` protocol, and the rules
and helpers every backend shares (entry ids, timestamps, import results, uid prefixes).

The services and the progress engine see a store only through this protocol; a backend
(:mod:`.sqlite` today) implements it and turns its own failures into
:class:`~wspolpraca_cli.errors.StoreError` (exit 3). No SQL leaves a backend.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from itertools import pairwise
from types import TracebackType
from typing import Protocol

from wspolpraca_cli.entries import Entry, PeriodSummary
from wspolpraca_cli.errors import InputError

DEFAULT_TIMEOUT = 10.0
"""Seconds a writer waits for another writer's lock before giving up (exit 3)."""
MIN_PREFIX = 4
"""The shortest uid prefix accepted by :meth:`Store.get`."""
AMBIGUOUS_SHOWN = 6
"""How many entries an ambiguous uid prefix names."""

_UID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$")


class Store(Protocol):
    """An open measurement store: append-only entries, their supersessions, and per-period
    aggregates. Close it (or use ``with``)."""

    readonly: bool

    @property
    def location(self) -> str:
        """Where the store is, as people are shown it (a path today)."""
        ...

    @property
    def exists(self) -> bool:
        """Whether anything has been stored there yet (a missing store reads as empty)."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    # writing: one transaction each, all or nothing
    def add(self, entry: Entry) -> Entry:
        """Store one entry; fills in an empty uid, ``recorded_at`` and ``recorded_by``."""
        ...

    def add_many(self, entries: list[Entry]) -> list[Entry]: ...

    def import_entries(self, entries: Iterable[Entry], *, dry_run: bool = False) -> ImportResult:
        """Add the entries whose uid is new; raise :class:`EntriesRejected` (and store nothing)
        when any cannot be stored."""
        ...

    # reading
    def entries(self, indicator_id: str | None = None) -> list[Entry]:
        """Every entry (superseded ones and voids too), in insertion order."""
        ...

    def count(self) -> int: ...

    def get(self, uid: str) -> Entry | None:
        """The entry with this uid or unique uid prefix (at least :data:`MIN_PREFIX`)."""
        ...

    def superseded_by(self) -> dict[str, str]:
        """Map of superseded uid -> the uid of the entry that supersedes it."""
        ...

    def summaries(
        self,
        as_of: date | str | None = None,
        indicator_ids: Iterable[str] | None = None,
        period: str | Iterable[str] | None = None,
    ) -> list[PeriodSummary]:
        """Per (indicator, period), the aggregate of the effective entries (not superseded, not
        voids) not dated after ``as_of``, of one period or those listed when ``period`` is
        given; ordered by indicator id and period."""
        ...

    def integrity_check(self) -> str: ...

    def schema_version(self) -> int: ...


class EntriesRejected(InputError):
    """Entries the store refused; ``rejected`` holds (index in the input, error) pairs."""

    def __init__(
        self, rejected: list[tuple[int, InputError]], added: int = 0, present: int = 0
    ) -> None:
        first = rejected[0][1]
        super().__init__(first.message, first.hint)
        self.rejected = rejected
        self.added = added
        """How many of the other entries would have been added."""
        self.present = present


@dataclass(frozen=True)
class ImportResult:
    added: list[Entry]
    present: list[Entry]
    """Entries whose uid the store already held with the same content."""


def new_uid() -> str:
    """A fresh entry id: 32 hexadecimal digits (random), shown shortened to its first 8."""
    import uuid  # imported on demand: start-up time matters for every command

    return uuid.uuid4().hex


def now_utc() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def current_user() -> str:
    """The operating-system user, for ``recorded_by``."""
    try:
        import getpass

        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no user database entry (containers)
        return os.environ.get("USER") or os.environ.get("USERNAME") or "?"


def valid_uid(uid: str) -> bool:
    return bool(_UID_RE.match(uid))


def completed(entry: Entry) -> Entry:
    """``entry`` with what the store fills in: a new uid, the time and the user when empty."""
    return replace(
        entry,
        uid=entry.uid or new_uid(),
        recorded_at=entry.recorded_at or now_utc(),
        recorded_by=entry.recorded_by or current_user(),
    )


def distinct_prefixes(uids: Sequence[str], wanted: str = "", shortest: int = 8) -> str:
    """``uids`` shortened to as many characters as it takes to tell them apart (at least
    ``shortest``), comma-separated; more than :data:`AMBIGUOUS_SHOWN` end with ``…``."""
    shown = list(uids[:AMBIGUOUS_SHOWN])
    length = max(shortest, len(wanted) + 1)
    ordered = sorted(shown)
    for a, b in pairwise(ordered):
        common = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
        length = max(length, common + 1)
    text = ", ".join(u[:length] for u in shown)
    return text + (", …" if len(uids) > AMBIGUOUS_SHOWN else "")


def same_content(stored: Entry, incoming: Entry) -> bool:
    """Equal apart from the store-local ``seq``; an empty ``recorded_at``/``recorded_by`` of the
    incoming entry (a hand-written import row) matches what the store filled in."""
    return replace(stored, seq=0) == replace(
        incoming,
        seq=0,
        recorded_at=incoming.recorded_at or stored.recorded_at,
        recorded_by=incoming.recorded_by or stored.recorded_by,
    )

"""What a measurement store is, whatever holds it: the :class:`Store` protocol.

The services and the progress engine see a store only through this protocol; a backend
(:mod:`.sqlite`, :mod:`.postgres`) implements it and turns its own failures into
:class:`~wspolpraca_cli.errors.StoreError` (exit 3). No SQL leaves a backend. Only type
checking imports this module (a Protocol costs start-up time); what backends share at run
time is in :mod:`.shared`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import date
from types import TracebackType
from typing import Protocol

from wspolpraca_cli.audit import Explanation, LockEvent
from wspolpraca_cli.entries import Entry, EntryRow, PeriodSummary, SummaryPart, TagSummary
from wspolpraca_cli.grants.model import GrantAggregate, GrantQuery, GrantRow
from wspolpraca_cli.store.shared import BatchOutcome, ImportResult


class ImportSession(Protocol):
    """An import under way, in one transaction (see :meth:`Store.importing`)."""

    def add(self, entries: Sequence[Entry]) -> BatchOutcome:
        """Add one batch: the entries whose uid is new; those present with the same content
        are counted, those that cannot be stored are reported by their index in ``entries``."""
        ...

    def add_trail(self, events: Sequence[LockEvent | Explanation]) -> BatchOutcome:
        """Add audit events copied from another store (``wsp store copy``), in order, their
        uids, times and users kept: those present (same uid, same event) are counted, those
        that cannot follow the events held are reported by their index in ``events``."""
        ...

    def add_grants(self, rows: Sequence[GrantRow]) -> BatchOutcome:
        """Add grant rows copied from another store (``wsp store copy``), in order, as they
        are (uids, supersessions, times and users kept): those present (same uid, same row)
        are counted, those that cannot be stored are reported by their index in ``rows``."""
        ...

    def discard(self) -> None:
        """Store nothing: roll the import back at its end."""
        ...


class GrantImportSession(Protocol):
    """An import of the grants register under way, in one transaction (see
    :meth:`Store.importing_grants`)."""

    def add(self, rows: Sequence[GrantRow]) -> BatchOutcome:
        """One batch. A row whose uid is stored (same content) is counted present; a row with
        a non-empty ref whose stored live row of that ref differs is added as a correction
        superseding it; other rows are added; rows that cannot be stored (a locked year, ...)
        are reported by their index in ``rows``."""
        ...

    def discard(self) -> None:
        """Store nothing: roll the import back at its end."""
        ...


class Store(Protocol):
    """An open measurement store: append-only entries, their supersessions, and per-period
    aggregates. Close it (or use ``with``)."""

    readonly: bool

    @property
    def location(self) -> str:
        """Where the store is, as people are shown it (a path, or a URL without its
        password)."""
        ...

    @property
    def backend(self) -> str:
        """The kind of store: ``sqlite`` or ``postgresql``."""
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
        """Store one entry; fills in an empty uid, ``recorded_at`` and ``recorded_by``.
        Raises :class:`~wspolpraca_cli.audit.PeriodLocked` (exit 2) for an entry of a period a
        lock in force covers — the locks read inside the write transaction, so that a lock
        taken by another process either precedes the write (refused) or follows it."""
        ...

    def add_many(self, entries: list[Entry]) -> list[Entry]:
        """Store entries in one transaction, all or none (locks as :meth:`add`)."""
        ...

    def import_entries(self, entries: Iterable[Entry], *, dry_run: bool = False) -> ImportResult:
        """Add the entries whose uid is new; raise :class:`EntriesRejected` (and store nothing)
        when any cannot be stored."""
        ...

    def importing(self, *, dry_run: bool = False) -> AbstractContextManager[ImportSession]:
        """One import transaction, batch by batch: committed at the end of the ``with`` block
        unless ``dry_run``, discarded or left by an error (then nothing is stored)."""
        ...

    # the audit trail: append-only, one transaction each (schema 4)
    def add_lock_event(self, event: LockEvent) -> LockEvent:
        """Append a lock or unlock (empty uid, ``recorded_at``, ``recorded_by`` filled in),
        checked by :func:`~wspolpraca_cli.audit.check_lock_event` against the events read
        inside the same write transaction (InputError: already locked, not locked)."""
        ...

    def lock_events(self) -> list[LockEvent]:
        """Every lock and unlock, in the order they were appended (none before schema 4)."""
        ...

    def add_explanation(self, explanation: Explanation) -> Explanation:
        """Append an explanation or a withdrawal (filled in as :meth:`add_lock_event`),
        checked by :func:`~wspolpraca_cli.audit.check_explanation` against the events of its
        indicator and period read inside the same write transaction."""
        ...

    def explanations(self, indicator_id: str | None = None) -> list[Explanation]:
        """Every explanation and withdrawal (of one indicator when given), in order."""
        ...

    # the grants register: append-only rows (schema 5; an older store read-only has none)
    def importing_grants(
        self, *, dry_run: bool = False
    ) -> AbstractContextManager[GrantImportSession]:
        """One transaction for a whole register import (all or nothing), like ``importing``."""
        ...

    def add_grant(self, row: GrantRow) -> GrantRow:
        """Append one row in one transaction: a new row, a correction (``supersedes`` set) or a
        void (``void=True`` and ``supersedes`` set). Fills an empty uid, recorded_at,
        recorded_by. InputError (exit 2) when supersedes names no row or a row already
        superseded; PeriodLocked when a lock in force covers the row's year (or the superseded
        row's)."""
        ...

    def get_grant(self, uid: str) -> GrantRow | None:
        """By uid or unique uid prefix (MIN_PREFIX chars), as ``get``."""
        ...

    def grant_rows(
        self,
        *,
        year: int | None = None,
        mode: str | None = None,
        area: str | None = None,
        organisation: str | None = None,
        effective: bool = True,
    ) -> list[GrantRow]:
        """Rows in insertion order; only effective ones (not superseded, not voids) unless
        ``effective=False``; organisation matched case-insensitively as a substring."""
        ...

    def iter_grants(self) -> Iterator[GrantRow]:
        """Every grant row (every version), in insertion order, read as it is consumed (flat
        memory: ``wsp store copy``). The store must stay open while the iterator runs."""
        ...

    def grant_count(self) -> int:
        """Rows stored, every version (store info)."""
        ...

    def grant_aggregates(self, queries: Sequence[GrantQuery]) -> list[GrantAggregate]:
        """Each query answered in SQL over the effective rows: GROUP BY year (and ``by``),
        ordered by key, year, group; a year's total (group None) is always given when ``by``
        is set, before its groups. COUNT(*), SUM(col), COUNT(DISTINCT col) (empty values not
        counted). An empty or old store (schema < 5, read-only) answers []."""
        ...

    # reading
    def entries(self, indicator_id: str | None = None) -> list[Entry]:
        """Every entry (superseded ones and voids too), in insertion order."""
        ...

    def iter_entries(self) -> Iterator[Entry]:
        """Every entry, as :meth:`entries` gives them, read as they are consumed (flat memory
        whatever the store's size). The store must stay open while the iterator runs."""
        ...

    def iter_rows(self) -> Iterator[EntryRow]:
        """Every entry as an :data:`~wspolpraca_cli.entries.EntryRow`, read as
        :meth:`iter_entries` reads them: a bulk export without an object per entry."""
        ...

    def count(self) -> int: ...

    def indicator_count(self) -> int:
        """How many indicators have at least one entry (voids too): ``wsp store info``."""
        ...

    def get(self, uid: str) -> Entry | None:
        """The entry with this uid or unique uid prefix (at least ``MIN_PREFIX`` characters)."""
        ...

    def live_entries(
        self,
        indicator_id: str,
        period: str,
        value: float | None = None,
        *,
        note: str | None = None,
        source: str | None = None,
    ) -> list[Entry]:
        """The effective entries (not superseded, not voids) of one indicator and period, with
        ``value``, ``note`` and ``source`` when given, in insertion order; the cost must not
        grow with the store."""
        ...

    def uids(self, prefix: str = "", limit: int = 100) -> list[str]:
        """At most ``limit`` uids starting with ``prefix``, in uid order (the uid index alone:
        cheap at any size; for shell completion)."""
        ...

    def superseded_by(self, indicator_id: str | None = None) -> dict[str, str]:
        """Map of superseded uid -> the uid of the entry that supersedes it (of one indicator's
        entries when ``indicator_id`` is given)."""
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

    def summary_parts(self, as_of: date | str | None = None) -> Iterator[SummaryPart]:
        """:meth:`summaries` of every indicator, in parts by indicator id, each handed over
        as soon as it is read (a caller works on one while the next is read): parts in
        order of their ids, together every indicator — from the last part ``anew``, if
        one is."""
        ...

    def tag_summaries(
        self,
        as_of: date | str | None = None,
        indicator_ids: Iterable[str] | None = None,
    ) -> list[TagSummary]:
        """Per (indicator, period, breakdown tags), the aggregate of the entries
        :meth:`summaries` counts (the groups of one indicator and period partition its
        summary), ordered by indicator id and period and, within those, by each group's latest
        entry (merged in that order, ``last`` is the period's); asked for the indicators that
        declare breakdowns only."""
        ...

    def latest_entries(
        self,
        groups: Iterable[tuple[str, Sequence[str]]],
        as_of: date | str | None = None,
        limit: int = 10,
    ) -> list[Entry]:
        """The ``limit`` latest effective entries of each group in ``groups`` — an indicator
        and the period codes whose entries count together (in one evaluation period) — that
        count as of ``as_of`` (those :meth:`summaries` aggregates), in insertion order: lists
        of entries read in bounded size, whatever the store's. Groups of one indicator name
        disjoint codes."""
        ...

    def integrity_check(self) -> str: ...

    def verify(self, *, full: bool = False) -> list[str]:
        """What is wrong with the store (empty: intact): a quick structural check, or with
        ``full`` the backend's full check and wsp's own rules (schema, supersessions)."""
        ...

    def schema_version(self) -> int: ...

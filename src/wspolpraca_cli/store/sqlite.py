"""The SQLite backend of the measurement store: an append-only database of
:class:`~wspolpraca_cli.entries.Entry` (the :class:`~wspolpraca_cli.store.interface.Store`
protocol). The schema and its migrations are in :mod:`.sqlite_schema`, opening a file (folders,
read-only and immutable fallbacks) in :mod:`.sqlite_open`; this module is the store class,
kept whole (~520 lines) because its queries share one damage check each and read best together.

Design (see SPEC, "Measurements" and "Reliability and safety"):

- One table, ``entries``, append-only. SQLite triggers refuse every ``UPDATE`` and ``DELETE``;
  a correction or a void is a new row whose ``supersedes`` names the row it replaces, and a
  unique index lets an entry be superseded at most once (also between concurrent writers).
- WAL journal, ``synchronous=FULL`` and one ``BEGIN IMMEDIATE`` transaction per write, so a
  killed process loses at most the write it had not committed, and concurrent writers queue up
  for up to ``busy_timeout`` instead of failing.
- The file is marked with ``PRAGMA application_id`` and versioned with ``PRAGMA user_version``;
  older schemas are migrated forward inside a transaction, newer ones are refused.
- Every SQLite failure becomes a :class:`~wspolpraca_cli.errors.StoreError` (exit 3) that says
  what happened (not a store, damaged, read-only, locked, disk full); nothing written earlier is
  lost, because nothing is ever rewritten.

This module knows nothing about the command line: it returns values and raises typed errors.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from functools import cache, cached_property
from itertools import chain
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from wspolpraca_cli.aggregation import Aggregate
from wspolpraca_cli.audit import (
    Explanation,
    ExplanationKind,
    LockAction,
    LockEvent,
    active_locks,
    check_explanation,
    check_lock_event,
    refuse_locked,
)
from wspolpraca_cli.entries import (
    Entry,
    EntryKind,
    EntryRow,
    PeriodSummary,
    SummaryPart,
    TagSummary,
    joined_parts,
)
from wspolpraca_cli.errors import InputError, StoreError
from wspolpraca_cli.grants.model import GrantAggregate, GrantQuery, GrantRow
from wspolpraca_cli.i18n import t
from wspolpraca_cli.records import replace
from wspolpraca_cli.store import sqlite_open, sqlite_schema
from wspolpraca_cli.store.shared import (
    AMBIGUOUS_SHOWN,
    DEFAULT_TIMEOUT,
    BatchOutcome,
    EntriesRejected,
    ImportResult,
    completed,
    current_user,
    entry_groups,
    find_by_uid,
    new_uid,
    now_utc,
    same_content,
    valid_uid,
)
from wspolpraca_cli.store.shared_grants import (
    GRANTS_VERSION,
    GrantImport,
    GrantLookups,
    GrantReads,
    aggregate_sql,
    batch_keys,
    check_grant,
    completed_grant,
    plan_batch,
    refs_to_match,
    refuse_superseding,
)
from wspolpraca_cli.store.shared_grants import INSERT_COLUMNS as GRANT_INSERT_COLUMNS
from wspolpraca_cli.store.shared_grants import SELECT_COLUMNS as GRANT_SELECT
from wspolpraca_cli.store.shared_grants import aggregates as grant_aggregates_of
from wspolpraca_cli.store.shared_grants import ordered as ordered_aggregates
from wspolpraca_cli.store.shared_grants import outcome as grant_outcome
from wspolpraca_cli.store.shared_grants import row_values as grant_values
from wspolpraca_cli.store.shared_trail import completed_event, place_trail
from wspolpraca_cli.store.sqlite_schema import APPLICATION_ID, SCHEMA_VERSION

_COLUMNS = (
    "seq, uid, indicator_id, period, value, kind, date, note, source, tags, "
    "recorded_by, recorded_at, supersedes, reason"
)


class _RollBack(Exception):
    """Raised inside a write transaction to undo it (dry runs)."""


def tags_to_text(tags: Sequence[tuple[str, str]]) -> str:
    import json

    return json.dumps([[k, v] for k, v in tags], ensure_ascii=False)


def tags_from_text(text: str) -> tuple[tuple[str, str], ...]:
    if not text or text == "[]":
        return ()
    import json

    return tuple((str(k), str(v)) for k, v in json.loads(text))


def _row_to_tuple(row: Sequence[Any]) -> EntryRow:
    """A table row as an :data:`~wspolpraca_cli.entries.EntryRow` (``seq`` left off)."""
    (_, uid, indicator_id, period, value, kind, day, note, source, tags, by, at, sup, reason) = row
    if kind not in _KINDS:
        raise ValueError(kind)
    number = None if value is None else float(value)
    return (uid, indicator_id, period, number, kind, day, note, source, tags_from_text(tags), by,
            at, sup, reason)  # fmt: skip


_KINDS = {k.value: k for k in EntryKind}
_RECORD = EntryKind.RECORD
_TEXT_CELLS = (
    "uid", "indicator_id", "period", "date", "note", "source", "recorded_by", "recorded_at",
    "supersedes", "reason",
)  # fmt: skip
_NULLABLE_TEXT_CELLS = ("date", "supersedes")


def _bad_kind(kind: object) -> str:
    raise ValueError(kind)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _cells_sql(risky: str) -> str:
    """The query of :meth:`SqliteStore.cell_batches`. A text cell goes to ``wsp_text`` when its
    first character may be in ``risky``: a few ranges of characters compared as text (cheap in
    SQLite), each run of risky characters merged across the punctuation between them but never
    across a letter or a digit (ids, periods and times begin with digits)."""
    codes = sorted({ord(c) for c in risky})
    runs: list[list[int]] = []
    for code in codes:
        if runs and not any(chr(c).isalnum() for c in range(runs[-1][1] + 1, code)):
            runs[-1][1] = code
        else:
            runs.append([code, code])

    def cell(column: str) -> str:
        if not runs:
            return column
        test = " OR ".join(
            f"({column} >= {_literal(chr(lo))} AND {column} < {_literal(chr(hi + 1))})"
            for lo, hi in runs
        )
        return f"CASE WHEN {test} THEN wsp_text({column}) ELSE {column} END"

    kinds = ", ".join(_literal(k) for k in _KINDS)
    value = (
        "CASE WHEN value = CAST(value AS INTEGER) AND abs(value) < 4503599627370496.0 "
        "THEN CAST(CAST(value AS INTEGER) AS TEXT) WHEN value IS NULL THEN '' "
        "ELSE wsp_number(value) END"
    )
    columns = {
        **{c: cell(c) for c in _TEXT_CELLS},
        **{c: f"coalesce({cell(c)}, '')" for c in _NULLABLE_TEXT_CELLS},
        "value": value,
        "kind": f"CASE WHEN kind IN ({kinds}) THEN kind ELSE wsp_kind(kind) END",
        "tags": "CASE WHEN tags = '[]' THEN '' ELSE wsp_tags(tags) END",
    }
    order = (
        "uid", "indicator_id", "period", "value", "kind", "date", "note", "source", "tags",
        "recorded_by", "recorded_at", "supersedes", "reason",
    )  # fmt: skip
    return f"SELECT {', '.join(columns[c] for c in order)} FROM entries ORDER BY seq"


_T = TypeVar("_T")


def _row_to_entry(row: Sequence[Any]) -> Entry:
    (seq, uid, indicator_id, period, value, kind, day, note, source, tags, by, at, sup, reason) = (
        row
    )
    # Through Entry's __init__ (2 µs; filling a new instance's __dict__ at once takes 1 µs):
    # an entry read is kept — the report's notes at 1,000,000 entries hold 43,000 — and
    # __init__ gives it Python's compact attribute values instead of a dictionary of its own,
    # 13 MiB less at that report's peak and each later pass over the entries twice as quick
    # (fewer cache misses). The import, whose entries live for one batch, fills the dict.
    return Entry(
        uid, indicator_id, period, None if value is None else float(value), _KINDS[kind], day,
        note, source, tags_from_text(tags), by, at, sup, reason, seq,
    )  # fmt: skip


class SqliteStore(GrantReads):
    """An open SQLite store. Use :func:`open_sqlite`; close it (or use ``with``)."""

    _GRANTS = "grants"
    _MARK = "?"

    def __init__(self, path: Path, conn: sqlite3.Connection | None, readonly: bool) -> None:
        self._path = path
        self._conn = conn
        self.readonly = readonly

    # -- life cycle ---------------------------------------------------------------------------

    @property
    def path(self) -> Path:
        return self._path

    @property
    def location(self) -> str:
        return str(self._path)

    @property
    def backend(self) -> str:
        return "sqlite"

    @property
    def exists(self) -> bool:
        return self._conn is not None or self._path.exists()

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _sqlite_errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise sqlite_open.store_error(exc, self._path) from exc

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE … COMMIT), rolled back on any error."""
        if self.readonly or self._conn is None:
            raise StoreError(t("store.opened_readonly", path=self._path))
        conn = self._conn
        with self._sqlite_errors():
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    # -- writing ------------------------------------------------------------------------------

    def add(self, entry: Entry) -> Entry:
        """Store one entry; fills in an empty uid, recorded_at and recorded_by. Returns it with
        its ``seq``."""
        return self.add_many([entry])[0]

    def add_many(self, entries: list[Entry]) -> list[Entry]:
        """Store entries in one transaction: all of them or, on any error, none."""
        stored: list[Entry] = []
        with self._write() as conn:
            locks = active_locks(self._lock_events(conn))  # read inside the transaction
            for entry in entries:
                refuse_locked(locks, entry.period)
                stored.append(self._insert(conn, completed(entry)))
        return stored

    def import_entries(self, entries: Iterable[Entry], *, dry_run: bool = False) -> ImportResult:
        """Add the entries whose uid the store does not hold yet, in one transaction.

        An entry whose uid is present with the same content counts as already present. Every
        entry that cannot be stored (a uid present with different content, a broken supersession)
        is collected, and then :class:`EntriesRejected` is raised and nothing is stored.
        ``dry_run`` does all the checks and stores nothing. (A small list of entries: a file
        is imported batch by batch through :meth:`importing`.)
        """
        batch = list(entries)
        with self.importing(dry_run=dry_run) as session:
            outcome = session.add(batch)
            if outcome.rejected:
                session.discard()
                raise EntriesRejected(outcome.rejected, outcome.added, outcome.present)
        return ImportResult(outcome.added, outcome.present)

    @contextmanager
    def importing(self, *, dry_run: bool = False) -> Iterator[SqliteImport]:
        """One import transaction: :meth:`SqliteImport.add` batch after batch, committed at the
        end unless ``dry_run``, :meth:`SqliteImport.discard` was called or an error left the
        block (then nothing is stored). A dry run of a store that does not exist yet checks
        against an empty scratch store in a temporary file."""
        if self._conn is None and dry_run:
            with _scratch(self._path) as scratch, scratch.importing(dry_run=True) as session:
                yield session
            return
        cache = None
        if self._conn is not None:
            with self._sqlite_errors():
                cache = self._conn.execute("PRAGMA cache_size").fetchone()[0]
        try:
            with self._write() as conn:
                # The indexes of a large import do not fit SQLite's default page cache (2 MiB):
                # a bounded larger one, for this transaction, halves the time at 1M rows.
                conn.execute(f"PRAGMA cache_size = -{_IMPORT_CACHE_KIB}")
                session = SqliteImport(self, conn)
                yield session
                if dry_run or session.discarded:
                    raise _RollBack
        except _RollBack:
            pass
        finally:
            if cache is not None and self._conn is not None:
                with self._sqlite_errors():
                    self._conn.execute(f"PRAGMA cache_size = {int(cache)}")

    def _insert(self, conn: sqlite3.Connection, entry: Entry) -> Entry:
        self._check(conn, entry)
        try:
            cursor = conn.execute(_INSERT, _row_values(entry))
        except sqlite3.IntegrityError as exc:
            if "supersedes" in str(exc):
                raise InputError(t("store.already_superseded", uid=entry.supersedes)) from None
            if "uid" in str(exc):
                raise InputError(t("store.uid_exists", uid=entry.uid)) from None
            raise InputError(t("store.invalid_entry", uid=entry.uid, error=exc)) from None
        seq = cursor.lastrowid
        assert seq is not None
        return replace(entry, seq=seq)

    def _check(self, conn: sqlite3.Connection, entry: Entry) -> None:
        """Rules the schema also enforces, checked first for a clearer message."""
        if not valid_uid(entry.uid):
            raise InputError(t("store.bad_uid", uid=entry.uid))
        if not entry.indicator_id or not entry.period:
            raise InputError(t("store.invalid_entry", uid=entry.uid, error="indicator/period"))
        if (entry.kind is EntryKind.VOID) != (entry.value is None):
            raise InputError(t("store.invalid_entry", uid=entry.uid, error="value"))
        if (entry.kind is EntryKind.RECORD) != (entry.supersedes is None):
            raise InputError(t("store.invalid_entry", uid=entry.uid, error="supersedes"))
        if entry.supersedes is None:
            return
        row = conn.execute(
            "SELECT kind, indicator_id, period FROM entries WHERE uid = ?", (entry.supersedes,)
        ).fetchone()
        if row is None:
            if conn.execute(
                "SELECT seq FROM entries WHERE uid = ?", (entry.supersedes,)
            ).fetchone():
                raise self._damaged()  # in the uid index, not in the table
            raise InputError(t("store.supersedes_unknown", uid=entry.supersedes))
        if row[0] == EntryKind.VOID.value:
            raise InputError(t("store.supersedes_void", uid=entry.supersedes))
        if (row[1], row[2]) != (entry.indicator_id, entry.period):
            raise InputError(t("store.supersedes_other", uid=entry.supersedes))
        later = conn.execute(
            "SELECT uid FROM entries WHERE supersedes = ?", (entry.supersedes,)
        ).fetchone()
        if later is not None:
            raise InputError(
                t("store.already_superseded", uid=entry.supersedes),
                hint=t("store.already_superseded.hint", uid=later[0][:8]),
            )

    # -- reading ------------------------------------------------------------------------------

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        if self._conn is None:
            return []
        with self._sqlite_errors():
            return self._conn.execute(sql, params).fetchall()

    def entries(self, indicator_id: str | None = None) -> list[Entry]:
        """Every entry (superseded ones and voids too), in insertion order."""
        # A store still at schema 1 (read where it could not be migrated) has the older index.
        index = "entries_aggregate" if self.schema_version() >= 2 else "entries_indicator_period"
        if indicator_id is None:
            rows = self._query(f"SELECT {_COLUMNS} FROM entries ORDER BY seq")
            indexed = self._query(f"SELECT count(*) FROM entries INDEXED BY {index}")
        else:
            rows = self._query(
                f"SELECT {_COLUMNS} FROM entries WHERE indicator_id = ? ORDER BY seq",
                (indicator_id,),
            )
            indexed = self._query(
                f"SELECT count(*) FROM entries INDEXED BY {index} WHERE indicator_id = ?",
                (indicator_id,),
            )
        # The rows come from the table, the count from an index: a damaged table that reads as
        # shorter (or as garbage) must not pass for a store with fewer entries.
        if indexed and int(indexed[0][0]) != len(rows):
            raise self._damaged()
        return [self._entry(r) for r in rows]

    def iter_entries(self, batch: int = 2000) -> Iterator[Entry]:
        """Every entry, as :meth:`entries` gives them, read from a cursor a batch at a time:
        memory stays flat whatever the store's size (for export). The rows and their count in
        the index are read in one read transaction (entries another process adds meanwhile are
        not part of it), so a damaged table fails at the end, after what it could give."""
        return self._stream(_row_to_entry, batch)

    def iter_rows(self, batch: int = 2000) -> Iterator[EntryRow]:
        """Every entry as :data:`~wspolpraca_cli.entries.ROW_FIELDS` says, read as
        :meth:`iter_entries` reads them (a bulk export builds no entry objects)."""
        return self._stream(_row_to_tuple, batch)

    def cell_batches(
        self,
        *,
        number: Callable[[float], str],
        tags: Callable[[tuple[tuple[str, str], ...]], str],
        text: Callable[[str], str],
        risky: str,
        batch: int = 4096,
    ) -> Iterator[list[Sequence[Any]]]:
        """Every entry as the cells of an export (:data:`~wspolpraca_cli.entries.ROW_FIELDS`
        order), ``batch`` rows at a time, read as :meth:`iter_rows` reads them, but formatted
        by SQLite where it can, so that no Python call is made per row: a value as
        ``number(value)`` — an integral one below 2**52 as its digits, which ``number`` must
        give for it too; the tags as ``tags(pairs)``; every text cell whose first character is
        in ``risky`` as ``text(cell)``, the others as stored; no date, no supersedes, no value
        (a void) as an empty cell. What ``number`` and ``tags`` return is written as it is."""
        if self._conn is None:
            return
        conn = self._conn
        damaged: list[bool] = []

        def checked(convert: Callable[..., str]) -> Callable[..., str]:
            def call(*cell: Any) -> str:
                try:
                    return convert(*cell)
                except (ValueError, TypeError, LookupError):
                    damaged.append(True)  # the query fails; the stream says why below
                    raise

            return call

        first = set(risky)
        conn.create_function(
            "wsp_number", 1, checked(lambda v: number(float(v))), deterministic=True
        )
        conn.create_function(
            "wsp_tags", 1, checked(lambda v: tags(tags_from_text(v))), deterministic=True
        )
        conn.create_function(
            "wsp_text",
            1,
            lambda v: text(v) if type(v) is str and v[:1] in first else v,
            deterministic=True,
        )
        conn.create_function("wsp_kind", 1, checked(_bad_kind), deterministic=True)
        index = "entries_aggregate" if self.schema_version() >= 2 else "entries_indicator_period"
        read = 0
        with self._sqlite_errors():
            own = not conn.in_transaction
            if own:
                conn.execute("BEGIN")
            try:
                try:
                    cursor = conn.execute(_cells_sql(risky))
                    while rows := cursor.fetchmany(batch):
                        read += len(rows)
                        yield rows
                except sqlite3.OperationalError:
                    if damaged:
                        raise self._damaged() from None
                    raise
                cursor.close()
                indexed = conn.execute(f"SELECT count(*) FROM entries INDEXED BY {index}")
                if int(indexed.fetchone()[0]) != read:
                    raise self._damaged()
            finally:  # (an iterator left unfinished may be closed after the store)
                if own and self._conn is conn and conn.in_transaction:
                    conn.execute("COMMIT")

    def _stream(self, convert: Callable[[Sequence[Any]], _T], batch: int) -> Iterator[_T]:
        if self._conn is None:
            return
        index = "entries_aggregate" if self.schema_version() >= 2 else "entries_indicator_period"
        conn = self._conn
        read = 0
        with self._sqlite_errors():
            own = not conn.in_transaction
            if own:
                conn.execute("BEGIN")
            try:
                cursor = conn.execute(f"SELECT {_COLUMNS} FROM entries ORDER BY seq")
                while rows := cursor.fetchmany(batch):
                    read += len(rows)
                    try:
                        entries = [convert(row) for row in rows]
                    except (ValueError, TypeError, LookupError):
                        raise self._damaged() from None
                    yield from entries
                    del entries
                cursor.close()
                indexed = conn.execute(f"SELECT count(*) FROM entries INDEXED BY {index}")
                if int(indexed.fetchone()[0]) != read:
                    raise self._damaged()
            finally:  # (an iterator left unfinished may be closed after the store)
                if own and self._conn is conn and conn.in_transaction:
                    conn.execute("COMMIT")

    def count(self) -> int:
        rows = self._query("SELECT count(*) FROM entries")
        return int(rows[0][0]) if rows else 0

    def indicator_count(self) -> int:
        """How many indicators have entries (one pass over the covering index's first column)."""
        rows = self._query("SELECT count(DISTINCT indicator_id) FROM entries")
        return int(rows[0][0]) if rows else 0

    def _damaged(self) -> StoreError:
        return StoreError(t("store.damaged", path=self._path), hint=t("store.damaged.hint"))

    def _entry(self, row: Sequence[Any]) -> Entry:
        """An entry from a table row; a row that cannot be one means a damaged store."""
        try:
            return _row_to_entry(row)
        except (ValueError, TypeError, LookupError):
            raise self._damaged() from None

    def _uid_indexed(self, uid: str) -> bool:
        """Whether the uid index (not the table) knows ``uid``: a row found there and not in
        the table means a damaged table."""
        return bool(self._query("SELECT seq FROM entries WHERE uid = ?", (uid,)))

    def uids(self, prefix: str = "", limit: int = 100) -> list[str]:
        """At most ``limit`` uids starting with ``prefix``, in uid order (the uid index alone)."""
        rows = self._query(
            "SELECT uid FROM entries WHERE uid >= ? AND uid < ? ORDER BY uid LIMIT ?",
            (prefix, prefix + "\U0010ffff", limit),
        )
        return [str(r[0]) for r in rows]

    def get(self, uid: str) -> Entry | None:
        """The entry with this uid or with this unique uid prefix (at least 4 characters):
        the uids come from the uid index alone, the row from the table."""
        row = find_by_uid(
            uid,
            lambda u: self._query(f"SELECT {_COLUMNS} FROM entries WHERE uid = ?", (u,)),
            lambda prefix: self.uids(prefix, AMBIGUOUS_SHOWN + 1),
            short=self._refuse_damaged,
            vanished=self._damaged,
        )
        return None if row is None else self._entry(row)

    def _refuse_damaged(self, uid: str) -> None:
        """A uid the index knows and the table does not is damage (StoreError, exit 3)."""
        if self._uid_indexed(uid):
            raise self._damaged()

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
        ``value``, ``note`` and ``source`` when given, in insertion order. Read through the
        (indicator, period) index, and the supersessions through theirs, so the cost does not
        grow with the store."""
        sql = (
            f"SELECT {_COLUMNS} FROM entries e WHERE indicator_id = ? AND period = ?"
            " AND kind <> 'void'"
        )
        params: list[Any] = [indicator_id, period]
        for column, wanted in (("value", value), ("note", note), ("source", source)):
            if wanted is not None:
                sql += f" AND {column} = ?"
                params.append(wanted)
        sql += (
            " AND NOT EXISTS (SELECT 1 FROM entries c"
            " WHERE c.supersedes = e.uid AND c.supersedes IS NOT NULL) ORDER BY seq"
        )
        return [self._entry(r) for r in self._query(sql, params)]

    def superseded_by(self, indicator_id: str | None = None) -> dict[str, str]:
        """Map of superseded uid -> the uid of the entry that supersedes it; of one indicator's
        entries only when ``indicator_id`` is given (a correction or void has its entry's
        indicator), read through that indicator's rows, whatever the size of the store."""
        if indicator_id is not None:
            rows = self._query(
                "SELECT supersedes, uid FROM entries"
                " WHERE indicator_id = ? AND supersedes IS NOT NULL",
                (indicator_id,),
            )
            indexed = None  # the indicator's rows are checked against its index by entries()
        else:
            rows = self._query("SELECT supersedes, uid FROM entries WHERE supersedes IS NOT NULL")
            indexed = self._query(
                "SELECT count(*) FROM entries INDEXED BY entries_supersedes"
                " WHERE supersedes IS NOT NULL"
            )
        if (indexed and int(indexed[0][0]) != len(rows)) or any(
            not isinstance(r[0], str) or not isinstance(r[1], str) for r in rows
        ):
            raise self._damaged()
        return {r[0]: r[1] for r in rows}

    def summaries(
        self,
        as_of: date | str | None = None,
        indicator_ids: Iterable[str] | None = None,
        period: str | Iterable[str] | None = None,
    ) -> list[PeriodSummary]:
        """Per (indicator, period), what aggregation needs, computed in SQL.

        Counts the *effective* entries (not superseded, not voids), as
        :func:`wspolpraca_cli.entries.effective` does; with ``as_of``, an entry whose date is
        later than ``as_of`` does not count; ``period`` keeps one period (or those listed) only.
        Ordered by
        indicator id and period.

        One pass over the covering index ``entries_aggregate``; superseded entries are left out
        by their ``seq``, found through the (few) superseding entries. Measured on 1,000,000
        entries with 10,000 corrections: 0.4 s (0.17 s without corrections).
        """
        if indicator_ids is None and period is None:
            return joined_parts(self.summary_parts(as_of))
        found = _counted_where(as_of, indicator_ids, period)
        if found is None:
            return []
        return _in_order(self._summaries(*found))

    def summary_parts(self, as_of: date | str | None = None) -> Iterator[SummaryPart]:
        """The summaries of every indicator (:meth:`summaries`) in parts by indicator id, each
        handed over as soon as it is read, so that a caller can work on one part while the
        next is read.

        A large read-only store is read in two parts at once, through two connections:
        SQLite scans the covering index without Python's lock, so on a second core the
        aggregation takes about half its time. The first part, read here, is the smaller
        (:data:`_FIRST_SHARE` of the entries); while its caller works on it, a thread reads
        the rest into a temporary table in one step (fetching rows needs Python's lock, a
        step does not), fetched when the caller asks for the second part. The parts meet at
        an indicator picked from a few dozen entries spread over the table.

        Each part is read in a transaction that also reads the highest ``seq``: entries are
        only ever appended, so the same highest ``seq`` is the same entries. Should a write
        land between the two reads (or the second fail), the last part is every indicator's
        summaries read again in one, marked ``anew``."""
        found = _counted_where(as_of, None, None)
        assert found is not None  # only an empty list of ids or periods leaves nothing
        where, params = found
        split = self._parallel_split()
        if split is None:
            yield SummaryPart(None, None, _in_order(self._summaries(where, params)))
            return
        rest = _summaries_sql(f"{where} AND e.indicator_id >= ?")
        with self._second_read(rest, [*params, split]) as second:
            with self._sqlite_errors():
                last, first = self._summaries_half(where, [*params, split])
            yield SummaryPart(None, split, _in_order(first))
            read = second.rows()
        if read is None or read[0] != last:
            # the second part could not be read, or saw other entries: all of it again, in one
            yield SummaryPart(None, None, _in_order(self._summaries(where, params)), anew=True)
        else:
            yield SummaryPart(split, None, _in_order(self._summary_rows(read[1])))

    def _second_read(self, sql: str, params: Sequence[Any]) -> _SecondRead:
        """``sql`` read beside the caller, on a connection of its own (:class:`_SecondRead`)."""
        conn = self._conn
        assert conn is not None
        with self._sqlite_errors():
            timeout = int(conn.execute("PRAGMA busy_timeout").fetchone()[0]) / 1000
        return _SecondRead(self._path, timeout, sql, params)

    def _large_readonly(self) -> bool:
        """Whether this is a read-only store of :data:`_PARALLEL_PAGES` pages or more (read in
        two halves at once)."""
        conn = self._conn
        if conn is None or not self.readonly:
            return False
        with self._sqlite_errors():
            return int(conn.execute("PRAGMA page_count").fetchone()[0]) >= _PARALLEL_PAGES

    def _parallel_split(self) -> str | None:
        """Where :meth:`summary_parts` splits a large read-only store (None: read it in one)."""
        if not self._large_readonly():
            return None
        assert self._conn is not None
        with self._sqlite_errors():
            return self._split_indicator(self._conn)

    @staticmethod
    def _split_indicator(conn: sqlite3.Connection) -> str | None:
        """The indicator id below which lie about :data:`_FIRST_SHARE` of the entries, picked
        evenly over the table (by ``seq``)."""
        low, high = conn.execute(
            "SELECT (SELECT min(seq) FROM entries), (SELECT max(seq) FROM entries)"
        ).fetchone()
        if low is None or high is None:
            return None
        span = high - low
        spots = [low + int((k * 0.6180339887498949) % 1.0 * span) for k in range(1, 64)]
        rows = conn.execute(
            "SELECT (SELECT indicator_id FROM entries WHERE seq >= v.column1 ORDER BY seq"
            f" LIMIT 1) FROM (VALUES {', '.join(['(?)'] * len(spots))}) v",
            spots,
        ).fetchall()
        ids = sorted(r[0] for r in rows if isinstance(r[0], str))
        return ids[int(len(ids) * _FIRST_SHARE)] if ids else None

    def _summaries_half(self, where: str, params: Sequence[Any]) -> tuple[int, list[PeriodSummary]]:
        """The highest ``seq`` and the summaries of the indicators below the last parameter,
        in one read transaction."""
        sql = _summaries_sql(f"{where} AND e.indicator_id < ?")
        last, rows = self._read_with_last(sql, params, tuple)
        return last, self._summary_rows(rows)

    def _read_with_last(
        self, sql: str, params: Sequence[Any], row: Callable[[Sequence[Any]], _T]
    ) -> tuple[int, list[_T]]:
        """The highest ``seq`` and what ``row`` makes of each row of ``sql``, in one read
        transaction."""
        conn = self._conn
        assert conn is not None
        conn.execute("BEGIN")
        try:
            last = conn.execute("SELECT max(seq) FROM entries").fetchone()[0]
            rows = [row(r) for r in conn.execute(sql, params)]
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")
        return int(last or 0), rows

    def _summaries(self, where: str, params: Sequence[Any]) -> list[PeriodSummary]:
        return self._summary_rows(self._query(_summaries_sql(where), params))

    def _summary_rows(self, rows: Iterable[Sequence[Any]]) -> list[PeriodSummary]:
        summaries: list[PeriodSummary] = []
        for r in rows:
            if r[6] is None:
                raise self._damaged()
            summaries.append(
                PeriodSummary(
                    r[0],
                    r[1],
                    Aggregate(int(r[2]), float(r[3]), float(r[4]), float(r[5]), float(r[6])),
                )
            )
        return summaries

    def tag_summaries(
        self,
        as_of: date | str | None = None,
        indicator_ids: Iterable[str] | None = None,
    ) -> list[TagSummary]:
        """Per (indicator, period, breakdown tags), the aggregate of the entries
        :meth:`summaries` counts — the groups of one (indicator, period) partition its summary
        — ordered by indicator and period and, within those, by each group's latest entry.

        The tags are not in the covering index: the rows of ``indicator_ids`` are found
        through it and read from the table (cheap for a few indicators); for every indicator
        (``indicator_ids`` None) the table is read in one pass instead — on 1,000,000 entries
        1.2 s of CPU, where looking up each row through the index took 3.1 s. ``wsp status``
        of a programme without breakdowns never asks."""
        found = _counted_where(as_of, indicator_ids, None)
        if found is None:
            return []
        where, params = found
        scan = " NOT INDEXED" if indicator_ids is None else ""
        sql = f"""
            SELECT g.indicator_id, g.period, g.tags, g.n, g.total, g.lo, g.hi, l.value
            FROM (
                SELECT e.indicator_id, e.period, e.tags, count(*) AS n, total(e.value) AS total,
                       min(e.value) AS lo, max(e.value) AS hi, max(e.seq) AS last_seq
                FROM entries e{scan}
                WHERE {where}
                GROUP BY e.indicator_id, e.period, e.tags
            ) g LEFT JOIN entries l ON l.seq = g.last_seq
            ORDER BY g.indicator_id, g.period, g.last_seq
        """
        groups: list[TagSummary] = []
        for r in self._query(sql, params):
            if r[7] is None or not isinstance(r[2], str):
                raise self._damaged()
            try:
                tags = tags_from_text(r[2])
            except (ValueError, TypeError):
                raise self._damaged() from None
            values = Aggregate(int(r[3]), float(r[4]), float(r[5]), float(r[6]), float(r[7]))
            groups.append(TagSummary(r[0], r[1], tags, values))
        return groups

    def latest_entries(
        self,
        groups: Iterable[tuple[str, Sequence[str]]],
        as_of: date | str | None = None,
        limit: int = 10,
    ) -> list[Entry]:
        """The ``limit`` latest effective entries (by ``seq``) of each group in ``groups`` —
        an indicator and the period codes that count together — that count as of ``as_of``
        (those :meth:`summaries` aggregates), in insertion order. A bounded read for lists of
        entries (the report's notes): the groups' entries are ranked in the covering index,
        and only the chosen rows are read from the table."""
        import json

        wanted = entry_groups(groups)
        if not wanted or limit <= 0 or self._conn is None:
            return []
        dated = ""
        days: list[Any] = []
        if as_of is not None:
            dated = "AND (e.date IS NULL OR e.date <= ?)"
            days.append(as_of.isoformat() if isinstance(as_of, date) else as_of)

        def params(part: list[tuple[str, tuple[str, ...]]]) -> list[Any]:
            return [json.dumps(part, ensure_ascii=False), *days, limit]

        # The groups travel as one JSON parameter (no limit on their number); each group's
        # latest entries are picked in the index, then read from the table. The superseded
        # are left out by an anti-join on their (automatically indexed) list: where a group's
        # entries are also sorted, NOT IN cost twice as much (0.13 s against 0.06 s at
        # 1,000,000 entries).
        sql = f"""
            WITH wanted(indicator_id, codes) AS (
                SELECT value ->> 0, value -> 1 FROM json_each(?)
            ), superseded(seq) AS MATERIALIZED (
                SELECT o.seq FROM entries c INDEXED BY entries_supersedes
                JOIN entries o ON o.uid = c.supersedes WHERE c.supersedes IS NOT NULL
            )
            SELECT {", ".join("x." + c.strip() for c in _COLUMNS.split(","))}
            FROM wanted w JOIN entries x ON x.seq IN (
                SELECT e.seq FROM entries e INDEXED BY entries_aggregate
                LEFT JOIN superseded s ON s.seq = e.seq
                WHERE e.indicator_id = w.indicator_id
                  AND e.period IN (SELECT value FROM json_each(w.codes))
                  AND e.kind <> 'void' {dated} AND s.seq IS NULL
                ORDER BY e.seq DESC LIMIT ?
            )
        """
        # Rows become entries as the cursor gives them: the report's notes at 1,000,000
        # entries are 31,000 entries (when they were 85,000, holding their rows as well cost
        # 15 MiB at the peak). A large read-only store reads the second half of the groups
        # beside the first (:class:`_SecondRead`): at 1,000,000 entries 0.33-0.38 s instead
        # of 0.40-0.51; should a write land between the halves' reads, all are read in one.
        found: list[Entry] | None = None
        if len(wanted) >= _PARALLEL_GROUPS and self._large_readonly():
            half = len(wanted) // 2
            with self._second_read(sql, params(wanted[half:])) as second:
                with self._sqlite_errors():
                    last, found = self._read_with_last(sql, params(wanted[:half]), self._entry)
                read = second.rows()
            if read is None or read[0] != last:
                found = None
            else:
                found += [self._entry(row) for row in read[1]]
        if found is None:
            with self._sqlite_errors():
                found = [self._entry(row) for row in self._conn.execute(sql, params(wanted))]
        found.sort(key=lambda e: e.seq)
        return found

    # -- the audit trail: period locks and explanations (schema 4) -------------------------

    def add_lock_event(self, event: LockEvent) -> LockEvent:
        """Append a lock or an unlock (filling in an empty uid, time and user), in one
        transaction, after checking it against the events stored, read inside that
        transaction (:func:`~wspolpraca_cli.audit.check_lock_event`: InputError, exit 2)."""
        with self._write() as conn:
            check_lock_event(self._lock_events(conn), event)
            return self._insert_lock(conn, completed_event(event, current_user()))

    @staticmethod
    def _insert_lock(conn: sqlite3.Connection, event: LockEvent) -> LockEvent:
        cursor = conn.execute(
            "INSERT INTO period_locks (uid, period, action, reason, recorded_by, recorded_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (event.uid, event.period, event.action.value, event.reason, event.recorded_by,
             event.recorded_at),
        )  # fmt: skip
        return replace(event, seq=cursor.lastrowid or 0)

    def lock_events(self) -> list[LockEvent]:
        """Every lock and unlock, in the order they were appended."""
        if self._conn is None:
            return []
        with self._sqlite_errors():
            return self._lock_events(self._conn)

    def _lock_events(self, conn: sqlite3.Connection) -> list[LockEvent]:
        if self._version(conn) < 4:
            return []
        rows = conn.execute(
            "SELECT seq, uid, period, action, reason, recorded_by, recorded_at"
            " FROM period_locks ORDER BY seq"
        ).fetchall()
        return [LockEvent(uid, period, LockAction(action), reason, by, at, seq)
                for seq, uid, period, action, reason, by, at in rows]  # fmt: skip

    def add_explanation(self, explanation: Explanation) -> Explanation:
        """Append an explanation or a withdrawal (filling in an empty uid, time and user) in
        one transaction, after :func:`~wspolpraca_cli.audit.check_explanation` against the
        events of its indicator and period, read inside that transaction."""
        with self._write() as conn:
            earlier = self._explanations(conn, explanation.indicator_id, explanation.period)
            check_explanation(earlier, explanation)
            return self._insert_explanation(conn, completed_event(explanation, current_user()))

    @staticmethod
    def _insert_explanation(conn: sqlite3.Connection, explanation: Explanation) -> Explanation:
        cursor = conn.execute(
            "INSERT INTO explanations"
            " (uid, indicator_id, period, kind, text, recorded_by, recorded_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (explanation.uid, explanation.indicator_id, explanation.period,
             explanation.kind.value, explanation.text, explanation.recorded_by,
             explanation.recorded_at),
        )  # fmt: skip
        return replace(explanation, seq=cursor.lastrowid or 0)

    def explanations(self, indicator_id: str | None = None) -> list[Explanation]:
        """Every explanation and withdrawal (of one indicator when given), in order."""
        if self._conn is None:
            return []
        with self._sqlite_errors():
            return self._explanations(self._conn, indicator_id)

    def _explanations(
        self, conn: sqlite3.Connection, indicator_id: str | None = None, period: str | None = None
    ) -> list[Explanation]:
        if self._version(conn) < 4:
            return []
        sql = (
            "SELECT seq, uid, indicator_id, period, text, kind, recorded_by, recorded_at"
            " FROM explanations"
        )
        params: list[str] = []
        if indicator_id is not None:
            sql += " WHERE indicator_id = ?"
            params.append(indicator_id)
            if period is not None:
                sql += " AND period = ?"
                params.append(period)
        rows = conn.execute(sql + " ORDER BY seq", params).fetchall()
        return [Explanation(uid, ind, period, text, ExplanationKind(kind), by, at, seq)
                for seq, uid, ind, period, text, kind, by, at in rows]  # fmt: skip

    @staticmethod
    def _version(conn: sqlite3.Connection) -> int:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])

    def integrity_check(self) -> str:
        rows = self._query("PRAGMA integrity_check")
        return ", ".join(str(r[0]) for r in rows) if rows else "ok"

    def schema_version(self) -> int:
        rows = self._query("PRAGMA user_version")
        return int(rows[0][0]) if rows else SCHEMA_VERSION

    def verify(self, *, full: bool = False) -> list[str]:
        """What is wrong with the store; empty when it is intact (or nothing is stored yet).

        SQLite's ``PRAGMA quick_check``: the structure of every page, the order of every
        b-tree, the NOT NULL and CHECK constraints (about 0.25 s at 1,000,000 entries). With
        ``full``, ``PRAGMA integrity_check`` instead (the indexes against the table too and
        their uniqueness, about 3 s) and wsp's own rules
        (:func:`~.sqlite_schema.invariant_problems`). What cannot be read at all is a
        problem too, never an exception; SQLite's own findings are in its words, one a line.
        """
        if self._conn is None:
            return []
        conn = self._conn

        def pragma(name: str) -> list[str]:
            found = [str(r[0]) for r in conn.execute(f"PRAGMA {name}(100)").fetchall()]
            lines = [line for text in found for line in text.splitlines()]
            return [line for line in lines if line != "ok" and not line.startswith("*** in ")]

        try:
            if not full:
                return pragma("quick_check")
            try:
                problems = pragma("integrity_check")
            except sqlite3.DatabaseError as exc:  # a page it cannot read: say which
                return pragma("quick_check") or [str(exc)]
            return problems or sqlite_schema.invariant_problems(conn)
        except sqlite3.DatabaseError as exc:
            return [str(exc)]

    def _checked_for_writing(self) -> SqliteStore:
        """This store, opened for writing; a small one passes the quick check first.

        Damage that no statement of a write happens to read would otherwise let entries be
        added to a damaged store. Up to :data:`~.sqlite_open.WRITE_CHECK_PAGES` pages the
        quick check costs at most about 15 ms; a larger store (the check would cost about
        0.25 s at 1,000,000 entries, more than ``record`` itself) relies on SQLite finding
        the damage in the pages the write reads, which rolls the write back (exit 3).
        """
        if self.readonly or self._conn is None:
            return self
        pages = int(self._conn.execute("PRAGMA page_count").fetchone()[0])
        if pages > sqlite_open.WRITE_CHECK_PAGES:
            return self
        problems = self.verify()
        if problems:
            self.close()
            raise StoreError(
                t("store.damaged_not_written", path=self._path, problem=problems[0]),
                hint=t("store.quick_check_failed.hint"),
            )
        return self

    # -- the grants register (schema 5) -------------------------------------------------------

    @contextmanager
    def importing_grants(self, *, dry_run: bool = False) -> Iterator[GrantImport]:
        """One transaction for a whole register import, as :meth:`importing` (all or nothing;
        committed at the end unless ``dry_run`` or discarded)."""
        with self.importing(dry_run=dry_run) as session:
            yield GrantImport(session)

    def add_grant(self, row: GrantRow) -> GrantRow:
        """Append one row (new, a correction or a void) in one transaction, the locks and the
        superseded row read inside it; fills in an empty uid, recorded_at and recorded_by.
        Returns the row with its ``seq``."""
        with self._write() as conn:
            locks = active_locks(self._lock_events(conn))
            return self._insert_grant(conn, completed_grant(row, current_user()), locks)

    def _insert_grant(
        self, conn: sqlite3.Connection, row: GrantRow, locks: Sequence[LockEvent]
    ) -> GrantRow:
        check_grant(row)
        if locks:
            refuse_locked(locks, str(row.year))
        if row.supersedes is not None:
            found = conn.execute(
                f"SELECT {GRANT_SELECT} FROM grants WHERE uid = ?", (row.supersedes,)
            ).fetchone()
            later = conn.execute(
                "SELECT uid FROM grants WHERE supersedes = ?", (row.supersedes,)
            ).fetchone()
            target = None if found is None else self._grant(found)
            refuse_superseding(row, target, None if later is None else str(later[0]), locks)
        try:
            cursor = conn.execute(_GRANT_INSERT, grant_values(row))
        except sqlite3.IntegrityError as exc:
            raise _grant_refused(row, exc) from None
        return replace(row, seq=cursor.lastrowid or 0)

    def _grant_query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """Rows of a query of the grants table; none from a store without it (schema < 5, or
        nothing stored yet)."""
        if self._conn is None:
            return []
        with self._sqlite_errors():
            if self._version(self._conn) < GRANTS_VERSION:
                return []
            return self._conn.execute(sql, params).fetchall()

    def iter_grants(self, batch: int = 2000) -> Iterator[GrantRow]:
        """Every row (every version) in insertion order, read from a cursor a batch at a time
        in one read transaction."""
        if self._conn is None:
            return
        conn = self._conn
        with self._sqlite_errors():
            if self._version(conn) < GRANTS_VERSION:
                return
            own = not conn.in_transaction
            if own:
                conn.execute("BEGIN")
            try:
                cursor = conn.execute(f"SELECT {GRANT_SELECT} FROM grants ORDER BY seq")
                while rows := cursor.fetchmany(batch):
                    yield from [self._grant(row) for row in rows]
                cursor.close()
            finally:  # (an iterator left unfinished may be closed after the store)
                if own and self._conn is conn and conn.in_transaction:
                    conn.execute("COMMIT")

    def grant_aggregates(self, queries: Sequence[GrantQuery]) -> list[GrantAggregate]:
        """Each query answered in SQL over the effective rows (see
        :func:`~.shared_grants.aggregate_sql`), ordered by key, year and group, a year's total
        before its groups."""
        found: list[GrantAggregate] = []
        with self._larger_cache():
            for query in queries:
                sql, params = aggregate_sql(query, "grants", "?")
                found += grant_aggregates_of(query, self._grant_query(sql, params))
        return ordered_aggregates(found)

    @contextmanager
    def _larger_cache(self) -> Iterator[None]:
        """SQLite's page cache raised (to :data:`_IMPORT_CACHE_KIB`) while a series of queries
        scans the grants register: with the default 2 MiB, each of them read the whole table
        from the file again (at 100,000 rows, status with six computed indicators spent more
        time in the kernel than in SQLite)."""
        conn = self._conn
        if conn is None:
            yield
            return
        with self._sqlite_errors():
            cache = conn.execute("PRAGMA cache_size").fetchone()[0]
            conn.execute(f"PRAGMA cache_size = -{_IMPORT_CACHE_KIB}")
        try:
            yield
        finally:
            with self._sqlite_errors():
                conn.execute(f"PRAGMA cache_size = {int(cache)}")


def _summaries_sql(where: str) -> str:
    """The per-(indicator, period) aggregates of the entries ``where`` picks: the groups come
    from the covering index, the last value from the table. A LEFT JOIN keeps a group whose
    row the table cannot give back (a damaged table): that is damage, never a period without
    data."""
    return f"""
        SELECT g.indicator_id, g.period, g.n, g.total, g.lo, g.hi, l.value
        FROM (
            SELECT e.indicator_id, e.period, count(*) AS n, total(e.value) AS total,
                   min(e.value) AS lo, max(e.value) AS hi, max(e.seq) AS last_seq
            FROM entries e
            WHERE {where}
            GROUP BY e.indicator_id, e.period
        ) g LEFT JOIN entries l ON l.seq = g.last_seq
    """


class _SecondRead:
    """A read of a large read-only store beside the caller's own, in a thread, on a connection
    of its own: SQLite runs a statement without Python's lock, so the two share the machine's
    cores.

    The rows of ``sql`` are put in a temporary table (in memory) in one step, which needs no
    Python lock, in a read transaction that also reads the highest ``seq``; they are fetched
    only when the caller asks for them (:meth:`rows`): fetching needs the lock for every row,
    and while the caller runs Python each row would wait for it. Used as a context manager:
    leaving it lets the thread finish, whatever happened."""

    def __init__(self, path: Path, timeout: float, sql: str, params: Sequence[Any]) -> None:
        import threading

        self._asked = threading.Event()
        self._outcome: tuple[int, list[Any]] | BaseException | None = None
        self._thread = threading.Thread(
            target=self._read, args=(path, timeout, sql, params), name="wsp-read", daemon=True
        )
        self._thread.start()

    def _read(self, path: Path, timeout: float, sql: str, params: Sequence[Any]) -> None:
        try:
            conn = sqlite_open.connect_readonly(path, timeout)
        except BaseException as exc:
            self._outcome = exc
            return
        try:
            conn.execute("PRAGMA temp_store = MEMORY")  # (outside a transaction)
            conn.execute("BEGIN")
            last = conn.execute("SELECT max(seq) FROM entries").fetchone()[0]
            conn.execute(f"CREATE TEMP TABLE staged AS {sql}", params)
            self._asked.wait()
            self._outcome = (int(last or 0), conn.execute("SELECT * FROM staged").fetchall())
        except BaseException as exc:
            self._outcome = exc
        finally:
            conn.close()

    def rows(self) -> tuple[int, list[Any]] | None:
        """The highest ``seq`` the read saw and its rows, in order (None: it failed)."""
        self._asked.set()
        self._thread.join()
        found = self._outcome
        return None if found is None or isinstance(found, BaseException) else found

    def __enter__(self) -> _SecondRead:
        return self

    def __exit__(self, *exc: object) -> None:
        self._asked.set()
        self._thread.join()


_PARALLEL_PAGES = 4096
"""From this many pages (16 MiB, about 100,000 entries) a whole store's summaries are read in
two parts at once (:meth:`SqliteStore.summary_parts`); below, one read is quicker."""

_PARALLEL_GROUPS = 64
"""From this many groups :meth:`SqliteStore.latest_entries` reads a large store in two halves."""

_FIRST_SHARE = 0.45
"""The share of the entries in the first of two parts (:meth:`SqliteStore.summary_parts`):
less than half, as its caller works on it while the second is still read. At 1,000,000
entries, ``wsp status`` then evaluates the first part while the second is read (0.1 s
sooner than with halves: about 0.7 s instead of 0.8, after start-up)."""


def _in_order(summaries: list[PeriodSummary]) -> list[PeriodSummary]:
    return sorted(summaries, key=lambda s: (s.indicator_id, s.period))


def _counted_where(
    as_of: date | str | None,
    indicator_ids: Iterable[str] | None,
    period: str | Iterable[str] | None,
) -> tuple[str, list[Any]] | None:
    """The condition (on ``entries e``) and its parameters that pick the entries a summary
    counts: effective (not superseded, not voids), not dated after ``as_of``, of the
    indicators and periods given; None when an empty list of them leaves nothing."""
    params: list[Any] = []
    where: list[str] = ["e.kind <> 'void'"]
    periods = [period] if isinstance(period, str) else None if period is None else list(period)
    if periods is not None:
        if not periods:
            return None
        where.append(f"e.period IN ({', '.join('?' * len(periods))})")
        params.extend(periods)
    if as_of is not None:
        where.append("(e.date IS NULL OR e.date <= ?)")
        params.append(as_of.isoformat() if isinstance(as_of, date) else as_of)
    if indicator_ids is not None:
        ids = list(indicator_ids)
        if not ids:
            return None
        marks = ", ".join("?" * len(ids))
        where.append(f"e.indicator_id IN ({marks})")
        params.extend(ids)
        # A correction or void has its entry's indicator (see _check): look for the
        # superseding entries of these indicators only, through their index.
        where.append(
            "e.seq NOT IN (SELECT o.seq FROM entries c JOIN entries o ON o.uid = c.supersedes"
            f" WHERE c.indicator_id IN ({marks}) AND c.supersedes IS NOT NULL)"
        )
        params.extend(ids)
    else:
        where.append(  # superseded entries, found through the few superseding ones
            "e.seq NOT IN (SELECT o.seq FROM entries c INDEXED BY entries_supersedes"
            " JOIN entries o ON o.uid = c.supersedes WHERE c.supersedes IS NOT NULL)"
        )
    return " AND ".join(where), params


def _scratch(path: Path) -> SqliteStore:
    """An empty store in a private temporary file (SQLite's ``""``), deleted when closed: its
    pages go to disk, so a dry run of a large file into a store not created yet stays small."""
    conn = sqlite3.connect("", isolation_level=None)
    sqlite_schema.migrate(conn, path)
    return SqliteStore(path, conn, readonly=False)


_IMPORT_CACHE_KIB = 64 * 1024
"""SQLite's page cache during an import (KiB): bounded, whatever the number of rows."""
_LOOKUP = 500
"""How many uids one presence query asks for (well under SQLite's limit on parameters)."""
_INSERT = (
    "INSERT INTO entries (uid, indicator_id, period, value, kind, date, note, source,"
    " tags, recorded_by, recorded_at, supersedes, reason)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_ROWS = (256, 64, 16, 4, 1)
"""How many rows one INSERT of an import's records holds: as many of the largest as fit, then
of the next (100 rows: 64 + 16 + 16 + 4), so that a few statements, each prepared once, insert
any number of rows. One INSERT of many rows opens the table's and its indexes' cursors once
(an ``executemany`` opens them for every row): at 200,000 rows 1.1–1.3 s instead of 2.0–2.4."""


@cache
def _insert_many(rows: int) -> str:
    """The INSERT of ``rows`` records, OR FAIL: should the schema refuse one, the rows before
    it stay (as they would have as statements of their own), so SQLite needs no statement
    journal to undo them."""
    one = "(" + ", ".join("?" * 13) + ")"
    return _INSERT.replace("INSERT", "INSERT OR FAIL", 1).split(" VALUES ")[0] + (
        " VALUES " + ", ".join([one] * rows)
    )


def _row_values(entry: Entry) -> tuple[Any, ...]:
    return (
        entry.uid,
        entry.indicator_id,
        entry.period,
        entry.value,
        entry.kind.value,
        entry.date,
        entry.note,
        entry.source,
        tags_to_text(entry.tags) if entry.tags else "[]",
        entry.recorded_by,
        entry.recorded_at,
        entry.supersedes,
        entry.reason,
    )


class SqliteImport:
    """An import under way, inside one write transaction (see :meth:`SqliteStore.importing`).

    Each batch costs one presence query per :data:`_LOOKUP` uids (through the uid index) and
    one ``executemany`` of its new records; a correction or void is checked against the store
    and inserted on its own, after the records before it. Nothing of the batch is kept."""

    def __init__(self, store: SqliteStore, conn: sqlite3.Connection) -> None:
        self._store = store
        self._conn = conn
        self.discarded = False
        self._now = now_utc()
        self._user = ""
        self._locks = active_locks(store._lock_events(conn))  # inside the import's transaction

    def discard(self) -> None:
        """Store nothing: the transaction is rolled back at the end of the import."""
        self.discarded = True

    def add_trail(self, events: Sequence[LockEvent | Explanation]) -> BatchOutcome:
        """Add audit events copied from another store (see ``ImportSession.add_trail``)."""
        store, conn = self._store, self._conn
        with store._sqlite_errors():
            locks, explanations = store._lock_events(conn), store._explanations(conn)
            outcome = place_trail(
                events,
                locks,
                explanations,
                lambda e: store._insert_lock(conn, e),
                lambda e: store._insert_explanation(conn, e),
            )
            self._locks = active_locks(locks)
        return outcome

    def add(self, entries: Sequence[Entry]) -> BatchOutcome:
        """Add the entries of one batch whose uid is new; report those present (the same uid
        and content) and those that cannot be stored, by their index in ``entries``."""
        store, conn = self._store, self._conn
        with store._sqlite_errors():
            found = self._present([e.uid for e in entries if e.uid])
            added = present = 0
            rejected: list[tuple[int, InputError]] = []
            batch: dict[str, Entry] = {}  # uid -> the entry of this batch it was given first
            pending: list[tuple[int, Entry]] = []
            for index, given in enumerate(entries):
                earlier = batch.get(given.uid)
                row = found.get(given.uid) if earlier is None else None
                if earlier is not None or row is not None:
                    # compared as given: an empty recorded_at/by matches what the store filled in
                    existing = earlier if earlier is not None else store._entry(row or ())
                    if same_content(existing, given):
                        present += 1
                    else:
                        rejected.append((index, InputError(t("store.uid_conflict", uid=given.uid))))
                    continue
                complete = given.uid and given.recorded_at and given.recorded_by
                entry = given if complete else self._completed(given)
                if self._locks:
                    try:
                        refuse_locked(self._locks, entry.period)
                    except InputError as exc:
                        rejected.append((index, exc))
                        continue
                batch[entry.uid] = entry
                if entry.supersedes is None:
                    # a record as its rows are in an export is checked here (the rules of
                    # _check, without a call), the rest by _check itself for its message
                    if (
                        entry.kind is not _RECORD
                        or entry.value is None
                        or not entry.indicator_id
                        or not entry.period
                        or not valid_uid(entry.uid)
                    ):
                        try:
                            store._check(conn, entry)
                        except InputError as exc:
                            rejected.append((index, exc))
                            continue
                    pending.append((index, entry))
                    continue
                added += self._flush(pending, rejected)  # what it supersedes may be among them
                try:
                    store._insert(conn, entry)
                    added += 1
                except InputError as exc:
                    rejected.append((index, exc))
            added += self._flush(pending, rejected)
        rejected.sort(key=lambda r: r[0])
        return BatchOutcome(added, present, rejected)

    def _completed(self, entry: Entry) -> Entry:
        """What the store fills in (:func:`completed`), the time and user taken once."""
        if entry.uid and entry.recorded_at and entry.recorded_by:
            return entry
        if not entry.recorded_by and not self._user:
            self._user = current_user()
        return replace(
            entry,
            uid=entry.uid or new_uid(),
            recorded_at=entry.recorded_at or self._now,
            recorded_by=entry.recorded_by or self._user,
        )

    def _present(self, uids: list[str]) -> dict[str, Sequence[Any]]:
        """The stored rows of these uids, through the uid index."""
        found: dict[str, Sequence[Any]] = {}
        for i in range(0, len(uids), _LOOKUP):
            part = uids[i : i + _LOOKUP]
            marks = ", ".join("?" * len(part))
            for row in self._conn.execute(
                f"SELECT {_COLUMNS} FROM entries WHERE uid IN ({marks})", part
            ):
                found[row[1]] = row
        return found

    def _flush(
        self, pending: list[tuple[int, Entry]], rejected: list[tuple[int, InputError]]
    ) -> int:
        """Insert the checked records waiting in ``pending`` (emptied); how many were added.

        Several rows per INSERT (:data:`_INSERT_ROWS`), without a savepoint: a savepoint
        makes SQLite copy every page the batch touches into a statement journal (a quarter
        of an import's insert time). Should the schema refuse a row after all, the rows
        before it are in (counted by the connection's changes) and the refused one is not;
        it is inserted again on its own to name the reason, then the rest go on the same
        way."""
        conn = self._conn
        added = 0
        rest = [_row_values(e) for _, e in pending]
        at = 0  # the index in pending of rest's first row
        while rest:
            before = conn.total_changes
            try:
                self._insert_rows(rest)
            except sqlite3.IntegrityError:
                done = conn.total_changes - before  # the rows before the refused one
                added += done
                index, entry = pending[at + done]
                try:
                    self._store._insert(conn, entry)
                    added += 1
                except InputError as exc:
                    rejected.append((index, exc))
                rest = rest[done + 1 :]
                at += done + 1
                continue
            added += len(rest)
            break
        pending.clear()
        return added

    def _insert_rows(self, rows: list[tuple[Any, ...]]) -> None:
        """Insert ``rows`` in their order, several per statement (:data:`_INSERT_ROWS`)."""
        conn, start = self._conn, 0
        for size in self._sizes:
            sql = _insert_many(size) if size > 1 else _INSERT
            while len(rows) - start >= size:
                conn.execute(sql, list(chain.from_iterable(rows[start : start + size])))
                start += size

    @cached_property
    def _sizes(self) -> tuple[int, ...]:
        """:data:`_INSERT_ROWS` that fit in SQLite's limit on a statement's parameters."""
        limit = self._conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        return tuple(n for n in _INSERT_ROWS if n * 13 <= limit)

    # -- grant rows (schema 5) ----------------------------------------------------------------

    def add_grants(self, rows: Sequence[GrantRow]) -> BatchOutcome:
        """Add grant rows copied from another store (see ``ImportSession.add_grants``)."""
        return self.grant_batch(rows, None)

    def grant_batch(self, rows: Sequence[GrantRow], seen_refs: set[str] | None) -> BatchOutcome:
        """One batch of grant rows: looked up with a query each for its uids (and the rows
        they supersede), the supersessions of those and the live rows of its refs, planned by
        :func:`~.shared_grants.plan_batch`, inserted with one ``executemany``. ``seen_refs``
        None: a copy (rows as given), else an import (refs matched)."""
        store, conn = self._store, self._conn
        with store._sqlite_errors():
            by_uid = self._grants_where("uid", batch_keys(rows))
            targets = list(dict.fromkeys(r.supersedes for r in rows if r.supersedes))
            superseded: dict[str, str] = {}
            for part in _chunks(targets):
                marks = ", ".join("?" * len(part))
                for target, uid in conn.execute(
                    f"SELECT supersedes, uid FROM grants WHERE supersedes IN ({marks})", part
                ):
                    superseded[target] = uid
            live: dict[str, list[GrantRow]] = {}
            refs = [] if seen_refs is None else refs_to_match(rows, by_uid)
            for row in self._grants_where("ref", refs, live=True).values():
                live.setdefault(row.ref, []).append(row)
            lookups = GrantLookups(by_uid, by_uid, superseded, live)
            plan = plan_batch(rows, lookups, self._locks, self._completed_grant, seen_refs)
            added = self._insert_grants(plan.insert, plan.rejected)
        plan.rejected.sort(key=lambda r: r[0])
        return grant_outcome(added, plan)

    def _completed_grant(self, row: GrantRow) -> GrantRow:
        if not row.recorded_by and not self._user:
            self._user = current_user()
        return completed_grant(row, self._user, self._now)

    def _grants_where(
        self, column: str, values: list[str], *, live: bool = False
    ) -> dict[str, GrantRow]:
        """The stored rows whose ``column`` (uid or ref) is one of ``values``, by uid (the
        live ones only when ``live``), in insertion order."""
        found: dict[str, GrantRow] = {}
        effective = (  # (ref <> '': the ref index is partial)
            " AND g.ref <> '' AND NOT g.void AND NOT EXISTS (SELECT 1 FROM grants c"
            " WHERE c.supersedes = g.uid AND c.supersedes IS NOT NULL)"
            if live
            else ""
        )
        for part in _chunks(values):
            marks = ", ".join("?" * len(part))
            for row in self._conn.execute(
                f"SELECT {GRANT_SELECT} FROM grants g WHERE g.{column} IN ({marks}){effective}"
                " ORDER BY g.seq",
                part,
            ):
                grant = self._store._grant(row)
                found[grant.uid] = grant
        return found

    def _insert_grants(
        self, rows: list[tuple[int, GrantRow]], rejected: list[tuple[int, InputError]]
    ) -> int:
        """Insert the planned rows (one ``executemany``); should the schema refuse one after
        all, they are inserted one by one to name it."""
        if not rows:
            return 0
        conn = self._conn
        conn.execute("SAVEPOINT grants")
        try:
            conn.executemany(_GRANT_INSERT, [grant_values(row) for _, row in rows])
        except sqlite3.IntegrityError:
            conn.execute("ROLLBACK TO grants")
            added = 0
            for index, row in rows:
                try:
                    conn.execute(_GRANT_INSERT, grant_values(row))
                    added += 1
                except sqlite3.IntegrityError as exc:
                    rejected.append((index, _grant_refused(row, exc)))
            return added
        finally:
            conn.execute("RELEASE grants")
        return len(rows)


_GRANT_INSERT = f"INSERT INTO grants ({GRANT_INSERT_COLUMNS}) VALUES ({', '.join('?' * 21)})"


def _chunks(values: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(values), _LOOKUP):
        yield values[i : i + _LOOKUP]


def _grant_refused(row: GrantRow, exc: sqlite3.IntegrityError) -> InputError:
    """A row the schema refused, as the rule it broke."""
    text = str(exc)
    if "supersedes" in text:
        return InputError(t("store.grant_superseded", uid=row.supersedes))
    if "uid" in text:
        return InputError(t("store.grant_uid_conflict", uid=row.uid))
    return InputError(t("store.grant_invalid", uid=row.uid, error=text))


def open_sqlite(
    path: Path,
    *,
    readonly: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    create_folders: bool = False,
) -> SqliteStore:
    """Open (and, unless ``readonly``, create and migrate) the store at ``path``.

    ``readonly`` on a missing file gives an empty store and creates nothing. A store file is
    created only in an existing folder, unless ``create_folders`` (for the default location in
    the user data directory). Raises :class:`StoreError` for a file that is not a wsp store, is
    damaged, read-only (when writing), locked for longer than ``timeout`` seconds, on a full disk,
    or when its folder is missing or is a file.
    """
    path = Path(path)
    if str(path) == ":memory:":  # a scratch store (tests)
        memory = sqlite3.connect(":memory:", isolation_level=None)
        sqlite_schema.migrate(memory, path)
        return SqliteStore(path, memory, readonly=False)
    exists = sqlite_open.check_regular(path)  # a folder, a pipe, a device: refused unopened
    if not exists:
        # Reading a store that does not exist yet gives no entries (a missing folder too), but a
        # part of the path that is a file is a mistake worth naming.
        sqlite_open.check_folder(path, create=readonly or create_folders)
        if readonly:
            return SqliteStore(path, None, readonly=True)
    try:
        if exists and sqlite_open.looks_like_sqlite(path) is False:
            raise StoreError(t("store.not_wsp", path=path), hint=t("store.not_wsp.hint"))
        if not exists:
            path.parent.mkdir(parents=True, exist_ok=True)  # only reached when allowed
    except OSError as exc:
        raise StoreError(t("store.os_error", path=path, error=exc.strerror or exc)) from None
    conn: sqlite3.Connection | None = None
    try:
        if readonly:
            conn = sqlite_open.connect_readonly(path, timeout)
        else:
            conn = sqlite3.connect(str(path), timeout=timeout, isolation_level=None)
            sqlite_open.configure(conn, timeout)
        if readonly:
            version, app_id = sqlite_schema.identity(conn)
            sqlite_schema.refuse_foreign(conn, path, version, app_id)
            if app_id != APPLICATION_ID:  # an empty SQLite file: nothing stored yet
                conn.close()
                return SqliteStore(path, None, readonly=True)
            if version < SCHEMA_VERSION:
                sqlite_open.upgrade_in_place(
                    path, timeout
                )  # older stores stay readable if this fails
        else:
            sqlite_schema.migrate(conn, path)
        return SqliteStore(path, conn, readonly)._checked_for_writing()
    except sqlite3.Error as exc:
        if conn is not None:
            conn.close()
        if not readonly and sqlite_open.write_denied(exc, path):
            raise StoreError(t("store.readonly", path=path), hint=t("store.readonly.hint")) from exc
        raise sqlite_open.store_error(exc, path) from exc
    except BaseException:
        if conn is not None:
            conn.close()
        raise

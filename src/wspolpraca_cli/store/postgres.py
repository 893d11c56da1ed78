"""The PostgreSQL backend of the measurement store (the
:class:`~wspolpraca_cli.store.interface.Store` protocol), for an office where several people
record into one programme. The schema and its migrations are in :mod:`.postgres_schema`, the
URL in :mod:`.postgres_url`; the driver is psycopg 3, imported only here.

Design (the SQLite store's guarantees, kept by the database):

- One table, ``wsp_entries``, append-only: triggers refuse ``UPDATE``, ``DELETE`` and
  ``TRUNCATE`` for every role; a unique constraint lets an entry be superseded at most once.
- Every write is one transaction holding a transaction-level advisory lock: writers queue up
  one at a time (for up to the busy timeout, then exit 3), so ``seq`` order is commit order
  and "the latest entry" means what it means in SQLite.
- Reads give what the SQLite store gives, in the same order: text columns compare bytewise
  (``COLLATE "C"``), dates and times are the same ISO strings, and a period's total adds its
  values in the order SQLite's covering index holds them (the same floating-point sum).
- Every driver failure becomes a :class:`~wspolpraca_cli.errors.StoreError` (exit 3) naming
  the server (host and port), a wrong password, a missing database or missing privileges.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext, suppress
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

import psycopg
from psycopg import errors as pg_errors

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
)
from wspolpraca_cli.errors import InputError, StoreError, UsageError
from wspolpraca_cli.grants.model import GrantAggregate, GrantQuery, GrantRow
from wspolpraca_cli.i18n import t
from wspolpraca_cli.records import replace
from wspolpraca_cli.store import postgres_schema
from wspolpraca_cli.store.postgres_schema import LOCK_KEY, SCHEMA_VERSION
from wspolpraca_cli.store.postgres_url import PgTarget, parse_url, shown_url
from wspolpraca_cli.store.shared import (
    AMBIGUOUS_SHOWN,
    DEFAULT_TIMEOUT,
    BatchOutcome,
    EntriesRejected,
    ImportResult,
    completed,
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
from wspolpraca_cli.store.sqlite import _row_to_entry, _row_to_tuple, _row_values, tags_from_text

_COLUMNS = (
    "seq, uid, indicator_id, period, value, kind, date, note, source, tags, "
    "recorded_by, recorded_at, supersedes, reason"
)
_INSERT_COLUMNS = (
    "uid, indicator_id, period, value, kind, date, note, source, tags, recorded_by,"
    " recorded_at, supersedes, reason"
)
_INSERT = f"INSERT INTO wsp_entries ({_INSERT_COLUMNS}) VALUES ({', '.join(['%s'] * 13)})"
# The order SQLite's covering index (indicator_id, period, kind, date, value, seq) holds a
# period's entries in: a total added in this order is the same float as SQLite's.
_SUM_ORDER = "e.kind, e.date NULLS FIRST, e.value, e.seq"
# A group's latest value (of its highest seq) from the aggregate itself: the greatest
# [seq, value] pair (a seq is unique and exact as a double below 2**53). A join of the groups
# with the table for it hashed every row of the table: 0.5 s of the 1.1 s at 1,000,000 entries.
_LAST_VALUE = "(max(ARRAY[s.seq::double precision, s.value]))[2]"
_T = TypeVar("_T")


class _RollBack(Exception):
    """Raised inside a write transaction to undo it (dry runs)."""


def connection_error(exc: psycopg.Error, target: PgTarget, shown: str) -> StoreError:
    """A failure to connect, as one clear message naming the server (exit 3)."""
    text = str(exc)
    lower = text.lower()
    where = {"host": target.host, "port": target.port, "user": target.user}
    if "password authentication failed" in lower or "no password supplied" in lower:
        return StoreError(t("store.pg_password", **where), hint=t("store.pg_password.hint"))
    if "database" in lower and "does not exist" in lower:
        return StoreError(
            t("store.pg_no_database", database=target.database, **where),
            hint=t("store.pg_no_database.hint", database=target.database, user=target.user),
        )
    if (
        ("role" in lower and "does not exist" in lower)
        or "pg_hba.conf" in lower
        or "authentication failed" in lower
        or "permission denied" in lower
    ):
        return StoreError(
            t("store.pg_login_refused", error=_first_line(text), **where),
            hint=t("store.pg_login_refused.hint"),
        )
    return StoreError(
        t("store.pg_unreachable", error=_first_line(text), **where),
        hint=t("store.pg_unreachable.hint"),
    )


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[0] if lines else text


def store_error(exc: psycopg.Error, target: PgTarget, shown: str) -> StoreError:
    """A failure of a statement on an open connection, as one message (exit 3)."""
    if isinstance(exc, pg_errors.LockNotAvailable | pg_errors.QueryCanceled):
        return StoreError(t("store.locked", path=shown), hint=t("store.locked.hint"))
    if isinstance(exc, pg_errors.InsufficientPrivilege):
        return StoreError(
            t("store.pg_privileges", url=shown, user=target.user, error=_first_line(str(exc))),
            hint=t("store.pg_privileges.hint"),
        )
    if isinstance(exc, pg_errors.DiskFull):
        return StoreError(t("store.full", path=shown), hint=t("store.full.hint"))
    if isinstance(exc, psycopg.OperationalError):
        return connection_error(exc, target, shown)
    return StoreError(t("store.failed", path=shown, error=_first_line(str(exc))))


class PgStore(GrantReads):
    """An open PostgreSQL store. Use :func:`open_postgres`; close it (or use ``with``)."""

    _GRANTS = "wsp_grants"
    _MARK = "%s"

    def __init__(
        self, url: str, target: PgTarget, conn: Any, readonly: bool, timeout: float
    ) -> None:
        self._url = url
        self._target = target
        self._shown = shown_url(url)
        self._conn: Any = conn
        self.readonly = readonly
        self._timeout = timeout
        self._version = 0
        self._user = ""

    # -- life cycle ---------------------------------------------------------------------------

    @property
    def location(self) -> str:
        return self._shown

    @property
    def target(self) -> PgTarget:
        return self._target

    @property
    def backend(self) -> str:
        return "postgresql"

    @property
    def exists(self) -> bool:
        return self._version > 0

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            finally:
                self._conn = None

    def __enter__(self) -> PgStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _pg_errors(self) -> Iterator[None]:
        try:
            yield
        except psycopg.Error as exc:
            raise store_error(exc, self._target, self._shown) from exc

    def _open(self) -> None:
        """Read (and, for a writer, create or migrate) the schema; the database user."""
        conn = self._conn
        with self._pg_errors():
            # The session's settings, the user and the tables in one round trip: work_mem
            # keeps the sorts of a large store in memory; JIT compiling the aggregation cost
            # more (60-100 ms) than it saved.
            user, tables = conn.execute(
                "SELECT current_user::text, ARRAY(" + postgres_schema.TABLES + "),"
                " set_config('lock_timeout', %s, false), set_config('work_mem', '64MB', false),"
                " set_config('jit', 'off', false)",
                (str(max(1, int(self._timeout * 1000))),),
            ).fetchone()[:2]
            self._user = str(user)
            version, ours, others = postgres_schema.identity(conn, set(tables))
            postgres_schema.refuse_foreign(version, ours, others, self._shown)
            if not self.readonly:
                version = postgres_schema.migrate(conn, self._shown, (version, ours, others))
            elif ours and version < SCHEMA_VERSION:
                # an older store read by a reader: upgraded when the role may
                with suppress(psycopg.Error):
                    version = postgres_schema.migrate(conn, self._shown)
            self._version = version if ours or not self.readonly else 0

    @contextmanager
    def _write(self) -> Iterator[Any]:
        """One write transaction under the writers' advisory lock, rolled back on any error."""
        if self.readonly or self._conn is None:
            raise StoreError(t("store.opened_readonly", path=self._shown))
        conn = self._conn
        with self._pg_errors(), conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
            yield conn

    # -- writing ------------------------------------------------------------------------------

    def _completed(self, entry: Entry) -> Entry:
        """:func:`completed`, with the database user as ``recorded_by`` when none is given."""
        return completed(replace(entry, recorded_by=entry.recorded_by or self._user))

    def add(self, entry: Entry) -> Entry:
        """Store one entry; fills in an empty uid, recorded_at and recorded_by (the database
        user). Returns it with its ``seq``."""
        return self.add_many([entry])[0]

    def add_many(self, entries: list[Entry]) -> list[Entry]:
        """Store entries in one transaction: all of them or, on any error, none."""
        stored: list[Entry] = []
        with self._write() as conn:
            locks = active_locks(self._lock_events(conn))  # read under the writers' lock
            for entry in entries:
                refuse_locked(locks, entry.period)
                # no savepoint: a refused entry undoes the whole transaction anyway
                stored.append(self._insert(conn, self._completed(entry), savepoint=False))
        return stored

    def import_entries(self, entries: Iterable[Entry], *, dry_run: bool = False) -> ImportResult:
        """Add the entries whose uid the store does not hold yet, in one transaction (see
        :meth:`wspolpraca_cli.store.sqlite.SqliteStore.import_entries`)."""
        batch = list(entries)
        with self.importing(dry_run=dry_run) as session:
            outcome = session.add(batch)
            if outcome.rejected:
                session.discard()
                raise EntriesRejected(outcome.rejected, outcome.added, outcome.present)
        return ImportResult(outcome.added, outcome.present)

    @contextmanager
    def importing(self, *, dry_run: bool = False) -> Iterator[Any]:
        """One import transaction: :meth:`PgImport.add` batch after batch, committed at the
        end unless ``dry_run`` or :meth:`PgImport.discard` (then nothing is stored). A dry run
        of a database without a store yet checks against an empty scratch store."""
        if dry_run and (self._conn is None or not self.exists):
            from wspolpraca_cli.store.sqlite import _scratch

            with _scratch(Path(self._shown)) as scratch, scratch.importing(dry_run=True) as s:
                yield s
            return
        if self.readonly and not dry_run:
            raise StoreError(t("store.opened_readonly", path=self._shown))
        conn = self._conn
        try:
            with self._pg_errors(), conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
                session = PgImport(self, conn)
                yield session
                if dry_run or session.discarded:
                    raise _RollBack
                if session.added >= _VACUUM_AFTER:
                    # a commit that waits for its WAL to be written, else (asynchronous
                    # commit) the VACUUM right after it cannot mark its pages all-visible
                    conn.execute(
                        "SELECT set_config('synchronous_commit', 'local', true)"
                        " WHERE current_setting('synchronous_commit') = 'off'"
                    )
        except _RollBack:
            return
        if session.added >= _VACUUM_AFTER:
            self._vacuum()

    def _vacuum(self) -> None:
        """VACUUM (ANALYZE) the entries after a large import, outside its transaction: the
        planner learns the table's size, and the visibility map lets the aggregation read the
        covering index alone (right after a copy of 1,000,000 entries it scanned the table and
        sorted it on disk: 3.3 s; 1.5 s after the VACUUM). Best effort: the entries are
        committed; a role that does not own the table gets a warning and nothing is done."""
        with suppress(psycopg.Error):
            self._conn.execute("VACUUM (ANALYZE) wsp_entries")

    def _insert(self, conn: Any, entry: Entry, *, savepoint: bool = True) -> Entry:
        self._check(conn, entry)
        try:
            # a savepoint (two round trips more): a refused row leaves the rest usable
            with conn.transaction() if savepoint else nullcontext():
                row = conn.execute(_INSERT + " RETURNING seq", _row_values(entry)).fetchone()
        except pg_errors.UniqueViolation as exc:
            name = getattr(exc.diag, "constraint_name", "") or ""
            if "supersedes" in name:
                raise InputError(t("store.already_superseded", uid=entry.supersedes)) from None
            raise InputError(t("store.uid_exists", uid=entry.uid)) from None
        except (pg_errors.CheckViolation, pg_errors.NotNullViolation) as exc:
            raise InputError(
                t("store.invalid_entry", uid=entry.uid, error=_first_line(str(exc)))
            ) from None
        return replace(entry, seq=int(row[0]))

    def _check(self, conn: Any, entry: Entry) -> None:
        """Rules the schema also enforces, checked first for a clearer message."""
        if not valid_uid(entry.uid):
            raise InputError(t("store.bad_uid", uid=entry.uid))
        if not entry.indicator_id or not entry.period:
            raise InputError(t("store.invalid_entry", uid=entry.uid, error="indicator/period"))
        if (entry.kind is EntryKind.VOID) != (entry.value is None):
            raise InputError(t("store.invalid_entry", uid=entry.uid, error="value"))
        if (entry.kind is EntryKind.RECORD) != (entry.supersedes is None):
            raise InputError(t("store.invalid_entry", uid=entry.uid, error="supersedes"))
        if "\x00" in "".join(_texts(entry)):
            raise InputError(t("store.invalid_entry", uid=entry.uid, error="NUL"))
        if entry.supersedes is None:
            return
        row = conn.execute(
            "SELECT kind, indicator_id, period FROM wsp_entries WHERE uid = %s",
            (entry.supersedes,),
        ).fetchone()
        if row is None:
            raise InputError(t("store.supersedes_unknown", uid=entry.supersedes))
        if row[0] == EntryKind.VOID.value:
            raise InputError(t("store.supersedes_void", uid=entry.supersedes))
        if (row[1], row[2]) != (entry.indicator_id, entry.period):
            raise InputError(t("store.supersedes_other", uid=entry.supersedes))
        later = conn.execute(
            "SELECT uid FROM wsp_entries WHERE supersedes = %s", (entry.supersedes,)
        ).fetchone()
        if later is not None:
            raise InputError(
                t("store.already_superseded", uid=entry.supersedes),
                hint=t("store.already_superseded.hint", uid=later[0][:8]),
            )

    # -- reading ------------------------------------------------------------------------------

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        if self._conn is None or not self.exists:
            return []
        with self._pg_errors():
            return list(self._conn.execute(sql, params).fetchall())

    def _damaged(self) -> StoreError:
        return StoreError(t("store.damaged", path=self._shown), hint=t("store.damaged.hint"))

    def _entry(self, row: Sequence[Any]) -> Entry:
        try:
            return _row_to_entry(row)
        except (ValueError, TypeError, LookupError):
            raise self._damaged() from None

    def entries(self, indicator_id: str | None = None) -> list[Entry]:
        """Every entry (superseded ones and voids too), in insertion order."""
        if indicator_id is None:
            rows = self._query(f"SELECT {_COLUMNS} FROM wsp_entries ORDER BY seq")
        else:
            rows = self._query(
                f"SELECT {_COLUMNS} FROM wsp_entries WHERE indicator_id = %s ORDER BY seq",
                (indicator_id,),
            )
        return [self._entry(r) for r in rows]

    def iter_entries(self, batch: int = 2000) -> Iterator[Entry]:
        """Every entry, as :meth:`entries` gives them, from a server-side cursor a batch at a
        time (one statement: one snapshot; memory flat whatever the store's size)."""
        return self._stream(self._entry, batch)

    def iter_rows(self, batch: int = 2000) -> Iterator[EntryRow]:
        """Every entry as an :data:`~wspolpraca_cli.entries.EntryRow`, read as
        :meth:`iter_entries` reads them."""
        return self._stream(_row_to_tuple, batch)

    def _stream(self, convert: Callable[[Sequence[Any]], _T], batch: int) -> Iterator[_T]:
        if self._conn is None or not self.exists:
            return
        conn = self._conn
        name = f"wsp_stream_{new_uid()[:12]}"
        with self._pg_errors(), conn.transaction(), conn.cursor(name=name) as cursor:
            cursor.itersize = batch
            cursor.execute(f"SELECT {_COLUMNS} FROM wsp_entries ORDER BY seq")
            while rows := cursor.fetchmany(batch):
                yield from [convert(row) for row in rows]

    def count(self) -> int:
        rows = self._query("SELECT count(*) FROM wsp_entries")
        return int(rows[0][0]) if rows else 0

    def indicator_count(self) -> int:
        """How many indicators have at least one entry (for ``wsp store info``)."""
        rows = self._query("SELECT count(DISTINCT indicator_id) FROM wsp_entries")
        return int(rows[0][0]) if rows else 0

    def uids(self, prefix: str = "", limit: int = 100) -> list[str]:
        """At most ``limit`` uids starting with ``prefix``, in uid order (the uid index)."""
        rows = self._query(
            "SELECT uid FROM wsp_entries WHERE uid >= %s AND uid < %s ORDER BY uid LIMIT %s",
            (prefix, prefix + "\U0010ffff", limit),
        )
        return [str(r[0]) for r in rows]

    def get(self, uid: str) -> Entry | None:
        """The entry with this uid or with this unique uid prefix (at least 4 characters)."""
        row = find_by_uid(
            uid,
            lambda u: self._query(f"SELECT {_COLUMNS} FROM wsp_entries WHERE uid = %s", (u,)),
            lambda prefix: self.uids(prefix, AMBIGUOUS_SHOWN + 1),
        )
        return None if row is None else self._entry(row)

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
        ``value``, ``note`` and ``source`` when given, in insertion order."""
        sql = (
            f"SELECT {_COLUMNS} FROM wsp_entries e WHERE indicator_id = %s AND period = %s"
            " AND kind <> 'void'"
        )
        params: list[Any] = [indicator_id, period]
        for column, wanted in (("value", value), ("note", note), ("source", source)):
            if wanted is not None:
                sql += f" AND {column} = %s"
                params.append(wanted)
        sql += (
            " AND NOT EXISTS (SELECT 1 FROM wsp_entries c WHERE c.supersedes = e.uid) ORDER BY seq"
        )
        return [self._entry(r) for r in self._query(sql, params)]

    def superseded_by(self, indicator_id: str | None = None) -> dict[str, str]:
        """Map of superseded uid -> the uid of the entry that supersedes it (of one indicator's
        entries when ``indicator_id`` is given)."""
        if indicator_id is not None:
            rows = self._query(
                "SELECT supersedes, uid FROM wsp_entries"
                " WHERE indicator_id = %s AND supersedes IS NOT NULL",
                (indicator_id,),
            )
        else:
            rows = self._query(
                "SELECT supersedes, uid FROM wsp_entries WHERE supersedes IS NOT NULL"
            )
        return {str(r[0]): str(r[1]) for r in rows}

    def summaries(
        self,
        as_of: date | str | None = None,
        indicator_ids: Iterable[str] | None = None,
        period: str | Iterable[str] | None = None,
    ) -> list[PeriodSummary]:
        """Per (indicator, period), what aggregation needs, computed in SQL from the covering
        index ``wsp_entries_aggregate`` (see :meth:`.sqlite.SqliteStore.summaries`): the
        effective entries, not dated after ``as_of``, of the periods given; ordered by
        indicator id and period."""
        found = _counted_where(as_of, indicator_ids, period)
        if found is None:
            return []
        where, params = found
        # The rows reach the aggregate in the covering index's order (a sorted subquery: an
        # index-only scan, no sort), which is SQLite's: each total adds the same floats in the
        # same order. (An ordered aggregate, sum(value ORDER BY ...), sorts every group.) The
        # latest value comes with the group (_LAST_VALUE), not from a join with the table.
        sql = f"""
            SELECT s.indicator_id, s.period, count(*), sum(s.value), min(s.value),
                   max(s.value), {_LAST_VALUE}
            FROM (
                SELECT e.indicator_id, e.period, e.value, e.seq FROM wsp_entries e
                WHERE {where}
                ORDER BY e.indicator_id, e.period, {_SUM_ORDER}
            ) s
            GROUP BY s.indicator_id, s.period
            ORDER BY s.indicator_id, s.period
        """
        return [
            PeriodSummary(
                r[0],
                r[1],
                Aggregate(int(r[2]), float(r[3]), float(r[4]), float(r[5]), float(r[6])),
            )
            for r in self._query(sql, params)
        ]

    def summary_parts(self, as_of: date | str | None = None) -> Iterator[SummaryPart]:
        """Every indicator's :meth:`summaries`, in one part: the server aggregates them in
        one statement."""
        yield SummaryPart(None, None, self.summaries(as_of))

    def tag_summaries(
        self,
        as_of: date | str | None = None,
        indicator_ids: Iterable[str] | None = None,
    ) -> list[TagSummary]:
        """Per (indicator, period, breakdown tags), the aggregate of the entries
        :meth:`summaries` counts, ordered by indicator and period and, within those, by each
        group's latest entry (see :meth:`.sqlite.SqliteStore.tag_summaries`). A group's rows
        reach its aggregate in insertion order, as SQLite reads them."""
        found = _counted_where(as_of, indicator_ids, None)
        if found is None:
            return []
        where, params = found
        sql = f"""
            SELECT s.indicator_id, s.period, s.tags, count(*), sum(s.value), min(s.value),
                   max(s.value), {_LAST_VALUE}
            FROM (
                SELECT e.indicator_id, e.period, e.tags, e.value, e.seq FROM wsp_entries e
                WHERE {where}
                ORDER BY e.indicator_id, e.period, e.tags, e.seq
            ) s
            GROUP BY s.indicator_id, s.period, s.tags
            ORDER BY s.indicator_id, s.period, max(s.seq)
        """
        groups: list[TagSummary] = []
        for r in self._query(sql, params):
            try:
                tags = tags_from_text(r[2])
            except (ValueError, TypeError):
                raise self._damaged() from None
            values = Aggregate(int(r[3]), float(r[4]), float(r[5]), float(r[6]), float(r[7]))
            groups.append(TagSummary(r[0], r[1], tags, values))
        return groups

    # -- the audit trail: period locks and explanations (schema 4) -------------------------

    def add_lock_event(self, event: LockEvent) -> LockEvent:
        """Append a lock or an unlock (filling in an empty uid, time and user) in one write
        transaction, after :func:`~wspolpraca_cli.audit.check_lock_event` against the events
        read under the writers' lock."""
        with self._write() as conn:
            check_lock_event(self._lock_events(conn), event)
            return self._insert_lock(conn, completed_event(event, self._user))

    @staticmethod
    def _insert_lock(conn: Any, event: LockEvent) -> LockEvent:
        row = conn.execute(
            "INSERT INTO wsp_period_locks (uid, period, action, reason, recorded_by, recorded_at)"
            " VALUES (%s, %s, %s, %s, %s, %s) RETURNING seq",
            (event.uid, event.period, event.action.value, event.reason, event.recorded_by,
             event.recorded_at),
        ).fetchone()  # fmt: skip
        return replace(event, seq=int(row[0]))

    def lock_events(self) -> list[LockEvent]:
        """Every lock and unlock, in the order they were appended."""
        if self._conn is None:
            return []
        with self._pg_errors():
            return self._lock_events(self._conn)

    def _lock_events(self, conn: Any) -> list[LockEvent]:
        if self._version < 4:
            return []
        rows = conn.execute(
            "SELECT seq, uid, period, action, reason, recorded_by, recorded_at"
            " FROM wsp_period_locks ORDER BY seq"
        ).fetchall()
        return [LockEvent(uid, period, LockAction(action), reason, by, at, int(seq))
                for seq, uid, period, action, reason, by, at in rows]  # fmt: skip

    def add_explanation(self, explanation: Explanation) -> Explanation:
        """Append an explanation or a withdrawal (filling in an empty uid, time and user) in
        one write transaction, after :func:`~wspolpraca_cli.audit.check_explanation` against
        the events of its indicator and period."""
        with self._write() as conn:
            earlier = self._explanations(conn, explanation.indicator_id, explanation.period)
            check_explanation(earlier, explanation)
            return self._insert_explanation(conn, completed_event(explanation, self._user))

    @staticmethod
    def _insert_explanation(conn: Any, explanation: Explanation) -> Explanation:
        row = conn.execute(
            "INSERT INTO wsp_explanations"
            " (uid, indicator_id, period, kind, text, recorded_by, recorded_at)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s) RETURNING seq",
            (explanation.uid, explanation.indicator_id, explanation.period,
             explanation.kind.value, explanation.text, explanation.recorded_by,
             explanation.recorded_at),
        ).fetchone()  # fmt: skip
        return replace(explanation, seq=int(row[0]))

    def explanations(self, indicator_id: str | None = None) -> list[Explanation]:
        """Every explanation and withdrawal (of one indicator when given), in order."""
        if self._conn is None:
            return []
        with self._pg_errors():
            return self._explanations(self._conn, indicator_id)

    def _explanations(
        self, conn: Any, indicator_id: str | None = None, period: str | None = None
    ) -> list[Explanation]:
        if self._version < 4:
            return []
        sql = (
            "SELECT seq, uid, indicator_id, period, text, kind, recorded_by, recorded_at"
            " FROM wsp_explanations"
        )
        params: list[str] = []
        if indicator_id is not None:
            sql += " WHERE indicator_id = %s"
            params.append(indicator_id)
            if period is not None:
                sql += " AND period = %s"
                params.append(period)
        rows = conn.execute(sql + " ORDER BY seq", params).fetchall()
        return [Explanation(uid, ind, period, text, ExplanationKind(kind), by, at, int(seq))
                for seq, uid, ind, period, text, kind, by, at in rows]  # fmt: skip

    def latest_entries(
        self,
        groups: Iterable[tuple[str, Sequence[str]]],
        as_of: date | str | None = None,
        limit: int = 10,
    ) -> list[Entry]:
        """The ``limit`` latest effective entries (by ``seq``) of each group in ``groups`` —
        an indicator and the period codes that count together — that count as of ``as_of``,
        in insertion order."""
        wanted = entry_groups(groups)
        if not wanted or limit <= 0:
            return []
        numbered = [(n, ind, code) for n, (ind, codes) in enumerate(wanted) for code in codes]
        params: list[Any] = [[g[0] for g in numbered], [g[1] for g in numbered],
                             [g[2] for g in numbered]]  # fmt: skip
        dated = ""
        if as_of is not None:
            dated = "AND (e.date IS NULL OR e.date <= %s)"
            params.append(as_of.isoformat() if isinstance(as_of, date) else as_of)
        params += [sorted({ind for ind, _ in wanted}), limit]
        columns = ", ".join("x." + c.strip() for c in _COLUMNS.split(","))
        # A group's latest seqs from the covering index alone, the superseded ones left out
        # by one hashed set (of the groups' indicators), then only those rows from the table:
        # looking up a supersession per entry and reading every entry of a group from the
        # table took 6.6 s for the 21,000 groups of 1,000,000 entries.
        sql = f"""
            SELECT {columns}
            FROM (
                SELECT min(u.indicator_id) AS indicator_id, array_agg(u.period) AS codes
                FROM unnest(%s::int[], %s::text[], %s::text[]) AS u(n, indicator_id, period)
                GROUP BY u.n
            ) w
            CROSS JOIN LATERAL (
                SELECT e.seq FROM wsp_entries e
                WHERE e.indicator_id = w.indicator_id AND e.period = ANY(w.codes)
                  AND e.kind <> 'void' {dated}
                  AND e.seq NOT IN (
                      SELECT o.seq FROM wsp_entries c CROSS JOIN LATERAL
                          (SELECT o.seq FROM wsp_entries o WHERE o.uid = c.supersedes LIMIT 1) o
                      WHERE c.supersedes IS NOT NULL AND c.indicator_id = ANY(%s::text[])
                  )
                ORDER BY e.seq DESC LIMIT %s
            ) k
            JOIN wsp_entries x ON x.seq = k.seq
            ORDER BY x.seq
        """
        return [self._entry(row) for row in self._query(sql, params)]

    def integrity_check(self) -> str:
        return "ok"

    def schema_version(self) -> int:
        return self._version or SCHEMA_VERSION

    def verify(self, *, full: bool = False) -> list[str]:
        """What is wrong with the store (empty: intact, or nothing stored yet): the identity
        and schema version; with ``full`` also the schema objects (the append-only triggers)
        and every supersession. PostgreSQL checks its own pages; what cannot be read is a
        problem, never an exception."""
        if self._conn is None or not self.exists:
            return []
        try:
            if not full:
                version, ours, _ = postgres_schema.identity(self._conn)
                if ours and 1 <= version <= SCHEMA_VERSION:
                    return []
                return [t("verify.identity", version=version, supported=SCHEMA_VERSION)]
            return postgres_schema.invariant_problems(self._conn)
        except psycopg.Error as exc:
            return [_first_line(str(exc))]

    # -- the grants register (schema 5) -------------------------------------------------------

    @contextmanager
    def importing_grants(self, *, dry_run: bool = False) -> Iterator[Any]:
        """One transaction for a whole register import, as :meth:`importing` (all or nothing;
        committed at the end unless ``dry_run`` or discarded)."""
        with self.importing(dry_run=dry_run) as session:
            # (a dry run into a database without a store imports into a scratch SQLite store)
            yield GrantImport(session)

    def add_grant(self, row: GrantRow) -> GrantRow:
        """Append one row (new, a correction or a void) in one write transaction, the locks and
        the superseded row read under the writers' lock; fills in an empty uid, recorded_at
        and recorded_by (the database user). Returns the row with its ``seq``."""
        with self._write() as conn:
            locks = active_locks(self._lock_events(conn))
            return self._insert_grant(conn, completed_grant(row, self._user), locks)

    def _insert_grant(self, conn: Any, row: GrantRow, locks: Sequence[LockEvent]) -> GrantRow:
        check_grant(row)
        if locks:
            refuse_locked(locks, str(row.year))
        if row.supersedes is not None:
            found = conn.execute(
                f"SELECT {GRANT_SELECT} FROM wsp_grants WHERE uid = %s", (row.supersedes,)
            ).fetchone()
            later = conn.execute(
                "SELECT uid FROM wsp_grants WHERE supersedes = %s", (row.supersedes,)
            ).fetchone()
            target = None if found is None else self._grant(found)
            refuse_superseding(row, target, None if later is None else str(later[0]), locks)
        try:
            with conn.transaction():  # a savepoint: a refused row leaves the rest usable
                stored = conn.execute(_GRANT_INSERT + " RETURNING seq", grant_values(row))
                seq = int(stored.fetchone()[0])
        except pg_errors.IntegrityError as exc:
            raise _grant_refused(row, exc) from None
        return replace(row, seq=seq)

    def _grant_query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """Rows of a query of the grants table; none from a store without it (schema < 5)."""
        if self._version < GRANTS_VERSION:
            return []
        return self._query(sql, params)

    def iter_grants(self, batch: int = 2000) -> Iterator[GrantRow]:
        """Every row (every version) in insertion order, from a server-side cursor a batch at
        a time (one statement: one snapshot)."""
        if self._conn is None or self._version < GRANTS_VERSION:
            return
        conn = self._conn
        name = f"wsp_grants_{new_uid()[:12]}"
        with self._pg_errors(), conn.transaction(), conn.cursor(name=name) as cursor:
            cursor.itersize = batch
            cursor.execute(f"SELECT {GRANT_SELECT} FROM wsp_grants ORDER BY seq")
            while rows := cursor.fetchmany(batch):
                yield from [self._grant(row) for row in rows]

    def grant_aggregates(self, queries: Sequence[GrantQuery]) -> list[GrantAggregate]:
        """Each query answered in SQL over the effective rows (see
        :func:`~.shared_grants.aggregate_sql`), ordered by key, year and group, a year's total
        before its groups."""
        found: list[GrantAggregate] = []
        for query in queries:
            sql, params = aggregate_sql(query, "wsp_grants", "%s")
            if any(isinstance(p, str) and "\x00" in p for p in params):
                continue  # no stored text holds NUL
            found += grant_aggregates_of(query, self._grant_query(sql, params))
        return ordered_aggregates(found)


def _texts(entry: Entry) -> list[str]:
    """The entry's text fields (PostgreSQL's text cannot hold NUL; SQLite's can)."""
    return [
        entry.uid,
        entry.indicator_id,
        entry.period,
        entry.date or "",
        entry.note,
        entry.source,
        entry.recorded_by,
        entry.recorded_at,
        entry.supersedes or "",
        entry.reason,
        *(k + v for k, v in entry.tags),
    ]


_LOOKUP = 1000
"""How many uids one presence query asks for."""
_VACUUM_AFTER = 10_000
"""An import (or ``wsp store copy``) adding at least this many entries vacuums the table."""


class PgImport:
    """An import under way, inside one write transaction (see :meth:`PgStore.importing`):
    each batch costs one presence query and one ``COPY`` of its new records; a correction or
    void is checked against the store and inserted on its own, after the records before it."""

    def __init__(self, store: PgStore, conn: Any) -> None:
        self._store = store
        self._conn = conn
        self.discarded = False
        self.added = 0
        """Entries added so far (by every batch)."""
        self._now = now_utc()
        self._locks = active_locks(store._lock_events(conn))  # under the writers' lock

    def discard(self) -> None:
        self.discarded = True

    def add_trail(self, events: Sequence[LockEvent | Explanation]) -> BatchOutcome:
        """Add audit events copied from another store (see ``ImportSession.add_trail``)."""
        store, conn = self._store, self._conn
        with store._pg_errors():
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
        store = self._store
        with store._pg_errors():
            found = self._present([e.uid for e in entries if e.uid])
            added = present = 0
            rejected: list[tuple[int, InputError]] = []
            batch: dict[str, Entry] = {}
            pending: list[tuple[int, Entry]] = []
            for index, given in enumerate(entries):
                earlier = batch.get(given.uid)
                row = found.get(given.uid) if earlier is None else None
                if earlier is not None or row is not None:
                    existing = earlier if earlier is not None else store._entry(row or ())
                    if same_content(existing, given):
                        present += 1
                    else:
                        rejected.append((index, InputError(t("store.uid_conflict", uid=given.uid))))
                    continue
                entry = self._completed(given)
                if self._locks:
                    try:
                        refuse_locked(self._locks, entry.period)
                    except InputError as exc:
                        rejected.append((index, exc))
                        continue
                batch[entry.uid] = entry
                if entry.supersedes is None:
                    try:
                        store._check(self._conn, entry)
                    except InputError as exc:
                        rejected.append((index, exc))
                        continue
                    pending.append((index, entry))
                    continue
                added += self._flush(pending, rejected)
                try:
                    store._insert(self._conn, entry)
                    added += 1
                except InputError as exc:
                    rejected.append((index, exc))
            added += self._flush(pending, rejected)
        rejected.sort(key=lambda r: r[0])
        self.added += added
        return BatchOutcome(added, present, rejected)

    def _completed(self, entry: Entry) -> Entry:
        if entry.uid and entry.recorded_at and entry.recorded_by:
            return entry
        return replace(
            entry,
            uid=entry.uid or new_uid(),
            recorded_at=entry.recorded_at or self._now,
            recorded_by=entry.recorded_by or self._store._user,
        )

    def _present(self, uids: list[str]) -> dict[str, Sequence[Any]]:
        found: dict[str, Sequence[Any]] = {}
        uids = [u for u in uids if "\x00" not in u]
        for i in range(0, len(uids), _LOOKUP):
            part = uids[i : i + _LOOKUP]
            for row in self._conn.execute(
                f"SELECT {_COLUMNS} FROM wsp_entries WHERE uid = ANY(%s::text[])", (part,)
            ).fetchall():
                found[row[1]] = row
        return found

    def _flush(
        self, pending: list[tuple[int, Entry]], rejected: list[tuple[int, InputError]]
    ) -> int:
        """COPY the checked records waiting in ``pending`` (emptied); how many were added.
        Should the schema refuse one after all, they are inserted one by one to name it."""
        if not pending:
            return 0
        conn = self._conn
        try:
            copying = f"COPY wsp_entries ({_INSERT_COLUMNS}) FROM STDIN"
            with conn.transaction(), conn.cursor() as cursor, cursor.copy(copying) as copy:
                for _, entry in pending:
                    copy.write_row(_row_values(entry))
        except pg_errors.IntegrityError:
            added = 0
            for index, entry in pending:
                try:
                    self._store._insert(conn, entry)
                    added += 1
                except InputError as exc:
                    rejected.append((index, exc))
            pending.clear()
            return added
        added = len(pending)
        pending.clear()
        return added

    # -- grant rows (schema 5) ----------------------------------------------------------------

    def add_grants(self, rows: Sequence[GrantRow]) -> BatchOutcome:
        """Add grant rows copied from another store (see ``ImportSession.add_grants``)."""
        return self.grant_batch(rows, None)

    def grant_batch(self, rows: Sequence[GrantRow], seen_refs: set[str] | None) -> BatchOutcome:
        """One batch of grant rows (see :meth:`.sqlite.SqliteImport.grant_batch`): a query
        each for its uids, the supersessions of the rows they name and the live rows of its
        refs; the planned rows written with one ``COPY``."""
        store, conn = self._store, self._conn
        with store._pg_errors():
            by_uid = self._grants_where("uid", batch_keys(rows))
            targets = [u for u in dict.fromkeys(r.supersedes for r in rows if r.supersedes)]
            superseded: dict[str, str] = {}
            for part in _grant_chunks(targets):
                for target, uid in conn.execute(
                    "SELECT supersedes, uid FROM wsp_grants WHERE supersedes = ANY(%s::text[])",
                    (part,),
                ).fetchall():
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
        return completed_grant(row, self._store._user, self._now)

    def _grants_where(
        self, column: str, values: list[str], *, live: bool = False
    ) -> dict[str, GrantRow]:
        """The stored rows whose ``column`` (uid or ref) is one of ``values``, by uid (the
        live ones only when ``live``), in insertion order."""
        found: dict[str, GrantRow] = {}
        effective = (
            " AND g.ref <> '' AND NOT g.void"
            " AND NOT EXISTS (SELECT 1 FROM wsp_grants c WHERE c.supersedes = g.uid)"
            if live
            else ""
        )
        for part in _grant_chunks(values):
            for row in self._conn.execute(
                f"SELECT {GRANT_SELECT} FROM wsp_grants g"
                f" WHERE g.{column} = ANY(%s::text[]){effective} ORDER BY g.seq",
                (part,),
            ).fetchall():
                grant = self._store._grant(row)
                found[grant.uid] = grant
        return found

    def _insert_grants(
        self, rows: list[tuple[int, GrantRow]], rejected: list[tuple[int, InputError]]
    ) -> int:
        """COPY the planned rows; should the schema refuse one after all, they are inserted
        one by one to name it."""
        if not rows:
            return 0
        conn = self._conn
        try:
            copying = f"COPY wsp_grants ({GRANT_INSERT_COLUMNS}) FROM STDIN"
            with conn.transaction(), conn.cursor() as cursor, cursor.copy(copying) as copy:
                for _, row in rows:
                    copy.write_row(grant_values(row))
        except pg_errors.IntegrityError:
            added = 0
            for index, row in rows:
                try:
                    with conn.transaction():
                        conn.execute(_GRANT_INSERT, grant_values(row))
                    added += 1
                except pg_errors.IntegrityError as exc:
                    rejected.append((index, _grant_refused(row, exc)))
            return added
        return len(rows)


_GRANT_INSERT = f"INSERT INTO wsp_grants ({GRANT_INSERT_COLUMNS}) VALUES ({', '.join(['%s'] * 21)})"


def _grant_chunks(values: list[str]) -> Iterator[list[str]]:
    values = [v for v in values if "\x00" not in v]  # no stored text holds NUL
    for i in range(0, len(values), _LOOKUP):
        yield values[i : i + _LOOKUP]


def _grant_refused(row: GrantRow, exc: psycopg.Error) -> InputError:
    """A row the schema refused, as the rule it broke."""
    name = getattr(exc.diag, "constraint_name", "") or ""
    if isinstance(exc, pg_errors.UniqueViolation):
        if "supersedes" in name:
            return InputError(t("store.grant_superseded", uid=row.supersedes))
        return InputError(t("store.grant_uid_conflict", uid=row.uid))
    return InputError(t("store.grant_invalid", uid=row.uid, error=_first_line(str(exc))))


_CONNECT_TIMEOUT = 10
"""The longest wait for a server to answer (seconds), whatever the busy timeout."""


def open_postgres(
    url: str,
    *,
    readonly: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
) -> PgStore:
    """Connect to the database ``url`` names and open its store (unless ``readonly``, create
    it in an empty database, or migrate an older one). Raises :class:`StoreError` (exit 3) for
    a server that cannot be reached, a refused login, a missing database, a database holding
    other tables, or a newer schema; UsageError (exit 2) for a malformed URL."""
    target = parse_url(url)
    shown = shown_url(url)
    try:
        conn = psycopg.connect(
            url,
            autocommit=True,
            connect_timeout=min(max(2, int(timeout)), _CONNECT_TIMEOUT),
            application_name="wsp",
        )
    except psycopg.ProgrammingError as exc:  # libpq refused the URL itself (an unknown option)
        raise UsageError(
            t("store.url_bad", url=shown, error=_first_line(str(exc))),
            hint=t("store.url_bad.hint"),
        ) from None
    except psycopg.Error as exc:
        raise connection_error(exc, target, shown) from None
    store = PgStore(url, target, conn, readonly, timeout)
    try:
        store._open()
    except BaseException:
        store.close()
        raise
    return store


def _counted_where(
    as_of: date | str | None,
    indicator_ids: Iterable[str] | None,
    period: str | Iterable[str] | None,
) -> tuple[str, list[Any]] | None:
    """The condition (on ``wsp_entries e``) and its parameters that pick the entries a
    summary counts: effective (not superseded, not voids), not dated after ``as_of``, of the
    indicators and periods given; None when an empty list of them leaves nothing."""
    params: list[Any] = []
    where: list[str] = ["e.kind <> 'void'"]
    periods = [period] if isinstance(period, str) else None if period is None else list(period)
    if periods is not None:
        if not periods:
            return None
        where.append("e.period = ANY(%s::text[])")
        params.append(periods)
    if as_of is not None:
        where.append("(e.date IS NULL OR e.date <= %s)")
        params.append(as_of.isoformat() if isinstance(as_of, date) else as_of)
    # The superseded entries' seqs, one look-up of the uid index per superseding entry: the
    # LIMIT keeps the planner from making a join of it, which it planned as a scan of the
    # whole table (its cost growing with the store, not with its corrections).
    superseded = (
        "SELECT o.seq FROM wsp_entries c CROSS JOIN LATERAL"
        " (SELECT o.seq FROM wsp_entries o WHERE o.uid = c.supersedes LIMIT 1) o"
        " WHERE c.supersedes IS NOT NULL"
    )
    if indicator_ids is not None:
        ids = list(indicator_ids)
        if not ids:
            return None
        where.append("e.indicator_id = ANY(%s::text[])")
        params.append(ids)
        superseded += " AND c.indicator_id = ANY(%s::text[])"
        params.append(ids)
    where.append(f"e.seq NOT IN ({superseded})")
    return " AND ".join(where), params

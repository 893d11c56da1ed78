"""The SQLite store's schema and identity: the migrations that build it, the marks that say a
file is a wsp store (``PRAGMA application_id``) and which schema it has (``PRAGMA
user_version``), migrating an older store forward in one transaction, refusing a newer or a
foreign file."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from wspolpraca_cli.errors import StoreError
from wspolpraca_cli.i18n import t
from wspolpraca_cli.store.shared import now_utc

APPLICATION_ID = 0x77737031  # "wsp1" in ASCII: marks a file as a wsp store
SCHEMA_VERSION = 5

# Schema migrations: MIGRATIONS[n] brings a store from version n-1 to version n.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        """
        CREATE TABLE entries (
            seq          INTEGER PRIMARY KEY AUTOINCREMENT,
            uid          TEXT    NOT NULL UNIQUE,
            indicator_id TEXT    NOT NULL,
            period       TEXT    NOT NULL,
            value        REAL,
            kind         TEXT    NOT NULL CHECK (kind IN ('record', 'correction', 'void')),
            date         TEXT,
            note         TEXT    NOT NULL DEFAULT '',
            source       TEXT    NOT NULL DEFAULT '',
            tags         TEXT    NOT NULL DEFAULT '[]',
            recorded_by  TEXT    NOT NULL DEFAULT '',
            recorded_at  TEXT    NOT NULL,
            supersedes   TEXT,
            reason       TEXT    NOT NULL DEFAULT '',
            CHECK ((kind = 'void') = (value IS NULL)),
            CHECK ((kind = 'record') = (supersedes IS NULL))
        )
        """,
        "CREATE INDEX entries_indicator_period ON entries (indicator_id, period)",
        """
        CREATE UNIQUE INDEX entries_supersedes ON entries (supersedes)
        WHERE supersedes IS NOT NULL
        """,
        """
        CREATE TRIGGER entries_never_updated BEFORE UPDATE ON entries
        BEGIN SELECT RAISE(ABORT, 'wsp: entries are never changed; append a correction'); END
        """,
        """
        CREATE TRIGGER entries_never_deleted BEFORE DELETE ON entries
        BEGIN SELECT RAISE(ABORT, 'wsp: entries are never deleted; append a void'); END
        """,
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ),
    # A covering index: the per-period aggregates of Store.summaries() read only the index
    # (measured on 1,000,000 entries: 0.17 s instead of 1.0 s). It replaces the plain one.
    2: (
        "CREATE INDEX entries_aggregate ON entries (indicator_id, period, kind, date, value)",
        "DROP INDEX entries_indicator_period",
    ),
    # The supersessions of one indicator, from an index alone: record's and correct's summaries
    # leave superseded entries out, and history lists who supersedes whom, reading the (few)
    # corrections and voids of that indicator instead of every row it has (a partial index:
    # about 1% of the entries).
    3: (
        """
        CREATE INDEX entries_supersessions ON entries (indicator_id, supersedes, uid)
        WHERE supersedes IS NOT NULL
        """,
    ),
    # The audit trail (issue 12): period locks and explanations of shortfalls, append-only
    # like the entries (the same two triggers each). The latest event of a period code (of an
    # indicator and period) decides; a writer reads the events inside its write transaction.
    4: (
        """
        CREATE TABLE period_locks (
            seq          INTEGER PRIMARY KEY AUTOINCREMENT,
            uid          TEXT    NOT NULL UNIQUE,
            period       TEXT    NOT NULL,
            action       TEXT    NOT NULL CHECK (action IN ('lock', 'unlock')),
            reason       TEXT    NOT NULL CHECK (reason <> ''),
            recorded_by  TEXT    NOT NULL DEFAULT '',
            recorded_at  TEXT    NOT NULL
        )
        """,
        """
        CREATE TRIGGER period_locks_never_updated BEFORE UPDATE ON period_locks
        BEGIN SELECT RAISE(ABORT, 'wsp: locks are never changed; append an unlock'); END
        """,
        """
        CREATE TRIGGER period_locks_never_deleted BEFORE DELETE ON period_locks
        BEGIN SELECT RAISE(ABORT, 'wsp: locks are never deleted; append an unlock'); END
        """,
        """
        CREATE TABLE explanations (
            seq          INTEGER PRIMARY KEY AUTOINCREMENT,
            uid          TEXT    NOT NULL UNIQUE,
            indicator_id TEXT    NOT NULL,
            period       TEXT    NOT NULL,
            kind         TEXT    NOT NULL CHECK (kind IN ('explain', 'withdraw')),
            text         TEXT    NOT NULL DEFAULT '',
            recorded_by  TEXT    NOT NULL DEFAULT '',
            recorded_at  TEXT    NOT NULL,
            CHECK ((kind = 'withdraw') = (text = ''))
        )
        """,
        "CREATE INDEX explanations_indicator_period ON explanations (indicator_id, period, seq)",
        """
        CREATE TRIGGER explanations_never_updated BEFORE UPDATE ON explanations
        BEGIN SELECT RAISE(ABORT, 'wsp: explanations are never changed; append another'); END
        """,
        """
        CREATE TRIGGER explanations_never_deleted BEFORE DELETE ON explanations
        BEGIN SELECT RAISE(ABORT, 'wsp: explanations are never deleted; append a withdrawal'); END
        """,
    ),
    # The grants register (issue 14): one row per offer or grant, append-only like the entries
    # (the same two triggers); a correction or void is a new row whose supersedes names the
    # row it replaces, at most once (a unique index). The aggregates of computed indicators
    # group by year and by mode, area or department: an index each, the year first.
    5: (
        """
        CREATE TABLE grants (
            seq           INTEGER PRIMARY KEY AUTOINCREMENT,
            uid           TEXT    NOT NULL UNIQUE,
            ref           TEXT    NOT NULL DEFAULT '',
            year          INTEGER NOT NULL,
            mode          TEXT    NOT NULL CHECK (mode IN ('konkurs', '19a', 'inicjatywa', 'inny')),
            area          TEXT    NOT NULL CHECK (area <> ''),
            department    TEXT    NOT NULL DEFAULT '',
            organisation  TEXT    NOT NULL DEFAULT '',
            krs           TEXT    NOT NULL DEFAULT '',
            title         TEXT    NOT NULL DEFAULT '',
            requested     REAL,
            granted       REAL,
            settled       REAL,
            returned      REAL,
            contract_date TEXT,
            start_date    TEXT,
            end_date      TEXT,
            void          INTEGER NOT NULL DEFAULT 0 CHECK (void IN (0, 1)),
            supersedes    TEXT,
            reason        TEXT    NOT NULL DEFAULT '',
            recorded_by   TEXT    NOT NULL DEFAULT '',
            recorded_at   TEXT    NOT NULL,
            CHECK (void = 0 OR supersedes IS NOT NULL)
        )
        """,
        """
        CREATE UNIQUE INDEX grants_supersedes ON grants (supersedes)
        WHERE supersedes IS NOT NULL
        """,
        "CREATE INDEX grants_ref ON grants (ref) WHERE ref <> ''",
        "CREATE INDEX grants_year_mode ON grants (year, mode)",
        "CREATE INDEX grants_year_area ON grants (year, area)",
        "CREATE INDEX grants_year_department ON grants (year, department)",
        """
        CREATE TRIGGER grants_never_updated BEFORE UPDATE ON grants
        BEGIN SELECT RAISE(ABORT, 'wsp: grant rows are never changed; append a correction'); END
        """,
        """
        CREATE TRIGGER grants_never_deleted BEFORE DELETE ON grants
        BEGIN SELECT RAISE(ABORT, 'wsp: grant rows are never deleted; append a void'); END
        """,
    ),
}


# The schema objects each version has (what its migrations create), for `wsp store verify`.
_OBJECTS_V1 = {
    ("table", "entries"),
    ("table", "meta"),
    ("index", "entries_indicator_period"),
    ("index", "entries_supersedes"),
    ("trigger", "entries_never_updated"),
    ("trigger", "entries_never_deleted"),
}
SCHEMA_OBJECTS: dict[int, set[tuple[str, str]]] = {1: _OBJECTS_V1}
SCHEMA_OBJECTS[2] = (SCHEMA_OBJECTS[1] - {("index", "entries_indicator_period")}) | {
    ("index", "entries_aggregate")
}
SCHEMA_OBJECTS[3] = SCHEMA_OBJECTS[2] | {("index", "entries_supersessions")}
SCHEMA_OBJECTS[4] = SCHEMA_OBJECTS[3] | {
    ("table", "period_locks"),
    ("trigger", "period_locks_never_updated"),
    ("trigger", "period_locks_never_deleted"),
    ("table", "explanations"),
    ("index", "explanations_indicator_period"),
    ("trigger", "explanations_never_updated"),
    ("trigger", "explanations_never_deleted"),
}
SCHEMA_OBJECTS[5] = SCHEMA_OBJECTS[4] | {
    ("table", "grants"),
    ("index", "grants_supersedes"),
    ("index", "grants_ref"),
    ("index", "grants_year_mode"),
    ("index", "grants_year_area"),
    ("index", "grants_year_department"),
    ("trigger", "grants_never_updated"),
    ("trigger", "grants_never_deleted"),
}


def invariant_problems(conn: sqlite3.Connection) -> list[str]:
    """What breaks wsp's own rules in a store that SQLite's integrity check cannot see: its
    identity and schema version, the schema objects of that version (the triggers that keep
    it append-only among them), and every supersession (a correction or void names an earlier
    entry of the same indicator and period that is not a void). Cheap: the supersessions are
    read through their own index. Raises sqlite3.Error for what cannot be read."""
    problems: list[str] = []
    version, app_id = identity(conn)
    if app_id != APPLICATION_ID or not 1 <= version <= SCHEMA_VERSION:
        problems.append(t("verify.identity", version=version, supported=SCHEMA_VERSION))
        return problems
    present = set(conn.execute("SELECT type, name FROM sqlite_master").fetchall())
    for kind, name in sorted(SCHEMA_OBJECTS[version] - present):
        problems.append(t("verify.missing_object", kind=kind, name=name))
    if ("table", "grants") in present:
        problems += grant_problems(
            conn.execute(
                "SELECT c.uid, c.supersedes, o.uid, o.void, o.seq < c.seq FROM grants c"
                " LEFT JOIN grants o ON o.uid = c.supersedes WHERE c.supersedes IS NOT NULL"
                " ORDER BY c.seq"
            )
        )
    if ("index", "entries_supersedes") not in present:
        return problems
    rows = conn.execute(
        "SELECT c.uid, c.supersedes, o.uid, o.kind, o.indicator_id = c.indicator_id"
        " AND o.period = c.period, o.seq < c.seq"
        " FROM entries c INDEXED BY entries_supersedes LEFT JOIN entries o ON o.uid = c.supersedes"
        " WHERE c.supersedes IS NOT NULL ORDER BY c.seq"
    )
    for uid, target, found, kind, same, earlier in rows:
        if found is None:
            problems.append(t("verify.supersedes_missing", uid=uid, target=target))
        elif kind == "void":
            problems.append(t("verify.supersedes_void", uid=uid, target=target))
        elif not same:
            problems.append(t("verify.supersedes_other", uid=uid, target=target))
        elif not earlier:
            problems.append(t("verify.supersedes_later", uid=uid, target=target))
    return problems


def grant_problems(rows: Iterable[Sequence[Any]]) -> list[str]:
    """What is wrong with the grant rows' supersessions, from (uid, supersedes, the superseded
    row's uid, its void, whether it is earlier) rows: each names an earlier row, not a void.
    (At most once is the unique index's, which the backend's own check tests.)"""
    problems: list[str] = []
    for uid, target, found, void, earlier in rows:
        if found is None:
            problems.append(t("verify.grant_supersedes_missing", uid=uid, target=target))
        elif void:
            problems.append(t("verify.grant_supersedes_void", uid=uid, target=target))
        elif not earlier:
            problems.append(t("verify.grant_supersedes_later", uid=uid, target=target))
    return problems


def switch_to_wal(conn: sqlite3.Connection, attempts: int = 50) -> None:
    """Put a new store in WAL mode. Several processes creating the same store at once may
    find it locked while another one switches it (SQLite does not always wait for this), so
    a locked switch is retried for a few seconds before it fails."""
    import time

    for attempt in range(attempts):
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc).lower() or attempt == attempts - 1:
                raise
            time.sleep(0.05 + 0.01 * attempt)


def migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Bring the schema up to SCHEMA_VERSION in one transaction (or refuse a foreign file)."""
    # One read transaction: another process may be creating the store at this moment, and its
    # identity and its tables must be seen as of one instant (read apart, an identity of 0
    # before its commit and its tables after it look like a foreign database).
    conn.execute("BEGIN")
    try:
        version, app_id = identity(conn)
        if version == SCHEMA_VERSION and app_id == APPLICATION_ID:
            return
        # Refused before anything is written: switching to WAL rewrites the file's header, and
        # a foreign database must stay byte-identical. Checked again inside the transaction.
        refuse_foreign(conn, path, version, app_id)
    finally:
        conn.execute("COMMIT")
    if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        switch_to_wal(conn)
    conn.execute("BEGIN IMMEDIATE")
    try:
        version, app_id = identity(conn)  # another process may have just done it
        refuse_foreign(conn, path, version, app_id)
        for target in range(version + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[target]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {target}")
        if app_id != APPLICATION_ID:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('created_at', ?)", (now_utc(),)
            )
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def identity(conn: sqlite3.Connection) -> tuple[int, int]:
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    return version, app_id


def refuse_foreign(conn: sqlite3.Connection, path: Path, version: int, app_id: int) -> None:
    if app_id == APPLICATION_ID:
        if version > SCHEMA_VERSION:
            raise StoreError(
                t("store.too_new", path=path, version=version, supported=SCHEMA_VERSION),
                hint=t("store.too_new.hint"),
            )
        return
    tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if app_id != 0 or version != 0 or tables:
        raise StoreError(t("store.not_wsp", path=path), hint=t("store.not_wsp.hint"))

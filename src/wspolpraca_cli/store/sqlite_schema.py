"""The SQLite store's schema and identity: the migrations that build it, the marks that say a
file is a wsp store (``PRAGMA application_id``) and which schema it has (``PRAGMA
user_version``), migrating an older store forward in one transaction, refusing a newer or a
foreign file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from wspolpraca_cli.errors import StoreError
from wspolpraca_cli.i18n import t
from wspolpraca_cli.store.shared import now_utc

APPLICATION_ID = 0x77737031  # "wsp1" in ASCII: marks a file as a wsp store
SCHEMA_VERSION = 2

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
}


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
    version, app_id = identity(conn)
    if version == SCHEMA_VERSION and app_id == APPLICATION_ID:
        return
    # Refused before anything is written: switching to WAL rewrites the file's header, and a
    # foreign database must stay byte-identical. Checked again inside the transaction.
    refuse_foreign(conn, path, version, app_id)
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

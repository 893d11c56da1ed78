"""The PostgreSQL store's schema and identity: the migrations that build it (numbered as the
SQLite store's, so a store keeps its version when it is copied), the row of ``wsp_meta`` that
marks a database as wsp's and the one that says which schema it has, migrating an older store
forward in one transaction (DDL is transactional in PostgreSQL), refusing a newer schema or a
database that holds other tables but no wsp store.

Append-only is the database's rule, not only wsp's: triggers refuse every ``UPDATE``,
``DELETE`` and ``TRUNCATE`` of ``wsp_entries``, for any role, a superuser too, and are enabled
``ALWAYS`` so that ``session_replication_role = replica`` does not switch them off."""

from __future__ import annotations

from typing import Any

from wspolpraca_cli.errors import StoreError
from wspolpraca_cli.i18n import t
from wspolpraca_cli.store.shared import now_utc

IDENTITY = "wsp measurement store"
"""``wsp_meta.application``: what marks a database as holding a wsp store."""
SCHEMA_VERSION = 5
LOCK_KEY = 0x77737031
"""The advisory lock every write holds (one writer at a time, as SQLite's BEGIN IMMEDIATE)."""

_TEXT = 'text COLLATE "C"'  # byte order, as SQLite compares text: the same order of reads

# Schema migrations: MIGRATIONS[n] brings a store from version n-1 to version n.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        f"""
        CREATE TABLE wsp_entries (
            seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            uid          {_TEXT} NOT NULL UNIQUE,
            indicator_id {_TEXT} NOT NULL,
            period       {_TEXT} NOT NULL,
            value        double precision,
            kind         {_TEXT} NOT NULL CHECK (kind IN ('record', 'correction', 'void')),
            date         {_TEXT},
            note         text NOT NULL DEFAULT '',
            source       text NOT NULL DEFAULT '',
            tags         text NOT NULL DEFAULT '[]',
            recorded_by  text NOT NULL DEFAULT '',
            recorded_at  {_TEXT} NOT NULL,
            supersedes   {_TEXT},
            reason       text NOT NULL DEFAULT '',
            CHECK ((kind = 'void') = (value IS NULL)),
            CHECK ((kind = 'record') = (supersedes IS NULL))
        )
        """,
        "CREATE INDEX wsp_entries_indicator_period ON wsp_entries (indicator_id, period)",
        # one entry superseded at most once, also between concurrent writers
        "ALTER TABLE wsp_entries ADD CONSTRAINT wsp_entries_supersedes_once UNIQUE (supersedes)",
        """
        CREATE FUNCTION wsp_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'wsp: entries are never changed or deleted (% refused); '
                'append a correction or a void', TG_OP
                USING ERRCODE = 'restrict_violation';
        END
        $$
        """,
        """
        CREATE TRIGGER wsp_entries_never_changed BEFORE UPDATE OR DELETE ON wsp_entries
        FOR EACH ROW EXECUTE FUNCTION wsp_entries_append_only()
        """,
        """
        CREATE TRIGGER wsp_entries_never_truncated BEFORE TRUNCATE ON wsp_entries
        FOR EACH STATEMENT EXECUTE FUNCTION wsp_entries_append_only()
        """,
        "ALTER TABLE wsp_entries ENABLE ALWAYS TRIGGER wsp_entries_never_changed",
        "ALTER TABLE wsp_entries ENABLE ALWAYS TRIGGER wsp_entries_never_truncated",
    ),
    # A covering index: the per-period aggregates of Store.summaries() read only the index, in
    # the order SQLite's covering index holds the rows (NULL dates first, then seq), so that a
    # period's total adds the same floats in the same order (200,000 entries: 0.18 s; sorting
    # them for an ordered aggregate instead took 1.9 s).
    2: (
        """
        CREATE INDEX wsp_entries_aggregate
        ON wsp_entries (indicator_id, period, kind, date NULLS FIRST, value, seq)
        """,
        "DROP INDEX wsp_entries_indicator_period",
    ),
    # The supersessions of one indicator, from an index alone (a partial index).
    3: (
        """
        CREATE INDEX wsp_entries_supersessions ON wsp_entries (indicator_id, supersedes, uid)
        WHERE supersedes IS NOT NULL
        """,
    ),
    # The audit trail (as SQLite's schema 4): period locks and explanations of shortfalls,
    # append-only like the entries, by the database's triggers.
    4: (
        f"""
        CREATE TABLE wsp_period_locks (
            seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            uid          {_TEXT} NOT NULL UNIQUE,
            period       {_TEXT} NOT NULL,
            action       {_TEXT} NOT NULL CHECK (action IN ('lock', 'unlock')),
            reason       text NOT NULL CHECK (reason <> ''),
            recorded_by  text NOT NULL DEFAULT '',
            recorded_at  {_TEXT} NOT NULL
        )
        """,
        f"""
        CREATE TABLE wsp_explanations (
            seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            uid          {_TEXT} NOT NULL UNIQUE,
            indicator_id {_TEXT} NOT NULL,
            period       {_TEXT} NOT NULL,
            kind         {_TEXT} NOT NULL CHECK (kind IN ('explain', 'withdraw')),
            text         text NOT NULL DEFAULT '',
            recorded_by  text NOT NULL DEFAULT '',
            recorded_at  {_TEXT} NOT NULL,
            CHECK ((kind = 'withdraw') = (text = ''))
        )
        """,
        """
        CREATE INDEX wsp_explanations_indicator_period
        ON wsp_explanations (indicator_id, period, seq)
        """,
        """
        CREATE FUNCTION wsp_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'wsp: the audit trail is never changed or deleted (% refused); '
                'append an unlock or a withdrawal', TG_OP
                USING ERRCODE = 'restrict_violation';
        END
        $$
        """,
        *(
            statement
            for table in ("wsp_period_locks", "wsp_explanations")
            for statement in (
                f"CREATE TRIGGER {table}_never_changed BEFORE UPDATE OR DELETE ON {table}"
                " FOR EACH ROW EXECUTE FUNCTION wsp_audit_append_only()",
                f"CREATE TRIGGER {table}_never_truncated BEFORE TRUNCATE ON {table}"
                " FOR EACH STATEMENT EXECUTE FUNCTION wsp_audit_append_only()",
                f"ALTER TABLE {table} ENABLE ALWAYS TRIGGER {table}_never_changed",
                f"ALTER TABLE {table} ENABLE ALWAYS TRIGGER {table}_never_truncated",
            )
        ),
    ),
    # The grants register (as SQLite's schema 5): append-only rows, a row superseded at most
    # once (a unique constraint), an index each for the aggregates' groups, the year first.
    5: (
        f"""
        CREATE TABLE wsp_grants (
            seq           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            uid           {_TEXT} NOT NULL UNIQUE,
            ref           {_TEXT} NOT NULL DEFAULT '',
            year          integer NOT NULL,
            mode          {_TEXT} NOT NULL
                          CHECK (mode IN ('konkurs', '19a', 'inicjatywa', 'inny')),
            area          {_TEXT} NOT NULL CHECK (area <> ''),
            department    {_TEXT} NOT NULL DEFAULT '',
            organisation  {_TEXT} NOT NULL DEFAULT '',
            krs           {_TEXT} NOT NULL DEFAULT '',
            title         {_TEXT} NOT NULL DEFAULT '',
            requested     double precision,
            granted       double precision,
            settled       double precision,
            returned      double precision,
            contract_date {_TEXT},
            start_date    {_TEXT},
            end_date      {_TEXT},
            void          boolean NOT NULL DEFAULT false,
            supersedes    {_TEXT},
            reason        text NOT NULL DEFAULT '',
            recorded_by   text NOT NULL DEFAULT '',
            recorded_at   {_TEXT} NOT NULL,
            CHECK (NOT void OR supersedes IS NOT NULL)
        )
        """,
        "ALTER TABLE wsp_grants ADD CONSTRAINT wsp_grants_supersedes_once UNIQUE (supersedes)",
        "CREATE INDEX wsp_grants_ref ON wsp_grants (ref) WHERE ref <> ''",
        "CREATE INDEX wsp_grants_year_mode ON wsp_grants (year, mode)",
        "CREATE INDEX wsp_grants_year_area ON wsp_grants (year, area)",
        "CREATE INDEX wsp_grants_year_department ON wsp_grants (year, department)",
        """
        CREATE FUNCTION wsp_grants_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'wsp: grant rows are never changed or deleted (% refused); '
                'append a correction or a void', TG_OP
                USING ERRCODE = 'restrict_violation';
        END
        $$
        """,
        "CREATE TRIGGER wsp_grants_never_changed BEFORE UPDATE OR DELETE ON wsp_grants"
        " FOR EACH ROW EXECUTE FUNCTION wsp_grants_append_only()",
        "CREATE TRIGGER wsp_grants_never_truncated BEFORE TRUNCATE ON wsp_grants"
        " FOR EACH STATEMENT EXECUTE FUNCTION wsp_grants_append_only()",
        "ALTER TABLE wsp_grants ENABLE ALWAYS TRIGGER wsp_grants_never_changed",
        "ALTER TABLE wsp_grants ENABLE ALWAYS TRIGGER wsp_grants_never_truncated",
    ),
}
AUDIT_TABLES = ("wsp_period_locks", "wsp_explanations")
GRANTS_TABLE = "wsp_grants"

_OBJECTS_V1 = {
    ("table", "wsp_entries"),
    ("table", "wsp_meta"),
    ("index", "wsp_entries_indicator_period"),
    ("index", "wsp_entries_supersedes_once"),
    ("trigger", "wsp_entries_never_changed"),
    ("trigger", "wsp_entries_never_truncated"),
}
SCHEMA_OBJECTS: dict[int, set[tuple[str, str]]] = {1: _OBJECTS_V1}
SCHEMA_OBJECTS[2] = (SCHEMA_OBJECTS[1] - {("index", "wsp_entries_indicator_period")}) | {
    ("index", "wsp_entries_aggregate")
}
SCHEMA_OBJECTS[3] = SCHEMA_OBJECTS[2] | {("index", "wsp_entries_supersessions")}
SCHEMA_OBJECTS[4] = SCHEMA_OBJECTS[3] | {
    ("table", "wsp_period_locks"),
    ("table", "wsp_explanations"),
    ("index", "wsp_explanations_indicator_period"),
    *(
        ("trigger", f"{table}_{what}")
        for table in AUDIT_TABLES
        for what in ("never_changed", "never_truncated")
    ),
}
SCHEMA_OBJECTS[5] = SCHEMA_OBJECTS[4] | {
    ("table", "wsp_grants"),
    ("index", "wsp_grants_supersedes_once"),
    ("index", "wsp_grants_ref"),
    ("index", "wsp_grants_year_mode"),
    ("index", "wsp_grants_year_area"),
    ("index", "wsp_grants_year_department"),
    ("trigger", "wsp_grants_never_changed"),
    ("trigger", "wsp_grants_never_truncated"),
}

_META = "CREATE TABLE wsp_meta (key text PRIMARY KEY, value text NOT NULL)"


TABLES = (
    "SELECT c.relname::text FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace"
    " AND c.relkind IN ('r', 'p', 'v', 'm', 'f')"
)
"""The names of the current schema's tables (and views): what :func:`identity` looks at."""


def identity(conn: Any, tables: set[str] | None = None) -> tuple[int, bool, int]:
    """(schema version, whether the database holds a wsp store, how many other tables the
    current schema has): a store is marked by ``wsp_meta``'s ``application`` row. ``tables``:
    the result of :data:`TABLES` when the caller has just read it (one round trip less)."""
    if tables is None:
        tables = {str(r[0]) for r in conn.execute(TABLES).fetchall()}
    if "wsp_meta" not in tables:
        return 0, False, len(tables)
    rows = dict(conn.execute("SELECT key, value FROM wsp_meta").fetchall())
    ours = rows.get("application") == IDENTITY
    try:
        version = int(rows.get("schema_version", "0"))
    except ValueError:
        version = -1
    return version, ours, len(tables - {"wsp_meta", "wsp_entries", *AUDIT_TABLES, GRANTS_TABLE})


def refuse_foreign(version: int, ours: bool, others: int, shown: str) -> None:
    if ours:
        if version > SCHEMA_VERSION:
            raise StoreError(
                t("store.too_new", path=shown, version=version, supported=SCHEMA_VERSION),
                hint=t("store.too_new.hint"),
            )
        if version >= 1:
            return
    if ours or version or others:
        raise StoreError(t("store.pg_not_wsp", url=shown), hint=t("store.pg_not_wsp.hint"))


def migrate(conn: Any, shown: str, known: tuple[int, bool, int] | None = None) -> int:
    """Bring the schema up to SCHEMA_VERSION (create it in an empty database) in one
    transaction, under the writers' lock (two processes creating the store at once: the second
    finds it made). Refuses a foreign or newer database untouched. Returns the version.
    ``known``: the :func:`identity` the caller has just read."""
    version, ours, others = identity(conn) if known is None else known
    if ours and version == SCHEMA_VERSION:
        return version
    refuse_foreign(version, ours, others, shown)
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
        version, ours, others = identity(conn)  # another process may have just done it
        refuse_foreign(version, ours, others, shown)
        if not ours:
            conn.execute(_META)
            conn.execute(
                "INSERT INTO wsp_meta (key, value) VALUES ('application', %s),"
                " ('created_at', %s), ('schema_version', '0')",
                (IDENTITY, now_utc()),
            )
        for target in range(version + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[target]:
                conn.execute(statement)
            conn.execute(
                "UPDATE wsp_meta SET value = %s WHERE key = 'schema_version'", (str(target),)
            )
    return SCHEMA_VERSION


def invariant_problems(conn: Any) -> list[str]:
    """What breaks wsp's rules: the identity and version, the schema objects of that version
    (the append-only triggers among them, and that they are enabled always), and every
    supersession (a correction or void names an earlier entry of the same indicator and period
    that is not a void)."""
    problems: list[str] = []
    version, ours, _ = identity(conn)
    if not ours or not 1 <= version <= SCHEMA_VERSION:
        problems.append(t("verify.identity", version=version, supported=SCHEMA_VERSION))
        return problems
    present = {
        ("table", str(r[0]))
        for r in conn.execute(
            "SELECT relname FROM pg_class WHERE relnamespace = current_schema()::regnamespace"
            " AND relkind = 'r'"
        ).fetchall()
    }
    present |= {
        ("index", str(r[0]))
        for r in conn.execute(
            "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
        ).fetchall()
    }
    tables = [
        name for name in ("wsp_entries", *AUDIT_TABLES, GRANTS_TABLE) if ("table", name) in present
    ]
    triggers = dict(
        conn.execute(
            "SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = ANY(%s::regclass[])"
            " AND NOT tgisinternal",
            (tables,),
        ).fetchall()
        if tables
        else []
    )
    present |= {("trigger", str(name)) for name, enabled in triggers.items() if enabled == "A"}
    for kind, name in sorted(SCHEMA_OBJECTS[version] - present):
        problems.append(t("verify.missing_object", kind=kind, name=name))
    if ("table", GRANTS_TABLE) in present:
        from wspolpraca_cli.store.sqlite_schema import grant_problems

        problems += grant_problems(
            conn.execute(
                "SELECT c.uid, c.supersedes, o.uid, o.void, o.seq < c.seq FROM wsp_grants c"
                " LEFT JOIN wsp_grants o ON o.uid = c.supersedes WHERE c.supersedes IS NOT NULL"
                " ORDER BY c.seq"
            ).fetchall()
        )
    if ("table", "wsp_entries") not in present:
        return problems
    rows = conn.execute(
        "SELECT c.uid, c.supersedes, o.uid, o.kind, o.indicator_id = c.indicator_id"
        " AND o.period = c.period, o.seq < c.seq"
        " FROM wsp_entries c LEFT JOIN wsp_entries o ON o.uid = c.supersedes"
        " WHERE c.supersedes IS NOT NULL ORDER BY c.seq"
    ).fetchall()
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

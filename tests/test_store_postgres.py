"""What only the PostgreSQL store has: the database's own refusal of changes (for a superuser
too), its identity among other tables, the server's failures as messages naming it, the URL,
the database user as recorder, and reads identical to the SQLite store's. Skipped without a
server (tests/conftest.py says how to get one); every other store test runs on both."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import TEST_PROGRAM, MakeWsp, PgServer, Wsp
from wspolpraca_cli.entries import Entry, EntryKind, TagSummary
from wspolpraca_cli.errors import StoreError, UsageError
from wspolpraca_cli.locate import store_url
from wspolpraca_cli.store import open_store
from wspolpraca_cli.store.postgres_schema import SCHEMA_VERSION
from wspolpraca_cli.store.postgres_url import parse_url, shown_url


def sql(url: str) -> Any:
    """A psycopg connection (autocommit) to the test's schema, as the superuser."""
    import psycopg

    return psycopg.connect(url, autocommit=True)


TABLES = "wsp_entries, wsp_meta, wsp_period_locks, wsp_explanations, wsp_grants"
"""Every table of the schema: what a clerk needs rights on."""


def rec(value: float, period: str = "2024", ind: str = "1.1", **kw: Any) -> Entry:
    return Entry(kw.pop("uid", ""), ind, period, value, **kw)


@pytest.fixture
def pg_url(pg: PgServer) -> Any:
    url = pg.fresh("pgtest")
    yield url
    pg.drop(url)


@pytest.fixture
def pg_wsp(make_wsp: MakeWsp, pg_url: str) -> Wsp:
    base = make_wsp(TEST_PROGRAM)
    return Wsp(base.program, pg_url)


# -- append-only, enforced by the database -----------------------------------------------------


def test_triggers_refuse_update_delete_truncate_even_for_a_superuser(pg_url: str) -> None:
    import psycopg

    with open_store(pg_url) as store:
        kept = store.add(rec(1))
    with sql(pg_url) as conn:
        assert conn.execute(
            "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"
        ).fetchone()[0]
        for statement in (
            "UPDATE wsp_entries SET value = 5",
            "DELETE FROM wsp_entries",
            "TRUNCATE wsp_entries",
        ):
            with pytest.raises(psycopg.errors.RestrictViolation, match="never changed or deleted"):
                conn.execute(statement)
        # replication mode switches ordinary triggers off, not these (ENABLE ALWAYS)
        conn.execute("SET session_replication_role = replica")
        with pytest.raises(psycopg.errors.RestrictViolation):
            conn.execute("UPDATE wsp_entries SET note = 'x'")
    with open_store(pg_url, readonly=True) as store:
        assert store.entries() == [kept]


def test_the_audit_trail_is_append_only_in_the_database_too(pg_url: str) -> None:
    import psycopg

    from wspolpraca_cli.audit import Explanation, LockAction, LockEvent

    with open_store(pg_url) as store:
        lock = store.add_lock_event(LockEvent("", "2024", LockAction.LOCK, "przyjęte"))
        why = store.add_explanation(Explanation("", "1.1", "2023", "powód"))
        assert lock.recorded_by == why.recorded_by != ""  # the database user
    with sql(pg_url) as conn:
        conn.execute("SET session_replication_role = replica")
        for table in ("wsp_period_locks", "wsp_explanations"):
            for statement in (
                f"UPDATE {table} SET period = '2020'",
                f"DELETE FROM {table}",
                f"TRUNCATE {table}",
            ):
                with pytest.raises(psycopg.errors.RestrictViolation, match="never changed"):
                    conn.execute(statement)
    with open_store(pg_url, readonly=True) as store:
        assert store.lock_events() == [lock] and store.explanations() == [why]


def test_an_entry_is_superseded_once_by_the_database_too(pg_url: str) -> None:
    import psycopg

    with open_store(pg_url) as store:
        a = store.add(rec(1))
        store.add(Entry("", "1.1", "2024", 2.0, EntryKind.CORRECTION, supersedes=a.uid))
    with sql(pg_url) as conn, pytest.raises(psycopg.errors.UniqueViolation):
        conn.execute(
            "INSERT INTO wsp_entries (uid, indicator_id, period, value, kind, recorded_at,"
            " supersedes) VALUES ('x0000001', '1.1', '2024', 3, 'correction', 'now', %s)",
            (a.uid,),
        )


def test_recorded_by_is_the_database_user(pg_wsp: Wsp) -> None:
    uid = pg_wsp.record("1.1", "2", "--year", "2024")
    with open_store(str(pg_wsp.store), readonly=True) as store:
        entry = store.get(uid)
    assert entry is not None and entry.recorded_by == "wsp"
    with open_store(str(pg_wsp.store)) as store:
        assert store.add(rec(1, recorded_by="anna")).recorded_by == "anna"


def test_a_clerk_records_and_a_reader_only_reads(pg_wsp: Wsp) -> None:
    import uuid

    pg_wsp.record("1.1", "1", "--year", "2024")
    url = str(pg_wsp.store)
    schema = url.rsplit("%3D", 1)[1]
    clerk, reader = (f"{who}_{uuid.uuid4().hex[:6]}" for who in ("clerk", "reader"))
    with sql(url) as conn:
        for role, rights in ((clerk, "SELECT, INSERT"), (reader, "SELECT")):
            conn.execute(f"CREATE ROLE {role} LOGIN PASSWORD 'pw'")
            conn.execute(f'GRANT USAGE ON SCHEMA "{schema}" TO {role}')
            conn.execute(f"GRANT {rights} ON {TABLES} TO {role}")
    try:
        as_role = url.replace("://wsp@", "://{}:pw@")
        by_clerk = Wsp(pg_wsp.program, as_role.format(clerk))
        uid = by_clerk.record("1.1", "2", "--year", "2024")
        by_reader = Wsp(pg_wsp.program, as_role.format(reader))
        assert uid[:8] in by_reader("history").stdout
        run = by_reader("record", "1.1", "3", "--year", "2024")
        assert run.exit_code == 3
        assert f"The user {reader} lacks a privilege wsp needs" in run.stderr
        assert "pw@" not in run.stderr and "SELECT and INSERT" in run.stderr
        with open_store(url, readonly=True) as store:
            assert [e.recorded_by for e in store.entries()][-1] == clerk
    finally:
        with sql(url) as conn:
            for role in (clerk, reader):
                conn.execute(f"DROP OWNED BY {role}")
                conn.execute(f"DROP ROLE {role}")


def test_the_postgres_scheme_and_wsp_store_work_as_postgresql(
    pg_wsp: Wsp, monkeypatch: pytest.MonkeyPatch
) -> None:
    alias = str(pg_wsp.store).replace("postgresql://", "postgres://")
    uid = Wsp(pg_wsp.program, alias).record("1.1", "2", "--year", "2024")
    monkeypatch.setenv("WSP_STORE", str(pg_wsp.store))
    from typer.testing import CliRunner

    from wspolpraca_cli.cli.app import app

    run = CliRunner().invoke(app, ["--lang", "en", "--program", str(pg_wsp.program), "history"])
    assert run.exit_code == 0 and uid[:8] in run.stdout


# -- identity, schema, refusals ------------------------------------------------------------------


def test_a_database_with_other_tables_is_refused_untouched(pg_wsp: Wsp) -> None:
    url = str(pg_wsp.store)
    with sql(url) as conn:
        conn.execute("CREATE TABLE people (name text)")
        conn.execute("INSERT INTO people VALUES ('Anna')")
    for lang, words in (("en", "holds other tables, not a wsp"), ("pl", "zawiera inne tabele")):
        run = pg_wsp("record", "1.1", "1", "--year", "2024", lang=lang)
        assert run.exit_code == 3
        assert words in run.stderr
        assert "Traceback" not in run.stderr and "wsp-test-secret" not in run.stderr
    assert pg_wsp("status").exit_code == 3
    with sql(url) as conn:
        assert conn.execute("SELECT to_regclass('wsp_meta')").fetchone() == (None,)
        assert conn.execute("SELECT name FROM people").fetchall() == [("Anna",)]


def test_a_newer_schema_is_refused(pg_wsp: Wsp) -> None:
    pg_wsp.record("1.1", "1", "--year", "2024")
    with sql(str(pg_wsp.store)) as conn:
        conn.execute("ALTER TABLE wsp_meta DISABLE TRIGGER ALL")
        conn.execute("UPDATE wsp_meta SET value = '99' WHERE key = 'schema_version'")
    run = pg_wsp("status")
    assert run.exit_code == 3
    assert f"has schema version 99; this wsp knows versions up to {SCHEMA_VERSION}" in run.stderr
    assert "upgrade wsp" in run.stderr


def test_the_schema_is_created_once_by_concurrent_first_writers(pg_url: str) -> None:
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_record_one, args=(pg_url, w)) for w in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    with open_store(pg_url, readonly=True) as store:
        assert sorted(e.note for e in store.entries()) == [f"w{w}" for w in range(4)]
        assert store.schema_version() == SCHEMA_VERSION


def _record_one(url: str, worker: int) -> None:
    with open_store(url) as store:
        store.add(rec(1, note=f"w{worker}"))


def test_a_migration_step_brings_an_older_store_forward(pg_url: str) -> None:
    from wspolpraca_cli.store import postgres_schema

    with sql(pg_url) as conn:  # a store as schema 1 made it
        conn.execute(postgres_schema._META)
        conn.execute(
            "INSERT INTO wsp_meta VALUES ('application', %s), ('schema_version', '1')",
            (postgres_schema.IDENTITY,),
        )
        for statement in postgres_schema.MIGRATIONS[1]:
            conn.execute(statement)
        conn.execute(
            "INSERT INTO wsp_entries (uid, indicator_id, period, value, kind, recorded_at)"
            " VALUES ('old00001', '1.1', '2022', 3, 'record', '2022-05-01T10:00:00Z')"
        )
    with open_store(pg_url) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert [e.uid for e in store.entries()] == ["old00001"]
        assert store.verify(full=True) == []


def test_store_verify_finds_a_disabled_or_dropped_trigger(pg_wsp: Wsp) -> None:
    pg_wsp.record("1.1", "1", "--year", "2024")
    intact = pg_wsp("store", "verify")
    assert intact.exit_code == 0, intact.stderr
    assert intact.stdout == (
        f"The store {pg_wsp.store} is intact: wsp's rules (schema, the triggers that protect "
        "entries, every correction) found nothing wrong (schema version 5, 1 entry).\n"
    )
    with sql(str(pg_wsp.store)) as conn:
        conn.execute("ALTER TABLE wsp_entries DISABLE TRIGGER wsp_entries_never_changed")
        conn.execute("DROP TRIGGER wsp_entries_never_truncated ON wsp_entries")
    run = pg_wsp("store", "verify")
    assert run.exit_code == 3
    assert "wsp_entries_never_changed" in run.stdout
    assert "wsp_entries_never_truncated" in run.stdout


def test_a_writer_waits_for_another_and_then_gives_up(
    pg_wsp: Wsp, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wspolpraca_cli.store.postgres_schema import LOCK_KEY

    pg_wsp.record("1.1", "1", "--year", "2024")
    monkeypatch.setenv("WSP_BUSY_TIMEOUT", "0.3")
    with sql(str(pg_wsp.store)) as holder:
        holder.execute("SELECT pg_advisory_lock(%s)", (LOCK_KEY,))
        run = pg_wsp("record", "1.1", "2", "--year", "2024")
        assert run.exit_code == 3
        assert "has been locked by another process for longer than the timeout" in run.stderr
        assert pg_wsp("history").exit_code == 0  # readers are not blocked
    with open_store(str(pg_wsp.store), readonly=True) as store:
        assert store.count() == 1


# -- the server's failures ----------------------------------------------------------------------


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_server_that_is_down_names_host_and_port(make_wsp: MakeWsp) -> None:
    port = _closed_port()
    wsp = make_wsp()
    down = Wsp(wsp.program, f"postgresql://wsp@127.0.0.1:{port}/wsp")
    for args in (["status"], ["record", "1.1", "1", "--year", "2024"], ["store", "info"]):
        run = down(*args)
        assert run.exit_code == 3, args
        assert f"Cannot connect to the PostgreSQL server 127.0.0.1:{port}" in run.stderr
        assert "folder" not in run.stderr and "mkdir" not in run.stderr
        assert "Traceback" not in run.stderr
    polish = down("status", lang="pl")
    assert f"Nie można połączyć się z serwerem PostgreSQL 127.0.0.1:{port}" in polish.stderr


def test_a_wrong_password_says_so(pg: PgServer, make_wsp: MakeWsp) -> None:
    netloc = pg.url.split("//", 1)[1].split("/", 1)[0]  # user@host:port
    user, hostport = netloc.split("@")
    wrong = Wsp(make_wsp().program, f"postgresql://{user}:nope@{hostport}/postgres")
    run = wrong("status")
    assert run.exit_code == 3
    assert f"The PostgreSQL server {hostport} refused the password of the user {user}." in (
        run.stderr
    )
    assert "PGPASSWORD" in run.stderr and "nope" not in run.stderr
    assert "odrzucił hasło" in wrong("status", lang="pl").stderr


def test_a_missing_database_and_a_missing_role(pg: PgServer, make_wsp: MakeWsp) -> None:
    base = pg.url.rsplit("/", 1)[0]
    program = make_wsp().program
    run = Wsp(program, base + "/no_such_db")("status")
    assert run.exit_code == 3
    assert "has no database no_such_db" in run.stderr and "createdb" in run.stderr
    hostport = base.split("@", 1)[1]
    refused = Wsp(program, f"postgresql://nobody_here@{hostport}/postgres")("status")
    assert refused.exit_code == 3
    assert "nobody_here" in refused.stderr and "Traceback" not in refused.stderr


def test_the_password_may_come_from_a_pgpass_file(
    pg: PgServer, make_wsp: MakeWsp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    password = os.environ["PGPASSWORD"]
    monkeypatch.delenv("PGPASSWORD")
    hostport, database = pg.url.split("@", 1)[1].split("/")
    host, port = hostport.split(":")
    user = pg.url.split("//", 1)[1].split("@")[0]
    url = pg.fresh("pgpass")
    store = Wsp(make_wsp().program, url)
    assert "refused the password" in store("status").stderr
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"{host}:{port}:{database}:{user}:{password}\n", encoding="utf-8")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    assert store("record", "1.1", "1", "--year", "2024").exit_code == 0
    pg.drop(url)


def test_api_failures_are_store_errors(pg: PgServer) -> None:
    with pytest.raises(StoreError) as info:
        open_store(f"postgresql://wsp@127.0.0.1:{_closed_port()}/x", timeout=2)
    assert info.value.exit_code == 3


# -- URLs ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["mysql://u@h/db", "http://example.org/x", "sqlite:///x.db"])
def test_another_url_scheme_is_exit_2_naming_the_known_ones(wsp: Wsp, url: str) -> None:
    run = Wsp(wsp.program, url)("status")
    assert run.exit_code == 2
    scheme = url.split(":", 1)[0]
    assert f"wsp knows no store at a {scheme}:// URL." in run.stderr
    assert "postgresql://, postgres://" in run.stderr
    with pytest.raises(UsageError):
        store_url(url)


@pytest.mark.parametrize(
    "path", ["C:\\dane\\program.wsp.db", "C://dane/p.db", "dane/p.db", "./x:y.db", "p.db"]
)
def test_paths_stay_paths(path: str) -> None:
    assert store_url(path) is None
    assert store_url("postgres://u@h/d") == "postgres://u@h/d"
    assert store_url(Path("postgresql:/x")) is None


_PART = st.text(
    alphabet=st.characters(min_codepoint=33, max_codepoint=0x17F, exclude_characters="@/:?#[]%"),
    min_size=1,
    max_size=12,
)


@given(user=_PART, password=_PART, host=st.from_regex(r"[a-z][a-z0-9.-]{0,20}", fullmatch=True),
       port=st.integers(1, 65535), db=_PART, query=st.booleans())  # fmt: skip
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_urls_are_read_as_libpq_reads_them_and_never_show_the_password(
    user: str, password: str, host: str, port: int, db: str, query: bool
) -> None:
    from urllib.parse import quote

    tail = "?sslmode=require&application_name=x" if query else ""
    url = f"postgresql://{quote(user)}:{quote(password)}@{host}:{port}/{quote(db)}{tail}"
    target = parse_url(url, environ={})
    assert (target.user, target.host, target.port, target.database) == (user, host, port, db)
    assert target.has_password
    assert shown_url(url) == f"postgresql://{quote(user)}:***@{host}:{port}/{quote(db)}{tail}"
    assert shown_url(url + "&password=s3cret" if query else url + "?password=s3cret").endswith(
        "password=***"
    )


def test_an_option_libpq_does_not_know_is_exit_2(pg: PgServer, wsp: Wsp) -> None:
    run = Wsp(wsp.program, pg.url + "?no_such_option=1")("status")
    assert run.exit_code == 2
    assert "Invalid PostgreSQL URL" in run.stderr and "no_such_option" in run.stderr


def test_url_defaults_and_bad_ports() -> None:
    target = parse_url(
        "postgresql:///wsp", environ={"PGHOST": "db", "PGPORT": "6000", "PGUSER": "u"}
    )
    assert (target.host, target.port, target.user, target.database) == ("db", 6000, "u", "wsp")
    assert parse_url("postgres://a@[::1]/d", environ={}).host == "::1"
    with pytest.raises(UsageError, match="the port 99999 is not a number from 1 to 65535"):
        parse_url("postgresql://a@h:99999/d", environ={})
    with pytest.raises(UsageError, match="port abc"):
        parse_url("postgresql://a@h:abc/d", environ={})


# -- the same reads as SQLite -------------------------------------------------------------------

_VALUES = st.sampled_from([0.0, 1.0, 0.1, 0.2, 0.3, 2.5, 1e-9, 1234.56, 99.99, 1e6 + 0.01, 7.0])
_STEP = st.tuples(
    st.sampled_from(["record", "record", "record", "correct", "void"]),
    st.sampled_from(["a", "b", "ą"]),
    st.sampled_from(["2023", "2024", "2024-Q1"]),
    _VALUES,
    st.sampled_from([None, "2024-01-31", "2024-06-30", "2023-12-31"]),
    st.integers(0, 1000),
)


def _same_groups(post: list[TagSummary], lite: list[TagSummary]) -> bool:
    """Breakdown groups equal but for the last bits of a total: SQLite adds a group's values
    in the order its index gives them when it reads some indicators, PostgreSQL in insertion
    order, and floating-point addition depends on the order (1.2000000000000002 and 1.2)."""
    import math

    def key(g: TagSummary) -> tuple[Any, ...]:
        v = g.values
        return (g.indicator_id, g.period, g.tags, v.count, v.minimum, v.maximum, v.last)

    return [key(g) for g in post] == [key(g) for g in lite] and all(
        math.isclose(a.values.total, b.values.total, rel_tol=1e-12, abs_tol=1e-12)
        for a, b in zip(post, lite, strict=True)
    )


@given(steps=st.lists(_STEP, min_size=1, max_size=40))
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None,
          max_examples=15)  # fmt: skip
def test_every_read_is_the_same_as_sqlite(
    pg: PgServer, tmp_path_factory: pytest.TempPathFactory, steps: list[tuple[Any, ...]]
) -> None:
    url = pg.fresh("same")
    path = tmp_path_factory.mktemp("same") / "s.db"
    try:
        with open_store(path) as lite, open_store(url) as post:
            live: list[Entry] = []
            for n, (action, ind, period, value, day, pick) in enumerate(steps):
                entry = rec(value, period, ind, date=day, uid=f"u{n:04d}", recorded_at="t",
                            recorded_by="x", note=f"n{n}")  # fmt: skip
                if action != "record" and live:
                    old = live.pop(pick % len(live))
                    kind = EntryKind.VOID if action == "void" else EntryKind.CORRECTION
                    entry = Entry(f"u{n:04d}", old.indicator_id, old.period,
                                  None if action == "void" else value, kind, date=day,
                                  supersedes=old.uid, recorded_at="t", recorded_by="x")  # fmt: skip
                assert lite.add(entry) == post.add(entry)
                if entry.kind is not EntryKind.VOID:
                    live.append(entry)
            assert post.entries() == lite.entries()
            assert list(post.iter_entries()) == list(lite.iter_entries())
            assert list(post.iter_rows()) == list(lite.iter_rows())
            assert post.superseded_by() == lite.superseded_by()
            assert post.uids("u00") == lite.uids("u00")
            for as_of in (None, "2024-03-31", "2023-12-31"):
                assert post.summaries(as_of=as_of) == lite.summaries(as_of=as_of)
                assert post.summaries(as_of, ["a", "ą"], ["2024", "2023"]) == lite.summaries(
                    as_of, ["a", "ą"], ["2024", "2023"]
                )
                assert _same_groups(post.tag_summaries(as_of), lite.tag_summaries(as_of))
                some = ["ą", "b"]
                assert _same_groups(
                    post.tag_summaries(as_of, some), lite.tag_summaries(as_of, some)
                )
                groups = [(i, c) for i in ("a", "b", "ą") for c in (("2023",), ("2024", "2024-Q1"))]
                assert post.latest_entries(groups, as_of, 2) == lite.latest_entries(
                    groups, as_of, 2
                )
            for ind in ("a", "ą"):
                assert post.live_entries(ind, "2024") == lite.live_entries(ind, "2024")
                assert post.superseded_by(ind) == lite.superseded_by(ind)
            assert (post.count(), post.indicator_count()) == (lite.count(), lite.indicator_count())
    finally:
        pg.drop(url)


# -- start-up ------------------------------------------------------------------------------------


def test_the_sqlite_path_never_imports_the_driver(wsp: Wsp, tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from wspolpraca_cli.cli.entry import main\n"
        f"sys.argv = ['wsp', '--program', {str(wsp.program)!r}, '--store',"
        f" {str(tmp_path / 's.db')!r}, 'record', '1.1', '1', '--year', '2024']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('psycopg' in sys.modules, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stderr.strip().splitlines()[-1] == "False", done.stderr
    assert (tmp_path / "s.db").is_file()

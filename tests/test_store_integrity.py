"""The store's integrity: a foreign SQLite database is refused before anything is written to
it, and a damaged store is found by ``check``, ``store verify`` and ``record``."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.conftest import Wsp
from wspolpraca_cli.entries import Entry
from wspolpraca_cli.store import open_store, sqlite_open

# every test runs against each store backend (tests/conftest.py)
pytestmark = pytest.mark.usefixtures("backend")

# -- a foreign SQLite database ------------------------------------------------------------------


def foreign_database(path: Path) -> bytes:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE people (name TEXT)")
    conn.execute("INSERT INTO people VALUES ('Anna')")
    conn.commit()
    conn.close()
    return path.read_bytes()


@pytest.mark.sqlite_only(reason="a foreign SQLite file (PostgreSQL: test_store_postgres.py)")
@pytest.mark.parametrize(
    "args",
    [
        ["status"],
        ["check"],
        ["history"],
        ["export"],
        ["record", "1.1", "1", "--year", "2024"],
        ["void", "abcd1234", "--reason", "x"],
    ],
)
def test_foreign_sqlite_database_stays_byte_identical(wsp: Wsp, args: list[str]) -> None:
    before = foreign_database(wsp.store)
    run = wsp(*args)
    assert run.exit_code == 3, run.stderr
    assert f"The file {wsp.store} is not a wsp measurement store." in run.stderr
    assert wsp.store.read_bytes() == before
    for suffix in ("-wal", "-shm", "-journal"):
        assert not wsp.store.with_name(wsp.store.name + suffix).exists()


# -- damage --------------------------------------------------------------------------------------


def filled_store(path: Path, n: int = 3000) -> None:
    """A store of ``n`` entries (about a hundred pages), checkpointed into the main file."""
    entries = [
        Entry("", "1.1", str(2021 + i % 5), float(i % 7), note=f"warsztaty {i} " + "x" * 30)
        for i in range(n)
    ]
    with open_store(path) as store:
        store.add_many(entries)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def pages_of(path: Path, name: str, kind: str) -> list[int]:
    """The pages of one table or index (``kind``: ``leaf`` or ``internal``), from dbstat."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = ? ORDER BY pageno",
            (name, kind),
        ).fetchall()
    except sqlite3.OperationalError:
        pytest.skip("this SQLite has no dbstat table")
    finally:
        conn.close()
    return [int(r[0]) for r in rows]


def zero_page(path: Path, page: int) -> bytes:
    """Write zeros over one page of the store file; return the file's new bytes."""
    conn = sqlite3.connect(path)
    size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    conn.close()
    with path.open("r+b") as fh:
        fh.seek((page - 1) * size)
        fh.write(b"\x00" * size)
    return path.read_bytes()


# (table or index, the page in it): damage that status and the store's cross-checks can miss
DAMAGE = [
    ("entries", "middle"),  # a leaf of the table
    ("entries", "last"),  # the leaf the next entry goes to
    ("entries_aggregate", "middle"),  # the covering index the summaries read
    ("sqlite_autoindex_entries_1", "middle"),  # the uid index
]


def damaged(path: Path, name: str, where: str) -> bytes:
    filled_store(path)
    leaves = pages_of(path, name, "leaf")
    assert len(leaves) > 3
    return zero_page(path, leaves[len(leaves) // 2] if where == "middle" else leaves[-1])


@pytest.mark.sqlite_only(reason="damages the SQLite file's pages")
@pytest.mark.parametrize(("name", "where"), DAMAGE)
def test_check_runs_the_quick_integrity_check(wsp: Wsp, name: str, where: str) -> None:
    before = damaged(wsp.store, name, where)
    run = wsp("check", "--year", "2023")
    assert run.exit_code == 3, run.stdout
    assert run.stdout == ""
    lines = run.stderr.splitlines()
    assert lines[0].startswith(
        f"wsp: error: The store {wsp.store} is damaged and cannot be read. SQLite's quick "
        "integrity check found: "
    )
    assert lines[1] == (
        "  hint: `wsp store verify` runs the full check; restore the store from a backup or "
        "from a `wsp export` file; do not overwrite the damaged file"
    )
    assert wsp.store.read_bytes() == before
    polish = wsp("check", "--format", "json", lang="pl")
    assert polish.exit_code == 3
    assert "odczytać. Szybka kontrola spójności SQLite znalazła: " in polish.stderr


@pytest.mark.sqlite_only(reason="damages the SQLite file's pages")
@pytest.mark.parametrize(("name", "where"), DAMAGE)
def test_record_refuses_a_damaged_store(wsp: Wsp, name: str, where: str) -> None:
    before = damaged(wsp.store, name, where)
    run = wsp("record", "1.1", "1", "--year", "2024", "--note", "x")
    assert run.exit_code == 3
    assert run.stdout == ""
    assert f"wsp: error: The store {wsp.store} is damaged" in run.stderr
    assert "Nothing was written to it." in run.stderr
    assert wsp.store.read_bytes() == before
    assert not wsp.store.with_name(wsp.store.name + "-wal").exists()


@pytest.mark.sqlite_only(reason="damages the SQLite file's pages")
def test_a_large_store_is_refused_when_the_write_meets_the_damage(
    wsp: Wsp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above WRITE_CHECK_PAGES no quick check runs before a write (it would cost more than
    the write): the damage the write's own pages show rolls it back, exit 3."""
    monkeypatch.setattr(sqlite_open, "WRITE_CHECK_PAGES", 0)
    before = damaged(wsp.store, "entries", "last")
    run = wsp("record", "1.1", "1", "--year", "2024")
    assert run.exit_code == 3
    assert f"wsp: error: The store {wsp.store} is damaged and cannot be read." in run.stderr
    assert wsp.store.read_bytes() == before


@pytest.mark.sqlite_only(reason="SQLite's integrity check (PostgreSQL: test_store_postgres.py)")
def test_store_verify_of_an_intact_store(wsp: Wsp) -> None:
    filled_store(wsp.store, 3)
    run = wsp("store", "verify")
    assert run.exit_code == 0, run.stderr
    assert run.stdout == (
        f"The store {wsp.store} is intact: SQLite's full integrity check and wsp's rules found "
        "nothing wrong (schema version 5, 3 entries).\n"
    )
    polish = wsp("store", "verify", lang="pl")
    assert polish.stdout.startswith(f"Magazyn {wsp.store} jest spójny: ")
    assert "(schemat w wersji 5, 3 wpisy)" in polish.stdout


def test_store_verify_of_a_missing_store_creates_nothing(wsp: Wsp) -> None:
    run = wsp("store", "verify")
    assert run.exit_code == 0
    assert run.stdout == f"The store {wsp.store} does not exist yet; there is nothing to check.\n"
    assert not wsp.store_exists()


@pytest.mark.sqlite_only(reason="fills the SQLite file directly")
def test_store_verify_needs_no_valid_programme(wsp: Wsp, tmp_path: Path) -> None:
    filled_store(wsp.store, 3)
    broken = tmp_path / "broken.yaml"
    broken.write_text("program: [\n", encoding="utf-8")
    run = wsp.using(broken)("store", "verify")
    assert run.exit_code == 0, run.stderr


@pytest.mark.sqlite_only(reason="damages the SQLite file's pages")
@pytest.mark.parametrize(("name", "where"), DAMAGE)
def test_store_verify_of_a_damaged_store(wsp: Wsp, name: str, where: str) -> None:
    before = damaged(wsp.store, name, where)
    run = wsp("store", "verify")
    assert run.exit_code == 3
    assert run.stdout.startswith("- ")
    problems = run.stdout.count("\n")
    noun = "problem" if problems == 1 else "problems"
    assert run.stderr.splitlines() == [
        f"wsp: error: The store {wsp.store} is damaged: {problems} {noun}, listed above.",
        "  hint: restore the store from a backup or from a `wsp export` file; do not overwrite "
        "the damaged file",
    ]
    assert wsp.store.read_bytes() == before


def _raw(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in statements:
        conn.execute(statement)
    conn.close()


@pytest.mark.sqlite_only(reason="drops an SQLite trigger (PostgreSQL: test_store_postgres.py)")
def test_store_verify_finds_a_missing_trigger(wsp: Wsp) -> None:
    filled_store(wsp.store, 3)
    _raw(wsp.store, "DROP TRIGGER entries_never_deleted")
    assert wsp("status").exit_code == 0  # nothing else notices
    run = wsp("store", "verify")
    assert run.exit_code == 3
    assert run.stdout == "- a schema object is missing: trigger entries_never_deleted\n"
    polish = wsp("store", "verify", lang="pl")
    assert polish.stdout == "- brakuje obiektu schematu: trigger entries_never_deleted\n"
    assert "1 problem, lista powyżej." in polish.stderr


@pytest.mark.sqlite_only(reason="writes broken rows into the SQLite file")
def test_store_verify_finds_broken_supersessions(wsp: Wsp) -> None:
    uid = wsp.record("1.1", "1", "--year", "2023")
    other = wsp.record("pct", "10", "--year", "2023")
    insert = (
        "INSERT INTO entries (uid, indicator_id, period, value, kind, recorded_at, supersedes)"
        " VALUES ('{uid}', '1.1', '2023', 2, 'correction', '2024-01-01T00:00:00Z', '{target}')"
    )
    _raw(
        wsp.store,
        insert.format(uid="c1", target="nosuchentry"),
        insert.format(uid="c2", target=other),
    )
    run = wsp("store", "verify")
    assert run.exit_code == 3
    assert run.stdout.splitlines() == [
        "- entry c1 supersedes nosuchentry, which is not in the store",
        f"- entry c2 supersedes {other}, an entry of another indicator or period",
    ]
    assert uid  # the valid entry is not named


def test_verify_is_quick_or_full(tmp_path: Path) -> None:
    path = tmp_path / "s.wsp.db"
    filled_store(path, 10)
    with open_store(path, readonly=True) as store:
        assert store.verify() == [] and store.verify(full=True) == []
    with open_store(tmp_path / "missing.wsp.db", readonly=True) as store:
        assert store.verify(full=True) == []


def test_a_store_created_meanwhile_is_not_taken_for_a_foreign_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Eight processes recording into a new store: one of them reads the file's identity (still
    empty) just before another creates the store, and its tables just after. It must see one
    instant of the file, not refuse the new store as a foreign database."""
    import threading

    from wspolpraca_cli.store import sqlite_schema

    path = tmp_path / "new.wsp.db"
    sqlite3.connect(path).close()  # the file exists, empty, as the first process left it
    real = sqlite_schema.identity
    looked, created = threading.Event(), threading.Event()

    def slow_identity(conn: sqlite3.Connection) -> tuple[int, int]:
        found = real(conn)
        if threading.current_thread().name == "late" and not looked.is_set():
            looked.set()
            created.wait(1.0)  # the other process creates the store now (or waits for us)
        return found

    monkeypatch.setattr(sqlite_schema, "identity", slow_identity)
    problems: list[BaseException] = []

    def late() -> None:
        conn = sqlite3.connect(path, isolation_level=None, timeout=10)
        try:
            sqlite_schema.migrate(conn, path)
        except BaseException as exc:
            problems.append(exc)
        finally:
            conn.close()

    thread = threading.Thread(target=late, name="late")
    thread.start()
    assert looked.wait(5)
    first = sqlite3.connect(path, isolation_level=None, timeout=10)
    sqlite_schema.migrate(first, path)
    first.close()
    created.set()
    thread.join(15)
    assert problems == []
    conn = sqlite3.connect(path)
    assert real(conn) == (sqlite_schema.SCHEMA_VERSION, sqlite_schema.APPLICATION_ID)
    conn.close()


# -- check's quick check runs beside the reading, and its outcome comes first -------------------
class _Checked:
    """A store as intact_while's check opens it: its problems, after ``wait`` is set."""

    def __init__(self, problems: list[str], started: object, wait: object) -> None:
        self.problems, self.started, self.wait = problems, started, wait

    def __enter__(self) -> _Checked:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def verify(self, *, full: bool = False) -> list[str]:
        self.started.set()  # type: ignore[attr-defined]
        assert self.wait.wait(10)  # type: ignore[attr-defined]
        return self.problems


def _workspace(problems: list[str] | Exception) -> tuple[object, object, object]:
    import threading

    from wspolpraca_cli.services.base import Workspace

    started, wait = threading.Event(), threading.Event()

    def opener(readonly: bool) -> object:
        if isinstance(problems, Exception):
            raise problems
        return _Checked(problems, started, wait)

    return Workspace(None, "s.db", opener), started, wait  # type: ignore[arg-type]


@pytest.mark.sqlite_only(reason="no store: the services with a stand-in")
def test_the_quick_check_runs_while_the_work_does() -> None:
    from wspolpraca_cli.services.integrity import intact_while

    ws, started, wait = _workspace([])

    def work() -> str:
        assert started.wait(10)  # type: ignore[attr-defined]  # the check is under way…
        wait.set()  # type: ignore[attr-defined]  # …and ends only now
        return "progress"

    assert intact_while(ws, work) == "progress"  # type: ignore[arg-type]


@pytest.mark.sqlite_only(reason="no store: the services with a stand-in")
def test_damage_the_quick_check_finds_stands_whatever_the_work_raised() -> None:
    from wspolpraca_cli.errors import StoreError, UsageError
    from wspolpraca_cli.services.integrity import intact_while

    for raised in (None, UsageError("the work's own error")):
        ws, _, wait = _workspace(["*** in database main ***", "page 7: btreeInitPage() error"])
        wait.set()  # type: ignore[attr-defined]

        def work(raised: Exception | None = raised) -> str:
            if raised is not None:
                raise raised
            return "progress"

        with pytest.raises(StoreError) as caught:
            intact_while(ws, work)  # type: ignore[arg-type]
        assert "*** in database main ***" in str(caught.value)
        assert caught.value.exit_code == 3


@pytest.mark.sqlite_only(reason="no store: the services with a stand-in")
def test_the_work_s_error_after_a_passed_check_and_the_check_s_own_first() -> None:
    from wspolpraca_cli.errors import StoreError, UsageError
    from wspolpraca_cli.services.integrity import intact_while

    ws, _, wait = _workspace([])
    wait.set()  # type: ignore[attr-defined]

    def fails() -> str:
        raise UsageError("the work's own error")

    with pytest.raises(UsageError, match="the work's own error"):
        intact_while(ws, fails)  # type: ignore[arg-type]
    unopened, _, _ = _workspace(StoreError("cannot open the store"))
    with pytest.raises(StoreError, match="cannot open the store"):
        intact_while(unopened, fails)  # type: ignore[arg-type]

"""The measurement store through its Python API: append-only entries, supersession, summaries,
concurrency, crashes and the failures that must become exit code 3."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import StoreAt
from wspolpraca_cli.aggregation import Aggregate
from wspolpraca_cli.entries import Entry, EntryKind, effective
from wspolpraca_cli.errors import InputError, StoreError
from wspolpraca_cli.exitcodes import ExitCode
from wspolpraca_cli.model import Aggregation
from wspolpraca_cli.store import open_store
from wspolpraca_cli.store.sqlite_schema import APPLICATION_ID, SCHEMA_VERSION

# every test runs against each store backend (tests/conftest.py)
pytestmark = pytest.mark.usefixtures("backend")


def rec(value: float, period: str = "2024", ind: str = "1.1", **kw: object) -> Entry:
    fields: dict[str, object] = {"uid": "", **kw}
    return Entry(indicator_id=ind, period=period, value=value, **fields)  # type: ignore[arg-type]


@pytest.mark.sqlite_only(reason="checks the file is made (PostgreSQL: test_store_postgres.py)")
def test_add_fills_uid_time_user_and_seq(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "s.wsp.db"
    with open_store(path, create_folders=True) as store:
        stored = store.add(rec(2))
    assert path.is_file()
    assert len(stored.uid) == 32
    assert stored.recorded_at.endswith("Z")
    assert stored.recorded_by
    assert stored.seq == 1
    with open_store(path, readonly=True) as store:
        assert store.entries() == [stored]
        assert store.get(stored.uid) == stored
        assert store.get(stored.uid[:6]) == stored
        assert store.schema_version() == SCHEMA_VERSION


@pytest.mark.sqlite_only(reason="SQLite's PRAGMAs")
def test_schema_markers_and_wal(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


@pytest.mark.sqlite_only(reason="a missing file")
def test_readonly_missing_file_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "none" / "s.db"
    with open_store(path, readonly=True) as store:
        assert store.entries() == []
        assert store.get("abcd") is None
        assert store.summaries() == []
    assert not path.exists() and not path.parent.exists()


@pytest.mark.sqlite_only(reason="SQLite triggers (PostgreSQL: test_store_postgres.py)")
def test_entries_are_never_updated_or_deleted(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with open_store(path) as store:
        store.add(rec(1))
    conn = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError, match="never changed"):
        conn.execute("UPDATE entries SET value = 5")
    with pytest.raises(sqlite3.DatabaseError, match="never deleted"):
        conn.execute("DELETE FROM entries")
    conn.close()
    with open_store(path) as store:
        assert [e.value for e in store.entries()] == [1.0]


def test_add_many_is_all_or_nothing(store_at: StoreAt) -> None:
    with open_store(store_at("s.db")) as store:
        first = store.add(rec(1))
        with pytest.raises(InputError, match="already in the store"):
            store.add_many([rec(2), rec(3, uid=first.uid)])
        assert [e.value for e in store.entries()] == [1.0]


def test_supersession_rules(store_at: StoreAt) -> None:
    with open_store(store_at("s.db")) as store:
        a = store.add(rec(2))
        b = store.add(
            Entry("", "1.1", "2024", 0.0, EntryKind.CORRECTION, supersedes=a.uid, reason="typo")
        )
        with pytest.raises(InputError, match="already been superseded") as info:
            store.add(Entry("", "1.1", "2024", None, EntryKind.VOID, supersedes=a.uid))
        assert b.uid[:8] in info.value.hint
        v = store.add(Entry("", "1.1", "2024", None, EntryKind.VOID, supersedes=b.uid))
        with pytest.raises(InputError, match="is a void"):
            store.add(Entry("", "1.1", "2024", 1.0, EntryKind.CORRECTION, supersedes=v.uid))
        with pytest.raises(InputError, match="not in the store"):
            store.add(Entry("", "1.1", "2024", 1.0, EntryKind.CORRECTION, supersedes="ffff0000"))
        with pytest.raises(InputError, match="same indicator and period"):
            c = store.add(rec(5, period="2023"))
            store.add(Entry("", "1.1", "2024", 1.0, EntryKind.CORRECTION, supersedes=c.uid))
        assert store.superseded_by() == {a.uid: b.uid, b.uid: v.uid}
        assert [e.value for e in effective(store.entries())] == [5.0]


def test_superseded_by_of_one_indicator(store_at: StoreAt) -> None:
    with open_store(store_at("s.db")) as store:
        a = store.add(rec(2))
        b = store.add(Entry("", "1.1", "2024", 3.0, EntryKind.CORRECTION, supersedes=a.uid))
        x = store.add(rec(7, ind="pct"))
        y = store.add(Entry("", "pct", "2024", None, EntryKind.VOID, supersedes=x.uid))
        assert store.superseded_by("1.1") == {a.uid: b.uid}
        assert store.superseded_by("pct") == {x.uid: y.uid}
        assert store.superseded_by("none") == {}
        assert store.superseded_by() == {a.uid: b.uid, x.uid: y.uid}


def test_get_prefix_ambiguous_and_short(store_at: StoreAt) -> None:
    with open_store(store_at("s.db")) as store:
        store.add(rec(1, uid="abcd1111"))
        store.add(rec(1, uid="abcd2222"))
        with pytest.raises(InputError, match="matches several entries"):
            store.get("abcd")
        with pytest.raises(InputError, match="at least 4"):
            store.get("ab")
        assert store.get("abcd2")
        assert store.get("ffff") is None


def test_summaries_match_aggregate(store_at: StoreAt) -> None:
    with open_store(store_at("s.db")) as store:
        a = store.add(rec(2, date="2024-03-01"))
        store.add(rec(3, date="2024-11-30"))
        store.add(rec(4))
        store.add(Entry("", "1.1", "2024", 1.0, EntryKind.CORRECTION, supersedes=a.uid))
        store.add(rec(7, period="2023"))
        x = store.add(rec(9, period="2022"))
        store.add(Entry("", "1.1", "2022", None, EntryKind.VOID, supersedes=x.uid))
        every = store.entries()
        for as_of in (None, "2024-06-30"):
            got = {(s.indicator_id, s.period): s for s in store.summaries(as_of=as_of)}
            live = [e for e in effective(every) if as_of is None or not e.date or e.date <= as_of]
            keys = {(e.indicator_id, e.period) for e in live}
            assert set(got) == keys
            for key in keys:
                values = [e.value for e in live if (e.indicator_id, e.period) == key]
                for how in Aggregation:
                    expected = Aggregate.of(v for v in values if v is not None).value(how)
                    assert got[key].values.value(how) == expected
        assert store.summaries(indicator_ids=["9.9"]) == []


def test_import_entries_skips_present_and_refuses_conflicts(store_at: StoreAt) -> None:
    with open_store(store_at("a.db")) as src:
        src.add(rec(1))
        src.add(rec(2, note="x"))
        entries = src.entries()
    with open_store(store_at("b.db")) as dst:
        first = dst.import_entries(entries)
        assert (first.added, first.present) == (2, 0)
        again = dst.import_entries(entries)
        assert (again.added, again.present) == (0, 2)
        from dataclasses import replace

        with pytest.raises(InputError, match="different content"):
            dst.import_entries([replace(entries[0], value=5.0)])
        assert [e.uid for e in dst.entries()] == [e.uid for e in entries]


@pytest.mark.sqlite_only(reason="foreign files (PostgreSQL: test_store_postgres.py)")
def test_not_a_wsp_store(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(StoreError, match="not a wsp measurement store") as info:
        open_store(text)
    assert info.value.exit_code == ExitCode.STORE_FAILURE
    assert text.read_text(encoding="utf-8") == "hello"
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    for readonly in (False, True):
        with pytest.raises(StoreError, match="not a wsp measurement store"):
            open_store(other, readonly=readonly)


@pytest.mark.sqlite_only(reason="SQLite's user_version (PostgreSQL: test_store_postgres.py)")
def test_newer_schema_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="knows versions up to"):
        open_store(path)


@pytest.mark.sqlite_only(reason="damages the SQLite file")
def test_damaged_store(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with open_store(path) as store:
        for i in range(200):
            store.add(rec(i, note="x" * 200))
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # garble the schema page after the header
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="damaged") as info, open_store(path) as store:
        store.entries()
    assert info.value.exit_code == ExitCode.STORE_FAILURE


@pytest.mark.sqlite_only(reason="an SQLite lock (PostgreSQL: test_store_postgres.py)")
def test_locked_too_long(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    open_store(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with open_store(path, timeout=0.2) as store, pytest.raises(StoreError, match="locked"):
            store.add(rec(1))
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def make_readonly(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """chmod a-w; as root (which ignores permissions) SQLite is made to open files read-only."""
    path.chmod(0o444)
    if os.name != "nt" and os.geteuid() == 0:
        real = sqlite3.connect

        def connect(database: str, *args: object, **kwargs: object) -> sqlite3.Connection:
            if not kwargs.get("uri"):
                database = Path(database).resolve().as_uri() + "?mode=ro"
                kwargs["uri"] = True
            return real(database, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(sqlite3, "connect", connect)


@pytest.mark.sqlite_only(reason="file permissions")
def test_readonly_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.db"
    with open_store(path) as store:
        store.add(rec(1))
    make_readonly(path, monkeypatch)
    try:
        with pytest.raises(StoreError, match="read-only") as info, open_store(path) as store:
            store.add(rec(2))
        assert info.value.exit_code == ExitCode.STORE_FAILURE
        with open_store(path, readonly=True) as store:
            assert [e.value for e in store.entries()] == [1.0]
            with pytest.raises(StoreError, match="opened read-only"):
                store.add(rec(3))
    finally:
        path.chmod(0o644)


def _full_disk_configure(limit: int):  # type: ignore[no-untyped-def]
    import wspolpraca_cli.store.sqlite_open as store_module

    original = store_module.configure

    def configure(conn: sqlite3.Connection, timeout: float) -> None:
        original(conn, timeout)
        conn.execute(f"PRAGMA max_page_count = {limit}")

    return configure


@pytest.mark.sqlite_only(reason="SQLite's max_page_count")
def test_full_disk_keeps_earlier_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import wspolpraca_cli.store.sqlite_open as store_module

    path = tmp_path / "s.db"
    with open_store(path) as store:
        kept = [store.add(rec(i)) for i in range(5)]
        pages = store._query("PRAGMA page_count")[0][0]
    monkeypatch.setattr(store_module, "configure", _full_disk_configure(pages))
    with open_store(path) as store:
        with pytest.raises(StoreError, match="disk is full") as info:
            store.add_many([rec(1, note="ą" * 3000) for _ in range(20)])
        assert info.value.exit_code == ExitCode.STORE_FAILURE
    monkeypatch.undo()
    with open_store(path) as store:
        assert store.entries() == kept
        assert store.integrity_check() == "ok"


def test_sql_looking_and_polish_text_verbatim(store_at: StoreAt) -> None:
    note = '\'); DROP TABLE entries; -- ąęłśżźćń ĄĘŁŚŻŹĆŃ óÓ "x" % _ \\ \n 2nd line'
    with open_store(store_at("s.db")) as store:
        stored = store.add(
            rec(1, note=note, source="Robert'); --", tags=(("organizator", "wspólnie"),))
        )
    with open_store(store_at("s.db"), readonly=True) as store:
        (back,) = store.entries()
    assert back == stored
    assert back.note == note and back.tags == (("organizator", "wspólnie"),)


# -- concurrency and crashes ----------------------------------------------------------------


def _writer(path: str, worker: int, count: int) -> None:
    with open_store(path) as store:
        for i in range(count):
            store.add(rec(1, note=f"w{worker}-{i}"))


def test_eight_processes_record_at_once(store_at: StoreAt) -> None:
    path = store_at("s.db")
    ctx = multiprocessing.get_context("spawn" if os.name == "nt" else "fork")
    procs = [ctx.Process(target=_writer, args=(str(path), w, 25)) for w in range(8)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    with open_store(path, readonly=True) as store:
        notes = [e.note for e in store.entries()]
        assert store.integrity_check() == "ok"
    assert len(notes) == 8 * 25
    assert set(notes) == {f"w{w}-{i}" for w in range(8) for i in range(25)}


def _version_1_store(path: Path) -> Path:
    """A store as schema 1 wrote it, with one entry."""
    import wspolpraca_cli.store.sqlite_schema as store_module

    conn = sqlite3.connect(path, isolation_level=None)
    for statement in store_module.MIGRATIONS[1]:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(
        "INSERT INTO entries (uid, indicator_id, period, value, kind, recorded_at)"
        " VALUES ('old00001', '1.1', '2022', 3, 'record', '2022-05-01T10:00:00Z')"
    )
    conn.close()
    return path


def _corrector(path: str, target: str, worker: int) -> None:
    """Exit 0 when this worker's correction of ``target`` was stored, 5 when it was refused
    because another one superseded it first."""
    with open_store(path) as store:
        try:
            store.add(Entry("", "1.1", "2024", float(worker), EntryKind.CORRECTION,
                            supersedes=target, reason=f"w{worker}"))  # fmt: skip
        except InputError as exc:
            os._exit(5 if "already been superseded" in exc.message else 6)
    os._exit(0)


@pytest.mark.slow
def test_supersession_race_one_correction_wins(store_at: StoreAt) -> None:
    path = store_at("s.db")
    with open_store(path) as store:
        target = store.add(rec(1)).uid
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_corrector, args=(str(path), target, w)) for w in range(6)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    codes = sorted(p.exitcode for p in procs)
    assert codes == [0, 5, 5, 5, 5, 5], codes
    with open_store(path, readonly=True) as store:
        corrections = [e for e in store.entries() if e.supersedes == target]
        assert len(corrections) == 1
        assert store.superseded_by() == {target: corrections[0].uid}


@pytest.mark.sqlite_only(reason="an SQLite schema-1 file (PostgreSQL: test_store_postgres.py)")
def test_migrates_a_version_1_store_forward(tmp_path: Path) -> None:

    path = _version_1_store(tmp_path / "old.db")
    with open_store(path, readonly=True) as store:  # a reader upgrades a writable file too
        assert store.schema_version() == SCHEMA_VERSION
        assert [e.uid for e in store.entries()] == ["old00001"]
    conn = sqlite3.connect(path)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    conn.close()
    assert "entries_aggregate" in names and "entries_indicator_period" not in names


def test_summaries_agree_with_effective_on_random_histories(store_at: StoreAt) -> None:
    import random

    rng = random.Random(20240310)
    with open_store(store_at("s.db")) as store:
        live: list[Entry] = []
        for _ in range(400):
            action = rng.random()
            if live and action < 0.25:
                old = live.pop(rng.randrange(len(live)))
                kind = EntryKind.VOID if rng.random() < 0.4 else EntryKind.CORRECTION
                value = None if kind is EntryKind.VOID else float(rng.randint(0, 9))
                new = store.add(
                    Entry("", old.indicator_id, old.period, value, kind, supersedes=old.uid)
                )
                if kind is not EntryKind.VOID:
                    live.append(new)
            else:
                day = rng.choice([None, "2024-02-01", "2024-09-30"])
                ind = rng.choice(["a", "b", "c"])
                live.append(
                    store.add(rec(rng.randint(0, 9), rng.choice(["2023", "2024"]), ind, date=day))
                )
        every = store.entries()
        for as_of in (None, "2024-06-30", "2023-01-01"):
            got = {(s.indicator_id, s.period): s for s in store.summaries(as_of=as_of)}
            counted = [
                e for e in effective(every) if as_of is None or not e.date or e.date <= as_of
            ]
            groups: dict[tuple[str, str], list[float]] = {}
            for e in counted:
                assert e.value is not None
                groups.setdefault((e.indicator_id, e.period), []).append(e.value)
            assert set(got) == set(groups)
            for key, values in groups.items():
                for how in (Aggregation.SUM, Aggregation.LAST, Aggregation.MAX, Aggregation.MIN):
                    assert got[key].values.value(how) == Aggregate.of(values).value(how)
                assert got[key].count == len(values)
        assert store.summaries(indicator_ids=["a"]) == [
            s for s in store.summaries() if s.indicator_id == "a"
        ]
        for as_of in (None, "2024-06-30"):
            whole = store.summaries(as_of=as_of)
            for ids in (["a"], ["b", "c"]):
                assert store.summaries(as_of=as_of, indicator_ids=ids) == [
                    s for s in whole if s.indicator_id in ids
                ]
                for period in ("2023", "2024"):
                    assert store.summaries(as_of=as_of, indicator_ids=ids, period=period) == [
                        s for s in whole if s.indicator_id in ids and s.period == period
                    ]
            assert store.summaries(as_of=as_of, period="2024") == [
                s for s in whole if s.period == "2024"
            ]


@pytest.mark.sqlite_only(reason="an SQLite schema-1 file")
def test_a_version_1_store_that_cannot_be_migrated_is_still_readable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import wspolpraca_cli.store.sqlite_open as store_module

    path = _version_1_store(tmp_path / "old.db")
    monkeypatch.setattr(store_module, "upgrade_in_place", lambda path, timeout: None)
    with open_store(path, readonly=True) as store:  # e.g. on a read-only mount
        assert store.schema_version() == 1
        assert [e.uid for e in store.entries()] == ["old00001"]
        assert [e.uid for e in store.entries("1.1")] == ["old00001"]
        assert [s.values.total for s in store.summaries()] == [3.0]

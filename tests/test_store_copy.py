"""``wsp store copy`` and ``wsp store info`` through the command line: every entry with its
corrections and voids between stores (an SQLite file and the backend under test, both ways),
idempotent, all or nothing; what a store is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Wsp
from wspolpraca_cli.records import replace
from wspolpraca_cli.store import open_store

# every test runs against each store backend (tests/conftest.py)
pytestmark = pytest.mark.usefixtures("backend")


def filled(wsp: Wsp) -> list[str]:
    """Records, a correction, a void, tags and Polish text in ``wsp``'s store."""
    a = wsp.record("1.1", "2", "--year", "2023", "--note", "Zażółć gęślą jaźń", "--yes")
    wsp.record("1.1", "3", "--year", "2024", "--tag", "organizator=NGO", "--source", "lista")
    wsp.record("kw", "1 234,56", "--period", "2024-Q1", "--yes")
    b = wsp.record("pct", "40", "--year", "2024", "--yes")
    assert wsp("correct", a, "4", "--reason", "literówka", "--yes").exit_code == 0
    assert wsp("void", b, "--reason", "pomyłka").exit_code == 0
    return [a, b]


def stored(location: Path | str) -> list[object]:
    with open_store(location, readonly=True) as store:
        return [replace(e, seq=0) for e in store.entries()]


def test_copy_round_trip_both_ways_keeps_everything(wsp: Wsp, tmp_path: Path) -> None:
    """An SQLite file -> the store under test -> another SQLite file: the same entries."""
    source = Wsp(wsp.program, tmp_path / "a.db")
    other, sqlite_b = wsp.store, tmp_path / "b.db"
    filled(source)
    original = stored(source.store)
    assert len(original) == 6
    there = wsp("store", "copy", str(source.store), str(other))
    assert there.exit_code == 0, there.stderr
    assert there.stdout.startswith("Copied 6 entries from ")
    assert "(0 entries already there)" in there.stdout
    assert stored(other) == original
    back = wsp("store", "copy", str(other), str(sqlite_b))
    assert back.exit_code == 0, back.stderr
    assert stored(sqlite_b) == original
    assert wsp("history").stdout == Wsp(wsp.program, sqlite_b)("history").stdout
    assert wsp("status", "-f", "json").stdout == source("status", "-f", "json").stdout.replace(
        str(source.store), str(other)
    )
    again = wsp("store", "copy", str(source.store), str(other))
    assert again.exit_code == 0
    assert "Copied 0 entries" in again.stdout and "(6 entries already there)" in again.stdout
    assert stored(other) == original


def test_copy_into_a_store_with_other_content_stores_nothing(
    wsp: Wsp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wspolpraca_cli.services import store_admin

    source = Wsp(wsp.program, tmp_path / "src.db")
    uids = filled(source)
    for _ in range(3):
        source.record("avg", "5", "--period", "2024-03", "--yes")
    # the target holds one of the source's uids with other content, met in the last batch
    with open_store(source.store, readonly=True) as store:
        last = store.entries()[-1]
    with open_store(wsp.store) as store:
        store.add(replace(last, value=99.0, seq=0))
        before = store.count()
    monkeypatch.setattr(store_admin, "COPY_BATCH", 2)
    run = wsp("store", "copy", str(source.store), str(wsp.store))
    assert run.exit_code == 2
    assert "Nothing was copied" in run.stderr and last.uid in run.stderr
    assert "Traceback" not in run.stderr
    with open_store(wsp.store, readonly=True) as store:
        assert store.count() == before
    polish = wsp("store", "copy", str(source.store), str(wsp.store), lang="pl")
    assert polish.exit_code == 2 and "Niczego nie skopiowano" in polish.stderr
    assert uids  # the source's own entries are untouched
    assert len(stored(source.store)) == 9


def test_copy_streams_the_source(wsp: Wsp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The source is read a batch at a time (iter_entries), never listed whole (entries())."""
    from wspolpraca_cli.services import store_admin
    from wspolpraca_cli.store.sqlite import SqliteStore

    source = Wsp(wsp.program, tmp_path / "src.db")
    filled(source)
    expected = stored(source.store)
    read: list[int] = []
    streamed = SqliteStore.iter_entries

    def counting(self: SqliteStore, batch: int = 2000):  # type: ignore[no-untyped-def]
        for n, entry in enumerate(streamed(self, batch), 1):
            read.append(n)
            yield entry

    def listed(self: SqliteStore, indicator_id: str | None = None) -> None:
        raise AssertionError("the copy listed every entry at once")

    monkeypatch.setattr(SqliteStore, "iter_entries", counting)
    monkeypatch.setattr(SqliteStore, "entries", listed)
    monkeypatch.setattr(store_admin, "COPY_BATCH", 2)
    run = wsp("store", "copy", str(source.store), str(wsp.store))
    assert run.exit_code == 0, run.stderr
    monkeypatch.undo()
    assert read == [1, 2, 3, 4, 5, 6]
    assert stored(wsp.store) == expected


def test_copy_dry_run_stores_nothing(wsp: Wsp, tmp_path: Path) -> None:
    source = Wsp(wsp.program, tmp_path / "src.db")
    filled(source)
    run = wsp("store", "copy", "--dry-run", str(source.store), str(wsp.store))
    assert run.exit_code == 0, run.stderr
    assert run.stdout.startswith("Dry run: 6 entries would be copied")
    assert stored(wsp.store) == []


def test_copy_refuses_a_missing_source_and_the_same_store(wsp: Wsp, tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    run = wsp("store", "copy", str(missing), str(wsp.store))
    assert run.exit_code == 2
    assert f"The source store {missing} does not exist" in run.stderr
    assert not missing.exists()
    wsp.record("1.1", "1", "--year", "2024")
    same = wsp("store", "copy", str(wsp.store), str(wsp.store))
    assert same.exit_code == 2 and "are the same store" in same.stderr
    other = wsp("store", "copy", str(wsp.store), "mysql://x/y")
    assert other.exit_code == 2 and "mysql://" in other.stderr


def test_store_info_text_and_json(wsp: Wsp) -> None:
    empty = wsp("store", "info")
    assert empty.exit_code == 0, empty.stderr
    assert "does not exist yet" in empty.stdout
    assert not wsp.store_exists()
    filled(wsp)
    run = wsp("store", "info", "--format", "json")
    assert run.exit_code == 0, run.stderr
    doc = json.loads(run.stdout)
    kind = "sqlite" if isinstance(wsp.store, Path) else "postgresql"
    assert doc == {
        "schema": 1,
        "backend": kind,
        "location": str(wsp.store),
        "exists": True,
        "schema_version": 5,
        "entries": 6,
        "indicators": 3,
        "grants": 0,
    }
    text = wsp("store", "info")
    assert f"Location:                {wsp.store}" in text.stdout
    assert "Entries:                 6" in text.stdout
    assert "Indicators with entries: 3" in text.stdout
    assert "Grant register rows:     0" in text.stdout
    assert "Wskaźniki z wpisami: 3" in wsp("store", "info", lang="pl").stdout


def test_copy_keeps_the_audit_trail_and_a_lock_still_holds(wsp: Wsp, tmp_path: Path) -> None:
    """Locks, unlocks, explanations and withdrawals go with the entries (after them: a lock
    copied first would refuse its period's entries), once; the copy's locks still refuse."""
    source = Wsp(wsp.program, tmp_path / "a.db")
    filled(source)
    for args in (
        ("lock", "2023", "--reason", "sprawozdanie przyjęte"),
        ("unlock", "2023", "--reason", "korekta danych"),
        ("lock", "2024", "--reason", "sprawozdanie za 2024 przyjęte"),
        ("explain", "1.1", "2023", "brak sali"),
        ("explain", "1.1", "2023", "brak sali i prowadzącego"),
    ):
        run = source(*args)
        assert run.exit_code == 0, run.stderr
    with open_store(source.store, readonly=True) as store:
        locks, explanations = store.lock_events(), store.explanations()
    assert (len(locks), len(explanations)) == (3, 2)
    there = wsp("store", "copy", str(source.store), str(wsp.store))
    assert there.exit_code == 0, there.stderr
    assert "Audit trail (period locks and explanations): 5 copied, 0 already there." in there.stdout
    with open_store(wsp.store, readonly=True) as store:
        assert [replace(e, seq=0) for e in store.lock_events()] == [
            replace(e, seq=0) for e in locks
        ]
        assert [replace(e, seq=0) for e in store.explanations()] == [
            replace(e, seq=0) for e in explanations
        ]
    assert wsp("history", "1.1").stdout == source("history", "1.1").stdout
    refused = wsp("record", "1.1", "1", "--year", "2024")
    assert refused.exit_code == 2 and "sprawozdanie za 2024 przyjęte" in refused.stderr
    again = wsp("store", "copy", str(source.store), str(wsp.store))
    assert again.exit_code == 0, again.stderr
    assert "0 copied, 5 already there" in again.stdout
    back = tmp_path / "b.db"
    assert wsp("store", "copy", str(wsp.store), str(back)).exit_code == 0
    assert Wsp(wsp.program, back)("history", "1.1").stdout == source("history", "1.1").stdout

"""A store in a read-only location: read as immutable, read commands work, write commands say
read-only, a pending journal is refused."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Wsp
from wspolpraca_cli.entries import Entry
from wspolpraca_cli.errors import StoreError
from wspolpraca_cli.store import open_store, sqlite_open

# every test runs against each store backend (tests/conftest.py)
pytestmark = pytest.mark.usefixtures("backend")

NBSP = "\u00a0"


def values(wsp: Wsp) -> list[float | None]:
    with open_store(wsp.store, readonly=True) as store:
        return [e.value for e in store.entries()]


# -- 3. a store in a read-only location ------------------------------------------------------


def filled(wsp: Wsp) -> None:
    with open_store(wsp.store) as store:
        store.add_many([Entry("", "1.1", str(y), 1.0) for y in (2021, 2022, 2023)])


@pytest.fixture
def readonly_folder(wsp: Wsp, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A store with three entries, in a folder that then behaves as read-only (tests run as
    root, whom chmod does not stop): SQLite refuses the plain opens, and the side files cannot
    be created. Returns the URIs and paths opened since."""
    filled(wsp)
    real = sqlite3.connect
    opened: list[str] = []

    def connect(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        name = str(database)
        opened.append(name)
        if name != ":memory:" and "immutable=1" not in name:
            raise sqlite3.OperationalError("attempt to write a readonly database")
        return real(database, *args, **kwargs)

    monkeypatch.setattr(sqlite_open.sqlite3, "connect", connect)
    monkeypatch.setattr(sqlite_open, "side_files_writable", lambda path: False)
    return opened


@pytest.mark.sqlite_only(reason="file permissions and SQLite side files")
def test_readonly_folder_store_is_read_as_immutable(wsp: Wsp, readonly_folder: list[str]) -> None:
    with open_store(wsp.store, readonly=True) as store:
        assert [e.period for e in store.entries()] == ["2021", "2022", "2023"]
    assert readonly_folder[0].endswith("?mode=ro")
    assert readonly_folder[1].endswith("?mode=ro&immutable=1")


@pytest.mark.parametrize(
    "args",
    [
        ["history"],
        ["export", "--format", "json"],
        ["status", "--year", "2023", "--format", "json"],
        ["check", "--year", "2023", "--as-of", "2023-01-10"],
    ],
)
def test_read_commands_work_in_a_readonly_folder(
    wsp: Wsp, readonly_folder: list[str], args: list[str]
) -> None:
    run = wsp(*args)
    assert run.exit_code == 0, run.stderr
    assert "cannot open" not in run.stderr.lower()


@pytest.mark.sqlite_only(reason="file permissions")
def test_write_commands_in_a_readonly_folder_say_read_only(
    wsp: Wsp, readonly_folder: list[str]
) -> None:
    for args in (["record", "1.1", "1", "--year", "2024"], ["void", "zzzz", "--reason", "x"]):
        run = wsp(*args)
        assert run.exit_code == 3
        assert run.stderr.splitlines() == [
            f"wsp: error: The store {wsp.store} is read-only: cannot write to it.",
            "  hint: check the permissions of the file and its directory, or use another "
            "store with --store",
        ]


@pytest.mark.sqlite_only(reason="SQLite's WAL journal")
def test_readonly_folder_with_a_pending_journal_is_refused(
    wsp: Wsp, readonly_folder: list[str]
) -> None:
    wal = wsp.store.with_name(wsp.store.name + "-wal")
    wal.write_bytes(b"\0" * 32)  # a journal left behind: immutable would ignore it
    run = wsp("history")
    assert run.exit_code == 3
    assert run.stderr.splitlines()[0] == (
        f"wsp: error: Cannot read the store {wsp.store}: its journal {wal} holds changes not "
        "yet moved into the store, and this folder cannot be written."
    )


@pytest.mark.sqlite_only(reason="SQLite open failures")
def test_other_open_failures_are_not_retried(wsp: Wsp, monkeypatch: pytest.MonkeyPatch) -> None:
    filled(wsp)
    calls: list[str] = []

    def connect(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        calls.append(str(database))
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(sqlite_open.sqlite3, "connect", connect)  # the folder is writable
    with pytest.raises(StoreError, match="Cannot open the store"):
        open_store(wsp.store, readonly=True)
    assert len(calls) == 1


@pytest.mark.sqlite_only(reason="SQLite's WAL journal")
def test_immutable_open_of_a_wal_store_reads_every_entry(wsp: Wsp) -> None:
    """The fallback itself, without any patching: a WAL store written by wsp and closed is
    read in full by an ``immutable=1`` open."""
    with open_store(wsp.store) as store:
        store.add_many([Entry("", "1.1", str(y), float(y)) for y in range(2021, 2026)])
        store.add(Entry("", "kw", "2024-Q1", 120000.5))
    assert not wsp.store.with_name(wsp.store.name + "-wal").exists()
    uri = wsp.store.resolve().as_uri() + "?mode=ro&immutable=1"
    conn = sqlite3.connect(uri, uri=True)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] in ("wal", "delete")
        assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 6
    finally:
        conn.close()


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write anywhere"
)
def test_real_readonly_folder(wsp: Wsp, tmp_path: Path) -> None:  # pragma: no cover - non-root
    filled(wsp)
    tmp_path.chmod(0o555)
    try:
        run = wsp("history", "--format", "json")
        assert run.exit_code == 0, run.stderr
        assert len(json.loads(run.stdout)["entries"]) == 3
        run = wsp("record", "1.1", "1", "--year", "2024")
        assert run.exit_code == 3
        assert "is read-only" in run.stderr
    finally:
        tmp_path.chmod(0o755)

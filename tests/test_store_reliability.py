"""Store failures seen from the command line (exit 3, nothing lost), real `wsp` processes
recording at once, and a recording process killed with SIGKILL."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import StoreAt, Wsp
from tests.test_store_api import make_readonly
from wspolpraca_cli.store import open_store

# every test runs against each store backend (tests/conftest.py)
pytestmark = pytest.mark.usefixtures("backend")


def uids(path: Path | str) -> list[str]:
    with open_store(path, readonly=True) as store:
        assert store.integrity_check() == "ok"
        return [e.uid for e in store.entries()]


@pytest.mark.sqlite_only(reason="a file that is not SQLite")
def test_not_a_wsp_file_exit_3(wsp: Wsp) -> None:
    wsp.store.write_text("uid,indicator\n", encoding="utf-8")
    for args in (["record", "1.1", "1", "--year", "2024"], ["history"], ["export"]):
        run = wsp(*args)
        assert run.exit_code == 3, args
        assert f"The file {wsp.store} is not a wsp measurement store." in run.stderr
        assert "Traceback" not in run.stderr
    assert wsp.store.read_text(encoding="utf-8") == "uid,indicator\n"


@pytest.mark.sqlite_only(reason="a foreign SQLite file (PostgreSQL: test_store_postgres.py)")
def test_other_sqlite_database_exit_3(wsp: Wsp) -> None:
    conn = sqlite3.connect(wsp.store)
    conn.execute("CREATE TABLE people (name TEXT)")
    conn.commit()
    conn.close()
    run = wsp("record", "1.1", "1", "--year", "2024")
    assert run.exit_code == 3
    assert "is not a wsp measurement store" in run.stderr


@pytest.mark.sqlite_only(reason="a folder as the store file")
def test_directory_as_store_exit_3(wsp: Wsp) -> None:
    wsp.store.mkdir()
    run = wsp("record", "1.1", "1", "--year", "2024")
    assert run.exit_code == 3
    assert "is a directory" in run.stderr


@pytest.mark.sqlite_only(reason="file permissions")
def test_read_only_store_exit_3(wsp: Wsp, monkeypatch: pytest.MonkeyPatch) -> None:
    kept = wsp.record("1.1", "1", "--year", "2024")
    make_readonly(wsp.store, monkeypatch)
    try:
        run = wsp("record", "1.1", "2", "--year", "2024")
        assert run.exit_code == 3
        assert f"The store {wsp.store} is read-only: cannot write to it." in run.stderr
        assert "check the permissions" in run.stderr
        history = wsp("history")
        assert history.exit_code == 0 and kept[:8] in history.stdout
    finally:
        wsp.store.chmod(0o644)
    monkeypatch.undo()
    assert uids(wsp.store) == [kept]


@pytest.mark.sqlite_only(reason="SQLite's max_page_count")
def test_full_disk_exit_3_keeps_entries(wsp: Wsp, monkeypatch: pytest.MonkeyPatch) -> None:
    import wspolpraca_cli.store.sqlite_open as store_module

    kept = [wsp.record("1.1", "1", "--year", "2024", "--yes") for _ in range(3)]
    with open_store(wsp.store) as store:
        pages = store._query("PRAGMA page_count")[0][0]
    original = store_module.configure

    def tiny_disk(conn: sqlite3.Connection, timeout: float) -> None:
        original(conn, timeout)
        conn.execute(f"PRAGMA max_page_count = {pages}")

    monkeypatch.setattr(store_module, "configure", tiny_disk)
    run = wsp("record", "1.1", "1", "--year", "2024", "--note", "ą" * 20000)
    assert run.exit_code == 3
    assert "The disk is full: the entry was not written" in run.stderr
    assert "Earlier entries are intact." in run.stderr
    assert run.stdout == ""
    monkeypatch.undo()
    assert uids(wsp.store) == kept


@pytest.mark.sqlite_only(reason="damages the SQLite file")
def test_damaged_store_exit_3(wsp: Wsp) -> None:
    for _ in range(3):
        wsp.record("1.1", "1", "--year", "2024", "--note", "x" * 3000, "--yes")
    conn = sqlite3.connect(wsp.store)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(wsp.store.read_bytes())
    data[100:4096] = b"\x00\xff" * ((4096 - 100) // 2)
    wsp.store.write_bytes(bytes(data))
    run = wsp("history")
    assert run.exit_code == 3
    assert f"The store {wsp.store} is damaged and cannot be read." in run.stderr
    assert "restore the store from a backup" in run.stderr


@pytest.mark.sqlite_only(reason="an SQLite lock (PostgreSQL: test_store_postgres.py)")
def test_locked_store_exit_3(wsp: Wsp, monkeypatch: pytest.MonkeyPatch) -> None:
    wsp.record("1.1", "1", "--year", "2024")
    monkeypatch.setenv("WSP_BUSY_TIMEOUT", "0.2")
    holder = sqlite3.connect(wsp.store, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        run = wsp("record", "1.1", "2", "--year", "2024")
        assert run.exit_code == 3
        assert "has been locked by another process for longer than the timeout" in run.stderr
        assert wsp("history").exit_code == 0  # readers are not blocked by a writer
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert len(uids(wsp.store)) == 1


# -- real processes ---------------------------------------------------------------------------


def wsp_command() -> list[str]:
    return [sys.executable, "-m", "wspolpraca_cli"]


@pytest.mark.slow
def test_eight_wsp_processes_record_at_once(wsp: Wsp, tmp_path: Path) -> None:
    env = {**os.environ, "WSP_PROGRAM": str(wsp.program), "WSP_STORE": str(wsp.store)}
    script = " && ".join(  # a failed record fails the worker, with its message
        f"{' '.join(wsp_command())} record 1.1 1 --year 2024 --note w$W-{i}" for i in range(3)
    )
    procs = [
        subprocess.Popen(
            ["sh", "-c", script],
            env={**env, "W": str(w)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for w in range(8)
    ]
    printed: list[str] = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        printed += out.split()
    assert len(printed) == 24
    assert sorted(uids(wsp.store)) == sorted(printed)
    with open_store(wsp.store, readonly=True) as store:
        notes = sorted(e.note for e in store.entries())
    assert notes == sorted(f"w{w}-{i}" for w in range(8) for i in range(3))


KILLED_WRITER = """
import sys
from pathlib import Path
from wspolpraca_cli.entries import Entry
from wspolpraca_cli.store import open_store

n = 0
while True:
    with open_store(sys.argv[1]) as store:
        stored = store.add(Entry("", "1.1", "2024", 1.0, note="ąę " * (n % 50)))
    print(stored.uid, flush=True)
    n += 1
"""


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_while_recording_loses_nothing_printed(store_at: StoreAt) -> None:
    path = store_at("s.wsp.db")
    printed: list[str] = []
    for round_ in range(3):
        proc = subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(KILLED_WRITER), str(path)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        for _ in range(30 + 17 * round_):
            line = proc.stdout.readline()
            assert line, "the writer stopped"
            printed.append(line.strip())
        proc.send_signal(signal.SIGKILL)
        rest, _ = proc.communicate(timeout=30)
        printed += rest.split()  # ids printed before the kill but not yet read
        assert proc.returncode == -signal.SIGKILL
        stored = uids(path)  # opens, integrity_check ok
        assert set(printed) <= set(stored)
        assert len(stored) == len(set(stored))


@pytest.mark.slow
def test_sigkill_of_a_real_wsp_record(wsp: Wsp) -> None:
    """A `wsp record` killed at an arbitrary moment leaves a usable store."""
    env = {**os.environ, "WSP_PROGRAM": str(wsp.program), "WSP_STORE": str(wsp.store)}
    first = wsp.record("1.1", "1", "--year", "2024")
    for delay in (0.05, 0.15, 0.3):
        proc = subprocess.Popen(
            [*wsp_command(), "record", "1.1", "1", "--year", "2024", "--yes"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=30)
        stored = uids(wsp.store)
        assert first in stored
        assert set(out.split()) <= set(stored)

"""The store's integrity: a foreign SQLite database is refused before anything is written to
it, and a damaged store is found by ``check``, ``store verify`` and ``record``."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.conftest import Wsp

# -- a foreign SQLite database ------------------------------------------------------------------


def foreign_database(path: Path) -> bytes:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE people (name TEXT)")
    conn.execute("INSERT INTO people VALUES ('Anna')")
    conn.commit()
    conn.close()
    return path.read_bytes()


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

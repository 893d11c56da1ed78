"""`wsp import` after its transaction committed: a failure (standard error on a full disk,
Ctrl-C while the store closes) says how many entries were stored and exits 3 — never
"Interrupted." (130) or exit 1 as if nothing had been stored. A pipe or a device is refused
before it is opened."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import Wsp
from tests.test_record_after_commit import HINT_EN, failing_echo, full_disk, stored
from wspolpraca_cli.store import sqlite


def entries_file(tmp_path: Path) -> Path:
    src = tmp_path / "hand.csv"
    src.write_text("indicator;period;value\n1.1;2022;1\n1.1;2023;2\n", encoding="utf-8")
    return src


def test_import_stderr_on_a_full_disk(
    wsp: Wsp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = entries_file(tmp_path)
    failing_echo(monkeypatch, full_disk(), err=True)
    run = wsp("import", str(src))
    assert run.exit_code == 3
    assert len(stored(wsp)) == 2
    assert run.stderr == (
        "wsp: error: Stored: 2 entries, but then it failed: No space left on device.\n" + HINT_EN
    )


def test_import_interrupted_while_the_store_closes(
    wsp: Wsp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = entries_file(tmp_path)
    close = sqlite.SqliteStore.close

    def interrupted_close(self: sqlite.SqliteStore) -> None:
        close(self)
        if not self.readonly:
            raise KeyboardInterrupt

    monkeypatch.setattr(sqlite.SqliteStore, "close", interrupted_close)
    run = wsp("import", str(src))
    assert run.exit_code == 3
    assert run.stderr == (
        "wsp: error: Stored: 2 entries, but then the command was interrupted.\n" + HINT_EN
    )
    assert len(stored(wsp)) == 2


def test_import_interrupted_before_the_commit_stores_nothing(
    wsp: Wsp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = entries_file(tmp_path)

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(sqlite.SqliteImport, "add", interrupted)
    run = wsp("import", str(src))
    assert run.exit_code == 130
    assert "Stored" not in run.stderr
    assert not wsp.store.exists() or stored(wsp) == []


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_import_refuses_a_pipe_unopened(wsp: Wsp, tmp_path: Path, lang: str) -> None:
    fifo = tmp_path / "entries.csv"
    os.mkfifo(fifo)
    run = wsp("--lang", lang, "import", str(fifo))  # opening it would block: it is not opened
    assert run.exit_code == 2
    expected = {
        "en": f"{fifo} is a named pipe (FIFO), not a regular file; wsp imports entries from a "
        "regular file only.",
        "pl": f"{fifo} to potok nazwany (FIFO), a nie zwykły plik; wsp importuje wpisy tylko "
        "ze zwykłego pliku.",
    }[lang]
    assert expected in run.stderr
    assert not wsp.store.exists()

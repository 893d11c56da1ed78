"""A failure after the store transaction of `record`, `correct` or `void` committed (writing
the confirmation to a full disk, Ctrl-C, the new total failing to read) says what was stored
and exits 3 — never "Interrupted." (130) or exit 1 as if nothing had been stored."""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest
import typer

from tests.conftest import Wsp
from wspolpraca_cli.entries import Entry
from wspolpraca_cli.store import open_store

HINT_EN = (
    "  hint: what was stored stays in the store (`wsp history` shows it); do not run the "
    "command again\n"
)


def stored(wsp: Wsp) -> list[Entry]:
    with open_store(wsp.store, readonly=True) as store:
        return store.entries()


def failing_echo(
    monkeypatch: pytest.MonkeyPatch, exc: BaseException, *, err: bool | None
) -> list[str]:
    """Make ``typer.echo`` raise ``exc`` for stderr (``err=True``), stdout (``False``) or
    both (None); what it printed before is returned."""
    printed: list[str] = []
    original: Callable[..., Any] = typer.echo

    def echo(message: Any = None, *args: Any, **kwargs: Any) -> None:
        if err is None or bool(kwargs.get("err")) is err:
            raise exc
        printed.append(str(message))
        original(message, *args, **kwargs)

    monkeypatch.setattr(typer, "echo", echo)
    return printed


def full_disk() -> OSError:
    return OSError(errno.ENOSPC, "No space left on device")


def test_record_stderr_on_a_full_disk(wsp: Wsp, monkeypatch: pytest.MonkeyPatch) -> None:
    failing_echo(monkeypatch, full_disk(), err=True)
    run = wsp("record", "1.1", "2", "--year", "2024")
    assert run.exit_code == 3
    (entry,) = stored(wsp)
    assert run.stdout == entry.uid + "\n"
    assert run.stderr == (
        f"wsp: error: Stored: entry {entry.uid[:8]}, but then it failed: No space left on "
        "device.\n" + HINT_EN
    )


def test_record_interrupted_right_after_the_commit(
    wsp: Wsp, monkeypatch: pytest.MonkeyPatch
) -> None:
    failing_echo(monkeypatch, KeyboardInterrupt(), err=False)
    run = wsp("record", "1.1", "2", "--year", "2024")
    assert run.exit_code == 3
    (entry,) = stored(wsp)
    assert run.stderr == (
        f"wsp: error: Stored: entry {entry.uid[:8]}, but then the command was interrupted.\n"
        + HINT_EN
    )
    assert "Interrupted." not in run.stderr


def test_record_interrupted_in_polish(wsp: Wsp, monkeypatch: pytest.MonkeyPatch) -> None:
    failing_echo(monkeypatch, KeyboardInterrupt(), err=None)
    run = wsp("record", "1.1", "2", "--year", "2024", lang="pl")
    assert run.exit_code == 3
    (entry,) = stored(wsp)
    assert run.stderr == (
        f"wsp: błąd: Zapisano: wpis {entry.uid[:8]}, ale potem polecenie zostało przerwane.\n"
        "  wskazówka: zapisane dane zostają w magazynie (pokazuje je `wsp history`); nie "
        "powtarzaj polecenia\n"
    )


def test_interrupted_while_the_new_total_is_read(wsp: Wsp, monkeypatch: pytest.MonkeyPatch) -> None:
    from wspolpraca_cli.services import entries

    def interrupted(*args: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(entries, "_stored_total", interrupted)
    run = wsp("record", "1.1", "2", "--year", "2024")
    assert run.exit_code == 3
    (entry,) = stored(wsp)
    assert run.stdout == ""
    assert f"Stored: entry {entry.uid[:8]}, but then the command was interrupted." in run.stderr


def test_a_store_error_while_the_new_total_is_read(
    wsp: Wsp, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wspolpraca_cli.errors import StoreError
    from wspolpraca_cli.services import entries

    def damaged(*args: Any) -> None:
        raise StoreError("The store is damaged.")

    monkeypatch.setattr(entries, "_stored_total", damaged)
    run = wsp("record", "1.1", "2", "--year", "2024")
    assert run.exit_code == 3
    (entry,) = stored(wsp)
    assert run.stderr.startswith(
        f"wsp: error: Stored: entry {entry.uid[:8]}, but then it failed: The store is damaged.\n"
    )


def test_when_stderr_fails_the_message_goes_to_stdout(
    wsp: Wsp, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wspolpraca_cli.cli import committed

    class Broken(io.StringIO):
        def write(self, text: str) -> int:
            raise full_disk()

    out = io.StringIO()
    monkeypatch.setattr(committed, "sys", SimpleNamespace(stderr=Broken(), stdout=out))
    failing_echo(monkeypatch, full_disk(), err=True)
    run = wsp("record", "1.1", "2", "--year", "2024")
    assert run.exit_code == 3
    (entry,) = stored(wsp)
    assert out.getvalue().startswith(f"wsp: error: Stored: entry {entry.uid[:8]}, but ")


def test_when_both_streams_fail_the_exit_code_still_says_so(
    wsp: Wsp, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wspolpraca_cli.cli import committed

    class Broken(io.StringIO):
        def write(self, text: str) -> int:
            raise full_disk()

    monkeypatch.setattr(committed, "sys", SimpleNamespace(stderr=Broken(), stdout=Broken()))
    failing_echo(monkeypatch, full_disk(), err=None)
    run = wsp("record", "1.1", "2", "--year", "2024")
    assert run.exit_code == 3
    assert len(stored(wsp)) == 1


def test_correct_stderr_on_a_full_disk(wsp: Wsp, monkeypatch: pytest.MonkeyPatch) -> None:
    uid = wsp.record("1.1", "2", "--year", "2024")
    failing_echo(monkeypatch, full_disk(), err=True)
    run = wsp("correct", uid, "3", "--reason", "typo")
    assert run.exit_code == 3
    new = stored(wsp)[-1]
    assert new.supersedes == uid
    assert run.stdout == new.uid + "\n"
    assert f"Stored: entry {new.uid[:8]}, but then it failed: No space left on device." in (
        run.stderr
    )


def test_void_interrupted_right_after_the_commit(wsp: Wsp, monkeypatch: pytest.MonkeyPatch) -> None:
    uid = wsp.record("1.1", "2", "--year", "2024")
    failing_echo(monkeypatch, KeyboardInterrupt(), err=False)
    run = wsp("void", uid, "--reason", "wrong")
    assert run.exit_code == 3
    new = stored(wsp)[-1]
    assert new.supersedes == uid and new.value is None
    assert f"Stored: entry {new.uid[:8]}, but then the command was interrupted." in run.stderr


def test_interrupted_before_the_commit_is_still_interrupted(
    wsp: Wsp, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wspolpraca_cli.services import entries

    def interrupted(*args: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(entries, "_check_plausible", interrupted)
    run = wsp("record", "1.1", "2", "--year", "2024")
    assert run.exit_code == 130
    assert run.stderr == "Interrupted.\n"
    assert not wsp.store.exists() or stored(wsp) == []


def test_a_dry_run_stores_nothing_so_says_nothing_stored(
    wsp: Wsp, monkeypatch: pytest.MonkeyPatch
) -> None:
    failing_echo(monkeypatch, KeyboardInterrupt(), err=True)
    run = wsp("record", "1.1", "2", "--year", "2024", "--dry-run")
    assert run.exit_code == 130
    assert "Stored" not in run.stderr
    assert not wsp.store.exists()


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_real_wsp_record_with_stderr_on_a_full_disk(wsp: Wsp) -> None:
    """End to end: standard error on /dev/full (every write fails with ENOSPC)."""
    command = [sys.executable, "-m", "wspolpraca_cli", "--lang", "en"]
    command += ["--program", str(wsp.program), "--store", str(wsp.store)]
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [*command, "record", "1.1", "2", "--year", "2024"],
            stdout=subprocess.PIPE,
            stderr=full,
            text=True,
            timeout=60,
        )
    assert done.returncode == 3
    (entry,) = stored(wsp)
    assert done.stdout.startswith(
        f"{entry.uid}\nwsp: error: Stored: entry {entry.uid[:8]}, but then it failed: "
        "No space left on device.\n"
    )

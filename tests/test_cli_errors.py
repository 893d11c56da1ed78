"""The command-line edge: Ctrl-C, internal errors, and --debug."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import SHIPPED_PROGRAM
from wspolpraca_cli.cli.app import app
from wspolpraca_cli.entries import Entry
from wspolpraca_cli.store import open_store

runner = CliRunner()


def _boom(*args: object, **kwargs: object) -> None:
    raise RuntimeError("something broke")


def _interrupt(*args: object, **kwargs: object) -> None:
    raise KeyboardInterrupt


def test_internal_error_is_one_message_and_exit_70(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("wspolpraca_cli.progcache.load_cached", _boom)
    result = runner.invoke(app, ["list"])
    assert result.exit_code == 70
    assert result.stderr == (
        "wsp: internal error: RuntimeError: something broke. Re-run with --debug and report it.\n"
    )


def test_internal_error_in_polish(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("wspolpraca_cli.progcache.load_cached", _boom)
    result = runner.invoke(app, ["--lang", "pl", "list"])
    assert result.exit_code == 70
    assert result.stderr.startswith("wsp: błąd wewnętrzny: RuntimeError: something broke.")


def test_debug_shows_the_traceback_and_keeps_the_exit_code(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("wspolpraca_cli.progcache.load_cached", _boom)
    result = runner.invoke(app, ["--debug", "list"])
    assert result.exit_code == 70
    assert "Traceback (most recent call last)" in result.stderr
    assert "RuntimeError" in result.stderr


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["check", "--year", "2030"], 2),  # a usage error stays 2, never check's 1
        (["--store", "/nonexistent-folder/s.db", "status"], 3),
        (["report", "--year", "2024", "-o", "/nonexistent-folder/r.md"], 3),
    ],
)
def test_debug_keeps_every_exit_code(tmp_path: Path, args: list[str], code: int) -> None:
    plain = runner.invoke(app, ["--store", str(tmp_path / "s.db"), *args])
    debug = runner.invoke(app, ["--debug", "--store", str(tmp_path / "s.db"), *args])
    assert plain.exit_code == debug.exit_code == code
    assert "Traceback" in debug.stderr and "Traceback" not in plain.stderr


def test_ctrl_c_exits_130(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("wspolpraca_cli.progcache.load_cached", _interrupt)
    result = runner.invoke(app, ["status"])
    assert result.exit_code == 130
    assert result.stderr == "Interrupted.\n"


def test_real_sigint_exits_130_and_keeps_the_store(tmp_path: Path) -> None:
    store = tmp_path / "s.wsp.db"
    with open_store(store) as opened:
        kept = opened.add(Entry("", "1.1", "2024", 2.0))
    code = (
        "import sys, time\n"
        "import wspolpraca_cli.progcache as cache\n"
        "def slow(*a, **k):\n"
        "    print('READY', file=sys.stderr, flush=True)\n"
        "    time.sleep(30)\n"
        "cache.load_cached = slow\n"
        "from wspolpraca_cli.cli.app import main\n"
        "sys.argv = ['wsp', '--store', sys.argv[1], 'status']\n"
        "main()\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(store)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "WSP_PROGRAM": str(SHIPPED_PROGRAM)},
    )
    assert proc.stderr is not None
    assert proc.stderr.readline().strip() == "READY"
    time.sleep(0.1)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert "Interrupted." in err
    assert "Traceback" not in err
    with open_store(store, readonly=True) as opened:
        assert [e.uid for e in opened.entries()] == [kept.uid]
        assert opened.integrity_check() == "ok"


def test_ctrl_c_at_a_prompt_exits_130(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Click turns Ctrl-C or end of input at a prompt into Abort: still 130, never "Aborted!"."""
    import typer

    def aborted(*args: object, **kwargs: object) -> None:
        raise typer.Abort

    monkeypatch.setattr("wspolpraca_cli.progcache.load_cached", aborted)
    result = runner.invoke(app, ["--lang", "pl", "status"])
    assert result.exit_code == 130
    assert result.stderr == "\nPrzerwano.\n"
    assert "Aborted" not in result.stdout + result.stderr


def test_a_closed_pipe_ends_quietly() -> None:
    """`wsp list | head -1`: when the reader has gone, wsp ends as Unix tools do (SIGPIPE),
    with no BrokenPipeError and no internal-error message."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before wsp writes anything
    try:
        done = subprocess.run(
            [sys.executable, "-m", "wspolpraca_cli", "list"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert done.stderr == ""
    assert done.returncode == -signal.SIGPIPE


def test_a_file_name_too_long_is_one_message_and_exit_2(tmp_path: Path) -> None:
    long = str(tmp_path / ("x" * 300))
    result = runner.invoke(app, ["--store", str(tmp_path / "s.db"), "export", "-o", long])
    assert result.exit_code == 2
    assert result.stderr == f"wsp: error: {long}: File name too long\n"


def test_an_argument_that_is_not_utf8_is_refused() -> None:
    result = runner.invoke(app, ["record", "1.1", "2", "--year", "2024", "--note", "\udcff"])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "wsp: error: the argument '\ufffd' is not UTF-8; set the terminal's encoding to UTF-8\n"
    )

"""What every command does before its own work: the environment it reads, Ctrl-C at start-up."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import SHIPPED_PROGRAM, MakeWsp, Wsp


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "-1", "1e9", "3601", "abc", "３", "٣"])
@pytest.mark.parametrize("command", [["status"], ["record", "1.1", "1", "--year", "2024"]])
def test_a_bad_busy_timeout_is_refused_naming_the_variable(
    wsp: Wsp, value: str, command: list[str]
) -> None:
    run = wsp(*command, env={"WSP_BUSY_TIMEOUT": value})
    assert run.exit_code == 2
    assert run.stderr.startswith(
        f"wsp: error: WSP_BUSY_TIMEOUT={value!r} is not a valid waiting time in seconds.\n"
    )
    assert "from 0 to 3600" in run.stderr
    assert run.stdout == ""


def test_a_bad_busy_timeout_in_polish(make_wsp: MakeWsp) -> None:
    run = make_wsp(lang="pl")("status", env={"WSP_BUSY_TIMEOUT": "inf"})
    assert run.exit_code == 2
    assert "Zmienna WSP_BUSY_TIMEOUT='inf' nie jest poprawnym czasem oczekiwania" in run.stderr


@given(st.floats(min_value=0, max_value=3600, allow_nan=False))
def test_a_busy_timeout_within_bounds_is_taken(seconds: float) -> None:
    from wspolpraca_cli.cli.common import busy_timeout

    old = os.environ.get("WSP_BUSY_TIMEOUT")
    os.environ["WSP_BUSY_TIMEOUT"] = repr(seconds)
    try:
        assert busy_timeout() == seconds
    finally:
        if old is None:
            del os.environ["WSP_BUSY_TIMEOUT"]
        else:
            os.environ["WSP_BUSY_TIMEOUT"] = old


@pytest.mark.parametrize("value", ["", "0", "0.5", " 30 "])
def test_a_good_or_empty_busy_timeout_works(wsp: Wsp, value: str) -> None:
    run = wsp("record", "1.1", "1", "--year", "2024", env={"WSP_BUSY_TIMEOUT": value})
    assert run.exit_code == 0, run.stderr


def _wsp_script() -> list[str]:
    """The ``wsp`` console script of this environment (``python -m wspolpraca_cli`` without)."""
    script = Path(sys.executable).parent / "wsp"
    return [str(script)] if script.exists() else [sys.executable, "-m", "wspolpraca_cli"]


@pytest.mark.slow
def test_ctrl_c_at_any_moment_of_start_up_exits_130_without_a_traceback(tmp_path: Path) -> None:
    """Ctrl-C at random moments of the first 0.3 s of ``wsp status``: exit 130 and one line,
    or (once the command is done) its own exit 0 — never a traceback, never 1.

    The child starts with SIGINT ignored, as far as the interpreter's own start-up goes
    (``site``, the script's ``import re``): no code of wsp runs then, so none can answer it;
    wsp's entry point installs its handler first thing, which is what is tested here."""
    env = {**os.environ, "WSP_LANG": "en", "WSP_PROGRAM": str(SHIPPED_PROGRAM)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    argv = [*_wsp_script(), "--store", str(tmp_path / "s.db"), "status"]
    delays = [random.Random(n).uniform(0, 0.3) for n in range(16)]
    outcomes = []
    for delay in delays:
        proc = subprocess.Popen(
            argv,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
        assert "Traceback" not in err, (delay, err)
        assert proc.returncode in (0, 130), (delay, proc.returncode, err)
        if proc.returncode == 130:
            assert err == "Interrupted.\n", (delay, err)
        outcomes.append(proc.returncode)
    assert 130 in outcomes, outcomes


@pytest.mark.parametrize(
    ("argv", "environ", "expected"),
    [
        (["wsp", "--lang", "pl", "status"], {}, "Przerwano."),
        (["wsp", "status"], {"WSP_LANG": "pl"}, "Przerwano."),
        (["wsp", "status"], {"WSP_LANG": "en"}, "Interrupted."),
    ],
)
def test_the_start_up_interrupt_speaks_the_command_line_language(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], environ: dict[str, str], expected: str
) -> None:
    from wspolpraca_cli.cli import entry

    monkeypatch.setattr(sys, "argv", argv)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    assert entry._message() == expected


_COMMAND_MODULES = (
    "cmd_audit", "cmd_grants", "cmd_program", "cmd_report", "cmd_status", "cmd_store",
    "cmd_store_admin", "cmd_verify",
)  # fmt: skip


def _modules_after(
    argv: list[str],
    modules: tuple[str, ...] = _COMMAND_MODULES,
    prefix: str = "wspolpraca_cli.cli.",
    env: dict[str, str] | None = None,
) -> list[str]:
    """Which of ``modules`` the console script's main() imported to run ``argv``."""
    code = (
        "import sys\n"
        f"sys.argv = ['wsp', *{argv!r}]\n"
        "from wspolpraca_cli.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print('MODULES', sorted(m for m in {modules!r}"
        f" if {prefix!r} + m in sys.modules), file=sys.stderr)\n"
    )
    env = {**os.environ, "WSP_LANG": "en", **(env or {})}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env
    )
    line = next(x for x in done.stderr.splitlines() if x.startswith("MODULES"))
    return list(eval(line.removeprefix("MODULES ")))


def test_a_command_imports_only_its_own_module(tmp_path: Path) -> None:
    store = str(tmp_path / "s.db")
    assert _modules_after(["-p", str(SHIPPED_PROGRAM), "-s", store, "status"]) == ["cmd_status"]
    assert _modules_after(["-p", str(SHIPPED_PROGRAM), "check", "--help"]) == ["cmd_report"]
    assert _modules_after(["store", "info", "--help"]) == ["cmd_store_admin", "cmd_verify"]
    assert _modules_after(["--help"]) == sorted(_COMMAND_MODULES)  # help lists every one


def test_every_command_alone_has_the_help_of_the_whole_application() -> None:
    """The console script registers only the invoked command (cli.app.COMMANDS): its help,
    and that of a group's commands, are those of the application with every command."""
    from typer.testing import CliRunner

    from wspolpraca_cli.cli.app import COMMANDS, app, build

    runner = CliRunner()
    names = list(dict.fromkeys(name for name, _, _ in COMMANDS))
    whole = {info.name for info in app.registered_commands}
    whole |= {group.name for group in app.registered_groups}
    assert set(names) == whole
    for name in names:
        alone = build([name])
        assert {i.name for i in alone.registered_commands} | {
            g.name for g in alone.registered_groups
        } >= {name}
        for argv in ([name, "--help"], [name, "info", "--help"]):
            if argv[1] == "info" and name != "store":
                continue
            expected = runner.invoke(app, argv)
            got = runner.invoke(alone, argv)
            assert got.exit_code == expected.exit_code == 0, (argv, got.output)
            assert got.output == expected.output, argv


def test_the_console_script_runs_a_group_command_registered_alone(tmp_path: Path) -> None:
    env = {**os.environ, "WSP_LANG": "en"}
    done = subprocess.run(
        [*_wsp_script(), "--store", str(tmp_path / "none.db"), "store", "info"],
        capture_output=True, text=True, timeout=60, env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "does not exist yet" in done.stdout


def test_status_from_the_programme_cache_imports_no_pickle_module(tmp_path: Path) -> None:
    """Read from the cache, the programme is unpickled by the C unpickler alone (the pickle
    module, its Python pickler, only when the cache is written)."""
    argv = ["-p", str(SHIPPED_PROGRAM), "-s", str(tmp_path / "s.db"), "status"]
    env = {"WSP_CACHE_DIR": str(tmp_path / "cache")}
    assert _modules_after(argv, ("pickle",), "", env) == ["pickle"]  # validated, then cached
    assert _modules_after(argv, ("pickle",), "", env) == []


def test_status_reads_only_the_catalogues_it_speaks_from(tmp_path: Path) -> None:
    areas = ("core", "status", "program", "store", "report", "audit", "draft", "grants")
    catalogues = tuple(f"catalog_{a}" for a in areas)
    argv = ["-p", str(SHIPPED_PROGRAM), "-s", str(tmp_path / "s.db"), "status"]
    read = _modules_after(argv, catalogues, "wspolpraca_cli.i18n.")
    assert read == ["catalog_core", "catalog_status"]


def test_the_console_script_pauses_the_collector_only_while_it_starts(tmp_path: Path) -> None:
    """entry.main pauses the cycle collector; the app turns it back on, the start-up's objects
    frozen, before the command runs (and a command sees it on)."""
    code = (
        "import gc, sys\n"
        f"sys.argv = ['wsp', '-p', {str(SHIPPED_PROGRAM)!r}, '-s', {str(tmp_path / 's.db')!r},"
        " 'status']\n"
        "import wspolpraca_cli.cli.cmd_status as c\n"
        "real = c.status\n"
        "def status(*a, **k):\n"
        "    print('ENABLED', gc.isenabled(), 'FROZEN', gc.get_freeze_count() > 0,"
        " 'AFTER', gc.get_threshold()[0], file=sys.stderr)\n"
        "    return real(*a, **k)\n"
        "status.__wrapped__ = real\n"
        "import functools; functools.update_wrapper(status, real)\n"
        "c.status = status\n"
        "from wspolpraca_cli.cli.entry import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
    )
    env = {**os.environ, "WSP_LANG": "en"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env
    )
    assert "ENABLED True FROZEN True AFTER 10000" in done.stderr, done.stderr


def test_ctrl_c_a_library_wraps_in_its_own_error_is_an_interruption(tmp_path: Path) -> None:
    """Pydantic, building its validators when a changed programme is read, turns a
    KeyboardInterrupt into a SchemaError: after Ctrl-C that is exit 130 and one line, not an
    internal error (exit 70)."""
    code = (
        "import os, signal, sys\n"
        f"sys.argv = ['wsp', '-p', {str(SHIPPED_PROGRAM)!r}, '-s', {str(tmp_path / 's.db')!r},"
        " 'status']\n"
        "import wspolpraca_cli.services.progress as p\n"
        "def wrapped(*a, **k):\n"
        "    try:\n"
        "        os.kill(os.getpid(), signal.SIGINT)\n"
        "        import time; time.sleep(1)\n"
        "    except KeyboardInterrupt as exc:\n"
        "        raise RuntimeError(f'Error building validator: {exc!r}') from None\n"
        "p.progress_as_of = wrapped\n"
        "from wspolpraca_cli.cli.entry import main\n"
        "main()\n"
    )
    env = {**os.environ, "WSP_LANG": "en"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env
    )
    assert done.returncode == 130, done.stderr
    assert done.stderr == "Interrupted.\n"

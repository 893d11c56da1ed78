"""Shell completion: the scripts, and what a shell is offered (commands, options, programme
ids, entry ids) through the environment-variable protocol the scripts use."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import TEST_PROGRAM, MakeWsp, Wsp
from wspolpraca_cli.cli.app import app

runner = CliRunner()


def complete(words: str, *, shell: str = "bash", **environ: str) -> list[str]:
    """What ``shell`` is offered for the command line ``words`` (cursor at its end)."""
    env = {"_WSP_COMPLETE": f"complete_{shell}", **environ}
    if shell == "bash":
        parts = words.split()
        cword = len(parts) if words.endswith(" ") else len(parts) - 1
        env |= {"COMP_WORDS": words, "COMP_CWORD": str(cword)}
    elif shell == "fish":
        env |= {"_TYPER_COMPLETE_ARGS": words, "_TYPER_COMPLETE_FISH_ACTION": "get-args"}
    else:
        env |= {"_TYPER_COMPLETE_ARGS": words}
    result = runner.invoke(app, [], env=env, prog_name="wsp")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return [line for line in result.stdout.splitlines() if line]


def _base(wsp: Wsp) -> str:
    return f"wsp --program {wsp.program} --store {wsp.store}"


def test_commands_and_options_are_completed() -> None:
    assert complete("wsp sh") == ["show"]
    assert set(complete("wsp st")) == {"status", "store"}
    assert complete("wsp status --fo") == ["--format", "--force"]
    assert "--install-completion" in complete("wsp --")


def test_indicator_ids_come_from_the_programme(wsp: Wsp) -> None:
    ids = ["1.1", "pct", "yn", "kw", "avg"]
    assert complete(f"{_base(wsp)} record ") == ids
    assert complete(f"{_base(wsp)} history p") == ["pct"]
    assert complete(f"{_base(wsp)} show 1.") == ["1.1", "1.2"]  # actions, and indicator 1.1
    assert complete(f"{_base(wsp)} show ") == ["główny", "a", "1", "1.1", "1.2", *ids[1:]]


def test_indicator_ids_come_with_their_names_where_the_shell_shows_them(wsp: Wsp) -> None:
    zsh = complete(f"{_base(wsp)} record 1", shell="zsh")
    assert zsh == ['_arguments \'*: :(("1.1":"Liczba warsztatów"))\'']
    fish = complete(f"{_base(wsp)} record 1", shell="fish")
    assert fish == ["1.1\tLiczba warsztatów"]


def test_indicator_ids_from_the_programme_named_by_the_environment(wsp: Wsp) -> None:
    assert complete("wsp show p", WSP_PROGRAM=str(wsp.program)) == ["pct"]


def test_entry_ids_come_from_the_store_in_their_short_form(wsp: Wsp) -> None:
    first = wsp.record("1.1", "1", "--year", "2024")
    second = wsp.record("pct", "50", "--year", "2024")
    offered = complete(f"{_base(wsp)} void ")
    assert sorted(offered) == sorted([first[:8], second[:8]])
    assert complete(f"{_base(wsp)} correct {first[:3]}") == [first[:8]]
    assert complete(f"{_base(wsp)} correct {first[:10]}") == [first[:10]]


def test_completion_never_creates_a_store(wsp: Wsp, tmp_path: Path) -> None:
    missing = tmp_path / "none" / "store.wsp.db"
    assert complete(f"wsp --program {wsp.program} --store {missing} void ") == []
    assert not missing.exists() and not missing.parent.exists()
    assert complete(f"wsp --program {wsp.program} --store {wsp.store} void ") == []
    assert not wsp.store.exists()


@pytest.mark.parametrize(
    "program", ["format: 1\nprogram: [\n", "", "\x00\xff", "goals: 3\n"], ids=repr
)
def test_a_broken_programme_completes_nothing_and_never_fails(
    make_wsp: MakeWsp, program: str
) -> None:
    wsp = make_wsp(program)
    assert complete(f"{_base(wsp)} record ") == []
    assert complete(f"{_base(wsp)} show x") == []


def test_a_damaged_store_completes_nothing(wsp: Wsp) -> None:
    wsp.store.write_bytes(b"not a database" * 100)
    assert complete(f"{_base(wsp)} void ") == []


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_show_completion_prints_the_script_for_the_shell(shell: str) -> None:
    result = runner.invoke(app, ["--show-completion", shell])
    assert result.exit_code == 0
    assert "_WSP_COMPLETE=complete_" + shell in result.stdout
    assert "wsp" in result.stdout


def test_an_unknown_shell_is_refused_with_the_choices() -> None:
    result = runner.invoke(app, ["--show-completion", "tcsh"])
    assert result.exit_code == 2
    assert "'tcsh' is not one of 'bash', 'zsh', 'fish'" in result.stderr


def test_install_completion_writes_the_script_where_bash_reads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    result = runner.invoke(app, ["--install-completion", "bash"])
    assert result.exit_code == 0
    script = tmp_path / ".bash_completions" / "wsp.sh"
    assert "_WSP_COMPLETE=complete_bash" in script.read_text()
    assert f"source '{script}'" in (tmp_path / ".bashrc").read_text()
    assert (
        result.stderr
        == f"bash: completion installed in {script}; it works in a newly opened terminal.\n"
    )


def test_completion_through_the_console_script(tmp_path: Path) -> None:
    """End to end, as bash runs it: the ``wsp`` process with the protocol's variables."""
    program = tmp_path / "program.yaml"
    program.write_text(TEST_PROGRAM, encoding="utf-8")
    env = {
        **os.environ,
        "_WSP_COMPLETE": "complete_bash",
        "COMP_WORDS": f"wsp --program {program} show 1.",
        "COMP_CWORD": "4",
    }
    done = subprocess.run(
        [sys.executable, "-m", "wspolpraca_cli"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "1.1\n1.2\n", "")

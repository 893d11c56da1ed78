"""The command-line contract every command shares (SPEC, Round 2, "One error→exit mapping"):
the figure `record` prints is the one `status` shows, options after the command behave as
before it (also without a locale), one date parser, a missing output folder is exit 3."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Wsp

# `wsp record` takes 2024-03-10 as today.
pytestmark = pytest.mark.usefixtures("today")


def _status_actual(wsp: Wsp, indicator: str, period: str, as_of: str) -> float | None:
    run = wsp("status", "--as-of", as_of, "--format", "json", "--year", period[:4])
    assert run.exit_code == 0, run.stderr
    items = json.loads(run.stdout)["indicators"]
    (item,) = [i for i in items if i["id"] == indicator and i["period"] == period]
    return item["actual"]  # type: ignore[no-any-return]


# -- record prints what status shows ----------------------------------------------------------
def test_dry_run_does_not_count_an_entry_dated_after_today(wsp: Wsp) -> None:
    # dated 2024-12-01: after "today" (2024-03-10), so it does not count yet
    wsp.record("1.1", "5", "--date", "2024-12-01")
    run = wsp("record", "1.1", "1", "--year", "2024", "--dry-run")
    assert run.exit_code == 0, run.stderr
    assert "the actual for 2024 would be: 1 (sum, 1 entry)" in run.stderr
    done = wsp("record", "1.1", "1", "--year", "2024")
    assert "Actual for 2024: 1 (sum, 1 entry)." in done.stderr
    assert _status_actual(wsp, "1.1", "2024", "2024-03-10") == 1.0


def test_record_names_the_evaluation_period_status_shows(wsp: Wsp) -> None:
    # kw is measured quarterly against 500 000/rok: status judges the year
    wsp.record("kw", "100000", "--period", "2024-Q1")
    run = wsp("record", "kw", "50000", "--period", "2024-Q2", "--dry-run")
    assert "= 50,000 for 2024-Q2; the actual for 2024 would be: 150,000 (sum, 2 entries)" in (
        run.stderr
    )
    done = wsp("record", "kw", "50000", "--period", "2024-Q2")
    assert "for 2024-Q2. Actual for 2024: 150,000 (sum, 2 entries)." in done.stderr
    assert _status_actual(wsp, "kw", "2024", "2024-03-10") == 150000.0


def test_correct_dry_run_matches_the_correction(wsp: Wsp) -> None:
    uid = wsp.record("avg", "10", "--period", "2024-02")
    wsp.record("avg", "20", "--period", "2024-02")
    dry = wsp("correct", uid[:8], "30", "--reason", "pomyłka", "--dry-run")
    assert "the actual of avg for 2024-02 would be: 25 (mean, 2 entries)." in dry.stderr
    done = wsp("correct", uid[:8], "30", "--reason", "pomyłka")
    assert "Actual of avg for 2024-02: 25 (mean, 2 entries)." in done.stderr


# -- options after the command ----------------------------------------------------------------
def _bare_env(**extra: str) -> dict[str, str]:
    """What cron gives a job: no locale, a minimal PATH."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/")}
    env.update(extra)
    return env


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "--year", "2024", "--lang", "en"],
        ["--lang", "en", "check", "--year", "2024"],
    ],
)
def test_lang_after_the_command_under_cron(tmp_path: Path, argv: list[str]) -> None:
    """The shipped programme is Polish; without a locale wsp would speak Polish, but a
    --lang given anywhere wins."""
    env = _bare_env(XDG_DATA_HOME=str(tmp_path), WSP_CACHE_DIR=str(tmp_path / "cache"))
    store = ["--store", str(tmp_path / "s.db")]
    done = subprocess.run(
        [sys.executable, "-m", "wspolpraca_cli", *store, *argv],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "overdue  record 2024 for 1.1" in done.stdout
    assert "Summary: 1 overdue" in done.stdout


def test_report_lang_after_the_command_beats_the_programme(wsp: Wsp) -> None:
    run = wsp("report", "--year", "2024", "--lang", "en", lang="pl")
    assert run.exit_code == 0, run.stderr
    assert run.stdout.startswith("# Report on the programme's implementation in 2024")


# -- one date parser --------------------------------------------------------------------------
@pytest.mark.parametrize("command", [["status"], ["check"], ["report", "--year", "2023"]])
def test_as_of_takes_both_date_forms(wsp: Wsp, command: list[str]) -> None:
    iso = wsp(*command, "--as-of", "2024-06-01")
    polish = wsp(*command, "--as-of", "1.06.2024")
    assert iso.exit_code == polish.exit_code
    assert iso.stdout == polish.stdout


def test_record_date_takes_both_forms(wsp: Wsp) -> None:
    a = wsp("record", "1.1", "1", "--date", "2024-04-02", "--dry-run")
    b = wsp("record", "1.1", "1", "--date", "2.04.2024", "--dry-run")
    assert a.exit_code == b.exit_code == 0
    assert a.stderr == b.stderr


# -- writing files ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "command",
    [
        ["report", "--year", "2024", "-o"],
        ["export", "-o"],
        ["init"],
    ],
)
def test_a_missing_output_folder_is_exit_3(wsp: Wsp, tmp_path: Path, command: list[str]) -> None:
    target = tmp_path / "missing" / ("out.md" if command[0] != "export" else "out.csv")
    run = wsp(*command, str(target))
    assert run.exit_code == 3
    assert run.stderr.splitlines() == [
        f"wsp: error: The folder {target.parent} does not exist.",
        f"  hint: create it (mkdir -p {target.parent}), or give another path",
    ]
    assert not target.parent.exists()

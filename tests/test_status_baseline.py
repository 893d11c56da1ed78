"""Progress from a baseline, shown under `wsp show` for an indicator that has one."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import REPO
from wspolpraca_cli.cli.app import app

runner = CliRunner()
EXAMPLE = REPO / "examples" / "przyklad-pelny.yaml"


def _record(store: Path, *args: str) -> None:
    base = ["--program", str(EXAMPLE), "--store", str(store)]
    result = runner.invoke(app, [*base, "record", *args])
    assert result.exit_code == 0, result.stderr


def test_show_reports_progress_from_the_baseline(tmp_path: Path) -> None:
    store = tmp_path / "s.wsp.db"
    _record(store, "2.1.1", "70%", "--year", "2025")
    base = ["--program", str(EXAMPLE), "--store", str(store)]
    english = runner.invoke(app, [*base, "show", "2.1.1"])
    assert english.exit_code == 0, english.stderr
    assert english.stdout.rstrip().endswith(
        "From the baseline 55% (2023): 60% of the way to the target"
    )
    polish = runner.invoke(app, [*base, "--lang", "pl", "show", "2.1.1"])
    assert polish.stdout.rstrip().endswith(
        "Postęp od wartości bazowej 55% (2023) do wartości docelowej: 60%"
    )


def test_no_baseline_line_without_a_baseline(tmp_path: Path) -> None:
    store = tmp_path / "s.wsp.db"
    base = ["--program", str(EXAMPLE), "--store", str(store)]
    result = runner.invoke(app, [*base, "show", "2.4"])
    assert result.exit_code == 0, result.stderr
    assert "baseline" not in result.stdout.split("History of indicator")[1]

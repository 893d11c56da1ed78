"""Tables people read join runs of empty periods of one status; csv and json never do."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import REPO
from wspolpraca_cli.cli.app import app

runner = CliRunner()
EXAMPLE = REPO / "examples" / "przyklad-pelny.yaml"


def _status(store: Path, *args: str) -> str:
    base = ["--program", str(EXAMPLE), "--store", str(store)]
    result = runner.invoke(app, [*base, "status", "--as-of", "2025-06-10", *args])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_runs_are_joined_only_across_adjacent_periods(tmp_path: Path) -> None:
    store = tmp_path / "s.wsp.db"
    base = ["--program", str(EXAMPLE), "--store", str(store)]
    recorded = runner.invoke(app, [*base, "record", "2.3.1", "12", "--period", "2024-06"])
    assert recorded.exit_code == 0, recorded.stderr
    rows = [line for line in _status(store).splitlines() if line.startswith("2.3.1 ")]
    text = "\n".join(rows)
    assert "2024-01…2024-05 (5)" in text
    # not joined across 2024-06, which has data; a month is due 30 days after it ends
    assert "2024-07…2025-04 (10)" in text
    assert "2025-05 " in text and "awaiting" in text
    assert len(rows) == 5  # two overdue runs, one awaiting run, the current month, programme


def test_csv_and_json_keep_every_period(tmp_path: Path) -> None:
    store = tmp_path / "s.wsp.db"
    data = json.loads(_status(store, "--format", "json"))
    months = [r["period"] for r in data["indicators"] if r["id"] == "2.3.1"]
    assert months[:3] == ["2024-01", "2024-02", "2024-03"]
    assert "…" not in _status(store, "--format", "csv")

"""``wsp status`` and the history under ``wsp show`` through the real CLI.

Every worked example of SPEC's "Status semantics" is here, on the shipped programme's
indicator 1.1 (1/rok, yearly, sum, deadline 31 May), with a fixed ``--as-of``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.conftest import REPO, SHIPPED_PROGRAM, Wsp
from wspolpraca_cli.cli.app import app
from wspolpraca_cli.entries import Entry, EntryKind
from wspolpraca_cli.store import open_store

runner = CliRunner()


@pytest.fixture
def wsp(shipped_wsp: Wsp) -> Wsp:
    """These tests run on the shipped programme (store ``tmp_path/s.db``)."""
    return shipped_wsp


@pytest.fixture(autouse=True)
def _cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("WSP_CACHE_DIR", str(tmp_path / "cache"))


def record(store: Path, period: str, value: float, **kw: Any) -> Entry:
    with open_store(store) as opened:
        return opened.add(Entry("", "1.1", period, value, **kw))


def correct(store: Path, old: Entry, value: float, reason: str) -> Entry:
    with open_store(store) as opened:
        return opened.add(
            Entry(
                "",
                old.indicator_id,
                old.period,
                value,
                kind=EntryKind.CORRECTION,
                supersedes=old.uid,
                reason=reason,
            )
        )


def status_json(wsp: Wsp, year: int, as_of: str, *extra: str) -> dict[str, Any]:
    result = wsp("status", "--year", str(year), "--as-of", as_of, "--format", "json", *extra)
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def item(data: dict[str, Any], period: str, ind: str = "1.1") -> dict[str, Any]:
    found = [i for i in data["indicators"] if i["id"] == ind and i["period"] == period]
    assert len(found) == 1, data["indicators"]
    return found[0]


# -- SPEC's worked examples ------------------------------------------------------------------
def test_nothing_recorded_is_in_progress_zero_of_one(wsp: Wsp, tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    row = item(status_json(wsp, 2024, "2024-03-10"), "2024")
    assert (row["status"], row["actual"], row["target"]) == ("in_progress", 0, 1)
    assert row["entries"] == 0
    assert not store.exists()  # reading never creates the store


def test_one_entry_achieves_2024(wsp: Wsp, tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    record(store, "2024", 1)
    row = item(status_json(wsp, 2024, "2024-03-10"), "2024")
    assert (row["status"], row["actual"], row["achievement"]) == ("achieved", 1, 1.0)


def test_entries_1_and_2_sum_to_3(wsp: Wsp, tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    record(store, "2022", 1)
    record(store, "2022", 2)
    row = item(status_json(wsp, 2022, "2022-10-01"), "2022")
    assert (row["status"], row["actual"]) == ("achieved", 3)


def test_explicit_zero_for_2023_is_missed(wsp: Wsp, tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    record(store, "2023", 0)
    row = item(status_json(wsp, 2023, "2024-01-15"), "2023")
    assert (row["status"], row["actual"], row["entries"]) == ("missed", 0, 1)


def test_nothing_for_2024_awaiting_then_overdue(wsp: Wsp, tmp_path: Path) -> None:
    assert item(status_json(wsp, 2024, "2025-04-01"), "2024")["status"] == "awaiting"
    assert item(status_json(wsp, 2024, "2025-06-01"), "2024")["status"] == "overdue"


def test_two_corrected_to_zero_is_missed_and_history_keeps_both(wsp: Wsp, tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    first = record(store, "2024", 2)
    correct(store, first, 0, "pomyłka")
    assert item(status_json(wsp, 2024, "2024-06-01"), "2024")["status"] == "in_progress"
    assert item(status_json(wsp, 2024, "2025-01-02"), "2024")["status"] == "missed"
    with open_store(store, readonly=True) as opened:
        assert [e.value for e in opened.entries("1.1")] == [2, 0]


def test_entry_dated_after_as_of_does_not_count(wsp: Wsp, tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    record(store, "2024", 1, date="2024-09-15")
    assert item(status_json(wsp, 2024, "2024-09-14"), "2024")["status"] == "in_progress"
    assert item(status_json(wsp, 2024, "2024-09-15"), "2024")["status"] == "achieved"


# -- the JSON contract -----------------------------------------------------------------------
def test_json_shape(wsp: Wsp, tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    record(store, "2021", 1)
    record(store, "2022", 3)
    data = status_json(wsp, 2022, "2023-02-01")
    assert data["schema"] == 1
    assert data["as_of"] == "2023-02-01"
    assert data["program"]["first_year"] == 2021 and data["program"]["last_year"] == 2025
    assert data["program"]["title"].startswith("Wieloletni program")
    assert data["store"] == str(store)
    assert data["year"] == 2022 and data["goal"] is None
    row = item(data, "2022")
    for key in ("id", "period", "target", "actual", "achievement", "status"):
        assert key in row
    assert row["deadline"] == "2023-05-31" and row["target_text"] == "1/rok"
    (whole,) = data["programme"]
    assert whole["period"] == "2021-2025"
    assert (whole["target"], whole["actual"], whole["status"]) == (5, 4, "in_progress")
    assert (whole["periods_with_target"], whole["periods_achieved"]) == (5, 2)
    assert data["summary"] == {"achieved": 1}
    levels = {(r["level"], r["id"]): r["counts"] for r in data["rollups"]}
    assert levels[("goal", "a")] == {"achieved": 1}
    assert levels[("action", "1.1")] == {"achieved": 1}
    assert ("goal", "b") not in levels  # no indicator serves goal b
    assert data["orphans"] == []


def test_default_view_is_current_period_and_programme(wsp: Wsp, tmp_path: Path) -> None:
    result = wsp("status", "--as-of", "2025-04-01", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["year"] is None
    assert [(i["period"], i["status"]) for i in data["indicators"]] == [
        ("2021", "overdue"),  # every late period stays in view until it has data
        ("2022", "overdue"),
        ("2023", "overdue"),
        ("2024", "awaiting"),
        ("2025", "in_progress"),
    ]
    # 0 of 5 with 2025 open: in progress; the three overdue years show in completeness
    assert data["programme"][0]["status"] == "in_progress"
    assert data["programme"][0]["completeness"] == {"with_data": 0, "due": 3}


def test_orphans_are_listed(wsp: Wsp, tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    with open_store(store) as opened:
        opened.add(Entry("", "7.7", "2024", 1))
    data = status_json(wsp, 2024, "2024-06-01")
    assert data["orphans"] == [
        {"indicator_id": "7.7", "period": "2024", "entries": 1, "reason": "unknown_indicator"}
    ]
    piped = wsp("status", "--as-of", "2024-06-01")
    assert "7.7" in piped.stderr


# -- options and errors ----------------------------------------------------------------------
def test_goal_filter(wsp: Wsp, tmp_path: Path) -> None:
    assert len(status_json(wsp, 2024, "2024-06-01", "--goal", "a")["indicators"]) == 1
    data = status_json(wsp, 2024, "2024-06-01", "--goal", "b")
    assert data["indicators"] == [] and data["goal"] == "b"
    plain = wsp("status", "--goal", "b", "--as-of", "2024-06-01")
    assert plain.exit_code == 0 and "no indicators to show" in plain.stdout


def test_unknown_goal_gets_did_you_mean(wsp: Wsp, tmp_path: Path) -> None:
    result = wsp("status", "--goal", "A")
    assert result.exit_code == 2
    assert "No goal 'A'" in result.stderr and "Did you mean: a" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("bad", ["2024-13-01", "yesterday", "10/03/2024", "31.02.2024"])
def test_bad_as_of_is_exit_2(wsp: Wsp, tmp_path: Path, bad: str) -> None:
    result = wsp("status", "--as-of", bad)
    assert result.exit_code == 2
    assert "2024-04-02 or 2.04.2024" in result.stderr
    assert result.stdout == ""


def test_year_outside_the_programme_is_exit_2(wsp: Wsp, tmp_path: Path) -> None:
    result = wsp("status", "--year", "2030")
    assert result.exit_code == 2
    assert "2021–2025" in result.stderr


def test_bad_format_is_a_usage_error(wsp: Wsp, tmp_path: Path) -> None:
    assert wsp("status", "--format", "xml").exit_code == 2


def test_damaged_store_is_exit_3(wsp: Wsp, tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    store.write_bytes(b"this is not a database at all" * 100)
    result = wsp("status", "--as-of", "2024-06-01")
    assert result.exit_code == 3
    assert "Traceback" not in result.stderr


def test_piped_table_in_english_and_polish(wsp: Wsp, tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    record(store, "2024", 1)
    result = wsp("status", "--as-of", "2024-03-10")
    assert result.exit_code == 0
    out = result.stdout
    assert "Programme: Wieloletni program" in out
    assert f"Measurement store: {store}" in out
    assert "As of: 10 March 2024" in out
    assert "achieved" in out and "\x1b[" not in out
    # 2021 and 2022 overdue, 2023 still awaiting its report, 2024 achieved
    assert out.rstrip().endswith("1 achieved · 1 awaiting · 2 overdue")
    pl = runner.invoke(
        app,
        ["--lang", "pl", "--program", str(SHIPPED_PROGRAM), "--store", str(store), "status",
         "--as-of", "2024-03-10"],
    )  # fmt: skip
    assert "Stan na: 10 marca 2024" in pl.stdout
    assert "osiągnięto: 1" in pl.stdout


def test_polish_numbers_in_markdown(tmp_path: Path) -> None:
    program = tmp_path / "p.yaml"
    program.write_text(
        SHIPPED_PROGRAM.read_text(encoding="utf-8").replace("target: 1/rok", "target: 1500/rok"),
        encoding="utf-8",
    )
    store = tmp_path / "s.db"
    record(store, "2024", 1234.5)
    result = runner.invoke(
        app,
        ["--lang", "pl", "--program", str(program), "--store", str(store), "status", "--year",
         "2024", "--as-of", "2025-01-10", "--format", "md"],
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "1\u00a0234,5" in result.stdout and "1\u00a0500" in result.stdout
    assert "82%" in result.stdout and "nie osiągnięto" in result.stdout


# -- wsp show ID -----------------------------------------------------------------------------
def test_show_prints_the_history(wsp: Wsp, tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    record(store, "2021", 2)
    record(store, "2022", 0)
    result = wsp("show", "1.1")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "History of indicator 1.1" in out
    lines = {line.split()[0]: line for line in out.splitlines() if line[:4].isdigit()}
    assert "achieved" in lines["2021"] and "200%" in lines["2021"]
    assert "missed" in lines["2022"]
    assert "Whole programme 2021–2025: 2 of 5" in out


def test_show_without_a_store_creates_nothing(wsp: Wsp, tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    result = wsp("show", "1.1")
    assert result.exit_code == 0
    assert not store.exists()


# -- start-up --------------------------------------------------------------------------------
def test_piped_status_imports_neither_rich_nor_tabulate(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from wspolpraca_cli.cli.app import main\n"
        f"sys.argv = ['wsp', '--program', {str(SHIPPED_PROGRAM)!r}, '--store', "
        f"{str(tmp_path / 's.db')!r}, 'status', '--as-of', '2024-03-10']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = {'rich.table', 'tabulate'} & set(sys.modules)\n"
        "print(f'HEAVY {heavy}' if heavy else 'LIGHT', file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={"PATH": "", "LANG": "en_GB.UTF-8", "WSP_CACHE_DIR": str(tmp_path / "c")},
        check=False,
    )
    assert "LIGHT" in done.stderr, done.stderr
    assert "in progress" in done.stdout

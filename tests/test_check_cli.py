"""``wsp check`` through the real CLI: exit codes, JSON and text across SPEC's scenarios.

The seed programme's indicator 1.1 (1/rok, yearly, sum, deadline 31 May) with a fixed
``--as-of``; entries are added through the store API.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.conftest import SHIPPED_PROGRAM, Wsp
from wspolpraca_cli.cli.app import app
from wspolpraca_cli.entries import Entry, EntryKind
from wspolpraca_cli.store import open_store

runner = CliRunner()


@pytest.fixture
def wsp(shipped_wsp: Wsp) -> Wsp:
    """These tests run on the shipped programme (store ``tmp_path/s.db``)."""
    return shipped_wsp


def record(store: Path, period: str, value: float, ind: str = "1.1", **kw: Any) -> Entry:
    with open_store(store) as opened:
        return opened.add(Entry("", ind, period, value, **kw))


def check_json(wsp: Wsp, *args: str, code: int) -> dict[str, Any]:
    result = wsp("check", "--format", "json", *args)
    assert result.exit_code == code, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    assert data["schema"] == 1
    assert data["exit_code"] == code
    assert data["ok"] is (code == 0)
    return data


def only(data: dict[str, Any], period: str, ind: str = "1.1") -> dict[str, Any]:
    found = [i for i in data["indicators"] if i["id"] == ind and i["period"] == period]
    assert len(found) == 1, data["indicators"]
    return found[0]


# -- SPEC's scenarios -------------------------------------------------------------------------
def test_nothing_recorded_during_the_year_is_in_progress_and_exit_0(
    wsp: Wsp, tmp_path: Path
) -> None:
    data = check_json(wsp, "--year", "2024", "--as-of", "2024-03-10", code=0)
    row = only(data, "2024")
    assert (row["status"], row["actual"], row["target"], row["entries"]) == (
        "in_progress",
        0,
        1,
        0,
    )
    assert data["problems"] == [] and data["orphans"] == []
    assert not (tmp_path / "s.db").exists()  # checking never creates the store


def test_one_entry_achieves_and_exit_0(wsp: Wsp, tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    record(store, "2024", 1)
    data = check_json(wsp, "--year", "2024", "--as-of", "2025-06-01", code=0)
    row = only(data, "2024")
    assert (row["status"], row["actual"], row["achievement"]) == ("achieved", 1, 1.0)
    assert row["shortfall"] is False
    assert data["summary"] == {"achieved": 1}


def test_two_entries_sum(wsp: Wsp, tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    record(store, "2022", 1)
    record(store, "2022", 2)
    data = check_json(wsp, "--year", "2022", "--as-of", "2024-01-15", code=0)
    assert only(data, "2022")["actual"] == 3


def test_an_explicit_zero_is_missed_and_exit_1(wsp: Wsp, tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    record(store, "2023", 0)
    data = check_json(wsp, "--year", "2023", "--as-of", "2024-01-15", code=1)
    row = only(data, "2023")
    assert (row["status"], row["actual"], row["entries"], row["shortfall"]) == (
        "missed",
        0,
        1,
        True,
    )
    assert data["problems"] == [
        {
            "id": "1.1",
            "period": "2023",
            "status": "missed",
            "deadline": "2024-05-31",
            "entries": 1,
        }
    ]
    assert data["shortfalls"] == 1


def test_awaiting_before_the_deadline_is_exit_0(wsp: Wsp, tmp_path: Path) -> None:
    data = check_json(wsp, "--year", "2024", "--as-of", "2025-04-01", code=0)
    assert only(data, "2024")["status"] == "awaiting"
    assert data["problems"][0]["status"] == "awaiting"


def test_overdue_after_the_deadline_is_exit_1(wsp: Wsp, tmp_path: Path) -> None:
    data = check_json(wsp, "--year", "2024", "--as-of", "2025-06-01", code=1)
    assert only(data, "2024")["status"] == "overdue"


def test_a_correction_to_zero_is_missed_once_the_year_is_closed(wsp: Wsp, tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    first = record(store, "2024", 2)
    with open_store(store) as opened:
        opened.add(
            Entry(
                "",
                "1.1",
                "2024",
                0,
                kind=EntryKind.CORRECTION,
                supersedes=first.uid,
                reason="pomyłka",
            )
        )
    check_json(wsp, "--year", "2024", "--as-of", "2024-06-01", code=0)  # still open
    data = check_json(wsp, "--year", "2024", "--as-of", "2025-01-10", code=1)
    assert only(data, "2024")["status"] == "missed"


def test_an_entry_dated_after_as_of_does_not_count(wsp: Wsp, tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    record(store, "2024", 1, date="2025-07-01")
    data = check_json(wsp, "--year", "2024", "--as-of", "2025-06-01", code=1)
    assert only(data, "2024")["status"] == "overdue"


def test_without_year_every_period_begun_is_checked(wsp: Wsp, tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    for year in ("2021", "2022", "2024"):
        record(store, year, 1)
    record(store, "2023", 0)
    data = check_json(wsp, "--as-of", "2025-06-01", code=1)
    assert [i["period"] for i in data["indicators"]] == ["2021", "2022", "2023", "2024", "2025"]
    assert data["summary"] == {"achieved": 3, "in_progress": 1, "missed": 1}
    assert data["year"] is None
    assert set(data) >= {"as_of", "program", "indicators", "store"}
    for item in data["indicators"]:
        assert set(item) >= {"id", "period", "target", "actual", "achievement", "status"}


def test_before_the_programme_nothing_is_due(wsp: Wsp, tmp_path: Path) -> None:
    data = check_json(wsp, "--as-of", "2020-12-01", code=0)
    assert data["indicators"] == []


# -- the text ---------------------------------------------------------------------------------
def test_text_lists_overdue_then_missed_then_awaiting(wsp: Wsp, tmp_path: Path) -> None:
    program = tmp_path / "p.yaml"
    text = SHIPPED_PROGRAM.read_text(encoding="utf-8")
    # a second indicator under the same action, so the three problems can coexist
    text = text.replace(
        "- name: Liczba warsztatów", "- id: '1.1'\n            name: Liczba warsztatów", 1
    ).replace(
        "            breakdowns:",
        "          - id: '1.2'\n            name: Liczba szkoleń\n            unit: liczba\n"
        "            target: 1/rok\n            frequency: Raz w roku\n"
        "            breakdowns:",
        1,
    )
    program.write_text(text, encoding="utf-8")
    store = tmp_path / "s.db"
    record(store, "2023", 0, ind="1.2")  # 1.2 2023 missed
    record(store, "2023", 1)  # 1.1 2023 achieved; 1.1 2024 awaiting as of 2025-04-01
    record(store, "2024", 1, ind="1.2")
    result = wsp.using(program)("check", "--as-of", "2025-04-01")
    assert result.exit_code == 1, result.stderr
    lines = result.stdout.splitlines()
    problems = [line for line in lines if line.startswith(("overdue", "missed", "awaiting"))]
    assert problems == [
        "overdue   record 2021 for 1.1 (Liczba warsztatów) — it was due 31 May 2022",
        "overdue   record 2022 for 1.1 (Liczba warsztatów) — it was due 31 May 2023",
        "overdue   record 2021 for 1.2 (Liczba szkoleń) — it was due 31 May 2022",
        "overdue   record 2022 for 1.2 (Liczba szkoleń) — it was due 31 May 2023",
        "missed    1.2 (Liczba szkoleń) in 2023: 0 against a target of 1 (0%) — explain why "
        "in the report, or correct the entry if it is wrong (wsp correct)",
        "awaiting  record 2024 for 1.1 (Liczba warsztatów) — due 31 May 2025",
    ]
    assert lines[-1] == "Result: 5 periods missed or overdue (exit code 1)."
    assert result.stderr == ""


def test_text_in_polish(wsp: Wsp, tmp_path: Path) -> None:
    result = wsp("--lang", "pl", "check", "--year", "2024", "--as-of", "2025-04-01")
    assert result.exit_code == 0
    assert "oczekuje na dane  wpisz wartość za 2024 dla 1.1 (Liczba warsztatów) — termin " \
        "31 maja 2025" in result.stdout  # fmt: skip
    assert "Stan na 1 kwietnia 2025; sprawdzono okresy roku 2024." in result.stdout
    assert result.stdout.rstrip().endswith(
        "Wynik: brak okresów zaległych ani nieosiągniętych (kod wyjścia 0)."
    )


def test_per_command_lang_and_global_lang_agree(wsp: Wsp, tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    args = ("--year", "2024", "--as-of", "2025-06-01")
    here = runner.invoke(
        app,
        ["--program", str(SHIPPED_PROGRAM), "--store", str(store), "check", *args, "--lang", "pl"],
    )
    there = wsp("--lang", "pl", "check", *args)
    assert here.exit_code == there.exit_code == 1
    assert here.stdout == there.stdout
    assert "zaległe  wpisz wartość za 2024 dla 1.1 (Liczba warsztatów) — termin minął " \
        "31 maja 2025" in here.stdout  # fmt: skip


def test_all_good_text_and_quiet(wsp: Wsp, tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    record(store, "2024", 1)
    result = wsp("check", "--year", "2024", "--as-of", "2025-06-01")
    assert result.exit_code == 0
    assert "Every indicator that is due has data and met its target." in result.stdout
    quiet = wsp("check", "--year", "2024", "--as-of", "2025-06-01", "--quiet")
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (0, "", "")
    noisy = wsp("check", "--year", "2023", "--as-of", "2025-06-01", "-q")
    assert noisy.exit_code == 1
    assert "record 2023 for 1.1" in noisy.stdout


def test_orphans_are_reported_and_kept(wsp: Wsp, tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    record(store, "2024", 1)
    record(store, "2024", 3, ind="9.9")
    record(store, "2024", 4, ind="9.9")
    record(store, "2019", 1)
    data = check_json(wsp, "--year", "2024", "--as-of", "2025-06-01", code=0)
    orphans = [(o["indicator_id"], o["period"], o["entries"], o["reason"]) for o in data["orphans"]]
    assert sorted(orphans) == [
        ("1.1", "2019", 1, "outside_programme"),
        ("9.9", "2024", 2, "unknown_indicator"),
    ]
    text = wsp("check", "--year", "2024", "--as-of", "2025-06-01")
    assert text.exit_code == 0
    assert (
        "orphan  2 entries for 9.9 in 2024: the programme no longer has this indicator — "
        "kept in the store, not counted; restore the indicator in the programme "
        "file or void (wsp void)"
    ) in text.stdout.splitlines()
    with open_store(store, readonly=True) as opened:
        assert opened.count() == 4  # nothing dropped


# -- errors -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--as-of", "yesterday"], "wsp: error: Not a date: 'yesterday' for --as-of."),
        (
            ["--year", "2030"],
            "wsp: error: The year 2030 is outside the programme's years 2021–2025.",
        ),
        (["--lang", "de"], "wsp: error: Unknown language 'de'."),
    ],
)
def test_bad_input_is_exit_2(wsp: Wsp, tmp_path: Path, args: list[str], message: str) -> None:
    result = wsp("check", *args)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == message
    assert result.stdout == ""


def test_bad_format_is_exit_2(wsp: Wsp, tmp_path: Path) -> None:
    result = wsp("check", "--format", "xml")
    assert result.exit_code == 2
    assert "xml" in result.stderr


def test_missing_programme_is_exit_2(wsp: Wsp, tmp_path: Path) -> None:
    result = wsp.using(tmp_path / "none.yaml")("check")
    assert result.exit_code == 2
    assert "Programme file not found" in result.stderr


def test_damaged_store_is_exit_3(wsp: Wsp, tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    store.write_bytes(b"this is not a database at all" * 100)
    result = wsp("check", "--as-of", "2025-06-01")
    assert result.exit_code == 3
    assert result.stderr.startswith("wsp: error: ")
    assert "Traceback" not in result.stderr


def test_help_lists_examples_and_exit_codes() -> None:
    result = runner.invoke(app, ["check", "--help"])
    assert result.exit_code == 0
    assert "wsp check --year 2024 --format json" in result.stdout

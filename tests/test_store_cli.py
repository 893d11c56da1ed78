"""wsp record / history / correct / void through Typer's CliRunner."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import TEST_PROGRAM, Wsp
from wspolpraca_cli.store import open_store

# every test runs against each store backend (tests/conftest.py)
pytestmark = pytest.mark.usefixtures("backend")


def stored(wsp: Wsp) -> list[tuple[str, str, float | None, str]]:
    with open_store(wsp.store, readonly=True) as store:
        return [(e.indicator_id, e.period, e.value, e.kind.value) for e in store.entries()]


# -- record -----------------------------------------------------------------------------------


def test_record_prints_id_and_new_actual(wsp: Wsp) -> None:
    run = wsp("record", "1.1", "2", "--year", "2024", "--note", "warsztaty w Toruniu")
    assert run.exit_code == 0
    uid = run.stdout.strip()
    assert re.fullmatch(r"[0-9a-f]{32}", uid)
    assert run.stderr.strip() == (
        f"Recorded entry {uid[:8]}: 1.1 Liczba warsztatów = 2 for 2024. "
        "Actual for 2024: 2 (sum, 1 entry)."
    )
    run = wsp("record", "1.1", "1", "--year", "2024")
    assert "Actual for 2024: 3 (sum, 2 entries)." in run.stderr
    with open_store(wsp.store, readonly=True) as store:
        first = store.get(uid)
    assert first is not None and first.note == "warsztaty w Toruniu" and first.recorded_by


def test_record_in_polish(wsp: Wsp) -> None:
    run = wsp("record", "avg", "1,5", "--period", "2024-03", lang="pl")
    assert run.exit_code == 0
    assert "Zapisano wpis" in run.stderr and "= 1,5 za 2024-03" in run.stderr
    assert "1,5 (średnia, 1 wpis)" in run.stderr


def test_explicit_zero_is_data(wsp: Wsp) -> None:
    wsp.record("1.1", "0", "--year", "2023")
    assert stored(wsp) == [("1.1", "2023", 0.0, "record")]


def test_unknown_indicator_did_you_mean(wsp: Wsp) -> None:
    run = wsp("record", "1.2", "1", "--year", "2024")
    assert run.exit_code == 2
    assert "No indicator '1.2' in the programme." in run.stderr
    assert "Did you mean: 1.1?" in run.stderr
    assert not wsp.store_exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["1.1", "1", "--period", "2024-Q1"], "does not fit the indicator 1.1, which is measured"),
        (["1.1", "1", "--year", "2026"], "outside the programme's years 2021–2025"),
        (["1.1", "1", "--year", "2020"], "outside the programme's years 2021–2025"),
        (["kw", "1", "--year", "2024"], "--year is for yearly indicators"),
        (["kw", "1", "--period", "2024"], "does not fit the indicator kw"),
        (["yn", "tak", "--period", "2022-2025"], "outside the programme's years"),
        (["1.1", "1", "--period", "sometime"], "Cannot read the period 'sometime'."),
        (["1.1", "1", "--date", "2024-13-01"], "Cannot read the date '2024-13-01'."),
        (["1.1", "1", "--year", "2024", "--date", "2024-01-01"], "Give only one of"),
    ],
)
def test_bad_periods(wsp: Wsp, args: list[str], message: str) -> None:
    run = wsp("record", *args)
    assert run.exit_code == 2
    assert message in run.stderr
    assert "hint:" in run.stderr
    assert not wsp.store_exists()


def test_date_derives_the_period(wsp: Wsp) -> None:
    wsp.record("kw", "8 500 000", "--date", "2024-05-02")
    wsp.record("avg", "12", "--date", "2.04.2024")
    wsp.record("yn", "tak", "--date", "2025-06-30")
    wsp.record("kw", "100", "--period", "2024-q3")
    assert stored(wsp) == [
        ("kw", "2024-Q2", 8500000.0, "record"),
        ("avg", "2024-04", 12.0, "record"),
        ("yn", "2021-2025", 1.0, "record"),
        ("kw", "2024-Q3", 100.0, "record"),
    ]
    with open_store(wsp.store, readonly=True) as store:
        assert store.entries()[0].date == "2024-05-02"


def test_default_period_outside_a_terminal(wsp: Wsp, today: list[date]) -> None:
    run = wsp("record", "kw", "5")
    assert run.exit_code == 0
    assert "No period given: using the current period 2024-Q1." in run.stderr
    today[0] = date(2027, 1, 5)
    run = wsp("record", "kw", "5")
    assert run.exit_code == 2
    assert "No period given, and today lies outside the programme's years 2021–2025." in (
        run.stderr
    )
    assert [p for _, p, _, _ in stored(wsp)] == ["2024-Q1"]


def test_terminal_asks_for_indicator_period_and_value(
    wsp: Wsp, today: list[date], terminal: None
) -> None:
    run = wsp("record", input="1\n\nabc\n2\n\n\n\n")  # then no breakdown, note, source
    assert run.exit_code == 0, run.stderr
    assert "1. 1.1" in run.stderr and "5. avg" in run.stderr
    assert "Cannot read the value 'abc'." in run.stderr
    assert stored(wsp) == [("1.1", "2024", 2.0, "record")]


def test_missing_arguments_outside_a_terminal(wsp: Wsp) -> None:
    run = wsp("record")
    assert run.exit_code == 2
    assert "Give the indicator id." in run.stderr
    run = wsp("record", "1.1", "--year", "2024")
    assert run.exit_code == 2
    assert "Give the measured value." in run.stderr
    assert "give a whole number" in run.stderr


@pytest.mark.parametrize(
    ("ind", "text", "value"),
    [
        ("1.1", "2", 2.0),
        ("1.1", "1 200", 1200.0),
        ("kw", "8 500 000", 8500000.0),
        ("kw", "8500000,00", 8500000.0),
        ("kw", "1250.50", 1250.5),
        ("pct", "35%", 35.0),
        ("pct", "12,5 %", 12.5),
        ("pct", "35", 35.0),
        ("avg", "1,5", 1.5),
        ("avg", "1.5", 1.5),
    ],
)
def test_value_forms(wsp: Wsp, ind: str, text: str, value: float) -> None:
    period = {"kw": "2024-Q1", "avg": "2024-01"}.get(ind, "2024")
    wsp.record(ind, text, "--period", period)
    assert stored(wsp)[0][2] == value


@pytest.mark.parametrize(("text", "value"), [("tak", 1.0), ("NIE", 0.0), ("yes", 1.0)])
def test_yes_no_values(wsp: Wsp, text: str, value: float) -> None:
    wsp.record("yn", text, "--period", "2021-2025")
    assert stored(wsp)[0][2] == value


@pytest.mark.parametrize(
    ("ind", "text", "message", "forms"),
    [
        ("1.1", "abc", "Cannot read the value 'abc'.", "give a whole number"),
        (
            "1.1",
            "1,5",
            "The indicator 1.1 takes whole numbers only, and '1,5' is not one.",
            "give a whole number",
        ),
        ("1.1", "-1", "counts and amounts cannot be", "give a whole number"),
        ("kw", "-5", "counts and amounts cannot be", "give an amount"),
        ("1.1", "35%", "has a % sign", "give a whole number"),
        ("yn", "może", "Cannot read the value 'może'.", "give yes or no"),
        ("pct", "35%%", "Cannot read the value '35%%'.", "give a percentage"),
    ],
)
def test_refused_values(wsp: Wsp, ind: str, text: str, message: str, forms: str) -> None:
    period = {"kw": "2024-Q1", "yn": "2021-2025"}.get(ind, "2024")
    run = wsp("record", ind, "--period", period, "--", text)
    assert run.exit_code == 2
    assert message in run.stderr
    assert forms in run.stderr
    assert not wsp.store_exists()


def test_tags(wsp: Wsp) -> None:
    wsp.record("1.1", "1", "--year", "2024", "--tag", "Organizator=ngo")
    wsp.record("1.1", "1", "--year", "2024", "-t", "organizator=Współorganizowane")
    with open_store(wsp.store, readonly=True) as store:
        assert [e.tags for e in store.entries()] == [
            (("organizator", "NGO"),),
            (("organizator", "wspólnie"),),
        ]
    cases = [
        (["1.1", "--tag", "miasto=Toruń"], "The indicator 1.1 has no breakdown 'miasto'."),
        (["1.1", "--tag", "organizator=gmina"], "The breakdown organizator has no value 'gmina'."),
        (["1.1", "--tag", "organizator"], "is not of the form key=value"),
        (["pct", "--tag", "organizator=NGO"], "The indicator pct declares no breakdowns"),
    ]
    for args, message in cases:
        run = wsp("record", *args, "1", "--year", "2024")
        assert run.exit_code == 2
        assert message in run.stderr
    assert (
        "accepted values: urząd, NGO, wspólnie"
        in wsp("record", "1.1", "1", "--year", "2024", "--tag", "organizator=x").stderr
    )
    assert len(stored(wsp)) == 2


def test_implausible_value_needs_yes(wsp: Wsp) -> None:
    wsp.record("1.1", "2", "--year", "2023")
    run = wsp("record", "1.1", "25", "--year", "2024")
    assert run.exit_code == 2
    assert (
        "The value looks implausible: 25 is more than 10 times the largest value of the other "
        "periods (2). Nothing was recorded." in run.stderr
    )
    assert "run the command again with --yes" in run.stderr
    assert len(stored(wsp)) == 1
    wsp.record("1.1", "25", "--year", "2024", "--yes")
    assert len(stored(wsp)) == 2
    run = wsp("record", "pct", "120%", "--year", "2024")
    assert run.exit_code == 2
    assert "120% is above the programme's upper bound 100%" in run.stderr


def test_implausible_value_asks_in_a_terminal(wsp: Wsp, terminal: None) -> None:
    wsp.record("1.1", "2", "--year", "2023")
    run = wsp("record", "1.1", "25", "--year", "2024", input="n\n")
    assert run.exit_code == 0
    assert "Record it anyway?" in run.stderr and "Nothing was recorded." in run.stderr
    assert len(stored(wsp)) == 1
    run = wsp("record", "1.1", "25", "--year", "2024", input="y\n")
    assert run.exit_code == 0
    assert len(stored(wsp)) == 2


def test_dry_run_stores_nothing(wsp: Wsp) -> None:
    run = wsp("record", "1.1", "2", "--year", "2024", "--dry-run")
    assert run.exit_code == 0
    assert run.stdout == ""
    assert "Dry run (nothing stored)" in run.stderr and "would be: 2 (sum" in run.stderr
    assert not wsp.store_exists()
    wsp.record("1.1", "1", "--year", "2024")
    run = wsp("record", "1.1", "2", "--year", "2024", "--dry-run")
    assert "would be: 3 (sum, 2 entries)" in run.stderr
    assert len(stored(wsp)) == 1


def test_recorded_by(wsp: Wsp) -> None:
    uid = wsp.record("1.1", "1", "--year", "2024", "--by", "Anna Kowalska")
    with open_store(wsp.store, readonly=True) as store:
        entry = store.get(uid)
    assert entry is not None and entry.recorded_by == "Anna Kowalska"


def test_default_store_beside_the_programme(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from wspolpraca_cli.cli.app import app

    program = tmp_path / "gmina.yaml"
    program.write_text(TEST_PROGRAM, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["--program", str(program), "record", "1.1", "1", "--year", "2024"]
    )
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "gmina.wsp.db").is_file()
    other = tmp_path / "env.db"
    result = CliRunner().invoke(
        app,
        ["--program", str(program), "record", "1.1", "1", "--year", "2024"],
        env={"WSP_STORE": str(other)},
    )
    assert result.exit_code == 0
    assert other.is_file()


# -- history, correct, void -------------------------------------------------------------------


def test_correct_and_void_keep_the_chain(wsp: Wsp) -> None:
    first = wsp.record("1.1", "2", "--year", "2024")
    run = wsp("correct", first[:6], "0", "--reason", "warsztaty odwołane")
    assert run.exit_code == 0
    second = run.stdout.strip()
    assert run.stderr.strip() == (
        f"Corrected entry {first[:8]} (2 → 0) with entry {second[:8]}. "
        "Actual of 1.1 for 2024: 0 (sum, 1 entry)."
    )
    run = wsp("void", second, "--reason", "wpis do złego wskaźnika")
    assert run.exit_code == 0
    assert "Actual of 1.1 for 2024: no data." in run.stderr
    third = run.stdout.strip()

    table = wsp("history", "1.1")
    assert table.exit_code == 0
    lines = table.stdout.splitlines()
    assert lines[2].startswith(first[:8]) and f"superseded by {second[:8]}" in lines[2]
    assert lines[3].startswith(f"└ {second[:8]}") and "correction" in lines[3]
    assert "reason: warsztaty odwołane" in lines[3]
    assert lines[4].startswith(f"  └ {third[:8]}") and "void" in lines[4]

    doc = json.loads(wsp("history", "1.1", "--format", "json").stdout)
    assert doc["schema"] == 1
    assert [(e["uid"], e["kind"], e["effective"], e["superseded_by"]) for e in doc["entries"]] == [
        (first, "record", False, second),
        (second, "correction", False, third),
        (third, "void", False, None),
    ]
    assert doc["entries"][2]["value"] is None


def test_correct_refusals(wsp: Wsp) -> None:
    first = wsp.record("1.1", "2", "--year", "2024")
    second = wsp("correct", first, "1", "--reason", "pomyłka").stdout.strip()
    run = wsp("correct", first, "3", "--reason", "again")
    assert run.exit_code == 2
    assert f"The entry {first[:8]} has already been superseded" in run.stderr
    assert f"correct or void the latest entry of the chain: {second[:8]}" in run.stderr
    third = wsp("void", second, "--reason", "x").stdout.strip()
    run = wsp("correct", third, "3", "--reason", "x")
    assert run.exit_code == 2
    assert "is a void; a void cannot be corrected or voided" in run.stderr
    run = wsp("void", first, "--reason", "x")
    assert run.exit_code == 2
    assert f"this chain ends with the void {third[:8]}" in run.stderr
    run = wsp("correct", second, "3")
    assert run.exit_code == 2
    assert "Give the reason for the correction or void." in run.stderr
    run = wsp("correct", second, "3", "--reason", "  ")
    assert run.exit_code == 2
    run = wsp("correct", "ffffffff", "3", "--reason", "x")
    assert run.exit_code == 2
    assert "No entry 'ffffffff'." in run.stderr and "wsp history" in run.stderr
    run = wsp("correct", "ab", "3", "--reason", "x")
    assert run.exit_code == 2
    assert "at least 4 characters" in run.stderr
    run = wsp("correct", first, "-", "--reason", "x")
    assert run.exit_code == 2
    assert len(stored(wsp)) == 3


def test_ambiguous_prefix(wsp: Wsp) -> None:
    from wspolpraca_cli.entries import Entry

    with open_store(wsp.store) as store:
        store.add(Entry("abcd0001", "1.1", "2024", 1.0))
        store.add(Entry("abcd0002", "1.1", "2024", 1.0))
    run = wsp("void", "abcd", "--reason", "x")
    assert run.exit_code == 2
    assert "The id 'abcd' matches several entries: abcd0001, abcd0002." in run.stderr


def test_spec_worked_example_corrected_to_zero(wsp: Wsp) -> None:
    first = wsp.record("1.1", "2", "--year", "2024")
    wsp("correct", first, "0", "--reason", "nie odbyły się")
    from wspolpraca_cli.entries import effective

    with open_store(wsp.store, readonly=True) as store:
        live = effective(store.entries())
        assert [(e.value, e.kind.value) for e in live] == [(0.0, "correction")]
        assert len(store.entries()) == 2
        (summary,) = store.summaries()
        assert summary.values.total == 0.0


def test_correct_dry_run(wsp: Wsp) -> None:
    first = wsp.record("1.1", "2", "--year", "2024")
    run = wsp("correct", first, "5", "--reason", "x", "--dry-run")
    assert run.exit_code == 0
    assert "would be: 5 (sum, 1 entry)" in run.stderr
    run = wsp("void", first, "--reason", "x", "--dry-run")
    assert "would be: no data" in run.stderr
    assert len(stored(wsp)) == 1


def test_history_filters_and_formats(wsp: Wsp) -> None:
    wsp.record("1.1", "2", "--year", "2023")
    wsp.record("1.1", "1", "--year", "2024", "--note", 'a; b, "c"')
    wsp.record("kw", "1250,5", "--period", "2024-Q1")
    assert len(wsp("history").stdout.splitlines()) == 5
    only = wsp("history", "1.1", "--period", "2024")
    assert len(only.stdout.splitlines()) == 3
    doc = json.loads(wsp("history", "--format", "json").stdout)
    assert [e["indicator"] for e in doc["entries"]] == ["1.1", "1.1", "kw"]
    csv_text = wsp("history", "kw", "--format", "csv").stdout
    assert csv_text.splitlines()[0].startswith("uid,indicator,period,value")
    assert csv_text.splitlines()[0].endswith("effective,superseded_by")
    assert ",1250.5,record," in csv_text
    run = wsp("history", "1.2")
    assert run.exit_code == 2 and "Did you mean: 1.1?" in run.stderr
    run = wsp("history", "1.1", "--period", "2024-Q1")
    assert run.exit_code == 2


def test_history_of_an_empty_store_creates_nothing(wsp: Wsp) -> None:
    run = wsp("history")
    assert run.exit_code == 0
    assert run.stdout == ""
    assert "No entries" in run.stderr
    assert json.loads(wsp("history", "--format", "json").stdout)["entries"] == []
    assert not wsp.store_exists()


def test_sql_looking_notes_and_polish_letters_verbatim(wsp: Wsp) -> None:
    note = "Robert'); DROP TABLE entries;-- ąęłśżźćń ĄĘŁŚŻŹĆŃ"
    uid = wsp.record("1.1", "1", "--year", "2024", "--note", note, "--source", "' OR 1=1 --")
    doc = json.loads(wsp("history", "--format", "json").stdout)
    assert doc["entries"][0]["uid"] == uid
    assert doc["entries"][0]["note"] == note
    assert doc["entries"][0]["source"] == "' OR 1=1 --"
    assert note in wsp("history").stdout


def test_every_store_command_has_help_with_examples() -> None:
    from typer.testing import CliRunner

    from wspolpraca_cli.cli.app import app

    for command in ("record", "history", "correct", "void", "export", "import"):
        result = CliRunner().invoke(app, [command, "--help"])
        assert result.exit_code == 0
        assert "Examples:" in result.stdout, command
        assert f"wsp {command}" in result.stdout


def test_every_message_key_exists_in_both_languages() -> None:
    from wspolpraca_cli.i18n import catalog

    root = Path(__file__).resolve().parent.parent / "src" / "wspolpraca_cli"
    files = [
        "store/sqlite.py",
        "store/sqlite_open.py",
        "store/sqlite_schema.py",
        "services/entries.py",
        "services/progress.py",
        "services/transfer.py",
        "values.py",
        "recording.py",
        "transfer/export.py",
        "transfer/import_.py",
        "cli/cmd_store.py",
    ]
    keys: set[str] = set()
    for name in files:
        text = (root / name).read_text(encoding="utf-8")
        keys |= set(re.findall(r"\bt\(\s*\"([a-z_.0-9]+)\"", text))
    assert keys
    missing = sorted(k for k in keys if k not in catalog())
    assert missing == []
    for key, (pl, en) in catalog().items():
        assert pl and en, key

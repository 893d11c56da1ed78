"""Error messages and exit codes of the store commands: plausibility on `wsp correct`, damaged
stores, store folders, ambiguous ids, import details, wording and help."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import Wsp
from wspolpraca_cli.entries import Entry
from wspolpraca_cli.errors import StoreError
from wspolpraca_cli.store import distinct_prefixes, open_store

# every test runs against each store backend (tests/conftest.py)
pytestmark = pytest.mark.usefixtures("backend")


def count(wsp: Wsp) -> int:
    with open_store(wsp.store, readonly=True) as store:
        return store.count()


# -- 1. wsp correct checks plausibility like wsp record ---------------------------------------


def test_correct_outside_bounds_needs_yes(wsp: Wsp) -> None:
    uid = wsp.record("pct", "40%", "--year", "2024")
    run = wsp("correct", uid[:8], "150%", "--reason", "x")
    assert run.exit_code == 2
    assert run.stderr.splitlines() == [
        "wsp: error: The value looks implausible: 150% is above the programme's upper bound 100%. "
        "Nothing was recorded.",
        "  hint: if the value is right, run the command again with --yes",
    ]
    assert count(wsp) == 1
    run = wsp("correct", uid[:8], "150%", "--reason", "x", "--yes")
    assert run.exit_code == 0, run.stderr
    assert count(wsp) == 2


def test_correct_ten_times_the_other_periods_needs_yes(wsp: Wsp) -> None:
    wsp.record("1.1", "2", "--year", "2023")
    uid = wsp.record("1.1", "1", "--year", "2024")
    run = wsp("correct", uid, "25", "--reason", "x")
    assert run.exit_code == 2
    assert (
        "The value looks implausible: 25 is more than 10 times the largest value of the other "
        "periods (2). Nothing was recorded." in run.stderr
    )
    assert count(wsp) == 2
    run = wsp("correct", uid, "3", "--reason", "x")  # plausible: no question
    assert run.exit_code == 0


def test_correct_implausible_asks_in_a_terminal(wsp: Wsp, terminal: None) -> None:
    uid = wsp.record("pct", "40%", "--year", "2024")
    run = wsp("correct", uid, "-5", "--reason", "x", input="n\n")
    assert run.exit_code == 2  # -5 was read as an option: see test_negative_value_hint
    run = wsp("correct", uid, "--reason", "x", "--", "-5", input="n\n")
    assert run.exit_code == 0
    assert "-5% is below the programme's lower bound 0%" in run.stderr
    assert "Nothing was recorded." in run.stderr
    assert count(wsp) == 1
    run = wsp("correct", uid, "--reason", "x", "--", "-5", input="y\n")
    assert run.exit_code == 0
    assert count(wsp) == 2


def test_correct_dry_run_checks_plausibility_too(wsp: Wsp) -> None:
    uid = wsp.record("pct", "40%", "--year", "2024")
    run = wsp("correct", uid, "101", "--reason", "x", "--dry-run")
    assert run.exit_code == 2
    assert "101% is above the programme's upper bound 100%" in run.stderr


# -- 2. a damaged store is an error, never "no data" ------------------------------------------


def damaged_copy(wsp: Wsp) -> Path:
    """A copy of the store with the root page of the entries table overwritten."""
    with open_store(wsp.store) as store:
        store.add_many(
            [Entry("", "1.1", str(year), 1.0) for year in (2021, 2022, 2023)]
            + [Entry("", "pct", "2024", 50.0)]
        )
    copy = wsp.store.with_name("damaged.wsp.db")
    shutil.copyfile(wsp.store, copy)
    with copy.open("r+b") as fh:
        fh.seek(4096 + 8)
        fh.write(b"\x00" * 300)
    return copy


@pytest.mark.sqlite_only(reason="damages the SQLite file")
def test_damaged_entries_table_raises(wsp: Wsp) -> None:
    copy = damaged_copy(wsp)
    with open_store(copy, readonly=True) as store:
        with pytest.raises(StoreError, match="is damaged"):
            store.summaries()
        with pytest.raises(StoreError, match="is damaged"):
            store.summaries(indicator_ids=["1.1"])
        with pytest.raises(StoreError, match="is damaged"):
            store.entries()


@pytest.mark.sqlite_only(reason="damages the SQLite file")
@pytest.mark.parametrize("command", ["status", "check"])
def test_damaged_store_exits_3_from_status_and_check(wsp: Wsp, command: str) -> None:
    copy = damaged_copy(wsp)
    damaged = Wsp(wsp.program, copy)
    run = damaged(command, "--year", "2023")
    assert run.exit_code == 3, run.stdout + run.stderr
    assert f"wsp: error: The store {copy} is damaged and cannot be read." in run.stderr
    assert "restore the store from a backup" in run.stderr


@pytest.mark.sqlite_only(reason="damages the SQLite file")
@pytest.mark.parametrize(
    "args", [["history"], ["export"], ["record", "1.1", "1", "--year", "2024"]]
)
def test_damaged_store_exits_3_from_store_commands(wsp: Wsp, args: list[str]) -> None:
    damaged = Wsp(wsp.program, damaged_copy(wsp))
    run = damaged(*args)
    assert run.exit_code == 3
    assert "is damaged and cannot be read" in run.stderr


# -- 3. where the store may be created ---------------------------------------------------------


def test_store_folder_that_is_a_file(wsp: Wsp, tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    target = tmp_path / "afile" / "sub.db"
    for args in (["record", "1.1", "1", "--year", "2024"], ["status"], ["history"]):
        run = Wsp(wsp.program, target)(*args)
        assert run.exit_code == 3, args
        assert (
            f"wsp: error: Cannot use the store {target}: {tmp_path / 'afile'} is a file, "
            "not a folder." in run.stderr
        )
        assert "hint: point --store (or WSP_STORE) at a file in an existing folder" in run.stderr


def test_explicit_store_in_a_missing_folder_is_not_created(
    wsp: Wsp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "missing" / "deeper" / "s.db"
    run = Wsp(wsp.program, target)("record", "1.1", "1", "--year", "2024")
    assert run.exit_code == 3
    folder = tmp_path / "missing" / "deeper"
    assert run.stderr.splitlines() == [
        f"wsp: error: There is no store {target}: the folder {folder} does not exist.",
        f"  hint: create the folder (mkdir -p {folder}) or correct the path in --store / WSP_STORE",
    ]
    assert not (tmp_path / "missing").exists()
    # reading too: a mistyped store must not look empty (and `check` must not say "overdue")
    for args in (["status"], ["check", "--year", "2024", "--as-of", "2025-06-10"], ["history"]):
        reading = Wsp(wsp.program, target)(*args)
        assert reading.exit_code == 3, args
        assert "There is no store" in reading.stderr
    # the same through the environment variable
    from wspolpraca_cli.cli.app import app

    monkeypatch.setenv("WSP_STORE", str(target))
    result = CliRunner().invoke(
        app, ["--program", str(wsp.program), "record", "1.1", "1", "--year", "2024"]
    )
    assert result.exit_code == 3
    assert "does not exist" in result.stderr
    assert not (tmp_path / "missing").exists()


def test_default_data_dir_store_gets_its_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wspolpraca_cli.cli.app import app
    from wspolpraca_cli.locate import user_data_dir

    monkeypatch.chdir(tmp_path)  # no program.yaml here: the bundled programme
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg" / "share"))
    result = CliRunner().invoke(app, ["record", "1.1", "1", "--year", "2024"])
    assert result.exit_code == 0, result.stderr
    assert (user_data_dir() / "program.wsp.db").is_file()


def test_open_store_creates_folders_only_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "s.db"
    with pytest.raises(StoreError, match="does not exist"):
        open_store(path)
    with open_store(path, readonly=True) as store:  # reading creates nothing
        assert store.entries() == []
    assert not (tmp_path / "a").exists()
    with open_store(path, create_folders=True):
        pass
    assert path.is_file()


# -- 4. ambiguous entry ids ----------------------------------------------------------------------


def test_ambiguous_prefix_shows_distinct_ids(wsp: Wsp) -> None:
    with open_store(wsp.store) as store:
        store.add(Entry("abcd00000000001", "1.1", "2024", 1.0))
        store.add(Entry("abcd00000000002", "1.1", "2024", 1.0))
    run = wsp("void", "abcd", "--reason", "x")
    assert run.exit_code == 2
    assert run.stderr.splitlines() == [
        "wsp: error: The id 'abcd' matches several entries: abcd00000000001, abcd00000000002.",
        "  hint: give more characters of the id, as many as shown above (`wsp history` shows the "
        "entry ids)",
    ]


def test_distinct_prefixes() -> None:
    assert distinct_prefixes(["abcdef0123", "abcdef9999"], "abcd") == "abcdef01, abcdef99"
    assert distinct_prefixes(["abcdefgh12", "abcdefgh13"], "abcd") == "abcdefgh12, abcdefgh13"
    many = [f"abcd{n:04d}" for n in range(7)]
    assert distinct_prefixes(many, "abcd").endswith("abcd0005, …")


# -- 5. import details ---------------------------------------------------------------------------


def test_import_not_utf8_is_located(wsp: Wsp, tmp_path: Path) -> None:
    """Neither UTF-8 nor Windows-1250 (0x81 is undefined there): the first byte that is not
    UTF-8 is located."""
    src = tmp_path / "cp.csv"
    src.write_bytes("indicator,period,value,note\n1.1,2024,1,Toruń".encode("cp1250") + b"\x81\n")
    run = wsp("import", str(src))
    assert run.exit_code == 2
    assert run.stderr.splitlines() == [
        f"wsp: error: {src}:2:16: the file is neither UTF-8 nor Windows-1250 (byte 0xf1)",
        "  hint: in Excel choose Save As → 'CSV UTF-8 (Comma delimited)'",
    ]


def test_import_short_row(wsp: Wsp, tmp_path: Path) -> None:
    src = tmp_path / "broken.csv"
    src.write_text("indicator,period,value,note\n1.1,2024,1\n1.1,2023\n", encoding="utf-8")
    run = wsp("import", str(src))
    assert run.exit_code == 2
    lines = run.stderr.splitlines()
    assert lines[:2] == [
        f"{src}:3:3: the row has too few cells: 2 cells for a header of 4 columns; missing: value",
        "    hint: check that the row has all its separators (commas or semicolons)",
    ]
    assert "nothing imported — 1 row rejected (1 would be added, 0 already present)" in lines[2]
    assert count(wsp) == 0


def test_import_short_void_row_needs_no_value(wsp: Wsp, tmp_path: Path) -> None:
    uid = wsp.record("1.1", "1", "--year", "2024")
    src = tmp_path / "void.csv"
    src.write_text(f"indicator,period,kind,supersedes,value\n1.1,2024,void,{uid}\n")
    run = wsp("import", str(src))
    assert run.exit_code == 0, run.stderr


def test_import_period_hint_names_no_option(wsp: Wsp, tmp_path: Path) -> None:
    src = tmp_path / "p.csv"
    src.write_text("indicator,period,value\n1.1,2024-Q1,1\n", encoding="utf-8")
    run = wsp("import", str(src))
    assert run.exit_code == 2
    assert (
        "    hint: the indicator is measured yearly: give a period like 2025 (years 2021–2025)"
        in run.stderr.splitlines()
    )
    assert "--date" not in run.stderr


def test_import_a_folder(wsp: Wsp, tmp_path: Path) -> None:
    run = wsp("import", str(tmp_path))
    assert run.exit_code == 2
    assert run.stderr.splitlines() == [
        f"wsp: error: {tmp_path} is a folder, not a file of entries.",
        f"  hint: give a CSV or JSON file, e.g. wsp import {tmp_path}/entries.csv",
    ]
    run = wsp("import", str(tmp_path / "none.csv"))
    assert run.exit_code == 2
    assert f"No file {tmp_path / 'none.csv'}." in run.stderr


@pytest.mark.parametrize(
    ("header", "message", "hint"),
    [
        (
            "indicator,period,valeu",
            "invalid header — required columns missing: value; unknown columns: valeu",
            "hint: did you mean: valeu → value; required columns:",
        ),
        (
            "indicator,value",
            "invalid header — required columns missing: period",
            "hint: required columns:",
        ),
        (
            "indicator,period,value,colour",
            "invalid header — unknown columns: colour",
            "hint: required columns:",
        ),
    ],
)
def test_import_header_messages(
    wsp: Wsp, tmp_path: Path, header: str, message: str, hint: str
) -> None:
    src = tmp_path / "h.csv"
    src.write_text(header + "\n1.1,2024,1\n", encoding="utf-8")
    run = wsp("import", str(src))
    assert run.exit_code == 2
    lines = run.stderr.splitlines()
    assert lines[0] == f"wsp: error: {src}:1: {message}"
    assert lines[1].startswith("  " + hint)
    assert "—" not in lines[0].split("header")[1]


def test_import_json_problems_name_the_entry(wsp: Wsp, tmp_path: Path) -> None:
    src = tmp_path / "one-line.json"
    items = [
        {"indicator": "1.1", "period": "2024", "value": True},
        {"indicator": "yn", "period": "2021-2025", "value": True},
        {"indicator": "1.1", "period": "2024", "value": 1, "x": 1},
    ]
    src.write_text(json.dumps(items), encoding="utf-8")
    run = wsp("import", str(src))
    assert run.exit_code == 2
    lines = run.stderr.splitlines()
    assert f"{src}:1:2: entry 1: Cannot read the value 'true'. [value]" in lines
    assert any(
        line.startswith(f"{src}:1:") and "entry 3: unknown fields: x" in line for line in lines
    )
    assert "2 entries rejected (1 would be added" in run.stderr


def test_import_json_entries_located_on_their_lines(wsp: Wsp, tmp_path: Path) -> None:
    src = tmp_path / "e.json"
    doc = {"schema": 1, "entries": [{"indicator": "1.1", "period": "2024", "value": -1}, 5]}
    src.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    run = wsp("import", str(src))
    assert run.exit_code == 2
    lines = run.stderr.splitlines()
    assert (
        f"{src}:4:5: entry 1: The value '-1' is negative; counts and amounts cannot be. [value]"
        in lines
    )
    assert f"{src}:9:5: entry 2: the entry is not a JSON object" in lines


def test_import_bad_json_is_located(wsp: Wsp, tmp_path: Path) -> None:
    src = tmp_path / "bad.json"
    src.write_text('{"entries": [\n  {"indicator": "1.1",]}', encoding="utf-8")
    run = wsp("import", str(src))
    assert run.exit_code == 2
    assert f"wsp: error: {src}:2:23: invalid JSON:" in run.stderr


def test_import_json_yes_no_takes_a_boolean(wsp: Wsp, tmp_path: Path) -> None:
    src = tmp_path / "yn.json"
    src.write_text(json.dumps([{"indicator": "yn", "period": "2021-2025", "value": True}]))
    run = wsp("import", str(src))
    assert run.exit_code == 0, run.stderr
    with open_store(wsp.store, readonly=True) as store:
        assert [e.value for e in store.entries()] == [1.0]


# -- 6. wording and help -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "polish", "english"),
    [
        (0, "0 wpisów", "0 entries"),
        (1, "1 wpis", "1 entry"),
        (2, "2 wpisy", "2 entries"),
        (4, "4 wpisy", "4 entries"),
        (5, "5 wpisów", "5 entries"),
        (12, "12 wpisów", "12 entries"),
        (14, "14 wpisów", "14 entries"),
        (22, "22 wpisy", "22 entries"),
        (24, "24 wpisy", "24 entries"),
        (25, "25 wpisów", "25 entries"),
        (111, "111 wpisów", "111 entries"),
    ],
)
def test_counted(n: int, polish: str, english: str) -> None:
    from wspolpraca_cli.i18n import set_language
    from wspolpraca_cli.i18n.catalog_store import counted

    set_language("pl")
    assert counted(n, "entry") == polish
    set_language("en")
    assert counted(n, "entry") == english


def test_export_and_import_say_one_entry(wsp: Wsp, tmp_path: Path) -> None:
    wsp.record("1.1", "1", "--year", "2024")
    out = tmp_path / "one.csv"
    run = wsp("export", "-o", str(out))
    assert run.stderr.strip() == f"Exported 1 entry → {out}"
    run = wsp("export", "-o", str(out), "--force", lang="pl")
    assert run.stderr.strip() == f"Wyeksportowano 1 wpis → {out}"
    fresh = Wsp(wsp.program, tmp_path / "fresh.wsp.db")
    run = fresh("import", str(out), lang="pl")
    assert run.stderr.strip() == f"{out}: dodano 1 wpis; już obecne: 0; odrzucone: 0."


@pytest.mark.parametrize("command", ["record", "history", "correct", "void", "export", "import"])
def test_help_shows_examples_once(wsp: Wsp, command: str) -> None:
    # Help texts are built in the language of the process (Polish help: see the subprocess
    # tests); in-process they are English.
    run = wsp(command, "--help")
    assert run.exit_code == 0
    assert run.stdout.count("Examples:") == 1
    assert "{" not in run.stdout.splitlines()[0]


def test_usage_lines_use_plain_names(wsp: Wsp) -> None:
    assert wsp("correct", "--help").stdout.splitlines()[0] == (
        "Usage: wsp correct [OPTIONS] ENTRY VALUE"
    )
    assert wsp("void", "--help").stdout.splitlines()[0] == "Usage: wsp void [OPTIONS] ENTRY"
    assert (
        wsp("record", "--help").stdout.splitlines()[0] == "Usage: wsp record [OPTIONS] [ID] [VALUE]"
    )


# -- 7. negative values -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "example"),
    [
        (["record", "avg", "-5", "--period", "2024-03"], "wsp record 1.1 --year 2024 -- -5"),
        (["record", "avg", "-1,5"], "wsp record 1.1 --year 2024 -- -1,5"),
        (["correct", "abcd", "-5.5", "--reason", "x"], 'wsp correct 3f2a --reason "…" -- -5.5'),
    ],
)
def test_negative_value_hint(wsp: Wsp, args: list[str], example: str) -> None:
    run = wsp(*args)
    assert run.exit_code == 2
    token = example.rsplit(" ", 1)[1]
    assert (
        f"wsp: error: No such option: {token}. To give a negative value, put -- before it, "
        f"after the options: {example}" in run.stderr
    )


def test_negative_value_after_double_dash_and_typos(wsp: Wsp) -> None:
    run = wsp("record", "avg", "--period", "2024-03", "--", "-5")
    assert run.exit_code == 0, run.stderr
    run = wsp("record", "avg", "5", "--yera", "2024")
    assert run.exit_code == 2
    assert "No such option: --yera" in run.stderr and "negative" not in run.stderr
    run = wsp("void", "abcd", "-5")
    assert run.exit_code == 2
    assert "negative" not in run.stderr

"""``wsp grants``: template, import (all or nothing, idempotent), list, correct, void —
through the real command line (CliRunner). Tests taking ``backend`` run on SQLite and
PostgreSQL (see tests/conftest.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Wsp

HEADER = (
    "Nr umowy;Rok;Tryb;Obszar (art. 4 ust. 1);Wydział;Organizacja;Nr KRS;Tytuł zadania;"
    "Kwota przyznana;Kwota rozliczona"
)
ROWS = [
    "KS.1.2024;2024;otwarty konkurs ofert;16;Wydział Kultury;Fundacja Łąka;123;Festiwal;"
    "10 000,00;9 800,00",
    "KS.2.2024;2024;19a;17;Wydział Sportu;Klub Orlik;;Turniej;5 000;5 000",
    "KS.3.2023;2023;inicjatywa lokalna;1a;;Stowarzyszenie Razem;;Plac zabaw;2 500,50;",
]


def register(tmp_path: Path, rows: list[str] | None = None, name: str = "rejestr.csv") -> Path:
    path = tmp_path / name
    lines = [HEADER, *(ROWS if rows is None else rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def listed(wsp: Wsp, *args: str) -> list[dict[str, object]]:
    run = wsp("grants", "list", "--format", "json", *args)
    assert run.exit_code == 0, run.stderr
    document = json.loads(run.stdout)
    assert document["schema"] == 1
    rows: list[dict[str, object]] = document["rows"]
    return rows


# -- template -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["wzor.xlsx", "wzor.csv"])
def test_the_template_imports_cleanly(wsp: Wsp, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    run = wsp("grants", "template", "-o", str(path))
    assert run.exit_code == 0, run.stderr
    assert run.stderr == f"Wrote {path}.\n"
    done = wsp("grants", "import", str(path))
    assert done.exit_code == 0, done.stderr
    assert done.stderr == f"{path}: 1 row read — 1 added, 0 already present.\n"
    [row] = listed(wsp)
    assert row["organisation"] == "Stowarzyszenie Przykładowe"


def test_the_template_is_not_written_over_without_force(wsp: Wsp, tmp_path: Path) -> None:
    path = tmp_path / "wzor.xlsx"
    assert wsp("grants", "template", "-o", str(path)).exit_code == 0
    again = wsp("grants", "template", "-o", str(path))
    assert again.exit_code == 2
    assert f"wsp: error: The file {path} already exists." in again.stderr
    assert wsp("grants", "template", "-o", str(path), "--force").exit_code == 0


def test_the_csv_template_on_standard_output(wsp: Wsp) -> None:
    run = wsp("grants", "template")
    assert run.exit_code == 0
    assert run.stdout.startswith("\ufeff# A grants register for wsp")
    assert "\nNr umowy;Rok;Tryb;" in run.stdout


def test_an_xlsx_template_needs_a_file(wsp: Wsp) -> None:
    run = wsp("grants", "template", "--format", "xlsx")
    assert run.exit_code == 2
    assert "xlsx" in run.stderr and "-o" in run.stderr


# -- import ---------------------------------------------------------------------------------


def test_import_then_again_adds_nothing_and_says_so(wsp: Wsp, tmp_path: Path, backend: str) -> None:
    path = register(tmp_path)
    first = wsp("grants", "import", str(path))
    assert first.exit_code == 0, first.stderr
    assert first.stderr == f"{path}: 3 rows read — 3 added, 0 already present.\n"
    again = wsp("grants", "import", str(path))
    assert again.exit_code == 0
    assert again.stderr == (
        f"{path}: 3 rows read — nothing added, all of them (3) are already in the store.\n"
    )
    assert len(listed(wsp)) == 3


def test_a_dry_run_stores_nothing(wsp: Wsp, tmp_path: Path) -> None:
    path = register(tmp_path)
    run = wsp("grants", "import", str(path), "--dry-run")
    assert run.exit_code == 0
    assert "3 would be added" in run.stderr and "dry run: nothing stored" in run.stderr
    assert listed(wsp) == []


def test_the_import_summary_in_polish(wsp: Wsp, tmp_path: Path) -> None:
    path = register(tmp_path)
    run = wsp("grants", "import", str(path), lang="pl")
    assert run.stderr == (f"{path}: odczytano 3 wiersze — dodano 3, już obecnych 0.\n")


def test_a_wrong_cell_stores_nothing_and_every_one_is_located(wsp: Wsp, tmp_path: Path) -> None:
    rows = [*ROWS, "KS.4.2024;2024;konkursik;99;;X;;;-5;"]
    path = register(tmp_path, rows)
    run = wsp("grants", "import", str(path))
    assert run.exit_code == 2
    lines = run.stderr.splitlines()
    assert lines[0] == f"{path}:5:3: unknown mode 'konkursik' [Tryb]"
    assert lines[1].startswith("    hint: Did you mean: konkurs?")
    assert f"{path}:5:4: art. 4 ust. 1 has no point '99' [Obszar (art. 4 ust. 1)]" in lines
    assert f"{path}:5:9: the amount '-5' is negative [Kwota przyznana]" in lines
    assert f"wsp: error: {path}: nothing imported — 1 row wrong, 3 wrong cells." in lines
    assert lines[-1] == (
        "  hint: fix the cells above and import the file again (--dry-run only checks)"
    )
    assert listed(wsp) == []


def test_all_or_nothing_beyond_the_first_batch(wsp: Wsp, tmp_path: Path, backend: str) -> None:
    from wspolpraca_cli.services.grants import BATCH

    good = [f"KS.{n};2024;19a;16;;Org {n};;;100;" for n in range(BATCH + 10)]
    path = register(tmp_path, [*good, "KS.x;2024;19a;16;;Zła;;;abc;"])
    run = wsp("grants", "import", str(path))
    assert run.exit_code == 2
    assert f"{path}:{BATCH + 12}:9: Cannot read the value 'abc'. [Kwota przyznana]" in run.stderr
    assert listed(wsp) == []


def test_the_problems_shown_are_capped(wsp: Wsp, tmp_path: Path) -> None:
    from wspolpraca_cli.services.grants import MAX_PROBLEMS

    path = register(tmp_path, [f";2024;19a;99;;;;;{n};" for n in range(MAX_PROBLEMS + 20)])
    run = wsp("grants", "import", str(path))
    assert run.exit_code == 2
    assert run.stderr.count("has no point '99'") == MAX_PROBLEMS
    assert "… and 20 more problems (the first ones are shown)" in run.stderr
    assert f"nothing imported — {MAX_PROBLEMS + 20} rows wrong" in run.stderr


def test_a_windows_1250_file_is_read_and_said_so(wsp: Wsp, tmp_path: Path) -> None:
    path = tmp_path / "rejestr.csv"
    path.write_bytes(("\n".join([HEADER, *ROWS]) + "\n").encode("cp1250"))
    run = wsp("grants", "import", str(path))
    assert run.exit_code == 0, run.stderr
    assert "read as Windows-1250" in run.stderr
    assert {r["organisation"] for r in listed(wsp)} >= {"Fundacja Łąka"}


def test_a_bad_header_is_exit_2_with_a_did_you_mean(wsp: Wsp, tmp_path: Path) -> None:
    path = tmp_path / "rejestr.csv"
    path.write_text("Rok;Tryb;Obszar;Kwota przyznan\n2024;19a;16;1\n", encoding="utf-8")
    run = wsp("grants", "import", str(path))
    assert run.exit_code == 2
    assert run.stderr.startswith(
        f"wsp: error: {path}: invalid header — unknown columns: Kwota przyznan\n"
        "  hint: Did you mean: Kwota przyznan → Kwota przyznana?"
    )


@pytest.mark.parametrize("what", ["missing", "folder"])
def test_no_register_file(wsp: Wsp, tmp_path: Path, what: str) -> None:
    path = tmp_path / "nie_ma.csv"
    if what == "folder":
        path.mkdir()
    run = wsp("grants", "import", str(path))
    assert run.exit_code == 2
    expected = f"No file {path}." if what == "missing" else f"{path} is a folder"
    assert expected in run.stderr


def test_xlsx_import(wsp: Wsp, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["year", "mode", "area", "organisation", "krs", "granted"])
    sheet.append([2024, "19a", "16", "Fundacja", 123456, 9999.99])
    path = tmp_path / "register.xlsx"
    book.save(path)
    run = wsp("grants", "import", str(path))
    assert run.exit_code == 0, run.stderr
    [row] = listed(wsp)
    assert (row["krs"], row["granted"], row["mode"]) == ("0000123456", 9999.99, "19a")


def test_a_changed_row_of_the_same_number_corrects_the_stored_one(
    wsp: Wsp, tmp_path: Path, backend: str
) -> None:
    path = register(tmp_path)
    assert wsp("grants", "import", str(path)).exit_code == 0
    changed = [ROWS[0].replace("10 000,00;9 800,00", "12 000,00;12 000,00"), *ROWS[1:]]
    changed_path = register(tmp_path, changed, name="poprawiony.csv")
    again = wsp("grants", "import", str(changed_path))
    assert again.exit_code == 0, again.stderr
    assert again.stderr == (
        f"{changed_path}: 3 rows read — 1 added (1 of them correcting stored rows of the same "
        "number), 2 already present.\n"
    )
    rows = listed(wsp)
    assert len(rows) == 3
    festival = next(r for r in rows if r["ref"] == "KS.1.2024")
    assert festival["granted"] == 12000.0 and festival["supersedes"]
    third = wsp("grants", "import", str(changed_path))
    assert "nothing added" in third.stderr


def test_a_locked_year_refuses_the_import(wsp: Wsp, tmp_path: Path) -> None:
    assert wsp("lock", "2024", "--reason", "sprawozdanie przyjęte").exit_code == 0
    run = wsp("grants", "import", str(register(tmp_path)))
    assert run.exit_code == 2
    assert f"{register(tmp_path)}:2:1:" in run.stderr
    assert listed(wsp) == []


# -- list -----------------------------------------------------------------------------------


@pytest.fixture
def imported(wsp: Wsp, tmp_path: Path) -> Wsp:
    run = wsp("grants", "import", str(register(tmp_path)))
    assert run.exit_code == 0, run.stderr
    return wsp


@pytest.mark.parametrize(
    ("args", "organisations"),
    [
        ([], {"Fundacja Łąka", "Klub Orlik", "Stowarzyszenie Razem"}),
        (["--year", "2024"], {"Fundacja Łąka", "Klub Orlik"}),
        (["--mode", "Otwarty konkurs ofert"], {"Fundacja Łąka"}),
        (["--mode", "19a", "--year", "2024"], {"Klub Orlik"}),
        (["--area", "pkt 1a"], {"Stowarzyszenie Razem"}),
        (["--organisation", "fundacja"], {"Fundacja Łąka"}),
        (["--year", "2022"], set()),
    ],
)
def test_list_filters(imported: Wsp, args: list[str], organisations: set[str]) -> None:
    assert {r["organisation"] for r in listed(imported, *args)} == organisations


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [("--mode", "konkursik", "unknown mode 'konkursik'"),
     ("--area", "99", "art. 4 ust. 1 has no point '99'")],
)  # fmt: skip
def test_a_bad_filter_is_exit_2_with_a_hint(
    wsp: Wsp, option: str, value: str, message: str
) -> None:
    run = wsp("grants", "list", option, value)
    assert run.exit_code == 2
    assert run.stderr.startswith(f"wsp: error: {message}\n  hint: ")


def test_list_as_a_table_csv_and_markdown(imported: Wsp, tmp_path: Path) -> None:
    table = imported("grants", "list")
    assert table.exit_code == 0
    assert "Fundacja Łąka" in table.stdout
    assert "Total: 3 rows, 17,500.50 zł granted, 3 organisations." in table.stdout
    csv_text = imported("grants", "list", "--format", "csv").stdout
    assert csv_text.splitlines()[0].startswith("uid,ref,year,mode,area,department,organisation")
    assert ",2024,konkurs,16,Wydział Kultury,Fundacja Łąka,0000000123,Festiwal,," in csv_text
    md = imported("grants", "list", "--format", "md").stdout
    assert md.startswith("| row ") and "| Klub Orlik " in md
    out = tmp_path / "wykaz.json"
    written = imported("grants", "list", "-o", str(out))
    assert written.exit_code == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))["rows"]) == 3


def test_an_empty_register(wsp: Wsp) -> None:
    run = wsp("grants", "list")
    assert run.exit_code == 0
    assert run.stdout.startswith("No register rows in the store")
    assert listed(wsp) == []


# -- correct / void -------------------------------------------------------------------------


def _uid(wsp: Wsp, organisation: str) -> str:
    return str(next(r["uid"] for r in listed(wsp) if r["organisation"] == organisation))


def test_correct_appends_a_row_that_supersedes_the_old_one(imported: Wsp) -> None:
    uid = _uid(imported, "Klub Orlik")
    run = imported(
        "grants", "correct", uid[:6], "--granted", "4 500,00", "--area", "pkt 16",
        "--reason", "aneks do umowy",
    )  # fmt: skip
    assert run.exit_code == 0, run.stderr
    new = run.stdout.strip()
    assert len(new) == 32 and new != uid
    assert run.stderr == (
        f"Corrected row {uid[:8]} (Klub Orlik) with row {new[:8]}: "
        "area: 17 → 16; granted: 5,000 → 4,500.\n"
    )
    [row] = [r for r in listed(imported) if r["organisation"] == "Klub Orlik"]
    assert (row["uid"], row["granted"], row["area"], row["title"]) == (new, 4500.0, "16", "Turniej")
    assert row["supersedes"] == uid and row["reason"] == "aneks do umowy"
    history = listed(imported, "--all")
    assert len(history) == 4
    assert next(r for r in history if r["uid"] == uid)["superseded"] is True
    again = imported("grants", "correct", uid, "--granted", "1", "--reason", "x")
    assert again.exit_code == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--granted", "1"], "Give the reason for the correction or void."),
        (["--reason", "x"], "No new value given."),
        (["--granted", "5 000", "--reason", "x"], "already has these values"),
        (["--granted", "abc", "--reason", "x"], "--granted: Cannot read the value 'abc'."),
        (["--end", "2020-01-01", "--start", "2021-01-01", "--reason", "x"],
         "the task ends (2020-01-01) before it starts (2021-01-01)"),
        (["--mode", "konkursik", "--reason", "x"], "--mode: unknown mode 'konkursik'"),
    ],
)  # fmt: skip
def test_correct_refuses(imported: Wsp, args: list[str], message: str) -> None:
    uid = _uid(imported, "Klub Orlik")
    run = imported("grants", "correct", uid, *args)
    assert run.exit_code == 2
    assert message in run.stderr
    assert len(listed(imported, "--all")) == 3


def test_in_a_terminal_the_reason_is_asked_for(
    imported: Wsp, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wspolpraca_cli.cli import cmd_grants

    monkeypatch.setattr(cmd_grants, "_interactive", lambda: True)
    uid = _uid(imported, "Klub Orlik")
    run = imported("grants", "void", uid, input="oferta wycofana\n")
    assert run.exit_code == 0, run.stderr
    void = next(r for r in listed(imported, "--all") if r["supersedes"] == uid)
    assert void["reason"] == "oferta wycofana"


def test_correct_an_unknown_row(imported: Wsp) -> None:
    run = imported("grants", "correct", "ffffffff", "--granted", "1", "--reason", "x")
    assert run.exit_code == 2
    assert run.stderr.startswith("wsp: error: No register row 'ffffffff'.\n  hint: ")


def test_a_dry_run_correction_stores_nothing(imported: Wsp) -> None:
    uid = _uid(imported, "Klub Orlik")
    run = imported("grants", "correct", uid, "--granted", "1", "--reason", "x", "--dry-run")
    assert run.exit_code == 0
    assert run.stdout == ""
    assert "would be corrected: granted: 5,000 → 1 (dry run" in run.stderr
    assert len(listed(imported, "--all")) == 3


def test_void_removes_a_row_from_the_register(imported: Wsp, backend: str) -> None:
    uid = _uid(imported, "Fundacja Łąka")
    run = imported("grants", "void", uid, "--reason", "wpisana dwa razy", "--by", "A. Nowak")
    assert run.exit_code == 0, run.stderr
    new = run.stdout.strip()
    assert run.stderr == (
        f"Voided row {uid[:8]} (Fundacja Łąka) with row {new[:8]}; it no longer counts.\n"
    )
    assert "Fundacja Łąka" not in {r["organisation"] for r in listed(imported)}
    void = next(r for r in listed(imported, "--all") if r["uid"] == new)
    assert void["void"] is True and void["recorded_by"] == "A. Nowak"
    again = imported("grants", "void", new, "--reason", "x")
    assert again.exit_code == 2
    assert "is a void" in again.stderr
    table = imported("grants", "list", "--all").stdout
    assert "void" in table and "superseded" in table


@pytest.mark.parametrize(
    ("lang", "words"), [("en", ["All or nothing", "Examples:"]),
                        ("pl", ["Wszystko albo nic", "Przykłady:"])],
)  # fmt: skip
def test_grants_help_in_both_languages(lang: str, words: list[str]) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "WSP_LANG": lang}
    done = subprocess.run(
        [sys.executable, "-m", "wspolpraca_cli", "grants", "import", "--help"],
        capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert all(w in done.stdout for w in words)


def test_the_summary_names_the_corrections_a_store_counts() -> None:
    from wspolpraca_cli.cli.cmd_grants import import_summary
    from wspolpraca_cli.services.grants import GrantsImported

    done = GrantsImported(rows=3, added=2, present=1, corrected=1)
    assert import_summary(Path("r.csv"), done) == (
        "r.csv: 3 rows read — 2 added (1 of them correcting stored rows of the same number), "
        "1 already present."
    )

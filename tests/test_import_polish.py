"""wsp import of hand-made files: a date must lie in its period (as ``record --date`` makes
it), Polish headers, Windows-1250 files, amounts typed with ``zł``, and the column reference in
``wsp import --help``."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import Wsp
from wspolpraca_cli.store import open_store


def stored(wsp: Wsp) -> list[tuple[str, str, float | None, str | None, str]]:
    if not wsp.store.exists():
        return []
    with open_store(wsp.store, readonly=True) as store:
        return [(e.indicator_id, e.period, e.value, e.date, e.note) for e in store.entries()]


# -- a date in its period -----------------------------------------------------------------------


def test_import_refuses_a_date_outside_its_period(wsp: Wsp, tmp_path: Path) -> None:
    src = tmp_path / "dates.csv"
    src.write_text(
        "indicator,period,value,date\n"
        "1.1,2024,1,2024-05-05\n"
        "1.1,2024,1,2023-05-05\n"
        "kw,2024-Q2,5,2024-01-31\n"
        "1.1,2024,1,2010-01-01\n",
        encoding="utf-8",
    )
    run = wsp("import", str(src))
    assert run.exit_code == 2
    lines = run.stderr.splitlines()
    assert f"{src}:3:4: the date 2023-05-05 is not in the period 2024 of 1.1 [date]" in lines
    fix = ": correct the period or the date"
    assert "    hint: the date 2023-05-05 is in the period 2023" + fix in lines
    assert f"{src}:4:4: the date 2024-01-31 is not in the period 2024-Q2 of kw [date]" in lines
    assert "    hint: the date 2024-01-31 is in the period 2024-Q1" + fix in lines
    assert f"{src}:5:4: the date 2010-01-01 is not in the period 2024 of 1.1 [date]" in lines
    assert "nothing imported — 3 rows rejected (1 would be added" in run.stderr
    assert stored(wsp) == []


def test_import_takes_what_record_date_writes(wsp: Wsp, tmp_path: Path) -> None:
    """Every entry `wsp record --date` stores imports back: the same rule both ways."""
    wsp.record("kw", "5", "--date", "2024-06-30")
    wsp.record("avg", "2", "--date", "2022-12-31")
    wsp.record("1.1", "1", "--date", "2021-01-01")
    out = tmp_path / "e.csv"
    assert wsp("export", "-o", str(out)).exit_code == 0
    fresh = Wsp(wsp.program, tmp_path / "fresh.wsp.db")
    run = fresh("import", str(out))
    assert run.exit_code == 0, run.stderr
    assert stored(fresh) == stored(wsp)


def test_import_date_period_message_in_polish(wsp: Wsp, tmp_path: Path) -> None:
    src = tmp_path / "dates.csv"
    src.write_text("indicator;period;value;date\n1.1;2024;1;2023-05-05\n", encoding="utf-8")
    run = wsp("import", str(src), lang="pl")
    assert run.exit_code == 2
    assert f"{src}:2:4: data 2023-05-05 nie należy do okresu 2024 wskaźnika 1.1 [date]" in (
        run.stderr
    )
    assert "data 2023-05-05 należy do okresu 2023: popraw okres albo datę" in run.stderr


# -- Polish headers -----------------------------------------------------------------------------


def test_import_polish_headers(wsp: Wsp, tmp_path: Path) -> None:
    src = tmp_path / "ręcznie.csv"
    src.write_text(
        "wskaźnik;okres;wartość;uwagi\n1.1;2024;2;warsztat w Toruniu\nkw;2024-Q1;1 500,50;\n",
        encoding="utf-8",
    )
    run = wsp("import", str(src))
    assert run.exit_code == 0, run.stderr
    assert "added 2 entries" in run.stderr
    assert stored(wsp) == [
        ("1.1", "2024", 2.0, None, "warsztat w Toruniu"),
        ("kw", "2024-Q1", 1500.5, None, ""),
    ]


def test_import_polish_headers_any_case_without_diacritics(wsp: Wsp, tmp_path: Path) -> None:
    src = tmp_path / "ręcznie.csv"
    src.write_text(
        "WSKAZNIK,Okres,Wartosc,DATA,Zrodlo,podzial,Id_wpisu,Zapisał,Rodzaj Wpisu\n"
        "1.1,2024,1,2024-05-05,protokół,organizator=NGO,w1,anna,record\n",
        encoding="utf-8",
    )
    run = wsp("import", str(src))
    assert run.exit_code == 0, run.stderr
    with open_store(wsp.store, readonly=True) as store:
        (entry,) = store.entries()
    assert (entry.uid, entry.date, entry.source, entry.tags, entry.recorded_by) == (
        "w1",
        "2024-05-05",
        "protokół",
        (("organizator", "NGO"),),
        "anna",
    )


@settings(max_examples=40, deadline=None)
@given(
    case=st.lists(st.booleans(), min_size=40, max_size=40),
    fold=st.booleans(),
    separator=st.sampled_from([",", ";", "\t"]),
    polish=st.lists(st.booleans(), min_size=4, max_size=4),
)
def test_import_header_names_in_either_language(
    case: list[bool], fold: bool, separator: str, polish: list[bool]
) -> None:
    """Each column by its English or Polish name, in any case, with or without diacritics:
    the same entry."""
    import tempfile

    from tests.conftest import TEST_PROGRAM

    english = ["indicator", "period", "value", "note"]
    names = ["wskaźnik", "okres", "wartość", "uwagi"]
    header = []
    for i, is_polish in enumerate(polish):
        name = names[i] if is_polish else english[i]
        if fold:
            name = name.translate(str.maketrans("ąćęłńóśźż", "acelnoszz"))
        header.append("".join(c.upper() if case[j] else c for j, c in enumerate(name)))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "program.yaml").write_text(TEST_PROGRAM, encoding="utf-8")
        run_wsp = Wsp(root / "program.yaml", root / "s.wsp.db")
        src = root / "e.csv"
        src.write_text(
            separator.join(header) + "\n" + separator.join(["1.1", "2024", "3", "Łódź"]) + "\n",
            encoding="utf-8",
        )
        run = run_wsp("import", str(src))
        assert run.exit_code == 0, run.stderr
        assert stored(run_wsp) == [("1.1", "2024", 3.0, None, "Łódź")]


def test_import_unknown_polish_header_suggests_and_points_at_help(wsp: Wsp, tmp_path: Path) -> None:
    src = tmp_path / "e.csv"
    src.write_text("wskaźnik;okres;wartsc;uwag\n1.1;2024;1;x\n", encoding="utf-8")
    run = wsp("import", str(src))
    assert run.exit_code == 2
    assert run.stderr.splitlines() == [
        f"wsp: error: {src}:1: invalid header — required columns missing: value; "
        "unknown columns: wartsc, uwag",
        "  hint: did you mean: wartsc → wartość, uwag → uwagi; required columns: indicator "
        "(wskaźnik), period (okres), value (wartość); every column and its form: "
        "wsp import --help",
    ]
    assert "docs/entries-csv.md" not in run.stderr
    assert not wsp.store.exists()


def test_import_same_column_twice_in_two_languages(wsp: Wsp, tmp_path: Path) -> None:
    src = tmp_path / "e.csv"
    src.write_text("indicator;okres;wartość;note;uwagi\n1.1;2024;1;a;b\n", encoding="utf-8")
    run = wsp("import", str(src))
    assert run.exit_code == 2
    assert f"{src}:1: repeated columns: note" in run.stderr


# -- Windows-1250 ---------------------------------------------------------------------------------


def test_import_windows_1250_file(wsp: Wsp, tmp_path: Path) -> None:
    src = tmp_path / "excel.csv"
    src.write_bytes(
        "wskaźnik;okres;wartość;uwagi\r\n1.1;2024;2;Łódź, Toruń — zażółć gęślą jaźń\r\n".encode(
            "cp1250"
        )
    )
    run = wsp("import", str(src))
    assert run.exit_code == 0, run.stderr
    assert run.stderr.splitlines()[0] == (
        f"{src}: not UTF-8 — read as Windows-1250 (the encoding Polish Excel saves CSV in)."
    )
    assert stored(wsp) == [("1.1", "2024", 2.0, None, "Łódź, Toruń — zażółć gęślą jaźń")]


def test_import_windows_1250_said_in_polish_and_before_the_errors(wsp: Wsp, tmp_path: Path) -> None:
    src = tmp_path / "excel.csv"
    src.write_bytes("wskaźnik;okres;wartość;uwagi\r\n1.1;2030;2;Łódź\r\n".encode("cp1250"))
    run = wsp("import", str(src), lang="pl")
    assert run.exit_code == 2
    lines = run.stderr.splitlines()
    assert lines[0] == (
        f"{src}: plik nie jest w UTF-8 — odczytano go jako Windows-1250 (kodowanie, w którym "
        "polski Excel zapisuje CSV)."
    )
    assert lines[1].startswith(f"{src}:2:2: Okres 2030")
    assert stored(wsp) == []


def test_import_utf8_with_and_without_bom_says_nothing_of_encoding(
    wsp: Wsp, tmp_path: Path
) -> None:
    for bom in ("", "\ufeff"):
        src = tmp_path / f"e{len(bom)}.csv"
        src.write_text(
            f"{bom}wskaźnik;okres;wartość;uwagi\n1.1;202{len(bom) + 2};2;Łódź\n", "utf-8"
        )
        run = wsp("import", str(src))
        assert run.exit_code == 0, run.stderr
        assert "Windows-1250" not in run.stderr


# -- amounts with zł ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("1 500,50 zł", 1500.5),
        ("1500 zł", 1500.0),
        ("1500zł", 1500.0),
        ("1 500 PLN", 1500.0),
        ("2 000,00 ZŁ", 2000.0),
        ("300 pln", 300.0),
        ("8 500 000 zl", 8500000.0),
    ],
)
def test_import_amount_with_currency(wsp: Wsp, tmp_path: Path, typed: str, value: float) -> None:
    src = tmp_path / "e.csv"
    src.write_text(f'indicator;period;value\nkw;2024-Q1;"{typed}"\n', encoding="utf-8")
    run = wsp("import", str(src))
    assert run.exit_code == 0, run.stderr
    assert stored(wsp) == [("kw", "2024-Q1", value, None, "")]


def test_currency_only_for_amounts(wsp: Wsp, tmp_path: Path) -> None:
    src = tmp_path / "e.csv"
    src.write_text("indicator;period;value\n1.1;2024;5 zł\nkw;2024-Q1;zł\n", encoding="utf-8")
    run = wsp("import", str(src))
    assert run.exit_code == 2
    assert f"{src}:2:3: Cannot read the value '5 zł'." in run.stderr
    assert f"{src}:3:3: Cannot read the value 'zł'." in run.stderr


def test_record_takes_an_amount_with_currency(wsp: Wsp) -> None:
    wsp.record("kw", "1 500,50 zł", "--period", "2024-Q1")
    assert stored(wsp) == [("kw", "2024-Q1", 1500.5, None, "")]


# -- the column reference in --help ---------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_import_help_carries_the_column_reference(lang: str) -> None:
    """Every column in both languages, whether it is required and its form: a pip user has
    no docs/ folder. (Help is chosen at start-up, hence the console script.)"""
    import os
    import subprocess
    import sys

    from wspolpraca_cli.transfer import CSV_COLUMNS, REQUIRED_COLUMNS
    from wspolpraca_cli.transfer.import_ import POLISH_COLUMNS

    done = subprocess.run(
        [sys.executable, "-m", "wspolpraca_cli", "--lang", lang, "import", "--help"],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "80"},
        timeout=60,
    )
    assert done.returncode == 0
    lines = [" ".join(line.split()) for line in done.stdout.splitlines()]
    yes, no = ("yes", "no") if lang == "en" else ("tak", "nie")
    for column in CSV_COLUMNS:
        polish = POLISH_COLUMNS[column][0]
        pair = f"{column} ({polish})" if lang == "en" else f"{polish} ({column})"
        (line,) = [line for line in lines if line.startswith(pair + " ")]
        required = column in REQUIRED_COLUMNS or column == "supersedes"
        assert line[len(pair) + 1 :].startswith(yes if required else no), line
    assert "Windows-1250" in done.stdout
    assert "1 500,50 zł" in done.stdout
    assert max(len(line) for line in done.stdout.splitlines()) <= 80

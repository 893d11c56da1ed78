"""What ``wsp status``, ``show``, ``check`` and ``report`` print: money with two decimals, the
help of the default view, the as-of date and plural forms in ``check``, the report's wording
and achievement column, history agreeing with status, ``entries`` in JSON, and ``--format``
contradicting the ``-o`` extension."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.conftest import MakeWsp, Wsp
from wspolpraca_cli.entries import Entry
from wspolpraca_cli.numfmt import NBSP, format_amount
from wspolpraca_cli.store import open_store

runner = CliRunner()

PROGRAM = """\
format: 1
program:
  title: Program testowy
  issuer: Rada Gminy Testowo
  first_year: 2024
  last_year: 2026
goals:
  main: {id: główny, name: Wzmacnianie współpracy}
  specific:
    - {id: a, name: Więcej pieniędzy}
    - {id: b, name: Więcej spotkań}
    - {id: c, name: Lepsza jakość}
areas:
  - id: "1"
    name: Finanse
    goals: [a]
    actions:
      - lp: "1"
        name: Dotacje
        indicators:
          - id: "1.1"
            name: Kwota dotacji
            unit: zł
            target: {2024: 500 000, 2025: 550 000, 2026: 600 000}
            frequency: raz w roku
  - id: "2"
    name: Spotkania
    goals: [b, c]
    actions:
      - lp: "1"
        name: Warsztaty
        indicators:
          - id: "2.1"
            name: Liczba warsztatów
            unit: liczba
            target: 1/rok
            frequency: raz w roku
"""
AS_OF = ("--as-of", "2025-06-01")


@pytest.fixture(autouse=True)
def _cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("WSP_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("WSP_REPORT_DATE", "2025-06-01")


@pytest.fixture
def wsp(make_wsp: MakeWsp, tmp_path: Path) -> Wsp:
    """The runner on this module's programme (tmp_path/program.yaml), store tmp_path/s.db."""
    return make_wsp(PROGRAM, "s.db", lang=None)


def add(tmp_path: Path, ind: str, period: str, value: float) -> None:
    with open_store(tmp_path / "s.db") as opened:
        opened.add(Entry("", ind, period, value))


def row_of(text: str, *first: str) -> list[str]:
    """The cells of the first table line whose leading cells are ``first``: a plain table's
    split on runs of spaces, a Markdown table's on ``|``."""
    import re

    for line in text.splitlines():
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
        else:
            cells = re.split(r" {2,}", line.strip())
        if cells[: len(first)] == list(first):
            return cells
    raise AssertionError(f"no row {first} in:\n{text}")


# -- 2. money: two decimals when not whole -------------------------------------------------
def test_format_amount() -> None:
    assert format_amount(120000.5, "pl") == f"120{NBSP}000,50"
    assert format_amount(120000.5, "en") == "120,000.50"
    assert format_amount(9_000_000, "pl") == f"9{NBSP}000{NBSP}000"
    assert format_amount(9_000_000.0, "en") == "9,000,000"
    assert format_amount(0.996, "en") == "1"  # whole to the grosz
    assert format_amount(12.3456, "en") == "12.35"
    assert format_amount(-0.5, "pl") == "-0,50"
    assert format_amount(None, "pl") == "—"


@pytest.fixture
def money(tmp_path: Path) -> Path:
    add(tmp_path, "1.1", "2024", 120000.5)
    add(tmp_path, "2.1", "2024", 0)
    return tmp_path


def test_amount_in_status_table_md_and_history(wsp: Wsp, money: Path) -> None:
    amount_pl = f"120{NBSP}000,50"
    table = wsp("--lang", "pl", "status", "--year", "2024", *AS_OF)
    assert table.exit_code == 0, table.stderr
    assert row_of(table.stdout, "1.1")[3:6] == [f"500{NBSP}000", amount_pl, "24%"]
    md = wsp("--lang", "pl", "status", "--year", "2024", "-f", "md", *AS_OF)
    assert row_of(md.stdout, "1.1")[3:6] == [f"500{NBSP}000", amount_pl, "24%"]
    default = wsp("status", *AS_OF)
    assert "120,000.50" in default.stdout and "120,000.5 " not in default.stdout
    history = wsp("--lang", "pl", "show", "1.1", *AS_OF)
    assert history.exit_code == 0, history.stderr
    assert row_of(history.stdout, "2024")[1:4] == [f"500{NBSP}000", amount_pl, "24%"]
    assert f"Cały program 2024–2026: {amount_pl} z 1{NBSP}650{NBSP}000" in history.stdout


def test_amount_in_check_and_report(wsp: Wsp, money: Path) -> None:
    check = wsp("check", "--year", "2024", *AS_OF)
    assert check.exit_code == 1
    assert "1.1 (Kwota dotacji) in 2024: 120,000.50 against a target of 500,000 (24%)" in (
        check.stdout
    )
    md = wsp("--lang", "pl", "report", "--year", "2024", *AS_OF)
    row = row_of(md.stdout, "1", "Dotacje")  # achieved, previous year, change, achievement
    assert [row[5], row[8]] == [f"120{NBSP}000,50", "24"]
    html_file = money / "r.html"
    assert wsp("report", "--year", "2024", "-o", str(html_file), *AS_OF).exit_code == 0
    html = html_file.read_text(encoding="utf-8")
    assert 'class="num">120,000.50</td>' in html


def test_amounts_stay_exact_in_csv_and_json(wsp: Wsp, money: Path) -> None:
    out = wsp("--lang", "pl", "status", "--year", "2024", "-f", "csv", *AS_OF)
    rows = list(csv.reader(io.StringIO(out.stdout.lstrip("\ufeff")), delimiter=";"))
    assert next(r for r in rows if r[2] == "1.1")[7] == "120000,5"
    data = json.loads(wsp("status", "--year", "2024", "-f", "json", *AS_OF).stdout)
    assert [r["actual"] for r in data["indicators"] if r["id"] == "1.1"] == [120000.5]
    report = wsp("report", "--year", "2024", "-f", "csv", *AS_OF)
    line = next(r for r in report.stdout.splitlines() if ",1.1," in r)
    assert ",120000.5,,,,24," in line  # achieved, previous year, change (and %), achievement


def test_amount_in_xlsx_has_two_decimals(wsp: Wsp, money: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = money / "r.xlsx"
    result = wsp("--lang", "pl", "report", "--year", "2024", "-o", str(out), *AS_OF)
    assert result.exit_code == 0, result.stderr
    ws = openpyxl.load_workbook(out).worksheets[0]
    rows = {str(r[2].value).split(" ")[0]: r for r in ws.iter_rows() if r[2].value and r[7].value}
    amount, count = rows["1.1"], rows["2.1"]
    assert (amount[5].value, amount[5].number_format) == (120000.5, "#,##0.00")
    assert (amount[8].value, amount[8].number_format) == (24, "#,##0")  # after previous, change
    assert (count[5].value, count[5].number_format) == (0, "#,##0")


def test_xlsx_amount_number_format() -> None:
    from wspolpraca_cli.render.report_xlsx import number_format

    assert number_format(9_000_000, amount=True) == "#,##0"
    assert number_format(120000.5, amount=True) == "#,##0.00"
    assert number_format(2.5) == "#,##0.0#"


# -- 3. the help of the default view -------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "en",
            "Default: the current period, every earlier period that needs attention "
            "(awaiting, overdue, missed), the previous one while its report is due, and the "
            "programme-to-date row.",
        ),
        (
            "pl",
            "Domyślnie: bieżący okres, każdy wcześniejszy okres wymagający uwagi (oczekuje "
            "na dane, zaległe, nie osiągnięto), poprzedni okres, dopóki nie minie termin "
            "sprawozdania za niego, oraz wiersz „razem w programie”.",
        ),
    ],
)
def test_status_help_describes_the_default_view(lang: str, words: str) -> None:
    """Through a fresh process: help texts are chosen at start-up from --lang."""
    import os
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "wspolpraca_cli", "--lang", lang, "status", "--help"],
        capture_output=True,
        text=True,
        env={**os.environ},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    text = " ".join(done.stdout.split())
    assert words in text
    assert "bieżący okres i cały program" not in text
    assert "the current period and the programme to date" not in text


# -- 4. check: the as-of date and plural forms ---------------------------------------------
@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("pl", "Stan na 1 czerwca 2025; sprawdzono okresy od 2024 do 1 czerwca 2025."),
        ("en", "As of 1 June 2025; checked the periods from 2024 to 1 June 2025."),
    ],
)
def test_check_names_the_as_of_date(wsp: Wsp, tmp_path: Path, lang: str, line: str) -> None:
    result = wsp("--lang", lang, "check", *AS_OF)
    assert result.stdout.splitlines()[1] == line


@pytest.mark.parametrize(("lang", "word"), [("pl", "do dziś."), ("en", "to today.")])
def test_check_as_of_today_says_today(wsp: Wsp, tmp_path: Path, lang: str, word: str) -> None:
    today = date.today()
    if today.year > 2026:  # pragma: no cover - the programme ends in 2026
        pytest.skip("the test programme has ended")
    result = wsp("--lang", lang, "check", "--as-of", today.isoformat())
    assert result.stdout.splitlines()[1].endswith(word)
    plain = wsp("--lang", lang, "check")
    assert plain.stdout.splitlines()[1].endswith(word)


def test_check_render_text_compares_with_today(tmp_path: Path) -> None:
    from wspolpraca_cli.i18n import set_language
    from wspolpraca_cli.loader import load_program
    from wspolpraca_cli.progress import evaluate
    from wspolpraca_cli.render.report_check import render_text
    from wspolpraca_cli.services.progress import check_progress

    prog = tmp_path / "program.yaml"
    prog.write_text(PROGRAM, encoding="utf-8")
    program = load_program(prog)
    progress = evaluate(program, [], date(2025, 6, 1))
    result = check_progress(progress, year=None)
    set_language("pl")
    try:
        same = render_text(result, today=date(2025, 6, 1)).splitlines()[1]
        other = render_text(result, today=date(2025, 7, 1)).splitlines()[1]
    finally:
        set_language("en")
    assert same == "Stan na 1 czerwca 2025; sprawdzono okresy od 2024 do dziś."
    assert other == "Stan na 1 czerwca 2025; sprawdzono okresy od 2024 do 1 czerwca 2025."


@pytest.mark.parametrize(
    ("entries", "as_of", "pl", "en"),
    [
        (
            [("2024", 0)],
            "2025-06-01",
            "Wynik: 1 okres zaległy lub nieosiągnięty (kod wyjścia 1).",
            "Result: 1 period missed or overdue (exit code 1).",
        ),
        (
            [],
            "2025-06-01",
            "Wynik: 2 okresy zaległe lub nieosiągnięte (kod wyjścia 1).",
            "Result: 2 periods missed or overdue (exit code 1).",
        ),
        (
            [],
            "2027-06-01",
            "Wynik: 6 okresów zaległych lub nieosiągniętych (kod wyjścia 1).",
            "Result: 6 periods missed or overdue (exit code 1).",
        ),
    ],
)
def test_check_result_counts_periods_with_plural_forms(
    wsp: Wsp, tmp_path: Path, entries: list[tuple[str, float]], as_of: str, pl: str, en: str
) -> None:
    for period, value in entries:
        add(tmp_path, "1.1", period, 500000)
        add(tmp_path, "2.1", period, value)
    for lang, line in (("pl", pl), ("en", en)):
        result = wsp("--lang", lang, "check", "--as-of", as_of)
        assert result.exit_code == 1, result.stderr
        assert result.stdout.splitlines()[-1] == line


def test_check_result_ok_in_polish(wsp: Wsp, tmp_path: Path) -> None:
    add(tmp_path, "1.1", "2024", 500000)
    add(tmp_path, "2.1", "2024", 1)
    result = wsp("--lang", "pl", "check", "--year", "2024", *AS_OF)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == (
        "Wynik: brak okresów zaległych ani nieosiągniętych (kod wyjścia 0)."
    )


# -- 5. the report's wording and its achievement column ------------------------------------
def test_report_goal_lines_and_area_headings(wsp: Wsp, tmp_path: Path) -> None:
    add(tmp_path, "2.1", "2024", 5)
    pl = wsp("--lang", "pl", "report", "--year", "2024", *AS_OF).stdout
    assert "### Obszar 1) Finanse" in pl and "### Obszar 2) Spotkania" in pl
    assert "\nCel szczegółowy: a) Więcej pieniędzy\n" in pl
    assert "\nCele szczegółowe: b) Więcej spotkań, c) Lepsza jakość\n" in pl
    assert "Obszar 1:" not in pl
    en = wsp("report", "--year", "2024", *AS_OF).stdout
    assert "### Area 1) Finanse" in en
    assert "\nSpecific goal: a) Więcej pieniędzy\n" in en
    assert "\nSpecific goals: b) Więcej spotkań, c) Lepsza jakość\n" in en
    html_file = tmp_path / "r.html"
    wsp("--lang", "pl", "report", "--year", "2024", "-o", str(html_file), *AS_OF)
    html = html_file.read_text(encoding="utf-8")
    assert "<h3>Obszar 1) Finanse</h3>" in html
    assert '<p class="goals">Cel szczegółowy: a) Więcej pieniędzy</p>' in html


def test_report_achievement_column_has_no_percent_sign(wsp: Wsp, tmp_path: Path) -> None:
    add(tmp_path, "2.1", "2024", 5)
    md = wsp("--lang", "pl", "report", "--year", "2024", *AS_OF).stdout
    assert "Stopień realizacji (%)" in md
    row = row_of(md, "1", "Warsztaty")  # achieved, previous year, change, achievement
    assert [row[5], row[8]] == ["5", "500"]
    assert "500%" not in md
    html_file = tmp_path / "r.html"
    wsp("--lang", "pl", "report", "--year", "2024", "-o", str(html_file), *AS_OF)
    html = html_file.read_text(encoding="utf-8")
    assert '<th scope="col" class="num">Stopień realizacji (%)</th>' in html
    assert 'class="num">500<div class="bar"' in html and 'class="num">500%' not in html
    out = wsp("--lang", "pl", "report", "--year", "2024", "-f", "csv", *AS_OF).stdout
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff")), delimiter=";"))
    column = rows[0].index("Stopień realizacji (%)")
    assert [r[column] for r in rows if r[3] == "2.1"] == ["500"]


# -- 6. the history agrees with status on an open period -----------------------------------
def test_history_open_sum_period_shows_0_and_0_percent(wsp: Wsp, tmp_path: Path) -> None:
    status = wsp("status", *AS_OF)
    assert row_of(status.stdout, "2.1", "Liczba warsztatów", "2025")[3:7] == [
        "1",
        "0",
        "0%",
        "in progress",
    ]
    history = wsp("show", "2.1", *AS_OF)
    assert history.exit_code == 0, history.stderr
    assert row_of(history.stdout, "2025") == ["2025", "1", "0", "0%", "in progress"]
    assert row_of(history.stdout, "2024") == ["2024", "1", "—", "—", "overdue"]
    assert row_of(history.stdout, "2026") == ["2026", "1", "—", "—", "not started"]


# -- 7. "entries" on every JSON row --------------------------------------------------------
def _all_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [*data["indicators"], *data.get("programme", [])]


@pytest.mark.parametrize("args", [("status",), ("status", "--year", "2024"), ("check",)])
def test_json_entries_on_every_row_of_an_empty_store(
    wsp: Wsp, tmp_path: Path, args: tuple[str]
) -> None:
    result = wsp(*args, "--format", "json", *AS_OF)
    data = json.loads(result.stdout)
    rows = _all_rows(data)
    assert rows and all(r["entries"] == 0 for r in rows)
    if args[0] == "status":
        assert len(data["programme"]) == 2
    else:
        assert data["problems"] and all(p["entries"] == 0 for p in data["problems"])
    assert not (tmp_path / "s.db").exists()


@pytest.mark.parametrize("command", ["status", "check"])
def test_json_entries_tell_an_explicit_zero_from_no_data(
    wsp: Wsp, tmp_path: Path, command: str
) -> None:
    add(tmp_path, "2.1", "2024", 0)
    result = wsp(command, "--year", "2024", "--format", "json", *AS_OF)
    data = json.loads(result.stdout)
    zero = [r for r in data["indicators"] if r["id"] == "2.1" and r["period"] == "2024"]
    assert [(r["actual"], r["entries"], r["status"]) for r in zero] == [(0, 1, "missed")]
    none = [r for r in data["indicators"] if r["id"] == "1.1" and r["period"] == "2024"]
    assert [(r["entries"], r["status"]) for r in none] == [(0, "overdue")]
    if command == "status":
        whole = {r["id"]: r["entries"] for r in data["programme"]}
        assert whole == {"1.1": 0, "2.1": 1}


# -- 1. --format against the -o extension --------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "lines"),
    [
        (
            "en",
            [
                "wsp: error: --format xlsx does not match the file {out}: its extension "
                "means html.",
                "  hint: give the file a .xlsx extension, or leave out --format (or use "
                "--format html)",
            ],
        ),
        (
            "pl",
            [
                "wsp: błąd: --format xlsx nie pasuje do pliku {out}: rozszerzenie oznacza "
                "format html.",
                "  wskazówka: zmień rozszerzenie pliku na .xlsx albo pomiń --format (albo "
                "podaj --format html)",
            ],
        ),
    ],
)
def test_report_refuses_a_format_against_the_extension(
    wsp: Wsp, tmp_path: Path, lang: str, lines: list[str]
) -> None:
    out = tmp_path / "spr2.html"
    result = wsp("--lang", lang, "report", "--year", "2024", "--format", "xlsx", "-o",
                 str(out))  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [line.format(out=out) for line in lines]
    assert result.stdout == ""
    assert not out.exists()


@pytest.mark.parametrize(
    ("fmt", "name"),
    [("md", "r.txt"), ("csv", "r"), ("html", "R.HTM"), ("md", "r.markdown"), ("xlsx", "r.XLSX")],
)
def test_report_format_agreeing_or_unknown_extension_is_fine(
    wsp: Wsp, tmp_path: Path, fmt: str, name: str
) -> None:
    pytest.importorskip("openpyxl")
    out = tmp_path / name
    result = wsp("report", "--year", "2024", "--format", fmt, "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert out.exists()


@pytest.mark.parametrize(
    ("name", "start"), [("r.html", b"<!DOCTYPE html>"), ("r.xlsx", b"PK"), ("r.md", b"# ")]
)
def test_report_format_from_the_extension(
    wsp: Wsp, tmp_path: Path, name: str, start: bytes
) -> None:
    pytest.importorskip("openpyxl")
    out = tmp_path / name
    result = wsp("report", "--year", "2024", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes().startswith(start)


@given(
    st.lists(
        st.lists(
            st.text(
                st.characters(
                    codec="utf-8", categories=("L", "N", "P", "S"), include_characters=" "
                ),
                max_size=12,
            ),
            min_size=3,
            max_size=3,
        ),
        max_size=6,
    ),
    st.lists(
        st.text(st.characters(categories=("L",)), min_size=1, max_size=8), min_size=3, max_size=3
    ),
    st.text("lr", min_size=3, max_size=3),
)
def test_the_markdown_table_is_laid_out_as_tabulate_lays_it_out(
    rows: list[list[str]], headers: list[str], align: str
) -> None:
    from tabulate import tabulate

    from wspolpraca_cli.render.status import github_table

    expected = tabulate(
        rows,
        headers=headers,
        tablefmt="github",
        disable_numparse=True,
        colalign=tuple("right" if a == "r" else "left" for a in align),
    )
    assert "\n".join(github_table(rows, headers, align)) == expected


def test_a_markdown_table_cell_of_several_lines_spreads_over_as_many_lines() -> None:
    from wspolpraca_cli.render.status import github_table

    assert github_table([["a\nbbbbb", "1"], ["c", "22"]], ["x", "y"], "lr") == [
        "| x     |   y |",
        "|-------|-----|",
        "| a     |   1 |",
        "| bbbbb |     |",
        "| c     |  22 |",
    ]


@given(
    st.text(
        st.one_of(
            st.sampled_from(list(" \t\n\r_\\|*<>[]`#~\x1b\u202e\u2028\xa0 ab")),
            st.characters(codec="utf-8"),
        ),
        max_size=20,
    )
)
def test_markdown_text_gives_what_its_long_way_gives(text: str) -> None:
    """The shortcut for text with nothing to fold, escape or show changes no result."""
    from wspolpraca_cli.render.status import _markdown_escaped, markdown_text

    assert markdown_text(text) == _markdown_escaped(text)

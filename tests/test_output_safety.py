"""Text from people is data, never a formula, a terminal command or markup: formulas
neutralised in every spreadsheet output (and given back by import), control characters shown
escaped in every terminal and Markdown output (and kept verbatim in the store and in JSON),
Rich markup and Markdown in names not read."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import TEST_PROGRAM, MakeWsp, Wsp
from wspolpraca_cli.safe_text import (
    from_spreadsheet,
    one_line,
    shown,
    spreadsheet_text,
)

HYPERLINK = '=HYPERLINK("http://x","y")'
RETITLE = "\x1b]0;pwned\x07"
CLEAR = "\x1b[2J"

# TEST_PROGRAM with formulas, escapes and markup in the programme's own text.
HOSTILE_PROGRAM = (
    TEST_PROGRAM.replace("issuer: Gmina Testowo", f"issuer: '{HYPERLINK}'")
    .replace("title: Program testowy", 'title: "Program \\e]0;pwned\\a [bold]testowy[/bold]"')
    .replace("name: Cel a}", 'name: "Cel _x_ <b>y</b> [z](http://e) # \\e[2J"}')
    .replace("name: Liczba warsztatów", 'name: "=1+1 Liczba \\e[2J [red]warsztatów[/red]"')
)


def csv_rows(text: str, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter))


# -- spreadsheets -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "cell"),
    [
        (HYPERLINK, "'" + HYPERLINK),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("+48 600 100 200", "'+48 600 100 200"),
        ("-x", "'-x"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("'=1", "''=1"),
        ("-5", "-5"),
        ("-1,5", "-1,5"),
        ("-0.25", "-0.25"),
        ("-10%", "-10%"),
        ("", ""),
        ("Toruń", "Toruń"),
        ("'quoted'", "'quoted'"),
    ],
)
def test_a_formula_gets_a_quote_and_a_number_stays(text: str, cell: str) -> None:
    assert spreadsheet_text(text) == cell
    assert from_spreadsheet(cell) == text


def test_a_row_is_read_back_cell_by_cell() -> None:
    from wspolpraca_cli.safe_text import from_spreadsheet_cells

    row = ["1.1", "'=x", "''@y", "'abc", "-5"]
    assert from_spreadsheet_cells(row) == ["1.1", "=x", "'@y", "'abc", "-5"]
    plain = ["1.1", "2024", "x"]
    assert from_spreadsheet_cells(plain) is plain


def test_cells_that_are_not_text_are_left_alone() -> None:
    assert spreadsheet_text(-5) == -5
    assert spreadsheet_text(None) is None


@given(st.text())
def test_neutralising_is_undone_exactly(text: str) -> None:
    cell = spreadsheet_text(text)
    assert from_spreadsheet(cell) == text
    assert cell[:1] not in ("=", "@", "\t", "\r") or cell == text == ""
    if cell[:1] in ("+", "-"):
        float(cell.replace(",", ".").rstrip("%"))  # a number, which no spreadsheet runs


@given(st.lists(st.text(), max_size=6))
def test_rows_are_neutralised_and_read_back_exactly(cells: list[str]) -> None:
    from wspolpraca_cli.safe_text import from_spreadsheet_cells, spreadsheet_row

    row = dict(enumerate(cells))
    written = list(spreadsheet_row(row).values())
    assert written == [spreadsheet_text(c) for c in cells]
    assert from_spreadsheet_cells(written) == cells


def test_export_neutralises_formulas_and_import_gives_the_text_back(
    wsp: Wsp, make_wsp: MakeWsp, tmp_path: Path
) -> None:
    uid = wsp.record(
        "1.1", "2", "--year", "2024", "--note", HYPERLINK, "--source", "@SUM(A1)", "--by", "-x"
    )
    wsp.record("avg", "--period", "2024-03", "--yes", "--", "-5")
    out = tmp_path / "entries.csv"
    run = wsp("export", "-o", str(out))
    assert run.exit_code == 0, run.stderr
    rows = {r["uid"]: r for r in csv_rows(out.read_text(encoding="utf-8"))}
    assert rows[uid]["note"] == "'" + HYPERLINK
    assert rows[uid]["source"] == "'@SUM(A1)"
    assert rows[uid]["recorded_by"] == "'-x"
    assert [r["value"] for r in rows.values() if r["indicator"] == "avg"] == ["-5"]

    other = make_wsp(store="other.wsp.db")
    run = other("import", str(out))
    assert run.exit_code == 0, run.stderr
    doc = json.loads(other("history", "--format", "json").stdout)
    entry = next(e for e in doc["entries"] if e["uid"] == uid)
    assert (entry["note"], entry["source"], entry["recorded_by"]) == (HYPERLINK, "@SUM(A1)", "-x")
    assert [e["value"] for e in doc["entries"] if e["indicator"] == "avg"] == [-5]


def test_polish_export_and_history_csv_neutralise_too(wsp: Wsp, make_wsp: MakeWsp) -> None:
    wsp.record("1.1", "2", "--year", "2024", "--note", HYPERLINK)
    exported = wsp("export", lang="pl").stdout
    assert csv_rows(exported, ";")[0]["note"] == "'" + HYPERLINK
    history = wsp("history", "--format", "csv").stdout
    assert csv_rows(history)[0]["note"] == "'" + HYPERLINK


def test_json_keeps_the_formula_verbatim(wsp: Wsp) -> None:
    wsp.record("1.1", "2", "--year", "2024", "--note", HYPERLINK)
    doc = json.loads(wsp("export", "--format", "json").stdout)
    assert doc["entries"][0]["note"] == HYPERLINK


def test_status_and_report_csv_neutralise_names(make_wsp: MakeWsp) -> None:
    wsp = make_wsp(HOSTILE_PROGRAM)
    wsp.record("1.1", "2", "--year", "2024", "--note", "@x")
    status = csv_rows(wsp("status", "--as-of", "2025-03-01", "-f", "csv").stdout)
    names = {r["Indicator"] for r in status}
    assert "'=1+1 Liczba \x1b[2J [red]warsztatów[/red]" in names
    assert not any(n.startswith("=") for n in names)
    report = wsp("report", "--year", "2024", "-f", "csv").stdout
    assert "'=1+1 Liczba" in report
    assert ",=" not in report and '"=' not in report


def test_xlsx_report_writes_formulas_as_text(make_wsp: MakeWsp, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    wsp = make_wsp(HOSTILE_PROGRAM)
    wsp.record("1.1", "2", "--year", "2024", "--note", HYPERLINK)
    out = tmp_path / "report.xlsx"
    run = wsp("report", "--year", "2024", "-o", str(out))
    assert run.exit_code == 0, run.stderr
    cells = [c for ws in load_workbook(out) for row in ws.iter_rows() for c in row]
    texts = [c for c in cells if isinstance(c.value, str)]
    issuer = [c for c in texts if c.value == HYPERLINK]
    assert issuer and all(c.data_type == "s" for c in issuer)
    named = [c for c in texts if "=1+1 Liczba" in c.value]
    assert named and all(c.data_type == "s" for c in named)
    assert not [c for c in cells if c.data_type == "f"]
    # a workbook cannot hold control characters: shown escaped, not an internal error
    assert any("\\x1b[2J" in c.value for c in named)


# -- terminals and Markdown -------------------------------------------------------------------
def test_shown_escapes_control_characters_only() -> None:
    assert shown(RETITLE + "x") == "\\x1b]0;pwned\\x07x"
    assert shown("a\nb\tc ąę 1\u00a0000") == "a\nb\tc ąę 1\u00a0000"
    assert shown("\x9b2J\u202eabc\u2028") == "\\x9b2J\\u202eabc\\u2028"
    assert one_line(" a \n\t b\x1b ") == "a b\\x1b"


def record_hostile(wsp: Wsp) -> str:
    return wsp.record(
        "1.1",
        "2",
        "--year",
        "2024",
        "--note",
        f"notatka {RETITLE} [bold]x[/bold]",
        "--source",
        CLEAR,
        "--by",
        f"Anna{RETITLE}",
    )


def test_history_shows_escapes_and_json_keeps_them(wsp: Wsp) -> None:
    record_hostile(wsp)
    table = wsp("history").stdout
    assert "\x1b" not in table and "\x07" not in table
    assert "notatka \\x1b]0;pwned\\x07 [bold]x[/bold]" in table
    assert "\\x1b[2J" in table and "Anna\\x1b]0;pwned\\x07" in table
    entry = json.loads(wsp("history", "--format", "json").stdout)["entries"][0]
    assert entry["note"] == f"notatka {RETITLE} [bold]x[/bold]"
    assert entry["source"] == CLEAR
    assert entry["recorded_by"] == f"Anna{RETITLE}"
    exported = csv_rows(wsp("export").stdout)[0]
    assert exported["note"] == f"notatka {RETITLE} [bold]x[/bold]"


@pytest.mark.parametrize(
    "args",
    [
        ["status", "--as-of", "2025-03-01"],
        ["status", "--as-of", "2025-03-01", "-f", "md"],
        ["status", "--as-of", "2025-03-01", "--goal", "a"],
        ["show", "1.1", "--as-of", "2025-03-01"],
        ["show", "a"],
        ["list"],
        ["check", "--as-of", "2025-03-01"],
        ["report", "--year", "2024", "-f", "md"],
        ["history"],
    ],
)
def test_every_text_output_escapes_control_characters(make_wsp: MakeWsp, args: list[str]) -> None:
    wsp = make_wsp(HOSTILE_PROGRAM)
    record_hostile(wsp)
    run = wsp(*args)
    assert run.exit_code in (0, 1), run.stderr
    out = run.stdout
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b" in out


def test_record_message_escapes_the_name(make_wsp: MakeWsp) -> None:
    wsp = make_wsp(HOSTILE_PROGRAM)
    run = wsp("record", "1.1", "2", "--year", "2024")
    assert run.exit_code == 0
    assert "\x1b" not in run.stderr
    assert "=1+1 Liczba \\x1b[2J [red]warsztatów[/red]" in run.stderr


def test_the_indicator_list_of_interactive_record_escapes_names(
    make_wsp: MakeWsp, terminal: None
) -> None:
    wsp = make_wsp(HOSTILE_PROGRAM)
    run = wsp("record", input="")
    assert run.exit_code == 130
    assert "\x1b" not in run.stderr
    assert "  1. 1.1  =1+1 Liczba \\x1b[2J [red]warsztatów[/red]" in run.stderr.splitlines()


def test_error_messages_show_escapes(wsp: Wsp, tmp_path: Path) -> None:
    run = wsp("import", str(tmp_path / f"{CLEAR}missing.csv"))
    assert run.exit_code != 0
    assert "\x1b" not in run.stderr
    assert "\\x1b[2Jmissing.csv" in run.stderr
    src = tmp_path / "in.csv"
    src.write_text(f"indicator,period,value\n{CLEAR}x,2024,1\n", encoding="utf-8")
    run = wsp("import", str(src))
    assert run.exit_code == 2
    assert "\x1b" not in run.stderr and "\\x1b[2Jx" in run.stderr


def test_success_messages_show_escapes_in_paths(wsp: Wsp, tmp_path: Path) -> None:
    wsp.record("1.1", "2", "--year", "2024")
    folder = tmp_path / f"{CLEAR}out"
    folder.mkdir()
    exported = wsp("export", "-o", str(folder / "wpisy.csv"))
    assert exported.exit_code == 0, exported.stderr
    imported = wsp("import", str(folder / "wpisy.csv"), "--dry-run")
    assert imported.exit_code == 0, imported.stderr
    report = wsp("report", "--year", "2024", "-o", str(folder / "r.md"))
    assert report.exit_code == 0, report.stderr
    for run in (exported, imported, report):
        assert "\x1b" not in run.stderr
        assert "\\x1b[2Jout" in run.stderr


def test_status_md_escapes_goal_headings_like_cells(make_wsp: MakeWsp) -> None:
    wsp = make_wsp(HOSTILE_PROGRAM)
    md = wsp("status", "--as-of", "2025-03-01", "-f", "md").stdout
    heading = next(line for line in md.splitlines() if line.startswith("## "))
    assert heading == r"## Goal a) Cel \_x\_ \<b\>y\</b\> \[z\](http://e) \# \\x1b\[2J"
    assert r"\[red\]warsztatów\[/red\]" in md
    assert r"Program \\x1b\]0;pwned\\x07 \[bold\]testowy\[/bold\]" in md


def test_underscores_inside_words_stay_plain_in_markdown() -> None:
    from wspolpraca_cli.render.status import markdown_text

    assert markdown_text("/tmp/test_golden_0/a.db") == "/tmp/test_golden_0/a.db"
    assert markdown_text("_a_ b_") == r"\_a\_ b\_"


# -- Rich ---------------------------------------------------------------------------------------
def rich_console(width: int = 120) -> tuple[object, io.StringIO]:
    from rich.console import Console

    buffer = io.StringIO()
    # A terminal, but without colours: any ESC in the output came from the text.
    console = Console(
        file=buffer, width=width, force_terminal=True, color_system=None, soft_wrap=False
    )
    return console, buffer


def hostile(tmp_path: Path) -> object:
    from wspolpraca_cli.loader import load_program

    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE_PROGRAM, encoding="utf-8")
    return load_program(path)


def test_rich_renderers_read_no_markup_and_show_escapes(tmp_path: Path) -> None:
    from wspolpraca_cli.entries import Entry, summarise
    from wspolpraca_cli.progress import evaluate
    from wspolpraca_cli.render.programme import ShowDocument
    from wspolpraca_cli.render.status import build_view
    from wspolpraca_cli.render.terminal import render_rich, show_rich, tree_rich

    program = hostile(tmp_path)
    entry = Entry(
        uid="a" * 32,
        indicator_id="1.1",
        period="2024",
        value=2.0,
        note=RETITLE,
        recorded_at="2024-05-01T10:00:00Z",
    )
    day = date(2025, 3, 1)
    progress = evaluate(program, summarise([entry], day), day)
    for draw in (
        lambda c: render_rich(build_view(progress, program_file="p", store="s"), c),
        lambda c: tree_rich(program, c),
        lambda c: show_rich(
            ShowDocument(program, program.indicator("1.1"), progress.indicator("1.1"), day),
            c,
        ),
    ):
        console, buffer = rich_console()
        draw(console)
        text = buffer.getvalue()
        assert "\x1b" not in text and "\x07" not in text
        assert "\\x1b[2J" in text
        assert "[red]warsztatów[/red]" in text or "[bold]testowy[/bold]" in text

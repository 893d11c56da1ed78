"""How ``wsp status``, ``check`` and ``report`` display a programme: strict dates, the main
goal, percentages just under the target, csv conventions, xlsx cells, the missing data of a
report year, plural forms, single-year programmes and the terminal layout."""

from __future__ import annotations

import io
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.conftest import MakeWsp, Wsp
from wspolpraca_cli.entries import Entry
from wspolpraca_cli.numfmt import clamped_percent, format_percent, plural_form, years_label
from wspolpraca_cli.store import open_store

runner = CliRunner()

PROGRAM = """\
format: 1
program:
  title: Program testowy
  issuer: Rada Gminy Testowo
  first_year: {first}
  last_year: {last}
goals:
  main: {{id: główny, name: Wzmacnianie współpracy}}
  specific:
    - {{id: a, name: Więcej konsultacji}}
areas:
  - id: "1"
    name: Konsultacje
    actions:
      - lp: "1"
        name: Konsultacje projektów uchwał
        goals: [a]
        indicators:
          - id: "1.1"
            name: Odsetek projektów uchwał skonsultowanych z organizacjami pozarządowymi i radą
            unit: "%"
            target: ≥ 30%
            frequency: raz w roku
          - id: "1.2"
            name: Liczba spotkań
            unit: liczba
            target: 2/rok
            frequency: raz w roku
          - id: "1.3"
            name: Ocena końcowa
            unit: liczba
            target: brak
            frequency: na koniec programu
"""


@pytest.fixture(autouse=True)
def _cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("WSP_CACHE_DIR", str(tmp_path / "cache"))


def program(tmp_path: Path, first: int = 2024, last: int = 2026) -> Path:
    path = tmp_path / "program.yaml"
    path.write_text(PROGRAM.format(first=first, last=last), encoding="utf-8")
    return path


@pytest.fixture
def wsp(make_wsp: MakeWsp, tmp_path: Path) -> Wsp:
    """The runner on this module's programme (tmp_path/program.yaml), store tmp_path/s.db."""
    return make_wsp(program(tmp_path), "s.db", lang=None)


def add(tmp_path: Path, ind: str, period: str, value: float) -> None:
    with open_store(tmp_path / "s.db") as opened:
        opened.add(Entry("", ind, period, value))


# -- numbers ----------------------------------------------------------------------------------
def test_clamped_percent_never_rounds_to_a_status_it_has_not() -> None:
    assert clamped_percent(0.9997, 1) == 99.9
    assert clamped_percent(0.99999, 0) == 99
    assert clamped_percent(1.0, 1) == 100
    assert clamped_percent(0.0001, 1) == 0.1
    assert clamped_percent(0.0, 1) == 0
    assert clamped_percent(None) is None
    assert format_percent(0.001, "pl") == "1%"


@pytest.mark.parametrize(
    ("count", "pl", "en"),
    [
        (1, "1 wpis", "1 entry"),
        (2, "2 wpisy", "2 entries"),
        (4, "4 wpisy", "4 entries"),
        (5, "5 wpisów", "5 entries"),
        (12, "12 wpisów", "12 entries"),
        (22, "22 wpisy", "22 entries"),
        (0, "0 wpisów", "0 entries"),
    ],
)
def test_plural_forms(count: int, pl: str, en: str) -> None:
    from wspolpraca_cli.i18n import set_language
    from wspolpraca_cli.render.status import entries_text

    assert plural_form(count, "pl") in ("one", "few", "many")
    set_language("pl")
    assert entries_text(count) == pl
    set_language("en")
    assert entries_text(count) == en


def test_single_year_label() -> None:
    assert years_label(2026, 2026) == "2026"
    assert years_label(2021, 2025) == "2021–2025"


# -- dates ------------------------------------------------------------------------------------
@pytest.mark.parametrize("command", ["status", "check", "report"])
@pytest.mark.parametrize("value", ["20250301", "2025-W10", "2025-3-1", "2025-02-30"])
def test_as_of_takes_only_yyyy_mm_dd(wsp: Wsp, tmp_path: Path, command: str, value: str) -> None:
    result = wsp(command, "--as-of", value)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"wsp: error: Not a date: {value!r} for --as-of.",
        "  hint: write the date as 2024-04-02 or 2.04.2024",
    ]


def test_report_date_variable_takes_only_yyyy_mm_dd(wsp: Wsp, tmp_path: Path) -> None:
    result = wsp("report", "--year", "2024", env={"WSP_REPORT_DATE": "20250301"})
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "wsp: error: Not a date: '20250301' in WSP_REPORT_DATE.",
        "  hint: write the date as 2024-04-02 or 2.04.2024",
    ]


# -- goals ------------------------------------------------------------------------------------
def test_main_goal_is_labelled_as_such(wsp: Wsp, tmp_path: Path) -> None:
    result = wsp("status", "--goal", "główny", "--as-of", "2025-03-01")
    assert result.exit_code == 0, result.stderr
    assert "Main goal: główny — Wzmacnianie współpracy (every indicator)" in result.stdout
    assert "Specific goal" not in result.stdout


def test_unknown_goal_hint_lists_the_main_goal(wsp: Wsp, tmp_path: Path) -> None:
    result = wsp("status", "--goal", "zz")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == "wsp: error: No goal 'zz' in the programme."
    assert "  hint: main goal: główny (every indicator); specific goals: a" in (
        result.stderr.splitlines()
    )


# -- percentages just under the target and csv conventions ------------------------------------
def test_just_under_the_floor_is_never_100_in_csv(wsp: Wsp, tmp_path: Path) -> None:
    add(tmp_path, "1.1", "2024", 29.99)
    result = wsp("--lang", "pl", "status", "--year", "2024", "--as-of", "2025-06-01")
    plain = result.stdout
    assert "nie osiągnięto" in plain
    csv_out = wsp("--lang", "pl", "status", "--year", "2024", "--as-of", "2025-06-01", "-f", "csv")
    assert csv_out.exit_code == 0
    assert csv_out.stdout.startswith("\ufeffCele;Działanie;ID;")
    row = next(r for r in csv_out.stdout.splitlines() if r.startswith("a;1.1;1.1;"))
    assert row.split(";")[6:10] == ["30", "29,99", "1", "99,9"]
    report = wsp("--lang", "pl", "report", "--year", "2024", "--as-of", "2025-06-01", "-f", "csv")
    assert report.exit_code == 0
    assert report.stdout.startswith("\ufeffObszar;")
    line = next(r for r in report.stdout.splitlines() if ";1.1;" in r)
    assert ";99,9;nie osiągnięto;missed;" in line


def test_english_csv_is_comma_separated_with_a_bom(wsp: Wsp, tmp_path: Path) -> None:
    add(tmp_path, "1.1", "2024", 29.99)
    out = wsp("status", "--year", "2024", "--as-of", "2025-06-01", "-f", "csv")
    assert out.stdout.startswith("\ufeffGoals,Action,ID,")
    assert "a,1.1,1.1," in out.stdout and ",29.99,1,99.9," in out.stdout


def test_xlsx_cells_show_what_the_report_shows(wsp: Wsp, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    add(tmp_path, "1.1", "2024", 29.99)
    add(tmp_path, "1.2", "2024", 2)
    out = tmp_path / "r.xlsx"
    result = wsp("report", "--year", "2024", "--as-of", "2025-06-01", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    ws = openpyxl.load_workbook(out).worksheets[0]
    rows = {str(r[2].value).split(" ")[0]: r for r in ws.iter_rows() if r[2].value and r[7].value}
    percent_row, count_row = rows["1.1"], rows["1.2"]
    assert percent_row[5].value == pytest.approx(0.2999)
    assert percent_row[5].number_format == "0.0#%"
    # the degree of achievement (after the previous year's value and the change): per cent,
    # under a "(%)" header
    assert percent_row[8].value == pytest.approx(99.9)
    assert percent_row[8].number_format == "#,##0.0#"
    assert count_row[5].value == 2 and count_row[5].number_format == "#,##0"
    assert count_row[8].value == 100 and count_row[8].number_format == "#,##0"


def test_xlsx_number_formats() -> None:
    from wspolpraca_cli.render.report_xlsx import number_format

    assert number_format(2) == "#,##0"
    assert number_format(2.5) == "#,##0.0#"
    assert number_format(0.6, percent=True) == "0%"
    assert number_format(0.625, percent=True) == "0.0#%"


def test_xlsx_yes_no_as_words(wsp: Wsp, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    prog = tmp_path / "yesno.yaml"
    prog.write_text(
        PROGRAM.format(first=2024, last=2026).replace(
            "target: brak\n            frequency: na koniec programu",
            "target: brak\n            frequency: na koniec programu\n"
            "          - {id: '1.4', name: Uchwała przyjęta, unit: tak/nie, target: tak, "
            "frequency: raz w roku}",
        ),
        encoding="utf-8",
    )
    with open_store(tmp_path / "s.db") as opened:
        opened.add(Entry("", "1.4", "2024", 1))
    out = tmp_path / "r.xlsx"
    result = wsp.using(prog)(
        "--lang", "pl", "report", "--year", "2024", "--as-of", "2025-06-01", "-o", str(out),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    ws = openpyxl.load_workbook(out).worksheets[0]
    row = next(r for r in ws.iter_rows() if str(r[2].value).startswith("1.4 "))
    assert row[5].value == "tak"


# -- the report's missing data ----------------------------------------------------------------
def test_missing_data_lists_only_what_is_due_in_the_year(wsp: Wsp, tmp_path: Path) -> None:
    result = wsp("report", "--year", "2024", "--as-of", "2025-06-10")
    assert result.exit_code == 0, result.stderr
    missing = result.stdout.split("## Missing data", 1)[1]
    assert "1.1 " in missing and "1.2 " in missing
    assert "1.3 " not in missing  # measured at the end of the programme, due in 2027


# -- output files -----------------------------------------------------------------------------
def test_report_refuses_an_unknown_extension(wsp: Wsp, tmp_path: Path) -> None:
    out = tmp_path / "r.txt"
    result = wsp("report", "--year", "2024", "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"wsp: error: Cannot tell the format of {out} from its extension; the known ones are "
        ".md, .markdown, .html, .htm, .csv, .xlsx, .docx, .odt.",
        "  hint: change the extension, or give --format (md, html, csv, xlsx, docx, odt)",
    ]
    assert not out.exists()
    forced = wsp("report", "--year", "2024", "-o", str(out), "--format", "md")
    assert forced.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# ")


def test_report_refuses_an_unknown_extension_in_polish(wsp: Wsp, tmp_path: Path) -> None:
    out = tmp_path / "r.txt"
    result = wsp("--lang", "pl", "report", "--year", "2024", "-o", str(out))
    assert result.exit_code == 2
    assert "znane rozszerzenia to .md" in result.stderr


# -- cosmetics --------------------------------------------------------------------------------
def test_single_year_programme_shows_one_year(wsp: Wsp, tmp_path: Path) -> None:
    prog = program(tmp_path, 2026, 2026)
    result = wsp.using(prog)("status", "--as-of", "2026-03-01")
    assert result.exit_code == 0, result.stderr
    assert "2026–2026" not in result.stdout
    report = wsp.using(prog)("report", "--year", "2026", "--as-of", "2027-06-01")
    assert "2026–2026" not in report.stdout
    assert "- **Programme period:** 2026" in report.stdout
    outside = wsp.using(prog)("status", "--year", "2027")
    assert outside.exit_code == 2
    assert "The year 2027 is outside the programme's years 2026." in outside.stderr


def test_check_before_the_programme_starts(wsp: Wsp, tmp_path: Path) -> None:
    prog = program(tmp_path, 2028, 2030)
    result = wsp.using(prog)("check", "--as-of", "2026-03-01")
    assert result.exit_code == 0
    assert (
        "As of 1 March 2026; the programme begins on 1 January 2028 — there is nothing to "
        "check yet." in result.stdout.splitlines()
    )


def test_status_says_when_the_store_does_not_exist_yet(wsp: Wsp, tmp_path: Path) -> None:
    result = wsp("status", "--as-of", "2025-03-01")
    assert f"Measurement store: {tmp_path / 's.db'} (no entries yet)" in result.stdout
    add(tmp_path, "1.2", "2024", 2)
    again = wsp("status", "--as-of", "2025-03-01")
    assert f"Measurement store: {tmp_path / 's.db'}" in again.stdout.splitlines()


def test_long_names_are_never_cut(wsp: Wsp, tmp_path: Path) -> None:
    name = "Odsetek projektów uchwał skonsultowanych z organizacjami pozarządowymi i radą"
    check = wsp("check", "--as-of", "2025-06-10")
    assert f"(1.1 ({name})" in check.stdout or f"1.1 ({name})" in check.stdout
    md = wsp("status", "--as-of", "2025-06-10", "-f", "md")
    assert name in md.stdout
    plain = wsp("status", "--as-of", "2025-06-10")
    assert "…" not in plain.stdout
    assert "Odsetek projektów uchwał skonsultowanych z" in plain.stdout
    assert "organizacjami pozarządowymi i radą" in plain.stdout


# -- the terminal table -----------------------------------------------------------------------
@pytest.mark.parametrize("width", [60, 80, 120, 200])
def test_terminal_table_fits_and_cuts_no_status(tmp_path: Path, width: int) -> None:
    from rich.console import Console

    from wspolpraca_cli.i18n import set_language
    from wspolpraca_cli.loader import load_program
    from wspolpraca_cli.progress import evaluate
    from wspolpraca_cli.render.status import build_view
    from wspolpraca_cli.render.terminal import render_rich

    set_language("pl")
    prog = load_program(program(tmp_path))
    view = build_view(evaluate(prog, [], date(2025, 3, 1)), program_file="p", store="s")
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=None, force_terminal=False)
    render_rich(view, console)
    text = buffer.getvalue()
    lines = text.splitlines()
    assert all(len(line.rstrip()) <= width for line in lines)
    assert "oczekuje na dane" in text and "w trakcie" in text
    assert "Cel a) Więcej konsultacji" in lines
    assert "  Działanie 1.1: Konsultacje projektów uchwał" in lines
    assert "…" not in text
    assert lines[4] == ""  # a blank line between the header block and the table
    set_language("en")


def _table_as_before(rows: list[list[str]], headers: list[str], align: str) -> list[str]:
    """The plain table as simple_table_rows laid it out cell by cell (the oracle)."""
    split = [[c.split("\n") for c in r] for r in rows]
    widths = [
        max([len(h)] + [len(part) for r in split for part in r[n]]) for n, h in enumerate(headers)
    ]

    def fmt(cells: list[str]) -> str:
        parts = [
            c.rjust(w) if a == "r" else c.ljust(w)
            for c, w, a in zip(cells, widths, align, strict=True)
        ]
        return "  ".join(parts).rstrip()

    out = [fmt(headers), "  ".join("-" * w for w in widths)]
    for r in split:
        height = max(len(c) for c in r)
        out += [fmt([c[k] if k < len(c) else "" for c in r]) for k in range(height)]
    return out


_CELL = st.text(st.sampled_from("ab {}ż%…\n —"), max_size=12)


@given(
    st.integers(min_value=1, max_value=5).flatmap(
        lambda n: st.tuples(
            st.lists(st.lists(_CELL, min_size=n, max_size=n), max_size=8),
            st.lists(st.text("Hdr ż", max_size=6), min_size=n, max_size=n),
            st.text("lr", min_size=n, max_size=n),
        )
    )
)
def test_the_plain_table_is_laid_out_as_cell_by_cell(
    table: tuple[list[list[str]], list[str], str],
) -> None:
    from wspolpraca_cli.render.status import simple_table

    rows, headers, align = table
    assert simple_table(rows, headers, align) == _table_as_before(rows, headers, align)


@given(
    st.lists(
        st.tuples(st.text("ab ż\n…", max_size=5), st.sampled_from([None, "bold", "green", "dim"])),
        max_size=12,
    ),
    st.lists(st.integers(1, 4), max_size=12),
    st.sampled_from(["256", None]),
)
def test_unstyled_segments_joined_print_as_they_were(
    parts: list[tuple[str, str | None]], chunks: list[int], colours: str | None
) -> None:
    """The terminal table hands Rich each run of unstyled segments as one, whatever pieces
    it puts them in (a row's line, a heading): the same output."""
    from rich.console import Console
    from rich.segment import Segment, Segments
    from rich.style import Style

    from wspolpraca_cli.render.terminal import _Joined

    segments = [Segment(text, Style.parse(style) if style else None) for text, style in parts]

    def printed(these: list[Segment]) -> str:
        out = io.StringIO()
        console = Console(file=out, force_terminal=True, width=40, color_system=colours)
        console.print(Segments(these), end="", crop=False)
        return out.getvalue()

    joined = _Joined(Segment)
    start = 0
    for size in [*chunks, len(segments)]:  # the rest in one piece
        joined.put(segments[start : start + size])
        start += size
    found = joined.done()
    assert printed(found) == printed(segments)
    # no two unstyled segments side by side
    assert not any(a.style is None and b.style is None for a, b in pairwise(found))


@given(
    st.lists(
        st.tuples(
            st.text("ab ż█\n", max_size=5),
            st.sampled_from(
                [
                    None,
                    "",
                    "bold",
                    "bold green",
                    "dim",
                    "bold red reverse",
                    "italic",
                    "yellow on blue",
                    "underline #ff8800",
                ]
            ),
        ),
        max_size=10,
    ),
    st.sampled_from(["truecolor", "256", "standard", "windows", None]),
    st.booleans(),
)
def test_painted_segments_print_as_styled_ones(
    parts: list[tuple[str, str | None]], colours: str | None, no_color: bool
) -> None:
    """A segment painted by the terminal table (its style rendered into its text, see
    ``_painter``) prints as Rich prints the styled segment, in every colour system and under
    NO_COLOR; a console that records gets the styled segments themselves."""
    from rich.console import Console
    from rich.segment import Segment, Segments
    from rich.style import Style

    from wspolpraca_cli.render.terminal import _painter

    def console(out: io.StringIO, record: bool = False) -> Console:
        return Console(file=out, force_terminal=True, width=40, color_system=colours,
                       no_color=no_color, record=record)  # fmt: skip

    styled = [(text, Style.parse(style) if style else None) for text, style in parts]

    def printed(these: list[Segment]) -> str:
        out = io.StringIO()
        console(out).print(Segments(these), end="", crop=False)
        return out.getvalue()

    paint = _painter(console(io.StringIO()))
    painted = [paint(text, style) for text, style in styled]
    assert all(segment.style is None for segment in painted)
    assert printed(painted) == printed([Segment(text, style) for text, style in styled])
    recording = _painter(console(io.StringIO(), record=True))
    assert [recording(text, style) for text, style in styled] == [
        Segment(text, style) for text, style in styled
    ]

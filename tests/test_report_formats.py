"""``wsp report`` as HTML (parsed; rendered by headless Chromium and checked by axe-core in
tests/test_report_a11y.py) and XLSX (read back with openpyxl), and every error of the command
with its message and exit code."""

from __future__ import annotations

import importlib.util
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.conftest import Wsp
from tests.test_report_golden import seed_store
from wspolpraca_cli.cli.app import app

runner = CliRunner()


@pytest.fixture
def wsp(shipped_wsp: Wsp, monkeypatch: pytest.MonkeyPatch) -> Wsp:
    """These tests run on the shipped programme (store ``tmp_path/s.db``), reporting on
    2025-05-20 unless a test's ``env`` says otherwise."""
    monkeypatch.setenv("WSP_REPORT_DATE", "2025-05-20")
    return shipped_wsp


class Tables(HTMLParser):
    """Collects every table's rows of cell texts, the <style>, links and scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[tuple[dict[str, str | None], list[list[str]]]] = []
        self.cell: list[str] | None = None
        self.row: list[str] | None = None
        self.external: list[str] = []
        self.style = ""
        self.in_style = False
        self.statuses: list[str] = []
        self.bars: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "table":
            self.tables.append((found, []))
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th"):
            self.cell = []
        elif tag in ("script", "link", "img", "iframe"):
            self.external.append(tag)
        elif tag == "style":
            self.in_style = True
        elif tag == "span" and found.get("data-status"):
            self.statuses.append(str(found["data-status"]))
        elif tag == "span" and (found.get("style") or "").startswith("width:"):
            self.bars.append(str(found["style"]))
        for _, value in attrs:
            if value and value.startswith(("http:", "https:", "//")):
                self.external.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row.append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.tables[-1][1].append(self.row)
            self.row = None
        elif tag == "style":
            self.in_style = False

    def handle_data(self, data: str) -> None:
        if self.in_style:
            self.style += data
        if self.cell is not None:
            self.cell.append(data)


def html_report(wsp: Wsp, tmp_path: Path, lang: str = "pl") -> tuple[Path, str]:
    seed_store(tmp_path / "s.db")
    out = tmp_path / "sprawozdanie-2024.html"
    result = wsp("--lang", lang, "report", "--year", "2024", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    return out, out.read_text(encoding="utf-8")


def test_html_report_table(wsp: Wsp, tmp_path: Path) -> None:
    _, text = html_report(wsp, tmp_path)
    assert text.startswith("<!DOCTYPE html>")
    parser = Tables()
    parser.feed(text)
    meta = {row[0]: row[1] for row in parser.tables[0][1]}
    assert meta["Organ"] == "Samorząd Województwa Kujawsko-Pomorskiego"
    assert meta["Rok sprawozdawczy"] == "2024"
    assert meta["Data sporządzenia"] == "20 maja 2025"
    attrs, rows = parser.tables[1]
    assert attrs["data-area"] == "1"
    assert rows[0] == [
        "L.p.",
        "Nazwa działania",
        "Wskaźnik",
        "Wartość docelowa",
        "Częstotliwość pomiaru",
        "Wartość osiągnięta",
        "Wartość w 2023 r.",
        "Zmiana",
        "Stopień realizacji (%)",
        "Status",
        "Uwagi i źródła",
    ]
    cells = rows[1]
    assert cells[0] == "1"
    assert cells[1].startswith("warsztaty i szkolenia dla organizacji")
    assert cells[2:10] == [
        "1.1 Liczba warsztatów",
        "1/rok",
        "Raz w roku",
        "3",
        "0",
        "+3",
        "300",
        "osiągnięto",
    ]
    assert "warsztaty w Toruniu i Bydgoszczy" in cells[10]
    assert "źródło: lista obecności" in cells[10]
    # user text is escaped, never markup
    assert "szkolenie <online> | konsultacje & *prawo*" in cells[10]
    assert "&lt;online&gt;" in text and "<online>" not in text
    assert parser.statuses == ["achieved"]
    assert parser.bars == ["width:100%;background:#1b6e20"]
    goal_rows = parser.tables[2][1]
    assert goal_rows[1][:3] == [
        "a) zwiększenie wpływu sektora pozarządowego i społeczności lokalnych na kreowanie "
        "i realizację polityk publicznych",
        "1",
        "1 z 1",
    ]


def test_html_is_self_contained_and_printable(wsp: Wsp, tmp_path: Path) -> None:
    _, text = html_report(wsp, tmp_path)
    parser = Tables()
    parser.feed(text)
    assert parser.external == []  # no scripts, links, images or remote URLs in attributes
    assert "@page" in parser.style and "A4" in parser.style
    assert "@media print" in parser.style
    assert "url(" not in parser.style and "@import" not in parser.style
    assert '<html lang="pl">' in text


def test_html_report_in_english(wsp: Wsp, tmp_path: Path) -> None:
    _, text = html_report(wsp, tmp_path, "en")
    parser = Tables()
    parser.feed(text)
    assert parser.tables[1][1][0][:3] == ["No.", "Action", "Indicator"]
    assert parser.tables[1][1][1][9] == "achieved"
    assert "Report on the programme&#x27;s implementation in 2024" in text


def test_html_shows_missing_data_and_bars(wsp: Wsp, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = wsp("report", "--year", "2024", "--as-of", "2025-06-01", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "1.1 Liczba warsztatów — 2024: no entry (overdue; due 31 May 2025)" in text
    # no command line in the document: how to fill the gap in goes to standard error
    assert "wsp record" not in text
    assert result.stderr.splitlines() == [
        f"Wrote the report for 2024: {out}",
        "Missing data (not in the report) — how to fill it in:",
        "  To fill in: wsp record 1.1 VALUE --period 2024",
    ]


# -- xlsx -------------------------------------------------------------------------------------
def test_xlsx_cells(wsp: Wsp, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    seed_store(tmp_path / "s.db")
    out = tmp_path / "sprawozdanie.xlsx"
    result = wsp("--lang", "pl", "report", "--year", "2024", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.strip() == f"Zapisano sprawozdanie za rok 2024: {out}"
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Sprawozdanie 2024", "Cele", "Braki danych"]
    sheet = book["Sprawozdanie 2024"]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][0] == "Sprawozdanie z realizacji programu za rok 2024"
    header = next(n for n, row in enumerate(values) if row[0] == "L.p.")
    assert values[header][:11] == [
        "L.p.",
        "Nazwa działania",
        "Wskaźnik",
        "Wartość docelowa",
        "Częstotliwość pomiaru",
        "Wartość osiągnięta",
        "Wartość w 2023 r.",
        "Zmiana",
        "Stopień realizacji (%)",
        "Status",
        "Uwagi i źródła",
    ]
    row = values[header + 1]
    assert row[:3] == ["1", row[1], "1.1 Liczba warsztatów"]
    assert row[3:10] == ["1/rok", "Raz w roku", 3, 0, 3, 300, "osiągnięto"]
    assert sheet.cell(row=header + 2, column=9).number_format == "#,##0"
    assert "źródło: lista obecności" in row[10]
    goals = [[c.value for c in r] for r in book["Cele"].iter_rows()]
    assert goals[0][0] == "Podsumowanie według celów szczegółowych"
    assert goals[1] == ["Cel szczegółowy", "Wskaźniki", "Osiągnięte wartości docelowe", "Statusy"]
    assert goals[2][1:3] == [1, "1 z 1"]
    missing = book["Braki danych"]
    assert missing.cell(row=1, column=1).value == "Brakujące dane"
    assert missing.cell(row=2, column=1).value == "Wszystkie wskaźniki mają dane za rok 2024."


def test_xlsx_without_openpyxl_names_the_extra(
    wsp: Wsp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = importlib.util.find_spec

    def no_openpyxl(name: str, *args: Any) -> Any:
        return None if name == "openpyxl" else real(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", no_openpyxl)
    out = tmp_path / "r.xlsx"
    result = wsp("report", "--year", "2024", "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "wsp: error: The xlsx format needs the openpyxl package, which is not installed.",
        "  hint: reinstall wsp with its dependencies (pip install openpyxl), "
        "or choose --format html, md or csv",
    ]
    assert not out.exists()


# -- files and errors ---------------------------------------------------------------------------
def test_md_and_csv_go_to_stdout_and_files(wsp: Wsp, tmp_path: Path) -> None:
    seed_store(tmp_path / "s.db")
    to_stdout = wsp("report", "--year", "2024")
    assert to_stdout.exit_code == 0
    assert to_stdout.stdout.startswith("# Report on the programme's implementation in 2024")
    out = tmp_path / "r.md"
    to_file = wsp("report", "--year", "2024", "-o", str(out))
    assert to_file.exit_code == 0
    assert out.read_text(encoding="utf-8") == to_stdout.stdout
    csv_out = tmp_path / "r.csv"
    assert wsp("report", "--year", "2024", "-o", str(csv_out)).exit_code == 0
    assert csv_out.read_bytes().startswith(b"\xef\xbb\xbfArea,No.,Action,")  # BOM for Excel
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_existing_file_needs_force(wsp: Wsp, tmp_path: Path) -> None:
    seed_store(tmp_path / "s.db")
    out = tmp_path / "r.html"
    out.write_text("keep me", encoding="utf-8")
    result = wsp("report", "--year", "2024", "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"wsp: error: The file {out} already exists.",
        "  hint: add --force to overwrite it, or choose another name",
    ]
    assert out.read_text(encoding="utf-8") == "keep me"
    forced = wsp("report", "--year", "2024", "-o", str(out), "--force")
    assert forced.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_existing_file_in_polish(wsp: Wsp, tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    out.write_text("x", encoding="utf-8")
    result = wsp("--lang", "pl", "report", "--year", "2024", "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == f"wsp: błąd: Plik {out} już istnieje."


@pytest.mark.parametrize("fmt", ["html", "xlsx", "docx", "odt"])
def test_binary_formats_need_output(wsp: Wsp, tmp_path: Path, fmt: str) -> None:
    result = wsp("report", "--year", "2024", "--format", fmt)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"wsp: error: A {fmt} report must be written to a file.",
        f"  hint: add -o FILE, e.g. -o report-2024.{fmt}",
    ]
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "lines"),
    [
        (
            ["--year", "2019"],
            [
                "wsp: error: The year 2019 is outside the programme's years 2021–2025.",
                "  hint: give a year from 2021 to 2025",
            ],
        ),
        (
            ["--year", "2024", "--as-of", "31/05/2025"],
            [
                "wsp: error: Not a date: '31/05/2025' for --as-of.",
                "  hint: write the date as 2024-04-02 or 2.04.2024",
            ],
        ),
        (
            ["--year", "2024", "--lang", "fr"],
            ["wsp: error: Unknown language 'fr'.", "  hint: use pl or en"],
        ),
    ],
)
def test_bad_arguments(wsp: Wsp, tmp_path: Path, args: list[str], lines: list[str]) -> None:
    result = wsp("report", *args)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == lines


def test_bad_report_date_variable(wsp: Wsp, tmp_path: Path) -> None:
    result = wsp("report", "--year", "2024", env={"WSP_REPORT_DATE": "jutro"})
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == "wsp: error: Not a date: 'jutro' in WSP_REPORT_DATE."


def test_default_year_is_the_previous_one(wsp: Wsp, tmp_path: Path) -> None:
    result = wsp("report")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# Report on the programme's implementation in 2024")
    outside = wsp("report", env={"WSP_REPORT_DATE": "2030-01-01"})
    assert outside.exit_code == 2
    assert outside.stderr.splitlines() == [
        "wsp: error: The year 2029 is outside the programme's years 2021–2025; there is no "
        "default.",
        "  hint: give --year, from 2021 to 2025",
    ]


def test_missing_directory_and_a_directory(wsp: Wsp, tmp_path: Path) -> None:
    missing = tmp_path / "nope" / "r.md"
    result = wsp("report", "--year", "2024", "-o", str(missing))
    assert result.exit_code == 3  # the file system's, as for every command that writes
    assert result.stderr.splitlines() == [
        f"wsp: error: The folder {missing.parent} does not exist.",
        f"  hint: create it (mkdir -p {missing.parent}), or give another path",
    ]
    result = wsp("report", "--year", "2024", "-o", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == f"wsp: error: {tmp_path} is a folder, not a file."


def test_write_failure_is_exit_3_and_leaves_nothing(
    wsp: Wsp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    def full_disk(src: Any, dst: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    monkeypatch.setattr(os, "link", full_disk)
    out = tmp_path / "r.md"
    result = wsp("report", "--year", "2024", "-o", str(out))
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        f"wsp: error: Cannot write {out}: No space left on device"
    ]
    assert list(tmp_path.iterdir()) == []


def test_damaged_store_is_exit_3(wsp: Wsp, tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    store.write_bytes(b"garbage" * 500)
    result = wsp("report", "--year", "2024")
    assert result.exit_code == 3
    assert result.stderr.startswith("wsp: error: ")
    assert "Traceback" not in result.stderr


def test_help_has_examples() -> None:
    result = runner.invoke(app, ["report", "--help"])
    assert result.exit_code == 0
    assert "wsp report --year 2024 -o sprawozdanie-2024.html" in result.stdout


def test_help_in_polish() -> None:
    import sys

    def helptext(command: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "wspolpraca_cli", "--lang", "pl", command, "--help"],
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        )
        return " ".join(done.stdout.split())

    report_help, check_help = helptext("report"), helptext("check")
    assert "Przygotuj roczne sprawozdanie z realizacji programu" in report_help
    assert "Język tego polecenia: pl lub en" in report_help
    assert "Nic nie wypisuj, gdy nie ma problemów" in check_help
    assert "Przykłady: wsp check" in check_help


def test_notes_of_an_entry_counted_in_its_due_year(tmp_path: Path) -> None:
    """A milestone measured once (tak w 2025) is recorded for the whole programme and counts
    for 2025: the 2025 report shows its note and source."""
    from tests.conftest import REPO

    example = REPO / "examples" / "przyklad-pelny.yaml"
    base = ["--program", str(example), "--store", str(tmp_path / "s.wsp.db")]
    recorded = runner.invoke(
        app,
        [*base, "record", "2.2", "tak", "--period", "2024-2026",
         "--note", "CENTRUM-OTWARTE", "--source", "uchwała 12"],
    )  # fmt: skip
    assert recorded.exit_code == 0, recorded.stderr
    report = runner.invoke(
        app, [*base, "report", "--year", "2025", "--as-of", "2026-01-10", "--format", "md"]
    )
    assert report.exit_code == 0, report.stderr
    row = next(line for line in report.stdout.splitlines() if "2.2 Centrum działa" in line)
    assert "CENTRUM-OTWARTE" in row and "uchwała 12" in row

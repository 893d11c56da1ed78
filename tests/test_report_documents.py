"""``wsp report`` as Word (docx) and OpenDocument (odt) files, read back with python-docx and
as ODF XML; the multi-year evaluation's options and errors; the libraries imported only by
the formats that need them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import MakeWsp, Wsp
from tests.test_report_golden import seed_store


@pytest.fixture
def wsp(shipped_wsp: Wsp, monkeypatch: pytest.MonkeyPatch) -> Wsp:
    monkeypatch.setenv("WSP_REPORT_DATE", "2025-05-20")
    return shipped_wsp


def write(wsp: Wsp, tmp_path: Path, name: str, *args: str) -> Path:
    if not (tmp_path / "s.db").exists():
        seed_store(tmp_path / "s.db")
    out = tmp_path / name
    result = wsp(*args, "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    return out


# -- docx ---------------------------------------------------------------------------------------
def docx_parts(path: Path) -> tuple[list[tuple[str, str]], list[list[list[str]]], object]:
    import docx

    document = docx.Document(str(path))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs if p.text]
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    return paragraphs, tables, document


def test_docx_year_report_in_polish(wsp: Wsp, tmp_path: Path) -> None:
    out = write(wsp, tmp_path, "sprawozdanie.docx", "--lang", "pl", "report", "--year", "2024")
    paragraphs, tables, document = docx_parts(out)
    headings = [(style, text) for style, text in paragraphs if style.startswith("Heading")]
    assert headings[:3] == [
        ("Heading 1", "Sprawozdanie z realizacji programu za rok 2024"),
        ("Heading 2", "Realizacja działań i wskaźników"),
        (
            "Heading 3",
            "Obszar 1) zwiększenie wpływu sektora pozarządowego i społeczności lokalnych na "
            "kreowanie i realizację polityk publicznych",
        ),
    ]
    assert [h for _, h in headings[3:]] == [
        "Podsumowanie według celów szczegółowych",
        "Brakujące dane",
    ]
    facts = dict((row[0], row[1]) for row in tables[0])
    assert facts["Rok sprawozdawczy"] == "2024"
    actions = tables[1]
    assert actions[0] == [
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
    assert actions[1][2:10] == [
        "1.1 Liczba warsztatów",
        "1/rok",
        "Raz w roku",
        "3",
        "0",
        "+3",
        "300",
        "osiągnięto",
    ]
    assert "szkolenie <online> | konsultacje & *prawo*" in actions[1][10]
    assert tables[2][0] == [
        "Cel szczegółowy",
        "Wskaźniki",
        "Osiągnięte wartości docelowe",
        "Statusy",
    ]
    captions = [text for style, text in paragraphs if style == "Caption"]
    assert captions[0] == headings[2][1]  # each table's caption names it
    assert captions[-1] == "Podsumowanie według celów szczegółowych"
    # the language: in the properties and on the default run properties
    assert document.core_properties.language == "pl-PL"  # type: ignore[attr-defined]
    styles = zipfile.ZipFile(out).read("word/styles.xml").decode("utf-8")
    assert 'w:lang w:val="pl-PL"' in styles
    body = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    assert "wsp record" not in body
    assert body.count("<w:tblHeader/>") == 2  # each table's header row repeats on every page


def test_docx_in_english_and_the_evaluation(wsp: Wsp, tmp_path: Path) -> None:
    out = write(wsp, tmp_path, "eval.docx", "--lang", "en", "report", "--years", "2021-2025")
    paragraphs, tables, document = docx_parts(out)
    assert paragraphs[0] == (
        "Heading 1",
        "Evaluation of the programme's implementation, 2021–2025",
    )
    assert tables[1][0][4:11] == [
        "2021",
        "2022",
        "2023",
        "2024",
        "2025",
        "Total 2021–2025",
        "Target 2021–2025",
    ]
    assert tables[1][1][2:] == [
        "1.1 Liczba warsztatów",
        "1/rok",
        "—",
        "—",
        "0",
        "3",
        "—",
        "3",
        "5",
        "60",
        "1 of 5",
        "in progress",
    ]
    assert document.core_properties.language == "en-GB"  # type: ignore[attr-defined]


# -- odt ----------------------------------------------------------------------------------------
NS = {
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
}


def _text(node: ElementTree.Element) -> str:
    return "".join(node.itertext())


def odt_parts(path: Path) -> tuple[list[tuple[str, str]], list[list[list[str]]], ZipFileText]:
    archive = zipfile.ZipFile(path)
    assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.text"
    content = ElementTree.fromstring(archive.read("content.xml"))
    level = f"{{{NS['text']}}}outline-level"
    headings = [(h.get(level) or "", _text(h)) for h in content.iter(f"{{{NS['text']}}}h")]
    tables = []
    for table in content.iter(f"{{{NS['table']}}}table"):
        rows = []
        for row in table.iter(f"{{{NS['table']}}}table-row"):
            cells = row.findall(f"{{{NS['table']}}}table-cell")
            rows.append(
                ["\n".join(_text(p) for p in c.findall(f"{{{NS['text']}}}p")) for c in cells]
            )
        tables.append(rows)
    return headings, tables, ZipFileText(archive)


class ZipFileText:
    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive

    def __getitem__(self, name: str) -> str:
        return self.archive.read(name).decode("utf-8")


def test_odt_year_report(wsp: Wsp, tmp_path: Path) -> None:
    out = write(wsp, tmp_path, "sprawozdanie.odt", "--lang", "pl", "report", "--year", "2024")
    headings, tables, files = odt_parts(out)
    assert [lvl for lvl, _ in headings] == ["1", "2", "3", "2", "2"]
    assert headings[0][1] == "Sprawozdanie z realizacji programu za rok 2024"
    assert headings[3:] == [
        ("2", "Podsumowanie według celów szczegółowych"),
        ("2", "Brakujące dane"),
    ]
    actions = tables[1]
    assert actions[0][5:10] == [
        "Wartość osiągnięta",
        "Wartość w 2023 r.",
        "Zmiana",
        "Stopień realizacji (%)",
        "Status",
    ]
    assert actions[1][2:10] == [
        "1.1 Liczba warsztatów",
        "1/rok",
        "Raz w roku",
        "3",
        "0",
        "+3",
        "300",
        "osiągnięto",
    ]
    # a real table with a repeated header row, numbers as numbers
    content = files["content.xml"]
    assert "<table:table-header-rows>" in content
    assert 'office:value-type="float" office:value="3"' in content
    styles = ElementTree.fromstring(files["styles.xml"].encode("utf-8"))
    props = [
        p
        for d in styles.iter(f"{{{NS['style']}}}default-style")
        for p in d.iter(f"{{{NS['style']}}}text-properties")
    ]
    assert (props[0].get(f"{{{NS['fo']}}}language"), props[0].get(f"{{{NS['fo']}}}country")) == (
        "pl",
        "PL",
    )
    assert "<dc:language>pl-PL</dc:language>" in files["meta.xml"]
    assert "wsp record" not in content


def test_odt_evaluation_in_english(wsp: Wsp, tmp_path: Path) -> None:
    out = write(wsp, tmp_path, "eval.odt", "--lang", "en", "report", "--years", "2023-2024")
    headings, tables, files = odt_parts(out)
    assert headings[0] == ("1", "Evaluation of the programme's implementation, 2023–2024")
    assert tables[1][0][4:8] == ["2023", "2024", "Total 2023–2024", "Target 2023–2024"]
    assert tables[1][1][4:] == ["0", "3", "3", "2", "150", "1 of 2", "achieved"]
    assert "<dc:language>en-GB</dc:language>" in files["meta.xml"]


# -- the same content in every format -----------------------------------------------------------
def test_every_format_has_the_same_headings(wsp: Wsp, tmp_path: Path) -> None:
    import docx

    seed_store(tmp_path / "s.db")
    md = wsp("--lang", "pl", "report", "--years", "2021-2025")
    md_headings = [
        line.lstrip("#").strip() for line in md.stdout.splitlines() if line.startswith("#")
    ]
    out = write(wsp, tmp_path, "e.docx", "--lang", "pl", "report", "--years", "2021-2025")
    word = [p.text for p in docx.Document(str(out)).paragraphs if p.style.name.startswith("Head")]
    odt_file = write(wsp, tmp_path, "e.odt", "--lang", "pl", "report", "--years", "2021-2025")
    odt = [text for _, text in odt_parts(odt_file)[0]]
    html = write(wsp, tmp_path, "e.html", "--lang", "pl", "report", "--years", "2021-2025")
    import re

    page = html.read_text(encoding="utf-8")
    html_headings = [re.sub("<[^>]+>", "", h) for h in re.findall(r"<h[1-6]>(.*?)</h[1-6]>", page)]
    assert md_headings == word == odt == html_headings
    assert md_headings[0] == "Ocena realizacji programu w latach 2021–2025"


# -- --years: options and errors ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("args", "lines"),
    [
        (
            ["--years", "2019-2025"],
            [
                "wsp: error: The years 2019–2025 reach outside the programme's years 2021–2025.",
                "  hint: give years from 2021 to 2025",
            ],
        ),
        (
            ["--years", "2025-2021"],
            [
                "wsp: error: The range '2025-2021' runs backwards: 2025 is after 2021.",
                "  hint: give the earlier year first: --years 2021-2025",
            ],
        ),
        (
            ["--years", "2021/2025"],
            [
                "wsp: error: Not a range of years: '2021/2025' for --years.",
                "  hint: write it as FIRST-LAST, e.g. --years 2021-2025",
            ],
        ),
        (
            ["--years", "2021-2025", "--year", "2024"],
            [
                "wsp: error: Give --year or --years, not both.",
                "  hint: --year 2024 is the annual report, --years 2021-2025 the multi-year "
                "evaluation",
            ],
        ),
        (
            ["--years", "2021-2025", "--format", "docx"],
            [
                "wsp: error: A docx report must be written to a file.",
                "  hint: add -o FILE, e.g. -o report-2021-2025.docx",
            ],
        ),
    ],
)
def test_years_errors(wsp: Wsp, args: list[str], lines: list[str]) -> None:
    result = wsp("report", *args)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == lines
    assert result.stdout == ""


def test_years_errors_in_polish(wsp: Wsp) -> None:
    result = wsp("--lang", "pl", "report", "--years", "2020-2022")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "wsp: błąd: Lata 2020–2022 wychodzą poza lata programu 2021–2025.",
        "  wskazówka: podaj lata od 2021 do 2025",
    ]


@pytest.mark.parametrize("form", ["2022-2024", "2022–2024", "2022..2024", " 2022 - 2024 "])
def test_years_forms(wsp: Wsp, tmp_path: Path, form: str) -> None:
    seed_store(tmp_path / "s.db")
    result = wsp("report", "--years", form)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# Evaluation of the programme's implementation, 2022–2024")


def test_one_year_as_a_range(wsp: Wsp, tmp_path: Path) -> None:
    seed_store(tmp_path / "s.db")
    result = wsp("report", "--years", "2024", "-f", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].endswith(
        "Target value,2024,Total 2024,Target 2024,Degree of achievement (%),"
        "Periods that met the target,Status,Status code"
    )


def test_missing_data_hints_go_to_stderr(wsp: Wsp) -> None:
    result = wsp("--lang", "pl", "report", "--years", "2021-2022")
    assert result.exit_code == 0, result.stderr
    assert "wsp record" not in result.stdout
    assert result.stderr.splitlines() == [
        "Brakujące dane (nie ma ich w sprawozdaniu) — jak je uzupełnić:",
        "  Uzupełnij: wsp record 1.1 WARTOŚĆ --period 2021",
        "  Uzupełnij: wsp record 1.1 WARTOŚĆ --period 2022",
    ]


# -- imports ------------------------------------------------------------------------------------
def test_status_imports_no_document_library(tmp_path: Path) -> None:
    """python-docx, odfpy and openpyxl are imported only by the formats that write them."""
    code = (
        "import sys\n"
        "from wspolpraca_cli.cli.entry import main\n"
        "sys.argv = ['wsp', '--store', sys.argv[1], 'status']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "bad = sorted(m for m in ('docx', 'odf', 'openpyxl', 'lxml') if m in sys.modules)\n"
        "print('LOADED', bad, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "s.db")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "LOADED []" in done.stderr, done.stderr


@given(first=st.integers(1000, 9999), last=st.integers(1000, 9999), dash=st.sampled_from("-–"))
def test_parse_years_accepts_exactly_the_ranges_inside(first: int, last: int, dash: str) -> None:
    from wspolpraca_cli.cli.cmd_report import parse_years
    from wspolpraca_cli.errors import UsageError

    text = f"{first}{dash}{last}"
    if 2021 <= first <= last <= 2025:
        assert parse_years(text, 2021, 2025) == (first, last)
    else:
        with pytest.raises(UsageError) as raised:
            parse_years(text, 2021, 2025)
        key = "backwards" if first > last else "outside"
        assert key in str(raised.value)


def test_hostile_text_in_every_format_of_the_evaluation(make_wsp: MakeWsp, tmp_path: Path) -> None:
    """Formulas stay text in csv and xlsx, control characters are shown escaped in docx and
    odt (XML cannot hold them), markup is escaped in html."""
    from openpyxl import load_workbook

    from tests.test_output_safety import HOSTILE_PROGRAM, HYPERLINK

    wsp = make_wsp(HOSTILE_PROGRAM)
    wsp.record("1.1", "2", "--year", "2024", "--note", HYPERLINK)
    csv_text = wsp("report", "--years", "2024-2025", "-f", "csv").stdout
    assert "'=1+1 Liczba" in csv_text and ",=" not in csv_text and '"=' not in csv_text
    for fmt in ("xlsx", "docx", "odt", "html"):
        out = tmp_path / f"e.{fmt}"
        run = wsp("report", "--years", "2024-2025", "-o", str(out))
        assert run.exit_code == 0, run.stderr
        if fmt == "xlsx":
            cells = [c for ws in load_workbook(out) for row in ws.iter_rows() for c in row]
            assert not [c for c in cells if c.data_type == "f"]
            assert any(isinstance(c.value, str) and c.value == HYPERLINK for c in cells)
        elif fmt == "html":
            page = out.read_text(encoding="utf-8")
            assert "<b>y</b>" not in page and "&lt;b&gt;y&lt;/b&gt;" in page
            assert "\x1b" not in page
        else:
            inside = "".join(
                zipfile.ZipFile(out).read(n).decode("utf-8")
                for n in ("word/document.xml", "content.xml")
                if n in zipfile.ZipFile(out).namelist()
            )
            assert "=1+1 Liczba \\x1b[2J" in inside and "\x1b" not in inside

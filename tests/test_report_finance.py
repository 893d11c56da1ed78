"""The report's financial part (issue 14): grants and amounts by area of public tasks and by
mode, offers received and rejected, organisations, planned against granted and settled — in
every format, in the multi-year evaluation per year, and nowhere without a register or planned
funds (every other report stays as it was)."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import MakeWsp, Wsp
from tests.test_grant_limits import PROGRAMME, fill
from tests.test_report_formats import Tables
from tests.test_report_golden import compare
from wspolpraca_cli.grants.model import GrantRow, Mode


def row(
    n: int,
    mode: Mode,
    area: str,
    organisation: str,
    granted: float | None,
    settled: float | None = None,
    year: int = 2024,
) -> GrantRow:
    return GrantRow(
        uid=f"{n:04d}" + "cd" * 14,
        year=year,
        mode=mode,
        area=area,
        organisation=organisation,
        title=f"Zadanie {n}",
        requested=(granted or 0) + 1000,
        granted=granted,
        settled=settled,
    )


REGISTER = [
    row(1, Mode.COMPETITION, "16", "Fundacja Kultury", 40_000.0, 38_500.5),
    row(2, Mode.COMPETITION, "16", "Stowarzyszenie Muzyczne", None),
    row(3, Mode.COMPETITION, "17", "Klub Sportowy", 25_000.0, 25_000.0),
    row(4, Mode.SMALL_GRANT, "1a", "Fundacja Kultury", 8000.0, 8000.0),
    row(5, Mode.LOCAL_INITIATIVE, "13", "Koło Gospodyń", 3000.0),
    row(6, Mode.COMPETITION, "17", "Klub Tenisowy", 0.0),
    row(7, Mode.COMPETITION, "16", "Fundacja Kultury", 99_999.0, year=2025),
]
"""2024: 6 offers, 4 grants (76 000 zł granted, 71 500,50 zł settled), 2 rejected, 3
organisations granted funds; 2025: one grant."""


@pytest.fixture
def register(make_wsp: MakeWsp, monkeypatch: pytest.MonkeyPatch, backend: str) -> Wsp:
    monkeypatch.setenv("WSP_REPORT_DATE", "2025-05-20")
    wsp = make_wsp(PROGRAMME)
    fill(wsp, REGISTER)
    return wsp


def md_rows(md: str) -> list[list[str]]:
    """Every Markdown table row of ``md``, as its cells' texts."""
    return [
        [c.strip() for c in line.strip().strip("|").split("|")]
        for line in md.splitlines()
        if line.startswith("|") and not line.startswith("|-")
    ]


def report(wsp: Wsp, *args: str, lang: str = "en") -> str:
    run = wsp("report", *args, lang=lang)
    assert run.exit_code == 0, run.stderr
    return run.stdout


def test_md_has_every_financial_table(register: Wsp) -> None:
    md = report(register, "--year", "2024", "--format", "md")
    assert "## Funding of public tasks (the grants register)" in md
    assert "### Grants in 2024 by area of public tasks (art. 4 ust. 1 of the act)" in md
    rows = md_rows(md)
    assert ["Area of public tasks", "Offers received", "Offers not granted", "Grants",
            "Granted (zł)", "Settled (zł)"] in rows  # fmt: skip
    assert [r[0] for r in rows if r[0][:3] in ("1a)", "13)", "16)", "17)")] == [
        "1a) wspierania rodziny i systemu pieczy zastępczej",
        "13) działalności wspomagającej rozwój wspólnot i społeczności lokalnych",
        "16) kultury, sztuki, ochrony dóbr kultury i dziedzictwa narodowego",
        "17) wspierania i upowszechniania kultury fizycznej",
    ]
    assert next(r for r in rows if r[0].startswith("16)"))[1:] == [
        "2",
        "1",
        "1",
        "40,000",
        "38,500.50",
    ]
    assert rows.count(["Total", "6", "2", "4", "76,000", "71,500.50"]) == 2  # by area, by mode
    assert "### Grants in 2024 by mode" in md
    modes = [r[0] for r in rows]
    assert modes.index("open competition") < modes.index("art. 19a (outside a competition)")
    assert modes.index("art. 19a (outside a competition)") < modes.index("local initiative")
    assert ["open competition", "4", "2", "2", "65,000", "63,500.50"] in rows
    assert "### Funds in 2024" in md
    for item in (
        ["Funds planned in the programme (zł)", "100,000"],
        ["Grants awarded (zł)", "76,000"],
        ["Granted of the funds planned", "76%"],
        ["Grants settled (zł)", "71,500.50"],
        ["Organisations granted funds", "3"],
        ["Offers received", "6"],
        ["Offers rejected or not granted", "2"],
        ["Grants awarded", "4"],
    ):
        assert item in rows
    # after the summary by goals, before the missing data
    assert md.index("## Summary by") < md.index("## Funding") < md.index("## Missing data")


def test_md_in_polish(register: Wsp) -> None:
    md = report(register, "--year", "2024", "--format", "md", lang="pl")
    assert "## Finansowanie zadań publicznych (rejestr dotacji)" in md
    rows = md_rows(md)
    assert ["Razem", "6", "2", "4", "76\u00a0000", "71\u00a0500,50"] in rows
    assert "otwarty konkurs ofert" in [r[0] for r in rows]
    assert ["Środki planowane w programie (zł)", "100\u00a0000"] in rows


def test_csv_appends_the_tables_with_numbers(register: Wsp) -> None:
    text = report(register, "--year", "2024", "--format", "csv")
    lines = text.splitlines()
    at = lines.index("Grants in 2024 by area of public tasks (art. 4 ust. 1 of the act)")
    assert lines[at - 1] == ""
    assert lines[at + 1].startswith("Area of public tasks,Offers received,")
    assert "Total,6,2,4,76000,71500.5" in lines
    assert "Granted of the funds planned,76" in lines
    pl = report(register, "--year", "2024", "--format", "csv", lang="pl").splitlines()
    assert "Razem;6;2;4;76000;71500,5" in pl


def test_html_has_the_tables(register: Wsp, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    report(register, "--year", "2024", "-o", str(out))
    parser = Tables()
    parser.feed(out.read_text(encoding="utf-8"))
    finance = {
        attrs.get("data-area"): rows
        for attrs, rows in parser.tables
        if "finance" in (attrs.get("class") or "")
    }
    assert set(finance) == {"areas", "modes", "funds"}
    assert finance["areas"][-1] == ["Total", "6", "2", "4", "76,000", "71,500.50"]
    assert ["Organisations granted funds", "3"] in finance["funds"]


def test_xlsx_holds_numbers(register: Wsp, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "r.xlsx"
    report(register, "--year", "2024", "-o", str(out))
    book = load_workbook(out)
    assert "Funds" in book.sheetnames
    rows = [[c.value for c in r] for r in book["Funds"].iter_rows()]
    assert ["Total", 6, 2, 4, 76000, 71500.5] in rows
    share = next(r for r in rows if r[0] == "Granted of the funds planned")
    assert share[1] == pytest.approx(0.76)


@pytest.mark.parametrize(
    ("suffix", "member"), [("docx", "word/document.xml"), ("odt", "content.xml")]
)
def test_documents_have_the_tables(register: Wsp, tmp_path: Path, suffix: str, member: str) -> None:
    out = tmp_path / f"r.{suffix}"
    report(register, "--year", "2024", "-o", str(out))
    with zipfile.ZipFile(io.BytesIO(out.read_bytes())) as z:
        xml = z.read(member).decode("utf-8")
    for text in ("Funding of public tasks", "Grants in 2024 by mode", "Funds in 2024", "71,500.50"):
        assert text in xml


def test_the_years_evaluation_has_a_row_per_year(register: Wsp) -> None:
    md = report(register, "--years", "2024-2025", "--format", "md")
    assert "### Funds and grants in 2024–2025" in md
    rows = md_rows(md)
    assert ["2024", "100,000", "76,000", "76%", "71,500.50", "6", "2", "4", "3"] in rows
    assert ["2025", "200,000", "99,999", "50%", "0", "1", "0", "1", "1"] in rows
    text = report(register, "--years", "2024-2025", "--format", "csv")
    assert "2024,100000,76000,76,71500.5,6,2,4,3" in text.splitlines()


def test_planned_funds_without_a_register(make_wsp: MakeWsp) -> None:
    wsp = make_wsp(PROGRAMME)
    md = report(wsp, "--year", "2024", "--format", "md")
    assert "### Grants in 2024 by area" not in md  # no rows: no tables by area or mode
    assert "### Funds in 2024" in md
    rows = md_rows(md)
    assert ["Funds planned in the programme (zł)", "100,000"] in rows
    assert ["Grants awarded (zł)", "0"] in rows


def test_reports_without_a_register_have_no_financial_part(shipped_wsp: Wsp) -> None:
    shipped_wsp.record("1.1", "2", "--year", "2024")
    for args in (("--year", "2024"), ("--years", "2021-2025")):
        md = report(shipped_wsp, *args, "--format", "md")
        assert "Funding of public tasks" not in md and "Funds" not in md
        assert "Funds" not in report(shipped_wsp, *args, "--format", "csv")


def test_a_register_of_other_years_only(make_wsp: MakeWsp) -> None:
    from tests.conftest import TEST_PROGRAM

    wsp = make_wsp(TEST_PROGRAM)
    fill(wsp, [row(1, Mode.COMPETITION, "16", "Fundacja", 1000.0, year=2023)])
    assert "Funding" not in report(wsp, "--year", "2024", "--format", "md")
    assert "Funding" in report(wsp, "--year", "2023", "--format", "md")


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_register_report_golden(register: Wsp, lang: str) -> None:
    md = report(register, "--year", "2024", "--as-of", "2025-05-20", "--format", "md", lang=lang)
    compare(f"report_register_2024_{lang}.md", md)


def test_check_json_and_report_agree(register: Wsp) -> None:
    doc = json.loads(register("check", "--year", "2024", "--format", "json").stdout)
    [year] = doc["limits"]["years"]
    assert (year["planned"], year["granted"], year["small_grants"]) == (100000.0, 76000.0, 8000.0)


# -- the figures against a direct computation --------------------------------------------------
_AREAS = ["1", "1a", "13", "16", "32a"]


@st.composite
def registers(draw: st.DrawFn) -> list[GrantRow]:
    rows = []
    for n in range(draw(st.integers(0, 10))):
        granted = draw(st.one_of(st.none(), st.integers(0, 5_000_000).map(lambda g: g / 100)))
        settled = draw(st.one_of(st.none(), st.integers(0, 5_000_000).map(lambda g: g / 100)))
        rows.append(
            row(
                n,
                draw(st.sampled_from(list(Mode))),
                draw(st.sampled_from(_AREAS)),
                draw(st.sampled_from(["A", "B", "C", ""])),
                granted,
                settled,
                year=draw(st.sampled_from([2024, 2025])),
            )
        )
    return rows


@settings(max_examples=25, deadline=None)
@given(registers())
def test_figures_match_a_direct_computation(rows: list[GrantRow]) -> None:
    import tempfile

    from tests.conftest import TEST_PROGRAM
    from wspolpraca_cli.grants.areas import area_order
    from wspolpraca_cli.loader import load_text
    from wspolpraca_cli.services.finance import figures_in
    from wspolpraca_cli.store import open_store

    program = load_text(TEST_PROGRAM).program
    assert program is not None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "s.db"
        with open_store(path) as store:
            with store.importing_grants() as session:
                session.add(rows)
            found = {f.year: f for f in figures_in(store, program, [2024, 2025])}

    def cents(value: float | None) -> int:
        return round((value or 0) * 100)

    for year in (2024, 2025):
        of_year = [r for r in rows if r.year == year]
        if not of_year:
            assert year not in found  # no rows, no planned funds: no figures
            continue
        f = found[year]
        granted = [r for r in of_year if cents(r.granted) > 0]
        assert (f.total.offers, f.total.grants) == (len(of_year), len(granted))
        assert cents(f.total.granted) == sum(cents(r.granted) for r in of_year)
        assert cents(f.total.settled) == sum(cents(r.settled) for r in of_year)
        assert f.total.rejected == len(of_year) - len(granted)
        assert f.organisations == len({r.organisation for r in granted if r.organisation})
        areas = sorted({r.area for r in of_year}, key=area_order)
        assert [g.key for g in f.by_area] == areas
        for g in f.by_area:
            assert g.offers == sum(1 for r in of_year if r.area == g.key)
            assert cents(g.granted) == sum(cents(r.granted) for r in of_year if r.area == g.key)
        modes = [m.value for m in Mode if any(r.mode is m for r in of_year)]
        assert [g.key for g in f.by_mode] == modes
        for g in f.by_mode:
            assert g.grants == sum(1 for r in granted if r.mode.value == g.key)

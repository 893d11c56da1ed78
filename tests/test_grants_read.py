"""Reading a grants register (grants/read.py) and its template (grants/template.py)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wspolpraca_cli.errors import InputError
from wspolpraca_cli.grants.model import COLUMNS, Mode
from wspolpraca_cli.grants.read import ReadRow, header_key, open_register
from wspolpraca_cli.grants.template import EXAMPLE, render_csv, render_xlsx

HEADER_PL = "Rok;Tryb;Obszar (art. 4 ust. 1);Organizacja;Nr KRS;Kwota przyznana"


def read(path: Path) -> list[ReadRow]:
    with open_register(path) as register:
        return list(register.rows())


def write(tmp_path: Path, text: str, name: str = "rejestr.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def one(tmp_path: Path, header: str, row: str, sep: str = ";") -> ReadRow:
    [found] = read(write(tmp_path, f"{header}\n{row}\n".replace(";", sep)))
    return found


def problems(found: ReadRow) -> list[str]:
    return [p.format() for p in found.problems]


# -- the template ---------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_the_template_imports_cleanly(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"wzor.{suffix}"
    path.write_bytes(render_csv().encode() if suffix == "csv" else render_xlsx())
    [found] = read(path)
    assert found.problems == []
    row = found.row
    assert row is not None
    for column in COLUMNS:
        expected = EXAMPLE[column]
        value = getattr(row, column)
        assert (value.value if column == "mode" else value) == expected, column


def test_the_csv_template_has_a_comment_on_each_column_and_polish_headers() -> None:
    text = render_csv().lstrip("\ufeff")
    comments = [line for line in text.splitlines() if line.startswith("#")]
    assert len(comments) == len(COLUMNS) + 1  # an introduction, then one per column
    header = text.splitlines()[len(comments)]
    assert header.startswith("Nr umowy;Rok;Tryb;Obszar (art. 4 ust. 1);Wydział;Organizacja")
    assert "# Kwota przyznana (granted):" in text


def test_the_xlsx_template_comments_every_header(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "wzor.xlsx"
    path.write_bytes(render_xlsx())
    sheet = load_workbook(path).worksheets[0]
    headers = [c for c in sheet[1]]
    assert [c.value for c in headers][:3] == ["Nr umowy", "Rok", "Tryb"]
    assert all(c.comment is not None and c.comment.text for c in headers)
    assert "Required." in headers[1].comment.text  # type: ignore[union-attr]


# -- headers --------------------------------------------------------------------------------


def test_english_headers(tmp_path: Path) -> None:
    found = one(tmp_path, "year,mode,area,organisation,krs,granted", "2024,19a,16,A,1,5000", ",")
    assert found.row is not None
    assert (found.row.year, found.row.mode, found.row.area) == (2024, Mode.SMALL_GRANT, "16")
    assert (found.row.krs, found.row.granted) == ("0000000001", 5000.0)


@pytest.mark.parametrize(
    "header",
    [
        "ROK;TRYB;OBSZAR (ART. 4 UST. 1);Dotacja",
        "rok;tryb;Obszar (art.4 ust.1);kwota_przyznana",
        "Rok ;  Tryb;obszar;Kwota przyznana (zł)",
        "Lp.;Rok;Tryb;Sfera zadań publicznych;Kwota przyznana",
        "rok;tryb;obszar;kwota przyznana pln",
        "Rok;Tryb;Obszar;Kwota przyznana",
    ],
)
def test_polish_headers_in_any_case_spacing_and_punctuation(tmp_path: Path, header: str) -> None:
    cells = "2024;konkurs;16;1000" if not header.startswith("Lp") else "1;2024;konkurs;16;1000"
    found = one(tmp_path, header, cells)
    assert found.problems == []
    assert found.row is not None and found.row.granted == 1000.0


def test_headers_without_polish_letters() -> None:
    assert header_key("Wydział") == header_key("wydzial") == header_key("WYDZIAŁ")
    assert header_key("Kwota zwrócona (w zł)") == header_key("kwota zwrocona")


def test_an_unknown_header_is_an_error_with_a_did_you_mean(tmp_path: Path) -> None:
    path = write(tmp_path, "Rok;Tryb;Obszar;Kwota przyznan;Qqq\n2024;19a;16;1;x\n")
    with pytest.raises(InputError) as caught:
        read(path)
    assert caught.value.message == (
        f"{path}: invalid header — unknown columns: Kwota przyznan, Qqq"
    )
    assert caught.value.hint.startswith("Did you mean: Kwota przyznan → Kwota przyznana?")


def test_year_mode_and_area_are_required_columns(tmp_path: Path) -> None:
    path = write(tmp_path, "Organizacja;Kwota przyznana\nA;1\n")
    with pytest.raises(InputError) as caught:
        read(path)
    assert caught.value.message == (
        f"{path}: invalid header — required columns missing: year (Rok), mode (Tryb), "
        "area (Obszar (art. 4 ust. 1))"
    )
    assert "wsp grants template" in caught.value.hint


def test_a_column_given_twice(tmp_path: Path) -> None:
    path = write(tmp_path, "Rok;Tryb;Obszar;Dotacja;Kwota przyznana\n")
    with pytest.raises(InputError, match="more than once in the header: granted"):
        read(path)


def test_title_rows_above_the_header_are_read_past(tmp_path: Path) -> None:
    text = "Rejestr dotacji 2024;;;;;\nstan na 31.12.2024;;;;;\n;;;;;\n" + HEADER_PL
    [found] = read(write(tmp_path, text + "\n2024;19a;16;A;;1\n"))
    assert found.line == 5 and found.row is not None


def test_title_rows_of_an_xlsx_sheet_are_read_past(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Rejestr dotacji Gminy Przykładowo"])
    sheet.append([])
    sheet.append(["Rok", "Tryb", "Obszar"])
    sheet.append([2024, "19a", "16"])
    path = tmp_path / "rejestr.xlsx"
    book.save(path)
    [found] = read(path)
    assert found.line == 4 and found.row is not None


def test_an_empty_file(tmp_path: Path) -> None:
    path = write(tmp_path, "# only a comment\n\n")
    with pytest.raises(InputError, match="the file is empty"):
        read(path)


@pytest.mark.parametrize("suffix", [".xls", ".ods"])
def test_old_spreadsheet_formats_are_refused_with_a_hint(tmp_path: Path, suffix: str) -> None:
    path = write(tmp_path, "x", name=f"rejestr{suffix}")
    with pytest.raises(InputError) as caught:
        read(path)
    assert caught.value.message == (
        f"{path}: wsp does not read {suffix} files; the register must be a CSV or XLSX file."
    )
    assert "xlsx" in caught.value.hint


def test_a_damaged_xlsx(tmp_path: Path) -> None:
    path = write(tmp_path, "not a zip", name="rejestr.xlsx")
    with pytest.raises(InputError, match=r"cannot read the XLSX workbook"):
        read(path)


# -- delimiters and encodings ---------------------------------------------------------------


@pytest.mark.parametrize("sep", [";", ",", "\t"])
def test_the_delimiter_is_sniffed(tmp_path: Path, sep: str) -> None:
    found = one(tmp_path, HEADER_PL, '2024;19a;16;"Fundacja Łąka";;"1 000"', sep)
    assert found.row is not None
    assert (found.row.organisation, found.row.granted) == ("Fundacja Łąka", 1000.0)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1250"])
def test_utf8_with_or_without_bom_and_windows_1250(tmp_path: Path, encoding: str) -> None:
    text = f"{HEADER_PL};Wydział\n2024;konkurs;16;Stowarzyszenie Źródło;;10;Wydział Kultury\n"
    path = write(tmp_path, text, encoding=encoding)
    with open_register(path) as register:
        [found] = list(register.rows())
        assert register.encoding == ("cp1250" if encoding == "cp1250" else "utf-8-sig")
    assert found.row is not None
    assert found.row.organisation == "Stowarzyszenie Źródło"
    assert found.row.department == "Wydział Kultury"


def test_a_file_in_neither_encoding(tmp_path: Path) -> None:
    path = tmp_path / "rejestr.csv"
    path.write_bytes(b"Rok;Tryb;Obszar\n2024;19a;\x81\xff\x00\n")
    with pytest.raises(InputError, match="neither UTF-8 nor Windows-1250"):
        read(path)


# -- cells ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("10 000,00 zł", 10000.0),
        ("10000.50", 10000.5),
        ("1 234,5", 1234.5),
        ("10\u00a0000,00", 10000.0),
        ("10\u202f000", 10000.0),
        ("8 500 000,00 PLN", 8_500_000.0),
        ("1.234.567,89", 1234567.89),
        ("0", 0.0),
        ("", None),
    ],
)
def test_amounts_as_offices_write_them(tmp_path: Path, text: str, value: float | None) -> None:
    found = one(tmp_path, HEADER_PL, f'2024;19a;16;A;;"{text}"')
    assert found.problems == []
    assert found.row is not None and found.row.granted == value


def test_an_ambiguous_or_negative_amount_is_refused(tmp_path: Path) -> None:
    text = f"{HEADER_PL};Kwota wnioskowana\n2024;19a;16;A;;12.500;-5\n"
    [found] = read(write(tmp_path, text))
    path = tmp_path / "rejestr.csv"
    assert problems(found) == [
        f"{path}:2:6: The number '12.500' is ambiguous: a dot or comma before three digits "
        "may group thousands or mark decimals; write 12500 or 12,5 [Kwota przyznana]\n"
        "    hint: give an amount of zero or more, e.g. 8 500 000, 8500000,00, 1250.50, "
        "1 250,50 zł or 8,5 mln zł",
        f"{path}:2:7: the amount '-5' is negative [Kwota wnioskowana]\n"
        "    hint: give an amount of zero or more, e.g. 8 500 000, 8500000,00, 1250.50, "
        "1 250,50 zł or 8,5 mln zł",
    ]


def test_every_bad_cell_of_a_row_is_located_with_a_hint(tmp_path: Path) -> None:
    text = (
        "# a comment line\n"
        f"{HEADER_PL};Początek realizacji;Koniec realizacji;Kwota zwrócona\n"
        "2024;19a;16;A;;100;1.06.2024;30.06.2024;0\n"
        "2o24;konkursik;99;B;12a;x;2024-07-01;2024-06-01;200\n"
        ";;;C;;;;31.02.2024;\n"
    )
    path = write(tmp_path, text)
    good, bad, empty = read(path)
    assert good.row is not None and good.line == 3
    assert bad.row is None and bad.line == 4
    assert [p.split("\n")[0] for p in problems(bad)] == [
        f"{path}:4:1: not a year: '2o24' [Rok]",
        f"{path}:4:2: unknown mode 'konkursik' [Tryb]",
        f"{path}:4:3: art. 4 ust. 1 has no point '99' [Obszar (art. 4 ust. 1)]",
        f"{path}:4:5: not a KRS number: '12a' [Nr KRS]",
        f"{path}:4:6: Cannot read the value 'x'. [Kwota przyznana]",
        f"{path}:4:8: the task ends (2024-06-01) before it starts (2024-07-01) [Koniec realizacji]",
    ]
    hints = [p.hint for p in bad.problems]
    assert hints[0] == "write the year with four digits, e.g. 2024"
    assert hints[1].startswith("Did you mean: konkurs? modes: konkurs (open competition)")
    assert "points: 1, 1a, 1b, 2," in hints[2] and "32a, 33" in hints[2]
    assert [p.split("\n")[0] for p in problems(empty)] == [
        f"{path}:5:1: an empty cell in the required column Rok [Rok]",
        f"{path}:5:2: an empty cell in the required column Tryb [Tryb]",
        f"{path}:5:3: an empty cell in the required column Obszar (art. 4 ust. 1) "
        "[Obszar (art. 4 ust. 1)]",
        f"{path}:5:8: Cannot read the date '31.02.2024'. [Koniec realizacji]",
    ]


def test_returned_above_granted(tmp_path: Path) -> None:
    found = one(tmp_path, f"{HEADER_PL};Kwota zwrócona", "2024;19a;16;A;;100;150,5")
    assert [p.message for p in found.problems] == [
        "the amount returned, 150.50 zł, is more than the amount granted, 100 zł"
    ]


@pytest.mark.parametrize(
    ("text", "krs"),
    [("123456", "0000123456"), ("0000123456", "0000123456"), ("KRS 0000123456", "0000123456"),
     ("", "")],
)  # fmt: skip
def test_krs_numbers_are_padded_to_ten_digits(tmp_path: Path, text: str, krs: str) -> None:
    found = one(tmp_path, HEADER_PL, f"2024;19a;16;A;{text};1")
    assert found.row is not None and found.row.krs == krs


def test_mode_and_area_spellings(tmp_path: Path) -> None:
    found = one(tmp_path, HEADER_PL, "2024;Otwarty konkurs ofert;pkt 1a;A;;1")
    assert found.row is not None
    assert (found.row.mode, found.row.area) == (Mode.COMPETITION, "1a")


def test_a_cell_beyond_the_header_and_padding_from_excel(tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER_PL}\n2024;19a;16;A;;1;;;\n2024;19a;16;A;;1;;x\n")
    padded, extra = read(path)
    assert padded.row is not None
    assert problems(extra) == [
        f"{path}:3:8: the row has a value in cell 8, but the header has only 6 columns"
    ]


def test_a_value_under_a_column_without_a_header(tmp_path: Path) -> None:
    path = write(tmp_path, "Rok;Tryb;;Obszar\n2024;19a;;16\n2024;19a;x;16\n")
    empty, filled = read(path)
    assert empty.row is not None
    assert problems(filled) == [
        f"{path}:3:3: a value in column 3, which has no header\n"
        "    hint: give the column a header or empty it"
    ]


def test_a_short_row_leaves_the_rest_empty(tmp_path: Path) -> None:
    found = one(tmp_path, HEADER_PL, "2024;19a;16")
    assert found.row is not None and found.row.granted is None


def test_a_quoted_formula_wsp_wrote_is_read_back(tmp_path: Path) -> None:
    found = one(tmp_path, HEADER_PL, "2024;19a;16;'=Fundacja;;1")
    assert found.row is not None and found.row.organisation == "=Fundacja"


def test_polish_messages(tmp_path: Path) -> None:
    from wspolpraca_cli.i18n import set_language

    set_language("pl")
    try:
        found = one(tmp_path, HEADER_PL, "2024;19a;99;A;;1")
    finally:
        set_language("en")
    assert found.problems[0].message == "art. 4 ust. 1 nie ma punktu '99'"


# -- uids -----------------------------------------------------------------------------------


def test_uids_come_from_content_and_occurrence(tmp_path: Path) -> None:
    text = f"{HEADER_PL}\n2024;19a;16;A;;10000\n2024;19a;16;A;;10 000,00 zł\n2024;19a;16;B;;1\n"
    first, second, other = read(write(tmp_path, text))
    again = read(write(tmp_path, text, name="kopia.csv"))
    assert first.row is not None and second.row is not None and other.row is not None
    # the same amount written two ways is the same content: two identical rows, both kept
    assert len({first.row.uid, second.row.uid, other.row.uid}) == 3
    assert [r.row.uid for r in again if r.row] == [first.row.uid, second.row.uid, other.row.uid]
    assert all(len(r.uid) == 32 for r in (first.row, second.row, other.row))


def test_a_missing_column_is_as_an_empty_one(tmp_path: Path) -> None:
    [without] = read(write(tmp_path, "Rok;Tryb;Obszar\n2024;19a;16\n", name="a.csv"))
    [empty] = read(write(tmp_path, "Rok;Tryb;Obszar;Nr umowy;Dotacja\n2024;19a;16;;\n"))
    assert without.row is not None and empty.row is not None
    assert without.row.uid == empty.row.uid


# -- xlsx -----------------------------------------------------------------------------------


def test_xlsx_cells_are_read_natively(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Rok", "Tryb", "Obszar", "Nr KRS", "Dotacja", "Początek realizacji", "Koniec"])
    sheet.append([2024, "19a", 16, 123456, 9999.5, datetime(2024, 5, 1), "31.05.2024"])
    sheet.append([None, None, None, None, None, None, None])
    sheet.append([2024.0, "inny", "1a", None, -3, "x", None])
    path = tmp_path / "rejestr.xlsx"
    book.save(path)
    good, bad = read(path)
    assert good.row is not None and good.line == 2
    row = good.row
    assert (row.year, row.area, row.krs, row.granted) == (2024, "16", "0000123456", 9999.5)
    assert (row.start, row.end) == (date(2024, 5, 1), date(2024, 5, 31))
    assert [p.split("\n")[0] for p in problems(bad)] == [
        f"{path}:4:5: the amount '-3' is negative [Dotacja]",
        f"{path}:4:6: Cannot read the date 'x'. [Początek realizacji]",
    ]


# -- property tests -------------------------------------------------------------------------


def _polish(cents: int, grouped: bool, currency: str) -> str:
    whole, fraction = divmod(cents, 100)
    digits = f"{whole:,}".replace(",", " ") if grouped else str(whole)
    return f"{digits},{fraction:02d}{currency}"


@given(
    cents=st.integers(min_value=0, max_value=10**11),
    grouped=st.booleans(),
    currency=st.sampled_from(["", " zł", " PLN", "zł"]),
    dot=st.booleans(),
)
def test_amounts_read_back_whatever_the_writing(
    tmp_path_factory: pytest.TempPathFactory, cents: int, grouped: bool, currency: str, dot: bool
) -> None:
    text = _polish(cents, grouped, currency)
    if dot and not grouped:
        text = text.replace(",", ".")
    folder = tmp_path_factory.mktemp("amounts")
    found = one(folder, HEADER_PL, f"2024;19a;16;A;;{text}")
    assert found.problems == [], text
    assert found.row is not None and round(found.row.granted * 100) == cents  # type: ignore[operator]


@given(day=st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)), iso=st.booleans())
def test_dates_read_back_iso_or_polish(
    tmp_path_factory: pytest.TempPathFactory, day: date, iso: bool
) -> None:
    text = day.isoformat() if iso else f"{day.day}.{day.month:02d}.{day.year}"
    folder = tmp_path_factory.mktemp("dates")
    found = one(folder, "Rok;Tryb;Obszar;Data umowy", f"2024;19a;16;{text}")
    assert found.row is not None and found.row.contract_date == day

"""`wsp init --from` on DOCX (paragraphs and real Word tables, built here with python-docx) and
PDF (a text layer, written here by a small PDF writer), a scan without a text layer, and
damaged files: located messages, never a traceback."""

from __future__ import annotations

import io
from pathlib import Path

from tests.conftest import MakeWsp
from tests.test_init_from import checks_of, draft, indicators, programme

# a PDF with a text layer -------------------------------------------------------------------

_GLYPHS = {
    "ą": "aogonek", "ć": "cacute", "ę": "eogonek", "ł": "lslash", "ń": "nacute", "ó": "oacute",
    "ś": "sacute", "ź": "zacute", "ż": "zdotaccent", "Ą": "Aogonek", "Ć": "Cacute",
    "Ę": "Eogonek", "Ł": "Lslash", "Ń": "Nacute", "Ó": "Oacute", "Ś": "Sacute", "Ź": "Zacute",
    "Ż": "Zdotaccent", "–": "endash", "„": "quotedblbase", "”": "quotedblright",
}  # fmt: skip
_CODES = {ch: 128 + n for n, ch in enumerate(_GLYPHS)}


def _pdf_string(text: str) -> bytes:
    out = bytearray(b"(")
    for ch in text:
        if ch in _CODES:
            out.append(_CODES[ch])
        elif ch in "()\\":
            out += b"\\" + ch.encode()
        else:
            out += ch.encode("cp1252")
    return bytes(out + b")")


def make_pdf(pages: list[list[str] | None]) -> bytes:
    """A PDF whose pages hold these lines of text in Helvetica (Polish letters through the
    font's encoding), or — for None — only a filled rectangle, as a scan's image would."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    names = " ".join("/" + g for g in _GLYPHS.values())
    enc = add(b"<< /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [128 %s] >>"
              % names.encode())  # fmt: skip
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding %d 0 R >>" % enc)
    pages_id = len(objects) + 1 + 2 * len(pages)
    kids = []
    for lines in pages:
        stream = bytearray()
        if lines is None:
            stream += b"0 0 1 rg 50 50 200 200 re f"
        else:
            for n, line in enumerate(lines):
                stream += b"BT /F1 10 Tf 40 %d Td %s Tj ET\n" % (800 - 14 * n, _pdf_string(line))
        content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), bytes(stream)))
        kids.append(add(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
            % (pages_id, font, content)
        ))  # fmt: skip
    kid_refs = b" ".join(b"%d 0 R" % k for k in kids)
    add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kid_refs, len(kids)))
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        xref,
    )
    return bytes(out)


PAGE_1 = [
    "Roczny program współpracy Miasta Testowo z organizacjami pozarządowymi na rok 2026",
    "§ 2",
    "1) cel główny: Budowanie partnerstwa miasta",
    "i organizacji pozarządowych",
    "2) cele szczegółowe:",
    "a) wspieranie inicjatyw mieszkańców",
    "b) rozwój wolontariatu",
    "§ 3",
    "1. Działania2.",
    "1) wspieranie inicjatyw mieszkańców",
    "L.p. Nazwa działania Wskaźnik Wartość",
    "docelowa",
    "Częstotliwość",
    "pomiaru",
    "1 inicjatywa lokalna realizowana",
    "wspólnie z mieszkańcami",
    "Liczba",
    "inicjatyw",
    "6 Raz na kwartał",
    "2 konkurs na mikrogranty dla",
    "grup nieformalnych i młodzieży",
    "2 Tabela opracowana przez Biuro Organizacji Pozarządowych.",
]
PAGE_2 = [
    "2",
    "(organizowany przez miasto)",
    "Liczba przyznanych",
    "mikrograntów",
    "co najmniej 20 Raz w roku",
]


def test_a_pdf_with_a_text_layer_over_two_pages(make_wsp: MakeWsp, tmp_path: Path) -> None:
    run, written = draft(make_wsp, tmp_path, make_pdf([PAGE_1, PAGE_2]), name="uchwala.pdf")
    assert run.exit_code == 0, run.stderr
    got = programme(written)
    assert got.title == (
        "Roczny program współpracy Miasta Testowo z organizacjami pozarządowymi na rok 2026"
    )
    assert (got.first_year, got.last_year) == (2026, 2026)
    assert got.main_goal.name == "Budowanie partnerstwa miasta i organizacji pozarządowych"
    assert [(g.id, g.name) for g in got.specific_goals] == [
        ("a", "wspieranie inicjatyw mieszkańców"),
        ("b", "rozwój wolontariatu"),
    ]
    assert got.areas[0].goals == ("a",)
    # the second row is split by the page break and the footnote at the page's bottom
    assert indicators(got) == [
        ("1.1", "Liczba inicjatyw", "6", "Raz na kwartał"),
        ("1.2", "Liczba przyznanych mikrograntów", "co najmniej 20", "Raz w roku"),
    ]
    assert [a.name for a in got.actions] == [
        "inicjatywa lokalna realizowana wspólnie z mieszkańcami",
        "konkurs na mikrogranty dla grup nieformalnych i młodzieży (organizowany przez miasto)",
    ]
    assert got.sources == ("Tabela opracowana przez Biuro Organizacji Pozarządowych.",)
    assert "page 1, line" in written or "strona 1" in written or checks_of(run)


def test_a_scanned_pdf_needs_ocr(make_wsp: MakeWsp, tmp_path: Path) -> None:
    run, written = draft(make_wsp, tmp_path, make_pdf([None, None]), name="skan.pdf")
    assert run.exit_code == 2
    assert "has no text layer (2 pages)" in run.stderr
    assert "OCR" in run.stderr
    assert "Traceback" not in run.stderr
    assert written == ""
    run, _ = draft(make_wsp, tmp_path, make_pdf([None]), name="skan.pdf", lang="pl")
    assert run.exit_code == 2
    assert "nie ma warstwy tekstu" in run.stderr


def test_a_damaged_pdf(make_wsp: MakeWsp, tmp_path: Path) -> None:
    broken = make_pdf([PAGE_1])[:300]
    run, _ = draft(make_wsp, tmp_path, broken, name="zly.pdf")
    assert run.exit_code == 2, run.stderr
    assert "Cannot read the PDF" in run.stderr or "no text layer" in run.stderr
    assert "Traceback" not in run.stderr


# a DOCX with real tables ------------------------------------------------------------------


def make_docx(build: object) -> bytes:
    import docx

    document = docx.Document()
    build(document)  # type: ignore[operator]
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


HEADER = ("L.p.", "Nazwa działania", "Wskaźnik", "Wartość docelowa", "Częstotliwość pomiaru")


def _table(document: object, rows: list[tuple[str, ...]]) -> object:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))  # type: ignore[attr-defined]
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    return table


def _resolution(document: object) -> None:
    add = document.add_paragraph  # type: ignore[attr-defined]
    add("UCHWAŁA NR 15/2025 RADY POWIATU TESTOWEGO z dnia 10 grudnia 2025 r.")
    add("w sprawie Programu współpracy Powiatu Testowego z organizacjami pozarządowymi "
        "na lata 2026-2030")  # fmt: skip
    add("Cel główny programu: Rozwój społeczeństwa obywatelskiego w powiecie")
    add("Cele szczegółowe:")
    add("a) wzmacnianie organizacji")
    add("b) zlecanie zadań publicznych")
    add("Obszar 1: Współpraca finansowa")
    table = _table(
        document,
        [
            HEADER,
            ("1", "Otwarte konkursy ofert\nna zadania publiczne", "Liczba konkursów", "2/rok",
             "Raz w roku"),
            ("2", "Małe granty (art. 19a)", "Liczba umów", "150 w 2029", "Raz na kwartał"),
            ("", "", "Kwota dotacji", "", "Raz na kwartał"),
        ],
    )  # fmt: skip
    # the second action's L.p. and name span its two indicator rows
    table.cell(2, 0).merge(table.cell(3, 0))  # type: ignore[attr-defined]
    table.cell(2, 1).merge(table.cell(3, 1))  # type: ignore[attr-defined]
    add("Obszar 2: Współpraca pozafinansowa")
    _table(
        document,
        [
            (*HEADER, "Realizator"),
            ("1", "Konsultacje aktów prawa", "Odsetek skonsultowanych projektów", "80% w 2030",
             "Raz w roku", "Wydział Organizacyjny"),
            ("2", "Powiatowa rada działalności pożytku publicznego", "Powołanie rady", "tak",
             "jednorazowo", ""),
        ],
    )  # fmt: skip


def test_a_docx_with_real_tables(make_wsp: MakeWsp, tmp_path: Path) -> None:
    run, written = draft(make_wsp, tmp_path, make_docx(_resolution), name="uchwala.docx")
    assert run.exit_code == 0, run.stderr
    got = programme(written)
    assert got.title == (
        "Program współpracy Powiatu Testowego z organizacjami pozarządowymi na lata 2026-2030"
    )
    assert got.issuer == "Rada Powiatu Testowego"
    assert (got.first_year, got.last_year) == (2026, 2030)
    assert got.main_goal.name == "Rozwój społeczeństwa obywatelskiego w powiecie"
    assert [g.id for g in got.specific_goals] == ["a", "b"]
    assert [(a.id, a.name) for a in got.areas] == [
        ("1", "Współpraca finansowa"),
        ("2", "Współpraca pozafinansowa"),
    ]
    assert indicators(got) == [
        ("1.1", "Liczba konkursów", "2/rok", "Raz w roku"),
        ("1.2.1", "Liczba umów", "150 w 2029", "Raz na kwartał"),
        ("1.2.2", "Kwota dotacji", "brak", "Raz na kwartał"),
        ("2.1", "Odsetek skonsultowanych projektów", "80% w 2030", "Raz w roku"),
        ("2.2", "Powołanie rady", "tak", "jednorazowo"),
    ]
    assert [a.name for a in got.actions] == [
        "Otwarte konkursy ofert na zadania publiczne",
        "Małe granty (art. 19a)",
        "Konsultacje aktów prawa",
        "Powiatowa rada działalności pożytku publicznego",
    ]
    assert [i.unit.value for i in got.indicators] == [
        "count", "count", "amount", "percent", "yesno"
    ]  # fmt: skip
    # the row without a target: monitoring only, marked where it is, with its table and row
    assert "table 1, row 4" in run.stderr
    assert "an indicator without a target" in run.stderr
    # a column the file has no key for: kept in a comment with its heading
    assert "the column “Realizator”, which the programme file does not have (table 2, row 2)" in (
        run.stderr
    )
    assert "„Wydział Organizacyjny”" in written


def test_a_docx_table_without_a_header_row(make_wsp: MakeWsp, tmp_path: Path) -> None:
    def build(document: object) -> None:
        document.add_paragraph("Cel główny: Współpraca")  # type: ignore[attr-defined]
        _table(document, [("1", "Szkolenia", "Liczba szkoleń", "4/rok", "Raz w roku")])

    run, written = draft(make_wsp, tmp_path, make_docx(build), name="u.docx")
    assert run.exit_code == 0, run.stderr
    got = programme(written)
    assert indicators(got) == [("1.1", "Liczba szkoleń", "4/rok", "Raz w roku")]
    assert "a table without its header" in run.stderr
    assert "without an area heading" in run.stderr


def test_a_docx_without_a_programme(make_wsp: MakeWsp, tmp_path: Path) -> None:
    def build(document: object) -> None:
        document.add_paragraph("Protokół z posiedzenia komisji")  # type: ignore[attr-defined]
        _table(document, [("Imię", "Nazwisko"), ("Jan", "Kowalski")])

    run, _ = draft(make_wsp, tmp_path, make_docx(build), name="u.docx")
    assert run.exit_code == 2
    assert "u.docx: found no goals" in run.stderr


def test_a_damaged_docx(make_wsp: MakeWsp, tmp_path: Path) -> None:
    data = make_docx(_resolution)
    run, _ = draft(make_wsp, tmp_path, data[: len(data) // 2], name="u.docx")
    assert run.exit_code == 2
    assert "Cannot read the DOCX" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_docx_with_words_automatic_numbering(make_wsp: MakeWsp, tmp_path: Path) -> None:
    """Word's numbering (``a)``, ``b)``) is not in a paragraph's text; the draft reads it as
    the document shows it."""
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

    def build(document: object) -> None:
        add = document.add_paragraph  # type: ignore[attr-defined]
        add("Cel główny: Rozwój współpracy")
        add("Cele szczegółowe:")
        add("wzmacnianie organizacji", style="List Number")
        add("rozwój wolontariatu", style="List Number")
        # the style's list, written as lower-case letters with a parenthesis: a), b)
        numbering = document.part.numbering_part.element  # type: ignore[attr-defined]
        style = document.styles["List Number"].element  # type: ignore[attr-defined]
        num_id = style.pPr.numPr.numId.val
        num = next(n for n in numbering.findall(w + "num") if n.get(w + "numId") == str(num_id))
        abstract_id = num.find(w + "abstractNumId").get(w + "val")
        abstract = next(
            a for a in numbering.findall(w + "abstractNum")
            if a.get(w + "abstractNumId") == abstract_id
        )  # fmt: skip
        level = abstract.find(w + "lvl")
        level.find(w + "numFmt").set(w + "val", "lowerLetter")
        level.find(w + "lvlText").set(w + "val", "%1)")
        add("Obszar 1: wzmacnianie organizacji")
        _table(document, [HEADER, ("1", "Szkolenia", "Liczba szkoleń", "4/rok", "Raz w roku")])

    run, written = draft(make_wsp, tmp_path, make_docx(build), name="u.docx")
    assert run.exit_code == 0, run.stderr
    got = programme(written)
    assert [(g.id, g.name) for g in got.specific_goals] == [
        ("a", "wzmacnianie organizacji"),
        ("b", "rozwój wolontariatu"),
    ]
    assert got.areas[0].goals == ("a",)


_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _with_footnotes(data: bytes, notes: dict[int, str]) -> bytes:
    """A saved DOCX with a footnotes part holding ``notes`` (python-docx writes none)."""
    import zipfile

    body = "".join(
        f'<w:footnote w:id="{n}"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:footnote>'
        for n, text in notes.items()
    )
    part = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{_W_NS}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        f"</w:footnote>{body}</w:footnotes>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
                )
            if item.filename == "word/_rels/document.xml.rels":
                content = content.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                    b"</Relationships>",
                )
            dst.writestr(item, content)
        dst.writestr("word/footnotes.xml", part.encode("utf-8"))
    return out.getvalue()


def _reference(paragraph: object, note_id: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()  # type: ignore[attr-defined]
    ref = OxmlElement("w:footnoteReference")
    ref.set(qn("w:id"), str(note_id))
    run._r.append(ref)


def test_a_docx_with_footnotes_as_sources(make_wsp: MakeWsp, tmp_path: Path) -> None:
    def build(document: object) -> None:
        add = document.add_paragraph  # type: ignore[attr-defined]
        preamble = add("Na podstawie art. 5a ustawy")
        _reference(preamble, 3)  # a legal reference in the preamble: not the table's source
        add("Cel główny: Współpraca")
        heading = add("1. Działania")
        _reference(heading, 1)
        heading.add_run(".")
        add("1) obszar pierwszy")
        table = _table(
            document, [HEADER, ("1", "Szkolenia", "Liczba szkoleń", "4/rok", "Raz w roku")]
        )
        _reference(table.cell(1, 2).paragraphs[0], 2)  # type: ignore[attr-defined]

    data = _with_footnotes(
        make_docx(build),
        {1: "Materiał zespołu autorskiego programu.", 2: "Dane urzędu z 2024 r.",
         3: "Dz. U. z 2024 r. poz. 1491."},
    )  # fmt: skip
    run, written = draft(make_wsp, tmp_path, data, name="u.docx")
    assert run.exit_code == 0, run.stderr
    got = programme(written)
    assert indicators(got) == [("1.1", "Liczba szkoleń", "4/rok", "Raz w roku")]
    assert got.sources == ("Materiał zespołu autorskiego programu.", "Dane urzędu z 2024 r.")


def test_a_docx_table_with_a_baseline_column(make_wsp: MakeWsp, tmp_path: Path) -> None:
    def build(document: object) -> None:
        document.add_paragraph("Cel główny: Współpraca")  # type: ignore[attr-defined]
        document.add_paragraph("Obszar 1: Konsultacje")  # type: ignore[attr-defined]
        _table(
            document,
            [
                ("L.p.", "Nazwa działania", "Wskaźnik", "Wartość bazowa", "Wartość docelowa",
                 "Częstotliwość pomiaru"),
                ("1", "Konsultacje", "Odsetek uchwał", "35%", "wzrost o 10%", "Raz w roku"),
                ("2", "Spotkania", "Liczba spotkań", "nie badano", "4/rok", "Raz w roku"),
            ],
        )  # fmt: skip

    run, written = draft(make_wsp, tmp_path, make_docx(build), name="u.docx", lang="en")
    assert run.exit_code == 0, run.stderr
    got = programme(written)
    found = [
        (i.id, i.target_text, i.baseline.value if i.baseline else None) for i in got.indicators
    ]
    assert found == [("1.1", "wzrost o 10%", 35), ("1.2", "4/rok", None)]
    assert "a baseline wsp does not read as a number" in run.stderr
    assert "„nie badano”" in written

"""The reports as a Word document (python-docx, imported only here).

The :mod:`.report_layout` blocks as Word sees them: headings in the built-in
``Heading 1``–``3`` styles, as in the HTML (the title, the sections, the areas; a table of
contents and the navigation pane find them), real tables with a repeated header row and a
caption above each, the document's language set on its default style and in its properties
(spell checking, screen readers). A4 landscape.
"""

from __future__ import annotations

import io
from typing import Any

from wspolpraca_cli.render.report_layout import Bullets, Heading, Paragraph, Table, layout
from wspolpraca_cli.safe_text import shown

LANGUAGES = {"pl": "pl-PL", "en": "en-GB"}


def _language(document: Any, tag: str) -> None:
    """The language of every run that does not say otherwise: ``w:lang`` on the document's
    default run properties, and on the Normal style."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    targets = []
    if defaults is not None:
        rpr_default = defaults.find(qn("w:rPrDefault"))
        if rpr_default is not None:
            rpr = rpr_default.find(qn("w:rPr"))
            if rpr is not None:
                targets.append(rpr)
    targets.append(document.styles["Normal"].element.get_or_add_rPr())
    for rpr in targets:
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(qn("w:val"), tag)
        lang.set(qn("w:eastAsia"), tag)
        lang.set(qn("w:bidi"), tag)


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _paragraph(text: str, *, bold: bool = False, right: bool = False) -> str:
    from xml.sax.saxutils import escape

    ppr = '<w:pPr><w:jc w:val="right"/></w:pPr>' if right else ""
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    run = f'<w:r>{rpr}<w:t xml:space="preserve">{escape(shown(text))}</w:t></w:r>' if text else ""
    return f"<w:p>{ppr}{run}</w:p>"


def table_xml(block: Table) -> str:
    """A table as WordprocessingML, written at once: python-docx's cell by cell API takes
    seconds for the tens of thousands of cells of a 1,000-indicator report. The built-in
    ``Table Grid`` style, a header row repeated on every page, figures right-aligned."""
    total = sum(block.widths) or 1
    width = 269 * 567 // 10  # the A4 landscape text width (269 mm) in twentieths of a point
    widths = [w * width // total for w in block.widths] or [width // len(block.headers)] * len(
        block.headers
    )
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    out = [
        f'<w:tbl xmlns:w="{W_NS}"><w:tblPr><w:tblStyle w:val="TableGrid"/>'
        f'<w:tblW w:w="0" w:type="auto"/><w:tblLook w:val="04A0"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>",
        "<w:tr><w:trPr><w:tblHeader/></w:trPr>",
    ]
    for n, name in enumerate(block.headers):
        out.append(f'<w:tc><w:tcPr><w:tcW w:w="{widths[n]}" w:type="dxa"/></w:tcPr>')
        out.append(_paragraph(name, bold=True) + "</w:tc>")
    out.append("</w:tr>")
    for cells in block.rows:
        out.append("<w:tr>")
        for n, cell in enumerate(cells):
            right = n in block.numeric
            lines = cell.lines or (cell.text,)
            body = "".join(_paragraph(line, right=right) for line in lines)
            out.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{widths[n]}" w:type="dxa"/></w:tcPr>{body}</w:tc>'
            )
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def render_docx(report: Any) -> bytes:
    """The document's bytes."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.oxml import parse_xml
    from docx.shared import Mm, Pt

    doc = layout(report)
    document = Document()
    tag = LANGUAGES.get(doc.lang, doc.lang)
    _language(document, tag)
    document.core_properties.language = tag
    document.core_properties.title = shown(doc.title)
    document.core_properties.author = "wsp"
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(14))
    document.styles["Normal"].font.size = Pt(9)

    document.add_heading(shown(doc.title), level=1)
    facts = document.add_table(rows=0, cols=2)
    for label, value in doc.facts:
        cells = facts.add_row().cells
        cells[0].text = shown(label)
        cells[1].text = shown(value)
        for run in cells[0].paragraphs[0].runs:
            run.bold = True
    for part in doc.sections:
        document.add_heading(shown(part.title), level=2)
        for block in part.blocks:
            if isinstance(block, Heading):
                document.add_heading(shown(block.text), level=min(block.level, 9))
            elif isinstance(block, Paragraph):
                document.add_paragraph(shown(block.text))
            elif isinstance(block, Bullets):
                for item in block.items:
                    document.add_paragraph(shown(item), style="List Bullet")
            elif isinstance(block, Table):
                document.add_paragraph(shown(block.caption), style="Caption")
                document.element.body._insert_tbl(parse_xml(table_xml(block)))
    if doc.footnotes:
        for line in doc.footnotes:
            document.add_paragraph(shown(line))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()

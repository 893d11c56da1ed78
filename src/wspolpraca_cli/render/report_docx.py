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


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def render_docx(report: Any) -> bytes:
    """The document's bytes."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
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
                table = document.add_table(rows=1, cols=len(block.headers))
                table.style = "Table Grid"
                head = table.rows[0]
                _repeat_header(head)
                for cell, name in zip(head.cells, block.headers, strict=True):
                    cell.text = shown(name)
                    for run in cell.paragraphs[0].runs:
                        run.bold = True
                for cells in block.rows:
                    out = table.add_row().cells
                    for n, (target, cell) in enumerate(zip(out, cells, strict=True)):
                        lines = cell.lines or (cell.text,)
                        target.text = shown(lines[0])
                        for line in lines[1:]:
                            target.add_paragraph(shown(line))
                        if n in block.numeric:
                            for paragraph in target.paragraphs:
                                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if doc.footnotes:
        for line in doc.footnotes:
            document.add_paragraph(shown(line))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()

"""The reports as an OpenDocument text (odfpy, imported only here), for LibreOffice.

The :mod:`.report_layout` blocks as real ODF: headings (``text:h`` with their outline
level — 1 the title, 2 the sections, 3 the areas, as in the HTML), tables (``table:table``
with a repeated header row) with a caption paragraph above each, lists, and the document's
language on its default style and in its metadata. A4 landscape.
"""

from __future__ import annotations

import io
from typing import Any

from wspolpraca_cli.render.report_layout import Bullets, Heading, Paragraph, Table, layout
from wspolpraca_cli.safe_text import shown

COUNTRIES = {"pl": "PL", "en": "GB"}


def _plain(value: float) -> str:
    """A number as ODF's ``office:value`` holds it: ``3``, ``120000.5``."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def render_odt(report: Any) -> bytes:
    """The document's bytes."""
    from odf import dc, table, text
    from odf.opendocument import OpenDocumentText
    from odf.style import (
        DefaultStyle,
        PageLayout,
        PageLayoutProperties,
        ParagraphProperties,
        Style,
        TableCellProperties,
        TableColumnProperties,
        TableProperties,
        TextProperties,
    )
    from odf.style import (
        MasterPage as Master,
    )

    doc = layout(report)
    language = doc.lang
    country = COUNTRIES.get(language, "")
    odt = OpenDocumentText()
    odt.meta.addElement(dc.Language(text=f"{language}-{country}" if country else language))
    odt.meta.addElement(dc.Title(text=shown(doc.title)))

    default = DefaultStyle(family="paragraph")
    default.addElement(
        TextProperties(
            language=language, country=country or "none", fontsize="9pt", fontname="Liberation Sans"
        )
    )
    odt.styles.addElement(default)

    page = PageLayout(name="A4Landscape")
    page.addElement(
        PageLayoutProperties(
            pagewidth="297mm",
            pageheight="210mm",
            printorientation="landscape",
            margin="14mm",
        )
    )
    odt.automaticstyles.addElement(page)
    odt.masterstyles.addElement(Master(name="Standard", pagelayoutname=page))

    headings: dict[int, Style] = {}
    sizes = {1: "18pt", 2: "14pt", 3: "12pt"}
    for level, size in sizes.items():
        name = f"Heading {level}"
        style = Style(name=name, family="paragraph", defaultoutlinelevel=str(level))
        style.addElement(TextProperties(fontsize=size, fontweight="bold"))
        style.addElement(ParagraphProperties(margintop="4mm", marginbottom="2mm"))
        odt.styles.addElement(style)
        headings[level] = style
    caption = Style(name="Caption", family="paragraph")
    caption.addElement(TextProperties(fontweight="bold"))
    caption.addElement(ParagraphProperties(margintop="2mm", marginbottom="1mm"))
    odt.styles.addElement(caption)
    body = Style(name="Table Contents", family="paragraph")
    odt.styles.addElement(body)
    head_text = Style(name="Table Heading", family="paragraph")
    head_text.addElement(TextProperties(fontweight="bold"))
    odt.styles.addElement(head_text)
    right = Style(name="Table Figure", family="paragraph", parentstylename=body)
    right.addElement(ParagraphProperties(textalign="end"))
    odt.automaticstyles.addElement(right)
    grid = Style(name="Grid", family="table")
    grid.addElement(TableProperties(width="269mm", align="margins"))
    odt.automaticstyles.addElement(grid)
    cell_style = Style(name="GridCell", family="table-cell")
    cell_style.addElement(TableCellProperties(border="0.5pt solid #6b7480", padding="0.8mm"))
    odt.automaticstyles.addElement(cell_style)
    head_cell = Style(name="GridHead", family="table-cell")
    head_cell.addElement(
        TableCellProperties(
            border="0.5pt solid #6b7480", padding="0.8mm", backgroundcolor="#e4e9f0"
        )
    )
    odt.automaticstyles.addElement(head_cell)

    def heading(level: int, words: str) -> None:
        odt.text.addElement(
            text.H(outlinelevel=level, stylename=headings[min(level, 3)], text=words)
        )

    def add_table(block: Table, count: int) -> None:
        total = sum(block.widths) or 1
        out = table.Table(name=f"Tabela{count}", stylename=grid)
        for n, width in enumerate(block.widths or (1,) * len(block.headers)):
            column = Style(name=f"T{count}C{n}", family="table-column")
            column.addElement(TableColumnProperties(relcolumnwidth=f"{width * 1000 // total}*"))
            odt.automaticstyles.addElement(column)
            out.addElement(table.TableColumn(stylename=column))
        header_rows = table.TableHeaderRows()
        row = table.TableRow()
        for name in block.headers:
            cell = table.TableCell(stylename=head_cell, valuetype="string")
            cell.addElement(text.P(stylename=head_text, text=shown(name)))
            row.addElement(cell)
        header_rows.addElement(row)
        out.addElement(header_rows)
        for cells in block.rows:
            row = table.TableRow()
            for n, item in enumerate(cells):
                style = right if n in block.numeric else body
                if item.number is not None and item.kind:
                    cell = table.TableCell(
                        stylename=cell_style, valuetype="float", value=_plain(item.number)
                    )
                else:
                    cell = table.TableCell(stylename=cell_style, valuetype="string")
                for line in item.lines or (item.text,):
                    cell.addElement(text.P(stylename=style, text=shown(line)))
                row.addElement(cell)
            out.addElement(row)
        odt.text.addElement(text.P(stylename=caption, text=shown(block.caption)))
        odt.text.addElement(out)

    heading(1, shown(doc.title))
    fact_table = table.Table(name="Dane", stylename=grid)
    fact_table.addElement(table.TableColumn(numbercolumnsrepeated=2))
    for label, value in doc.facts:
        row = table.TableRow()
        for words, style in ((label, head_text), (value, body)):
            cell = table.TableCell(valuetype="string")
            cell.addElement(text.P(stylename=style, text=shown(words)))
            row.addElement(cell)
        fact_table.addElement(row)
    odt.text.addElement(fact_table)
    tables = 0
    for part in doc.sections:
        heading(2, shown(part.title))
        for block in part.blocks:
            if isinstance(block, Heading):
                heading(block.level, shown(block.text))
            elif isinstance(block, Paragraph):
                odt.text.addElement(text.P(text=shown(block.text)))
            elif isinstance(block, Bullets):
                items = text.List()
                for words in block.items:
                    entry = text.ListItem()
                    entry.addElement(text.P(text=shown(words)))
                    items.addElement(entry)
                odt.text.addElement(items)
            elif isinstance(block, Table):
                tables += 1
                add_table(block, tables)
    for line in doc.footnotes:
        odt.text.addElement(text.P(text=shown(line)))
    buffer = io.BytesIO()
    odt.write(buffer)
    return buffer.getvalue()

"""A DOCX's paragraphs and real Word tables, in reading order, through python-docx
(imported here only)."""

from __future__ import annotations

import io
from pathlib import Path

from wspolpraca_cli.draft.model import Line, Source, Table, Where
from wspolpraca_cli.draft.read import DraftInputError, clean_text
from wspolpraca_cli.i18n import t


def read_docx(path: Path, data: bytes) -> Source:
    import zipfile

    try:
        import docx
        from docx.table import Table as DocxTable
        from docx.text.paragraph import Paragraph
    except ImportError as exc:  # pragma: no cover - an ordinary dependency
        raise DraftInputError(t("draft.docx_damaged", path=path, error=exc)) from None
    try:
        document = docx.Document(io.BytesIO(data))
        items: list[Line | Table] = []
        paragraphs = tables = 0
        for block in document.iter_inner_content():
            if isinstance(block, Paragraph):
                paragraphs += 1
                for text in clean_text(block.text).split("\n"):
                    items.append(Line(text.rstrip(), Where(paragraph=paragraphs)))
            elif isinstance(block, DocxTable):
                tables += 1
                items.append(Table(_rows(block), tables))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise DraftInputError(
            t("draft.docx_damaged", path=path, error=str(exc) or type(exc).__name__)
        ) from None
    except Exception as exc:  # lxml's errors and python-docx's own have no common base
        raise DraftInputError(
            t("draft.docx_damaged", path=path, error=str(exc) or type(exc).__name__)
        ) from None
    return Source(str(path), tuple(items))


def _rows(table: object) -> tuple[tuple[str, ...], ...]:
    """The table's rows of cell texts; a cell merged across columns counted once."""
    rows = []
    for row in table.rows:  # type: ignore[attr-defined]
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            if previous is not None and cell._tc is previous:
                continue
            previous = cell._tc
            cells.append(clean_text(cell.text))
        rows.append(tuple(cells))
    return tuple(rows)

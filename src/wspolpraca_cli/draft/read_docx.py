"""A DOCX's paragraphs and real Word tables, in reading order, through python-docx
(imported here only)."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

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
        label = _numbering(document)
        notes = _Footnotes(document)
        items: list[Line | Table] = []
        paragraphs = tables = 0
        for block in document.iter_inner_content():
            if isinstance(block, Paragraph):
                paragraphs += 1
                shown = label(block)
                text = clean_text(notes.text(block._p, marked=True))
                if shown and text.strip():
                    text = f"{shown} {text.lstrip()}"
                for part in text.split("\n"):
                    items.append(Line(part.rstrip(), Where(paragraph=paragraphs)))
            elif isinstance(block, DocxTable):
                tables += 1
                items.append(Table(_rows(block, notes), tables))
        # the footnotes' texts at the end, numbered as the document shows them (as a
        # PDF's text has them at the page's bottom)
        for number, note in enumerate(notes.marked, 1):
            items.append(Line(f"{number} {note}", Where(paragraph=paragraphs + number)))
    except zipfile.BadZipFile as exc:
        raise DraftInputError(t("draft.docx_damaged", path=path, error=exc)) from None
    except Exception as exc:  # lxml's errors and python-docx's own have no common base
        raise DraftInputError(
            t("draft.docx_damaged", path=path, error=str(exc) or type(exc).__name__)
        ) from None
    return Source(str(path), tuple(items), tuple(notes.unmarked))


class _Footnotes:
    """A DOCX's footnotes (``word/footnotes.xml``), numbered in the order the text refers to
    them. A paragraph's reference becomes its number glued to the word before it, as a
    PDF's text shows it (``Działania2``); a table cell's is left out of the cell's text, its
    footnote kept apart (``unmarked``) — a table's footnote is the table's source."""

    def __init__(self, document: Any) -> None:
        self.notes: dict[str, str] = {}
        self.marked: list[str] = []
        self.unmarked: list[str] = []
        self.order: list[str] = []
        for rel in document.part.rels.values():
            if rel.reltype.endswith("/footnotes"):
                from docx.oxml import parse_xml

                root = parse_xml(rel.target_part.blob)
                for note in root.findall(_W + "footnote"):
                    if note.get(_W + "type") in ("separator", "continuationSeparator"):
                        continue
                    words = "".join(node.text or "" for node in note.iter(_W + "t"))
                    self.notes[note.get(_W + "id", "")] = " ".join(clean_text(words).split())

    def text(self, element: Any, *, marked: bool) -> str:
        """The text of a paragraph's (or a cell's) element, references included."""
        parts: list[str] = []
        for node in element.iter():
            tag = node.tag
            if tag == _W + "t":
                parts.append(node.text or "")
            elif tag == _W + "tab":
                parts.append(" ")
            elif tag in (_W + "br", _W + "cr") or (tag == _W + "p" and parts):
                parts.append("\n")  # a line break, or the cell's next paragraph
            elif tag == _W + "footnoteReference":
                note = self.notes.get(node.get(_W + "id", ""))
                if note:
                    self.order.append(note)
                    if marked:
                        self.marked.append(note)
                        parts.append(str(len(self.marked)))
                    else:
                        self.unmarked.append(note)
        return "".join(parts)


def _rows(table: object, notes: _Footnotes) -> tuple[tuple[str, ...], ...]:
    """The table's rows of cell texts; a cell merged across columns counted once."""
    rows = []
    for row in table.rows:  # type: ignore[attr-defined]
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            if previous is not None and cell._tc is previous:
                continue
            previous = cell._tc
            cells.append(clean_text(notes.text(cell._tc, marked=False)).strip())
        rows.append(tuple(cells))
    return tuple(rows)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _numbering(document: Any) -> Callable[[Any], str]:
    """The labels Word shows before its automatically numbered paragraphs (``a)``, ``1.``,
    ``II.``; a bullet as ``-``) — not in the paragraphs' text, yet how the document names
    its goals and areas. Counted per list, in reading order; a level restarts below a higher
    one."""
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return lambda paragraph: ""
    abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
    for node in root.findall(_W + "abstractNum"):
        levels = {}
        for lvl in node.findall(_W + "lvl"):
            fmt, text, start = (
                lvl.find(_W + "numFmt"),
                lvl.find(_W + "lvlText"),
                lvl.find(_W + "start"),
            )
            levels[int(lvl.get(_W + "ilvl", "0"))] = (
                fmt.get(_W + "val", "decimal") if fmt is not None else "decimal",
                text.get(_W + "val", "") if text is not None else "",
                int(start.get(_W + "val", "1")) if start is not None else 1,
            )
        abstract[node.get(_W + "abstractNumId", "")] = levels
    lists: dict[str, dict[int, tuple[str, str, int]]] = {}
    for node in root.findall(_W + "num"):
        ref = node.find(_W + "abstractNumId")
        if ref is not None:
            lists[node.get(_W + "numId", "")] = abstract.get(ref.get(_W + "val", ""), {})
    counters: dict[str, dict[int, int]] = {}

    def label(paragraph: Any) -> str:
        found = _num_pr(paragraph)
        if found is None:
            return ""
        num_id, level = found
        levels = lists.get(num_id)
        if not levels or level not in levels:
            return ""
        fmt, text, start = levels[level]
        if fmt == "bullet":
            return "-"
        count = counters.setdefault(num_id, {})
        for deeper in [k for k in count if k > level]:
            del count[deeper]
        count[level] = count.get(level, start - 1) + 1

        def shown(match: re.Match[str]) -> str:
            at = int(match[1]) - 1
            at_fmt = levels.get(at, ("decimal", "", 1))[0]
            return _formatted(count.get(at, levels.get(at, ("", "", 1))[2]), at_fmt)

        return re.sub(r"%(\d)", shown, text).strip()

    return label


def _num_pr(paragraph: Any) -> tuple[str, int] | None:
    """The paragraph's list and level: its own numbering, else its style's."""
    for holder in (paragraph._p, getattr(paragraph.style, "element", None)):
        ppr = getattr(holder, "pPr", None)
        num_pr = getattr(ppr, "numPr", None) if ppr is not None else None
        if num_pr is not None and num_pr.numId is not None:
            level = num_pr.ilvl.val if num_pr.ilvl is not None else 0
            num_id = str(num_pr.numId.val)
            return None if num_id == "0" else (num_id, int(level))
    return None


def _formatted(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter") and 1 <= n <= 26:
        letter = chr(ord("a") + n - 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman") and 1 <= n < 40:
        roman = _roman(n)
        return roman.lower() if fmt == "lowerRoman" else roman
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, digits in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += digits
            n -= value
    return out

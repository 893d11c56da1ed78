"""Finding the programme in a resolution's text: goals, action areas and their tables.

The text is what a PDF-to-text tool or a word processor gives: lines broken anywhere, a
table's cells one after another (``L.p.``, the action's name over several lines, the
indicator, then the target and the frequency, perhaps on one line), a footnote marker glued
to a heading (``Działania2.``) and the footnote's text at the bottom of the page. The parser
walks the lines once, recognising

- goals: ``cel główny: …`` / ``Cel ogólny I: …`` / ``Cel główny 1. …`` (several main goals
  too), ``cele szczegółowe:`` followed by ``a) …``, ``b) …`` or ``1) …`` items;
- a table of actions: its header (``L.p. Nazwa działania Wskaźnik Wartość docelowa
  Częstotliwość pomiaru``, over as many lines as it takes), its rows by their L.p. in order,
  each row's cells found from its end — the frequency (a phrase wsp reads), the target (the
  longest ending wsp reads), the indicator (from the first word that names a measure:
  ``Liczba``, ``Odsetek``, …, else the first line that starts with a capital) — and the action
  area whose heading (``1) …``, ``Obszar 2: …``) stands before the table;
- footnotes: ``2 Materiał …`` once a heading carried the marker 2.

Whatever it reads only in part is kept as a :class:`~.model.Check` with the original text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from wspolpraca_cli.draft import notation
from wspolpraca_cli.draft.model import (
    Action,
    Area,
    Check,
    Draft,
    Found,
    Goal,
    Indicator,
    Line,
    MainGoal,
    Source,
    Table,
    Where,
)
from wspolpraca_cli.i18n import t

_I = re.IGNORECASE
_NUMBERING = r"(?:§\s*\d+\.?\s*)?(?:\d+\s*[.)]\s*)?"
_MAIN = re.compile(
    rf"^{_NUMBERING}cel(?:em)?\s+(?:główn|ogóln|strategiczn|nadrzędn)\w*"
    r"(?:\s+(?:nr\s*)?(?P<num>(?-i:[IVXL]+)|\d+)\b(?!\.\d))?"
    r"(?:\s+programu)?(?:\s+(?:jest|to))?\s*[.:–—-]?\s*(?P<text>.*)$",
    _I,
)
_SPECIFIC = re.compile(
    rf"^{_NUMBERING}cel(?:e|em|ami)?\s+szczegółow\w*"
    r"(?:\s+(?:nr\s*)?(?P<num>\d+(?:\.\d+)*|[a-z](?=[.)]))[.)]?)?"
    r"(?:\s+programu)?(?:\s+(?:są|to|jest))?\s*[.:–—-]?\s*(?P<text>.*)$",
    _I,
)
_LETTER_ITEM = re.compile(r"^(?P<id>[a-z])\)\s*(?P<text>\S.*)$")
_NUMBER_ITEM = re.compile(r"^(?P<id>\d+(?:\.\d+)*)[.)]\s*(?P<text>\S.*)$")
_BULLET_ITEM = re.compile(r"^[-–•·]\s+(?P<text>\S.*)$")
_AREA = re.compile(
    r"^(?:(?P<num>\d+)\)\s*(?P<text>\S.*)"
    r"|obszar\b(?:\s+(?:nr\s*)?(?P<num2>(?-i:[IVXL]+)|\d+)\b)?\s*[.:–—-]?\s*(?P<text2>.*))$",
    _I,
)
_SECTION = re.compile(r"^(?:§\s*\d+|\d+\.\s+\S|[IVXL]+\.\s+\S|rozdział\s+\S)", _I)
_ACTIONS_HEADING = re.compile(
    r"^(?:§\s*\d+\.?\s*)?(?:\d+\.\s*)?(?:działania|zadania|obszary\s+(?:działań|współpracy))\b",
    _I,
)
_GOALS_HEADING = re.compile(rf"^{_NUMBERING}cele?\b", _I)
_GLUED_MARKER = re.compile(r"(?P<word>[^\W\d_]{3,})(?P<num>\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹]+)(?=[.:)]?\s*$)")
_SPACED_MARKER = re.compile(r"(?<=[^\W\d_]{3})\s(?P<num>\d{1,2})(?=[.:]?\s*$)")
"""A footnote's number set apart from the heading it marks (``Działania 2.``), as some
PDF-to-text tools give a superscript."""
_SUPERSCRIPTS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹", "123456789")
_FOOTNOTE = re.compile(r"^(?P<num>\d{1,2})\s+(?P<text>\S.*)$")
_ROW_START = re.compile(r"^(?P<lp>\d{1,3})(?P<sep>[.)])?(?:\s+(?P<text>\S.*))?$")
_PAGE_NUMBER = re.compile(
    r"^(?:[-–]\s*\d+\s*[-–]|\d{1,4}|(?:strona|str\.|page)\s*\d+(?:\s*(?:z|/|of)\s*\d+)?)$", _I
)
_YEARS = re.compile(
    r"\b(?:na\s+lata|w\s+latach|lata)\s+(?P<first>\d{4})\s*[-–—]\s*(?P<last>\d{4})\b"
    r"|\bna\s+rok\s+(?P<year>\d{4})\b",
    _I,
)
_TITLE = re.compile(
    r"(?P<head>(?:(?:wieloletni|roczny)(?:ego)?\s+)?program(?:u)?)\s+współpracy\b"
    r"(?P<rest>.{0,300}?na\s+(?:lata\s+\d{4}\s*[-–—]\s*\d{4}|rok\s+\d{4}))",
    _I,
)
_ISSUER = re.compile(
    r"\buchwał[ay]\s+nr\s+\S+\s+(?P<body>rady|sejmiku)\s+(?P<rest>(?:gminy|miasta|powiatu|"
    r"województwa|miasta\s+i\s+gminy|m\.\s*st\.)\s+.+?)\s+z\s+dnia\b",
    _I,
)

HEADER_WORDS = frozenset(
    [
        "l.p.",
        "lp.",
        "lp",
        "l.",
        "p.",
        "nr",
        "nazwa",
        "działania",
        "działanie",
        "wskaźnik",
        "wskaźniki",
        "wskaźnika",
        "wartość",
        "docelowa",
        "docelowe",
        "częstotliwość",
        "pomiaru",
        "bazowa",
        "bazowe",
        "miary",
        "jednostka",
        "sposób",
        "realizacji",
        "okres",
    ]
)
INDICATOR_WORDS = frozenset(
    [
        "liczba",
        "ilość",
        "odsetek",
        "procent",
        "udział",
        "kwota",
        "wartość",
        "wysokość",
        "suma",
        "łączna",
        "łączny",
        "średnia",
        "średni",
        "stopień",
        "poziom",
        "frekwencja",
        "przyjęcie",
        "opracowanie",
        "uruchomienie",
        "funkcjonowanie",
        "istnienie",
        "powołanie",
        "zorganizowanie",
        "przeprowadzenie",
        "opublikowanie",
        "publikacja",
    ]
)


_MEASURE_WORDS = frozenset(["liczba", "ilość", "odsetek", "procent", "kwota", "udział"])
"""Words that start an indicator even in lower case, when nothing else tells it from the
action's name."""


@dataclass
class _Token:
    word: str
    line_start: bool
    where: Where


@dataclass
class _Row:
    lp: str
    where: Where
    tokens: list[_Token] = field(default_factory=list)

    def text(self) -> str:
        return " ".join(tok.word for tok in self.tokens)


def _words(tokens: Sequence[_Token]) -> str:
    return " ".join(tok.word for tok in tokens)


def _clean(text: str) -> str:
    return " ".join(text.split())


class _Parser:
    def __init__(self, source: Source) -> None:
        self.source = source
        self.draft = Draft(source.file)
        self.items = _without_page_numbers(source.items)
        self.markers: set[str] = set()
        self.in_actions = False
        self.pending: tuple[str, list[str], Where] | None = None
        """An area's heading (its number, its lines, where) until a table follows it."""

    # the walk ---------------------------------------------------------------------------
    def run(self) -> Draft:
        self._find_metadata()
        i = 0
        while i < len(self.items):
            item = self.items[i]
            if isinstance(item, Table):
                self._docx_table(item)
                self.pending = None
                i += 1
                continue
            i = self._line(i)
        self._number_goals()
        self._link_areas()
        for note in self.source.footnotes:
            if note not in self.draft.sources:
                self.draft.sources.append(note)
        return self.draft

    def _line(self, i: int) -> int:
        line = self._text(i)
        if not line:
            return i + 1
        item = self.items[i]
        if isinstance(item, Line) and (columns := _column_header(item.text)) is not None:
            return self._column_table(i, columns)
        if _is_header_start(line):
            return self._text_table(i, headed=True)
        if m := _MAIN.match(line):
            self.pending = None
            return self._main_goal(i, m)
        if m := _SPECIFIC.match(line):
            self.pending = None
            return self._specific_goals(i, m)
        marker = _GLUED_MARKER.search(line) or _SPACED_MARKER.search(line)
        if marker and len(line) <= 80:
            heading = line[: marker.start("num")] + line[marker.end("num") :]
            spaced = marker.re is _SPACED_MARKER
            if (
                _ACTIONS_HEADING.match(heading)
                or (_SECTION.match(heading) and not spaced)
                or _GOALS_HEADING.match(heading)
            ):  # a footnote on the programme's headings (not on the preamble's law)
                self.markers.add(marker["num"].translate(_SUPERSCRIPTS))
                line = heading
        if _ACTIONS_HEADING.match(line):
            self.in_actions = True
            self.pending = None
            return i + 1
        if (m := _FOOTNOTE.match(line)) and m["num"] in self.markers:
            return self._footnote(i, m["text"])
        if m := _AREA.match(line):
            area_id = m["num"] or m["num2"] or ""
            text = m["text"] if m["num"] else m["text2"]
            self.pending = (area_id, [text] if text else [], self._where(i))
            return self._area_heading(i + 1)
        if (
            (self.in_actions or self.pending)
            and _ROW_START.match(line)
            and self._looks_like_rows(i)
        ):
            return self._text_table(i, headed=False)
        self.pending = None  # prose: a heading before it heads no table
        return i + 1

    def _text(self, i: int) -> str:
        item = self.items[i]
        return _clean(item.text) if isinstance(item, Line) else ""

    def _where(self, i: int) -> Where:
        item = self.items[i]
        return item.where if isinstance(item, Line) else Where(table=item.number)

    def _is_boundary(self, line: str) -> bool:
        """A line that starts something else: a section, a goal, an area, a table."""
        return bool(
            _SECTION.match(line)
            or _MAIN.match(line)
            or _SPECIFIC.match(line)
            or _AREA.match(line)
            or _is_header_start(line)
            or _LETTER_ITEM.match(line)
        )

    def _continuation(self, i: int, *, stop_items: bool = True) -> tuple[list[str], int]:
        """The lines that carry on a paragraph from ``i``: up to a boundary, a table, or a
        blank line after which the text does not carry on in lower case."""
        lines: list[str] = []
        while i < len(self.items) and isinstance(self.items[i], Line):
            text = self._text(i)
            if not text:
                j = i
                while j < len(self.items) and isinstance(self.items[j], Line) and not self._text(j):
                    j += 1
                nxt = self._text(j) if j < len(self.items) else ""
                if not nxt or not nxt[0].islower() or self._is_boundary(nxt):
                    return lines, j
                i = j
                continue
            if self._is_boundary(text) or (
                stop_items and (_NUMBER_ITEM.match(text) or _BULLET_ITEM.match(text))
            ):
                break
            if re.match(r"^\d{1,3}\s+\S", text):  # a table's row, a footnote
                break
            if (m := _FOOTNOTE.match(text)) and m["num"] in self.markers:
                break
            lines.append(text)
            i += 1
        return lines, i

    # metadata ---------------------------------------------------------------------------
    def _find_metadata(self) -> None:
        lines = [(item.text, item.where) for item in self.items if isinstance(item, Line)]
        joined = _clean(" ".join(text for text, _ in lines))
        if m := _YEARS.search(joined):
            first = int(m["first"] or m["year"])
            last = int(m["last"] or m["year"])
            if 1990 <= first <= last <= 2200:
                self.draft.years = (first, last)
                self.draft.years_text = Found(f"{first}-{last}", m[0])
        if m := _TITLE.search(joined):
            self.draft.title = Found(_nominative(m["head"]) + " współpracy" + m["rest"], m[0])
        if m := _ISSUER.search(joined):
            body = "Rada" if m["body"].lower() == "rady" else "Sejmik"
            rest = m["rest"]
            if rest.isupper():
                rest = rest.title()
            self.draft.issuer = Found(f"{body} {rest}", m[0])

    # goals ------------------------------------------------------------------------------
    def _main_goal(self, i: int, m: re.Match[str]) -> int:
        where = self._where(i)
        more, j = self._continuation(i + 1)
        text = _clean(" ".join([m["text"], *more]))
        goal = MainGoal(m["num"] or "", text, where)
        if not text:
            self.draft.checks.append(Check(t("draft.check.main_goal_empty"), self._text(i), where))
        self.draft.main_goals.append(goal)
        return j

    def _specific_goals(self, i: int, m: re.Match[str]) -> int:
        if not self.draft.main_goals:
            self.draft.main_goals.append(MainGoal("", ""))
        owner = self.draft.main_goals[-1]
        if m["text"]:  # "Cel szczegółowy 1.1: …": one goal on its own line
            more, j = self._continuation(i + 1)
            owner.specific.append(
                Goal(m["num"] or "", _clean(" ".join([m["text"], *more])), self._where(i))
            )
            return j
        j = i + 1
        expected: str | None = None
        while j < len(self.items) and isinstance(self.items[j], Line):
            text = self._text(j)
            if not text:
                j += 1
                continue
            item = _LETTER_ITEM.match(text) or _NUMBER_ITEM.match(text) or _BULLET_ITEM.match(text)
            if item is None or (
                expected is not None and item.groupdict().get("id") not in (expected, None)
            ):
                break
            if _MAIN.match(text) or _SPECIFIC.match(text):
                break
            item_id = item.groupdict().get("id") or ""
            more, k = self._continuation(j + 1)
            owner.specific.append(
                Goal(item_id, _clean(" ".join([item["text"], *more])), self._where(j))
            )
            expected = _next_id(item_id) if item_id else None
            j = k
        return j

    def _number_goals(self) -> None:
        """Ids: one main goal is ``główny``; several keep their numbers (``I``, ``II``), else
        are numbered. Specific goals keep their letters or numbers, prefixed with their main
        goal's id where two main goals number theirs alike; a goal without one is numbered."""
        mains = self.draft.main_goals
        if not mains:
            return
        if len(mains) == 1:
            mains[0].id = "główny"
        else:
            seen: set[str] = set()
            for n, main in enumerate(mains, 1):
                if not main.id or main.id in seen:
                    main.id = str(n)
                seen.add(main.id)
        ids = [g.id for g in self.draft.specific_goals if g.id]
        clash = len(ids) != len(set(ids))
        used = {m.id for m in mains}
        for main in mains:
            for n, goal in enumerate(main.specific, 1):
                base = goal.id or str(n)
                gid = f"{main.id}.{base}" if clash or (not goal.id and len(mains) > 1) else base
                while gid in used:
                    gid += "'"
                goal.id = gid
                used.add(gid)

    # areas and tables -------------------------------------------------------------------
    def _area_heading(self, i: int) -> int:
        assert self.pending is not None
        more, j = self._continuation(i)
        self.pending[1].extend(more)
        return j

    def _looks_like_rows(self, i: int) -> bool:
        """A numbered line that starts rows of a table without its header: a frequency
        follows before anything else starts."""
        text_lines: list[str] = []
        j = i
        while j < len(self.items) and isinstance(self.items[j], Line) and len(text_lines) < 25:
            text = self._text(j)
            if text and j > i and self._is_boundary(text):
                break
            text_lines.append(text)
            j += 1
        return bool(notation.frequency_spans(" ".join(text_lines)))

    def _new_area(self, where: Where) -> Area:
        number = len(self.draft.areas) + 1
        if self.pending is not None:
            area_id, lines, _ = self.pending
            name = _clean(" ".join(lines))
            area = Area(area_id or str(number), name or "", named=bool(name))
        else:
            area = Area(str(number), "", named=False)
        if not area.named:
            area.checks.append(Check(t("draft.check.area_unnamed"), "", where))
        used = {a.id for a in self.draft.areas}
        while area.id in used:
            area.id += "'"
        self.pending = None
        self.draft.areas.append(area)
        return area

    def _text_table(self, i: int, *, headed: bool) -> int:
        self.in_actions = True
        area = self._new_area(self._where(i))
        baseline = False
        if headed:
            i, columns = self._header(i)
            baseline = "baseline" in columns
            if "frequency" not in columns or "target" not in columns:
                area.checks.append(
                    Check(
                        t("draft.check.header_columns"),
                        " ".join(columns.values()),
                        self._where(i - 1),
                    )
                )
        else:
            area.checks.append(Check(t("draft.check.no_header"), self._text(i), self._where(i)))
        rows: list[_Row] = []
        before: list[str] = []
        expected = 1
        style: str | None = None
        while i < len(self.items) and isinstance(self.items[i], Line):
            line_item = self.items[i]
            assert isinstance(line_item, Line)
            text = self._text(i)
            if not text:
                i += 1
                continue
            if _is_header_start(text):
                j, _ = self._header(i)
                if self._row_number(j) == expected and rows:
                    i = j  # the header repeated on a new page
                    continue
                break
            start = _ROW_START.match(text)
            current = rows[-1] if rows else None
            if start and not self._row_start(start, i, expected, style, current):
                start = None
            if start:
                if start["lp"] in self.markers and not self._row_has_frequency(i, expected):
                    i = self._footnote(i, start["text"] or "")
                    continue
                style = start["sep"] or ""
                rows.append(_Row(start["lp"], line_item.where))
                self._tokens(rows[-1], start["text"] or "", line_item.where)
                expected += 1
                i += 1
                continue
            if (m := _FOOTNOTE.match(text)) and m["num"] in self.markers:
                i = self._footnote(i, m["text"])
                continue
            if _SECTION.match(text) or _MAIN.match(text) or _SPECIFIC.match(text):
                break
            if _AREA.match(text):
                break
            if rows:
                self._tokens(rows[-1], text, line_item.where, line_start=True)
            else:
                before.append(text)
            i += 1
        if before:
            area.checks.append(Check(t("draft.check.before_rows"), " ".join(before)))
        if not rows:
            area.checks.append(Check(t("draft.check.no_rows"), "", self._where(max(i - 1, 0))))
        for row in rows:
            area.actions.append(_action_from_row(row, baseline=baseline))
        return i

    def _column_table(self, i: int, columns: list[tuple[int, str, str]]) -> int:
        """A table laid out in columns (``pdftotext -layout``): each line's pieces, two
        spaces or more apart, go to the column they stand under; a number under L.p.
        starts a row."""
        area = self._new_area(self._where(i))
        i = self._skip_header(i + 1)
        rows: list[tuple[Where, dict[str, list[str]]]] = []
        while i < len(self.items) and isinstance(self.items[i], Line):
            item = self.items[i]
            assert isinstance(item, Line)
            text = self._text(i)
            if not text:
                i += 1
                continue
            if _column_header(item.text) is not None or _is_header_start(text):
                i = self._skip_header(i + 1)  # the header repeated on a new page
                continue
            cells = _cells(item.text, columns)
            lp = " ".join(cells.get("lp", []))
            single = len(cells) == 1
            if re.fullmatch(r"\d{1,3}[.)]?", lp):
                rows.append((item.where, cells))
            elif single and (m := _FOOTNOTE.match(text)) and m["num"] in self.markers:
                i = self._footnote(i, m["text"])
                continue
            elif rows and not lp:
                for key, parts in cells.items():
                    rows[-1][1].setdefault(key, []).extend(parts)
            else:
                break
            i += 1
        if not rows:
            area.checks.append(Check(t("draft.check.no_rows"), "", self._where(max(i - 1, 0))))
        headings = {key: heading for _, key, heading in columns}
        for where, cells in rows:

            def cell(key: str, cells: dict[str, list[str]] = cells) -> str:
                return _clean(" ".join(cells.get(key, [])))

            action = Action(cell("lp").rstrip(".)"), cell("name"), where=where)
            action.indicators = _docx_indicators(
                cell("indicator"), cell("target"), cell("frequency"), where, cell("baseline")
            )
            for key in cells:
                if key not in ("lp", "name", "indicator", "target", "frequency", "baseline"):
                    action.checks.append(
                        Check(t("draft.check.other_column", column=headings[key]), cell(key), where)
                    )
            if not action.indicators:
                action.checks.append(Check(t("draft.check.no_indicator"), action.name, where))
            area.actions.append(action)
        return i

    def _skip_header(self, i: int) -> int:
        while i < len(self.items) and isinstance(self.items[i], Line):
            text = self._text(i)
            if text and not _all_header_words(text):
                break
            i += 1
        return i

    def _row_start(
        self, start: re.Match[str], i: int, expected: int, style: str | None, current: _Row | None
    ) -> bool:
        """Whether a numbered line starts the next row: the next L.p., numbered as the rows
        before it (``2)`` after rows ``1``, ``2`` heads an area), and — unless the row before
        it is complete (it has its frequency) — followed by a frequency: ``2 razy w roku``
        in the middle of a cell starts no row."""
        if int(start["lp"]) != expected:
            return False
        sep = start["sep"] or ""
        if style is not None and sep != style:
            return False
        complete = current is None or bool(notation.frequency_spans(current.text()))
        if sep != "." and complete:
            return True
        return self._row_has_frequency(i, expected)

    def _row_number(self, i: int) -> int | None:
        while i < len(self.items) and isinstance(self.items[i], Line) and not self._text(i):
            i += 1
        if i >= len(self.items):
            return None
        m = _ROW_START.match(self._text(i))
        return int(m["lp"]) if m else None

    def _row_has_frequency(self, i: int, lp: int) -> bool:
        lines = [self._text(i)]
        j = i + 1
        while j < len(self.items) and isinstance(self.items[j], Line) and len(lines) < 25:
            text = self._text(j)
            start = _ROW_START.match(text)
            if (start and int(start["lp"]) == lp + 1) or (text and self._is_boundary(text)):
                break
            lines.append(text)
            j += 1
        return bool(notation.frequency_spans(" ".join(lines)))

    def _tokens(self, row: _Row, text: str, where: Where, *, line_start: bool = False) -> None:
        for n, word in enumerate(text.split()):
            row.tokens.append(_Token(word, line_start and n == 0, where))

    def _header(self, i: int) -> tuple[int, dict[str, str]]:
        """The header's lines from ``i`` (each made of header words only); the columns it
        names."""
        words: list[str] = []
        while i < len(self.items) and isinstance(self.items[i], Line):
            text = self._text(i)
            if not text:
                i += 1
                continue
            if words and not _all_header_words(text):
                break
            words += text.split()
            i += 1
        joined = " ".join(words).lower()
        columns: dict[str, str] = {}
        for key, pattern in (
            ("lp", r"l\.\s*p\.?|lp\.?|nr"),
            ("name", r"nazwa\s+działani[ea]|działanie"),
            ("indicator", r"wskaźnik\w*"),
            ("target", r"wartość\s+docelow\w+|docelow\w+"),
            ("frequency", r"częstotliwość(?:\s+pomiaru)?|okres\s+pomiaru"),
            ("baseline", r"wartość\s+bazow\w+|bazow\w+"),
        ):
            if m := re.search(pattern, joined):
                columns[key] = m[0]
        return i, columns

    def _docx_table(self, table: Table) -> None:
        header_at, columns = _docx_header(table)
        if columns is None:
            if not _docx_rows_like_actions(table):
                return
            columns = {"lp": 0, "name": 1, "indicator": 2, "target": 3, "frequency": 4}
        self.in_actions = True
        area = self._new_area(Where(table=table.number, row=1))
        if header_at < 0:
            first = " | ".join(table.rows[0]) if table.rows else ""
            area.checks.append(
                Check(t("draft.check.no_header"), first, Where(table=table.number, row=1))
            )
        action: Action | None = None
        for n, cells in enumerate(table.rows[header_at + 1 :], header_at + 2):
            where = Where(table=table.number, row=n)

            def cell(key: str, cells: tuple[str, ...] = cells) -> str:
                col = columns.get(key) if columns else None
                return cells[col].strip() if col is not None and col < len(cells) else ""

            if _docx_header(Table((cells,), 0))[1] is not None:
                continue  # the header row repeated
            lp = _clean(cell("lp")).rstrip(".)")
            name = _clean(cell("name"))
            if not any(c.strip() for c in cells):
                continue
            if (
                action is None
                or (lp and lp != action.lp)
                or (not lp and name and name != action.name)
            ):
                action = Action(lp or str(len(area.actions) + 1), name, where=where)
                if not lp:
                    action.checks.append(Check(t("draft.check.no_lp"), " | ".join(cells), where))
                area.actions.append(action)
            action.indicators.extend(
                _docx_indicators(
                    cell("indicator"), cell("target"), cell("frequency"), where, cell("baseline")
                )
            )
            used = set(columns.values())
            for col, text in enumerate(cells):
                if col not in used and text.strip() and header_at >= 0:
                    heading = (
                        _clean(table.rows[header_at][col])
                        if col < len(table.rows[header_at])
                        else ""
                    )
                    action.checks.append(
                        Check(t("draft.check.other_column", column=heading), _clean(text), where)
                    )
        for act in area.actions:
            if not act.indicators:
                act.checks.append(Check(t("draft.check.no_indicator"), act.name, act.where))

    def _link_areas(self) -> None:
        """An area whose heading repeats a specific goal word for word serves that goal."""
        goals = {_normal(g.name): g for g in self.draft.specific_goals if g.name}
        for area in self.draft.areas:
            goal = goals.get(_normal(area.name))
            if goal is not None:
                area.goals = [goal.id]

    # footnotes --------------------------------------------------------------------------
    def _footnote(self, i: int, first: str) -> int:
        lines = [first]
        j = i + 1
        while j < len(self.items) and isinstance(self.items[j], Line) and len(lines) < 8:
            item = self.items[j]
            assert isinstance(item, Line)
            text = self._text(j)
            if item.page_break:
                break
            if not text:
                j += 1
                continue
            if self._is_boundary(text) or _FOOTNOTE.match(text) or _ROW_START.match(text):
                break
            lines.append(text)
            j += 1
        self.draft.sources.append(_clean(" ".join(lines)))
        return j


def _nominative(head: str) -> str:
    """``Wieloletniego programu`` → ``Wieloletni program`` (the heading's own words, in the
    nominative, as a title is written)."""
    words = head.split()
    out = []
    for word in words:
        low = word.lower()
        if low in ("wieloletniego", "wieloletni"):
            out.append("Wieloletni")
        elif low in ("rocznego", "roczny"):
            out.append("Roczny")
        else:
            shown = "program" if out else "Program"
            out.append(shown.upper() if word.isupper() and len(words) == 1 else shown)
    return " ".join(out)


def _normal(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


def _next_id(item_id: str) -> str:
    if item_id.isalpha():
        return chr(ord(item_id) + 1)
    parts = item_id.split(".")
    parts[-1] = str(int(parts[-1]) + 1)
    return ".".join(parts)


_CHUNK = re.compile(r"\S+(?: \S+)*")
"""A piece of a line laid out in columns: words one space apart."""


def _column_key(heading: str) -> str:
    low = heading.lower()
    for key, pattern in (
        ("lp", r"^(?:l\.\s?p\.?|lp\.?|nr)$"),
        ("baseline", r"bazow"),
        ("other", r"realizator|odpowiedzialn|termin|źródło|jednostka"),
        ("name", r"nazwa|działani"),
        ("indicator", r"wskaźnik"),
        ("target", r"docelow|^wartość$"),
        ("frequency", r"częstotliwość|pomiar"),
    ):
        if re.search(pattern, low):
            return key
    return "other"


def _column_header(raw: str) -> list[tuple[int, str, str]] | None:
    """The columns of a table header laid out in columns: each one's left edge, its key
    (``lp``, ``name``, ``indicator``, ``target``, ``frequency``, else ``other…``) and its
    heading; None for any other line."""
    chunks = [(m.start(), m[0]) for m in _CHUNK.finditer(raw)]
    if len(chunks) < 3:
        return None
    keys = [_column_key(text) for _, text in chunks]
    if keys[0] != "lp" or "indicator" not in keys:
        return None
    columns = []
    for n, ((start, text), key) in enumerate(zip(chunks, keys, strict=True)):
        if n:  # a cell may start a little left of its heading (headings are often centred)
            start = max(chunks[n - 1][0] + len(chunks[n - 1][1]) + 1, start - 4)
        columns.append((start, key if key != "other" else f"other{n}", text))
    return columns


def _cells(raw: str, columns: list[tuple[int, str, str]]) -> dict[str, list[str]]:
    """A line's pieces by the column each starts in."""
    cells: dict[str, list[str]] = {}
    for m in _CHUNK.finditer(raw):
        key = columns[0][1]
        for start, column, _ in columns:
            if m.start() >= start:
                key = column
        cells.setdefault(key, []).append(m[0])
    return cells


def _is_header_start(line: str) -> bool:
    low = line.lower()
    return bool(re.match(r"^(?:l\.\s?p\.?|lp\.?)(?:\s|$)", low)) and (
        _all_header_words(line) or "nazwa" in low or "wskaźnik" in low
    )


def _all_header_words(line: str) -> bool:
    words = [w.strip(",;:|").lower() for w in line.split()]
    return all(w in HEADER_WORDS for w in words if w)


def _without_page_numbers(items: Sequence[Line | Table]) -> list[Line | Table]:
    """The items without the page numbers printed beside a page break: the last line of a
    page or the first of the next, when it is that page's number (``3``, ``- 3 -``,
    ``Strona 3 z 9``) — a bare number elsewhere may be a table's cell."""
    out = list(items)
    drop = set()
    page = 1
    last_text = None  # the index of the latest line with text
    for n, item in enumerate(out):
        if not isinstance(item, Line):
            continue
        if item.page_break:
            if last_text is not None and _page_number(out[last_text], page):
                drop.add(last_text)
            page += 1
            if _page_number(item, page):
                drop.add(n)
        if item.text.strip():
            last_text = n
    kept: list[Line | Table] = []
    carry = False  # a dropped line's page break passes to the next line kept
    for n, item in enumerate(out):
        if n in drop:
            carry = carry or (isinstance(item, Line) and item.page_break)
            continue
        if carry and isinstance(item, Line):
            item = Line(item.text, item.where, True)
            carry = False
        kept.append(item)
    return kept


def _page_number(item: Line | Table, page: int) -> bool:
    if not isinstance(item, Line):
        return False
    m = _PAGE_NUMBER.match(_clean(item.text))
    return m is not None and str(page) in re.findall(r"\d+", m[0])[:1]


def _action_from_row(row: _Row, *, baseline: bool = False) -> Action:
    action = Action(row.lp, "", where=row.where)
    tokens = row.tokens
    text = row.text()
    spans = _token_spans(tokens, notation.frequency_spans(text))
    if not spans:
        end = _target_before_tail(tokens)
        tail = _words(tokens[end:]) or None
        name, indicators = _split_name(tokens[:end], tail, baseline)
        action.name = name
        if not indicators:
            action.checks.append(Check(t("draft.check.row_unread"), text, row.where))
        action.indicators = indicators
        return action
    last_start, last_end = spans[-1]
    if last_end < len(tokens):
        action.checks.append(
            Check(t("draft.check.after_row"), _words(tokens[last_end:]), tokens[last_end].where)
        )
    segments: list[tuple[list[_Token], str]] = []
    end, freq = last_start, _words(tokens[last_start:last_end])
    for start, stop in reversed(spans[:-1]):
        between = tokens[stop:end]
        if (
            between
            and _starts_indicator(between[0])
            and notation.target_at_end(
                [tok.word for tok in tokens[:start]], keep=2, after_number=baseline
            )
        ):
            segments.append((between, freq))
            end, freq = start, _words(tokens[start:stop])
    first_indicators: list[Indicator]
    action.name, first_indicators = _split_name(tokens[:end], freq, baseline)
    extra = [_indicator(seg, f, row.where, baseline) for seg, f in reversed(segments)]
    action.indicators = first_indicators + extra
    if not first_indicators:
        action.checks.append(Check(t("draft.check.no_indicator"), _words(tokens[:end]), row.where))
    return action


def _target_before_tail(tokens: list[_Token], most_tail: int = 6) -> int:
    """Where the cells before an unread frequency end: after the last target wsp reads that
    a few words at most follow (``3/rok raz na trzy lata``); the whole row when none does."""
    words = [tok.word for tok in tokens]
    for end in range(len(words), max(len(words) - most_tail, 2) - 1, -1):
        if notation.target_at_end(words[:end], keep=2):
            return end
    return len(words)


def _token_spans(tokens: list[_Token], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character spans of the row's text as token ranges (only those on word boundaries)."""
    starts, ends, pos = {}, {}, 0
    for n, tok in enumerate(tokens):
        starts[pos] = n
        pos += len(tok.word)
        ends[pos] = n + 1
        pos += 1
    return [(starts[a], ends[b]) for a, b in spans if a in starts and b in ends]


def _starts_indicator(tok: _Token) -> bool:
    word = tok.word.lstrip("(„\"'")
    return bool(word) and word[0].isupper() and word.lower() in INDICATOR_WORDS


def _capital(tok: _Token) -> bool:
    word = tok.word.lstrip("(„\"'")
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and letters[0].isupper() and not (len(letters) > 1 and word.isupper())


def _split_name(
    tokens: list[_Token], freq: str | None, baseline: bool = False
) -> tuple[str, list[Indicator]]:
    """The action's name and its (first) indicator from the cells before the frequency."""
    if not tokens:
        return "", []
    words = [tok.word for tok in tokens]
    n_target = notation.target_at_end(words, keep=2, after_number=baseline) or 0
    body = tokens[: len(tokens) - n_target]
    cut = next((k for k in range(1, len(body)) if _starts_indicator(body[k])), None)
    if cut is None:
        cut = next(
            (k for k in range(1, len(body)) if body[k].line_start and _capital(body[k])), None
        )
    guessed = False
    if cut is None:  # all in lower case: the last word that names a measure (``liczba``)
        found = [k for k in range(1, len(body)) if body[k].word.lower() in _MEASURE_WORDS]
        cut, guessed = (found[-1], True) if found else (None, False)
    if cut is None:
        return _words(tokens), []
    indicator = _indicator(tokens[cut:], freq, body[cut].where, baseline)
    if guessed:
        indicator.checks.append(
            Check(t("draft.check.indicator_guessed", word=body[cut].word), _words(tokens),
                  body[cut].where)
        )  # fmt: skip
    return _words(body[:cut]), [indicator]


def _indicator(
    tokens: list[_Token], freq: str | None, where: Where, baseline: bool = False
) -> Indicator:
    words = [tok.word for tok in tokens]
    n_target = notation.target_at_end(words, keep=1, after_number=baseline) or 0
    name_words = words[: len(words) - n_target]
    target = " ".join(words[len(words) - n_target :]) if n_target else None
    base = None
    if baseline and len(name_words) > 1:  # the baseline column, before the target
        if name_words[-1].lower() in ("-", "–", "—", "brak", "b.d.", "n/d", "x"):
            name_words.pop()  # no baseline
        elif notation.baseline_value(name_words[-1]) is not None:
            base = name_words.pop()
    ind = Indicator(" ".join(name_words), target, freq, baseline=base, where=where)
    if target is None:
        ind.checks.append(Check(t("draft.check.no_target"), ind.name, where))
    return ind


def _docx_header(table: Table) -> tuple[int, dict[str, int] | None]:
    for n, cells in enumerate(table.rows[:3]):
        columns: dict[str, int] = {}
        for col, text in enumerate(cells):
            low = _clean(text).lower()
            for key, pattern in (
                ("lp", r"^(?:l\.\s*p\.?|lp\.?|nr)$"),
                ("baseline", r"bazow"),
                ("name", r"nazwa|^działani"),
                ("indicator", r"wskaźnik"),
                ("target", r"docelow"),
                ("frequency", r"częstotliwość|okres pomiaru"),
            ):
                if key not in columns and re.search(pattern, low):
                    columns[key] = col
                    break
        if "indicator" in columns and ("lp" in columns or "name" in columns):
            return n, columns
    return -1, None


def _docx_rows_like_actions(table: Table) -> bool:
    """A table without a header whose rows look like the table of actions: five cells or
    more, a number first, a frequency wsp reads."""
    return any(
        len(cells) >= 5
        and _ROW_START.match(_clean(cells[0]) or "x")
        and notation.frequency_spans(" ".join(cells))
        for cells in table.rows
    )


def _docx_indicators(
    name: str, target: str, freq: str, where: Where, baseline: str = ""
) -> list[Indicator]:
    """An indicator cell's indicators: one per paragraph when the target cell has as many
    (``Liczba szkoleń`` / ``Liczba uczestników`` beside ``5`` / ``100``)."""
    spans = notation.frequency_spans(target)
    if not freq.strip() and spans and not target[spans[-1][1] :].strip():
        target, freq = target[: spans[-1][0]], target[spans[-1][0] :]  # one cell for both
    names = [_clean(p) for p in name.splitlines() if p.strip()]
    targets = [_clean(p) for p in target.splitlines() if p.strip()]
    freqs = [_clean(p) for p in freq.splitlines() if p.strip()]
    if len(names) > 1 and len(targets) == len(names) and len(freqs) in (1, len(names)):
        freqs = freqs * len(names) if len(freqs) == 1 else freqs
        rows = list(zip(names, targets, freqs, strict=True))
    else:
        rows = [(_clean(name), _clean(target), _clean(freq))]
    out = []
    for ind_name, ind_target, ind_freq in rows:
        if not ind_name:
            if ind_target or ind_freq:
                ind = Indicator("", ind_target or None, ind_freq or None, where=where)
                out.append(ind)
            continue
        ind = Indicator(ind_name, ind_target or None, ind_freq or None, where=where)
        if len(rows) == 1 and _clean(baseline):
            ind.baseline = _clean(baseline)
        if not ind_target:
            ind.checks.append(Check(t("draft.check.no_target"), ind_name, where))
        out.append(ind)
    return out


def parse(source: Source) -> Draft:
    """The programme found in ``source`` (never raises for what the text holds)."""
    return _Parser(source).run()

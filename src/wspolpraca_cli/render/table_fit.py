"""A plain table that fits a width: free text wraps at spaces, headers wrap at spaces, and when
that is not enough the least important columns are left out — never those marked essential
(the period, the status), and no cell is ever cut.

``wsp history`` and the history under ``wsp show ID`` lay out their tables with :func:`fit`;
the plain form joins the cells with two spaces, the terminal form styles each cell
(:mod:`wspolpraca_cli.render.terminal`).
"""

from __future__ import annotations

from collections.abc import Sequence

from wspolpraca_cli.records import record

GAP = 2
"""Spaces between two columns."""
WRAP_MIN = 16
"""The narrowest a column of free text gets before columns are left out."""


@record
class Column:
    key: str
    """What the column is (for styling and tests): ``period``, ``status``, ``note``…"""
    header: str
    cells: Sequence[str]
    """One line each (free text may wrap, see ``wrap``)."""
    align: str = "l"
    """``l`` or ``r``."""
    drop: int = 0
    """0: essential, always shown; else left out in rising order when the table is too wide."""
    wrap: bool = False
    """Free text: its cells may wrap at spaces (a word longer than the column is folded)."""

    @property
    def natural(self) -> int:
        return max([len(self.header), *(len(c) for c in self.cells)])

    @property
    def narrowest(self) -> int:
        header = max((len(w) for w in self.header.split()), default=0)
        if self.wrap:
            return max(min(self.natural, WRAP_MIN), min(header, WRAP_MIN))
        return max([header, *(len(c) for c in self.cells)])

    @property
    def empty(self) -> bool:
        return not any(self.cells)


@record
class Fitted:
    """The columns kept, in their order, and the width of each."""

    columns: tuple[Column, ...]
    widths: tuple[int, ...]
    rows: int = 0

    @property
    def total(self) -> int:
        return sum(self.widths) + GAP * max(len(self.widths) - 1, 0)

    def header_lines(self) -> list[list[str]]:
        """The header's lines, each a list of cells padded to their widths."""
        return _block([c.header for c in self.columns], self.columns, self.widths, header=True)

    def row_lines(self, index: int) -> list[list[str]]:
        """The lines of row ``index``, each a list of cells padded to their widths."""
        return _block([c.cells[index] for c in self.columns], self.columns, self.widths)

    def rule(self, char: str = "-") -> list[str]:
        """The line under the header, one run of ``char`` per column."""
        return [char * w for w in self.widths]

    def lines(self) -> list[str]:
        """The whole table as plain lines: the header, its rule, the rows."""
        out = [_join(cells) for cells in self.header_lines()]
        out.append(_join(self.rule()))
        for n in range(self.rows):
            out += [_join(cells) for cells in self.row_lines(n)]
        return out


def _join(cells: list[str]) -> str:
    return (" " * GAP).join(cells).rstrip()


def _wrapped(text: str, width: int) -> list[str]:
    if len(text) <= width:
        return [text]
    import textwrap

    return textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False) or [""]


def _block(
    texts: list[str], columns: Sequence[Column], widths: Sequence[int], *, header: bool = False
) -> list[list[str]]:
    parts = [
        _wrapped(text, w) if header or c.wrap else [text]
        for text, c, w in zip(texts, columns, widths, strict=True)
    ]
    height = max((len(p) for p in parts), default=1)
    out = []
    for k in range(height):
        line = []
        for p, c, w in zip(parts, columns, widths, strict=True):
            text = p[k] if k < len(p) else ""
            line.append(text.rjust(w) if c.align == "r" else text.ljust(w))
        out.append(line)
    return out


def fit(columns: Sequence[Column], width: int | None) -> Fitted:
    """Lay the columns out in ``width`` characters (None: no limit, each column as wide as its
    widest cell): first wrap the headers and the free text, then leave out columns — those
    without any content first, then in the order of their ``drop`` — until it fits. Essential
    columns stay even if the table then cannot fit (narrower than about 40 characters)."""
    rows = len(columns[0].cells) if columns else 0
    kept = [c for c in columns if c.natural]  # no header, nothing in it: not even a gap

    def total(widths: list[int]) -> int:
        return sum(widths) + GAP * max(len(widths) - 1, 0)

    natural = [c.natural for c in kept]
    if width is None or total(natural) <= width:
        return Fitted(tuple(kept), tuple(natural), rows)
    while total([c.narrowest for c in kept]) > width:
        droppable = [c for c in kept if c.drop]
        if not droppable:
            break
        kept.remove(min(droppable, key=lambda c: (not c.empty, c.drop)))
    widths = [c.narrowest for c in kept]
    spare = width - total(widths)
    # What is left goes to the free text first (to wrap it less), then to the headers.
    for wrapping in (True, False):
        wanted = [(n, c.natural - widths[n]) for n, c in enumerate(kept) if c.wrap is wrapping]
        want = sum(w for _, w in wanted)
        if spare <= 0 or want <= 0:
            continue
        share = min(spare, want)
        given = 0
        for n, w in wanted:
            extra = min(w, share * w // want)
            widths[n] += extra
            given += extra
        for n, _ in wanted:  # the rounding's remainder, left to right
            if given >= share:
                break
            extra = min(kept[n].natural - widths[n], share - given)
            widths[n] += extra
            given += extra
        spare -= given
    return Fitted(tuple(kept), tuple(widths), rows)

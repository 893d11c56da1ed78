"""The reports as one self-contained HTML file, publishable in BIP (WCAG 2.1 AA).

No external resources: the CSS is inline, the chart is inline SVG, fonts are the system's.
The page has its ``lang``, headings in order (h1 title, h2 sections, h3 areas), every table
a ``<caption>``, ``th scope="col"`` headers and the indicator as ``th scope="row"``; a status
is a word (its colour only repeats it); text and its background keep a contrast of at least
4.5:1. Below 48em a table's rows become stacked cards, each cell labelled with its column's
header, so the page reflows at 320 px without horizontal scrolling and figures wrap inside
their cells. Print CSS lays it out on A4 with repeated table headers. Every text coming from
the programme or the entries is HTML-escaped.
"""

from __future__ import annotations

import html as _html
from typing import Any

from wspolpraca_cli.progress import Status
from wspolpraca_cli.render.report_layout import (
    Bullets,
    Cell,
    Chart,
    Heading,
    Layout,
    Paragraph,
    Table,
    layout,
)
from wspolpraca_cli.safe_text import shown


def escape(text: str) -> str:
    """Text as HTML shows it: markup escaped, control characters (which HTML cannot hold)
    shown escaped (``\\x1b``)."""
    return _html.escape(shown(text))


STATUS_CLASS: dict[Status, str] = {
    Status.ACHIEVED: "ok",
    Status.IN_PROGRESS: "run",
    Status.MISSED: "bad",
    Status.AWAITING: "wait",
    Status.OVERDUE: "bad",
    Status.NOT_STARTED: "idle",
    Status.REPORTED: "info",
}

BAR_COLOUR: dict[str, str] = {
    "ok": "#1b6e20",
    "run": "#0d4a8a",
    "bad": "#a11a1a",
    "wait": "#7a5a00",
    "idle": "#555555",
    "info": "#5e2470",
}
"""Bar fills: each at least 3:1 against white and the track (non-text contrast)."""

CSS = """
@page { size: A4 portrait; margin: 16mm 14mm 18mm 14mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Liberation Sans", Arial, "Helvetica Neue", sans-serif; color: #1a1a1a;
  background: #ffffff; font-size: 1rem; line-height: 1.4; margin: 0 auto; max-width: 75rem;
  padding: 1rem; overflow-wrap: break-word; }
h1 { font-size: 1.6rem; margin: 0 0 1rem; padding-bottom: 0.4rem;
  border-bottom: 2px solid #1f3b63; color: #1f3b63; }
h2 { font-size: 1.3rem; color: #1f3b63; margin: 1.8rem 0 0.6rem; break-after: avoid; }
h3 { font-size: 1.1rem; margin: 1.2rem 0 0.4rem; break-after: avoid; }
p.goals { margin: 0 0 0.5rem; color: #3d3d3d; font-size: 0.9rem; }
caption { text-align: left; font-weight: 600; padding: 0 0 0.3rem; color: #1a1a1a; }
.sr { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
table.meta { border-collapse: collapse; margin-bottom: 0.5rem; width: 100%; }
table.meta th { text-align: left; font-weight: 600; padding: 0.2rem 1rem 0.2rem 0;
  vertical-align: top; width: 30%; color: #3d3d3d; }
table.meta td { padding: 0.2rem 0; vertical-align: top; }
table.grid { border-collapse: collapse; width: 100%; font-size: 0.8rem; }
table.grid th, table.grid td { border: 1px solid #6b7480; padding: 0.3rem 0.35rem;
  vertical-align: top; text-align: left; overflow-wrap: anywhere; word-break: normal;
  hyphens: auto; }
table.grid thead th { background: #e4e9f0; font-weight: 600; }
table.grid tbody th { font-weight: 400; }
table.grid thead { display: table-header-group; }
table.grid tr { break-inside: avoid; }
table.grid .num { text-align: right; }
.bar { height: 0.45rem; background: #ffffff; border: 1px solid #6b7480; margin-top: 0.2rem;
  overflow: hidden; max-width: 6rem; }
.bar span { display: block; height: 100%; }
.st { display: inline-block; padding: 0 0.2rem; font-weight: 600; border-left: 0.25rem solid;
  line-height: 1.3; }
.st.ok { background: #e3f1e4; color: #174d1a; } .st.run { background: #e3eef9; color: #0b3f75; }
.st.bad { background: #fbe3e3; color: #8a1616; } .st.wait { background: #fdf3d8; color: #5c4300; }
.st.idle { background: #eeeeee; color: #3d3d3d; } .st.info { background: #f1e6f5; color: #4f1e5e; }
ul.notes { margin: 0; padding-left: 1rem; } ul.notes li { margin: 0 0 0.15rem; }
ul.missing li { margin-bottom: 0.35rem; }
figure.chart { margin: 1.2rem 0; } figure.chart figcaption { font-weight: 600; }
figure.chart svg { width: 100%; max-width: 48rem; height: auto; display: block; }
.foot { margin-top: 2rem; padding-top: 0.5rem; border-top: 1px solid #6b7480;
  font-size: 0.85rem; color: #3d3d3d; }
@media screen and (max-width: 48em) {
  body { padding: 0.5rem; }
  table.grid, table.grid tbody, table.grid tr, table.grid td, table.grid tbody th {
    display: block; width: 100%; }
  table.grid caption { display: block; }
  table.grid thead { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); }
  table.grid tr { border: 1px solid #6b7480; margin-bottom: 0.6rem; }
  table.grid td, table.grid tbody th { border: 0; border-bottom: 1px solid #d0d5db;
    text-align: left; }
  table.grid .num { text-align: left; }
  table.grid td[data-label]::before, table.grid tbody th[data-label]::before {
    content: attr(data-label) ": "; font-weight: 600; }
  td.empty { display: none; }
  table.meta th, table.meta td { display: block; width: 100%; padding: 0; }
  table.meta td { margin-bottom: 0.4rem; }
}
@media print { body { padding: 0; max-width: none; font-size: 9pt; }
  table.grid { font-size: 7.5pt; } h2 { break-after: avoid; } }
"""


def _text(cell: Cell, row_status: Status | None) -> str:
    if cell.lines:
        items = "".join(f"<li>{escape(line)}</li>" for line in cell.lines)
        return f'<ul class="notes">{items}</ul>'
    text = escape(cell.text)
    if cell.status is not None:
        css = STATUS_CLASS[cell.status]
        text = f'<span class="st {css}" data-status="{cell.status.value}">{text}</span>'
    if cell.bar is not None:
        colour = BAR_COLOUR[STATUS_CLASS[row_status] if row_status is not None else "run"]
        width = f"{cell.bar * 100:.0f}%"
        text += (
            f'<div class="bar" aria-hidden="true">'
            f'<span style="width:{width};background:{colour}"></span></div>'
        )
    return text


def _row(table: Table, row: tuple[Cell, ...]) -> str:
    status = next((c.status for c in row if c.status is not None), None)
    cells: list[str] = []
    for n, cell in enumerate(row):
        if cell.span == 0:
            continue
        empty = not cell.text and not cell.lines
        # the stacked layout (narrow screens) labels each cell with its column's header
        attrs = "" if empty else f' data-label="{escape(table.headers[n])}"'
        if cell.span > 1:
            attrs += f' rowspan="{cell.span}"'
        classes = [name for name, on in (("num", n in table.numeric), ("empty", empty)) if on]
        if classes:
            attrs += f' class="{" ".join(classes)}"'
        tag = "th" if cell.header else "td"
        scope = ' scope="row"' if cell.header else ""
        cells.append(f"<{tag}{scope}{attrs}>{_text(cell, status)}</{tag}>")
    return "<tr>" + "".join(cells) + "</tr>"


def _table(table: Table, heading: str = "") -> list[str]:
    """A table; its caption is hidden on screen (not from a screen reader) when the heading
    right above says the same."""
    heads = "".join(
        f'<th scope="col" class="num">{escape(h)}</th>'
        if n in table.numeric
        else f'<th scope="col">{escape(h)}</th>'
        for n, h in enumerate(table.headers)
    )
    total = sum(table.widths) or 1
    cols = "".join(f'<col style="width:{w * 100 / total:.1f}%">' for w in table.widths)
    key = f' data-area="{escape(table.key)}"' if table.key else ""
    out = [f'<table class="grid {escape(table.name)}"{key}>']
    hidden = ' class="sr"' if table.caption == heading else ""
    out.append(f"<caption{hidden}>{escape(table.caption)}</caption>")
    if cols:
        out.append(f"<colgroup>{cols}</colgroup>")
    out.append(f"<thead><tr>{heads}</tr></thead><tbody>")
    out += [_row(table, r) for r in table.rows]
    out.append("</tbody></table>")
    return out


def _chart(chart: Chart, number: int) -> list[str]:
    """A horizontal bar per indicator (the degree of achievement, capped at 100% of the
    track, the figure written beside it), as inline SVG with a text alternative."""
    row_h, label_w, track_w, gap = 22, 260, 300, 8
    height = row_h * len(chart.bars) + 30
    width = label_w + track_w + 90
    ident = f"chart{number}"
    parts = [
        f'<figure class="chart"><figcaption id="{ident}-cap">{escape(chart.title)}</figcaption>',
        f'<svg role="img" aria-labelledby="{ident}-t {ident}-d" viewBox="0 0 {width} {height}" '
        f'font-family="Arial, sans-serif" font-size="12">',
        f'<title id="{ident}-t">{escape(chart.title)}</title>',
        f'<desc id="{ident}-d">{escape(chart.description)}</desc>',
    ]
    x0 = label_w
    for i, bar in enumerate(chart.bars):
        y = 10 + i * row_h
        fill = BAR_COLOUR[STATUS_CLASS[bar.status]]
        filled = max(0.0, min(bar.ratio, 1.0)) * track_w
        label = bar.label if len(bar.label) <= 40 else bar.label[:39] + "…"
        parts += [
            f'<text x="{x0 - gap}" y="{y + 13}" text-anchor="end" fill="#1a1a1a">'
            f"{escape(label)}</text>",
            f'<rect x="{x0}" y="{y + 2}" width="{track_w}" height="14" fill="#ffffff" '
            f'stroke="#6b7480"/>',
            f'<rect x="{x0}" y="{y + 2}" width="{filled:.1f}" height="14" fill="{fill}"/>',
            f'<text x="{x0 + track_w + gap}" y="{y + 13}" fill="#1a1a1a">'
            f"{escape(bar.shown)}%</text>",
        ]
    axis = x0 + track_w
    parts.append(
        f'<line x1="{axis}" y1="4" x2="{axis}" y2="{height - 16}" stroke="#1a1a1a" '
        f'stroke-dasharray="3 3"/>'
    )
    parts.append(
        f'<text x="{axis}" y="{height - 3}" text-anchor="middle" fill="#1a1a1a">100%</text>'
    )
    parts += ["</svg>", "</figure>"]
    return parts


def page(doc: Layout) -> str:
    meta = "".join(
        f'<tr><th scope="row">{escape(label)}</th><td>{escape(value)}</td></tr>'
        for label, value in doc.facts
    )
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(doc.lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="wsp">',
        f"<title>{escape(doc.title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{escape(doc.title)}</h1>",
        f'<table class="meta"><caption class="sr">{escape(doc.facts_caption)}</caption>'
        f"{meta}</table>",
    ]
    charts = 0
    for section in doc.sections:
        parts.append(f"<h2>{escape(section.title)}</h2>")
        above = section.title  # the heading above the next table
        for block in section.blocks:
            if isinstance(block, Heading):
                above = block.text
                parts.append(f"<h{block.level}>{escape(block.text)}</h{block.level}>")
            elif isinstance(block, Paragraph):
                css = ' class="goals"' if block.note else ""
                parts.append(f"<p{css}>{escape(block.text)}</p>")
            elif isinstance(block, Bullets):
                items = "".join(f"<li>{escape(item)}</li>" for item in block.items)
                parts.append(f'<ul class="missing">{items}</ul>')
            elif isinstance(block, Table):
                parts += _table(block, above)
            elif isinstance(block, Chart):
                charts += 1
                parts += _chart(block, charts)
    foot = [f"<p>{escape(line)}</p>" for line in doc.footnotes]
    if doc.colophon:
        foot.append(f"<p>{escape(doc.colophon)}</p>")
    parts.append("</main>")
    parts.append(f'<footer class="foot">{"".join(foot)}</footer>')
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def render_html(report: Any) -> str:
    return page(layout(report))

"""The annual report as one self-contained, printable HTML file.

No external assets: the CSS is inline, the progress bars are plain boxes, fonts are the
system's. Print CSS lays it out on A4 with repeated table headers. Every text coming from
the programme or the entries is HTML-escaped.
"""

from __future__ import annotations

from html import escape

from wspolpraca_cli.i18n import t
from wspolpraca_cli.progress import Status
from wspolpraca_cli.render.report import Report, ReportRow

STATUS_CLASS: dict[Status, str] = {
    Status.ACHIEVED: "ok",
    Status.IN_PROGRESS: "run",
    Status.MISSED: "bad",
    Status.AWAITING: "wait",
    Status.OVERDUE: "bad",
    Status.NOT_STARTED: "idle",
    Status.REPORTED: "info",
}

CSS = """
@page { size: A4 portrait; margin: 16mm 14mm 18mm 14mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Liberation Sans", Arial, "Helvetica Neue", sans-serif; color: #1a1a1a;
  font-size: 10pt; line-height: 1.35; margin: 0 auto; max-width: 190mm; padding: 10mm 0; }
h1 { font-size: 16pt; margin: 0 0 4mm; padding-bottom: 2mm; border-bottom: 2px solid #1f3b63;
  color: #1f3b63; }
h2 { font-size: 12.5pt; color: #1f3b63; margin: 7mm 0 2.5mm; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 5mm 0 1.5mm; break-after: avoid; }
p.goals { margin: 0 0 2mm; color: #444; font-size: 9pt; }
table.meta { border-collapse: collapse; margin-bottom: 2mm; width: 100%; }
table.meta th { text-align: left; font-weight: 600; padding: 0.8mm 4mm 0.8mm 0;
  vertical-align: top; width: 44mm; color: #444; }
table.meta td { padding: 0.8mm 0; vertical-align: top; }
table.grid { border-collapse: collapse; width: 100%; font-size: 8.5pt; table-layout: fixed; }
table.grid th, table.grid td { border: 0.6pt solid #8c96a3; padding: 1.2mm 1.4mm;
  vertical-align: top; text-align: left; overflow-wrap: break-word; }
table.grid thead th { background: #e4e9f0; font-weight: 600; font-size: 7.5pt; }
table.grid thead { display: table-header-group; }
table.grid tr { break-inside: avoid; }
table.grid td.num, table.grid th.num { text-align: right; }
table.grid td.num { white-space: nowrap; }
td.lp { text-align: center; }
.bar { height: 2.2mm; background: #e6e6e6; border-radius: 1mm; margin-top: 1mm;
  overflow: hidden; min-width: 14mm; }
.bar span { display: block; height: 100%; background: #2e7d32; }
.bar.run span { background: #1e6fb8; } .bar.bad span { background: #c62828; }
.bar.wait span, .bar.info span { background: #b58a00; }
.st { display: inline-block; padding: 0.3mm 1mm; border-radius: 1mm; font-weight: 600;
  font-size: 7.5pt;
  line-height: 1.25; }
.st.ok { background: #e3f1e4; color: #1b5e20; } .st.run { background: #e3eef9; color: #0d4a8a; }
.st.bad { background: #fbe3e3; color: #9b1c1c; } .st.wait { background: #fdf3d8; color: #7a5a00; }
.st.idle { background: #eeeeee; color: #555; } .st.info { background: #f1e6f5; color: #5e2470; }
span.period { display: block; color: #555; font-size: 7.5pt; margin-top: 0.5mm; }
ul.notes { margin: 0; padding-left: 3.5mm; } ul.notes li { margin: 0 0 0.6mm; }
ul.missing li { margin-bottom: 1.5mm; } code { font-size: 8.5pt; color: #333; }
.foot { margin-top: 8mm; padding-top: 2mm; border-top: 0.6pt solid #8c96a3; font-size: 8pt;
  color: #555; }
@media print { body { padding: 0; max-width: none; } h2 { break-after: avoid; } }
"""


def _bar(row: ReportRow) -> str:
    ratio = row.bar_ratio
    if ratio is None:
        return ""
    width = f"{ratio * 100:.0f}%"
    css = STATUS_CLASS[row.status]
    return f'<div class="bar {css}" role="presentation"><span style="width:{width}"></span></div>'


def _notes(row: ReportRow) -> str:
    if not row.notes:
        return ""
    if len(row.notes) == 1:
        return escape(row.notes[0])
    items = "".join(f"<li>{escape(n)}</li>" for n in row.notes)
    return f'<ul class="notes">{items}</ul>'


def _indicator(row: ReportRow) -> str:
    text = escape(f"{row.indicator_id} {row.indicator}") if row.first_of_indicator else ""
    if row.period_label:
        text += f'<span class="period">{escape(row.period_label)}</span>'
    return text


def _row(row: ReportRow) -> str:
    cells: list[str] = []
    if row.first_of_action:
        span = f' rowspan="{row.action_rows}"' if row.action_rows > 1 else ""
        cells.append(f'<td class="lp"{span}>{escape(row.lp)}</td>')
        cells.append(f"<td{span}>{escape(row.action)}</td>")
    cells.append(f"<td>{_indicator(row)}</td>")
    if row.first_of_indicator:
        span = f' rowspan="{row.indicator_rows}"' if row.indicator_rows > 1 else ""
        cells.append(f"<td{span}>{escape(row.target_text)}</td>")
        cells.append(f"<td{span}>{escape(row.frequency)}</td>")
    css = STATUS_CLASS[row.status]
    cells += [
        f'<td class="num">{escape(row.actual_shown)}</td>',
        f'<td class="num">{escape(row.achievement_shown)}{_bar(row)}</td>',
        f'<td><span class="st {css}" data-status="{row.status.value}">'
        f"{escape(row.status_shown)}</span></td>",
        f"<td>{_notes(row)}</td>",
    ]
    return "<tr>" + "".join(cells) + "</tr>"


def _area(report: Report, index: int) -> list[str]:
    area = report.areas[index]
    heads = report.table_headers(area)
    numeric = {5, 6}
    head_cells = "".join(
        f'<th class="num">{escape(h)}</th>' if n in numeric else f"<th>{escape(h)}</th>"
        for n, h in enumerate(heads)
    )
    widths = ["4.5%", "18%", "14.5%", "9%", "11%", "9%", "9.5%", "11%", "13.5%"]
    cols = "".join(f'<col style="width:{w}">' for w in widths)
    out = [f"<h3>{escape(area.title)}</h3>"]
    if area.goals:
        out.append(f'<p class="goals">{escape(area.goals)}</p>')
    out.append(f'<table class="grid actions" data-area="{escape(area.id)}">')
    out.append(f"<colgroup>{cols}</colgroup>")
    out.append(f"<thead><tr>{head_cells}</tr></thead><tbody>")
    out += [_row(r) for r in area.rows]
    out.append("</tbody></table>")
    return out


def render_html(report: Report) -> str:
    meta = "".join(
        f"<tr><th>{escape(label)}</th><td>{escape(value)}</td></tr>"
        for label, value in report.heading
    )
    goal_heads = report.goal_headers()
    goal_rows = "".join(
        "<tr>"
        f"<td>{escape(g.name)}</td>"
        f'<td class="num">{g.indicators}</td>'
        f'<td class="num">{escape(g.achieved_shown)}</td>'
        f"<td>{escape(g.statuses)}</td>"
        "</tr>"
        for g in report.goals
    )
    goal_head = "".join(
        f'<th class="num">{escape(h)}</th>' if n in (1, 2) else f"<th>{escape(h)}</th>"
        for n, h in enumerate(goal_heads)
    )
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{report.lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="wsp">',
        f"<title>{escape(report.title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{escape(report.title)}</h1>",
        f'<table class="meta">{meta}</table>',
        f"<h2>{escape(t('report.section.actions'))}</h2>",
    ]
    for n in range(len(report.areas)):
        parts += _area(report, n)
    parts += [
        f"<h2>{escape(report.goals_section)}</h2>",
        '<table class="grid goals"><colgroup><col style="width:46%"><col style="width:12%">'
        '<col style="width:18%"><col style="width:24%"></colgroup>',
        f"<thead><tr>{goal_head}</tr></thead>",
        f"<tbody>{goal_rows}</tbody></table>",
        f"<h2>{escape(t('report.section.missing'))}</h2>",
    ]
    if report.missing:
        items = "".join(
            f"<li>{escape(m.text)}<br><code>{escape(m.howto)}</code></li>" for m in report.missing
        )
        parts.append(f'<ul class="missing">{items}</ul>')
    else:
        parts.append(f"<p>{escape(t('report.missing.none', year=report.year))}</p>")
    if report.orphans:
        parts.append(f"<p>{escape(t('report.orphans', count=report.orphans))}</p>")
    foot = [f"<p>{escape(t('report.footnote.sources'))}: {escape(s)}</p>" for s in report.sources]
    foot.append(f"<p>{escape(t('report.generated_by'))}</p>")
    parts.append(f'<div class="foot">{"".join(foot)}</div>')
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)

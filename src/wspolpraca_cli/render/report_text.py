"""The annual report as text: Markdown (to paste into the official report) and CSV (for a
spreadsheet), laid out from :class:`~wspolpraca_cli.render.report.Report`."""

from __future__ import annotations

import io

from wspolpraca_cli.i18n import t
from wspolpraca_cli.render.report import Report, table_cells


# -- Markdown ---------------------------------------------------------------------------------
def _md(text: str) -> str:
    from wspolpraca_cli.render.status import markdown_text

    return markdown_text(text)


def render_md(report: Report) -> str:
    from tabulate import tabulate

    out = [f"# {_md(report.title)}", ""]
    out += [f"- **{_md(label)}:** {_md(value)}" for label, value in report.heading]
    out += ["", f"## {_md(t('report.section.actions'))}", ""]
    for area in report.areas:
        out += [f"### {_md(area.title)}", ""]
        if area.goals:
            out += [_md(area.goals), ""]
        rows = [[_md(c) for c in table_cells(r)] for r in area.rows]
        out += tabulate(
            rows,
            headers=[_md(h) for h in report.table_headers(area)],
            tablefmt="github",
            disable_numparse=True,
            colalign=("left", "left", "left", "left", "left", "right", "right", "left", "left"),
        ).splitlines()
        out.append("")
    out += [f"## {_md(report.goals_section)}", ""]
    goal_rows = [
        [_md(g.name), str(g.indicators), g.achieved_shown, _md(g.statuses)] for g in report.goals
    ]
    out += tabulate(
        goal_rows,
        headers=[_md(h) for h in report.goal_headers()],
        tablefmt="github",
        disable_numparse=True,
        colalign=("left", "right", "right", "left"),
    ).splitlines()
    out += ["", f"## {_md(t('report.section.missing'))}", ""]
    if report.missing:
        for item in report.missing:
            out.append(f"- {_md(item.text)}  ")
            out.append(f"  `{item.howto.split(': ', 1)[-1]}`")
    else:
        out.append(_md(t("report.missing.none", year=report.year)))
    if report.orphans:
        out += ["", _md(t("report.orphans", count=report.orphans))]
    if report.sources:
        out += ["", "---", ""]
        out += [f"{_md(t('report.footnote.sources'))}: {_md(s)}" for s in report.sources]
    return "\n".join(out) + "\n"


# -- CSV --------------------------------------------------------------------------------------
def csv_headers() -> list[str]:
    return [
        t("report.col.area"),
        t("report.col.lp"),
        t("report.col.action"),
        t("report.col.indicator_id"),
        t("report.col.indicator"),
        t("report.col.period"),
        t("report.col.target"),
        t("report.col.period_target"),
        t("report.col.frequency"),
        t("report.col.actual"),
        t("report.col.achievement"),
        t("report.col.status"),
        t("report.col.status_code"),
        t("report.col.entries"),
        t("report.col.notes"),
    ]


def render_csv(report: Report, *, bom: bool = True) -> str:
    """One flat table, a row per indicator and period, as ``wsp export`` writes csv: UTF-8
    with a byte-order mark, CRLF, in Polish ``;`` between fields and a decimal comma."""
    from wspolpraca_cli.render.status import csv_writer

    out = io.StringIO()
    writer, number, percent = csv_writer(out, report.lang, bom=bom)
    writer.writerow(csv_headers())
    for r in report.rows:
        writer.writerow(
            [
                r.area_id,
                r.lp,
                r.action,
                r.indicator_id,
                r.indicator,
                r.period,
                r.target_text,
                number(r.target),
                r.frequency,
                number(r.actual),
                percent(r.achievement),
                r.status_shown,
                r.status.value,
                r.count,
                " | ".join(r.notes),
            ]
        )
    return out.getvalue()

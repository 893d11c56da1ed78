"""The reports as text: Markdown (to paste into the official report) and CSV (for a
spreadsheet). Markdown draws the :mod:`.report_layout` blocks; CSV is one flat table, a row
per indicator and period (per indicator in the multi-year evaluation)."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from wspolpraca_cli.i18n import t
from wspolpraca_cli.render.report import Report
from wspolpraca_cli.render.report_layout import (
    Bullets,
    Chart,
    Heading,
    Layout,
    Paragraph,
    Table,
    layout,
)
from wspolpraca_cli.render.report_years import YearsReport


# -- Markdown ---------------------------------------------------------------------------------
def _md_table(table: Table, md: Callable[[str], str]) -> str:
    from wspolpraca_cli.render.status import github_table

    return "\n".join(
        github_table(
            [[md(c.text) for c in row] for row in table.rows],
            [md(h) for h in table.headers],
            "".join("r" if n in table.numeric else "l" for n in range(len(table.headers))),
        )
    )


def _memo_md() -> Callable[[str], str]:
    """``markdown_text`` remembering what it gave: a report's cells repeat (empty cells, dashes,
    statuses, targets, frequencies) — at 10,000 indicators 430,000 cells."""
    from wspolpraca_cli.render.status import markdown_text

    done: dict[str, str] = {}

    def md(text: str) -> str:
        found = done.get(text)
        if found is None:
            found = done[text] = markdown_text(text)
        return found

    return md


def markdown(doc: Layout) -> str:
    md = _memo_md()
    blocks = [f"# {md(doc.title)}"]
    blocks.append("\n".join(f"- **{md(label)}:** {md(value)}" for label, value in doc.facts))
    for section in doc.sections:
        blocks.append(f"## {md(section.title)}")
        for block in section.blocks:
            if isinstance(block, Heading):
                blocks.append(f"{'#' * block.level} {md(block.text)}")
            elif isinstance(block, Paragraph):
                blocks.append(md(block.text))
            elif isinstance(block, Bullets):
                blocks.append("\n".join(f"- {md(item)}" for item in block.items))
            elif isinstance(block, Table):
                blocks.append(_md_table(block, md))
            elif isinstance(block, Chart):
                continue  # its figures are in the tables
    if doc.footnotes:
        blocks.append("---\n\n" + "\n".join(md(line) for line in doc.footnotes))
    return "\n\n".join(blocks) + "\n"


def render_md(report: Report | YearsReport) -> str:
    return markdown(layout(report))


# -- CSV --------------------------------------------------------------------------------------
def csv_headers(year: int | None = None) -> list[str]:
    previous = [] if year is None else [t("report.col.previous", year=year - 1)]
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
        *previous,
        t("report.col.change"),
        t("report.col.change_percent"),
        t("report.col.achievement"),
        t("report.col.status"),
        t("report.col.status_code"),
        t("report.col.entries"),
        t("report.col.notes"),
    ]


def render_csv(report: Report | YearsReport, *, bom: bool = True) -> str:
    """One flat table, as ``wsp export`` writes csv: UTF-8 with a byte-order mark, CRLF, in
    Polish ``;`` between fields and a decimal comma; text never a live formula."""
    from wspolpraca_cli.render.status import csv_writer

    out = io.StringIO()
    writer, number, percent = csv_writer(out, report.lang, bom=bom)
    if isinstance(report, YearsReport):
        _years_csv(report, writer, number, percent)
        _finance_csv(report, writer, number, percent)
        return out.getvalue()
    writer.writerow(csv_headers(report.year))
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
                number(r.previous),
                number(r.change),
                percent(r.change_ratio),
                percent(r.achievement),
                r.status_shown,
                r.status.value,
                r.count,
                " | ".join(r.remarks),
            ]
        )
    _finance_csv(report, writer, number, percent)
    return out.getvalue()


def _finance_csv(report: Report | YearsReport, writer: Any, number: Any, percent: Any) -> None:
    """The financial part's tables after the report's (nothing without one): each after an
    empty row, its caption, its headers, its rows — amounts as numbers, shares as
    percentages."""
    from wspolpraca_cli.render.report_layout import Cell, Kind, finance_tables

    def value(cell: Cell) -> str:
        if cell.number is None:
            return cell.text
        shown = percent(cell.number) if cell.kind == Kind.PERCENT else number(cell.number)
        return str(shown)

    for table in finance_tables(report):
        writer.writerow([])
        writer.writerow([table.caption])
        writer.writerow(list(table.headers))
        for cells in table.rows:
            writer.writerow([value(c) for c in cells])


def _years_csv(report: YearsReport, writer: Any, number: Any, percent: Any) -> None:
    writer.writerow(
        [
            t("report.col.area"),
            t("report.col.lp"),
            t("report.col.action"),
            t("report.col.indicator_id"),
            t("report.col.indicator"),
            t("report.col.target"),
            *(str(y) for y in report.years),
            t("report.col.total", years=report.span),
            t("report.col.range_target", years=report.span),
            t("report.col.achievement"),
            t("report.col.periods_achieved"),
            t("report.col.status"),
            t("report.col.status_code"),
        ]
    )
    for r in report.rows:
        writer.writerow(
            [
                r.area_id,
                r.lp,
                r.action,
                r.indicator_id,
                r.indicator,
                r.target_text,
                *(number(v) for v in r.years),
                number(r.total),
                number(r.target),
                percent(r.achievement),
                r.periods_shown,
                r.status_shown,
                r.status.value,
            ]
        )

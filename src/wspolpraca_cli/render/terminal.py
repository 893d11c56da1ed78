"""What wsp shows in a terminal, with Rich: the status table, the goal tree, an indicator's
history. Piped output never comes here (:mod:`wspolpraca_cli.cli.formats` chooses); Rich
is imported by these functions only.

Each renderer prints into the console it is given (standard output when it is a terminal).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from wspolpraca_cli.i18n import get_language, t
from wspolpraca_cli.model import Program
from wspolpraca_cli.numfmt import format_date, format_target
from wspolpraca_cli.progress import (
    IndicatorProgress,
    PeriodResult,
    ProgrammeResult,
    Status,
    summary_counts,
)
from wspolpraca_cli.render.status import (
    StatusView,
    achievement_text,
    actual_text,
    bar,
    header_lines,
    line_period,
    lines,
    orphan_note,
    status_text,
    status_word,
)
from wspolpraca_cli.safe_text import one_line, shown

STATUS_STYLES: dict[Status, str] = {
    Status.ACHIEVED: "bold green",
    Status.IN_PROGRESS: "cyan",
    Status.MISSED: "bold red",
    Status.AWAITING: "yellow",
    Status.OVERDUE: "bold red reverse",
    Status.NOT_STARTED: "dim",
    Status.REPORTED: "magenta",
}


MIN_NAME_WIDTH = 24
"""The narrowest indicator column beside the id column; narrower terminals put the id
into the name column, then drop the progress bars."""


@dataclass(frozen=True)
class RichLayout:
    """Column widths of the terminal table, chosen to fit the console."""

    id_width: int
    """0: no id column (the id leads the indicator cell)."""
    name_width: int
    widths: tuple[int, ...]
    """Period, actual / target, progress (0: no bars), %, status."""


def rich_layout(
    cells: list[list[str]], headers: list[str], names: list[str], width: int
) -> RichLayout:
    """Fit the table into ``width`` columns. The status, numbers and periods always keep
    their full width (never cut); the indicator names wrap in what is left."""
    fixed = [max([len(h)] + [len(c[n + 1]) for c in cells]) for n, h in enumerate(headers[1:])]
    id_width = max([len(headers[0])] + [len(c[0]) for c in cells])
    longest = max([len(t("col.indicator"))] + [len(n) for n in names])
    gap = 2

    def room(columns: list[int]) -> int:
        return width - sum(columns) - gap * len(columns)

    with_id = room([id_width, *fixed])
    if with_id >= MIN_NAME_WIDTH or with_id >= longest:
        return RichLayout(id_width, min(with_id, longest), tuple(fixed))
    longest_with_id = longest + id_width + 1
    merged = room(fixed)
    if merged >= MIN_NAME_WIDTH - 4 or merged >= longest_with_id:
        return RichLayout(0, min(merged, longest_with_id), tuple(fixed))
    no_bars = [*fixed[:2], 0, *fixed[3:]]
    merged = room([w for w in no_bars if w])
    return RichLayout(0, max(10, min(merged, longest_with_id)), tuple(no_bars))


def render_rich(view: StatusView, console: Any) -> None:
    """The terminal table: a header, the goal and action headings as lines of their own
    across the full width, under each its indicators' rows (one set of column widths for
    all, the names wrapped, never cut), and a one-line summary."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    lang = get_language()
    head = header_lines(view, lang)
    console.print(Text(head[0], style="bold"))
    for extra in head[1:]:
        console.print(Text(extra, style="dim"))
    console.print()
    all_lines = lines(view, collapse=True)
    cells: list[list[str]] = []
    names: list[str] = []
    for line in all_lines:
        if line.kind != "result":
            continue
        ind, r = line.indicator, line.result
        assert ind is not None and r is not None
        names.append(one_line(ind.name))
        cells.append(
            [
                one_line(ind.id),
                line_period(line),
                f"{actual_text(r, ind, lang)} / {format_target(r.target, ind, lang)}",
                bar(None if r.target is None else r.achievement, 8),
                achievement_text(r, lang),
                status_text(r),
            ]
        )
    headers = [
        t("col.id"),
        t("col.period"),
        t("col.actual_of_target"),
        t("col.progress"),
        "%",
        t("col.status"),
    ]
    layout = rich_layout(cells, headers, names, console.width)

    def new_table(show_header: bool) -> Any:
        table = Table(
            box=box.SIMPLE_HEAD,
            pad_edge=False,
            show_edge=False,
            show_header=show_header,
            header_style="bold",
            collapse_padding=True,
        )
        if layout.id_width:
            table.add_column(headers[0], width=layout.id_width, no_wrap=True)
        table.add_column(t("col.indicator"), width=layout.name_width, overflow="fold")
        for n, w in enumerate(layout.widths, 1):
            if w:
                justify: Any = "right" if n in (2, 4) else "left"
                table.add_column(headers[n], width=w, justify=justify, no_wrap=True)
        return table

    console.print(new_table(True))
    table: Any = None
    results = iter(cells)
    previous: str | None = None
    for line in all_lines:
        if line.kind != "result":
            if table is not None:
                console.print(table)
                table = None
            if line.kind == "goal":
                console.print(Text(line.label, style="bold"))
            else:
                console.print(Text("  " + line.label, style="italic"))
            continue
        if table is None:
            table = new_table(False)
        row = next(results)
        ind, r = line.indicator, line.result
        assert ind is not None and r is not None
        style = STATUS_STYLES[r.status]
        whole = isinstance(r, ProgrammeResult)
        if whole:
            name: Any = Text(t("status.programme_row"), style="dim")
        elif ind.id == previous:
            name = ""
        elif layout.id_width:
            name = Text(one_line(ind.name))  # a Text: no markup read in a name
        else:
            name = Text.assemble((row[0], "green"), " ", one_line(ind.name))
        previous = ind.id
        out: list[Any] = []
        if layout.id_width:
            out.append(Text(row[0], style="green"))
        out += [name, Text(row[1], style="dim" if whole else ""), Text(row[2])]
        if layout.widths[2]:
            out.append(Text(row[3], style=style.replace(" reverse", "")))
        out += [Text(row[4]), Text(row[5], style=style)]
        table.add_row(*out)
    if table is not None:
        console.print(table)
    console.print()
    console.print(_rich_summary(view.rows))
    _print_orphans(view, console)


def _rich_summary(results: Iterable[PeriodResult]) -> Any:
    from rich.text import Text

    text = Text()
    items = summary_counts(results)
    if not items:
        return Text(t("status.summary.none"))
    for n, (status, count) in enumerate(items):
        if n:
            text.append(" · ")
        text.append(
            t("status.summary.item", word=status_word(status), count=count),
            style=STATUS_STYLES[status],
        )
    return text


def _print_orphans(view: StatusView, console: Any) -> None:
    note = orphan_note(view)
    if note:
        from rich.text import Text

        console.print(Text(note, style="yellow"))


def render_history_rich(ip: IndicatorProgress, as_of: date, console: Any) -> None:
    """The history with a small bar chart (each period's actual against the largest value),
    fitted to the console's width: the headers wrap, then the chart, the percentage, the
    target and the actual are left out in that order — never the period or the status."""
    from rich.text import Text

    from wspolpraca_cli.render.programme import (
        baseline_summary,
        history_headers,
        history_rows,
        programme_summary,
    )
    from wspolpraca_cli.render.table_fit import Column, fit

    lang = get_language()
    values = [v for r in ip.periods for v in (r.actual, r.target) if v is not None and v > 0]
    scale = max(values) if values else 1.0
    rows = history_rows(ip, lang)
    width = 16
    charts = [
        "▇" * (0 if not r.actual or r.actual <= 0 else max(1, round(r.actual / scale * width)))
        for r in ip.periods
    ]
    headers = history_headers()
    columns = [
        Column("period", headers[0], [c[0] for c in rows]),
        Column("target", headers[1], [c[1] for c in rows], "r", drop=3),
        Column("actual", headers[2], [c[2] for c in rows], "r", drop=4),
        Column("achievement", headers[3], [c[3] for c in rows], "r", drop=2),
        Column("chart", "", charts, drop=1),
        Column("status", headers[4], [c[4] for c in rows]),
    ]
    table = fit(columns, console.width)
    gap = " " * 2
    title = t("history.title", id=one_line(ip.id), date=format_date(as_of, lang))
    console.print(Text(title, style="bold"))
    for cells in table.header_lines():
        console.print(Text(gap.join(cells).rstrip(), style="bold"), overflow="ignore")
    console.print(Text("─" * table.total), overflow="ignore")
    for n, r in enumerate(ip.periods):
        style = STATUS_STYLES[r.status]
        for cells in table.row_lines(n):
            line = Text()
            for k, (column, cell) in enumerate(zip(table.columns, cells, strict=True)):
                if k:
                    line.append(gap)
                if column.key == "status":
                    line.append(cell, style=style)
                elif column.key == "chart":
                    line.append(cell, style=style.replace(" reverse", ""))
                else:
                    line.append(cell)
            line.rstrip()
            console.print(line, overflow="ignore")
    console.print(Text(programme_summary(ip, lang)))
    for extra in baseline_summary(ip, lang):
        console.print(Text(extra))


def _markup_text(text: str) -> str:
    """Text to put into Rich markup: its own ``[…]`` not read as markup, its control
    characters shown escaped."""
    from rich.markup import escape

    return escape(shown(text))


def tree_rich(program: Program, console: Any) -> None:
    """The goal tree (``wsp list``)."""
    from rich.tree import Tree

    from wspolpraca_cli.render.programme import goal_names, serves, target_display

    root = Tree(f"[bold]{_markup_text(program.title)}[/]")
    main = root.add(f"[bold]{t('label.main_goal')}:[/] {_markup_text(program.main_goal.name)}")
    goals = main.add(f"[bold]{t('label.specific_goals')}[/]")
    for g in program.specific_goals:
        goals.add(f"[cyan]{_markup_text(g.id)})[/] {_markup_text(g.name)}")
    for area in program.areas:
        node = root.add(
            f"[bold]{t('label.area')} {_markup_text(area.id)})[/] {_markup_text(area.name)}"
        )
        for action in area.actions:
            goals_served = _markup_text(goal_names(program, action.goals))
            served = f" [dim]({serves(action.goals)} {goals_served})[/]" if action.goals else ""
            act = node.add(
                f"[cyan]{_markup_text(action.id)}[/] {_markup_text(action.name)}{served}"
            )
            for ind in action.indicators:
                target = _markup_text(target_display(ind))
                act.add(
                    f"[green]{_markup_text(ind.id)}[/] [bold]{_markup_text(ind.name)}[/] — "
                    f"{t('label.target').lower()}: [yellow]{target}[/]; "
                    f"{_markup_text(ind.frequency_text)}"
                )
    console.print(root)


def hanging(line: str, width: int) -> list[str]:
    """A line wrapped at spaces to ``width``, its continuation lines indented two spaces more
    than the line itself (``  Area: 1) …`` continues under ``Area``)."""
    if len(line) <= width:
        return [line]
    import textwrap

    indent = " " * (len(line) - len(line.lstrip(" ")))
    more = indent + "  " if len(indent) + 2 < width // 2 else indent
    return textwrap.wrap(
        line.lstrip(" "),
        width,
        initial_indent=indent,
        subsequent_indent=more,
        break_long_words=True,
        break_on_hyphens=False,
    ) or [line]


def show_rich(doc: Any, console: Any) -> None:
    """One item in full (``wsp show``); an indicator's history with its bar chart."""
    from wspolpraca_cli.render.programme import item_lines

    for line in item_lines(doc):
        for part in hanging(line, console.width):
            console.out(part, highlight=False)
    if doc.history is not None and doc.as_of is not None:
        console.print()
        render_history_rich(doc.history, doc.as_of, console)

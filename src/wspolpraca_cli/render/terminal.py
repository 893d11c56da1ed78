"""What wsp shows in a terminal, with Rich: the status table, the goal tree, an indicator's
history. Piped output never comes here (:mod:`wspolpraca_cli.cli.formats` chooses); Rich
is imported by these functions only.

Each renderer prints into the console it is given (standard output when it is a terminal).
"""

from __future__ import annotations

from collections.abc import Iterable
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
from wspolpraca_cli.records import record
from wspolpraca_cli.render.status import (
    StatusView,
    achievement_text,
    actual_text,
    bar,
    header_lines,
    line_period,
    lines,
    orphan_note,
    programme_row_label,
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
into the name column, then drop the progress bars, then the percentage."""
MIN_NARROW_NAME = 10
"""The narrowest indicator column (with the id in it) beside the bars or the percentage."""


@record
class RichLayout:
    """Column widths of the terminal table, chosen to fit the console."""

    id_width: int
    """0: no id column (the id leads the indicator cell)."""
    name_width: int
    widths: tuple[int, ...]
    """Period, actual / target, progress (0: no bars), %, status."""
    split_runs: bool = False
    """A run of periods shows its count under its first and last period (narrow terminals)."""
    split_values: bool = False
    """The target goes under the actual (``1 250 000`` / ``/ 500 000``; narrower still)."""
    split_status: bool = False
    """The periods achieved go under the status (``in progress`` / ``· 0/60``; narrowest)."""


def value_parts(cell: str) -> list[str]:
    """``actual / target`` as ``actual`` and ``/ target``."""
    actual, sep, target = cell.rpartition(" / ")
    return [actual, "/ " + target] if sep else [cell]


def status_parts(cell: str) -> list[str]:
    """``status · n/m`` as ``status`` and ``· n/m``."""
    word, sep, extra = cell.partition(" · ")
    return [word, "· " + extra] if sep else [cell]


def run_parts(period: str) -> list[str]:
    """A period cell as one line, or a run's ``first…last (n)`` as ``first…last`` and
    ``(n)``."""
    if period.endswith(")") and " (" in period:
        first, count = period.rsplit(" (", 1)
        return [first, "(" + count]
    return [period]


def rich_layout(
    cells: list[list[str]], headers: list[str], names: list[str], width: int
) -> RichLayout:
    """Fit the table into ``width`` columns. The status, numbers and periods always keep
    their full width (never cut); the indicator names wrap in what is left. Percentages are
    left out only where they would not fit beside a name column of ten characters."""
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
    if merged >= MIN_NARROW_NAME:
        return RichLayout(0, min(merged, longest_with_id), tuple(no_bars))
    # Narrower still: no percentage either (the status says it), the names as narrow as it
    # takes — wrapped, never cut; only below about 50 columns may the lines be too long.
    no_percent = [*fixed[:2], 0, 0, *fixed[4:]]
    merged = room([w for w in no_percent if w])
    narrowest = len(t("col.indicator"))  # the header is not folded
    split_runs = split_values = split_status = False
    if merged < narrowest:  # the count of a run of periods on a line of its own
        split_runs = True
        runs = max([len(headers[1])] + [len(p) for c in cells for p in run_parts(c[1])])
        no_percent[0] = min(no_percent[0], runs)
        merged = room([w for w in no_percent if w])
    if merged < narrowest:  # the target under the actual
        split_values = True
        values = max([len(headers[2])] + [len(p) for c in cells for p in value_parts(c[2])])
        no_percent[1] = min(no_percent[1], values)
        merged = room([w for w in no_percent if w])
    if merged < narrowest:  # the periods achieved under the status
        split_status = True
        statuses = max([len(headers[5])] + [len(p) for c in cells for p in status_parts(c[5])])
        no_percent[4] = min(no_percent[4], statuses)
        merged = room([w for w in no_percent if w])
    name = max(narrowest, min(merged, longest_with_id))
    return RichLayout(0, name, tuple(no_percent), split_runs, split_values, split_status)


def render_rich(view: StatusView, console: Any) -> None:
    """The terminal table: a header, the goal and action headings as lines of their own
    across the full width, under each its indicators' rows (one set of column widths for
    all, the names wrapped, never cut), and a one-line summary.

    The table is laid out here, cell by cell, and handed to Rich as segments in one piece:
    Rich still decides the colours (``NO_COLOR``, ``TERM=dumb``, a file), but does not
    measure and render a table per action and a Text per cell (with 1,000 indicators that was
    about 15 times the time of the plain table). Each distinct styled cell is painted once
    (see :func:`_painter`)."""
    from rich.cells import cell_len
    from rich.segment import Segment, Segments
    from rich.style import Style
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
        if line.kind not in ("result", "breakdown"):
            continue
        ind, r = line.indicator, line.result
        assert ind is not None and r is not None
        if line.value is not None:  # a breakdown value's line under its result
            names.append("  " + line.label)
            cells.append(_breakdown_cells(line, lang))
            continue
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
    styles: dict[str, Style | None] = {}

    def style_of(name: str) -> Style | None:
        if name not in styles:
            styles[name] = Style.parse(name) if name else None
        return styles[name]

    # The columns shown: (cell index or -1 for the name, width, right-justified).
    columns: list[tuple[int, int, bool]] = []
    if layout.id_width:
        columns.append((0, layout.id_width, False))
    columns.append((-1, layout.name_width, False))
    for n, w in enumerate(layout.widths, 1):
        if w:
            columns.append((n, w, n in (2, 4)))
    paint = _painter(console)
    gap = Segment("  ")
    newline = Segment.line()
    joined = _Joined(Segment)
    put = joined.put

    made: dict[tuple[str, int, bool, int], Segment] = {}

    def padded(
        text: str, width: int, right: bool, style: Style | None, length: Any = cell_len
    ) -> Segment:
        # (a style by its identity: each is made once, and its own hash is Python's work)
        key = (text, width, right, id(style))
        found = made.get(key)
        if found is None:  # statuses, bars, dashes, figures: the same cells again and again
            pad = width - length(text)
            shown = text
            if pad > 0:
                shown = " " * pad + text if right else text + " " * pad
            found = made[key] = paint(shown, style)
        return found

    blanks = [[Segment(" " * w)] for _, w, _ in columns]

    def emit_row(row_cells: list[list[list[Segment]]], height: int) -> None:
        """One result of several lines: each cell's lines (padded to its column), the lower
        lines of a cell under it, blank where another cell has fewer lines (nothing after
        the last)."""
        segments: list[Segment] = []
        heights = [len(c) for c in row_cells]
        last = len(heights) - 1
        for k in range(height):
            while heights[last] <= k:  # the last cell with a k-th line (the tallest has all)
                last -= 1
            for i in range(last + 1):
                if i:
                    segments.append(gap)
                cell = row_cells[i]
                segments.extend(cell[k] if k < len(cell) else blanks[i])
            segments.append(newline)
        put(segments)

    wrapped: dict[tuple[str, str], list[list[Segment]]] = {}

    def name_cell(name: Text | str, style: str) -> list[list[Segment]]:
        """The name's lines, each padded to the column (wrapped at spaces, long words
        folded, as Rich wraps a table cell)."""
        key = (str(name), style) if isinstance(name, str) else None
        if key is not None and key in wrapped:
            return wrapped[key]
        width = layout.name_width
        plain = isinstance(name, str)
        if plain and cell_len(str(name)) <= width:
            result = [[padded(str(name), width, False, style_of(style))]]
        else:
            text = Text.assemble((name, style)) if isinstance(name, str) else name
            result = []
            for line in text.wrap(console, width, overflow="fold"):
                segments = [paint(seg.text, seg.style) for seg in line.render(console)]
                pad = width - line.cell_len
                if pad > 0:
                    segments.append(paint(" " * pad, style_of(style)))
                result.append(segments)
        if key is not None:
            wrapped[key] = result
        return result

    # The header row and its rule, as Rich's SIMPLE_HEAD box draws them.
    bold = style_of("bold")
    header_cells = [
        padded(t("col.indicator") if n < 0 else headers[n], w, right, bold)
        for n, w, right in columns
    ]
    head_row: list[Segment] = []
    for k, segment in enumerate(header_cells):
        if k:
            head_row.append(gap)
        head_row.append(segment)
    total = sum(w for _, w, _ in columns) + len(gap.text) * (len(columns) - 1)
    put([*head_row, newline, Segment("─" * total), newline])

    def heading(text: str, style: str) -> None:
        """A line across the full width (wrapped at spaces, as Rich prints a Text)."""
        if cell_len(text) <= console.width:
            put([paint(text, style_of(style)), newline])
            return
        for line in Text.assemble((text, style)).wrap(console, console.width):
            put([*(paint(seg.text, seg.style) for seg in line.render(console)), newline])

    green, dim = style_of("green"), style_of("dim")
    # per status: the bar's style and the status's (the bar without reverse video)
    status_styles = {
        status: (style_of(name.replace(" reverse", "")), style_of(name))
        for status, name in STATUS_STYLES.items()
    }
    unstyled = (None, None)
    splits = {1: layout.split_runs, 2: layout.split_values, 5: layout.split_status}
    splitting = any(splits.values())
    splitters = {1: run_parts, 2: value_parts, 5: status_parts}
    name_at = next(i for i, (n, _, _) in enumerate(columns) if n < 0)
    # a name's lower lines: blank under the cells before it, nothing after it
    under = [seg for i in range(name_at) for seg in (*blanks[i], gap)]
    results = iter(zip(cells, names, strict=True))
    previous: str | None = None
    for line in all_lines:
        if line.kind not in ("result", "breakdown"):  # a goal (a specific one deeper), an action
            heading("  " * line.depth + line.label, "bold" if line.kind == "goal" else "italic")
            continue
        row, name = next(results)
        ind, r = line.indicator, line.result
        assert ind is not None and r is not None
        sub = line.value
        if sub is not None:
            r = sub.result
        bar_style, state_style = (
            status_styles[r.status] if sub is None or sub.targeted else unstyled
        )
        whole = isinstance(r, ProgrammeResult) and sub is None
        if sub is not None:
            name_lines = name_cell("  " + one_line(line.label), "dim")
        elif isinstance(r, ProgrammeResult):
            name_lines = name_cell(programme_row_label(r), "dim")
        elif ind.id == previous:
            name_lines = name_cell("", "")
        elif layout.id_width:
            name_lines = name_cell(name, "")
        else:
            name_lines = name_cell(Text.assemble((row[0], "green"), " ", one_line(ind.name)), "")
        previous = ind.id
        # the style of each cell (index as in ``row``)
        row_styles = (green, dim if whole else None, None, bar_style, None, state_style)
        if not splitting:  # every cell but the name on one line: the row as it is made
            segments: list[Segment] = []
            for k, (n, w, right) in enumerate(columns):
                if k:
                    segments.append(gap)
                if n < 0:
                    segments.extend(name_lines[0])
                else:  # wsp's own text (periods, numbers, bars, statuses): a cell a character
                    segments.append(padded(row[n], w, right, row_styles[n], len if n else cell_len))
            segments.append(newline)
            for lower in name_lines[1:]:
                segments += [*under, *lower, newline]
            put(segments)
            continue
        row_cells: list[list[list[Segment]]] = []
        height = len(name_lines)
        for n, w, right in columns:
            if n < 0:
                row_cells.append(name_lines)
            elif splits.get(n):
                parts = splitters[n](row[n])
                height = max(height, len(parts))
                row_cells.append([[padded(p, w, right, row_styles[n])] for p in parts])
            else:
                row_cells.append(
                    [[padded(row[n], w, right, row_styles[n], len if n else cell_len)]]
                )
        emit_row(row_cells, height)
    console.print(Segments(joined.done()), end="", crop=False)
    console.print()
    console.print(_rich_summary(view.rows))
    _print_orphans(view, console)


def _painter(console: Any) -> Any:
    """``paint(text, style)``: the segment Rich would write for ``text`` in ``style`` on
    ``console``, its style already rendered into its text (by the Style's own ``render``, with
    the console's colour system, and without colours under ``NO_COLOR``, as Rich's console
    renders its buffer). A status, a bar or a padded figure is painted once however often it
    is shown, and the painted segments join into a few (:class:`_Joined`), where Rich would
    render each of 35,000 styled segments at print. The same bytes are written.

    Where Rich writes the styles itself or keeps the segments — the legacy Windows console
    (its API, not escape codes), a console that records (for ``export_text`` and the like),
    Jupyter — the segments keep their styles and Rich renders them."""
    from rich.console import COLOR_SYSTEMS
    from rich.segment import Segment

    if console.legacy_windows or console.record or console.is_jupyter:
        return Segment
    system = COLOR_SYSTEMS.get(console.color_system) if console.color_system else None
    no_color = bool(console.no_color and system is not None)

    def paint(text: str, style: Any = None) -> Any:
        if not style:  # None, or Style(): written as it is
            return Segment(text)
        if no_color:
            style = style.without_color
        return Segment(style.render(text, color_system=system))

    return paint


class _Joined:
    """Segments for Rich, each run of unstyled ones (gaps, plain cells, line ends) as one:
    Rich writes an unstyled segment's text as it is, so the output is the same, and Rich
    handles each segment in Python (at 1,000 indicators 110,000 of them, most unstyled)."""

    def __init__(self, segment: Any) -> None:
        self._segment = segment  # Rich's Segment (imported by the caller)
        self._done: list[Any] = []
        self._run: list[str] = []  # unstyled text not yet a segment

    def put(self, segments: list[Any]) -> None:
        done, run = self._done, self._run
        for segment in segments:
            if segment.style is None and not segment.control:
                run.append(segment.text)
                continue
            if run:
                done.append(self._segment("".join(run)))
                run.clear()
            done.append(segment)

    def done(self) -> list[Any]:
        """The segments put, joined."""
        if self._run:
            self._done.append(self._segment("".join(self._run)))
            self._run.clear()
        return self._done


def _breakdown_cells(line: Any, lang: str) -> list[str]:
    """A breakdown value's cells: its actual (``/ target``, bar, % and status with a target
    of its own), no id and no period (those of the result above it)."""
    ind, v = line.indicator, line.value
    r = v.result
    if not v.targeted:
        return ["", "", actual_text(r, ind, lang), "", "", ""]
    return [
        "",
        "",
        f"{actual_text(r, ind, lang)} / {format_target(r.target, ind, lang)}",
        bar(None if r.target is None else r.achievement, 8),
        achievement_text(r, lang),
        status_word(r.status),
    ]


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
        completeness_summary,
        history_headers,
        history_lines,
        history_rows,
        programme_summary,
    )
    from wspolpraca_cli.render.table_fit import Column, fit

    lang = get_language()
    values = [v for r in ip.periods for v in (r.actual, r.target) if v is not None and v > 0]
    scale = max(values) if values else 1.0
    rows = history_rows(ip, lang)
    width = 16
    shown_lines = history_lines(ip)
    results = [r if v is None else v.result for r, _, v in shown_lines]
    charts = [
        "▇" * (0 if not r.actual or r.actual <= 0 else max(1, round(r.actual / scale * width)))
        for r in results
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
        console.print(
            Text(gap.join(cells).rstrip(), style="bold"),
            no_wrap=True,
            overflow="ignore",
            crop=False,
        )
    console.print(Text("─" * table.total), no_wrap=True, overflow="ignore", crop=False)
    for n, (r, _, value) in enumerate(shown_lines):
        if value is None:
            style = STATUS_STYLES[r.status]
        else:  # a breakdown value: styled by its status where it has a target of its own
            style = STATUS_STYLES[value.result.status] if value.targeted else "dim"
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
            console.print(line, no_wrap=True, overflow="ignore", crop=False)
    console.print(Text(programme_summary(ip, lang)))
    for extra in [*completeness_summary(ip), *baseline_summary(ip, lang)]:
        console.print(Text(extra))


def _markup_text(text: str) -> str:
    """Text to put into Rich markup: its own ``[…]`` not read as markup, its control
    characters shown escaped."""
    from rich.markup import escape

    return escape(shown(text))


def tree_rich(program: Program, console: Any) -> None:
    """The goal tree (``wsp list``)."""
    from rich.tree import Tree

    from wspolpraca_cli.render.programme import (
        also_serves,
        computed_mark,
        goal_names,
        serves,
        target_display,
    )

    def indicator(node: Any, ind: Any) -> None:
        target = _markup_text(target_display(ind))
        more = also_serves(program, ind.serves)
        computes = computed_mark(ind)
        node.add(
            f"[green]{_markup_text(ind.id)}[/] [bold]{_markup_text(ind.name)}[/] — "
            f"{t('label.target').lower()}: [yellow]{target}[/]; "
            f"{_markup_text(ind.frequency_text)}"
            + (f"[cyan]{_markup_text(computes)}[/]" if computes else "")
            + (f"[dim]{_markup_text(more)}[/]" if more else "")
        )

    root = Tree(f"[bold]{_markup_text(program.title)}[/]")
    from wspolpraca_cli.render.programme import planned_funds_line

    funds = planned_funds_line(program)
    if funds:
        root.add(f"[dim]{_markup_text(funds)}[/]")
    if program.is_tree:  # each main goal, its indicators, its specific goals with theirs
        for m in program.main_goals:
            main = root.add(
                f"[bold]{t('label.main_goal')} {_markup_text(m.id)}:[/] {_markup_text(m.name)}"
            )
            for ind in program.goal_indicators:
                if m.id in program.served_goals(ind):
                    indicator(main, ind)
            for g in program.specific_of(m.id):
                goal = main.add(f"[cyan]{_markup_text(g.id)})[/] {_markup_text(g.name)}")
                for ind in program.goal_indicators:
                    if g.id in program.served_goals(ind):
                        indicator(goal, ind)
    else:
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
                indicator(act, ind)
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

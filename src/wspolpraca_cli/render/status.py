"""``wsp status``: what it shows, and its plain, csv and Markdown forms.

:func:`build_view` picks what to show (the default view or a year, one goal or all);
``render_*`` turn the view into a plain table (piped), csv or Markdown — the terminal table is
:func:`wspolpraca_cli.render.terminal.render_rich`, the JSON document
:func:`wspolpraca_cli.render.json_docs.status_document`. Tables are grouped by goal and action.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from functools import cache
from typing import Any, Literal

from wspolpraca_cli.i18n import get_language, t
from wspolpraca_cli.model import Action, Goal, Indicator, Program
from wspolpraca_cli.numbers import format_plain
from wspolpraca_cli.numfmt import (
    DASH,
    clamped_percent,
    format_date,
    format_percent,
    format_target,
    format_value,
    plural_form,
    years_label,
)
from wspolpraca_cli.periods import Period, PeriodKind
from wspolpraca_cli.progress import (
    BreakdownValue,
    IndicatorProgress,
    PeriodResult,
    ProgrammeProgress,
    ProgrammeResult,
    Status,
    summary_counts,
)
from wspolpraca_cli.records import record
from wspolpraca_cli.safe_text import one_line, shown

NAME_WIDTH = 50
"""Where the piped table wraps an indicator's name (onto more lines; never cut)."""


@record
class StatusView:
    """What ``wsp status`` shows."""

    progress: ProgrammeProgress
    indicators: tuple[IndicatorProgress, ...]
    """The indicators shown (all, or those serving ``goal``), in programme order."""
    rows: tuple[PeriodResult, ...]
    """The period results shown."""
    with_programme: bool
    """Whether the table adds each indicator's programme-to-date row (the default view)."""
    program_file: str
    store: str
    year: int | None = None
    goal: str | None = None
    store_exists: bool = True
    """False when the store file is not there yet (nothing recorded so far)."""

    @property
    def program(self) -> Program:
        return self.progress.program

    @property
    def as_of(self) -> date:
        return self.progress.as_of


def indicators_of_goal(program: Program, goal_id: str | None) -> set[str]:
    """Ids of the indicators under ``goal_id`` (see :meth:`Program.under_goal`; the only main
    goal, or none: all)."""
    if goal_id is None:
        return {i.id for i in program.indicators}
    return {i.id for i in program.under_goal(goal_id)}


def build_view(
    progress: ProgrammeProgress,
    *,
    program_file: str,
    store: str,
    year: int | None = None,
    goal: str | None = None,
    store_exists: bool = True,
) -> StatusView:
    wanted = indicators_of_goal(progress.program, goal)
    chosen = tuple(ip for ip in progress.indicators if ip.id in wanted)
    if year is None:
        rows = [r for ip in chosen for r in ip.default_view(progress.as_of)]
    else:
        rows = [r for ip in chosen for r in ip.in_year(year)]
    return StatusView(
        progress,
        chosen,
        tuple(rows),
        year is None,
        program_file,
        store,
        year,
        goal,
        store_exists,
    )


# -- cells ------------------------------------------------------------------------------------
def status_word(status: Status) -> str:
    return t(f"status.{status.value}")


def period_label(period: Period) -> str:
    if period.kind is PeriodKind.PROGRAMME:
        return years_label(period.year, period.end_year)
    return str(period)


def actual_text(result: PeriodResult | ProgrammeResult, ind: Indicator, lang: str) -> str:
    """The actual; ``—`` for a closed or future period without data (an open ``sum``
    period without entries shows 0, as SPEC's "actual 0 of 1")."""
    silent = (Status.AWAITING, Status.OVERDUE, Status.NOT_STARTED)
    if result.count == 0 and result.status in silent:
        return DASH
    return format_value(result.actual, ind, lang)


def achievement_text(result: PeriodResult | ProgrammeResult, lang: str) -> str:
    """The degree of achievement; ``—`` without entries, except in an open period (whose
    actual shows 0 for a ``sum`` indicator: 0 of 1 is 0%)."""
    if result.count or result.status is Status.IN_PROGRESS:
        return format_percent(result.achievement, lang)
    return DASH


def bar(ratio: float | None, width: int = 10) -> str:
    """A text progress bar: ``██████░░░░`` (empty dots when there is nothing to measure)."""
    if ratio is None:
        return "·" * width
    filled = round(min(max(ratio, 0.0), 1.0) * width)
    return "█" * filled + "░" * (width - filled)


def status_text(result: PeriodResult | ProgrammeResult) -> str:
    word = status_word(result.status)
    if isinstance(result, ProgrammeResult) and result.periods_with_target > 1:
        extra = t(
            "status.periods_achieved",
            achieved=result.periods_achieved,
            total=result.periods_with_target,
        )
        return f"{word} · {extra}"
    return word + audit_marks(result)


def audit_marks(result: PeriodResult | ProgrammeResult) -> str:
    """What the audit trail adds to a period's status, in words (never colour alone):
    `` · locked``, `` · explained``."""
    if isinstance(result, ProgrammeResult) or (not result.locked and result.explanation is None):
        return ""
    marks = [t("status.locked")] if result.locked else []
    if result.explanation is not None:
        marks.append(t("status.explained"))
    return "".join(f" · {m}" for m in marks)


def _period_text(result: PeriodResult | ProgrammeResult) -> str:
    return period_label(result.period)


def completeness_text(result: ProgrammeResult) -> str:
    """``dane za 3 z 4 okresów`` (``data for 3 of 4 periods``): of the periods whose data is
    due, those with data; empty while none is due."""
    if not result.periods_due:
        return ""
    from wspolpraca_cli.i18n import plural

    due = plural(result.periods_due, "noun.of_periods")
    return t("status.completeness", with_data=result.periods_due_with_data, due=due)


def programme_row_label(result: ProgrammeResult) -> str:
    """``razem w programie · dane za 3 z 4 okresów``: the programme row's name cell."""
    extra = completeness_text(result)
    return t("status.programme_row") + (f" · {extra}" if extra else "")


def breakdown_label(key: str, value: BreakdownValue) -> str:
    """``forma: wspólnie`` (the value's code, as ``--tag`` takes it); ``forma: unspecified``."""
    shown_value = value.value if value.value is not None else t("status.unspecified")
    return t("status.breakdown_row", breakdown=key, value=shown_value)


def sub_rows_of(result: PeriodResult | ProgrammeResult) -> list[tuple[str, BreakdownValue]]:
    """The breakdown values a table shows under a result with data: each value the programme
    lists, then any other value recorded and the unspecified where they have entries."""
    if not result.breakdowns or result.count <= 0:
        return []
    return [
        (b.key, v) for b in result.breakdowns for v in b.values if v.listed or v.result.count > 0
    ]


@record
class Line:
    """One line of a grouped table: a goal or action heading, a result, or a breakdown
    value's line under its result."""

    kind: Literal["goal", "action", "result", "breakdown"]
    label: str = ""
    depth: int = 0
    """How deep a heading stands: a goal 0 (a specific goal under its main goal 1), an
    action one below its goal."""
    indicator: Indicator | None = None
    result: PeriodResult | ProgrammeResult | None = None
    last: PeriodResult | None = None
    """With ``result``: a run of adjacent periods without data and of one status, as one line."""
    count: int = 1
    """How many periods the line stands for."""
    value: BreakdownValue | None = None
    """A breakdown line's value (its ``result`` is the result it stands under)."""


def _with_sub_rows(out: list[Line]) -> list[Line]:
    """Result lines, each followed by its breakdown values' lines."""
    if not any(line.result is not None and line.result.breakdowns for line in out):
        return out
    found: list[Line] = []
    for line in out:
        found.append(line)
        if line.result is not None and line.last is None:
            found += [
                Line(
                    "breakdown",
                    breakdown_label(key, v),
                    indicator=line.indicator,
                    result=line.result,
                    value=v,
                )
                for key, v in sub_rows_of(line.result)
            ]
    return found


COLLAPSE_FROM = 3
"""Runs of this many periods without data (same status and target) become one line."""


def _collapsed(ind: Indicator, results: list[PeriodResult | ProgrammeResult]) -> list[Line]:
    """Result lines, with runs of empty periods of one status joined (``2024-02…2024-12``)."""
    out: list[Line] = []
    run: list[PeriodResult] = []

    def flush() -> None:
        if len(run) >= COLLAPSE_FROM:
            out.append(Line("result", indicator=ind, result=run[0], last=run[-1], count=len(run)))
        else:
            out.extend(Line("result", indicator=ind, result=r) for r in run)
        run.clear()

    for r in results:
        if not isinstance(r, PeriodResult) or r.count:
            flush()
            out.append(Line("result", indicator=ind, result=r))
            continue
        joins = (
            bool(run)
            and (r.period.start - run[-1].period.end).days == 1
            and (r.status, r.target) == (run[0].status, run[0].target)
        )
        if not joins:
            flush()
        run.append(r)
    flush()
    return out


def line_period(line: Line) -> str:
    """The period of a result line; a run of adjacent periods as ``first…last (n)``."""
    assert line.result is not None
    if line.last is None:
        return _period_text(line.result)
    first, last = line.result, line.last
    return f"{period_label(first.period)}…{period_label(last.period)} ({line.count})"


def _goal_label(program: Program, goals: tuple[str, ...]) -> str:
    if not goals:
        return t("status.group.no_goal")
    if len(goals) == 1:
        goal = program.goal(goals[0])
        name = one_line(goal.name) if goal else ""
        return t("status.group.goal", id=one_line(goals[0]), name=name)
    return t("status.group.goals", ids=", ".join(f"{one_line(g)})" for g in goals))


def lines(view: StatusView, *, collapse: bool = False) -> list[Line]:
    """The view as grouped lines: goal → action → each indicator's results (``collapse``:
    runs of periods without data and of one status as one line, for tables people read).

    A programme of format 1's shape groups its actions by the goals they serve; a goal tree
    (:attr:`Program.is_tree`) is walked main goal → specific goal → action, each goal's own
    indicators under its heading, and an indicator serving several goals under each."""
    program = view.program
    by_indicator: dict[str, list[PeriodResult | ProgrammeResult]] = {}
    for r in view.rows:
        by_indicator.setdefault(r.indicator_id, []).append(r)
    if view.with_programme:
        for ip in view.indicators:
            only_whole = len(ip.periods) == 1
            if not only_whole:
                by_indicator.setdefault(ip.id, []).append(ip.programme)

    def results(ind: Indicator) -> list[Line]:
        if collapse:
            found = _collapsed(ind, by_indicator[ind.id])
        else:
            found = [Line("result", indicator=ind, result=r) for r in by_indicator[ind.id]]
        return _with_sub_rows(found) if ind.breakdowns else found

    if program.is_tree:
        return _tree_lines(program, view.goal, by_indicator, results)
    groups: dict[tuple[str, ...], list[Line]] = {}
    for action in program.actions:
        shown = [i for i in action.indicators if i.id in by_indicator]
        if not shown:
            continue
        out = groups.setdefault(action.goals, [])
        out.append(Line("action", _action_label(action), 1))
        for ind in shown:
            out += results(ind)
    result: list[Line] = []
    for goals, group in groups.items():
        result.append(Line("goal", _goal_label(program, goals)))
        result += group
    return result


def _action_label(action: Action) -> str:
    return t("status.group.action", id=one_line(action.id), name=one_line(action.name))


def _tree_lines(
    program: Program,
    focus: str | None,
    shown: dict[str, list[PeriodResult | ProgrammeResult]],
    results: Callable[[Indicator], list[Line]],
) -> list[Line]:
    """The goal tree's lines: each main goal, its own indicators, the actions serving it
    directly, then each of its specific goals likewise (``focus``: that goal's branch only);
    the actions serving no goal last. A goal's heading carries its roll-up (the statuses
    of its periods shown, as the JSON document's ``rollups`` count them)."""
    placed: set[str] = set()

    def node(goal: Goal, depth: int) -> list[Line]:
        out: list[Line] = []
        for ind in program.goal_indicators:
            if ind.id in shown and goal.id in program.served_goals(ind):
                out += results(ind)
                placed.add(ind.id)
        for action in program.actions:
            inds = [
                i for i in action.indicators if i.id in shown and goal.id in program.served_goals(i)
            ]
            if inds:
                out.append(Line("action", _action_label(action), depth + 1))
                for ind in inds:
                    out += results(ind)
                    placed.add(ind.id)
        return out

    def tallied(label: str, block: list[Line]) -> str:
        """A goal's heading with its roll-up: the statuses of the periods shown under it,
        each indicator once (``… (1 achieved · 2 in progress)``)."""
        ids = {ln.indicator.id for ln in block if ln.indicator is not None}
        periods = [r for i in ids for r in shown[i] if isinstance(r, PeriodResult)]
        return f"{label} ({summary_line(periods)})" if periods else label

    chosen = program.goal(focus) if focus is not None else None
    result: list[Line] = []
    for main in program.main_goals:
        if chosen is not None and main.id not in (chosen.id, chosen.main):
            continue
        block = node(main, 0)
        for goal in program.specific_of(main.id):
            if chosen is not None and chosen.main and goal.id != chosen.id:
                continue
            inner = node(goal, 1)
            if inner:
                block += [Line("goal", tallied(_specific_label(goal), inner), 1), *inner]
        if block:
            result += [Line("goal", tallied(_main_label(main), block)), *block]
    rest: list[Line] = []
    for action in program.actions:
        inds = [i for i in action.indicators if i.id in shown and i.id not in placed]
        if inds:
            rest.append(Line("action", _action_label(action), 1))
            for ind in inds:
                rest += results(ind)
    if rest:
        result += [Line("goal", t("status.group.no_goal")), *rest]
    return result


def _main_label(goal: Goal) -> str:
    return t("status.group.main_goal", id=one_line(goal.id), name=one_line(goal.name))


def _specific_label(goal: Goal) -> str:
    return t("status.group.goal", id=one_line(goal.id), name=one_line(goal.name))


def _wrap(text: str, width: int | None) -> str:
    """The text on one line (control characters shown escaped), or wrapped at ``width`` into
    lines joined by ``\n`` (never cut)."""
    text = one_line(text)
    if width is None or len(text) <= width:
        return text
    import textwrap

    return "\n".join(textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False))


def _result_cells(line: Line, lang: str, name_width: int | None = None) -> list[str]:
    """The cells of a result; the name whole, or wrapped at ``name_width`` (plain table)."""
    ind, r = line.indicator, line.result
    assert ind is not None and r is not None
    if line.value is not None:
        return breakdown_cells(line, lang, name_width)
    return [
        one_line(ind.id),
        programme_row_label(r) if isinstance(r, ProgrammeResult) else _wrap(ind.name, name_width),
        line_period(line),
        format_target(r.target, ind, lang),
        actual_text(r, ind, lang),
        achievement_text(r, lang),
        status_text(r),
    ]


def breakdown_cells(line: Line, lang: str, name_width: int | None = None) -> list[str]:
    """A breakdown value's line: no id and no period (those of the result above it), the
    value's actual and — with a target of its own — its target, achievement and status."""
    ind, v = line.indicator, line.value
    assert ind is not None and v is not None
    r = v.result
    own = v.targeted
    return [
        "",
        "  " + _wrap(line.label, None if name_width is None else name_width - 2),
        "",
        format_target(r.target, ind, lang) if own else "",
        actual_text(r, ind, lang),
        achievement_text(r, lang) if own else "",
        status_word(r.status) if own else "",
    ]


def _headers() -> list[str]:
    return [
        t("col.id"),
        t("col.indicator"),
        t("col.period"),
        t("col.target"),
        t("col.actual"),
        t("col.achievement"),
        t("col.status"),
    ]


def entries_text(count: int) -> str:
    """``1 wpis``, ``2 wpisy``, ``5 wpisów`` (``1 entry``, ``2 entries``)."""
    return t(f"word.entries.{plural_form(count, get_language())}", count=count)


def summary_line(results: Iterable[PeriodResult | ProgrammeResult]) -> str:
    """``3 achieved · 1 overdue`` (Polish: ``osiągnięto: 3 · zaległe: 1``)."""
    items = [
        t("status.summary.item", word=status_word(s), count=n) for s, n in summary_counts(results)
    ]
    return " · ".join(items) if items else t("status.summary.none")


def header_lines(view: StatusView, lang: str) -> list[str]:
    out = [
        t("status.header.program", title=one_line(view.program.title)),
        t("status.header.program_file", path=one_line(view.program_file)),
        t(
            "status.header.store" if view.store_exists else "status.header.store_missing",
            path=one_line(view.store),
        ),
        t("status.header.as_of", date=format_date(view.as_of, lang)),
    ]
    if view.year is not None:
        out.append(t("status.header.year", year=view.year))
    if view.goal is not None:
        goal = view.program.goal(view.goal)
        name = one_line(goal.name) if goal else ""
        if goal is not None and not goal.main:  # the only main goal: every indicator
            several = len(view.program.main_goals) > 1
            key = "status.header.one_main_goal" if several else "status.header.main_goal"
            out.append(t(key, goal=f"{one_line(view.goal)} — {name}"))
        else:
            out.append(t("status.header.goal", goal=f"{one_line(view.goal)}) {name}"))
    return out


# -- formats ----------------------------------------------------------------------------------
def _aligned_table(rows: list[list[str]], headers: list[str], tablefmt: str) -> list[str]:
    assert tablefmt == "github"
    return github_table(rows, headers, "lllrrrl")


def github_table(rows: Sequence[Sequence[str]], headers: Sequence[str], align: str) -> list[str]:
    """A GitHub Markdown table, laid out as tabulate's ``github`` format lays it out (a column
    as wide as its widest cell, or its header and two spaces; a cell padded by one space on
    each side; a cell of several lines spread over as many table lines), without its cost:
    tabulate guesses each cell's type even when told not to parse numbers, which was a third of
    a report's Markdown at 10,000 indicators. ``align``: ``l`` or ``r`` per column."""
    if not rows:
        align = "l" * len(headers)  # tabulate aligns the headers of an empty table left
    stripped = [[c.strip() for c in row] for row in rows]
    if any("\n" in "".join(row) for row in stripped):
        return _github_lines(stripped, headers, align)
    # Cells of one line each (Markdown's are: markdown_text folds them), the common case: a
    # column's width from its cells' lengths, and a row a single format call.
    widths = [len(h) + 2 for h in headers]
    if stripped:  # a column's cells, each column's widest (rows of another length: ValueError)
        columns = zip(*stripped, strict=True)
        widths = [max(w, *map(len, c)) for w, c in zip(widths, columns, strict=True)]
    fmt = _row_format(widths, align)
    out = [fmt.format(*headers), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += [fmt.format(*row) for row in stripped]
    return out


def _row_format(widths: Sequence[int], align: str) -> str:
    """A table line's format: ``| a | b |``, each cell padded to its column's width (``<`` as
    ljust, ``>`` as rjust; braces in the cells are the arguments', not the format's)."""
    cells = (f"{{:{'>' if a == 'r' else '<'}{w}}}" for w, a in zip(widths, align, strict=True))
    return "| " + " | ".join(cells) + " |"


def _github_lines(rows: list[list[str]], headers: Sequence[str], align: str) -> list[str]:
    """:func:`github_table` of cells that may span several lines."""
    split = [[c.split("\n") for c in row] for row in rows]
    widths = [
        max([len(h) + 2] + [len(part) for r in split for part in r[n]])
        for n, h in enumerate(headers)
    ]
    fmt = _row_format(widths, align)
    out = [fmt.format(*headers), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    for r in split:
        height = max(len(c) for c in r)
        for k in range(height):
            out.append(fmt.format(*[c[k] if k < len(c) else "" for c in r]))
    return out


def simple_table_rows(
    rows: list[list[str]], headers: list[str], align: str
) -> tuple[list[str], list[list[str]]]:
    """A plain aligned table (two spaces between columns), without tabulate's import cost:
    the header and its dashes, and each row's lines (a cell may hold several lines, joined
    by ``\n``; the other cells stay empty on the extra lines). ``align`` has one letter per
    column: ``l`` or ``r``."""
    # A column's width: its longest line, from all its cells at once (joined, then split).
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(headers)
    widths = [
        max(len(h), *map(len, "\n".join(column).split("\n")))
        for h, column in zip(headers, columns, strict=True)
    ]
    # One line: the cells through one format (``<`` as ljust, ``>`` as rjust), right-stripped.
    layout = "  ".join(
        f"{{:{'>' if a == 'r' else '<'}{w}}}" for w, a in zip(widths, align, strict=True)
    )

    def fmt(cells: Sequence[str]) -> str:
        return layout.format(*cells).rstrip()

    blocks = []
    for r in rows:
        if "\n" not in "".join(r):
            blocks.append([fmt(r)])
            continue
        split = [c.split("\n") for c in r]  # a cell of several lines: the others stay empty
        height = max(len(c) for c in split)
        blocks.append([fmt([c[k] if k < len(c) else "" for c in split]) for k in range(height)])
    return [fmt(headers), "  ".join("-" * w for w in widths)], blocks


def simple_table(rows: list[list[str]], headers: list[str], align: str) -> list[str]:
    """:func:`simple_table_rows` as one list of lines."""
    head, blocks = simple_table_rows(rows, headers, align)
    return head + [line for block in blocks for line in block]


def render_plain(view: StatusView) -> str:
    """The piped table: a header, a plain table with goal and action headings between its
    rows (one set of column widths for all), and the summary."""
    lang = get_language()
    all_lines = lines(view, collapse=True)
    results = [
        _result_cells(line, lang, NAME_WIDTH)
        for line in all_lines
        if line.kind in ("result", "breakdown")
    ]
    out = [*header_lines(view, lang), ""]
    if results:
        head, blocks = simple_table_rows(results, _headers(), "lllrrrl")
        out += head
        body = iter(blocks)
        for line in all_lines:
            if line.kind not in ("result", "breakdown"):
                out.append("  " * line.depth + line.label)
            else:
                out += next(body)
        out.append("")
    out.append(summary_line(view.rows))
    return shown("\n".join(out)) + "\n"


def render_md(view: StatusView) -> str:
    """Markdown: a heading per goal and per action, each followed by its GitHub table."""
    lang = get_language()
    # The header block (programme, its file, the store, the date) as lines of one paragraph.
    out: list[str] = [*(f"{markdown_text(line)}  " for line in header_lines(view, lang)), ""]
    pending: list[list[str]] = []

    def flush() -> None:
        if pending:
            out.extend(_aligned_table(pending, _headers(), "github"))
            out.append("")
            pending.clear()

    for line in lines(view, collapse=True):
        if line.kind in ("result", "breakdown"):
            pending.append([markdown_text(c) for c in _result_cells(line, lang)])
            continue
        flush()
        level = "#" * (line.depth + 2)
        out += [f"{level} {markdown_text(line.label)}", ""]
    flush()
    out.append(summary_line(view.rows))
    return "\n".join(out) + "\n"


MARKDOWN_SPECIAL = "\\|*<>[]`#~"
"""What Markdown would read as markup, escaped with a backslash (the backslash first); ``_``
only where it could begin or end an emphasis (``a_b`` is plain text, ``_a_`` is not)."""


def markdown_text(text: str) -> str:
    """Text as Markdown shows it, markup neither read nor broken: on one line, control
    characters shown escaped (``\\x1b``), Markdown's special characters and table separators
    escaped. For headings, table cells and the header block alike."""
    if _markdown_plain().fullmatch(text) is not None:
        return text  # most cells: nothing to fold, escape or show
    return _markdown_escaped(text)


def _markdown_escaped(text: str) -> str:
    """:func:`markdown_text` the long way, for any text."""
    text = one_line(text)
    for char in MARKDOWN_SPECIAL:
        if char in text:
            text = text.replace(char, "\\" + char)
    if "_" in text:
        text = _emphasis_underscores().sub(r"\\_", text)
    return text


@cache
def _markdown_plain() -> re.Pattern[str]:
    """Text that :func:`markdown_text` gives back unchanged: single spaces between words, no
    control character (tab and newline included), nothing of :data:`MARKDOWN_SPECIAL`, no
    underscore."""
    other = "\x00-\x20\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069" + re.escape(
        MARKDOWN_SPECIAL + "_"
    )
    word = f"[^{other}]+"
    return re.compile(f"(?:{word}(?: {word})*)?")


@cache
def _emphasis_underscores() -> re.Pattern[str]:
    return re.compile(r"(?<![^\W_])_|_(?![^\W_])")


CSV_BOM = "\ufeff"


def csv_writer(out: io.StringIO, lang: str, *, bom: bool = True) -> tuple[Any, Any, Any]:
    """A csv writer in the conventions of ``wsp export`` (docs/entries-csv.md): UTF-8 with a
    byte-order mark (on standard output too, as ``wsp export`` does), CRLF line ends, in
    Polish ``;`` between fields and a decimal comma, and a quote before text a spreadsheet
    would run as a formula (``=…``, ``@…``; numbers stay numbers). Returns the writer and two
    cell formatters: a number (exact, ``1234,5``) and a ratio as a percentage (one decimal,
    clamped like :func:`format_percent`: never 100 below 1, never 0 above 0)."""
    from wspolpraca_cli.transfer import csv_dialect

    separator, decimal_comma = csv_dialect(lang)

    def number(value: float | None) -> str:
        if value is None:
            return ""
        text = format_plain(value)
        return text.replace(".", ",") if decimal_comma else text

    def percent(ratio: float | None) -> str:
        return number(clamped_percent(ratio, 1))

    if bom:
        out.write(CSV_BOM)
    import csv  # only for --format csv: start-up time matters

    writer = csv.writer(out, delimiter=separator, lineterminator="\r\n")
    return _SpreadsheetWriter(writer), number, percent


class _SpreadsheetWriter:
    """A csv writer whose cells never run as formulas in a spreadsheet
    (:func:`wspolpraca_cli.safe_text.spreadsheet_cells`)."""

    def __init__(self, writer: Any) -> None:
        self._writer = writer

    def writerow(self, cells: Iterable[Any]) -> None:
        from wspolpraca_cli.safe_text import spreadsheet_cells

        self._writer.writerow(spreadsheet_cells(cells))


def render_csv(view: StatusView, *, bom: bool = True) -> str:
    """Flat csv: one row per shown result, as ``wsp export`` writes csv (see
    :func:`csv_writer`)."""
    out = io.StringIO()
    writer, number, percent = csv_writer(out, get_language(), bom=bom)
    writer.writerow(
        [
            t("col.goals"),
            t("col.action"),
            t("col.id"),
            t("col.indicator"),
            t("col.scope"),
            t("col.period"),
            t("col.target"),
            t("col.actual"),
            t("col.entries"),
            t("col.achievement") + " %",
            t("col.status"),
            t("col.status_code"),
        ]
    )
    program = view.program
    written: set[tuple[str, str, bool]] = set()  # an indicator under several goals: once
    for line in lines(view):
        if line.kind != "result":
            continue
        ind, r = line.indicator, line.result
        assert ind is not None and r is not None
        key = (ind.id, str(r.period), isinstance(r, ProgrammeResult))
        if key in written:
            continue
        written.add(key)
        scope = "programme" if isinstance(r, ProgrammeResult) else "period"
        writer.writerow(
            [
                " ".join(program.served_goals(ind)),
                ind.action_id,
                ind.id,
                " ".join(ind.name.split()),
                t(f"scope.{scope}"),
                str(r.period),
                number(r.target),
                number(r.actual),
                r.count,
                percent(r.achievement),
                status_word(r.status) + audit_marks(r),
                r.status.value,
            ]
        )
    return out.getvalue()


def orphan_note(view: StatusView) -> str | None:
    orphans = view.progress.orphans
    if not orphans:
        return None
    first = orphans[0]
    return t(
        "status.orphans",
        entries=entries_text(sum(o.count for o in orphans)),
        id=one_line(first.indicator_id),
        period=one_line(first.period),
    )

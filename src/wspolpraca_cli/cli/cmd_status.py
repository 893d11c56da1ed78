"""``wsp status`` (progress against targets) and the history under ``wsp show ID``.

The command reads the store read-only (a missing store is an empty one; nothing is created)
and imports only what the chosen output format needs.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from wspolpraca_cli.cli.common import as_of as parse_as_of
from wspolpraca_cli.cli.common import suggest, workspace
from wspolpraca_cli.errors import UnknownId
from wspolpraca_cli.i18n import t

if TYPE_CHECKING:
    from wspolpraca_cli.model import Indicator, Program
    from wspolpraca_cli.services import Workspace


class StatusFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


def check_goal(program: Program, goal: str | None) -> None:
    if goal is None or program.goal(goal) is not None:
        return
    known = [program.main_goal.id, *(g.id for g in program.specific_goals)]
    same = [k for k in known if k.casefold() == goal.strip().casefold()]
    raise UnknownId(
        t("status.unknown_goal", id=goal),
        same or suggest(goal, known),
        hint=t(
            "status.known_goals",
            main=program.main_goal.id,
            ids=", ".join(g.id for g in program.specific_goals),
        ),
    )


def status(
    ctx: typer.Context,
    year: Annotated[
        int | None, typer.Option("--year", "-y", help=t("opt.status.year"), show_default=False)
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="YYYY-MM-DD", help=t("opt.status.as_of")),
    ] = None,
    goal: Annotated[
        str | None, typer.Option("--goal", "-g", help=t("opt.status.goal"), show_default=False)
    ] = None,
    output_format: Annotated[
        StatusFormat, typer.Option("--format", "-f", help=t("opt.status.format"))
    ] = StatusFormat.table,
) -> None:
    """Progress against targets. By default each indicator's current period, every earlier
    period that needs attention (awaiting, overdue, missed), the previous period while its
    report is due, and the programme to date; --year shows that year's periods instead.

    Statuses: achieved, in progress, missed, awaiting (closed, no data, before the reporting
    deadline), overdue, not started, reported (no numeric target). Never changes the store.

    Examples:
      wsp status
      wsp status --year 2024
      wsp status --as-of 2025-06-01 --goal a
      wsp status --year 2024 --format json
    """
    from wspolpraca_cli import services
    from wspolpraca_cli.render.status import build_view

    day = parse_as_of(as_of)
    ws, where = workspace(ctx)
    services.check_year(ws.program, year)
    check_goal(ws.program, goal)
    progress = services.progress_as_of(ws, day)
    view = build_view(
        progress,
        program_file=str(where.path),
        store=ws.location,
        year=year,
        goal=goal,
        store_exists=Path(ws.location).exists(),
    )
    if output_format is StatusFormat.json:
        from wspolpraca_cli.render.status import render_json

        typer.echo(render_json(view))
    elif output_format is StatusFormat.csv:
        from wspolpraca_cli.render.status import render_csv

        typer.echo(render_csv(view), nl=False)
    elif output_format is StatusFormat.md:
        from wspolpraca_cli.render.status import render_md

        typer.echo(render_md(view))
    else:
        _table(view)


def _table(view: Any) -> None:
    from wspolpraca_cli.cli.common import terminal_console

    console = terminal_console()
    if console is not None:
        from wspolpraca_cli.render.status import render_rich

        render_rich(view, console)
        return
    from wspolpraca_cli.render.status import orphan_note, render_plain

    typer.echo(render_plain(view))
    note = orphan_note(view)
    if note:
        typer.echo(note, err=True)


def show_indicator_history(ws: Workspace, item: Indicator, as_of: str | None = None) -> None:
    """Print an indicator's period-by-period history under ``wsp show`` (as of today)."""
    from wspolpraca_cli import services
    from wspolpraca_cli.cli.common import terminal_console

    day = parse_as_of(as_of)
    found = services.progress_as_of(ws, day, [item.id]).indicator(item.id)
    if found is None:  # pragma: no cover - the indicator comes from the same programme
        return
    typer.echo("")
    console = terminal_console()
    if console is not None:
        from wspolpraca_cli.render.status import render_history_rich

        render_history_rich(found, day, console)
        return
    from wspolpraca_cli.render.status import render_history_plain

    typer.echo(render_history_plain(found, day))


def register(app: typer.Typer) -> None:
    """Add ``wsp status`` to ``app``."""
    app.command("status", help=t("cmd.status.help"))(status)

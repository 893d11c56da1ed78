"""``wsp status``: progress against targets.

The command reads the store read-only (a missing store is an empty one; nothing is created)
and imports only what the chosen output format needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from wspolpraca_cli.cli.common import as_of as parse_as_of
from wspolpraca_cli.cli.common import location_exists, suggest, workspace
from wspolpraca_cli.cli.formats import StatusFormat
from wspolpraca_cli.cli.output import ForceOption, OutputOption, format_option
from wspolpraca_cli.cli.params import ASCII_INT
from wspolpraca_cli.errors import UnknownId
from wspolpraca_cli.i18n import t

if TYPE_CHECKING:
    from wspolpraca_cli.model import Program


def check_goal(program: Program, goal: str | None) -> None:
    if goal is None or program.goal(goal) is not None:
        return
    known = [g.id for g in program.goals]
    same = [k for k in known if k.casefold() == goal.strip().casefold()]
    raise UnknownId(
        t("status.unknown_goal", id=goal),
        same or suggest(goal, known),
        hint=t(
            "status.known_goals",
            main=", ".join(g.id for g in program.main_goals),
            ids=", ".join(g.id for g in program.specific_goals),
        ),
    )


def status(
    ctx: typer.Context,
    year: Annotated[
        int | None,
        typer.Option(
            "--year", "-y", help=t("opt.status.year"), show_default=False, click_type=ASCII_INT
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="YYYY-MM-DD", help=t("opt.status.as_of")),
    ] = None,
    goal: Annotated[
        str | None, typer.Option("--goal", "-g", help=t("opt.status.goal"), show_default=False)
    ] = None,
    output_format: Annotated[StatusFormat | None, format_option("opt.status.format")] = None,
    output: OutputOption = None,
    force: ForceOption = False,
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
    from wspolpraca_cli import collector
    from wspolpraca_cli.cli.output import check_output, deliver, resolve_format
    from wspolpraca_cli.render.status import build_view, orphan_note
    from wspolpraca_cli.services import progress as services

    chosen = resolve_format(output_format, output, StatusFormat.table)
    check_output(output, force, chosen)
    day = parse_as_of(as_of)
    ws, where = workspace(ctx)
    services.check_year(ws.program, year)
    check_goal(ws.program, goal)
    with collector.paused():  # the summaries, the results, the lines and cells: no cycles
        progress = services.progress_as_of(ws, day)
        view = build_view(
            progress,
            program_file=str(where.path),
            store=ws.location,
            year=year,
            goal=goal,
            store_exists=location_exists(ws.location),
        )
        note = orphan_note(view) if chosen is StatusFormat.table else None
        deliver(chosen, view, output=output, force=force, note=note)


def register(app: typer.Typer) -> None:
    """Add ``wsp status`` to ``app``."""
    app.command("status", help=t("cmd.status.help"))(status)

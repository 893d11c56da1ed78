"""Commands that read a programme: validate, list, show, init."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wspolpraca_cli.cli.common import load, program_location, suggest
from wspolpraca_cli.cli.completion import programme_ids
from wspolpraca_cli.cli.formats import TreeFormat
from wspolpraca_cli.cli.output import ForceOption, OutputOption, format_option
from wspolpraca_cli.errors import UnknownId
from wspolpraca_cli.i18n import get_language, plural, t
from wspolpraca_cli.safe_text import shown

if TYPE_CHECKING:
    from wspolpraca_cli.model import Action, Area, Goal, Indicator, Program


def validate(
    ctx: typer.Context,
    file: Annotated[
        Path | None, typer.Argument(metavar="FILE", help=t("arg.validate.file"))
    ] = None,
) -> None:
    """Check a programme file and print every error with its line and column.

    Examples:
      wsp validate
      wsp validate program.yaml
    """
    from wspolpraca_cli.errors import ProgramInvalid, ProgramNotFound
    from wspolpraca_cli.loader import load as load_file

    path = file if file is not None else program_location(ctx).path
    if not path.exists():
        raise ProgramNotFound(t("program.not_found", path=path), hint=t("program.not_found.hint"))
    _adopt_file_language(ctx, path)
    result = load_file(path)
    if result.program is None or result.diagnostics:
        raise ProgramInvalid(result.diagnostics)
    program = result.program
    typer.echo(
        t(
            "validate.ok",
            file=path,
            goals=_goals_counted(program),
            actions=plural(len(program.actions), "noun.action"),
            indicators=plural(len(program.indicators), "noun.indicator"),
        )
    )


def _goals_counted(program: Program) -> str:
    """``3 cele szczegółowe``; with several main goals ``2 cele główne, 3 cele szczegółowe``."""
    specific = plural(len(program.specific_goals), "noun.specific_goal")
    if len(program.main_goals) == 1:
        return specific
    return f"{plural(len(program.main_goals), 'noun.main_goal')}, {specific}"


def _adopt_file_language(ctx: typer.Context, path: Path) -> None:
    """Under a locale that names no language (cron), speak the file's own ``language``,
    as every other command does once the programme is loaded — read before validating,
    so that the errors themselves come out in it."""
    import re

    from wspolpraca_cli.cli.common import settle_language, state
    from wspolpraca_cli.i18n import chosen_language

    if state(ctx).lang or chosen_language() is not None:
        return
    from wspolpraca_cli.fsutil import read_regular

    try:  # a pipe or a device is not read (the loader refuses it)
        head = read_regular(path, 65536, head=True).decode("utf-8", "replace")
    except OSError:
        return
    found = re.search(r"(?m)^\s+language:\s*[\"']?(pl|en)\b", head)
    if found:
        settle_language(ctx, found[1])


def list_tree(
    ctx: typer.Context,
    output_format: Annotated[TreeFormat | None, format_option()] = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Show the tree of goals, actions and indicators.

    Examples:
      wsp list
      wsp list --format json
    """
    from wspolpraca_cli.cli.output import check_output, deliver, resolve_format

    chosen = resolve_format(output_format, output, TreeFormat.table)
    check_output(output, force, chosen)
    program, _ = load(ctx)
    deliver(chosen, program, output=output, force=force)


def _lookup(program: Program, item_id: str) -> Indicator | Action | Area | Goal:
    found: Indicator | Action | Area | Goal | None = program.indicator(item_id)
    if found is None and program.is_tree:  # a goal tree's codes (1.1) may be an action's too
        found = program.goal(item_id)
    found = found or program.action(item_id) or program.area(item_id) or program.goal(item_id)
    if found is None:
        known = program.all_ids()
        raise UnknownId(
            t("unknown_id", id=item_id),
            suggest(item_id, known),
            hint=t("known_ids", ids=", ".join(dict.fromkeys(known))),
        )
    return found


def show(
    ctx: typer.Context,
    item_id: Annotated[
        str,
        typer.Argument(metavar="ID", help=t("arg.show.id"), autocompletion=programme_ids),
    ],
    output_format: Annotated[TreeFormat | None, format_option()] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", metavar="YYYY-MM-DD", help=t("opt.show_as_of"))
    ] = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Show one goal, area, action or indicator in full (an indicator: with its history).

    Examples:
      wsp show 1.1
      wsp show 1.1 --as-of 2025-06-01
      wsp show a
      wsp show 1.1 --format json
    """
    from wspolpraca_cli.cli.formats import SHOW_FORMATS
    from wspolpraca_cli.cli.output import check_output, deliver, resolve_format
    from wspolpraca_cli.model import Indicator
    from wspolpraca_cli.render.programme import ShowDocument

    chosen = resolve_format(output_format, output, TreeFormat.table)
    check_output(output, force, chosen)
    program, _ = load(ctx)
    item = _lookup(program, item_id)
    doc = ShowDocument(program, item)
    if isinstance(item, Indicator):
        from wspolpraca_cli.cli.common import as_of as parse_as_of
        from wspolpraca_cli.cli.common import workspace
        from wspolpraca_cli.services import progress as services

        day = parse_as_of(as_of)
        found = services.progress_as_of(workspace(ctx)[0], day, [item.id]).indicator(item.id)
        doc = ShowDocument(program, item, found, day)
    deliver(chosen, doc, output=output, force=force, table=SHOW_FORMATS)


def init(
    file: Annotated[Path, typer.Argument(metavar="FILE", help=t("arg.init.file"))] = Path(
        "program.yaml"
    ),
    force: Annotated[bool, typer.Option("--force", help=t("opt.force"))] = False,
    source: Annotated[
        Path | None, typer.Option("--from", metavar="RESOLUTION", help=t("opt.init.from"))
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help=t("opt.init.title"))] = None,
    issuer: Annotated[str | None, typer.Option("--issuer", help=t("opt.init.issuer"))] = None,
    years: Annotated[
        str | None, typer.Option("--years", metavar="YYYY-YYYY", help=t("opt.init.years"))
    ] = None,
) -> None:
    """Write a commented starter programme file that validates as written (``-``: print it),
    or, with --from, a draft of the programme from the adopted resolution's text.

    Examples:
      wsp init
      wsp init gmina.yaml --force
      wsp init - > program.yaml
      wsp init --from uchwala.pdf program.yaml
      wsp init --from uchwala.docx - --years 2026 --issuer "Rada Gminy Przykładowo"
    """
    from wspolpraca_cli.cli.output import check_output, write_output
    from wspolpraca_cli.starter import starter

    if source is not None:
        from wspolpraca_cli.cli.init_from import init_from

        init_from(source, file, force=force, title=title, issuer=issuer, years=years)
        return
    for option, given in (("--title", title), ("--issuer", issuer), ("--years", years)):
        if given is not None:
            from wspolpraca_cli.errors import UsageError

            raise UsageError(
                t("init.only_with_from", option=option),
                hint=t("init.only_with_from.hint", option=option),
            )

    if str(file) == "-":
        typer.echo(starter(get_language()), nl=False)
        return
    check_output(file, force)
    write_output(file, starter(get_language()).encode("utf-8"), force=force)
    typer.echo(shown(t("init.done", path=file)), err=True)


def register(app: typer.Typer) -> None:
    """Add the programme commands to ``app``."""
    app.command("validate", help=t("cmd.validate.help"))(validate)
    app.command("list", help=t("cmd.list.help"))(list_tree)
    app.command("show", help=t("cmd.show.help"))(show)
    app.command("init", help=t("cmd.init.help"))(init)

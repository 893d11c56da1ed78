"""Commands that read a programme: validate, list, show, init."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from wspolpraca_cli.cli.common import load, program_location, suggest
from wspolpraca_cli.errors import UnknownId
from wspolpraca_cli.i18n import get_language, plural, t

if TYPE_CHECKING:
    from wspolpraca_cli.model import Action, Area, Goal, Indicator, Program


class TreeFormat(StrEnum):
    table = "table"
    text = "text"
    json = "json"


def validate(
    ctx: typer.Context,
    file: Annotated[Path | None, typer.Argument(help=t("arg.validate.file"))] = None,
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
            goals=plural(len(program.specific_goals), "noun.specific_goal"),
            actions=plural(len(program.actions), "noun.action"),
            indicators=plural(len(program.indicators), "noun.indicator"),
        )
    )


def _adopt_file_language(ctx: typer.Context, path: Path) -> None:
    """Under a locale that names no language (cron), speak the file's own ``language``,
    as every other command does once the programme is loaded — read before validating,
    so that the errors themselves come out in it."""
    import re

    from wspolpraca_cli.cli.common import state
    from wspolpraca_cli.i18n import chosen_language, set_language

    if state(ctx).lang_chosen or chosen_language() is not None:
        return
    try:
        with path.open("rb") as fh:
            head = fh.read(65536).decode("utf-8", "replace")
    except OSError:
        return
    found = re.search(r"(?m)^\s+language:\s*[\"']?(pl|en)\b", head)
    if found:
        set_language(found[1])


def list_tree(
    ctx: typer.Context,
    output_format: Annotated[
        TreeFormat, typer.Option("--format", "-f", help=t("opt.format"))
    ] = TreeFormat.table,
) -> None:
    """Show the tree of goals, actions and indicators.

    Examples:
      wsp list
      wsp list --format json
    """
    program, _ = load(ctx)
    if output_format is TreeFormat.json:
        import json

        typer.echo(json.dumps(program_json(program), ensure_ascii=False, indent=2))
        return
    from wspolpraca_cli.cli.common import terminal_console

    console = terminal_console() if output_format is TreeFormat.table else None
    if console is not None:
        console.print(_rich_tree(program))
    else:
        typer.echo("\n".join(_text_tree(program)))


def _target_display(ind: Indicator) -> str:
    """The target as the document writes it; values by year with numbers in the language's
    format (``2024: 500 000``)."""
    from wspolpraca_cli.targets import TargetKind

    if ind.target.kind is not TargetKind.BY_YEAR:
        return ind.target_text or str(ind.target)
    from wspolpraca_cli.numfmt import format_number

    pct = "%" if ind.target.percent else ""
    lang = get_language()
    return ", ".join(f"{y}: {format_number(v, lang)}{pct}" for y, v in ind.target.by_year)


def _serves(ids: tuple[str, ...]) -> str:
    return t("label.serves_one") if len(ids) == 1 else t("label.serves")


def _goal_names(program: Program, ids: tuple[str, ...]) -> str:
    return ", ".join(f"{g})" for g in ids)


def _indicator_line(ind: Indicator) -> str:
    target = _target_display(ind)
    return f"{ind.id}  {ind.name} — {t('label.target').lower()}: {target}; {ind.frequency_text}"


def _text_tree(program: Program) -> list[str]:
    lines = [
        program.title,
        f"{t('label.main_goal')}: {program.main_goal.name}",
        f"{t('label.specific_goals')}:",
    ]
    lines += [f"  {g.id}) {g.name}" for g in program.specific_goals]
    for area in program.areas:
        lines.append(f"{t('label.area')} {area.id}) {area.name}")
        for action in area.actions:
            serves = (
                f" [{_serves(action.goals)} {_goal_names(program, action.goals)}]"
                if action.goals
                else ""
            )
            lines.append(f"  {action.id}  {action.name}{serves}")
            lines += [f"    {_indicator_line(ind)}" for ind in action.indicators]
    return lines


def _rich_tree(program: Program) -> Any:
    from rich.markup import escape
    from rich.tree import Tree

    root = Tree(f"[bold]{escape(program.title)}[/]")
    main = root.add(f"[bold]{t('label.main_goal')}:[/] {escape(program.main_goal.name)}")
    goals = main.add(f"[bold]{t('label.specific_goals')}[/]")
    for g in program.specific_goals:
        goals.add(f"[cyan]{escape(g.id)})[/] {escape(g.name)}")
    for area in program.areas:
        node = root.add(f"[bold]{t('label.area')} {escape(area.id)})[/] {escape(area.name)}")
        for action in area.actions:
            serves = (
                f" [dim]({_serves(action.goals)} {_goal_names(program, action.goals)})[/]"
                if action.goals
                else ""
            )
            act = node.add(f"[cyan]{escape(action.id)}[/] {escape(action.name)}{serves}")
            for ind in action.indicators:
                target = escape(_target_display(ind))
                act.add(
                    f"[green]{escape(ind.id)}[/] [bold]{escape(ind.name)}[/] — "
                    f"{t('label.target').lower()}: [yellow]{target}[/]; "
                    f"{escape(ind.frequency_text)}"
                )
    return root


def indicator_json(ind: Indicator) -> dict[str, Any]:
    target = ind.target
    return {
        "id": ind.id,
        "name": ind.name,
        "unit": ind.unit.value,
        "unit_label": ind.unit_label,
        "target": {
            "text": ind.target_text or str(target),
            "kind": target.kind.value,
            "value": target.value,
            "per": target.per.value if target.per else None,
            "year": target.year,
            "by_year": {str(y): v for y, v in target.by_year},
            "percent": target.percent,
            "descending": target.descending,
        },
        "frequency": ind.frequency.value,
        "frequency_text": ind.frequency_text,
        "aggregation": ind.aggregation.value,
        "baseline": (
            {"value": ind.baseline.value, "year": ind.baseline.year} if ind.baseline else None
        ),
        "breakdowns": {b.key: [code for code, _ in b.values] for b in ind.breakdowns},
        "bounds": {"min": ind.lower_bound, "max": ind.upper_bound},
        "department": ind.department,
        "notes": ind.notes,
    }


def program_json(program: Program) -> dict[str, Any]:
    return {
        "schema": 1,
        "title": program.title,
        "issuer": program.issuer,
        "first_year": program.first_year,
        "last_year": program.last_year,
        "reporting_deadline": f"{program.deadline.month:02d}-{program.deadline.day:02d}",
        "language": program.language,
        "main_goal": {"id": program.main_goal.id, "name": program.main_goal.name},
        "specific_goals": [{"id": g.id, "name": g.name} for g in program.specific_goals],
        "areas": [
            {
                "id": area.id,
                "name": area.name,
                "goals": list(area.goals),
                "actions": [
                    {
                        "id": a.id,
                        "lp": a.lp,
                        "name": a.name,
                        "goals": list(a.goals),
                        "indicators": [indicator_json(i) for i in a.indicators],
                    }
                    for a in area.actions
                ],
            }
            for area in program.areas
        ],
        "sources": list(program.sources),
    }


def _lookup(program: Program, item_id: str) -> Indicator | Action | Area | Goal:
    found = (
        program.indicator(item_id)
        or program.action(item_id)
        or program.area(item_id)
        or program.goal(item_id)
    )
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
    item_id: Annotated[str, typer.Argument(metavar="ID", help=t("arg.show.id"))],
    output_format: Annotated[
        TreeFormat, typer.Option("--format", "-f", help=t("opt.format"))
    ] = TreeFormat.table,
    as_of: Annotated[
        str | None, typer.Option("--as-of", metavar="YYYY-MM-DD", help=t("opt.show_as_of"))
    ] = None,
) -> None:
    """Show one goal, area, action or indicator in full (an indicator: with its history).

    Examples:
      wsp show 1.1
      wsp show 1.1 --as-of 2025-06-01
      wsp show a
      wsp show 1.1 --format json
    """
    from wspolpraca_cli.model import Action, Area, Goal, Indicator

    program, _ = load(ctx)
    item = _lookup(program, item_id)
    if output_format is TreeFormat.json:
        import json

        data = _item_json(program, item)
        if isinstance(item, Indicator):
            from wspolpraca_cli import services
            from wspolpraca_cli.cli.common import as_of as parse_as_of
            from wspolpraca_cli.cli.common import workspace
            from wspolpraca_cli.render.status import history_json

            day = parse_as_of(as_of)
            ws, _ = workspace(ctx)
            found = services.progress_as_of(ws, day, [item.id]).indicator(item.id)
            if found is not None:
                data.update(history_json(found, program, day))
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    lines: list[str] = []
    if isinstance(item, Indicator):
        lines = _indicator_lines(program, item)
    elif isinstance(item, Action):
        lines = _action_lines(program, item)
    elif isinstance(item, Area):
        lines = [f"{t('label.area')} {item.id}) {item.name}"]
        for action in item.actions:
            lines += ["", *_action_lines(program, action)]
    elif isinstance(item, Goal):
        lines = _goal_lines(program, item)
    typer.echo("\n".join(lines))
    if isinstance(item, Indicator):
        from wspolpraca_cli.cli import cmd_status
        from wspolpraca_cli.cli.common import workspace

        cmd_status.show_indicator_history(workspace(ctx)[0], item, as_of)


def _item_json(program: Program, item: Any) -> dict[str, Any]:
    from wspolpraca_cli.model import Action, Area, Indicator

    if isinstance(item, Indicator):
        return {"schema": 1, "type": "indicator", **indicator_json(item)}
    if isinstance(item, Action):
        return {
            "schema": 1, "type": "action", "id": item.id, "lp": item.lp, "name": item.name,
            "area": item.area_id, "goals": list(item.goals),
            "indicators": [indicator_json(i) for i in item.indicators],
        }  # fmt: skip
    if isinstance(item, Area):
        return {
            "schema": 1, "type": "area", "id": item.id, "name": item.name,
            "actions": [a.id for a in item.actions],
        }  # fmt: skip
    kind = "main_goal" if item.id == program.main_goal.id else "specific_goal"
    return {"schema": 1, "type": kind, "id": item.id, "name": item.name}


def _indicator_lines(program: Program, ind: Indicator) -> list[str]:
    action = program.action(ind.action_id)
    area = program.area(ind.area_id)
    none = t("label.none")
    lines = [
        f"{t('label.indicator')} {ind.id}: {ind.name}",
        f"  {t('label.area')}: {ind.area_id}) {area.name if area else ''}",
        f"  {t('label.action')}: {ind.action_id} {action.name if action else ''}",
        f"  {t('label.unit')}: {ind.unit_label or t('unit.' + ind.unit.value)}",
        f"  {t('label.target')}: {_target_display(ind)}",
        f"  {t('label.frequency')}: {_frequency_text(ind)}",
        f"  {t('label.aggregation')}: {t('aggregation.' + ind.aggregation.value)}",
    ]
    if ind.baseline:
        year = f" ({ind.baseline.year})" if ind.baseline.year else ""
        lines.append(f"  {t('label.baseline')}: {ind.baseline.value:g}{year}")
    if ind.breakdowns:
        for b in ind.breakdowns:
            values = ", ".join(code if code == lab else f"{code} ({lab})" for code, lab in b.values)
            lines.append(f"  {t('label.breakdowns')}: {b.label}: {values}")
    if ind.lower_bound is not None or ind.upper_bound is not None:
        low = "" if ind.lower_bound is None else f"{ind.lower_bound:g}"
        high = "" if ind.upper_bound is None else f"{ind.upper_bound:g}"
        lines.append(f"  {t('label.bounds')}: {low}–{high}")
    lines.append(f"  {t('label.department')}: {ind.department or none}")
    if ind.notes:
        lines.append(f"  {t('label.notes')}: {ind.notes}")
    return lines


def _frequency_text(ind: Indicator) -> str:
    """The document's words for the frequency, with wsp's reading when they differ."""
    name = _frequency_name(ind)
    if " ".join(ind.frequency_text.lower().split()) == name.lower():
        return ind.frequency_text
    return f"{ind.frequency_text} ({name})"


def _frequency_name(ind: Indicator) -> str:
    from wspolpraca_cli.periods import FREQUENCY_NAMES_EN, FREQUENCY_NAMES_PL

    names = FREQUENCY_NAMES_PL if get_language() == "pl" else FREQUENCY_NAMES_EN
    return names[ind.frequency]


def _action_lines(program: Program, action: Action) -> list[str]:
    lines = [f"{t('label.action')} {action.id} ({t('label.lp')} {action.lp}): {action.name}"]
    if action.goals:
        names = [f"{g}) {goal.name}" for g in action.goals if (goal := program.goal(g))]
        lines.append(f"  {t('label.goals')}: " + "; ".join(names))
    for ind in action.indicators:
        lines.append(f"  - {_indicator_line(ind)}")
    return lines


def _goal_lines(program: Program, goal: Goal) -> list[str]:
    if goal.id == program.main_goal.id:
        return [f"{t('label.main_goal')}: {goal.name}"]
    lines = [f"{t('label.specific_goal')} {goal.id}) {goal.name}"]
    for action in program.actions:
        if goal.id in action.goals:
            lines.append(f"  {action.id} {action.name}")
            lines += [f"    {_indicator_line(i)}" for i in action.indicators]
    return lines


def init(
    file: Annotated[Path, typer.Argument(help=t("arg.init.file"))] = Path("program.yaml"),
    force: Annotated[bool, typer.Option("--force", help=t("opt.force"))] = False,
) -> None:
    """Write a commented starter programme file that validates as written (``-``: print it).

    Examples:
      wsp init
      wsp init gmina.yaml --force
      wsp init - > program.yaml
    """
    from wspolpraca_cli.cli.output import check_output, write_output
    from wspolpraca_cli.starter import starter

    if str(file) == "-":
        typer.echo(starter(get_language()), nl=False)
        return
    check_output(file, force)
    write_output(file, starter(get_language()).encode("utf-8"), force=force)
    typer.echo(t("init.done", path=file), err=True)


def register(app: typer.Typer) -> None:
    """Add the programme commands to ``app``."""
    app.command("validate", help=t("cmd.validate.help"))(validate)
    app.command("list", help=t("cmd.list.help"))(list_tree)
    app.command("show", help=t("cmd.show.help"))(show)
    app.command("init", help=t("cmd.init.help"))(init)

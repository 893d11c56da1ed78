"""``wsp grants``: the office's grants register — its template, import, list, correct, void.

Results (a listing, a new row's uid) go to stdout; messages go to stderr.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from wspolpraca_cli.cli.cmd_verify import _Command, _examples, _Group
from wspolpraca_cli.cli.formats import GrantsFormat, TemplateFormat
from wspolpraca_cli.cli.output import ForceOption, OutputOption, format_option
from wspolpraca_cli.cli.params import ASCII_INT
from wspolpraca_cli.i18n import t
from wspolpraca_cli.safe_text import shown

if TYPE_CHECKING:
    from wspolpraca_cli.services.grants import GrantSuperseded


def grants_group() -> None:
    """The office's grants register: offers and grants, one row each.

    Examples:
      wsp grants template -o rejestr.xlsx
      wsp grants import rejestr.xlsx
      wsp grants list --year 2024 --mode 19a
    """


def template(
    output: OutputOption = None,
    output_format: Annotated[
        TemplateFormat | None, format_option("opt.grants_template.format")
    ] = None,
    force: ForceOption = False,
) -> None:
    """Write the register's template: the Polish headers, one example row, and a comment on
    each column (XLSX: a comment on each header cell; CSV: # lines above the header, which
    the import skips). The format follows the file's extension (.xlsx or .csv); CSV goes to
    standard output without -o. The template imports as it is.

    Examples:
      wsp grants template -o rejestr.xlsx
      wsp grants template -o rejestr.csv --force
    """
    from wspolpraca_cli.cli.output import check_output, deliver, resolve_format

    chosen = resolve_format(output_format, output, TemplateFormat.csv)
    check_output(output, force, chosen)
    deliver(chosen, None, output=output, force=force)


def import_register(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE", help=t("arg.grants_import.file"))],
    dry_run: Annotated[bool, typer.Option("--dry-run", help=t("opt.dry_run"))] = False,
) -> None:
    """Import the grants register from a CSV or XLSX file (Polish or English headers; ; or ,
    between cells; UTF-8 or Windows-1250).

    All or nothing: if any cell is wrong, every wrong cell is reported as FILE:ROW:COLUMN
    with a hint and nothing is stored (exit 2). Rows already in the store are skipped, so
    importing the same register twice adds nothing; a row whose number (Nr umowy) names a
    stored row with other values corrects it.

    Examples:
      wsp grants import rejestr.xlsx --dry-run
      wsp grants import rejestr.xlsx
      wsp grants import eksport_generatora.csv
    """
    from wspolpraca_cli.cli.committed import after_commit
    from wspolpraca_cli.cli.common import workspace
    from wspolpraca_cli.i18n.catalog_store import counted
    from wspolpraca_cli.services import grants as services

    ws, _ = workspace(ctx)
    with after_commit() as commit:
        done = services.import_grants(
            ws, file, dry_run=dry_run, notify=lambda text: typer.echo(shown(text), err=True)
        )
        if done.added and not dry_run:
            commit.stored(counted(done.added, "row"))
        typer.echo(shown(import_summary(file, done)), err=True)


def import_summary(file: Path, done: Any) -> str:
    """What an import did (or would do), in one sentence."""
    from wspolpraca_cli.i18n.catalog_store import counted

    if not done.added:
        key = "grants.import.nothing_dry_run" if done.dry_run else "grants.import.nothing"
        return t(key, file=file, rows=counted(done.rows, "row"), present=done.present)
    key = "grants.import.dry_run" if done.dry_run else "grants.import.done"
    return t(
        key,
        file=file,
        rows=counted(done.rows, "row"),
        added=done.added,
        present=done.present,
        corrected=t("grants.import.corrected", n=done.corrected) if done.corrected else "",
    )


def list_register(
    ctx: typer.Context,
    year: Annotated[
        int | None, typer.Option("--year", "-y", help=t("opt.grants.year"), click_type=ASCII_INT)
    ] = None,
    mode: Annotated[str | None, typer.Option("--mode", "-m", help=t("opt.grants.mode"))] = None,
    area: Annotated[str | None, typer.Option("--area", "-a", help=t("opt.grants.area"))] = None,
    organisation: Annotated[
        str | None, typer.Option("--organisation", "-O", help=t("opt.grants.organisation"))
    ] = None,
    every: Annotated[bool, typer.Option("--all", help=t("opt.grants_list.all"))] = False,
    output_format: Annotated[GrantsFormat | None, format_option()] = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """List the register's rows in force (with --all, also those corrected or voided, and the
    corrections and voids themselves), with the number of rows, the amount granted and the
    number of organisations. Filters combine: a year, a mode (konkurs, 19a, inicjatywa,
    inny, or their usual spellings), an area (a point of art. 4 ust. 1), an organisation
    (any part of its name, in any case).

    Examples:
      wsp grants list --year 2024
      wsp grants list --mode 19a --area 16 --format csv -o male_granty.csv
      wsp grants list --organisation "Fundacja" --format json
    """
    from wspolpraca_cli.cli.common import workspace
    from wspolpraca_cli.cli.output import check_output, deliver, resolve_format
    from wspolpraca_cli.services import grants as services

    chosen = resolve_format(output_format, output, GrantsFormat.table)
    check_output(output, force, chosen)
    wanted = services.grant_filter(year=year, mode=mode, area=area, organisation=organisation)
    ws, _ = workspace(ctx)
    found = services.list_grants(ws, wanted, history=every)
    deliver(chosen, found, output=output, force=force)


def _option(name: str) -> Any:
    flag = "--" + name.replace("_", "-")
    return typer.Option(flag, help=t(f"opt.grants_correct.{name}"), show_default=False)


def correct(
    ctx: typer.Context,
    uid: Annotated[str, typer.Argument(metavar="ROW", help=t("arg.grants.row"))],
    reason: Annotated[
        str | None, typer.Option("--reason", "-r", help=t("opt.reason"), show_default=False)
    ] = None,
    ref: Annotated[str | None, _option("ref")] = None,
    year: Annotated[str | None, _option("year")] = None,
    mode: Annotated[str | None, _option("mode")] = None,
    area: Annotated[str | None, _option("area")] = None,
    department: Annotated[str | None, _option("department")] = None,
    organisation: Annotated[str | None, _option("organisation")] = None,
    krs: Annotated[str | None, _option("krs")] = None,
    title: Annotated[str | None, _option("title")] = None,
    requested: Annotated[str | None, _option("requested")] = None,
    granted: Annotated[str | None, _option("granted")] = None,
    settled: Annotated[str | None, _option("settled")] = None,
    returned: Annotated[str | None, _option("returned")] = None,
    contract_date: Annotated[str | None, _option("contract_date")] = None,
    start: Annotated[str | None, _option("start")] = None,
    end: Annotated[str | None, _option("end")] = None,
    by: Annotated[str | None, typer.Option("--by", help=t("opt.record.by"))] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=t("opt.dry_run"))] = False,
) -> None:
    """Correct a row of the register: append a row with the values given (the others kept)
    that supersedes it; the old row stays in the store's history. The values are read as an
    import reads the register's cells (amounts 10 000,00, dates 2024-04-01 or 1.04.2024).

    Examples:
      wsp grants correct 3f2a9c1b --granted "9 500,00" --reason "aneks do umowy"
      wsp grants correct 3f2a --area 17 --mode 19a --reason "zły obszar"
      wsp grants correct 3f2a --end 2024-10-15 --settled 9500 --reason "sprawozdanie"
    """
    changes = {
        "ref": ref, "year": year, "mode": mode, "area": area, "department": department,
        "organisation": organisation, "krs": krs, "title": title, "requested": requested,
        "granted": granted, "settled": settled, "returned": returned,
        "contract_date": contract_date, "start": start, "end": end,
    }  # fmt: skip
    _supersede(ctx, uid, reason, by, dry_run, changes=changes)


def void(
    ctx: typer.Context,
    uid: Annotated[str, typer.Argument(metavar="ROW", help=t("arg.grants.row"))],
    reason: Annotated[
        str | None, typer.Option("--reason", "-r", help=t("opt.reason"), show_default=False)
    ] = None,
    by: Annotated[str | None, typer.Option("--by", help=t("opt.record.by"))] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=t("opt.dry_run"))] = False,
) -> None:
    """Void a row of the register: append a void that supersedes it, so that it no longer
    counts (an offer entered twice, a grant withdrawn); the old row stays in the history.

    Examples:
      wsp grants void 3f2a9c1b --reason "wiersz wpisany dwa razy"
    """
    _supersede(ctx, uid, reason, by, dry_run, void=True)


def _supersede(
    ctx: typer.Context,
    uid: str,
    reason: str | None,
    by: str | None,
    dry_run: bool,
    *,
    changes: dict[str, str | None] | None = None,
    void: bool = False,
) -> None:
    from wspolpraca_cli.cli.committed import after_commit
    from wspolpraca_cli.cli.common import workspace
    from wspolpraca_cli.services import grants as services

    if not (reason or "").strip() and _interactive():
        reason = str(typer.prompt(t("supersede.ask_reason"), err=True)).strip()
    ws, _ = workspace(ctx)
    with after_commit() as commit:
        done = services.supersede_grant(
            ws, uid, reason, changes=changes, void=void, by=by or "", dry_run=dry_run
        )
        if not done.dry_run:
            commit.stored(services.stored_row(done.new))
            typer.echo(done.new.uid)
        typer.echo(shown(_superseded_text(done, void)), err=True)


def _interactive() -> bool:
    """Whether we may ask for what is missing (the reason): standard input is a terminal."""
    import sys

    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def _superseded_text(done: GrantSuperseded, void: bool) -> str:
    from wspolpraca_cli.services.base import SHORT

    key = "grants.void" if void else "grants.correct"
    key += ".dry_run" if done.dry_run else ".done"
    changes = "; ".join(_change(done, column) for column in done.changed)
    return t(
        key,
        uid=done.old.uid[:SHORT],
        new_uid=done.new.uid[:SHORT],
        organisation=done.old.organisation or "—",
        changes=changes,
    )


def _change(done: GrantSuperseded, column: str) -> str:
    from wspolpraca_cli.i18n import get_language
    from wspolpraca_cli.numfmt import format_amount

    def text(value: Any) -> str:
        if value is None or value == "":
            return "—"
        if isinstance(value, float):
            return format_amount(value, get_language())
        return str(getattr(value, "value", value))

    old, new = getattr(done.old, column), getattr(done.new, column)
    return f"{t(f'grants.col.{column}')}: {text(old)} → {text(new)}"


def register(app: typer.Typer) -> None:
    """Add ``wsp grants`` to ``app``. Help texts are made here, once the language of the
    command line is known."""
    group = typer.Typer(
        cls=_Group,
        name="grants",
        help=t("cmd.grants.help"),
        no_args_is_help=True,
        add_completion=False,
        rich_markup_mode=None,
        epilog=_examples("wsp grants template -o rejestr.xlsx", "wsp grants import rejestr.xlsx"),
    )
    group.callback()(grants_group)
    for name, callback in (
        ("template", template),
        ("import", import_register),
        ("list", list_register),
        ("correct", correct),
        ("void", void),
    ):
        group.command(
            name,
            cls=_Command,
            help=t(f"cmd.grants_{name}.help"),
            epilog=_examples(*_example_lines(callback.__doc__ or "")),
        )(callback)
    app.add_typer(group, name="grants", help=t("cmd.grants.help"), short_help=t("cmd.grants.short"))


def _example_lines(doc: str) -> list[str]:
    block = doc.split("Examples:", 1)[1] if "Examples:" in doc else ""
    return [line.strip() for line in block.strip("\n").splitlines() if line.strip()]

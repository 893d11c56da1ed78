"""Commands over the measurement store: record, history, correct, void, export, import.

Results (entry ids, tables, exported data) go to stdout; messages go to stderr. Prompts appear
only when standard input is a terminal; elsewhere a missing answer is an error with a hint.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperCommand

from wspolpraca_cli.cli.committed import after_commit
from wspolpraca_cli.cli.common import find_indicator, workspace
from wspolpraca_cli.cli.completion import entry_ids, indicator_ids, recordable_ids
from wspolpraca_cli.cli.formats import ExportFormat, HistoryFormat
from wspolpraca_cli.cli.output import ForceOption, OutputOption, format_option
from wspolpraca_cli.cli.params import ASCII_INT
from wspolpraca_cli.errors import UsageError
from wspolpraca_cli.i18n import get_language, t
from wspolpraca_cli.i18n.catalog_store import counted
from wspolpraca_cli.safe_text import shown

if TYPE_CHECKING:
    from datetime import date

    from wspolpraca_cli.model import Indicator, Unit
    from wspolpraca_cli.services.entries import PeriodTotal


_NEGATIVE_NUMBER = re.compile(r"^-\d")
_NEGATIVE_EXAMPLES = {
    "record": "wsp record 1.1 --year 2024 -- {token}",
    "correct": 'wsp correct 3f2a --reason "…" -- {token}',
}


class StoreCommand(TyperCommand):
    """A store command: plain argument names in the usage line (``wsp correct [OPTIONS] ENTRY
    VALUE``), and a hint when a negative value was taken for an option."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces: list[str] = super().collect_usage_pieces(ctx)
        return [p[1:-1] if p.startswith("{") and p.endswith("}") else p for p in pieces]

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        given = list(args)  # the parser consumes ``args``
        try:
            rest: list[str] = super().parse_args(ctx, args)
        except Exception as exc:  # click's NoSuchOption (Typer's own click is not imported)
            _explain_negative(exc, self.name or "", given)
            raise
        return rest


def _explain_negative(exc: Exception, command: str, args: list[str]) -> None:
    """Turn "No such option: -5" into how to give a negative value (record, correct)."""
    name = getattr(exc, "option_name", None)
    if command not in _NEGATIVE_EXAMPLES or not isinstance(name, str):
        return
    if not _NEGATIVE_NUMBER.match(name) or not hasattr(exc, "message"):
        return
    token = next((a for a in args if a.startswith(name) and _NEGATIVE_NUMBER.match(a)), name)
    example = _NEGATIVE_EXAMPLES[command].format(token=token)
    exc.message = t("value.negative_option", token=token, example=example)


def _interactive() -> bool:
    """Whether we may ask questions: standard input is a terminal."""
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def _today() -> date:
    """Today's date (a function, so that tests can fix it)."""
    from wspolpraca_cli.cli.common import today

    return today()


def _num(value: float | None, unit: Unit | None = None) -> str:
    """A value for messages, in the current language (``120 000,5`` in Polish)."""
    from wspolpraca_cli.model import Unit
    from wspolpraca_cli.numfmt import format_recorded

    return format_recorded(value, unit or Unit.NUMBER, get_language())


def _total_text(ind: Indicator | None, total: PeriodTotal | None) -> str:
    """The figure a change leaves, as a phrase — ``3 (sum, 2 entries)`` or ``no data`` — with
    the number as ``wsp status`` shows it."""
    from wspolpraca_cli.numfmt import format_value

    if ind is None:
        return ""
    if total is None or total.entries == 0 or total.actual is None:
        return t("record.no_data")
    return t(
        "record.actual_detail",
        actual=format_value(total.actual, ind, get_language()),
        how=t(f"aggregation.{ind.aggregation.value}"),
        entries=counted(total.entries, "entry"),
    )


def _total_period(total: PeriodTotal | None, period: str) -> str:
    return total.period if total is not None else period


# -- record -----------------------------------------------------------------------------------


def record(
    ctx: typer.Context,
    indicator_id: Annotated[
        str | None,
        typer.Argument(
            metavar="ID",
            help=t("arg.record.id"),
            show_default=False,
            autocompletion=recordable_ids,
        ),
    ] = None,
    value: Annotated[
        str | None,
        typer.Argument(metavar="VALUE", help=t("arg.record.value"), show_default=False),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option("--year", "-y", help=t("opt.record.year"), click_type=ASCII_INT),
    ] = None,
    period: Annotated[
        str | None, typer.Option("--period", "-P", help=t("opt.record.period"))
    ] = None,
    day: Annotated[
        str | None,
        typer.Option("--date", "-d", metavar="YYYY-MM-DD", help=t("opt.record.date")),
    ] = None,
    note: Annotated[str | None, typer.Option("--note", "-n", help=t("opt.record.note"))] = None,
    source: Annotated[str | None, typer.Option("--source", help=t("opt.record.source"))] = None,
    tag: Annotated[
        list[str] | None, typer.Option("--tag", "-t", help=t("opt.record.tag"), metavar="K=V")
    ] = None,
    by: Annotated[str | None, typer.Option("--by", help=t("opt.record.by"))] = None,
    yes: Annotated[bool, typer.Option("--yes", help=t("opt.record.yes"))] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=t("opt.dry_run"))] = False,
) -> None:
    """Record a measurement of an indicator and print the new entry's id.

    Examples:
      wsp record 1.1 2 --year 2024 --note "warsztaty w Toruniu i Bydgoszczy"
      wsp record 1.1 1 --date 2024-04-02 --tag organizator=NGO --source "lista obecności"
      wsp record 1.1 0 --year 2023 --dry-run
    """
    from wspolpraca_cli.cli import prompts
    from wspolpraca_cli.services import entries as services
    from wspolpraca_cli.values import indicator_forms

    ws, _ = workspace(ctx)
    program = ws.program
    interactive = _interactive()
    # Asked for the indicator or the value, a person is also offered what else an entry
    # holds; a complete command line is not questioned.
    asking = interactive and (indicator_id is None or value is None)
    if indicator_id is None:
        if not interactive:
            raise UsageError(t("record.missing_id"), hint=t("record.missing_id.hint"))
        ind = prompts.choose_indicator(program)
    else:
        ind = find_indicator(program, indicator_id)
    services.require_recorded(ind)  # a computed indicator's values come from the register
    given = year is not None or period is not None or day is not None
    if not given and interactive:
        chosen = prompts.ask_period(program, ind, _today())
    else:
        chosen = services.choose_period(
            program, ind, year=year, period=period, day=day, today=_today()
        )
        if chosen.current:
            typer.echo(t("record.using_current", period=chosen.period), err=True)
    if value is None:
        if not interactive:
            raise UsageError(t("record.missing_value"), hint=indicator_forms(ind))
        value = prompts.ask_value(ind)
    tags = list(tag or [])
    if asking:
        tags += prompts.ask_breakdowns(ind, tags)
        if note is None:
            note = prompts.ask_optional(t("record.ask_note"))
        if source is None:
            source = prompts.ask_optional(t("record.ask_source"))

    def run(confirmed: frozenset[str]) -> services.Recorded:
        return services.record(
            ws,
            ind,
            value,
            chosen,
            note=note or "",
            source=source or "",
            tags=tags,
            by=by or "",
            today=_today(),
            dry_run=dry_run,
            confirmed=confirmed,
        )

    with after_commit() as commit:
        done = prompts.confirming(run, yes, interactive)
        if not done.dry_run:
            commit.stored(services.stored_entry(done.entry))
        _report_record(done, ws.location)


def _report_record(done: Any, store: str) -> None:
    """What ``wsp record`` did (or, in a dry run, would do): the new entry's id on stdout, the
    message on stderr."""
    from wspolpraca_cli.numfmt import with_unit
    from wspolpraca_cli.safe_text import one_line  # the programme's text, shown escaped
    from wspolpraca_cli.services.base import SHORT

    entry, ind = done.entry, done.indicator
    state = _total_text(ind, done.total)
    if done.dry_run:
        typer.echo(
            t(
                "record.dry_run",
                id=one_line(ind.id),
                value=with_unit(_num(entry.value, ind.unit), ind),
                period=entry.period,
                total_period=_total_period(done.total, entry.period),
                state=state,
                store=store,
            ),
            err=True,
        )
        return
    typer.echo(entry.uid)
    typer.echo(
        t(
            "record.done",
            uid=entry.uid[:SHORT],
            id=one_line(ind.id),
            name=one_line(ind.name),
            value=with_unit(_num(entry.value, ind.unit), ind),
            period=entry.period,
            total_period=_total_period(done.total, entry.period),
            state=state,
        ),
        err=True,
    )


# -- history ----------------------------------------------------------------------------------


def history(
    ctx: typer.Context,
    indicator_id: Annotated[
        str | None,
        typer.Argument(
            metavar="ID",
            help=t("arg.history.id"),
            show_default=False,
            autocompletion=indicator_ids,
        ),
    ] = None,
    period: Annotated[
        str | None, typer.Option("--period", "-P", help=t("opt.history.period"))
    ] = None,
    output_format: Annotated[HistoryFormat | None, format_option()] = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Show the entries of one indicator (or all), with their corrections and voids.

    Examples:
      wsp history
      wsp history 1.1 --period 2024
      wsp history 1.1 --format json
    """
    from wspolpraca_cli.cli.output import check_output, deliver, resolve_format
    from wspolpraca_cli.render.history import HistoryDocument
    from wspolpraca_cli.services import entries as services

    chosen = resolve_format(output_format, output, HistoryFormat.table)
    check_output(output, force, chosen)
    ws, _ = workspace(ctx)
    ind = find_indicator(ws.program, indicator_id) if indicator_id is not None else None
    found = services.history(ws, ind, period)
    if (
        chosen is HistoryFormat.table
        and output is None
        and not (found.chains or found.locks or found.explanations)
    ):
        typer.echo(t("history.empty", store=ws.location), err=True)
        return
    deliver(
        chosen,
        HistoryDocument(ws.program, ws.location, found),
        output=output,
        force=force,
    )


# -- correct / void ---------------------------------------------------------------------------


def _reason(reason: str | None, interactive: bool) -> str | None:
    if not (reason or "").strip() and interactive:
        return str(typer.prompt(t("supersede.ask_reason"), err=True)).strip()
    return reason


def _report_supersede(done: Any, key: str) -> None:
    """What a correction or void did (or, in a dry run, would do), on stderr."""
    from wspolpraca_cli.services.base import SHORT

    old = done.old
    values = {
        "uid": old.uid[:SHORT],
        "old": _num(old.value, done.unit),
        "new": _num(done.new.value, done.unit),
        "id": old.indicator_id,
        "period": _total_period(done.total, old.period),
        "state": _total_text(done.indicator, done.total),
    }
    changes = _changed_details(old, done.new)
    if done.dry_run:
        typer.echo(" ".join([t(f"{key}.dry_run", **values), *changes]), err=True)
        return
    typer.echo(done.new.uid)
    text = t(f"{key}.done", new_uid=done.new.uid[:SHORT], **values)
    typer.echo(" ".join([text, *changes]), err=True)


def _changed_details(old: Any, new: Any) -> list[str]:
    """What a correction changed besides the value: the breakdown, the date."""

    def tags(entry: Any) -> str:
        return ", ".join(f"{k}={v}" for k, v in entry.tags) or t("correct.none")

    changes = []
    if new.value is not None and sorted(new.tags) != sorted(old.tags):
        changes.append(t("correct.changed_tags", old=tags(old), new=tags(new)))
    if new.value is not None and new.date != old.date:
        old_date = old.date or t("correct.none")
        changes.append(t("correct.changed_date", old=old_date, new=new.date))
    return changes


def correct(
    ctx: typer.Context,
    entry_id: Annotated[
        str, typer.Argument(metavar="ENTRY", help=t("arg.entry"), autocompletion=entry_ids)
    ],
    value: Annotated[str, typer.Argument(metavar="VALUE", help=t("arg.correct.value"))],
    reason: Annotated[
        str | None, typer.Option("--reason", "-r", help=t("opt.reason"), show_default=False)
    ] = None,
    note: Annotated[str | None, typer.Option("--note", "-n", help=t("opt.correct.note"))] = None,
    source: Annotated[str | None, typer.Option("--source", help=t("opt.correct.source"))] = None,
    tag: Annotated[
        list[str] | None, typer.Option("--tag", "-t", help=t("opt.correct.tag"), metavar="K=V")
    ] = None,
    day: Annotated[
        str | None,
        typer.Option("--date", "-d", metavar="YYYY-MM-DD", help=t("opt.correct.date")),
    ] = None,
    by: Annotated[str | None, typer.Option("--by", help=t("opt.record.by"))] = None,
    yes: Annotated[bool, typer.Option("--yes", help=t("opt.correct.yes"))] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=t("opt.dry_run"))] = False,
) -> None:
    """Correct an entry: append a new value that supersedes it (the old one stays in history).

    A value outside the programme's bounds, or more than ten times the other periods, asks for
    confirmation in a terminal and needs --yes elsewhere, as in `wsp record`.

    Examples:
      wsp correct 3f2a9c1b 0 --reason "warsztaty odwołane"
      wsp correct 3f2a 2 --reason "pomyłka w liczbie" --note "Toruń, Bydgoszcz"
      wsp correct 3f2a 150 --reason "dwa tygodnie szkoleń" --yes
      wsp correct 3f2a 1 --tag organizator=NGO --date 2024-04-02 --reason "zły organizator"
    """
    from wspolpraca_cli.cli.prompts import confirming
    from wspolpraca_cli.services import entries as services

    ws, _ = workspace(ctx)
    interactive = _interactive()
    why = _reason(reason, interactive)

    def run(confirmed: frozenset[str]) -> services.Superseded:
        return services.supersede(
            ws,
            entry_id,
            value,
            why,
            note=note,
            source=source,
            tags=tag,
            day=day,
            by=by or "",
            today=_today(),
            dry_run=dry_run,
            confirmed=confirmed,
        )

    with after_commit() as commit:
        done = confirming(run, yes, interactive)
        if not done.dry_run:
            commit.stored(services.stored_entry(done.new))
        _report_supersede(done, "correct")


def void(
    ctx: typer.Context,
    entry_id: Annotated[
        str, typer.Argument(metavar="ENTRY", help=t("arg.entry"), autocompletion=entry_ids)
    ],
    reason: Annotated[
        str | None, typer.Option("--reason", "-r", help=t("opt.reason"), show_default=False)
    ] = None,
    by: Annotated[str | None, typer.Option("--by", help=t("opt.record.by"))] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=t("opt.dry_run"))] = False,
) -> None:
    """Void an entry: append a void that supersedes it, so that it no longer counts.

    Examples:
      wsp void 3f2a9c1b --reason "wpis do złego wskaźnika"
    """
    from wspolpraca_cli.services import entries as services

    ws, _ = workspace(ctx)
    why = _reason(reason, _interactive())
    with after_commit() as commit:
        done = services.supersede(
            ws,
            entry_id,
            None,
            why,
            note=None,
            source=None,
            by=by or "",
            today=_today(),
            dry_run=dry_run,
            confirmed=services.EVERYTHING,
        )
        if not done.dry_run:
            commit.stored(services.stored_entry(done.new))
        _report_supersede(done, "void")


# -- export / import --------------------------------------------------------------------------


def export(
    ctx: typer.Context,
    output_format: Annotated[ExportFormat | None, format_option("opt.export.format")] = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Export every entry (corrections and voids too) as CSV or JSON.

    CSV is UTF-8 with a byte-order mark and a header row, so that Excel and LibreOffice open it
    as it is (columns: docs/entries-csv.md). With -o the extension (.csv, .json) chooses the
    format; on standard output the default is CSV.

    Examples:
      wsp export -o wpisy.csv
      wsp export --format json -o wpisy.json --force
      wsp --lang en export > entries.csv
    """
    from functools import partial

    from wspolpraca_cli.cli.output import check_output, deliver_streamed, resolve_format
    from wspolpraca_cli.render.export import WRITERS, EntriesDocument
    from wspolpraca_cli.services import transfer as services

    chosen = resolve_format(output_format, output, ExportFormat.csv)
    check_output(output, force, chosen)
    ws, _ = workspace(ctx)
    with services.export_entries(ws) as entries:  # streamed: read as they are written
        document = EntriesDocument(ws.program.title, ws.location, entries)
        exported = deliver_streamed(
            partial(WRITERS[chosen.value], document),
            output=output,
            force=force,
            written="",  # export.done below says it, for a file and for standard output
        )
    done = t("export.done", entries=counted(exported, "entry"), target=output or t("export.stdout"))
    typer.echo(shown(done), err=True)  # the path as typed may hold control characters


def import_entries(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE", help=t("arg.import.file"))],
    dry_run: Annotated[bool, typer.Option("--dry-run", help=t("opt.dry_run"))] = False,
) -> None:
    """Import entries from a CSV or JSON file (from `wsp export` or written by hand).

    All or nothing: if any row is wrong, every wrong row is reported with its line number and
    nothing is stored. Entries already in the store (the same uid) are skipped, so importing a
    file twice adds nothing.

    Examples:
      wsp import wpisy.csv --dry-run
      wsp import wpisy.csv
      wsp --store nowy.wsp.db import wpisy.json
    """
    from wspolpraca_cli.services import transfer as services

    ws, _ = workspace(ctx)
    with after_commit() as commit:
        done = services.import_entries(
            ws, file, dry_run=dry_run, notify=lambda text: typer.echo(shown(text), err=True)
        )
        if dry_run:
            text = t(
                "import.dry_run", file=file, added=done.added, present=done.present, rejected=0
            )
        else:
            if done.added:
                commit.stored(counted(done.added, "entry"))
            text = t(
                "import.done",
                file=file,
                added=counted(done.added, "entry"),
                present=done.present,
                rejected=0,
            )
        typer.echo(shown(text), err=True)


def register(app: typer.Typer) -> None:
    """Add the store commands to ``app``."""
    for name, callback in (
        ("record", record),
        ("history", history),
        ("correct", correct),
        ("void", void),
        ("export", export),
        ("import", import_entries),
    ):
        app.command(name, help=t(f"cmd.{name}.help"), cls=StoreCommand)(callback)

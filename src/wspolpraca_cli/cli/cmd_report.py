"""``wsp check`` (the scripted yearly check) and ``wsp report`` (the annual report).

Both read the store read-only. ``check`` uses the store's SQL summaries (a million entries
never become Python objects); ``report`` also reads the entries, for their notes and sources.
Renderers are imported inside the branch that needs them; openpyxl only for xlsx.
"""

from __future__ import annotations

import os
from datetime import date
from typing import Annotated

import typer

from wspolpraca_cli.cli.common import as_of as parse_as_of
from wspolpraca_cli.cli.common import use_language, workspace
from wspolpraca_cli.cli.formats import CheckFormat, ReportFormat
from wspolpraca_cli.cli.output import ForceOption, OutputOption, format_option
from wspolpraca_cli.cli.params import ASCII_INT
from wspolpraca_cli.errors import UsageError
from wspolpraca_cli.exitcodes import ExitCode
from wspolpraca_cli.i18n import get_language, t

REPORT_DATE_ENV = "WSP_REPORT_DATE"
"""An ISO date used as the report's generation date instead of today (stable golden files,
reports re-made later with the date they were first made)."""


# -- wsp check --------------------------------------------------------------------------------
def check(
    ctx: typer.Context,
    year: Annotated[
        int | None,
        typer.Option(
            "--year", "-y", help=t("opt.check.year"), show_default=False, click_type=ASCII_INT
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="YYYY-MM-DD", help=t("opt.status.as_of")),
    ] = None,
    output_format: Annotated[CheckFormat | None, format_option("opt.check.format")] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=t("opt.check.quiet"))] = False,
    lang: Annotated[
        str | None, typer.Option("--lang", help=t("opt.lang_here"), show_default=False)
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help=t("opt.check.strict"))] = False,
) -> None:
    """Check that every indicator due has data and met its target, for cron and CI.

    Exit codes: 0 nothing missed or overdue; 1 an indicator is missed or overdue; 2 bad
    arguments or programme file; 3 the store cannot be read. The text lists the problems
    first (overdue, missed, then awaiting), one line each with what to do, and entries the
    programme cannot place (kept in the store, never dropped). Never changes the store.

    Examples:
      wsp check
      wsp check --year 2024
      wsp check --year 2024 --format json
      wsp --lang pl check --quiet --as-of 2025-06-01
      wsp check --strict
    """
    from wspolpraca_cli.cli.output import check_output, deliver, resolve_format
    from wspolpraca_cli.render.report_check import CheckDocument
    from wspolpraca_cli.services import progress as services

    use_language(ctx, lang)
    chosen = resolve_format(output_format, output, CheckFormat.text)
    check_output(output, force, chosen)
    day = parse_as_of(as_of)
    ws, where = workspace(ctx)
    result = services.check(ws, day, year, strict=strict)
    doc = CheckDocument(result, str(where.path), ws.location, quiet)
    deliver(chosen, doc, output=output, force=force)
    if result.shortfalls:
        raise typer.Exit(int(ExitCode.SHORTFALL))


# -- wsp report -------------------------------------------------------------------------------
def generation_date() -> date:
    """Today, or the date in ``WSP_REPORT_DATE``."""
    from wspolpraca_cli.dates import read_date

    text = os.environ.get(REPORT_DATE_ENV, "").strip()
    if not text:
        return date.today()
    day = read_date(text)
    if day is None:
        raise UsageError(t("report.bad_report_date", value=text), hint=t("date.hint"))
    return day


def require_openpyxl() -> None:
    import importlib.util

    if importlib.util.find_spec("openpyxl") is None:
        raise UsageError(t("report.no_openpyxl"), hint=t("report.no_openpyxl.hint"))


def report(
    ctx: typer.Context,
    year: Annotated[
        int | None,
        typer.Option(
            "--year", "-y", help=t("opt.report.year"), show_default=False, click_type=ASCII_INT
        ),
    ] = None,
    output_format: Annotated[
        ReportFormat | None,
        typer.Option("--format", "-f", help=t("opt.report.format"), show_default=False),
    ] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="YYYY-MM-DD", help=t("opt.report.as_of")),
    ] = None,
    lang: Annotated[
        str | None, typer.Option("--lang", help=t("opt.lang_here"), show_default=False)
    ] = None,
) -> None:
    """The annual report on the programme's implementation, ready for the official report.

    A heading (programme, issuing body, year, date), per action area the programme's table
    (No., action, indicator, target value, measurement frequency) with the achieved value,
    degree of achievement and status, the entries' notes and sources, a summary per specific
    goal, and the missing data. md and csv go to standard output without -o; html (one
    printable file) and xlsx need -o. An existing file is kept unless --force is given.

    Examples:
      wsp report --year 2024 -o sprawozdanie-2024.html
      wsp report --year 2024 --format md > sprawozdanie-2024.md
      wsp report --year 2024 -o sprawozdanie-2024.xlsx --force
      wsp --lang en report --year 2024 --format csv -o report-2024.csv
    """
    from wspolpraca_cli.cli.formats import format_of
    from wspolpraca_cli.cli.output import check_output, deliver, resolve_format
    from wspolpraca_cli.services import progress as services

    use_language(ctx, lang)
    generated = generation_date()
    day = parse_as_of(as_of) if as_of is not None else generated
    chosen = resolve_format(output_format, output, ReportFormat.md)
    ws, _ = workspace(ctx)
    program = ws.program
    if year is None:
        from wspolpraca_cli.numfmt import years_label

        year = day.year - 1
        if not program.first_year <= year <= program.last_year:
            first, last = program.first_year, program.last_year
            raise UsageError(
                t("report.no_default_year", year=year, years=years_label(first, last)),
                hint=t("report.no_default_year.hint", first=first, last=last),
            )
    services.check_year(program, year)
    if output is None and format_of(chosen).file_only:  # named as the report's file
        raise UsageError(
            t("report.needs_output", format=chosen.value),
            hint=t("report.needs_output.hint", year=year, format=chosen.value),
        )
    check_output(output, force, chosen)
    if chosen is ReportFormat.xlsx:
        require_openpyxl()

    from wspolpraca_cli.render.report import NOTES_SHOWN, build_report

    progress, entries = services.report_inputs(ws, day, year, notes=NOTES_SHOWN)
    built = build_report(progress, entries, year=year, generated=generated, lang=get_language())

    written = t("report.written", year=year, path=output)
    deliver(chosen, built, output=output, force=force, written=written)


def register(app: typer.Typer) -> None:
    """Add ``wsp check`` and ``wsp report`` to ``app``."""
    app.command("check", help=t("cmd.check.help"))(check)
    app.command("report", help=t("cmd.report.help"))(report)

"""``wsp check`` (the scripted yearly check) and ``wsp report`` (the annual report).

Both read the store read-only. ``check`` uses the store's SQL summaries (a million entries
never become Python objects); ``report`` also reads the entries, for their notes and sources.
Renderers are imported inside the branch that needs them; openpyxl only for xlsx.
"""

from __future__ import annotations

import os
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from wspolpraca_cli.cli.cmd_status import check_year, compute, parse_as_of, strict_date
from wspolpraca_cli.cli.common import load, store_path
from wspolpraca_cli.errors import FileSystemError, OutputExists, UsageError
from wspolpraca_cli.exitcodes import ExitCode
from wspolpraca_cli.i18n import get_language, parse_language, set_language, t

REPORT_DATE_ENV = "WSP_REPORT_DATE"
"""An ISO date used as the report's generation date instead of today (stable golden files,
reports re-made later with the date they were first made)."""


class CheckFormat(StrEnum):
    text = "text"
    json = "json"


class ReportFormat(StrEnum):
    md = "md"
    html = "html"
    csv = "csv"
    xlsx = "xlsx"


SUFFIXES = {
    ".md": ReportFormat.md,
    ".markdown": ReportFormat.md,
    ".html": ReportFormat.html,
    ".htm": ReportFormat.html,
    ".csv": ReportFormat.csv,
    ".xlsx": ReportFormat.xlsx,
}


def use_language(lang: str | None) -> None:
    """A per-command ``--lang`` (the global one was applied already)."""
    if lang is None:
        return
    chosen = parse_language(lang)
    if chosen is None:
        raise UsageError(t("check.bad_lang", value=lang), hint=t("check.bad_lang.hint"))
    set_language(chosen)


# -- wsp check --------------------------------------------------------------------------------
def check(
    ctx: typer.Context,
    year: Annotated[
        int | None, typer.Option("--year", "-y", help=t("opt.check.year"), show_default=False)
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="YYYY-MM-DD", help=t("opt.status.as_of")),
    ] = None,
    output_format: Annotated[
        CheckFormat, typer.Option("--format", "-f", help=t("opt.check.format"))
    ] = CheckFormat.text,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=t("opt.check.quiet"))] = False,
    lang: Annotated[
        str | None, typer.Option("--lang", help=t("opt.lang_here"), show_default=False)
    ] = None,
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
    """
    use_language(lang)
    day = parse_as_of(as_of)
    program, where = load(ctx)
    check_year(program, year)
    path = store_path(ctx, where)
    progress = compute(program, path, day)

    from wspolpraca_cli.render.report_check import build_check

    result = build_check(progress, year=year, program_file=str(where.path), store=str(path))
    if output_format is CheckFormat.json:
        from wspolpraca_cli.render.report_check import render_json

        typer.echo(render_json(result))
    else:
        from wspolpraca_cli.render.report_check import render_text

        text = render_text(result, quiet=quiet)
        if text:
            typer.echo(text)
    if result.shortfalls:
        raise typer.Exit(int(ExitCode.SHORTFALL))


# -- wsp report -------------------------------------------------------------------------------
def generation_date() -> date:
    """Today, or the date in ``WSP_REPORT_DATE``."""
    text = os.environ.get(REPORT_DATE_ENV, "").strip()
    if not text:
        return date.today()
    day = strict_date(text)
    if day is None:
        raise UsageError(t("report.bad_report_date", value=text), hint=t("status.bad_date.hint"))
    return day


def choose_format(output_format: ReportFormat | None, output: Path | None) -> ReportFormat:
    """The explicit ``--format``, else the one the ``-o`` file's extension names, else md.
    An explicit format that contradicts a known extension (``--format xlsx -o x.html``) is
    refused; an extension wsp does not know (``.txt``, none) goes with any format."""
    if output_format is not None:
        implied = SUFFIXES.get(output.suffix.lower()) if output is not None else None
        if implied is not None and implied is not output_format:
            raise UsageError(
                t(
                    "report.format_mismatch",
                    format=output_format.value,
                    path=output,
                    implied=implied.value,
                ),
                hint=t(
                    "report.format_mismatch.hint",
                    format=output_format.value,
                    implied=implied.value,
                ),
            )
        return output_format
    if output is not None:
        found = SUFFIXES.get(output.suffix.lower())
        if found is None and output.is_dir():
            return ReportFormat.md  # check_output says it is a directory
        if found is None:
            raise UsageError(
                t("report.unknown_suffix", path=output, suffixes=", ".join(SUFFIXES)),
                hint=t(
                    "report.unknown_suffix.hint", formats=", ".join(f.value for f in ReportFormat)
                ),
            )
        return found
    return ReportFormat.md


def check_output(output: Path | None, chosen: ReportFormat, year: int, force: bool) -> None:
    """Refuse early what cannot be written: binary formats to stdout, an existing file
    without ``--force``, a directory, a missing directory."""
    if output is None:
        if chosen in (ReportFormat.html, ReportFormat.xlsx):
            raise UsageError(
                t("report.needs_output", format=chosen.value),
                hint=t("report.needs_output.hint", year=year, format=chosen.value),
            )
        return
    if output.is_dir():
        raise UsageError(t("report.is_dir", path=output), hint=t("report.is_dir.hint"))
    if output.exists() and not force:
        raise OutputExists(t("report.exists", path=output), hint=t("report.exists.hint"))
    parent = output.parent if str(output.parent) else Path(".")
    if not parent.is_dir():
        raise UsageError(t("report.no_dir", path=parent), hint=t("report.no_dir.hint"))


def require_openpyxl() -> None:
    import importlib.util

    if importlib.util.find_spec("openpyxl") is None:
        raise UsageError(t("report.no_openpyxl"), hint=t("report.no_openpyxl.hint"))


def write_report(path: Path, data: bytes, *, force: bool) -> None:
    """Write the report whole or not at all; never over a file without ``--force``."""
    from wspolpraca_cli.fsutil import write_atomically

    try:
        write_atomically(path, data, overwrite=force)
    except FileExistsError:
        raise OutputExists(t("report.exists", path=path), hint=t("report.exists.hint")) from None
    except OSError as exc:
        raise FileSystemError(
            t("report.write_failed", path=path, error=exc.strerror or exc)
        ) from None


def report(
    ctx: typer.Context,
    year: Annotated[
        int | None, typer.Option("--year", "-y", help=t("opt.report.year"), show_default=False)
    ] = None,
    output_format: Annotated[
        ReportFormat | None,
        typer.Option("--format", "-f", help=t("opt.report.format"), show_default=False),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help=t("opt.report.output"))
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=t("opt.force"))] = False,
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
    use_language(lang)
    generated = generation_date()
    day = parse_as_of(as_of) if as_of is not None else generated
    chosen = choose_format(output_format, output)
    program, where = load(ctx)
    if year is None:
        from wspolpraca_cli.numfmt import years_label

        year = day.year - 1
        if not program.first_year <= year <= program.last_year:
            first, last = program.first_year, program.last_year
            raise UsageError(
                t("report.no_default_year", year=year, years=years_label(first, last)),
                hint=t("report.no_default_year.hint", first=first, last=last),
            )
    check_year(program, year)
    check_output(output, chosen, year, force)
    if chosen is ReportFormat.xlsx:
        require_openpyxl()

    from wspolpraca_cli.progress import evaluate
    from wspolpraca_cli.render.report import build_report
    from wspolpraca_cli.store import open_store

    path = store_path(ctx, where)
    with open_store(path, readonly=True) as opened:
        summaries = opened.summaries(day)
        entries = opened.entries()
    progress = evaluate(program, summaries, day)
    built = build_report(progress, entries, year=year, generated=generated, lang=get_language())

    data: bytes
    if chosen is ReportFormat.html:
        from wspolpraca_cli.render.report_html import render_html

        data = render_html(built).encode("utf-8")
    elif chosen is ReportFormat.xlsx:
        from wspolpraca_cli.render.report_xlsx import render_xlsx

        data = render_xlsx(built)
    elif chosen is ReportFormat.csv:
        from wspolpraca_cli.render.report import render_csv

        data = render_csv(built).encode("utf-8")
    else:
        from wspolpraca_cli.render.report import render_md

        data = render_md(built).encode("utf-8")
    if output is None:
        typer.echo(data.decode("utf-8"), nl=False)
        return
    write_report(output, data, force=force)
    typer.echo(t("report.written", year=year, path=output), err=True)


def register(app: typer.Typer) -> None:
    """Add ``wsp check`` and ``wsp report`` to ``app``."""
    app.command("check", help=t("cmd.check.help"))(check)
    app.command("report", help=t("cmd.report.help"))(report)

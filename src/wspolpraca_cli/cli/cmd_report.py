"""``wsp check`` (the scripted yearly check) and ``wsp report`` (the annual report).

Both read the store read-only. ``check`` uses the store's SQL summaries (a million entries
never become Python objects); ``report`` also reads the latest entries of each period, for
their notes and sources (the multi-year evaluation reads none). Renderers are imported inside
the branch that needs them; openpyxl only for xlsx, python-docx for docx, odfpy for odt.
"""

from __future__ import annotations

import os
import re
import sys
from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from wspolpraca_cli.cli.common import as_of as parse_as_of
from wspolpraca_cli.cli.common import use_language, workspace
from wspolpraca_cli.cli.formats import CheckFormat, ReportFormat
from wspolpraca_cli.cli.output import ForceOption, OutputOption, format_option
from wspolpraca_cli.cli.params import ASCII_INT
from wspolpraca_cli.errors import UsageError
from wspolpraca_cli.exitcodes import ExitCode
from wspolpraca_cli.i18n import get_language, t

if TYPE_CHECKING:
    from wspolpraca_cli.render.report import Report
    from wspolpraca_cli.render.report_years import YearsReport
    from wspolpraca_cli.services.base import Workspace

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

    Exit codes: 0 nothing missed or overdue; 1 an indicator is missed or overdue, or the
    grants register breaks a limit of the act; 2 bad arguments or programme file; 3 the
    store cannot be read. The text lists the problems first (overdue, missed, then
    awaiting), one line each with what to do, and entries the programme cannot place (kept
    in the store, never dropped); then, for a store with a grants register or a programme
    with planned funds, the act's limits (art. 19a: 10 000 zł a grant, 90 days, 20 000 zł an
    organisation a year, 20 % of the funds planned; funds granted against planned), each
    finding with its rows. Never changes the store.

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
    result = services.check_with_limits(ws, day, year, strict=strict)
    doc = CheckDocument(result, str(where.path), ws.location, quiet)
    deliver(chosen, doc, output=output, force=force)
    if result.shortfalls or result.findings:
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


LIBRARIES = {
    "xlsx": ("openpyxl", "openpyxl"),
    "docx": ("docx", "python-docx"),
    "odt": ("odf", "odfpy"),
}
"""Per format that needs one: the module that writes it and the package that installs it."""


def require_library(chosen: str) -> None:
    """The library a format is written with must be installed (UsageError, exit 2)."""
    import importlib.util

    found = LIBRARIES.get(chosen)
    if found is not None and importlib.util.find_spec(found[0]) is None:
        raise UsageError(
            t("report.no_library", format=chosen, package=found[1]),
            hint=t("report.no_library.hint", package=found[1]),
        )


_YEARS = re.compile(r"^\s*(\d{4})\s*(?:-|–|—|\.\.)\s*(\d{4})\s*$", re.ASCII)


def parse_years(text: str, first_year: int, last_year: int) -> tuple[int, int]:
    """``2021-2025`` (or ``2021–2025``, ``2021..2025``; one year as ``2024``) inside the
    programme's years, the earlier year first (UsageError, exit 2)."""
    from wspolpraca_cli.numfmt import years_label

    found = _YEARS.match(text)
    if (
        found is None
        and text.strip().isascii()
        and text.strip().isdigit()
        and len(text.strip()) == 4
    ):
        first = last = int(text.strip())
    elif found is None:
        raise UsageError(
            t("report.bad_years", value=text),
            hint=t("report.bad_years.hint", first=first_year, last=last_year),
        )
    else:
        first, last = int(found.group(1)), int(found.group(2))
    if first > last:
        raise UsageError(
            t("report.years_reversed", value=text.strip(), first=first, last=last),
            hint=t("report.years_reversed.hint", first=first, last=last),
        )
    if first < first_year or last > last_year:
        raise UsageError(
            t(
                "report.years_outside",
                value=years_label(first, last),
                years=years_label(first_year, last_year),
            ),
            hint=t("report.years_outside.hint", first=first_year, last=last_year),
        )
    return first, last


def report(
    ctx: typer.Context,
    year: Annotated[
        int | None,
        typer.Option(
            "--year", "-y", help=t("opt.report.year"), show_default=False, click_type=ASCII_INT
        ),
    ] = None,
    years: Annotated[
        str | None,
        typer.Option(
            "--years", metavar="FIRST-LAST", help=t("opt.report.years"), show_default=False
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
    """The annual report on the programme's implementation, or the multi-year evaluation.

    --year: a heading (programme, issuing body, year, date), per action area the
    programme's table (No., action, indicator, target value, measurement frequency) with the
    achieved value, the previous year's value and the change, degree of achievement and
    status, a yearly total for an indicator measured more often, the entries' notes and
    sources, a summary per specific goal, and the missing data (how to fill it in goes to
    standard error, not into the document). --years FIRST-LAST: the evaluation of those
    years, a column per year, the total and the degree of achievement. md and csv go to
    standard output without -o; html (one self-contained, accessible page for BIP), xlsx,
    docx and odt need -o. An existing file is kept unless --force is given.

    Examples:
      wsp report --year 2024 -o sprawozdanie-2024.html
      wsp report --year 2024 --format md > sprawozdanie-2024.md
      wsp report --year 2024 -o sprawozdanie-2024.docx --force
      wsp report --years 2021-2025 -o ocena-2021-2025.odt
      wsp --lang en report --year 2024 --format csv -o report-2024.csv
    """
    from wspolpraca_cli.cli.formats import format_of
    from wspolpraca_cli.cli.output import check_output, deliver, resolve_format
    from wspolpraca_cli.services import progress as services

    use_language(ctx, lang)
    if year is not None and years is not None:
        raise UsageError(t("report.year_and_years"), hint=t("report.year_and_years.hint"))
    generated = generation_date()
    day = parse_as_of(as_of) if as_of is not None else generated
    chosen = resolve_format(output_format, output, ReportFormat.md)
    ws, _ = workspace(ctx)
    program = ws.program
    span: tuple[int, int] | None = None
    if years is not None:
        span = parse_years(years, program.first_year, program.last_year)
    elif year is None:
        from wspolpraca_cli.numfmt import years_label

        year = day.year - 1
        if not program.first_year <= year <= program.last_year:
            first, last = program.first_year, program.last_year
            raise UsageError(
                t("report.no_default_year", year=year, years=years_label(first, last)),
                hint=t("report.no_default_year.hint", first=first, last=last),
            )
    services.check_year(program, year)
    example = f"{span[0]}-{span[1]}" if span is not None else str(year)
    if output is None and format_of(chosen).file_only:  # named as the report's file
        raise UsageError(
            t("report.needs_output", format=chosen.value),
            hint=t("report.needs_output.hint", year=example, format=chosen.value),
        )
    check_output(output, force, chosen)
    require_library(chosen.value)

    from wspolpraca_cli import collector
    from wspolpraca_cli.render.report import howto

    with collector.paused():  # the entries of the notes, the rows, the cells: no cycles
        built = _built(ws, day, year, span, generated)
        if span is not None:
            from wspolpraca_cli.numfmt import years_label

            written = t("report.written_years", years=years_label(*span), path=output)
        else:
            written = t("report.written", year=year, path=output)
        deliver(chosen, built, output=output, force=force, written=written)
    if built.missing:  # what to do goes to the person, never into the document
        lines = [t("report.howto.header"), *(f"  {howto(m)}" for m in built.missing)]
        sys.stderr.write("\n".join(lines) + "\n")
        sys.stderr.flush()


def _built(
    ws: Workspace, day: date, year: int | None, span: tuple[int, int] | None, generated: date
) -> Report | YearsReport:
    """The report of ``year``, or the evaluation of the years ``span``, as of ``day``."""
    from wspolpraca_cli.services import progress as services
    from wspolpraca_cli.services.finance import register_figures

    if span is not None:
        from wspolpraca_cli.render.report_years import build_years_report

        return build_years_report(
            services.progress_as_of(ws, day),
            first=span[0],
            last=span[1],
            generated=generated,
            lang=get_language(),
            finance=register_figures(ws, range(span[0], span[1] + 1)),
        )
    from wspolpraca_cli.render.report import NOTES_SHOWN, build_report

    assert year is not None
    progress, entries = services.report_inputs(ws, day, year, notes=NOTES_SHOWN)
    figures = register_figures(ws, [year])
    return build_report(
        progress,
        entries,
        year=year,
        generated=generated,
        lang=get_language(),
        finance=figures[0] if figures else None,
    )


def register(app: typer.Typer) -> None:
    """Add ``wsp check`` and ``wsp report`` to ``app``."""
    app.command("check", help=t("cmd.check.help"))(check)
    app.command("report", help=t("cmd.report.help"))(report)

"""``wsp init --from FILE [OUT|-]``: the command's side of drafting a programme — the
metadata asked for in a terminal, the file written, the checks listed on standard error.
The drafting itself is :mod:`wspolpraca_cli.draft`."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import typer

from wspolpraca_cli.errors import UsageError
from wspolpraca_cli.i18n import plural, t
from wspolpraca_cli.safe_text import one_line, shown


def _interactive() -> bool:
    """Whether we may ask questions: standard input is a terminal."""
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def _years(text: str) -> tuple[int, int]:
    from wspolpraca_cli.draft import parse_years

    try:
        return parse_years(text)
    except ValueError:
        raise UsageError(t("init.years_bad", value=text), hint=t("init.years_bad.hint")) from None


def _ask(question: str) -> str:
    answer = typer.prompt(
        f"{question} {t('init.ask.skip')}", default="", show_default=False, err=True
    )
    return " ".join(str(answer).split())


def init_from(
    source: Path,
    out: Path,
    *,
    force: bool,
    title: str | None,
    issuer: str | None,
    years: str | None,
) -> None:
    """Draft the programme in ``source`` and write it to ``out`` (``-``: standard output)."""
    from wspolpraca_cli.draft import Meta, read_draft, render_draft

    to_stdout = str(out) == "-"
    meta = Meta(title=title, issuer=issuer, years=_years(years) if years else None)
    if not to_stdout:
        from wspolpraca_cli.cli.output import check_output

        check_output(out, force)
    draft = read_draft(source)
    if _interactive():
        if not meta.title and draft.title is None:
            meta.title = _ask(t("init.ask.title")) or None
        if not meta.issuer and draft.issuer is None:
            meta.issuer = _ask(t("init.ask.issuer")) or None
        while meta.years is None and draft.years is None:
            answer = _ask(t("init.ask.years"))
            if not answer:
                break
            try:
                meta.years = _years(answer)
            except UsageError as exc:
                from wspolpraca_cli.cli.prompts import say_again

                say_again(exc)
    rendered = render_draft(draft, meta, date.today().year)
    if to_stdout:
        from wspolpraca_cli.cli.output import emit

        emit(rendered.text)
    else:
        from wspolpraca_cli.cli.output import write_output

        write_output(out, rendered.text.encode("utf-8"), force=force)
        actions = [a for area in draft.areas for a in area.actions if a.indicators]
        indicators = [i for a in actions for i in a.indicators if i.name]
        typer.echo(
            shown(
                t(
                    "init.draft_done",
                    path=out,
                    source=source,
                    goals=plural(len(draft.specific_goals), "noun.specific_goal"),
                    actions=plural(len(actions), "noun.action"),
                    indicators=plural(len(indicators), "noun.indicator"),
                )
            ),
            err=True,
        )
    if rendered.checks:
        typer.echo(t("init.draft_checks", count=len(rendered.checks)), err=True)
        for line, message in rendered.checks:
            typer.echo(f"{shown(str(out))}:{line}: {one_line(message)}", err=True)
    if not to_stdout:
        typer.echo(shown(t("init.draft_next", path=out)), err=True)

"""Asking a person, in a terminal: which indicator, which period, what value, which
breakdown, a note and a source, yes or no.

Only commands call these, and only when standard input is a terminal; an answer that cannot
be used is explained and the question asked again. Ctrl-C or the end of input raise
``typer.Abort`` (exit 130).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, TypeVar

import typer

from wspolpraca_cli.cli.common import find_indicator
from wspolpraca_cli.errors import InputError, UnknownId, WspError
from wspolpraca_cli.i18n import t

if TYPE_CHECKING:
    from wspolpraca_cli.model import Breakdown, Indicator, Program
    from wspolpraca_cli.services.entries import PeriodChoice

R = TypeVar("R")

YES_ANSWERS = frozenset({"t", "tak", "y", "yes"})
NO_ANSWERS = frozenset({"n", "nie", "no"})


def confirm(question: str) -> bool:
    """Ask a yes/no question on stderr: ``[t/N]`` in Polish, ``[y/N]`` in English; t/tak/y/yes
    and n/nie/no are understood in both, Enter alone is no, anything else asks again. Ctrl-C
    or the end of input raise typer.Abort (exit 130)."""
    while True:
        answer = typer.prompt(
            f"{question} {t('confirm.choices')}", default="", show_default=False, err=True
        )
        word = str(answer).strip().casefold()
        if not word or word in NO_ANSWERS:
            return False
        if word in YES_ANSWERS:
            return True
        typer.echo(t("confirm.invalid"), err=True)


def say_again(exc: WspError) -> None:
    """Show why an answer was refused, before the question is asked again."""
    typer.echo(exc.message, err=True)
    if isinstance(exc, UnknownId) and exc.suggestions:
        typer.echo("  " + t("did_you_mean", options=", ".join(exc.suggestions)), err=True)
    if exc.hint:
        typer.echo(f"  {t('hint')}: {exc.hint}", err=True)


def choose_indicator(program: Program) -> Indicator:
    from wspolpraca_cli.safe_text import one_line, shown

    # computed indicators are filled by the grants register, never recorded: not offered
    # (typing one's id still names it, and record then says why it refuses)
    indicators = [ind for ind in program.indicators if ind.computed is None]
    width = max((len(ind.id) for ind in indicators), default=0)
    number_width = len(str(len(indicators)))
    for n, ind in enumerate(indicators, 1):
        line = f"  {n:>{number_width}}. {ind.id:<{width}}  {one_line(ind.name)}"
        typer.echo(shown(line), err=True)  # the programme's text, control characters escaped
    while True:
        answer = str(typer.prompt(t("record.ask_indicator"), err=True)).strip()
        if answer.isascii() and answer.isdigit() and 1 <= int(answer) <= len(indicators):
            return indicators[int(answer) - 1]
        try:
            return find_indicator(program, answer)
        except UnknownId as exc:
            say_again(exc)


def ask_value(ind: Indicator) -> str:
    from wspolpraca_cli.values import indicator_forms, parse_indicator_value

    while True:
        answer = str(typer.prompt(t("record.ask_value", forms=indicator_forms(ind)), err=True))
        try:
            parse_indicator_value(answer, ind)
            return answer
        except InputError as exc:
            say_again(exc)


def ask_breakdowns(ind: Indicator, given: list[str]) -> list[str]:
    """A ``key=code`` tag for each of the indicator's breakdowns not among the ``--tag``
    options ``given``, chosen from its values; Enter skips a breakdown."""
    named = {b.key for item in given if (b := ind.breakdown(item.partition("=")[0]))}
    tags = []
    for breakdown in ind.breakdowns:
        if breakdown.key not in named and (code := ask_breakdown(breakdown)) is not None:
            tags.append(f"{breakdown.key}={code}")
    return tags


def ask_breakdown(breakdown: Breakdown) -> str | None:
    """The code of one breakdown's value, by its number, code or label; None: skipped."""
    from wspolpraca_cli.errors import InputError

    values = breakdown.values
    width = max((len(code) for code, _ in values), default=0)
    number_width = len(str(len(values)))
    typer.echo(t("record.breakdown_values", key=breakdown.key), err=True)
    for n, (code, label) in enumerate(values, 1):
        line = f"  {n:>{number_width}}. {code:<{width}}  {label if label != code else ''}"
        typer.echo(line.rstrip(), err=True)
    while True:
        answer = str(
            typer.prompt(
                t("record.ask_breakdown", key=breakdown.key),
                default="",
                show_default=False,
                err=True,
            )
        ).strip()
        if not answer:
            return None
        if answer.isascii() and answer.isdigit() and 1 <= int(answer) <= len(values):
            return values[int(answer) - 1][0]
        found = breakdown.resolve(answer)
        if found is not None:
            return found
        say_again(
            InputError(
                t("tag.unknown_value", key=breakdown.key, value=answer),
                hint=t("tag.known_values", values=", ".join(c for c, _ in values)),
            )
        )


def ask_optional(question: str) -> str:
    """A free text that may be left out: Enter alone gives ``""``."""
    answer = typer.prompt(question, default="", show_default=False, err=True)
    return str(answer).strip()


def ask_period(program: Program, ind: Indicator, today: date) -> PeriodChoice:
    from wspolpraca_cli.recording import check_period, current_period, period_example
    from wspolpraca_cli.services.entries import PeriodChoice

    current = current_period(program, ind, today)
    while True:
        answer = typer.prompt(
            t("record.ask_period", example=period_example(program, ind)),
            default=str(current) if current else None,
            err=True,
        )
        try:
            return PeriodChoice(check_period(program, ind, str(answer)))
        except InputError as exc:
            say_again(exc)


def confirming(run: Callable[[frozenset[str]], R], yes: bool, interactive: bool) -> R:
    """``run(confirmed)`` with nothing confirmed; for each concern it raises (an implausible
    value, a duplicate entry), again once it is confirmed: by ``--yes`` (everything at once),
    or a yes in a terminal. Elsewhere the error stands; a no in a terminal stores nothing and
    exits 0."""
    from wspolpraca_cli.errors import Unconfirmed
    from wspolpraca_cli.services.entries import EVERYTHING

    if yes:
        return run(EVERYTHING)
    confirmed: frozenset[str] = frozenset()
    while True:
        try:
            return run(confirmed)
        except Unconfirmed as exc:
            if not interactive or exc.concern in confirmed:
                raise
            if not confirm(exc.question):
                typer.echo(t("record.cancelled"), err=True)
                raise typer.Exit(0) from None
            confirmed |= {exc.concern}

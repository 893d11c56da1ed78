"""Commands over the measurement store: record, history, correct, void, export, import.

Results (entry ids, tables, exported data) go to stdout; messages go to stderr. Prompts appear
only when standard input is a terminal; elsewhere a missing answer is an error with a hint.
"""

from __future__ import annotations

import os
import re
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperCommand

from wspolpraca_cli.cli.common import find_indicator, load, state, store_path
from wspolpraca_cli.errors import InputError, UnknownId, UsageError, WspError
from wspolpraca_cli.i18n import get_language, t
from wspolpraca_cli.i18n.catalog_store import counted

if TYPE_CHECKING:
    from datetime import date

    from wspolpraca_cli.entries import Entry
    from wspolpraca_cli.model import Indicator, Program, Unit
    from wspolpraca_cli.periods import Period
    from wspolpraca_cli.store import Store

TIMEOUT_ENV = "WSP_BUSY_TIMEOUT"
SHORT = 8
"""How many characters of an entry id are shown (any unique prefix of 4 or more is accepted)."""


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


class HistoryFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class ExportFormat(StrEnum):
    csv = "csv"
    json = "json"


def _interactive() -> bool:
    """Whether we may ask questions: standard input is a terminal."""
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def _today() -> date:
    """Today's date (a function, so that tests can fix it)."""
    from datetime import date

    return date.today()


def _timeout() -> float:
    from wspolpraca_cli.store import DEFAULT_TIMEOUT

    raw = os.environ.get(TIMEOUT_ENV, "")
    try:
        return max(0.0, float(raw)) if raw else DEFAULT_TIMEOUT
    except ValueError:
        return DEFAULT_TIMEOUT


def _open(ctx: typer.Context, path: Path, *, readonly: bool = False) -> Store:
    """Open the store at ``path``. Its folders are created only at the default location (the
    user data directory); a store named by --store or WSP_STORE must be in an existing folder."""
    from wspolpraca_cli.store import open_store

    default = state(ctx).store is None
    return open_store(path, readonly=readonly, timeout=_timeout(), create_folders=default)


def _num(value: float | None, unit: Unit | None = None) -> str:
    """A value for messages and tables, in the current language (``120 000,5`` in Polish,
    ``120,000.5`` in English; amounts ``120 000,50``)."""
    from wspolpraca_cli.model import Unit
    from wspolpraca_cli.values import format_for_people

    return format_for_people(value, unit or Unit.NUMBER, get_language())


def _actual_text(ind: Indicator, actual: float | None, count: int) -> str:
    if actual is None:
        return t("record.no_data")
    return t(
        "record.actual_detail",
        actual=_num(actual, ind.unit),
        how=t(f"aggregation.{ind.aggregation.value}"),
        entries=counted(count, "entry"),
    )


def _period_state(store: Store, ind: Indicator, period: str, extra: Entry | None = None) -> str:
    """The period's aggregated actual after the change, as a phrase."""
    from wspolpraca_cli.entries import effective
    from wspolpraca_cli.recording import period_actual

    if extra is None:  # computed in SQL: cheap even on a large store
        for summary in store.summaries(indicator_ids=[ind.id], period=period):
            if summary.period == period:
                return _actual_text(ind, summary.aggregate(ind.aggregation.value), summary.count)
        return _actual_text(ind, None, 0)
    entries = store.entries(ind.id) + ([extra] if extra is not None else [])
    live = [e for e in effective(entries) if e.period == period]
    return _actual_text(ind, period_actual(entries, ind, period), len(live))


# -- record -----------------------------------------------------------------------------------


YES_ANSWERS = frozenset({"t", "tak", "y", "yes"})
NO_ANSWERS = frozenset({"n", "nie", "no"})


def _confirm(question: str) -> bool:
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


def _say_again(exc: WspError) -> None:
    """Show why an answer was refused, before the question is asked again."""
    typer.echo(exc.message, err=True)
    if isinstance(exc, UnknownId) and exc.suggestions:
        typer.echo("  " + t("did_you_mean", options=", ".join(exc.suggestions)), err=True)
    if exc.hint:
        typer.echo(f"  {t('hint')}: {exc.hint}", err=True)


def _choose_indicator(program: Program) -> Indicator:
    indicators = program.indicators
    width = max((len(ind.id) for ind in indicators), default=0)
    number_width = len(str(len(indicators)))
    for n, ind in enumerate(indicators, 1):
        typer.echo(f"  {n:>{number_width}}. {ind.id:<{width}}  {ind.name}", err=True)
    while True:
        answer = str(typer.prompt(t("record.ask_indicator"), err=True)).strip()
        if answer.isdigit() and 1 <= int(answer) <= len(indicators):
            return indicators[int(answer) - 1]
        try:
            return find_indicator(program, answer)
        except UnknownId as exc:
            _say_again(exc)


def _ask_value(ind: Indicator) -> float:
    from wspolpraca_cli.values import accepted_forms, parse_value

    while True:
        answer = str(typer.prompt(t("record.ask_value", forms=accepted_forms(ind.unit)), err=True))
        try:
            return parse_value(answer, ind.unit, indicator=ind.id)
        except InputError as exc:
            _say_again(exc)


def _choose_period(
    program: Program,
    ind: Indicator,
    year: int | None,
    period: str | None,
    day: str | None,
    interactive: bool,
) -> tuple[Period, str | None]:
    """The entry's period (and its ISO date, when --date was given)."""
    from wspolpraca_cli.recording import (
        check_period,
        current_period,
        date_period,
        parse_day,
        period_example,
        year_period,
    )

    if sum(x is not None for x in (year, period, day)) > 1:
        raise UsageError(t("record.one_period"), hint=t("record.period_hint"))
    if day is not None:
        the_day = parse_day(day)
        return date_period(program, ind, the_day), the_day.isoformat()
    if period is not None:
        return check_period(program, ind, period), None
    if year is not None:
        return year_period(program, ind, year), None
    current = current_period(program, ind, _today())
    if interactive:
        while True:
            answer = typer.prompt(
                t("record.ask_period", example=period_example(program, ind)),
                default=str(current) if current else None,
                err=True,
            )
            try:
                return check_period(program, ind, str(answer)), None
            except InputError as exc:
                _say_again(exc)
    if current is None:
        raise UsageError(
            t("record.no_current_period", first=program.first_year, last=program.last_year),
            hint=t("record.period_hint"),
        )
    typer.echo(t("record.using_current", period=current), err=True)
    return current, None


def _check_plausible(
    store: Store, ind: Indicator, number: float, period: str, yes: bool, interactive: bool
) -> None:
    """The checks of `wsp record` and `wsp correct`: bounds, and ten times the largest actual
    of the indicator's other periods; asks in a terminal, needs --yes elsewhere."""
    from wspolpraca_cli.recording import implausible

    actuals = {
        s.period: s.aggregate(ind.aggregation.value)
        for s in store.summaries(indicator_ids=[ind.id])
    }
    reasons = implausible(ind, number, period, actuals)
    if reasons:
        _confirm_plausible(reasons, yes, interactive)


def _confirm_plausible(reasons: list[str], yes: bool, interactive: bool) -> None:
    if yes:
        return
    text = "; ".join(reasons)
    if not interactive:
        raise InputError(t("record.implausible", reasons=text), hint=t("record.implausible.hint"))
    if not _confirm(t("record.implausible.ask", reasons=text)):
        typer.echo(t("record.cancelled"), err=True)
        raise typer.Exit(0)


def record(
    ctx: typer.Context,
    indicator_id: Annotated[
        str | None, typer.Argument(metavar="ID", help=t("arg.record.id"), show_default=False)
    ] = None,
    value: Annotated[
        str | None,
        typer.Argument(metavar="VALUE", help=t("arg.record.value"), show_default=False),
    ] = None,
    year: Annotated[int | None, typer.Option("--year", help=t("opt.record.year"))] = None,
    period: Annotated[
        str | None, typer.Option("--period", "-P", help=t("opt.record.period"))
    ] = None,
    day: Annotated[str | None, typer.Option("--date", "-d", help=t("opt.record.date"))] = None,
    note: Annotated[str, typer.Option("--note", "-n", help=t("opt.record.note"))] = "",
    source: Annotated[str, typer.Option("--source", help=t("opt.record.source"))] = "",
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
    from wspolpraca_cli.entries import Entry
    from wspolpraca_cli.recording import parse_tags
    from wspolpraca_cli.values import accepted_forms, parse_value

    program, where = load(ctx)
    interactive = _interactive()
    if indicator_id is None:
        if not interactive:
            raise UsageError(t("record.missing_id"), hint=t("record.missing_id.hint"))
        ind = _choose_indicator(program)
    else:
        ind = find_indicator(program, indicator_id)
    chosen, iso_day = _choose_period(program, ind, year, period, day, interactive)
    if value is None:
        if not interactive:
            raise UsageError(t("record.missing_value"), hint=accepted_forms(ind.unit))
        number = _ask_value(ind)
    else:
        number = parse_value(value, ind.unit, indicator=ind.id)
    tags = parse_tags(ind, tag or [])
    entry = Entry(
        uid="",
        indicator_id=ind.id,
        period=str(chosen),
        value=number,
        date=iso_day,
        note=note,
        source=source,
        tags=tags,
        recorded_by=(by or "").strip(),
    )
    path = store_path(ctx, where)
    with _open(ctx, path, readonly=dry_run) as store:
        _check_plausible(store, ind, number, entry.period, yes, interactive)
        if dry_run:
            state = _period_state(store, ind, entry.period, entry)
            typer.echo(
                t(
                    "record.dry_run",
                    id=ind.id,
                    value=_num(number, ind.unit),
                    period=entry.period,
                    state=state,
                    store=path,
                ),
                err=True,
            )
            return
        stored = store.add(entry)
        state = _period_state(store, ind, entry.period)
    typer.echo(stored.uid)
    typer.echo(
        t(
            "record.done",
            uid=stored.uid[:SHORT],
            id=ind.id,
            name=ind.name,
            value=_num(number, ind.unit),
            period=entry.period,
            state=state,
        ),
        err=True,
    )


# -- history ----------------------------------------------------------------------------------


def _chains(entries: list[Entry]) -> list[tuple[Entry, int]]:
    """Entries ordered so that each chain (record → corrections → void) is together, with
    each entry's depth in its chain."""
    uids = {e.uid for e in entries}
    successor = {e.supersedes: e for e in entries if e.supersedes}
    ordered: list[tuple[Entry, int]] = []
    for entry in entries:
        if entry.supersedes and entry.supersedes in uids:
            continue  # shown under the entry it supersedes
        depth, current = 0, entry
        seen: set[str] = set()
        while current.uid not in seen:
            seen.add(current.uid)
            ordered.append((current, depth))
            follower = successor.get(current.uid)
            if follower is None:
                break
            current, depth = follower, depth + 1
    return ordered


def history(
    ctx: typer.Context,
    indicator_id: Annotated[
        str | None, typer.Argument(metavar="[ID]", help=t("arg.history.id"), show_default=False)
    ] = None,
    period: Annotated[
        str | None, typer.Option("--period", "-P", help=t("opt.history.period"))
    ] = None,
    output_format: Annotated[
        HistoryFormat, typer.Option("--format", "-f", help=t("opt.format"))
    ] = HistoryFormat.table,
) -> None:
    """Show the entries of one indicator (or all), with their corrections and voids.

    Examples:
      wsp history
      wsp history 1.1 --period 2024
      wsp history 1.1 --format json
    """
    from wspolpraca_cli.recording import check_period

    program, where = load(ctx)
    ind = find_indicator(program, indicator_id) if indicator_id is not None else None
    wanted = None
    if period is not None:
        if ind is not None:
            wanted = str(check_period(program, ind, period))
        else:
            from wspolpraca_cli.periods import parse_period

            try:
                wanted = str(parse_period(period))
            except ValueError:
                raise InputError(t("period.invalid", period=period)) from None
    path = store_path(ctx, where)
    with _open(ctx, path, readonly=True) as store:
        entries = store.entries(ind.id if ind else None)
        superseded_by = store.superseded_by()
    if wanted is not None:
        entries = [e for e in entries if e.period == wanted]
    chains = _chains(entries)
    if output_format is HistoryFormat.json:
        _history_json(program, path, chains, superseded_by)
    elif output_format is HistoryFormat.csv:
        _history_csv(chains, superseded_by)
    elif not chains:
        typer.echo(t("history.empty", store=path), err=True)
    else:
        _history_table(program, chains, superseded_by)


def _history_json(
    program: Program, path: Path, chains: list[tuple[Entry, int]], superseded_by: dict[str, str]
) -> None:
    import json

    from wspolpraca_cli.entries import EntryKind
    from wspolpraca_cli.transfer import entry_json

    items = []
    for entry, depth in chains:
        item = entry_json(entry)
        item["superseded_by"] = superseded_by.get(entry.uid)
        item["effective"] = entry.kind is not EntryKind.VOID and entry.uid not in superseded_by
        item["depth"] = depth
        items.append(item)
    doc = {"schema": 1, "program": program.title, "store": str(path), "entries": items}
    typer.echo(json.dumps(doc, ensure_ascii=False, indent=2))


def _history_csv(chains: list[tuple[Entry, int]], superseded_by: dict[str, str]) -> None:
    from wspolpraca_cli.entries import EntryKind
    from wspolpraca_cli.transfer import write_csv

    extra = {
        e.uid: {
            "effective": "1"
            if e.kind is not EntryKind.VOID and e.uid not in superseded_by
            else "0",
            "superseded_by": superseded_by.get(e.uid, ""),
        }
        for e, _ in chains
    }
    write_csv([e for e, _ in chains], sys.stdout, lang=get_language(), bom=False, extra=extra)


def _history_table(
    program: Program, chains: list[tuple[Entry, int]], superseded_by: dict[str, str]
) -> None:
    from tabulate import tabulate

    from wspolpraca_cli.entries import EntryKind

    rows = []
    for entry, depth in chains:
        ind = program.indicator(entry.indicator_id)
        unit = ind.unit if ind else None
        marker = ("  " * (depth - 1) + "└ ") if depth else ""
        if entry.kind is EntryKind.VOID:
            state = t("history.state.void")
        elif entry.uid in superseded_by:
            state = t("history.state.superseded", uid=superseded_by[entry.uid][:SHORT])
        else:
            state = t("history.state.effective")
        details = [entry.note]
        if entry.reason:
            details.append(t("history.reason", reason=entry.reason))
        if entry.source:
            details.append(t("history.source", source=entry.source))
        recorded = entry.recorded_at.replace("T", " ").replace("Z", "")[:16]
        rows.append(
            [
                marker + entry.uid[:SHORT],
                entry.indicator_id,
                entry.period,
                _num(entry.value, unit) if entry.value is not None else "—",
                t(f"history.kind.{entry.kind.value}"),
                state,
                entry.date or "",
                ", ".join(f"{k}={v}" for k, v in entry.tags),
                " · ".join(d for d in details if d),
                f"{recorded} {entry.recorded_by}".strip(),
            ]
        )
    headers = [
        t("history.col.id"),
        t("history.col.indicator"),
        t("history.col.period"),
        t("history.col.value"),
        t("history.col.kind"),
        t("history.col.state"),
        t("history.col.date"),
        t("history.col.tags"),
        t("history.col.note"),
        t("history.col.recorded"),
    ]
    try:  # keep the chain's indentation (the parameter is new in tabulate 0.10)
        text = tabulate(
            rows, headers, tablefmt="simple", disable_numparse=True, preserve_whitespace=True
        )
    except TypeError:  # pragma: no cover - older tabulate
        text = tabulate(rows, headers, tablefmt="simple", disable_numparse=True)
    typer.echo(text)


# -- correct / void ---------------------------------------------------------------------------


def _require_reason(reason: str | None, interactive: bool) -> str:
    text = (reason or "").strip()
    if not text and interactive:
        text = str(typer.prompt(t("supersede.ask_reason"), err=True)).strip()
    if not text:
        raise UsageError(t("supersede.reason_required"), hint=t("supersede.reason_hint"))
    return text


def _supersedable(store: Store, text: str) -> Entry:
    """The entry ``text`` names, if it may be corrected or voided."""
    from wspolpraca_cli.entries import EntryKind

    entry = store.get(text)
    if entry is None:
        raise InputError(t("entry.unknown", uid=text), hint=t("entry.unknown.hint"))
    if entry.kind is EntryKind.VOID:
        raise InputError(t("store.supersedes_void", uid=entry.uid[:SHORT]))
    successors = store.superseded_by()
    if entry.uid in successors:
        latest = entry.uid
        while latest in successors:
            latest = successors[latest]
        last = store.get(latest)
        hint = (
            t("entry.chain_voided", uid=latest[:SHORT])
            if last is not None and last.kind is EntryKind.VOID
            else t("store.already_superseded.hint", uid=latest[:SHORT])
        )
        raise InputError(t("store.already_superseded", uid=entry.uid[:SHORT]), hint=hint)
    return entry


def _supersede(
    ctx: typer.Context,
    entry_id: str,
    value: str | None,
    reason: str | None,
    note: str | None,
    source: str | None,
    by: str | None,
    dry_run: bool,
    yes: bool = False,
) -> None:
    from dataclasses import replace

    from wspolpraca_cli.entries import EntryKind
    from wspolpraca_cli.model import Unit
    from wspolpraca_cli.values import parse_value

    program, where = load(ctx)
    interactive = _interactive()
    why = _require_reason(reason, interactive)
    path = store_path(ctx, where)
    with _open(ctx, path, readonly=dry_run) as store:
        old = _supersedable(store, entry_id)
        ind = program.indicator(old.indicator_id)
        unit = ind.unit if ind else Unit.NUMBER
        number = (
            parse_value(value, unit, indicator=ind.id if ind else None)
            if value is not None
            else None
        )
        if number is not None and ind is not None:  # the checks of `wsp record`
            _check_plausible(store, ind, number, old.period, yes, interactive)
        new = replace(
            old,
            uid="",
            value=number,
            kind=EntryKind.CORRECTION if value is not None else EntryKind.VOID,
            note=old.note if note is None else note,
            source=old.source if source is None else source,
            recorded_by=(by or "").strip(),
            recorded_at="",
            supersedes=old.uid,
            reason=why,
            seq=0,
        )
        if ind is None:
            state = ""
        elif dry_run:
            state = _period_state(store, ind, old.period, replace(new, uid="dry-run"))
        else:
            state = ""
        if not dry_run:
            new = store.add(new)
            if ind is not None:
                state = _period_state(store, ind, old.period)
    old_text = _num(old.value, unit)
    key = "correct" if value is not None else "void"
    if dry_run:
        typer.echo(
            t(
                f"{key}.dry_run",
                uid=old.uid[:SHORT],
                old=old_text,
                new=_num(number, unit),
                period=old.period,
                id=old.indicator_id,
                state=state,
            ),
            err=True,
        )
        return
    typer.echo(new.uid)
    typer.echo(
        t(
            f"{key}.done",
            uid=old.uid[:SHORT],
            new_uid=new.uid[:SHORT],
            old=old_text,
            new=_num(number, unit),
            id=old.indicator_id,
            period=old.period,
            state=state,
        ),
        err=True,
    )


def correct(
    ctx: typer.Context,
    entry_id: Annotated[str, typer.Argument(metavar="ENTRY", help=t("arg.entry"))],
    value: Annotated[str, typer.Argument(metavar="VALUE", help=t("arg.correct.value"))],
    reason: Annotated[
        str | None, typer.Option("--reason", "-r", help=t("opt.reason"), show_default=False)
    ] = None,
    note: Annotated[str | None, typer.Option("--note", "-n", help=t("opt.correct.note"))] = None,
    source: Annotated[str | None, typer.Option("--source", help=t("opt.correct.source"))] = None,
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
    """
    _supersede(ctx, entry_id, value, reason, note, source, by, dry_run, yes)


def void(
    ctx: typer.Context,
    entry_id: Annotated[str, typer.Argument(metavar="ENTRY", help=t("arg.entry"))],
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
    _supersede(ctx, entry_id, None, reason, None, None, by, dry_run)


# -- export / import --------------------------------------------------------------------------


def export(
    ctx: typer.Context,
    output_format: Annotated[
        ExportFormat | None,
        typer.Option("--format", "-f", help=t("opt.export.format"), show_default=False),
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help=t("opt.output"))] = None,
    force: Annotated[bool, typer.Option("--force", help=t("opt.force"))] = False,
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
    import io

    from wspolpraca_cli.errors import OutputExists
    from wspolpraca_cli.transfer import to_json, write_csv

    program, where = load(ctx)
    path = store_path(ctx, where)
    if output is not None and (output.is_dir() or not output.name):
        raise UsageError(t("export.is_dir", path=output), hint=t("export.is_dir.hint"))
    output_format = _export_format(output_format, output)
    if output is not None and output.exists() and not force:
        raise OutputExists(t("export.exists", path=output), hint=t("export.exists.hint"))
    with _open(ctx, path, readonly=True) as store:
        entries = store.entries()
    buffer = io.StringIO(newline="")
    if output_format is ExportFormat.json:
        import json

        doc = to_json(entries, program=program.title, store=str(path))
        buffer.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        write_csv(entries, buffer, lang=get_language())
    if output is None:
        sys.stdout.write(buffer.getvalue())
        sys.stdout.flush()
    else:
        _write_file(output, buffer.getvalue(), force=force)
    typer.echo(
        t(
            "export.done",
            entries=counted(len(entries), "entry"),
            target=output or t("export.stdout"),
        ),
        err=True,
    )


def _export_format(chosen: ExportFormat | None, output: Path | None) -> ExportFormat:
    """The export format: --format, else the -o file's extension, else CSV (standard output).
    A --format that contradicts the extension, or an unknown extension without --format, is a
    usage error: `wsp import` reads a .json file as JSON and anything else as CSV."""
    if output is None:
        return chosen or ExportFormat.csv
    suffix = output.suffix.lower()
    known = {f".{f.value}": f for f in ExportFormat}
    by_suffix = known.get(suffix)
    if chosen is None:
        if by_suffix is None:
            raise UsageError(
                t("export.unknown_extension", path=output, known=", ".join(known)),
                hint=t("export.unknown_extension.hint"),
            )
        return by_suffix
    if by_suffix is not None and by_suffix is not chosen:
        raise UsageError(
            t("export.format_mismatch", path=output, suffix=suffix, format=chosen.value),
            hint=t(
                "export.format_mismatch.hint",
                name=output.with_suffix(f".{chosen.value}").name,
            ),
        )
    return chosen


def _write_file(path: Path, text: str, *, force: bool) -> None:
    """Write ``text`` to ``path`` whole or not at all; never over a file without ``--force``."""
    from wspolpraca_cli.errors import FileSystemError, OutputExists
    from wspolpraca_cli.fsutil import write_atomically

    try:
        write_atomically(path, text.encode("utf-8"), overwrite=force)
    except FileExistsError:
        raise OutputExists(t("export.exists", path=path), hint=t("export.exists.hint")) from None
    except OSError as exc:
        raise FileSystemError(t("export.failed", path=path, error=exc.strerror or exc)) from None


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
    from wspolpraca_cli.store import EntriesRejected
    from wspolpraca_cli.transfer import read_file

    program, where = load(ctx)
    if file.is_dir():
        raise InputError(
            t("import.is_folder", path=file), hint=t("import.is_folder.hint", path=file)
        )
    if not file.is_file():
        raise InputError(t("import.no_file", path=file))
    result = read_file(file, program)
    problems = list(result.problems)
    rejected = result.rejected_rows
    path = store_path(ctx, where)
    check_only = dry_run or bool(problems)
    added = present = 0
    with _open(ctx, path, readonly=check_only and not path.exists()) as store:
        try:
            outcome = store.import_entries(result.entries, dry_run=check_only)
            added, present = len(outcome.added), len(outcome.present)
        except EntriesRejected as exc:
            added, present = exc.added, exc.present
            rejected += len(exc.rejected)
            for index, err in exc.rejected:
                problems.append(result.diagnostic(str(file), index, err.message, err.hint))
    for diag in sorted(problems, key=lambda d: (d.line, d.column)):
        typer.echo(diag.format(), err=True)
    if problems:
        raise InputError(
            t(
                "import.failed",
                file=file,
                would=added,
                present=present,
                rejected=counted(rejected, result.noun),
            ),
            hint=t("import.failed.hint_json" if result.noun == "entry" else "import.failed.hint"),
        )
    if dry_run:
        done = t("import.dry_run", file=file, added=added, present=present, rejected=rejected)
    else:
        done = t(
            "import.done",
            file=file,
            added=counted(added, "entry"),
            present=present,
            rejected=rejected,
        )
    typer.echo(done, err=True)


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

"""The audit trail's commands: ``wsp lock``, ``wsp unlock`` and ``wsp explain``.

Each appends one event to the store (never changing anything stored) through
:mod:`wspolpraca_cli.services.audit`, prints the event's id on stdout and what it did on
stderr.
"""

from __future__ import annotations

from typing import Annotated

import typer

from wspolpraca_cli.cli.common import find_indicator, workspace
from wspolpraca_cli.cli.completion import indicator_ids
from wspolpraca_cli.i18n import t

ReasonOption = Annotated[
    str | None,
    typer.Option("--reason", "-r", help=t("opt.lock.reason"), show_default=False),
]
ByOption = Annotated[str | None, typer.Option("--by", help=t("opt.record.by"))]
PeriodArgument = Annotated[str, typer.Argument(metavar="PERIOD", help=t("arg.lock.period"))]


def _done(event: object, key: str, **values: object) -> None:
    from wspolpraca_cli.audit import shown_time
    from wspolpraca_cli.safe_text import one_line
    from wspolpraca_cli.services.base import SHORT

    uid = str(getattr(event, "uid", ""))
    at = shown_time(str(getattr(event, "recorded_at", "")))
    by = one_line(str(getattr(event, "recorded_by", "")))
    shown = {k: one_line(str(v)) for k, v in values.items()}
    typer.echo(uid[:SHORT])
    typer.echo(t(key, uid=uid[:SHORT], by=by, at=at, **shown), err=True)


def lock(
    ctx: typer.Context, period: PeriodArgument, reason: ReasonOption = None, by: ByOption = None
) -> None:
    """Lock a period, e.g. after the council accepted the report: record, correct, void and
    import refuse its entries until it is unlocked. A year locks every period inside it.

    Examples:
      wsp lock 2024 --reason "Sprawozdanie przyjęte uchwałą nr 12/2025"
      wsp lock 2024-Q1 --reason "Dane kwartału zatwierdzone" --by "A. Nowak"
    """
    from wspolpraca_cli.services import audit

    ws, _ = workspace(ctx)
    event = audit.lock(ws, period, reason, by=by or "")
    _done(event, "lock.done", period=event.period, reason=event.reason)


def unlock(
    ctx: typer.Context, period: PeriodArgument, reason: ReasonOption = None, by: ByOption = None
) -> None:
    """Unlock a locked period: its entries can be changed again (the lock stays in history).

    Examples:
      wsp unlock 2024 --reason "Korekta sprawozdania na wniosek komisji"
    """
    from wspolpraca_cli.services import audit

    ws, _ = workspace(ctx)
    event = audit.unlock(ws, period, reason, by=by or "")
    _done(event, "unlock.done", period=event.period, reason=event.reason)


def explain(
    ctx: typer.Context,
    indicator_id: Annotated[
        str,
        typer.Argument(metavar="ID", help=t("arg.explain.id"), autocompletion=indicator_ids),
    ],
    period: Annotated[str, typer.Argument(metavar="PERIOD", help=t("arg.explain.period"))],
    text: Annotated[
        str | None, typer.Argument(metavar="TEXT", help=t("arg.explain.text"), show_default=False)
    ] = None,
    withdraw: Annotated[bool, typer.Option("--withdraw", help=t("opt.explain.withdraw"))] = False,
    by: ByOption = None,
) -> None:
    """Attach an explanation (uzasadnienie) of an indicator's shortfall in a period: the
    report prints it, and check no longer fails for that period (unless --strict). Explaining
    again replaces it; --withdraw withdraws it. Both stay in history.

    Examples:
      wsp explain 1.1 2023 "Konferencję przeniesiono na 2024 r. z powodu remontu sali"
      wsp explain 1.1 2023 --withdraw
    """
    from wspolpraca_cli.services import audit

    ws, _ = workspace(ctx)
    ind = find_indicator(ws.program, indicator_id)
    event = audit.explain(ws, ind, period, text, withdraw=withdraw, by=by or "")
    key = "explain.withdrawn" if withdraw else "explain.done"
    _done(event, key, id=ind.id, period=event.period, text=event.text)


def register(app: typer.Typer) -> None:
    """Add the audit trail's commands to ``app``."""
    for name, callback in (("lock", lock), ("unlock", unlock), ("explain", explain)):
        app.command(name, help=t(f"cmd.{name}.help"))(callback)

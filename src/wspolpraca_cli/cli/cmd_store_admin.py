"""``wsp store copy`` and ``wsp store info``: moving a programme's entries between stores
(an SQLite file and a PostgreSQL database, either way) and saying what a store is. Added to
the ``wsp store`` group that :mod:`.cmd_verify` makes."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from wspolpraca_cli.cli.cmd_verify import _Command, _examples
from wspolpraca_cli.i18n import t

if TYPE_CHECKING:
    from pathlib import Path


class InfoFormat(StrEnum):
    text = "text"
    json = "json"


def _location(text: str) -> Path | str:
    """A store named on the command line: a PostgreSQL URL, else a path (exit 2 for another
    URL scheme)."""
    from pathlib import Path

    from wspolpraca_cli.locate import store_url

    return store_url(text) or Path(text)


def copy(
    source: Annotated[str, typer.Argument(metavar="FROM", help=t("arg.store_copy.from"))],
    target: Annotated[str, typer.Argument(metavar="TO", help=t("arg.store_copy.to"))],
    dry_run: Annotated[bool, typer.Option("--dry-run", help=t("opt.store_copy.dry_run"))] = False,
) -> None:
    """Copy every entry from the store FROM to the store TO: records, corrections and voids
    with their ids, recording times, users and who supersedes whom. Either store is an SQLite
    file or a PostgreSQL URL (postgresql://user@host/database); TO is created when it does
    not exist. All or nothing, in one transaction of TO; entries TO already holds are left as
    they are, so running it again adds nothing. An entry of FROM whose id TO holds with other
    content stops the copy (exit 2, nothing stored).

    Exit codes: 0 copied (or nothing to copy); 2 conflicting entries, or FROM does not exist;
    3 a store cannot be read or written.

    Examples:
      wsp store copy program.wsp.db postgresql://wsp@db.urzad.local/wsp
      wsp store copy postgresql://wsp@db.urzad.local/wsp kopia.wsp.db
      wsp store copy --dry-run program.wsp.db postgresql://wsp@localhost/wsp
    """
    from wspolpraca_cli.cli.common import busy_timeout
    from wspolpraca_cli.i18n.catalog_store import counted
    from wspolpraca_cli.services.store_admin import copy_store

    done = copy_store(_location(source), _location(target), timeout=busy_timeout(), dry_run=dry_run)
    key = "store.copy.dry_run" if dry_run else "store.copy.done"
    typer.echo(
        t(
            key,
            added=counted(done.added, "entry"),
            source=done.source,
            target=done.target,
            present=counted(done.present, "entry"),
        )
    )
    if done.grants_added or done.grants_present:
        typer.echo(
            t(
                "store.copy.grants",
                added=counted(done.grants_added, "row"),
                present=counted(done.grants_present, "row"),
            )
        )
    if done.events_added or done.events_present:
        typer.echo(t("store.copy.trail", added=done.events_added, present=done.events_present))


def info(
    ctx: typer.Context,
    output_format: Annotated[
        InfoFormat, typer.Option("--format", "-f", help=t("opt.store_info.format"))
    ] = InfoFormat.text,
) -> None:
    """Say what the store in use is (or the one --store or WSP_STORE names): its backend
    (SQLite or PostgreSQL), where it is (a URL's password hidden), its schema version, how
    many entries it holds and how many indicators have entries. Reads the store only; a store
    that does not exist yet is said to be so and is not created.

    Examples:
      wsp store info
      wsp --store postgresql://wsp@db.urzad.local/wsp store info --format json
    """
    from wspolpraca_cli.cli.common import busy_timeout, program_location, store_path
    from wspolpraca_cli.services.store_admin import store_info

    found = store_info(store_path(ctx, program_location(ctx)), timeout=busy_timeout())
    if output_format is InfoFormat.json:
        import json

        document = {"schema": 1, **found._asdict()}
        typer.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return
    rows = [
        (t("store.info.backend"), t(f"store.info.backend.{found.backend}")),
        (t("store.info.location"), found.location),
    ]
    if not found.exists:
        rows.append((t("store.info.state"), t("store.info.missing")))
    else:
        rows += [
            (t("store.info.schema"), str(found.schema_version)),
            (t("store.info.entries"), str(found.entries)),
            (t("store.info.indicators"), str(found.indicators)),
            (t("store.info.grants"), str(found.grants)),
        ]
    width = max(len(label) for label, _ in rows) + 1
    for label, value in rows:
        typer.echo(f"{label + ':':<{width}} {value}")


def register(app: typer.Typer) -> None:
    """Add ``copy`` and ``info`` to the ``wsp store`` group already registered on ``app``."""
    group = next(g.typer_instance for g in app.registered_groups if g.name == "store")
    assert group is not None
    group.command(
        "copy",
        cls=_Command,
        help=t("cmd.store_copy.help"),
        epilog=_examples(
            "wsp store copy program.wsp.db postgresql://wsp@db.urzad.local/wsp",
            "wsp store copy postgresql://wsp@db.urzad.local/wsp kopia.wsp.db",
        ),
    )(copy)
    group.command(
        "info",
        cls=_Command,
        help=t("cmd.store_info.help"),
        epilog=_examples(
            "wsp store info",
            "wsp --store postgresql://wsp@db.urzad.local/wsp store info --format json",
        ),
    )(info)

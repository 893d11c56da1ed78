"""``wsp store verify``: the full integrity check of the measurement store (the ``wsp store``
group of commands about the store itself)."""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from wspolpraca_cli.cli.localise import help_text
from wspolpraca_cli.i18n import t


class _Localised:
    """Help screens and usage lines in the chosen language (as every other command's)."""

    def get_help(self, ctx: Any) -> str:
        return help_text(super().get_help(ctx))  # type: ignore[misc]

    def get_usage(self, ctx: Any) -> str:
        return help_text(super().get_usage(ctx))  # type: ignore[misc]


class _Command(_Localised, TyperCommand):
    pass


class _Group(_Localised, TyperGroup):
    pass


def _examples(*commands: str) -> str:
    """The ``Examples:`` block of ``--help``, as the other commands show it."""
    return "\b\n" + t("examples") + ":\n" + "\n".join(f"  {c}" for c in commands)


def store_group() -> None:
    """Commands about the measurement store itself.

    Examples:
      wsp store verify
    """


def verify(ctx: typer.Context) -> None:
    """Check the whole store: SQLite's full integrity check (``PRAGMA integrity_check``: every
    page, every index against the table) and wsp's own rules (its schema version and objects,
    the append-only triggers, every correction and void naming an earlier entry of the same
    indicator and period). Reads the store only; takes seconds on a large store (`wsp check`
    runs the quick check only).

    Exit codes: 0 the store is intact (or does not exist yet); 3 it is damaged (each problem
    is listed on standard output) or cannot be read.

    Examples:
      wsp store verify
      wsp --store archiwum.wsp.db store verify
    """
    from wspolpraca_cli.cli.common import busy_timeout, program_location, store_path
    from wspolpraca_cli.errors import StoreError
    from wspolpraca_cli.i18n import plural
    from wspolpraca_cli.services.integrity import verify_store
    from wspolpraca_cli.store import open_store

    path = store_path(ctx, program_location(ctx))  # the programme itself is not needed
    with open_store(path, readonly=True, timeout=busy_timeout()) as store:
        found = verify_store(store)
        ok_key = "verify.ok" if store.backend == "sqlite" else f"verify.ok.{store.backend}"
    path = found.location  # as people are shown it (a URL's password hidden)
    if not found.exists:
        typer.echo(t("verify.no_store", path=path))
        return
    if found.ok:
        entries = plural(found.entries, "verify.entry")
        typer.echo(t(ok_key, path=path, version=found.schema_version, entries=entries))
        return
    for problem in found.problems:
        typer.echo(f"- {problem}")
    problems = plural(len(found.problems), "verify.problem")
    raise StoreError(
        t("verify.damaged", path=path, problems=problems), hint=t("store.damaged.hint")
    )


def register(app: typer.Typer) -> None:
    """Add ``wsp store`` (``verify``) to ``app``. Help texts are made here, once the language
    of the command line is known."""
    store_app = typer.Typer(
        cls=_Group,
        name="store",
        help=t("cmd.store.help"),
        no_args_is_help=True,
        add_completion=False,
        rich_markup_mode=None,
        epilog=_examples("wsp store verify"),
    )
    store_app.callback()(store_group)
    store_app.command(
        "verify",
        cls=_Command,
        help=t("cmd.store_verify.help"),
        epilog=_examples("wsp store verify", "wsp --store archiwum.wsp.db store verify"),
    )(verify)
    app.add_typer(store_app, name="store", help=t("cmd.store.help"))

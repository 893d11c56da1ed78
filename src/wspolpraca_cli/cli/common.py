"""What every command shares: the global state, programme loading, consoles, errors."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer

from wspolpraca_cli.errors import ProgramInvalid, UnknownId, WspError
from wspolpraca_cli.i18n import plural, t

if TYPE_CHECKING:
    from datetime import date

    from wspolpraca_cli.locate import ProgramLocation
    from wspolpraca_cli.model import Indicator, Program
    from wspolpraca_cli.services.base import Workspace
    from wspolpraca_cli.store import Store

TIMEOUT_ENV = "WSP_BUSY_TIMEOUT"


class State:
    """The global options of one run (a plain class: a dataclass costs start-up time)."""

    __slots__ = ("debug", "lang", "program", "store")

    def __init__(
        self,
        program: Path | None = None,
        store: str | Path | None = None,
        debug: bool = False,
        lang: str | None = None,
    ) -> None:
        self.program = program
        self.store = store
        self.debug = debug
        self.lang = lang
        """The language ``--lang`` names, before or after the command (or ``WSP_LANG``)."""


def state(ctx: typer.Context) -> State:
    obj = ctx.find_object(State)
    return obj if obj is not None else State()


def settle_language(ctx: typer.Context, fallback: str | None = None) -> None:
    """The one decision on the language of messages, documents and help: ``--lang`` (before
    or after the command), else ``WSP_LANG``, else a locale that names a language, else
    ``fallback`` (the programme's own ``language``: under cron or ``LANG=C.UTF-8`` no locale
    names one), else the programmes' default, Polish — which help screens, built before any
    programme is read, speak then too. The core reads it from
    :func:`wspolpraca_cli.i18n.t`; nothing else sets it."""
    from wspolpraca_cli.i18n import DEFAULT_LANGUAGE, chosen_language, set_language

    set_language(state(ctx).lang or chosen_language() or fallback or DEFAULT_LANGUAGE)


def use_language(ctx: typer.Context, lang: str | None) -> None:
    """A command's own ``--lang`` (after the command name): it counts as the global one does,
    so the programme's language never overrides it."""
    from wspolpraca_cli.i18n import parse_language

    if lang is None:
        return
    from wspolpraca_cli.errors import UsageError

    chosen = parse_language(lang)
    if chosen is None:
        raise UsageError(t("check.bad_lang", value=lang), hint=t("check.bad_lang.hint"))
    state(ctx).lang = chosen
    settle_language(ctx)


def fail_with(exc: WspError) -> NoReturn:
    """Print an expected error as one clear message (and its hint) and exit with its code;
    the located problems it carries (an import's bad rows) come first."""
    from wspolpraca_cli.safe_text import shown  # an imported cell's text may be in a message

    for diag in getattr(exc, "diagnostics", ()) if not isinstance(exc, ProgramInvalid) else ():
        typer.echo(shown(diag.format()), err=True)
    if isinstance(exc, ProgramInvalid):
        for diag in exc.diagnostics:
            typer.echo(shown(diag.format()), err=True)
        file = exc.diagnostics[0].file if exc.diagnostics else "?"
        errors = plural(len(exc.diagnostics), "noun.error")
        typer.echo(t("program.invalid", file=file, errors=errors), err=True)
    else:
        typer.echo(shown(f"wsp: {t('error')}: {exc.message}"), err=True)
        if isinstance(exc, UnknownId) and exc.suggestions:
            options = ", ".join(exc.suggestions)
            typer.echo(shown("  " + t("did_you_mean", options=options)), err=True)
        if exc.hint:
            typer.echo(shown(f"  {t('hint')}: {exc.hint}"), err=True)
    raise typer.Exit(int(exc.exit_code))


def program_location(ctx: typer.Context) -> ProgramLocation:
    from wspolpraca_cli.locate import resolve_program

    return resolve_program(state(ctx).program)


def load(ctx: typer.Context) -> tuple[Program, ProgramLocation]:
    """Load the programme in use, or raise a typed error."""
    from wspolpraca_cli.errors import ProgramNotFound
    from wspolpraca_cli.progcache import load_cached

    where = program_location(ctx)
    if not where.path.exists():  # a folder, a pipe or a device: the loader says what it is
        raise ProgramNotFound(
            t("program.not_found", path=where.path), hint=t("program.not_found.hint")
        )
    program = load_cached(where.path, _validated)
    settle_language(ctx, program.language)
    return program, where


def _validated(path: Path) -> Program:
    from wspolpraca_cli.loader import load_program

    return load_program(path)


def store_path(ctx: typer.Context, where: ProgramLocation) -> Path | str:
    """The store in use: a path, or a PostgreSQL URL (a ``str``). One named by ``--store`` or
    ``WSP_STORE`` must lie in an existing folder — a mistyped path must not read as an empty
    store (and ``check`` as all overdue)."""
    from wspolpraca_cli.locate import resolve_store

    path = resolve_store(state(ctx).store, where)
    if isinstance(path, str):
        return path
    if state(ctx).store is not None and not path.parent.is_dir() and not path.parent.is_file():
        from wspolpraca_cli.errors import StoreError

        raise StoreError(
            t("store.no_folder_to_read", path=path, folder=path.parent),
            hint=t("store.no_folder.hint", folder=path.parent),
        )
    return path


def today() -> date:
    """Today's date (one place, so that tests can fix it)."""
    from datetime import date

    return date.today()


def as_of(text: str | None) -> date:
    """``--as-of``: a date in any accepted form (``2025-03-01``, ``1.03.2025``); today when
    not given. Raises InputError (exit 2)."""
    if text is None:
        return today()
    from wspolpraca_cli.dates import parse_date

    return parse_date(text, option="--as-of")


MAX_TIMEOUT = 3600.0
"""The longest wait ``WSP_BUSY_TIMEOUT`` may ask for (an hour: longer is a mistyped value)."""


def busy_timeout() -> float:
    """Seconds to wait for another writer (``WSP_BUSY_TIMEOUT``, else the store's default).

    A value that is not a finite number of seconds from 0 to :data:`MAX_TIMEOUT` (``inf``,
    ``nan``, ``-1``, ``abc``) is refused with UsageError (exit 2), not taken silently."""
    import math
    import os

    from wspolpraca_cli.store import DEFAULT_TIMEOUT

    raw = os.environ.get(TIMEOUT_ENV, "").strip()
    if not raw:
        return DEFAULT_TIMEOUT
    try:
        seconds = float(raw) if raw.isascii() else math.nan
    except ValueError:
        seconds = math.nan
    if not (math.isfinite(seconds) and 0 <= seconds <= MAX_TIMEOUT):
        from wspolpraca_cli.errors import UsageError

        raise UsageError(
            t("timeout.bad", var=TIMEOUT_ENV, value=raw),
            hint=t("timeout.bad.hint", var=TIMEOUT_ENV, max=int(MAX_TIMEOUT)),
        )
    return seconds


def workspace(ctx: typer.Context) -> tuple[Workspace, ProgramLocation]:
    """The programme in use and its store, for the services. The store's folders are created
    only at the default location (the user data directory); a store named by --store or
    WSP_STORE must be in an existing folder."""
    from wspolpraca_cli.services.base import Workspace

    program, where = load(ctx)
    path = store_path(ctx, where)
    create_folders = state(ctx).store is None
    timeout = busy_timeout()

    unseen = [create_folders]  # the default location: say once if another store exists

    def opener(readonly: bool) -> Store:
        from wspolpraca_cli.store import open_store

        fresh = unseen[0] and isinstance(path, Path) and not path.exists()
        store = open_store(path, readonly=readonly, timeout=timeout, create_folders=create_folders)
        if fresh and isinstance(path, Path):
            unseen[0] = False
            note_other_stores(where, path, created=not readonly)
        return store

    return Workspace(program, shown_location(path), opener), where


def location_exists(location: str) -> bool:
    """Whether the store shown as ``location`` is there: a file, or a database (a PostgreSQL
    URL: the server is asked when the store is opened)."""
    from wspolpraca_cli.locate import STORE_SCHEMES

    if location.split("://", 1)[0].lower() in STORE_SCHEMES:
        return True
    return Path(location).exists()


def shown_location(path: Path | str) -> str:
    """The store's location as people are shown it (a URL's password hidden)."""
    if isinstance(path, Path):
        return str(path)
    from wspolpraca_cli.store import shown_url

    return shown_url(path)


def note_other_stores(where: ProgramLocation, path: Path, *, created: bool) -> None:
    """On standard error: a store of the same programme file where wsp used to look, when the
    default store in use is new (``created``) or missing — else it looks like data loss."""
    from wspolpraca_cli.locate import other_stores

    others = other_stores(where, path)
    if others:
        key = "store.other_store_created" if created else "store.other_store_missing"
        typer.echo(t(key, path=path, other=", ".join(str(o) for o in others)), err=True)


def suggest(wanted: str, known: list[str]) -> list[str]:
    from wspolpraca_cli.suggest import close_matches

    return close_matches(wanted, known)


def find_indicator(program: Program, indicator_id: str) -> Indicator:
    """The indicator with this id, or UnknownId with a did-you-mean."""
    found = program.indicator(indicator_id)
    if found is None:
        known = [i.id for i in program.indicators]
        raise UnknownId(
            t("unknown_indicator", id=indicator_id),
            suggest(indicator_id, known),
            hint=t("known_ids", ids=", ".join(known[:20])),
        )
    return found


def terminal_console() -> Any | None:
    """A Rich console for standard output when it is a terminal, else None (piped output is
    plain, and Rich is not even imported for it)."""
    import sys

    if not sys.stdout.isatty():
        return None
    console = stdout_console()
    return console if console.is_terminal else None


def stdout_console() -> Any:
    from rich.console import Console

    return Console(soft_wrap=False, highlight=False)

"""The ``wsp`` Typer application: global options, error handling, and command registration.

The commands are listed in :data:`COMMANDS` and registered lazily: the console script
(:func:`main`) imports and registers only the module of the command it was asked for; help,
a typo and shell completion get every command. ``app`` (``from wspolpraca_cli.cli.app import
app``) is the whole application, built on first use.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer._click.exceptions import ClickException, UsageError
from typer.core import TyperCommand, TyperGroup, TyperOption

from wspolpraca_cli import __version__
from wspolpraca_cli.cli.common import State, fail_with, settle_language
from wspolpraca_cli.cli.localise import help_text, install_metavars, localise_error
from wspolpraca_cli.errors import WspError
from wspolpraca_cli.exitcodes import ExitCode
from wspolpraca_cli.i18n import detect_language, has_message, parse_language, set_language, t

# Help texts are built when the commands are defined, before options are parsed: they take the
# language --lang names anywhere on the command line. Once parsed, settle_language decides.
set_language(detect_language(sys.argv[1:]))
install_metavars()


class LocalisedHelp:
    """Mixed into a command class: its help screen and usage line follow the language, and its
    summary in the command list is never cut short with "..."."""

    def get_short_help_str(self, limit: int = 45) -> str:
        # Click cuts a summary made from the help text at ``limit``; a command without its
        # own short summary (``cmd.NAME.short``) shows the whole first sentence instead.
        return super().get_short_help_str(max(limit, 200))  # type: ignore[misc,no-any-return]

    def get_help(self, ctx: Any) -> str:
        return help_text(super().get_help(ctx))  # type: ignore[misc]

    def get_usage(self, ctx: Any) -> str:
        return help_text(super().get_usage(ctx))  # type: ignore[misc]


class WspCommand(LocalisedHelp, TyperCommand):
    """A command whose help screen follows the chosen language."""


class WspGroup(TyperGroup):
    """Turns wsp's typed errors into one message and an exit code (tracebacks only with --debug)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.params += [
            _completion_option("--install-completion", "opt.install_completion", _install),
            _completion_option("--show-completion", "opt.show_completion", _show),
        ]

    def _main_shell_completion(self, ctx_args: Any, prog_name: str, *rest: Any) -> None:
        import os

        from wspolpraca_cli.cli import completion

        if os.environ.get(completion.COMPLETE_VAR):  # a shell asks; else nothing is loaded
            completion.enable()
            super()._main_shell_completion(ctx_args, prog_name, completion.COMPLETE_VAR)

    def get_help(self, ctx: Any) -> str:
        return help_text(super().get_help(ctx))

    def get_usage(self, ctx: Any) -> str:
        return help_text(super().get_usage(ctx))

    def make_context(self, info_name: Any, args: Any, *rest: Any, **kwargs: Any) -> Any:
        for arg in args:
            if isinstance(arg, str) and not arg.isascii() and _surrogates(arg):
                # Bytes that are not UTF-8 (a terminal in another encoding): refuse them here,
                # before they could reach a file name or the store.
                shown = arg.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
                exc = UsageError(t("arg.not_utf8", arg=shown))
                localise_error(exc)
                raise exc
        try:
            return super().make_context(info_name, args, *rest, **kwargs)
        except ClickException as exc:
            localise_error(exc)
            raise

    def invoke(self, ctx: Any) -> Any:
        with _interruptible():
            return self._invoke(ctx)

    def _invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except ClickException as exc:
            localise_error(exc)
            raise
        except WspError as exc:
            _traceback_if_debug(ctx)
            fail_with(exc)
        except (KeyboardInterrupt, typer.Abort) as exc:
            if isinstance(exc, typer.Abort):  # Ctrl-C or end of input at a prompt
                typer.echo("", err=True)  # the cursor is still on the prompt's line
            typer.echo(t("interrupted"), err=True)
            raise typer.Exit(ExitCode.INTERRUPTED) from None
        except typer.Exit:
            raise
        except OSError as exc:
            # A file-system failure no command foresaw (a name too long, a device error…):
            # one message and its exit code, as for any other failure of the file system.
            _traceback_if_debug(ctx)
            _file_system(exc)
        except Exception as exc:
            if type(exc).__module__.startswith(("click", "typer")):
                raise
            if _ctrl_c[0]:  # a library turned the KeyboardInterrupt into its own error
                typer.echo(t("interrupted"), err=True)
                raise typer.Exit(ExitCode.INTERRUPTED) from None
            _traceback_if_debug(ctx)
            _internal(exc)


@contextmanager
def _interruptible() -> Iterator[None]:
    """While the command runs, Ctrl-C raises KeyboardInterrupt (so that a transaction rolls
    back and the command can say what it stored). Before it, the entry point's handler ends the
    process at once with exit 130 (see :mod:`wspolpraca_cli.cli.entry`); after it, Ctrl-C is
    ignored: the command is done, its output and exit code stand."""
    import signal

    from wspolpraca_cli.cli.entry import quick_interrupt_installed

    outermost = quick_interrupt_installed()
    if outermost:
        signal.signal(signal.SIGINT, _interrupt)
    try:
        yield
    finally:
        if outermost:
            signal.signal(signal.SIGINT, signal.SIG_IGN)


_ctrl_c = [False]
"""Whether Ctrl-C was pressed while the command ran."""


def _interrupt(signum: int, frame: Any) -> None:
    """Python's own answer to Ctrl-C (KeyboardInterrupt), remembered: a library that wraps
    it in an error of its own (Pydantic building its validators) must not make it an
    internal error."""
    _ctrl_c[0] = True
    raise KeyboardInterrupt


def _surrogates(arg: str) -> bool:
    """Whether ``arg`` holds bytes that were not UTF-8 (decoded as lone surrogates)."""
    return re.search("[\udc80-\udcff]", arg) is not None


def _traceback_if_debug(ctx: Any) -> None:
    """With ``--debug``, the traceback of the error being handled, on stderr; the exit code
    stays the error's own (a script must not see 1, ``check``'s code, for a broken store)."""
    if _debug(ctx):
        import traceback

        traceback.print_exc(file=sys.stderr)


def _debug(ctx: Any) -> bool:
    obj = ctx.find_object(State)
    return bool(obj and obj.debug)


def _file_system(exc: OSError) -> NoReturn:
    import errno

    where = f"{exc.filename}: " if exc.filename else ""
    typer.echo(f"wsp: {t('error')}: {where}{exc.strerror or exc}", err=True)
    # A name the system cannot take is the user's input; anything else is the file system's.
    invalid = exc.errno in (errno.ENAMETOOLONG, errno.EINVAL)
    raise typer.Exit(ExitCode.INVALID_INPUT if invalid else ExitCode.STORE_FAILURE)


def _internal(exc: Exception) -> NoReturn:
    typer.echo(t("internal_error", error=f"{type(exc).__name__}: {exc}"), err=True)
    raise typer.Exit(ExitCode.INTERNAL_ERROR)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"wsp {__version__}")
        raise typer.Exit()


def _completion_option(name: str, help_key: str, callback: Any) -> Any:
    """``--show-completion SHELL`` or ``--install-completion SHELL``: an eager option built
    directly (through Typer's annotations the pair cost every run 0.6 % of the floor)."""
    from typer._types import TyperChoice

    from wspolpraca_cli.cli.completion import SHELLS

    def answer(ctx: Any, param: Any, shell: str | None) -> None:
        if shell is not None and not ctx.resilient_parsing:
            callback(shell)
            raise typer.Exit()

    return TyperOption(
        param_decls=[name],
        type=TyperChoice(SHELLS),
        metavar="SHELL",
        callback=answer,
        is_eager=True,
        expose_value=False,
        help=t(help_key),
    )


def _show(shell: str) -> None:
    from wspolpraca_cli.cli import completion

    typer.echo(completion.script(shell))


def _install(shell: str) -> None:
    from wspolpraca_cli.cli import completion

    path = completion.install(shell)
    typer.echo(t("completion.installed", shell=shell, path=path), err=True)


def main_options(
    ctx: typer.Context,
    program: Annotated[
        Path | None,
        typer.Option(
            "--program", "-p", envvar="WSP_PROGRAM", help=t("opt.program"), show_envvar=True
        ),
    ] = None,
    store: Annotated[
        str | None,  # a path, or a postgresql:// URL (a Path would fold its "//")
        typer.Option("--store", "-s", envvar="WSP_STORE", help=t("opt.store"), show_envvar=True),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option("--lang", envvar="WSP_LANG", help=t("opt.lang"), show_envvar=True),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help=t("opt.debug"))] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=t("opt.version")),
    ] = False,
) -> None:
    """wsp — an indicator tracker for public programmes."""
    chosen = None
    if lang is not None:
        chosen = parse_language(lang)
        if chosen is None:
            raise typer.BadParameter(t("lang.bad", value=lang), param_hint="--lang")
    ctx.obj = State(program=program, store=store, debug=debug, lang=chosen)
    settle_language(ctx)


COMMANDS: tuple[tuple[str, str, str], ...] = (
    # (command or group name, its module in wspolpraca_cli.cli, the module's function that
    # adds it to an app). A module registering several commands is called once; the rows of
    # one name are called in order. The order of the modules is the order of `wsp --help`.
    ("validate", "cmd_program", "register"),
    ("list", "cmd_program", "register"),
    ("show", "cmd_program", "register"),
    ("init", "cmd_program", "register"),
    ("record", "cmd_store", "register"),
    ("history", "cmd_store", "register"),
    ("correct", "cmd_store", "register"),
    ("void", "cmd_store", "register"),
    ("export", "cmd_store", "register"),
    ("import", "cmd_store", "register"),
    ("status", "cmd_status", "register"),
    ("check", "cmd_report", "register"),
    ("report", "cmd_report", "register"),
    ("store", "cmd_verify", "register"),  # the `wsp store` group, with verify
    ("lock", "cmd_audit", "register"),
    ("unlock", "cmd_audit", "register"),
    ("explain", "cmd_audit", "register"),
    ("store", "cmd_store_admin", "register"),  # copy and info, in the group cmd_verify made
    ("grants", "cmd_grants", "register"),  # the `wsp grants` group (the grants register)
)
"""Every command of ``wsp``. To add one: a row here, and a ``register(app)`` in its module."""


def build(names: Iterable[str] | None = None) -> typer.Typer:
    """The application with the commands (and groups) ``names`` — every one when None —
    importing only the modules that register them."""
    wanted = None if names is None else set(names)
    application = typer.Typer(
        cls=WspGroup,
        name="wsp",
        help=t("app.help"),
        epilog=t("app.epilog"),
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    application.callback()(main_options)
    done: set[tuple[str, str]] = set()
    for name, module, attribute in COMMANDS:
        if (wanted is None or name in wanted) and (module, attribute) not in done:
            done.add((module, attribute))
            imported = __import__(f"wspolpraca_cli.cli.{module}", fromlist=[attribute])
            getattr(imported, attribute)(application)
    _finish(application)
    return application


def _finish(application: typer.Typer) -> None:
    """Each command's summary, its ``Examples:`` and a help screen in the language."""
    for info in application.registered_commands:
        if info.short_help is None and has_message(f"cmd.{info.name}.short"):
            info.short_help = t(f"cmd.{info.name}.short")
        if info.epilog is None and info.callback is not None:
            info.epilog = _examples(info.callback.__doc__)
        if info.cls in (None, TyperCommand):
            info.cls = WspCommand
        elif not issubclass(info.cls, LocalisedHelp):
            info.cls = type(info.cls.__name__, (LocalisedHelp, info.cls), {})


def _examples(doc: str | None) -> str | None:
    """The ``Examples:`` block of a command's docstring, kept verbatim in ``--help``."""
    if not doc or "Examples:" not in doc:
        return None
    block = doc.split("Examples:", 1)[1]
    lines = [line.strip() for line in block.strip("\n").splitlines()]
    commands = [line for line in lines if line]
    label = t("examples")
    return "\b\n" + label + ":\n" + "\n".join(f"  {c}" for c in commands)


if TYPE_CHECKING:
    app: typer.Typer
    """The whole application (every command), built on first use (see :func:`__getattr__`)."""


def __getattr__(name: str) -> Any:
    """``app``: the whole application, built once, when first asked for."""
    if name == "app":
        whole = globals()["app"] = build()
        return whole
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_VALUE_OPTIONS = {"--program", "-p", "--store", "-s", "--lang"}


def invoked_command(argv: list[str]) -> str | None:
    """The command name in ``argv`` (after the global options), if there is one."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in _VALUE_OPTIONS:
            skip = True
        elif arg == "--":
            return None
        elif not arg.startswith("-"):
            return arg
    return None


def main() -> None:
    """Console-script entry point.

    Only the module of the command asked for is imported and registered (see
    :data:`COMMANDS`), and Typer builds a click command for that one alone: importing and
    building every command cost each run a tenth of its start-up. Without a known command
    (``wsp --help``, a typo) or when a shell asks for completions, every command is there, so
    help, suggestions and completions are whole.
    """
    import signal

    if hasattr(signal, "SIGPIPE"):
        # `wsp status | head`: end quietly when the reader goes away, as Unix tools do,
        # instead of a BrokenPipeError. A store write is one transaction, so it is safe.
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    import os

    name = invoked_command(sys.argv[1:])
    known = name in {row[0] for row in COMMANDS}
    completing = bool(os.environ.get("_WSP_COMPLETE"))  # completion.COMPLETE_VAR
    application = build([name] if name is not None and known and not completing else None)
    chosen = [info for info in application.registered_commands if info.name == name]
    if chosen:
        application.registered_commands = chosen
        callback = application.registered_callback
        _resolve_annotations([callback.callback if callback else None])
        _resolve_annotations([info.callback for info in chosen])
    _collector_on()
    application(prog_name="wsp")


COLLECT_AFTER = 10_000
"""Objects made between two passes of the cycle collector over the youngest ones (Python's
default: 700). wsp's values (entries, summaries, results, report rows) form no cycles, and
each pass re-examined the growing heap of a large command: with Python's default the
collector took a quarter of ``report`` and a tenth of ``status`` at 10,000 indicators. The
garbage cycles a command may leave wait for at most this many objects."""


def _collector_on() -> None:
    """The cycle collector back on (the console script pauses it while it starts, see
    :mod:`wspolpraca_cli.cli.entry`), the objects made so far frozen: the modules, classes and
    commands of the start-up live until the end, and no collection traverses them again. From
    now on it runs after every :data:`COLLECT_AFTER` objects."""
    import gc

    if not gc.isenabled():
        gc.freeze()
        _, older, oldest = gc.get_threshold()
        gc.set_threshold(COLLECT_AFTER, older, oldest)
        gc.enable()


def _resolve_annotations(functions: list[Any]) -> None:
    """Evaluate the (postponed, string) annotations of the functions Typer is about to read,
    once: Typer reads each function's type hints several times, evaluating every string
    again (1.5 ms of `wsp status`'s start-up)."""
    import typing

    for function in functions:
        if function is not None:
            function.__annotations__ = typing.get_type_hints(function, include_extras=True)

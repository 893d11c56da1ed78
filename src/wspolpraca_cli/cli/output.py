"""One output layer for every command that prints or writes a document.

- the shared options: ``--format/-f`` (each document's formats: :mod:`wspolpraca_cli.cli.
  formats`), ``--output/-o`` and ``--force``;
- :func:`deliver`: the renderer of the chosen format, its result to standard output or to the
  ``-o`` file (a terminal gets the terminal renderer), a note to standard error;
- :func:`choose_format`: ``--format``, else the ``-o`` file's extension, else the default; a
  format that contradicts a known extension is a usage error;
- :func:`check_output` before any work and :func:`write_output` after it: a folder, a
  device or a pipe (never replaced), an existing file without ``--force`` (exit 2), a missing
  folder or a failed write (exit 3);
- :func:`emit`: results to standard output (messages go to standard error, elsewhere).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TextIO, TypeVar

import typer

from wspolpraca_cli.errors import FileSystemError, OutputExists, UsageError
from wspolpraca_cli.i18n import t
from wspolpraca_cli.safe_text import shown

F = TypeVar("F", bound=StrEnum)
T = TypeVar("T")


def format_option(help_key: str = "opt.format") -> Any:
    """``--format/-f``: the same option on every command (its choices are the enum's)."""
    return typer.Option("--format", "-f", help=t(help_key), show_default=True)


OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help=t("opt.output"), show_default=False)
]
ForceOption = Annotated[bool, typer.Option("--force", help=t("opt.force"))]


def resolve_format(chosen: F | None, output: Path | None, default: F) -> F:
    """:func:`choose_format` with the extensions of ``default``'s document."""
    from wspolpraca_cli.cli.formats import suffixes

    return choose_format(chosen, output, suffixes(type(default)), default)


def choose_format(
    chosen: F | None, output: Path | None, suffixes: Mapping[str, F], default: F
) -> F:
    """The format to write: ``chosen`` (``--format``), else the one ``output``'s extension
    names, else ``default`` (standard output). ``--format`` that contradicts a known extension
    is refused; without ``--format``, an extension wsp does not know is refused too (what
    would the file be?)."""
    implied = suffixes.get(output.suffix.lower()) if output is not None else None
    if chosen is not None:
        if output is not None and implied is not None and implied is not chosen:
            raise UsageError(
                t("output.format_mismatch", format=chosen.value, path=output, implied=implied),
                hint=t("output.format_mismatch.hint", format=chosen.value, implied=implied),
            )
        return chosen
    if output is None or output.is_dir():
        return default  # a folder is refused by check_output
    if implied is None:
        formats = ", ".join(dict.fromkeys(f.value for f in suffixes.values()))
        raise UsageError(
            t("output.unknown_suffix", path=output, suffixes=", ".join(suffixes)),
            hint=t("output.unknown_suffix.hint", formats=formats),
        )
    return implied


def check_output(output: Path | None, force: bool, chosen: StrEnum | None = None) -> None:
    """Refuse early, before any work, what cannot be written: a format that needs a file
    without ``-o``, a folder or an existing file without ``--force`` (exit 2), a folder that
    does not exist (exit 3)."""
    if output is None:
        if chosen is not None:
            from wspolpraca_cli.cli.formats import format_of

            if format_of(chosen).file_only:
                raise UsageError(
                    t("output.needs_file", format=chosen.value),
                    hint=t("output.needs_file.hint", format=chosen.value),
                )
        return
    from wspolpraca_cli.fsutil import kind_of

    try:
        kind = kind_of(output)
    except OSError as exc:
        raise FileSystemError(
            t("output.write_failed", path=output, error=exc.strerror or exc)
        ) from None
    if kind == "folder" or not output.name:
        raise UsageError(t("output.is_dir", path=output), hint=t("output.is_dir.hint"))
    if kind not in (None, "file"):  # a device or a pipe is never replaced, even with --force
        raise UsageError(
            t("output.not_regular", path=output, kind=t(f"file.kind.{kind}")),
            hint=t("output.not_regular.hint"),
        )
    if kind is not None and not force:
        raise OutputExists(t("output.exists", path=output), hint=t("output.exists.hint"))
    parent = output.parent if str(output.parent) else Path(".")
    if parent.exists() and not parent.is_dir():
        import errno
        import os

        error = os.strerror(errno.ENOTDIR)
        raise FileSystemError(t("output.write_failed", path=output, error=error))
    if not parent.is_dir():
        raise FileSystemError(
            t("output.no_dir", path=parent), hint=t("output.no_dir.hint", path=parent)
        )


def write_output(path: Path, data: bytes, *, force: bool) -> None:
    """Write ``data`` to ``path`` whole or not at all; never over a file without ``--force``
    (also one that appeared after :func:`check_output`)."""
    from wspolpraca_cli.fsutil import NotRegularFile, write_atomically

    check_output(path, force)
    try:
        write_atomically(path, data, overwrite=force)
    except FileExistsError:
        raise OutputExists(t("output.exists", path=path), hint=t("output.exists.hint")) from None
    except NotRegularFile as exc:  # it became one after the check above
        raise UsageError(
            t("output.not_regular", path=path, kind=t(f"file.kind.{exc.kind}")),
            hint=t("output.not_regular.hint"),
        ) from None
    except OSError as exc:
        raise FileSystemError(
            t("output.write_failed", path=path, error=exc.strerror or exc)
        ) from None


def write_streamed(path: Path, write: Callable[[TextIO], T], *, force: bool) -> T:
    """:func:`write_output` for a document written a part at a time: ``write`` gets the file
    as UTF-8 text (newlines as written); ``path`` gets it whole, or not at all when ``write``
    or the disk fails (a streamed export of millions of entries never sits in memory).
    Returns what ``write`` returns."""
    import io

    from wspolpraca_cli.fsutil import atomic_file

    check_output(path, force)
    try:
        with atomic_file(path, overwrite=force) as fh:
            text = io.TextIOWrapper(fh, encoding="utf-8", newline="")
            result = write(text)
            text.flush()
            text.detach()  # the binary file is closed by atomic_file
    except FileExistsError:
        raise OutputExists(t("output.exists", path=path), hint=t("output.exists.hint")) from None
    except OSError as exc:
        raise FileSystemError(
            t("output.write_failed", path=path, error=exc.strerror or exc)
        ) from None
    return result


def deliver_streamed(
    write: Callable[[TextIO], T],
    *,
    output: Path | None = None,
    force: bool = False,
    written: str | None = None,
) -> T:
    """:func:`deliver` for a plain document written a part at a time by ``write``: to the
    ``-o`` file (whole or nothing, :func:`write_streamed`), else to standard output as it
    comes. Returns what ``write`` returns."""
    if output is not None:
        result = write_streamed(output, write, force=force)
        message = t("output.written", path=output) if written is None else written
        if message:
            typer.echo(shown(message), err=True)  # a path may hold control characters
        return result
    result = write(sys.stdout)
    sys.stdout.flush()
    return result


def emit(text: str) -> None:
    """A result on standard output, as it is (the text carries its own final newline)."""
    sys.stdout.write(text)
    sys.stdout.flush()


def deliver(
    chosen: StrEnum,
    document: Any,
    *,
    output: Path | None = None,
    force: bool = False,
    note: str | None = None,
    table: Mapping[str, Any] | None = None,
    written: str | None = None,
) -> None:
    """Render ``document`` in the ``chosen`` format and send it where it goes: the ``-o``
    file (whole or nothing), else a terminal (its terminal renderer, if the format has one),
    else standard output as plain text. ``note`` (a message about the plain result) goes to
    standard error; a terminal renderer shows it its own way. ``table``: the renderers, when
    not those of :data:`~wspolpraca_cli.cli.formats.FORMATS`. ``written``: what to say on
    standard error once the file is written (default: its name; empty: nothing)."""
    from wspolpraca_cli.cli.formats import format_of, load

    fmt = format_of(chosen, table)
    check_output(output, force, chosen)
    console = None
    if output is None and fmt.terminal is not None:
        from wspolpraca_cli.cli.common import terminal_console

        console = terminal_console()
    if console is not None:
        load(fmt.terminal or "")(document, console)  # it shows the note itself
        return
    else:
        result = load(fmt.renderer)(document)
        if output is not None:
            data = result.encode("utf-8") if isinstance(result, str) else result
            write_output(output, data, force=force)
            message = t("output.written", path=output) if written is None else written
            if message:
                typer.echo(shown(message), err=True)
        elif isinstance(result, bytes):  # pragma: no cover - binary formats are file_only
            sys.stdout.buffer.write(result)
            sys.stdout.flush()
        else:
            emit(result)
    if note:
        typer.echo(note, err=True)

"""One output layer for every command that prints or writes a document.

- the shared options: ``--output/-o`` and ``--force`` (each command's ``--format`` lists the
  formats its document has, see :data:`wspolpraca_cli.render.FORMATS`);
- :func:`choose_format`: ``--format``, else the ``-o`` file's extension, else the default; a
  format that contradicts a known extension is a usage error;
- :func:`check_output` before any work and :func:`write_output` after it: a folder, an
  existing file without ``--force`` (exit 2), a missing folder or a failed write (exit 3);
- :func:`emit`: results to standard output (messages go to standard error, elsewhere).
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from wspolpraca_cli.errors import FileSystemError, OutputExists, UsageError
from wspolpraca_cli.i18n import t

F = TypeVar("F", bound=StrEnum)

OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help=t("opt.output"), show_default=False)
]
ForceOption = Annotated[bool, typer.Option("--force", help=t("opt.force"))]


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


def check_output(output: Path | None, force: bool) -> None:
    """Refuse early what cannot be written to ``output``: a folder or an existing file without
    ``--force`` (exit 2), a folder that does not exist (exit 3)."""
    if output is None:
        return
    if output.is_dir() or not output.name:
        raise UsageError(t("output.is_dir", path=output), hint=t("output.is_dir.hint"))
    if output.exists() and not force:
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
    from wspolpraca_cli.fsutil import write_atomically

    check_output(path, force)
    try:
        write_atomically(path, data, overwrite=force)
    except FileExistsError:
        raise OutputExists(t("output.exists", path=path), hint=t("output.exists.hint")) from None
    except OSError as exc:
        raise FileSystemError(
            t("output.write_failed", path=path, error=exc.strerror or exc)
        ) from None


def emit(text: str) -> None:
    """A result on standard output, as it is (the text carries its own final newline)."""
    sys.stdout.write(text)
    sys.stdout.flush()

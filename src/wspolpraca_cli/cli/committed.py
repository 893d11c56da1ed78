"""After a store transaction committed, a failure must not read as if nothing was stored.

Writing the confirmation may fail (standard error on a full disk, a closed pipe), Ctrl-C may
come a moment after the commit, the figure shown after a change may fail to read: the change
is in the store all the same. :func:`after_commit` turns each of these into one message that
says what was stored — ``Stored: entry 3f2a9c1b, but then the command was interrupted.`` —
on whichever of standard error and standard output still works, and exit 3. ``record``,
``correct`` and ``void`` use it; ``import`` can too::

    with after_commit() as commit:
        done = services.import_entries(ws, file)  # may raise Committed itself
        commit.stored(counted(len(done.added), "entry"))
        typer.echo(...)  # a failure from here on: "Stored: 12 entries, but …", exit 3
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

import typer

from wspolpraca_cli.errors import Committed
from wspolpraca_cli.exitcodes import ExitCode
from wspolpraca_cli.i18n import t


class Commit:
    """What a command has stored so far (None: nothing yet, failures are ordinary)."""

    def __init__(self) -> None:
        self.what: str | None = None

    def stored(self, what: str) -> None:
        """The transaction committed and stored ``what`` (``entry 3f2a9c1b``, ``12 entries``):
        from here on a failure says so."""
        self.what = what


@contextmanager
def after_commit() -> Iterator[Commit]:
    """A block in which a command stores something and then reports it: a :class:`Committed`
    error from the use case, or any failure after :meth:`Commit.stored` (an OSError, Ctrl-C,
    even a bug), is reported as what was stored and what went wrong, with exit 3. A failure
    before the commit passes through unchanged."""
    commit = Commit()
    try:
        yield commit
    except Committed as exc:
        report(exc)
    except (typer.Exit, SystemExit):
        raise
    except (Exception, KeyboardInterrupt) as exc:
        if commit.what is None:
            raise
        cause: BaseException = KeyboardInterrupt() if isinstance(exc, typer.Abort) else exc
        report(Committed(commit.what, cause))


def report(exc: Committed) -> NoReturn:
    """Show ``exc`` (and its hint) on standard error, or on standard output when standard
    error cannot be written; ignore a failure of both. Exit 3."""
    text = f"wsp: {t('error')}: {exc.message}\n"
    if exc.hint:
        text += f"  {t('hint')}: {exc.hint}\n"
    for stream in (sys.stderr, sys.stdout):
        try:
            stream.write(text)
            stream.flush()
            break
        except (Exception, KeyboardInterrupt):  # the other stream may still work
            continue
    raise typer.Exit(ExitCode.STORE_FAILURE)

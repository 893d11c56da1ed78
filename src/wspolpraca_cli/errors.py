"""Typed errors of the core. The command-line edge turns them into a message and an exit code.

The core never prints or exits: it raises one of these (or returns a list of
:class:`Diagnostic`), and :mod:`wspolpraca_cli.cli` decides how to show it.
"""

from __future__ import annotations

from wspolpraca_cli.exitcodes import ExitCode
from wspolpraca_cli.records import record


@record
class Diagnostic:
    """One located problem in an input file: ``FILE:LINE:COLUMN: message``."""

    file: str
    line: int
    column: int
    message: str
    path: str = ""
    hint: str = ""

    def format(self) -> str:
        text = f"{self.file}:{self.line}:{self.column}: {self.message}"
        if self.path:
            text += f" [{self.path}]"
        if self.hint:
            from wspolpraca_cli.i18n import t

            text += f"\n    {t('hint')}: {self.hint}"
        return text


class WspError(Exception):
    """Base of every expected error; carries the exit code the CLI should use."""

    exit_code: ExitCode = ExitCode.INVALID_INPUT

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageError(WspError):
    """Bad arguments or options (exit 2)."""


class InputError(WspError):
    """Invalid input data: a value, a period, a CSV row (exit 2)."""


class RowsRejected(InputError):
    """A file of rows refused as a whole (exit 2); ``diagnostics`` locate the bad rows or
    cells, which the command line prints one per line."""

    def __init__(self, message: str, hint: str, diagnostics: list[Diagnostic]) -> None:
        super().__init__(message, hint)
        self.diagnostics = diagnostics


class Unconfirmed(InputError):
    """A change that a person must confirm first (an implausible value, a duplicate entry):
    exit 2 when nobody confirms it. ``question`` asks for the confirmation; ``concern`` names
    what is confirmed, so that the caller can call again with it among the confirmed ones."""

    concern = ""

    def __init__(self, message: str, hint: str, question: str) -> None:
        super().__init__(message, hint)
        self.question = question


class ProgramInvalid(WspError):
    """A programme file with one or more located problems (exit 2)."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        first = diagnostics[0].file if diagnostics else "programme"
        count = len(diagnostics)
        super().__init__(f"{first}: {count} error{'' if count == 1 else 's'}")


class ProgramNotFound(WspError):
    """No programme file where one was expected (exit 2)."""


class UnknownId(WspError):
    """An id that is not in the programme; carries close matches for a did-you-mean (exit 2)."""

    def __init__(self, message: str, suggestions: list[str] | None = None, hint: str = "") -> None:
        super().__init__(message, hint)
        self.suggestions = suggestions or []


class OutputExists(WspError):
    """An output file exists and ``--force`` was not given (exit 2)."""


class StoreError(WspError):
    """The measurement store cannot be used: damaged, locked, read-only, disk full (exit 3)."""

    exit_code = ExitCode.STORE_FAILURE


class Committed(StoreError):
    """A change was stored (``stored`` says what: ``entry 3f2a9c1b``, ``12 entries``), but
    something failed after the commit (``cause``: Ctrl-C, a read that failed, writing the
    confirmation): exit 3, and the message says what is in the store — never "nothing was
    stored" nor a bare "interrupted"."""

    def __init__(self, stored: str, cause: BaseException) -> None:
        from wspolpraca_cli.i18n import t

        super().__init__(
            t("committed.but", stored=stored, what=failure_text(cause)), hint=t("committed.hint")
        )
        self.stored = stored
        self.cause = cause


def failure_text(cause: BaseException) -> str:
    """What went wrong, as a phrase for :class:`Committed`."""
    from wspolpraca_cli.i18n import t

    if isinstance(cause, KeyboardInterrupt):
        return t("committed.interrupted")
    if isinstance(cause, WspError):
        detail = cause.message
    elif isinstance(cause, OSError):
        detail = cause.strerror or str(cause)
    else:
        detail = f"{type(cause).__name__}: {cause}"
    return t("committed.failed", error=detail.rstrip().rstrip("."))  # the message ends with "."


class FileSystemError(WspError):
    """Reading or writing a file failed for a reason outside the user's data (exit 3)."""

    exit_code = ExitCode.STORE_FAILURE

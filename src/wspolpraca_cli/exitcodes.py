"""Exit codes shared by every command (one enum, documented in --help and README)."""

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes of ``wsp``."""

    OK = 0
    """Success."""
    SHORTFALL = 1
    """``wsp check`` found an indicator that is missed or overdue."""
    INVALID_INPUT = 2
    """Usage error or invalid input: arguments, programme file, CSV, period, existing output."""
    STORE_FAILURE = 3
    """Store or file-system failure: damaged, locked or read-only store, full disk."""
    INTERNAL_ERROR = 70
    """A bug in wsp (re-run with --debug and report it)."""
    INTERRUPTED = 130
    """Interrupted by Ctrl-C."""

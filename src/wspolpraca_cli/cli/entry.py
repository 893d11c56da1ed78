"""The console script's entry point: Ctrl-C is answered before anything else is imported.

Importing the application (Typer, the commands, the catalogues) takes most of a short run.
A Ctrl-C in that time used to surface as a ``KeyboardInterrupt`` traceback from whichever
import it hit. So :func:`main` first installs :func:`_interrupted`, which writes one line and
ends the process with exit 130 at once — nothing has been opened or written yet — and only then
imports the application. While a command runs, ``WspGroup.invoke`` swaps in Python's own
handler (a ``KeyboardInterrupt`` lets a transaction roll back and a command say what it
stored); once the command is done, Ctrl-C is ignored (its output and exit code stand, and the
interpreter, shutting down, would otherwise die of the signal).

What no code of wsp can cover is the interpreter's own start (``site``, and the ``import re``
of the script pip writes), a few milliseconds before this module runs.

This module imports only ``signal`` (0.5 ms once ``re`` is loaded) and the built-in ``gc``
before the handler is in place: not even ``typing`` or ``__future__``.
"""

import gc
import os
import signal
import sys

INTERRUPTED = 130
"""``ExitCode.INTERRUPTED``, without importing the exit codes first."""


def main() -> None:
    """``wsp``: Ctrl-C handling first, then the application.

    Python's cycle collector is paused while the application is imported and its command
    built: what that makes lives until the process ends, and the collector's passes over it
    were a tenth of the start-up. The application turns it back on before the command runs
    (:func:`wspolpraca_cli.cli.app.main`), with everything made so far frozen (never
    traversed again)."""
    install_quick_interrupt()
    gc.disable()
    try:
        from wspolpraca_cli.i18n import detect_language, set_language

        # Before the commands are imported: their option help texts are built then.
        set_language(detect_language(sys.argv[1:]))
        from wspolpraca_cli.cli.app import main as run

        run()
    finally:
        # Done, exit code chosen: a Ctrl-C while the interpreter shuts down changes nothing.
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def install_quick_interrupt() -> None:
    """Let Ctrl-C end the process at once, with one line and exit 130 (no traceback)."""
    signal.signal(signal.SIGINT, _interrupted)


def quick_interrupt_installed() -> bool:
    """Whether Ctrl-C is answered by :func:`_interrupted` (only when started by :func:`main`;
    never under a test runner that calls the application directly)."""
    return signal.getsignal(signal.SIGINT) is _interrupted


def _interrupted(signum: int, frame: object) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not interrupt this
    try:
        os.write(2, (_message() + "\n").encode(errors="replace"))
    finally:  # even when standard error is gone
        os._exit(INTERRUPTED)


def _message() -> str:
    """The catalogue's ``interrupted`` message in the language of the command line. The
    catalogue may be half imported at this moment; then the English text is all there is."""
    try:
        from wspolpraca_cli.i18n import chosen_language, get_language
        from wspolpraca_cli.i18n.catalog_core import MESSAGES

        polish, english = MESSAGES["interrupted"]
        return polish if (chosen_language(sys.argv[1:]) or get_language()) == "pl" else english
    except Exception:
        return "Interrupted."

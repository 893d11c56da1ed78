"""Polish for the texts that Typer's bundled Click writes itself: help frames and usage errors.

Click composes these in English (``Usage:``, ``Options:``, ``No such option: --x``); they are
translated here, after Click has written them, when the language is Polish. Anything not
recognised stays as Click wrote it.
"""

from __future__ import annotations

import io
import re
from typing import Any

from wspolpraca_cli.i18n import get_language

_HELP_PL: tuple[tuple[str, str], ...] = (
    ("Usage: ", "Użycie: "),
    ("[OPTIONS]", "[OPCJE]"),
    ("COMMAND [ARGS]...", "POLECENIE [ARGUMENTY]..."),
    ("\nOptions:\n", "\nOpcje:\n"),
    ("\nArguments:\n", "\nArgumenty:\n"),
    ("\nCommands:\n", "\nPolecenia:\n"),
    ("Show this message and exit.", "Pokaż tę pomoc i zakończ."),
    ("Show the version and exit.", "Pokaż wersję i zakończ."),
    ("[env var: ", "[zmienna środowiskowa: "),
    ("[default: ", "[domyślnie: "),
    ("[required]", "[wymagane]"),
)

_ERRORS_PL: tuple[tuple[str, str], ...] = (
    (r"Try '(.+?)' for help\.", r"Pomoc: \1"),
    (r"(?m)^Error: ", "Błąd: "),
    (r"No such option: (\S+)", r"nie ma opcji \1"),
    (r"Did you mean (.+?)\?", r"Czy chodziło o \1?"),
    (r"\(Possible options: (.+)\)", r"(możliwe opcje: \1)"),
    (r"No such command '(.+?)'\.", r"nie ma polecenia '\1'."),
    (r"Missing argument '(.+?)'\.", r"brak argumentu '\1'."),
    (r"Missing option '(.+?)'\.", r"brak wymaganej opcji '\1'."),
    (r"Option '(.+?)' requires an argument\.", r"opcja '\1' wymaga wartości."),
    (r"Got unexpected extra arguments? \((.+)\)", r"nieoczekiwane dodatkowe argumenty (\1)"),
    (r"Invalid value for (.+?): ", r"niepoprawna wartość parametru \1: "),
    (r"Invalid value: ", "niepoprawna wartość: "),
    (r"'(.*?)' is not one of (.+)\.", r"'\1' nie należy do dozwolonych wartości: \2."),
    (r"'(.*?)' is not a valid int(?:eger)?\.", r"'\1' nie jest liczbą całkowitą."),
    (r"'(.*?)' is not a valid float\.", r"'\1' nie jest liczbą."),
    (r"'(.*?)' is not a valid boolean\.", r"'\1' nie jest wartością logiczną."),
)


def help_text(text: str) -> str:
    """A help screen or usage line in the current language."""
    if get_language() != "pl":
        return text
    for english, polish in _HELP_PL:
        text = text.replace(english, polish)
    return text


def error_text(text: str) -> str:
    """A usage error as Click printed it, in the current language."""
    if get_language() != "pl":
        return text
    text = help_text(text)
    for pattern, polish in _ERRORS_PL:
        text = re.sub(pattern, polish, text)
    return text


def localise_error(exc: Any) -> None:
    """Make a Click exception show itself in the current language."""
    original = exc.show

    def show(file: Any = None) -> None:
        buffer = io.StringIO()
        original(file=buffer)
        import sys

        target = file if file is not None else sys.stderr
        target.write(error_text(buffer.getvalue()))
        target.flush()

    exc.show = show


_METAVARS_PL: dict[str, str] = {
    "<str>": "<tekst>",
    "<int>": "<liczba>",
    "<float>": "<liczba>",
    "<path>": "<ścieżka>",
    "<file>": "<plik>",
    "YYYY-MM-DD": "RRRR-MM-DD",
    "K=V": "KLUCZ=WARTOŚĆ",
    "VALUE": "WARTOŚĆ",
    "ENTRY": "WPIS",
    "FILE": "PLIK",
}


def _polish_metavar(text: str) -> str:
    if get_language() != "pl":
        return text
    for english, polish in _METAVARS_PL.items():
        text = text.replace(english, polish)
    return text


def install_metavars() -> None:
    """Let option and argument placeholders (``<str>``, ``VALUE``) follow the language.

    They are computed while Click lays out the help, so translating them there keeps the
    columns aligned (a replacement in the finished text would not)."""
    from typer.core import TyperArgument, TyperOption

    for cls in (TyperOption, TyperArgument):
        original = cls.make_metavar
        if getattr(original, "_wsp_localised", False):
            continue

        def make_metavar(self: Any, *args: Any, _original: Any = original, **kwargs: Any) -> str:
            return _polish_metavar(_original(self, *args, **kwargs))

        make_metavar._wsp_localised = True  # type: ignore[attr-defined]
        cls.make_metavar = make_metavar  # type: ignore[method-assign]

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
    ("Show this message and exit.", "Pokaż tę pomoc i zakończ."),
    ("Show the version and exit.", "Pokaż wersję i zakończ."),
)

_ERRORS_PL: tuple[tuple[str, str], ...] = (
    (r"Try '(.+?)' for help\.", r"Pomoc: \1"),
    (r"No such option: (\S+)", r"nie ma opcji \1"),
    (r"Did you mean (.+?)\?", r"Czy chodziło o \1?"),
    (r"\(Possible options: (.+)\)", r"(możliwe opcje: \1)"),
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
    """A usage error as Click printed it, in the current language, with wsp's one error
    prefix (``wsp: error:``, ``wsp: błąd:``) where Click writes ``Error:``."""
    from wspolpraca_cli.i18n import t

    prefix = f"wsp: {t('error')}: "
    text = re.sub(r"(?m)^Error: ", lambda _: prefix, text)
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


_TYPER_PL: dict[str, str] = {
    "env var: {var}": "zmienna środowiskowa: {var}",
    "default: {default}": "domyślnie: {default}",
    "required": "wymagane",
    "(dynamic)": "(zmienna)",
    "Arguments": "Argumenty",
    "Options": "Opcje",
    "Commands": "Polecenia",
    "Missing command.": "brak polecenia.",
    "No such command {name!r}.": "nie ma polecenia {name!r}.",
}


def _typer_text(message: str) -> str:
    """Typer's own gettext-style texts (``[env var: …]``, section titles) in the language."""
    if get_language() != "pl":
        return message
    return _TYPER_PL.get(message, message)


def argument_metavar(param: Any, usage: bool = False) -> str:
    """An argument's placeholder, the same in the usage line, the help and the errors: upper
    case, in the language (``ENTRY`` → ``WPIS``), in brackets on the usage line when optional
    (``wsp validate [FILE]``, ``wsp show ID``)."""
    name = _polish_metavar((param.metavar or param.name or "").strip("[]{}").upper())
    if param.nargs != 1:
        name += "..."
    return f"[{name}]" if usage and not param.required else name


def install_metavars() -> None:
    """Let option and argument placeholders (``<str>``, ``VALUE``) and Typer's own texts
    (``[env var: …]``, ``Options``) follow the language.

    They are computed while Click lays out the help, so translating them there keeps the
    columns aligned and the lines wrapped where they should be (a replacement in the finished
    text would not)."""
    import typer.core
    from typer.core import TyperArgument, TyperOption

    typer.core._ = _typer_text  # type: ignore[attr-defined]
    original = TyperOption.make_metavar
    if getattr(original, "_wsp_localised", False):
        return

    def option_metavar(self: Any, *args: Any, _original: Any = original, **kwargs: Any) -> str:
        return _polish_metavar(_original(self, *args, **kwargs))

    def make_metavar(self: Any, ctx: Any = None, *, usage: bool = False) -> str:
        return argument_metavar(self, usage)

    option_metavar._wsp_localised = True  # type: ignore[attr-defined]
    TyperOption.make_metavar = option_metavar  # type: ignore[method-assign]
    TyperArgument.make_metavar = make_metavar  # type: ignore[method-assign]
    TyperArgument.human_readable_name = property(argument_metavar)  # type: ignore[assignment,method-assign]

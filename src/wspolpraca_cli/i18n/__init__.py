"""Polish and English messages.

Every user-facing string has a key in one of the catalogues (``catalog_*.py``), each a
mapping ``key -> (polish, english)`` — data, one per area, which is why some run past
500 lines. :func:`t` formats the message in the current
language. The language is chosen by ``--lang``, else ``WSP_LANG``, else the locale, else
(when the locale names no language, as under cron or ``LANG=C.UTF-8``) the programme's own
``language`` — Polish by default, which is also the language of help screens then.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cache

_current = ["en"]


_AREAS = ("core", "status", "program", "store", "report", "audit", "draft", "grants")
"""The catalogues, in the order :func:`t` reads them: a message is looked for in the ones read
so far, and the next one is read only when it is not there (no key is in two catalogues, a
test says so). ``wsp status`` reads the first two of eight (a tenth of its start-up was
reading all)."""
_read: dict[str, tuple[str, str]] = {}
_unread = list(_AREAS)


def _message(key: str) -> tuple[str, str] | None:
    pair = _read.get(key)
    while pair is None and _unread:
        area = _unread.pop(0)
        module = __import__(f"wspolpraca_cli.i18n.catalog_{area}", fromlist=["MESSAGES"])
        _read.update(module.MESSAGES)
        pair = _read.get(key)
    return pair


def has_message(key: str) -> bool:
    """Whether a catalogue has the message ``key`` (reading them only as far as needed)."""
    return _message(key) is not None


@cache
def catalog() -> dict[str, tuple[str, str]]:
    """Every message of every catalogue (key -> (polish, english))."""
    merged: dict[str, tuple[str, str]] = {}
    for area in ("core", "program", "draft", "store", "status", "report", "audit", "grants"):
        module = __import__(f"wspolpraca_cli.i18n.catalog_{area}", fromlist=["MESSAGES"])
        merged.update(module.MESSAGES)
    return merged


def chosen_language(
    argv: list[str] | None = None, environ: Mapping[str, str] | None = None
) -> str | None:
    """``--lang`` in argv, else ``WSP_LANG``, else a locale that names a language; None when
    nothing names one (no locale, or ``C``/``POSIX``, as under cron)."""
    env = os.environ if environ is None else environ
    args = argv or []
    for n, arg in enumerate(args):
        if arg == "--lang" and n + 1 < len(args):
            return normalise(args[n + 1])
        if arg.startswith("--lang="):
            return normalise(arg.split("=", 1)[1])
    if env.get("WSP_LANG"):
        return normalise(env["WSP_LANG"])
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(var, "")
        if value:
            base = value.split(".")[0].split("@")[0]
            if base in ("C", "POSIX"):
                return None
            return "pl" if base.lower().startswith("pl") else "en"
    return None


DEFAULT_LANGUAGE = "pl"
"""The language when nothing names one and no programme is read yet (help, usage errors):
a programme's own default language, so that under ``LANG=C`` help and output agree."""


def detect_language(argv: list[str] | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The language chosen by :func:`chosen_language`, else :data:`DEFAULT_LANGUAGE`."""
    return chosen_language(argv, environ) or DEFAULT_LANGUAGE


def parse_language(text: str) -> str | None:
    """``pl`` or ``en`` for a language the user names (``pl``, ``PL``, ``pl_PL``, ``en_GB``…),
    None for anything else."""
    low = text.strip().lower().replace("-", "_").split(".")[0]
    if low in ("pl", "pl_pl"):
        return "pl"
    if low == "en" or low.startswith("en_"):
        return "en"
    return None


def normalise(lang: str) -> str:
    low = lang.strip().lower()
    return "pl" if low.startswith("pl") else "en"


def set_language(lang: str) -> None:
    _current[0] = normalise(lang)


def get_language() -> str:
    return _current[0]


def t(key: str, /, **values: object) -> str:
    """The message ``key`` in the current language, formatted with ``values``."""
    pair = _read.get(key) or _message(key)
    if pair is None:
        raise KeyError(f"no message {key!r} in the catalogues")
    text = pair[0] if _current[0] == "pl" else pair[1]
    return text.format(**values) if values else text


def plural_index(count: int, lang: str) -> int:
    """The one plural rule: 0 (one), 1 (few) or 2 (many) in Polish — 1 wpis, 2–4 wpisy,
    5–21 wpisów, 22–24 wpisy (12–14 take many) — and 0 (one) or 1 (other) in English."""
    n = abs(count)
    if lang != "pl":
        return 0 if n == 1 else 1
    if n == 1:
        return 0
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return 1
    return 2


def plural(count: int, key: str) -> str:
    """``count`` with the right form of the noun ``key`` in the current language.

    A plural key's texts list the forms separated by ``|``: Polish one|few|many
    (``wpis|wpisy|wpisów``), English one|other (see :func:`plural_index`).
    """
    forms = t(key).split("|")
    index = plural_index(count, _current[0])
    return f"{count} {forms[min(index, len(forms) - 1)]}"

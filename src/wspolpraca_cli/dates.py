"""Dates as people type them, read the same way wherever a date is accepted: ``2024-04-02``
(ISO) or the Polish ``2.04.2024``. Nothing else: ``date.fromisoformat`` alone would also take
``20240402`` or ``2024-W14-2``, which nobody means on a command line."""

from __future__ import annotations

import re
from datetime import date

from wspolpraca_cli.errors import InputError
from wspolpraca_cli.i18n import t

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)  # not ٢٠٢٤ or ２０２４
_POLISH = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", re.ASCII)


def read_date(text: str) -> date | None:
    """The date ``text`` names (``YYYY-MM-DD`` or ``D.MM.YYYY``), None when it names none."""
    raw = text.strip()
    try:
        if iso := _ISO.fullmatch(raw):
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        if polish := _POLISH.fullmatch(raw):
            return date(int(polish[3]), int(polish[2]), int(polish[1]))
    except ValueError:  # 2024-02-30
        return None
    return None


def parse_date(text: str, *, option: str | None = None) -> date:
    """:func:`read_date`, or an InputError (exit 2) naming ``option`` when it is given."""
    day = read_date(text)
    if day is None:
        message = (
            t("date.invalid_option", date=text, option=option)
            if option
            else t("date.invalid", date=text)
        )
        raise InputError(message, hint=t("date.hint"))
    return day

"""Numbers, amounts, percentages, values and dates for people, in one place per language:
``1 234,5`` in Polish, ``1,234.5`` in English.

Polish groups thousands with a non-breaking space (U+00A0) and marks decimals with a comma.
Pure and dependency-free, so every renderer (status, report) can share it.
"""

from __future__ import annotations

import math
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

# Imported once here, not in every call: a status table formats thousands of cells (the
# function-level imports were a tenth of its plain table's time). None of them imports this.
from wspolpraca_cli.i18n import t
from wspolpraca_cli.model import Unit
from wspolpraca_cli.targets import MAGNITUDES, TargetKind

if TYPE_CHECKING:
    from wspolpraca_cli.model import Indicator

NBSP = "\u00a0"
DASH = "—"


@lru_cache(maxsize=4096)
def format_number(value: float | None, lang: str, decimals: int | None = None) -> str:
    """``value`` grouped and with the language's decimal mark.

    ``decimals`` None: at most two decimals, trailing zeros dropped (``3``, ``2,5``,
    ``0,33``); a number: exactly that many. None or a non-finite value gives ``—``.
    Remembered: a report formats the same few values tens of thousands of times (the
    numbers that compare equal, ``0.0`` and ``-0.0``, ``2`` and ``2.0``, show the same).
    """
    if value is None or not math.isfinite(value):
        return DASH
    if decimals is None and float(value).is_integer():  # the common case: no decimals to drop
        text = f"{int(abs(value)):,}"
    else:
        places = 2 if decimals is None else max(decimals, 0)
        text = f"{abs(value):,.{places}f}"
        if decimals is None and "." in text:
            text = text.rstrip("0").rstrip(".")
    if text.strip("0,.") == "":
        value = 0.0  # no "-0"
    sign = "-" if value < 0 else ""
    if lang == "pl":
        text = text.replace(",", NBSP).replace(".", ",")
    return sign + text


def is_whole_amount(value: float) -> bool:
    """Whether an amount shows without decimals: it is whole to the grosz (``9 000 000``,
    also ``0,996`` rounds to ``1``)."""
    return abs(value - round(value)) < 0.005


def format_amount(value: float | None, lang: str) -> str:
    """Money: a whole amount without decimals (``9 000 000``), else exactly two
    (``120 000,50``; English ``120,000.50``). None or a non-finite value gives ``—``."""
    if value is None or not math.isfinite(value):
        return DASH
    return format_number(value, lang, 0 if is_whole_amount(value) else 2)


def format_percent(ratio: float | None, lang: str, decimals: int = 0, *, sign: bool = True) -> str:
    """A ratio as a percentage (``0.6`` → ``60%``; without ``sign``: ``60``, for a column
    whose header says ``(%)``). A ratio just under 1 never shows as ``100%`` (it is not
    achieved yet), nor a ratio above 0 as ``0%``; None gives ``—``."""
    if ratio is None or not math.isfinite(ratio):
        return DASH
    percent = clamped_percent(ratio, decimals)
    assert percent is not None
    return format_number(percent, lang, decimals) + ("%" if sign else "")


def clamped_percent(ratio: float | None, decimals: int = 1) -> float | None:
    """The percentage shown for ``ratio`` (``0.6`` → ``60.0``), rounded to ``decimals``
    with the same clamp as :func:`format_percent`: never 100 for a ratio under 1, never 0
    for a ratio above 0 (and the mirror for negative ratios). None stays None."""
    if ratio is None or not math.isfinite(ratio):
        return None
    percent = ratio * 100
    shown = round(percent, decimals)
    step = 10.0**-decimals
    if percent < 100 and shown >= 100:
        shown = round(100 - step, decimals)
    if percent > 0 and shown <= 0:
        shown = step
    elif percent < 0 and shown >= 0:
        shown = -step
    return shown


def plural_form(count: int, lang: str) -> str:
    """``one``, ``few`` or ``many``: the Polish plural forms (1 wpis, 2–4 wpisy, 5 wpisów;
    12–14 take ``many``); English has ``one`` and ``many``."""
    from wspolpraca_cli.i18n import plural_index

    index = plural_index(count, lang)
    return "one" if index == 0 else "few" if index == 1 and lang == "pl" else "many"


def years_label(first: int, last: int) -> str:
    """``2021–2025``; one year alone for a single-year programme (``2026``)."""
    return str(first) if first == last else f"{first}–{last}"


def format_date(day: date, lang: str) -> str:
    """``10 marca 2024`` (month in the genitive) or ``10 March 2024``."""
    from wspolpraca_cli.periods import MONTHS_EN, MONTHS_PL_GENITIVE

    months = MONTHS_PL_GENITIVE if lang == "pl" else MONTHS_EN
    return f"{day.day} {months[day.month - 1]} {day.year}"


def format_value(value: float | None, ind: Indicator, lang: str) -> str:
    """An aggregated figure of ``ind`` as status, check and reports show it: at most two
    decimals (money: none or exactly two), ``%`` for percentages, ``tak``/``yes``; a format-2
    unit as the document writes it follows the number (``12 osoby``, ``850 tys. zł``)."""
    text = _bare_value(value, ind, lang)
    return with_unit(text, ind) if value is not None else text


def with_unit(text: str, ind: Indicator) -> str:
    """A figure with the indicator's unit after it, as the document writes it (format 2:
    ``40 km``; nothing for format 1's units, a percentage or a yes/no)."""
    return f"{text} {ind.unit_shown}" if ind.unit_shown else text


def _bare_value(value: float | None, ind: Indicator, lang: str) -> str:
    if value is None:
        return DASH
    if ind.unit is Unit.YESNO or ind.target.kind is TargetKind.MILESTONE:
        return t("value.yes") if value >= 0.5 else t("value.no")
    if ind.unit is Unit.AMOUNT and not ind.unit_magnitude:
        return format_amount(value, lang)  # money: 120 000,50 or 9 000 000
    text = format_number(value, lang)  # (thousands of zł: 8 500, 12,5)
    if ind.unit is Unit.PERCENT or ind.target.percent:
        text += "%"
    return text


def format_target(value: float | None, ind: Indicator, lang: str) -> str:
    """A target figure: as :func:`format_value`, with ``≤``/``≥`` for a ceiling or floor
    (``<``/``>`` for less or more than), ``3–6`` for a range; a target the document wrote
    with a magnitude word shows in it (``8,5 mln``; English ``8.5 million``)."""

    if value is None:
        return DASH
    return with_unit(_target_text(value, ind, lang), ind)


def _target_text(value: float, ind: Indicator, lang: str) -> str:
    target = ind.target
    text = _target_figure(value, ind, lang)
    if target.kind is TargetKind.CEILING:
        return f"< {text}" if target.strict else f"≤ {text}"
    if target.kind is TargetKind.FLOOR:
        return f"> {text}" if target.strict else f"≥ {text}"
    if target.kind is TargetKind.CHANGE:  # the level the change comes to from the baseline
        return f"≤ {text}" if target.descending else f"≥ {text}"
    if target.kind is TargetKind.RANGE and target.upper is not None:
        # the period's upper bound, in the same proportion as its lower one (a programme's
        # total of a range per year is the range times the years)
        low = target.value or 0.0
        upper = target.upper * (value / low) if low and value != low else target.upper
        high = _target_figure(upper, ind, lang)
        if target.magnitude:
            return f"{_in_magnitude(value, target.magnitude, lang)}–{high}"
        return f"{text.removesuffix('%')}–{high}"
    return text


_MAGNITUDE_NAMES = {
    "pl": {"tys.": "tys.", "mln": "mln", "mld": "mld"},
    "en": {"tys.": "thousand", "mln": "million", "mld": "billion"},
}


def _target_figure(value: float, ind: Indicator, lang: str) -> str:
    magnitude = ind.target.magnitude
    if not magnitude:
        return _bare_value(value, ind, lang)
    names = _MAGNITUDE_NAMES.get(lang, _MAGNITUDE_NAMES["en"])
    return f"{_in_magnitude(value, magnitude, lang)} {names[magnitude]}"


def _in_magnitude(value: float, magnitude: str, lang: str) -> str:
    text = format_number(value / MAGNITUDES[magnitude], lang, 3)
    mark = "," if lang == "pl" else "."
    return text.rstrip("0").rstrip(mark) if mark in text else text


MAX_SHOWN_DECIMALS = 6
"""Decimals shown to people at most (messages, history table); machine outputs stay exact."""


def format_recorded(value: float | None, unit: Unit, lang: str) -> str:
    """An entry's value as it was recorded (messages that echo it, the history table):
    ``120 000,5`` in Polish, ``120,000.5`` in English, money as :func:`format_amount`,
    ``35%``, ``tak``/``yes``; decimals as recorded, at most :data:`MAX_SHOWN_DECIMALS`.
    Aggregated figures (totals, actuals) are shown by :func:`format_value`, as status does."""
    from wspolpraca_cli.numbers import format_plain

    if value is None:
        return "—"
    if unit is Unit.YESNO:
        return t("record.word.yes") if value else t("record.word.no")
    if not math.isfinite(value):
        return format_number(value, lang)
    if unit is Unit.AMOUNT:  # as status and reports show money: 9 000 000, 120 000,50
        return format_amount(value, lang)
    _, _, fraction = format_plain(value).partition(".")
    places = min(len(fraction), MAX_SHOWN_DECIMALS)
    text = format_number(value, lang, places)
    if places:
        mark = "," if lang == "pl" else "."
        text = text.rstrip("0").rstrip(mark)
    return f"{text}%" if unit is Unit.PERCENT else text

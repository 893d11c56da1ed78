"""Reading numbers as a clerk types them: ``1,5``, ``1.5``, ``8 500 000``, ``8500000,00``.

Digits are ASCII only: Python's ``float()`` and ``int()`` (and the ``\\d`` of a regular
expression) also read Arabic-Indic ``٣`` and full-width ``３``, which nobody types on purpose
into a measurement and which no spreadsheet reads back as a number."""

from __future__ import annotations

import math
import re

from wspolpraca_cli.i18n import t

_SEPARATORS = " \u00a0\u202f\u2009_'"
_SPACES = str.maketrans("", "", _SEPARATORS)
_GROUPED = rf"^[+-]?\d{{1,3}}(?:[{_SEPARATORS}]\d{{3}})+(?:[.,]\d+)?$"
_PLAIN = r"^[+-]?(\d+([.,]\d+)?|[.,]\d+)$"
_DOT_THOUSANDS = r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$"
_COMMA_THOUSANDS = r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$"
_AMBIGUOUS = r"^([+-]?[1-9]\d{0,2})[.,](\d{3})$"
LARGEST = 1e15
"""Larger numbers lose digits in a float: refused rather than silently rounded."""


class AmbiguousNumber(ValueError):
    """``12.500`` or ``12,500``: thousands or decimals? Refused with both readings."""


def parse_number(text: str, *, strict: bool = False) -> float:
    """Parse a decimal number written the Polish or the English way.

    Spaces (also non-breaking) group thousands, in groups of three digits; a single comma or
    dot is the decimal mark; ``8.500.000,00`` and ``8,500,000.00`` are read with their
    grouping. With ``strict`` (amounts and counts, where a clerk may group thousands with a
    dot), ``12.500`` and ``12,500`` are ambiguous and refused, and so are numbers of 16 digits
    or more, which a float cannot hold exactly. Raises ValueError.
    """
    stripped = text.strip()
    compact = stripped.translate(_SPACES)
    if not compact:
        raise ValueError(t("prog.number.empty"))
    if not compact.isascii():  # other digits (٣, ３), other signs: the regexes are ASCII only
        raise ValueError(t("prog.number.invalid", text=text))
    if compact != stripped and not re.match(_GROUPED, stripped):
        raise ValueError(t("prog.number.invalid", text=text))  # "1 5", "12 34"
    if strict and (m := re.match(_AMBIGUOUS, compact)):
        whole, fraction = m[1] + m[2], f"{m[1]},{m[2].rstrip('0') or '0'}"
        raise AmbiguousNumber(t("prog.number.ambiguous", text=text, whole=whole, fraction=fraction))
    if re.match(_PLAIN, compact):
        value = float(compact.replace(",", "."))
    elif re.match(_DOT_THOUSANDS, compact):
        value = float(compact.replace(".", "").replace(",", "."))
    elif re.match(_COMMA_THOUSANDS, compact):
        value = float(compact.replace(",", ""))
    else:
        raise ValueError(t("prog.number.invalid", text=text))
    if not math.isfinite(value):
        raise ValueError(t("prog.number.not_finite", text=text))
    if strict and abs(value) >= LARGEST:
        raise ValueError(t("prog.number.too_large", text=text))
    return value


def parse_whole(text: str) -> int:
    """A whole number in ASCII digits (``2024``, ``-1``), as an option such as ``--year``
    takes it; ``٢٠٢٤`` and ``２０２４`` are refused, though ``int()`` reads them. Raises
    ValueError with the message a command line shows for a bad whole number."""
    raw = text.strip()
    if not re.fullmatch(r"[+-]?[0-9]+", raw, re.ASCII):
        raise ValueError(t("number.not_whole", text=text))
    return int(raw)


def format_plain(value: float) -> str:
    """A short, exact, locale-neutral rendering (``1``, ``1.5``, ``10000.01``)."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    text = repr(value)
    return text if "e" not in text else f"{value:f}".rstrip("0").rstrip(".")

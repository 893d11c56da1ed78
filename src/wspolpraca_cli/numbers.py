"""Reading numbers as a clerk types them: ``1,5``, ``1.5``, ``8 500 000``, ``8500000,00``."""

from __future__ import annotations

import math
import re

from wspolpraca_cli.i18n import t

_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009_'")
_PLAIN = r"^[+-]?(\d+([.,]\d+)?|[.,]\d+)$"
_DOT_THOUSANDS = r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$"
_COMMA_THOUSANDS = r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$"


def parse_number(text: str) -> float:
    """Parse a decimal number written the Polish or the English way.

    Spaces (also non-breaking) group thousands; a single comma or dot is the decimal mark;
    ``8.500.000,00`` and ``8,500,000.00`` are read with their grouping. Raises ValueError.
    """
    compact = text.strip().translate(_SPACES)
    if not compact:
        raise ValueError(t("prog.number.empty"))
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
    return value


def format_plain(value: float) -> str:
    """A short, exact, locale-neutral rendering (``1``, ``1.5``, ``10000.01``)."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    text = repr(value)
    return text if "e" not in text else f"{value:f}".rstrip("0").rstrip(".")

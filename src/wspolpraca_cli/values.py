"""Reading a measured value as a clerk types it, for an indicator's unit.

``1.5`` and ``1,5``; amounts grouped with spaces (``8 500 000``) or written with a decimal
comma (``8500000,00``), with or without a trailing ``zł`` or ``PLN``; ``35%`` for a percentage
(stored as 35); ``tak``/``nie``/``yes``/``no`` for a yes/no milestone (stored as 1/0). Counts
are whole numbers; counts and amounts are not negative. Anything else raises
:class:`~wspolpraca_cli.errors.InputError` naming the forms accepted for that unit.
"""

from __future__ import annotations

from wspolpraca_cli.errors import InputError
from wspolpraca_cli.i18n import t
from wspolpraca_cli.model import Unit
from wspolpraca_cli.numbers import AmbiguousNumber, parse_number
from wspolpraca_cli.targets import magnitude_suffix, scaled

YES_WORDS = frozenset({"tak", "yes", "t", "y", "true", "1"})
NO_WORDS = frozenset({"nie", "no", "n", "false", "0"})
_PERCENT_SIGNS = "%\uff05"
_CURRENCIES = ("zł", "zl", "pln")
"""What may follow an amount (any case): ``1 500,50 zł``, ``1500 PLN``."""


def _magnitude(raw: str) -> tuple[str, str]:
    """``raw`` without a trailing magnitude word and currency (``8,5 mln zł`` → ``8,5``,
    ``mln``); the canonical magnitude word, or "" without one."""
    return magnitude_suffix(raw)


def accepted_forms(unit: Unit) -> str:
    """The value forms accepted for ``unit``, for messages and prompts."""
    return t(f"value.forms.{unit.value}")


def parse_value(text: str, unit: Unit, *, indicator: str | None = None) -> float:
    """The value ``text`` for an indicator measured in ``unit``. Raises InputError;
    ``indicator`` (its id) names the indicator in messages."""
    raw = text.strip()
    if unit is Unit.YESNO:
        word = raw.casefold()
        if word in YES_WORDS:
            return 1.0
        if word in NO_WORDS:
            return 0.0
        raise InputError(t("value.invalid", value=text), hint=accepted_forms(unit))
    folded = raw.casefold().rstrip(".")
    currency = next((c for c in _CURRENCIES if folded.endswith(c)), "")
    if currency and unit is not Unit.AMOUNT:  # a currency belongs to amounts only
        raise InputError(t("value.invalid", value=text), hint=accepted_forms(unit))
    if currency:
        raw = raw[: len(raw.rstrip(".")) - len(currency)].rstrip()
    percent = raw.endswith(tuple(_PERCENT_SIGNS))
    if percent:
        if unit is not Unit.PERCENT:
            raise InputError(t("value.percent_not_allowed", value=text), hint=accepted_forms(unit))
        raw = raw[:-1].rstrip()
    raw, magnitude = _magnitude(raw)
    if magnitude and (percent or unit is Unit.PERCENT):
        raise InputError(t("value.magnitude_percent", value=text), hint=accepted_forms(unit))
    try:
        # Counts and amounts are where a clerk may group thousands with a dot (12.500):
        # read them strictly, so that an ambiguous number is refused, not misread (before a
        # magnitude word nobody groups thousands: 1.234 mln is 1 234 000).
        strict = unit in (Unit.COUNT, Unit.AMOUNT) and not magnitude
        value = scaled(parse_number(raw, strict=strict), magnitude)
    except AmbiguousNumber as exc:
        message = str(exc)
        raise InputError(message[:1].upper() + message[1:], hint=accepted_forms(unit)) from None
    except ValueError:
        raise InputError(t("value.invalid", value=text), hint=accepted_forms(unit)) from None
    if value == 0:
        value = 0.0  # no negative zero
    if unit in (Unit.COUNT, Unit.AMOUNT) and value < 0:
        raise InputError(t("value.negative", value=text), hint=accepted_forms(unit))
    if unit is Unit.COUNT and value != int(value):
        message = (
            t("value.not_whole_id", id=indicator, value=text)
            if indicator
            else t("value.not_whole", value=text)
        )
        raise InputError(message, hint=accepted_forms(unit))
    return value

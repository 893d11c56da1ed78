"""Reading a measured value as a clerk types it, for an indicator's unit.

``1.5`` and ``1,5``; amounts grouped with spaces (``8 500 000``) or written with a decimal
comma (``8500000,00``), with or without a trailing ``zł`` or ``PLN``; ``35%`` for a percentage
(stored as 35); ``tak``/``nie``/``yes``/``no`` for a yes/no milestone (stored as 1/0). Counts
are whole numbers; counts and amounts are not negative. Anything else raises
:class:`~wspolpraca_cli.errors.InputError` naming the forms accepted for that unit.

A format-2 unit may follow the number as the document writes it (``12 osoby``, ``40 km``).
A unit with a magnitude word (``tys. zł``) takes numbers of that unit: ``850`` is 850 tys.
zł; a value written with a magnitude word is converted into it (``8,5 mln zł`` is 8 500).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wspolpraca_cli.errors import InputError
from wspolpraca_cli.i18n import t
from wspolpraca_cli.model import Unit
from wspolpraca_cli.numbers import AmbiguousNumber, parse_number
from wspolpraca_cli.targets import MAGNITUDES, magnitude_suffix, scaled

if TYPE_CHECKING:
    from wspolpraca_cli.model import Indicator

YES_WORDS = frozenset({"tak", "yes", "t", "y", "true", "1"})
NO_WORDS = frozenset({"nie", "no", "n", "false", "0"})
_PERCENT_SIGNS = "%\uff05"
_CURRENCIES = ("zł", "zl", "pln")
"""What may follow an amount (any case): ``1 500,50 zł``, ``1500 PLN``."""


def _magnitude(raw: str) -> tuple[str, str]:
    """``raw`` without a trailing magnitude word and currency (``8,5 mln zł`` → ``8,5``,
    ``mln``); the canonical magnitude word, or "" without one."""
    return magnitude_suffix(raw)


def accepted_forms(unit: Unit, in_magnitude: str = "") -> str:
    """The value forms accepted for ``unit``, for messages and prompts; ``in_magnitude``, a
    unit with a magnitude word (``tys. zł``), whose values are numbers of it."""
    if in_magnitude:
        return t("value.forms.in_magnitude", unit=in_magnitude)
    return t(f"value.forms.{unit.value}")


def indicator_forms(ind: Indicator) -> str:
    """The value forms accepted for the indicator ``ind`` (:func:`accepted_forms`)."""
    return accepted_forms(ind.unit, ind.unit_text if ind.unit_magnitude else "")


def parse_indicator_value(text: str, ind: Indicator) -> float:
    """The value ``text`` for the indicator ``ind``, in its unit (:func:`parse_value`)."""
    return parse_value(
        text, ind.unit, indicator=ind.id, magnitude=ind.unit_magnitude, unit_text=ind.unit_text
    )


def _without_unit(raw: str, unit_text: str) -> str:
    """``raw`` without the unit as the document writes it after the number (``12 osoby``)."""
    if not unit_text:
        return raw
    written = " ".join(unit_text.split()).casefold()
    folded = " ".join(raw.split()).casefold()
    if folded.endswith(written) and folded[: -len(written)].strip():
        rest = folded[: -len(written)]
        if rest[-1].isdigit() or rest[-1].isspace():
            return " ".join(raw.split())[: len(rest)].strip()
    return raw


def parse_value(
    text: str,
    unit: Unit,
    *,
    indicator: str | None = None,
    magnitude: str = "",
    unit_text: str = "",
) -> float:
    """The value ``text`` for an indicator measured in ``unit``. Raises InputError;
    ``indicator`` (its id) names the indicator in messages. ``magnitude`` is the unit's own
    (``tys.`` for ``tys. zł``): the value is a number of that unit. ``unit_text``, the unit
    as written, may follow the number."""
    forms = accepted_forms(unit, unit_text if magnitude else "")
    raw = _without_unit(text.strip(), unit_text) if not magnitude else text.strip()
    if unit is Unit.YESNO:
        word = raw.casefold()
        if word in YES_WORDS:
            return 1.0
        if word in NO_WORDS:
            return 0.0
        raise InputError(t("value.invalid", value=text), hint=forms)
    folded = raw.casefold().rstrip(".")
    currency = next((c for c in _CURRENCIES if folded.endswith(c)), "")
    if currency and unit is not Unit.AMOUNT:  # a currency belongs to amounts only
        raise InputError(t("value.invalid", value=text), hint=forms)
    if currency:
        raw = raw[: len(raw.rstrip(".")) - len(currency)].rstrip()
    percent = raw.endswith(tuple(_PERCENT_SIGNS))
    if percent:
        if unit is not Unit.PERCENT:
            raise InputError(t("value.percent_not_allowed", value=text), hint=forms)
        raw = raw[:-1].rstrip()
    unit_scale = MAGNITUDES.get(magnitude, 1)
    if magnitude:  # tys. zł: a magnitude word names thousands, millions … (converted below)
        raw = _without_unit(raw, unit_text.split(" ", 1)[1] if " " in unit_text else "")
    raw, written = _magnitude(raw)
    if magnitude and currency and not written:  # 850 zł on tys. zł: 850 zł or 850 tys. zł?
        raise InputError(
            t("value.currency_in_unit", value=text, unit=unit_text),
            hint=t("value.currency_in_unit.hint", unit=unit_text),
        )
    if written and (percent or unit is Unit.PERCENT):
        raise InputError(t("value.magnitude_percent", value=text), hint=forms)
    try:
        # Counts and amounts are where a clerk may group thousands with a dot (12.500):
        # read them strictly, so that an ambiguous number is refused, not misread (before a
        # magnitude word nobody groups thousands: 1.234 mln is 1 234 000).
        strict = unit in (Unit.COUNT, Unit.AMOUNT) and not written and not magnitude
        value = scaled(parse_number(raw, strict=strict), written)
        if written and unit_scale != 1:
            from decimal import Decimal

            value = float(Decimal(repr(value)) / unit_scale)
    except AmbiguousNumber as exc:
        message = str(exc)
        raise InputError(message[:1].upper() + message[1:], hint=forms) from None
    except ValueError:
        raise InputError(t("value.invalid", value=text), hint=forms) from None
    if value == 0:
        value = 0.0  # no negative zero
    if unit in (Unit.COUNT, Unit.AMOUNT) and value < 0:
        raise InputError(t("value.negative", value=text), hint=forms)
    if unit is Unit.COUNT and not _whole(value, unit_scale):
        message = (
            t("value.not_whole_id", id=indicator, value=text)
            if indicator
            else t("value.not_whole", value=text)
        )
        raise InputError(message, hint=forms)
    return value


def _whole(value: float, scale: int) -> bool:
    """Whether ``value`` units worth ``scale`` each make a whole number (1,5 tys. osób)."""
    if scale == 1:
        return value == int(value)
    from decimal import Decimal

    whole = Decimal(repr(value)) * scale
    return whole == whole.to_integral_value()

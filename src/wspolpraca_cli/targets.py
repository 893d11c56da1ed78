"""Target values: the programme document's notation (``1/rok``) and the explicit forms.

A target is parsed once from the programme file into a :class:`Target`; ``str(target)``
gives back a canonical notation that parses to the same target.
"""

from __future__ import annotations

import math
import re
from enum import StrEnum
from typing import Any

from wspolpraca_cli.i18n import t
from wspolpraca_cli.numbers import LARGEST, format_plain, parse_number
from wspolpraca_cli.periods import Frequency
from wspolpraca_cli.records import field, record


class TargetKind(StrEnum):
    PER_PERIOD = "per_period"
    """A value to reach in every period (``1/rok``)."""
    TOTAL = "total"
    """A total over the whole programme (``5 w okresie programu``)."""
    LEVEL = "level"
    """A level to reach by a year (``30% w 2025``)."""
    CEILING = "ceiling"
    """A maximum not to exceed in any period; a descending indicator (``≤ 50%``)."""
    FLOOR = "floor"
    """A minimum to keep in every period (``≥ 30%``)."""
    MILESTONE = "milestone"
    """A yes/no milestone (``tak``), optionally by a year."""
    BY_YEAR = "by_year"
    """Values that change by year (``{2021: 1, 2022: 2}``)."""
    NONE = "none"
    """No target: monitoring only."""


PER_WORDS: dict[str, Frequency] = {
    "rok": Frequency.YEARLY,
    "year": Frequency.YEARLY,
    "r": Frequency.YEARLY,
    "rocznie": Frequency.YEARLY,
    "półrocze": Frequency.HALF_YEARLY,
    "pół roku": Frequency.HALF_YEARLY,
    "half-year": Frequency.HALF_YEARLY,
    "half year": Frequency.HALF_YEARLY,
    "kwartał": Frequency.QUARTERLY,
    "quarter": Frequency.QUARTERLY,
    "miesiąc": Frequency.MONTHLY,
    "mies": Frequency.MONTHLY,
    "month": Frequency.MONTHLY,
}
_PER_CANONICAL = {
    Frequency.YEARLY: "rok",
    Frequency.HALF_YEARLY: "półrocze",
    Frequency.QUARTERLY: "kwartał",
    Frequency.MONTHLY: "miesiąc",
}


def accepted_notations() -> str:
    """The target notations wsp reads, in the current language (for hints)."""
    return t(
        "prog.target.accepted",
        by_year="{2021: 1, 2022: 2}",
        explicit="{kind: per_period|total|level|ceiling|floor|milestone|none, value: N}",
    )


# Patterns are compiled on first use (re caches them): status and check never parse targets.
_NUM = r"(?P<num>[+-]?\d[\d\s\u00a0]*(?:[.,]\d+)?)\s*(?P<pct>%)?"
_RE_PER = rf"^{_NUM}\s*/\s*(?P<per>[^\d]+)$"
_RE_TOTAL = (
    rf"^{_NUM}\s+(?:w okresie programu|łącznie|razem|w całym okresie|in total|total"
    r"|over the programme|over the program)$"
)
_RE_LEVEL = rf"^{_NUM}\s+(?:w|do|by|in|na)\s+(?:roku\s+)?(?P<year>\d{{4}})(?:\s*r\.?)?$"
_RE_CEILING = rf"^(?:≤|<=|=<|max\.?|maks\.?|nie więcej niż|at most)\s*{_NUM}$"
_RE_FLOOR = rf"^(?:≥|>=|=>|min\.?|co najmniej|nie mniej niż|at least)\s*{_NUM}$"
_RE_PLAIN = rf"^{_NUM}$"
_YES = {"tak", "yes", "true"}
_NONE = {"brak", "none", "—", "–", "-", "nie dotyczy", "n/a"}


class TargetError(ValueError):
    """A target that cannot be read; the message names the accepted notations."""


@record
class Target:
    """A parsed target value."""

    kind: TargetKind
    value: float | None = None
    per: Frequency | None = None
    """For PER_PERIOD: the period the value is per (None: per measurement period)."""
    year: int | None = None
    """For LEVEL and MILESTONE: the year by which it is due."""
    by_year: tuple[tuple[int, float], ...] = field(default=())
    percent: bool = False

    @property
    def descending(self) -> bool:
        return self.kind is TargetKind.CEILING

    @property
    def numeric(self) -> bool:
        return self.kind is not TargetKind.NONE

    def for_year(self, year: int) -> float | None:
        for y, v in self.by_year:
            if y == year:
                return v
        return None

    def __str__(self) -> str:
        pct = "%" if self.percent else ""
        num = format_plain(self.value) if self.value is not None else ""
        if self.kind is TargetKind.PER_PERIOD:
            if self.per is None:
                return f"{num}{pct}"
            return f"{num}{pct}/{_PER_CANONICAL[self.per]}"
        if self.kind is TargetKind.TOTAL:
            return f"{num}{pct} w okresie programu"
        if self.kind is TargetKind.LEVEL:
            return f"{num}{pct} w {self.year}"
        if self.kind is TargetKind.CEILING:
            return f"≤ {num}{pct}"
        if self.kind is TargetKind.FLOOR:
            return f"≥ {num}{pct}"
        if self.kind is TargetKind.MILESTONE:
            return "tak" if self.year is None else f"tak w {self.year}"
        if self.kind is TargetKind.BY_YEAR:
            return ", ".join(f"{y}: {format_plain(v)}{pct}" for y, v in self.by_year)
        return "brak"


def _num(match: re.Match[str]) -> tuple[float, bool]:
    percent = bool(match["pct"])
    return parse_number(match["num"], strict=not percent), percent


def parse_target_text(text: str) -> Target:
    """Parse the document's notation. Raises :class:`TargetError`."""
    raw = " ".join(text.replace("\u00a0", " ").split())
    low = raw.lower().rstrip(".")
    if not low:
        raise TargetError(t("prog.target_empty"))
    if low in _YES:
        return Target(TargetKind.MILESTONE)
    m = re.match(r"^(?:tak|yes)\s+(?:w|do|by|in)\s+(?:roku\s+)?(\d{4})$", low)
    if m:
        return Target(TargetKind.MILESTONE, year=int(m[1]))
    if low in _NONE:
        return Target(TargetKind.NONE)
    try:
        if m := re.match(_RE_PER, low):
            per_word = m["per"].strip().rstrip(".")
            per = PER_WORDS.get(per_word)
            if per is None:
                raise TargetError(t("prog.target.unknown_per", per=per_word, text=text))
            value, pct = _num(m)
            return Target(TargetKind.PER_PERIOD, value, per=per, percent=pct)
        if m := re.match(_RE_TOTAL, low):
            value, pct = _num(m)
            return Target(TargetKind.TOTAL, value, percent=pct)
        if m := re.match(_RE_LEVEL, low):
            value, pct = _num(m)
            return Target(TargetKind.LEVEL, value, year=int(m["year"]), percent=pct)
        if m := re.match(_RE_CEILING, low):
            value, pct = _num(m)
            return Target(TargetKind.CEILING, value, percent=pct)
        if m := re.match(_RE_FLOOR, low):
            value, pct = _num(m)
            return Target(TargetKind.FLOOR, value, percent=pct)
        if m := re.match(_RE_PLAIN, low):
            value, pct = _num(m)
            return Target(TargetKind.PER_PERIOD, value, percent=pct)
    except ValueError as exc:
        if isinstance(exc, TargetError):
            raise
        raise TargetError(t("prog.target.bad_number", text=text)) from None
    raise TargetError(t("prog.target.unknown_notation", text=text))


_EXPLICIT_KEYS = {"kind", "value", "per", "by", "values"}


def parse_target(raw: Any) -> Target:
    """Parse a target as written in YAML: a string, a number, a boolean, null or a mapping."""
    if raw is None:
        return Target(TargetKind.NONE)
    if isinstance(raw, bool):
        if raw:
            return Target(TargetKind.MILESTONE)
        raise TargetError(t("prog.target.false"))
    if isinstance(raw, int | float):
        return Target(TargetKind.PER_PERIOD, _finite(raw))
    if isinstance(raw, str):
        return parse_target_text(raw)
    if isinstance(raw, dict):
        if raw and all(isinstance(k, int) and not isinstance(k, bool) for k in raw):
            return _by_year(raw)
        return _explicit(raw)
    raise TargetError(t("prog.target.bad_type", type=type_word(raw)))


def shown_value(value: Any, *, key: bool = False) -> str:
    """A YAML value (or, with ``key``, a mapping key) as a person wrote it, for a message: a
    text quoted, a date as ``2024-01-01``, an empty value as such — never Python's
    ``datetime.date(2024, 1, 1)`` or ``None``."""
    from datetime import date

    if isinstance(value, str):
        return repr(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, date):
        return iso_text(value) if key else t("prog.value.date", date=iso_text(value))
    if value is None and key:
        return t("prog.key.empty")
    return type_word(value)


def iso_text(value: Any) -> str:
    """A date (or a date and time) as ISO text: ``2024-01-01``, ``2024-01-01 12:00:00``."""
    from datetime import datetime

    return value.isoformat(sep=" ") if isinstance(value, datetime) else str(value.isoformat())


def type_word(value: object) -> str:
    """What kind of YAML value ``value`` is, in words for a message (a list, a mapping, a
    date, an empty value…), never a Python type name."""
    from datetime import date

    kinds: tuple[tuple[type | None, str], ...] = (
        (list, "list"),
        (dict, "dict"),
        (bool, "bool"),
        (date, "date"),
        (str, "text"),
        (int, "number"),
        (float, "number"),
    )
    if value is None:
        return t("prog.type.empty")
    for kind, word in kinds:
        if kind is not None and isinstance(value, kind):
            return t(f"prog.type.{word}")
    return t("prog.type.other")


def _value(raw: Any, year: int | None = None) -> tuple[float, bool]:
    """A number of a target: the value, or (``year`` given) the value for that year."""
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return _finite(raw), False
    if isinstance(raw, str):
        text = raw.strip()
        pct = text.endswith("%")
        try:
            return parse_number(text.rstrip("%"), strict=not pct), pct
        except ValueError:
            what = _what(year)
            raise TargetError(t("prog.target.not_number_value", what=what, raw=raw)) from None
    raise TargetError(t("prog.target.not_number", what=_what(year)))


def _finite(raw: float) -> float:
    """A number YAML gave as a target: finite and of at most 15 digits, or TargetError."""
    try:
        value = float(raw)
    except OverflowError:  # an integer of hundreds of digits
        raise TargetError(t("prog.number.too_large", text=str(raw)[:20] + "…")) from None
    if not math.isfinite(value):
        raise TargetError(t("prog.number.not_finite", text=str(raw)))
    if abs(value) >= LARGEST:
        raise TargetError(t("prog.number.too_large", text=format_plain(value)))
    return value


def _what(year: int | None) -> str:
    return t("prog.target.the_value") if year is None else t("prog.target.for_year", year=year)


def _by_year(raw: dict[Any, Any]) -> Target:
    pairs = []
    percent = False
    for year, value in sorted(raw.items()):
        number, pct = _value(value, year)
        percent = percent or pct
        pairs.append((int(year), number))
    return Target(TargetKind.BY_YEAR, by_year=tuple(pairs), percent=percent)


def _explicit(raw: dict[Any, Any]) -> Target:
    unknown = [k for k in raw if k not in _EXPLICIT_KEYS]
    if unknown:
        raise TargetError(t("prog.target.unknown_key", key=shown_value(unknown[0], key=True)))
    kind_text = raw.get("kind")
    try:
        kind = TargetKind(str(kind_text))
    except ValueError:
        kinds = ", ".join(k.value for k in TargetKind)
        if kind_text is None:  # no kind, or an empty one
            raise TargetError(t("prog.target.needs_kind", kinds=kinds)) from None
        shown = shown_value(kind_text)
        raise TargetError(t("prog.target.unknown_kind", kind=shown, kinds=kinds)) from None
    if kind is TargetKind.NONE:
        return Target(kind)
    if kind is TargetKind.BY_YEAR:
        values = raw.get("values")
        if not isinstance(values, dict) or not values:
            raise TargetError(t("prog.target.by_year_values"))
        return _by_year(values)
    by = raw.get("by")
    if by is not None and (isinstance(by, bool) or not isinstance(by, int)):
        raise TargetError(t("prog.target.by_not_year"))
    by = None if by is None else int(by)  # a plain int, whatever int subclass YAML gave
    if kind is TargetKind.MILESTONE:
        return Target(kind, year=by)
    if "value" not in raw:
        raise TargetError(t("prog.target.needs_value", kind=kind.value))
    value, pct = _value(raw["value"])
    if kind is TargetKind.LEVEL:
        if by is None:
            raise TargetError(t("prog.target.level_needs_by"))
        return Target(kind, value, year=by, percent=pct)
    if kind is TargetKind.PER_PERIOD:
        per_raw = raw.get("per")
        per = None
        if per_raw is not None:
            per = PER_WORDS.get(str(per_raw).lower())
            if per is None:
                raise TargetError(t("prog.target.bad_per"))
        return Target(kind, value, per=per, percent=pct)
    return Target(kind, value, percent=pct)

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
from wspolpraca_cli.records import field, record, replace


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
    RANGE = "range"
    """A value to keep between two bounds in every period (``od 3 do 6 mln zł``, ``3–6``)."""
    CHANGE = "change"
    """A change against the indicator's baseline, to reach by a year (by default the
    programme's last): ``wzrost o 10%`` (relative), ``wzrost o 5``, ``spadek o 2 pkt proc.``;
    its ``value`` is the level it comes to (None until resolved with the baseline)."""
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
    "tydzień": Frequency.WEEKLY,
    "tydz": Frequency.WEEKLY,
    "tyg": Frequency.WEEKLY,
    "week": Frequency.WEEKLY,
}
_PER_CANONICAL = {
    Frequency.YEARLY: "rok",
    Frequency.HALF_YEARLY: "półrocze",
    Frequency.QUARTERLY: "kwartał",
    Frequency.MONTHLY: "miesiąc",
    Frequency.WEEKLY: "tydzień",
}


def accepted_notations() -> str:
    """The target notations wsp reads, in the current language (for hints)."""
    return t(
        "prog.target.accepted",
        by_year="{2021: 1, 2022: 2}",
        explicit="{kind: per_period|total|level|ceiling|floor|range|milestone|none, value: N}",
    )


MAGNITUDES: dict[str, int] = {"tys.": 1_000, "mln": 1_000_000, "mld": 1_000_000_000}
"""The magnitude words a document writes after a number (``40 tys.``, ``8,5 mln zł``), in
their canonical spelling, and what they multiply by."""
_MAGNITUDE_WORDS: dict[str, str] = {
    **{w: "tys." for w in ("tys", "tys.", "tysiąc", "tysiące", "tysięcy", "tysiąca")},
    **{w: "mln" for w in ("mln", "mln.", "milion", "miliony", "milionów", "miliona")},
    **{w: "mld" for w in ("mld", "mld.", "miliard", "miliardy", "miliardów", "miliarda")},
}
_MAG = r"tys\.?|tysiąc[ea]?|tysięcy|mln\.?|milion(?:y|ów|a)?|mld\.?|miliard(?:y|ów|a)?"
_CURRENCY = r"(?:\s*(?:zł|pln|złotych|zl))?"


def _quantity(prefix: str = "") -> str:
    """A number with an optional magnitude word and percent sign: ``8,5 mln``, ``20%``."""
    return (
        rf"(?P<{prefix}num>[+-]?\d[\d\s\u00a0]*(?:[.,]\d+)?)\s*"
        rf"(?:(?P<{prefix}mag>{_MAG})(?![\w])\s*)?(?P<{prefix}pct>%)?"
    )


# Patterns are compiled on first use (re caches them): status and check never parse targets.
_NUM = _quantity() + _CURRENCY
_PER_SUFFIXES: dict[str, Frequency] = {
    "rocznie": Frequency.YEARLY,
    "na rok": Frequency.YEARLY,
    "w roku": Frequency.YEARLY,
    "półrocznie": Frequency.HALF_YEARLY,
    "na półrocze": Frequency.HALF_YEARLY,
    "kwartalnie": Frequency.QUARTERLY,
    "na kwartał": Frequency.QUARTERLY,
    "miesięcznie": Frequency.MONTHLY,
    "na miesiąc": Frequency.MONTHLY,
    "w miesiącu": Frequency.MONTHLY,
    "tygodniowo": Frequency.WEEKLY,
    "na tydzień": Frequency.WEEKLY,
    "w tygodniu": Frequency.WEEKLY,
    "per week": Frequency.WEEKLY,
    "a week": Frequency.WEEKLY,
    "per year": Frequency.YEARLY,
    "a year": Frequency.YEARLY,
}
_PER_SUFFIX = (
    r"(?:\s*/\s*(?P<per>[^\d/]+)|\s+(?P<perword>"
    + "|".join(sorted(_PER_SUFFIXES, key=len, reverse=True))
    + r"))"
)
_RE_PER = rf"^{_NUM}{_PER_SUFFIX}$"
_RE_TOTAL = (
    rf"^{_NUM}\s+(?:w okresie programu|łącznie|razem|w całym okresie|in total|total"
    r"|over the programme|over the program)$"
)
_RE_LEVEL = rf"^{_NUM}\s+(?:w|do|by|in|na)\s+(?:roku\s+)?(?P<year>\d{{4}})(?:\s*r\.?)?$"
_AT_MOST = r"≤|<=|=<|max\.?|maks\.?|maksymalnie|nie więcej niż|at most|up to|do"
_BELOW = r"<|poniżej|mniej niż|less than|below"
_AT_LEAST = r"≥|>=|=>|min\.?|minimum|co najmniej|nie mniej niż|at least"
_ABOVE = r">|ponad|powyżej|więcej niż|more than|above|over"
_RE_CEILING = rf"^(?:{_AT_MOST})\s*{_NUM}$"
_RE_BELOW = rf"^(?:{_BELOW})\s*{_NUM}$"
_RE_FLOOR = rf"^(?:{_AT_LEAST})\s*{_NUM}$"
_RE_ABOVE = rf"^(?:{_ABOVE})\s*{_NUM}$"
_RE_RANGE = (
    rf"^(?:od\s+)?{_quantity('lo_')}{_CURRENCY}(?:\s+do\s+|\s*[–—-]\s*)"
    rf"{_quantity('hi_')}{_CURRENCY}{_PER_SUFFIX}?$"
)
_RE_CHANGE = (
    r"^(?P<dir>wzrost|spadek|zwiększenie|zmniejszenie|increase|decrease|rise|fall)"
    rf"\s+(?:o|by)\s+{_NUM}(?P<points>\s*(?:pkt\.?|punkt(?:y|ów)?)\s*proc(?:\.|entowe?(?:go|ych)?)?"
    r"|\s*p\.\s?p|\s*percentage points?)?"
    r"(?:\s+(?:w|do|by|in|na)\s+(?:roku\s+)?(?P<year>\d{4})(?:\s*r\.?)?)?$"
)
_RE_LOOKS_LIKE_RANGE = r"^od\s.*\sdo\s|\d\s*[–—-]\s*[+-]?\d"
_RE_PLAIN = rf"^{_NUM}$"
_YES = {"tak", "yes", "true"}
_NONE = {"brak", "none", "—", "–", "-", "nie dotyczy", "n/a"}


class TargetError(ValueError):
    """A target that cannot be read; the message names the accepted notations."""


class _MagnitudeOnPercent(TargetError):
    """A magnitude word on a percentage (``5 mln %``); the message is given with the text."""


@record
class Target:
    """A parsed target value."""

    kind: TargetKind
    value: float | None = None
    """The value; for RANGE the lower bound."""
    per: Frequency | None = None
    """For PER_PERIOD and RANGE: the period the value is per (None: per measurement period)."""
    year: int | None = None
    """For LEVEL and MILESTONE: the year by which it is due."""
    by_year: tuple[tuple[int, float], ...] = field(default=())
    percent: bool = False
    upper: float | None = None
    """For RANGE: the upper bound."""
    strict: bool = False
    """For FLOOR and CEILING: the bound itself does not count (``ponad 100``: more than)."""
    magnitude: str = ""
    """The magnitude word the document wrote the value in (``mln``, ``tys.``), for display."""
    change: float | None = None
    """For CHANGE: the change as written, signed (``spadek o 2``: -2)."""
    relative: bool = False
    """For CHANGE: the change is a percentage of the baseline (``wzrost o 10%``)."""

    @property
    def descending(self) -> bool:
        if self.kind is TargetKind.CHANGE:
            return self.change is not None and self.change < 0
        return self.kind is TargetKind.CEILING

    def resolved(self, baseline: float) -> Target:
        """A change target with the level it comes to from ``baseline`` (itself for every
        other target): ``wzrost o 10%`` from 40 is 44, ``spadek o 2 pkt proc.`` from 20% 18%."""
        if self.kind is not TargetKind.CHANGE or self.change is None:
            return self
        from decimal import Decimal  # (only here: decimal costs 2 ms to import)

        step = Decimal(repr(self.change))
        base = Decimal(repr(baseline))
        level = base * (1 + step / 100) if self.relative else base + step
        return replace(self, value=float(level))

    def in_unit(self, scale: int) -> Target:
        """The target in a unit worth ``scale`` (``tys. zł``: 1000). A target written with a
        magnitude word (``8,5 mln zł``) has every figure divided by it, exactly, and is shown
        in the unit; one without (``8 500``) is a number of the unit already and stays as it
        is, as do a relative change (``wzrost o 10%``) and percentages."""
        if scale == 1 or self.percent or not self.magnitude:
            return self
        from decimal import Decimal

        def inside(value: float | None) -> float | None:
            return None if value is None else float(Decimal(repr(value)) / scale)

        change = self.change if self.relative else inside(self.change)
        return replace(
            self,
            value=inside(self.value),
            upper=inside(self.upper),
            by_year=tuple((y, float(Decimal(repr(v)) / scale)) for y, v in self.by_year),
            change=change,
            magnitude="",
        )

    @property
    def numeric(self) -> bool:
        return self.kind is not TargetKind.NONE

    def for_year(self, year: int) -> float | None:
        for y, v in self.by_year:
            if y == year:
                return v
        return None

    def shown(self, value: float) -> str:
        """``value`` as this target writes its numbers: in its magnitude word (``8.5 mln``)
        when it has one, with ``%`` for a percentage."""
        pct = "%" if self.percent else ""
        if self.magnitude:
            return f"{in_magnitude(value, self.magnitude)} {self.magnitude}"
        return f"{format_plain(value)}{pct}"

    def __str__(self) -> str:
        pct = "%" if self.percent else ""
        num = self.shown(self.value) if self.value is not None else ""
        per = f"/{_PER_CANONICAL[self.per]}" if self.per is not None else ""
        if self.kind is TargetKind.PER_PERIOD:
            return f"{num}{per}"
        if self.kind is TargetKind.TOTAL:
            return f"{num} w okresie programu"
        if self.kind is TargetKind.LEVEL:
            return f"{num} w {self.year}"
        if self.kind is TargetKind.CEILING:
            return f"< {num}" if self.strict else f"≤ {num}"
        if self.kind is TargetKind.FLOOR:
            return f"> {num}" if self.strict else f"≥ {num}"
        if self.kind is TargetKind.RANGE:
            low = "" if self.value is None else self.shown(self.value)
            high = "" if self.upper is None else self.shown(self.upper)
            return f"{low.removesuffix(pct).removesuffix(' ' + self.magnitude)}–{high}{per}"
        if self.kind is TargetKind.CHANGE and self.change is not None:
            word = "spadek" if self.change < 0 else "wzrost"
            size = format_plain(abs(self.change))
            if self.magnitude:
                size = f"{in_magnitude(abs(self.change), self.magnitude)} {self.magnitude}"
            size += "%" if self.relative else ""
            points = " pkt proc." if self.percent else ""
            year = f" w {self.year}" if self.year is not None else ""
            return f"{word} o {size}{points}{year}"
        if self.kind is TargetKind.MILESTONE:
            return "tak" if self.year is None else f"tak w {self.year}"
        if self.kind is TargetKind.BY_YEAR:
            return ", ".join(f"{y}: {format_plain(v)}{pct}" for y, v in self.by_year)
        return "brak"


def in_magnitude(value: float, magnitude: str) -> str:
    """``value`` divided by a magnitude word's multiplier, exactly, in plain notation
    (``8500000`` in ``mln``: ``8.5``). A number before a magnitude word is never ambiguous:
    ``1.234 mln`` is 1 234 000 (nobody groups thousands before ``mln``)."""
    from decimal import Decimal

    return format(Decimal(repr(value)) / MAGNITUDES[magnitude], "f").rstrip("0").rstrip(".")


def _num(match: re.Match[str], prefix: str = "") -> tuple[float, bool, str]:
    """The number of a match: its value (a magnitude word applied), whether it is a
    percentage, the canonical magnitude word ("" without one)."""
    percent = bool(match[f"{prefix}pct"])
    word = match[f"{prefix}mag"]
    magnitude = _MAGNITUDE_WORDS[word] if word else ""
    if magnitude and percent:
        raise _MagnitudeOnPercent
    value = parse_number(match[f"{prefix}num"], strict=not (percent or magnitude))
    return scaled(value, magnitude), percent, magnitude


def scaled(value: float, magnitude: str) -> float:
    """``value`` times a magnitude word's multiplier (``8.5``, ``mln`` → 8 500 000), exact
    in decimal; a result of 16 digits or more is refused (ValueError)."""
    if not magnitude:
        return value
    from decimal import Decimal

    result = float(Decimal(repr(value)) * MAGNITUDES[magnitude])
    if abs(result) >= LARGEST:
        raise ValueError(t("prog.number.too_large", text=f"{format_plain(value)} {magnitude}"))
    return result


def magnitude_suffix(text: str) -> tuple[str, str]:
    """A recorded value's number and magnitude word: ``8,5 mln zł`` → (``8,5``, ``mln``),
    ``40 tys.`` → (``40``, ``tys.``); a currency word alone is dropped (``1 200 zł``); text
    without either comes back as it is, with ""."""
    m = re.fullmatch(rf"(?P<rest>.*?\d)\s*(?:(?P<mag>{_MAG})(?![\w]))?{_CURRENCY}\.?", text.lower())
    if m is None:
        return text, ""
    word = m["mag"]
    return text[: len(m["rest"])], _MAGNITUDE_WORDS[word] if word else ""


def _per(match: re.Match[str], text: str) -> Frequency | None:
    """The period of a ``/rok`` or ``rocznie`` suffix (None without one)."""
    if match["perword"]:
        return _PER_SUFFIXES[match["perword"]]
    if match["per"] is None:
        return None
    per_word = match["per"].strip().rstrip(".")
    per = PER_WORDS.get(per_word)
    if per is None:
        raise TargetError(t("prog.target.unknown_per", per=per_word, text=text))
    return per


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
        found = _parse_numeric(low, text)
    except _MagnitudeOnPercent:
        raise TargetError(t("prog.target.magnitude_percent", text=text)) from None
    except ValueError as exc:
        if isinstance(exc, TargetError):
            raise
        raise TargetError(t("prog.target.bad_number", text=text)) from None
    if found is not None:
        return found
    if re.search(_RE_LOOKS_LIKE_RANGE, low):
        raise TargetError(t("prog.target.bad_range", text=text))
    raise TargetError(t("prog.target.unknown_notation", text=text))


def _parse_numeric(low: str, text: str) -> Target | None:
    """A numeric notation (``low``: lower-cased, spaces collapsed); None if none fits."""
    if m := re.match(_RE_PER, low):
        per = _per(m, text)
        value, pct, mag = _num(m)
        return Target(TargetKind.PER_PERIOD, value, per=per, percent=pct, magnitude=mag)
    if m := re.match(_RE_TOTAL, low):
        value, pct, mag = _num(m)
        return Target(TargetKind.TOTAL, value, percent=pct, magnitude=mag)
    if m := re.match(_RE_LEVEL, low):
        value, pct, mag = _num(m)
        return Target(TargetKind.LEVEL, value, year=int(m["year"]), percent=pct, magnitude=mag)
    for pattern, kind, strict in (
        (_RE_CEILING, TargetKind.CEILING, False),
        (_RE_BELOW, TargetKind.CEILING, True),
        (_RE_FLOOR, TargetKind.FLOOR, False),
        (_RE_ABOVE, TargetKind.FLOOR, True),
    ):
        if m := re.match(pattern, low):
            value, pct, mag = _num(m)
            return Target(kind, value, percent=pct, strict=strict, magnitude=mag)
    if m := re.match(_RE_RANGE, low):
        return _range(m, text)
    if m := re.match(_RE_CHANGE, low):
        return _change(m, text)
    if m := re.match(_RE_PLAIN, low):
        value, pct, mag = _num(m)
        return Target(TargetKind.PER_PERIOD, value, percent=pct, magnitude=mag)
    return None


def _change(m: re.Match[str], text: str) -> Target:
    """``wzrost o 10%`` (relative), ``wzrost o 5`` (absolute), ``spadek o 2 pkt proc.``
    (percentage points), optionally ``w 2025``."""
    points = bool(m["points"])
    value, pct, magnitude = _num(m)
    if points and pct:
        raise TargetError(t("prog.target.change_points_percent", text=text))
    if value <= 0:
        raise TargetError(t("prog.target.change_not_positive", text=text))
    down = m["dir"] in ("spadek", "zmniejszenie", "decrease", "fall")
    year = int(m["year"]) if m["year"] else None
    return Target(
        TargetKind.CHANGE,
        None,
        year=year,
        percent=points,
        magnitude=magnitude,
        change=-value if down else value,
        relative=pct,
    )


def _range(m: re.Match[str], text: str) -> Target:
    """``od 3 do 6 mln zł``, ``3–6 mln zł rocznie``, ``10–20%``: the upper bound's magnitude
    word and percent sign hold for the lower bound written without its own."""
    percent = bool(m["lo_pct"] or m["hi_pct"])
    word = m["hi_mag"] or m["lo_mag"]
    magnitude = _MAGNITUDE_WORDS[word] if word else ""
    if magnitude and percent:
        raise TargetError(t("prog.target.magnitude_percent", text=text))
    bounds = []
    for prefix in ("lo_", "hi_"):
        own = m[f"{prefix}mag"]
        value = parse_number(m[f"{prefix}num"], strict=not (percent or magnitude))
        bounds.append(scaled(value, _MAGNITUDE_WORDS[own] if own else magnitude))
    low, high = bounds
    if low > high:
        raise TargetError(t("prog.target.range_reversed", text=text))
    per = _per(m, text)
    return Target(TargetKind.RANGE, low, per=per, percent=percent, upper=high, magnitude=magnitude)


_EXPLICIT_KEYS = {"kind", "value", "per", "by", "values", "min", "max"}


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
    if kind is TargetKind.RANGE:
        return _explicit_range(raw)
    if "value" not in raw:
        raise TargetError(t("prog.target.needs_value", kind=kind.value))
    value, pct = _value(raw["value"])
    if kind is TargetKind.CHANGE:  # {kind: change, value: 10%} from the baseline; -2: a fall
        if value == 0:
            raise TargetError(t("prog.target.change_not_positive", text=str(raw["value"])))
        return Target(kind, year=by, change=value, relative=pct)
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


def _explicit_range(raw: dict[Any, Any]) -> Target:
    """``{kind: range, min: 3, max: 6}`` (optionally ``per: rok``)."""
    if "min" not in raw or "max" not in raw:
        raise TargetError(t("prog.target.range_needs_bounds"))
    low, low_pct = _value(raw["min"])
    high, high_pct = _value(raw["max"])
    if low > high:
        raise TargetError(t("prog.target.range_reversed", text=f"{raw['min']}–{raw['max']}"))
    per = None
    if raw.get("per") is not None:
        per = PER_WORDS.get(str(raw["per"]).lower())
        if per is None:
            raise TargetError(t("prog.target.bad_per"))
    return Target(TargetKind.RANGE, low, per=per, percent=low_pct or high_pct, upper=high)

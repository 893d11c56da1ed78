"""The document's notations as wsp reads them: frequencies, targets and units in a cell's text.

Everything here asks wsp's own parsers (:mod:`wspolpraca_cli.periods`,
:mod:`wspolpraca_cli.targets`), so that what a draft writes as a value is what the loader
reads back; whatever they refuse stays the document's text, in a comment.
"""

from __future__ import annotations

import re
from functools import cache

MAX_TARGET_WORDS = 8
"""The most words a target takes (``nie mniej niż 8,5 mln zł rocznie``)."""


@cache
def _frequency_pattern() -> re.Pattern[str]:
    from wspolpraca_cli.periods import FREQUENCY_WORDS

    words = sorted((w for w in FREQUENCY_WORDS if " " in w or len(w) > 6), key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
    return re.compile(rf"(?<![\w/])(?:{alternatives})(?![\w])", re.IGNORECASE)


def frequency_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` names a measurement frequency wsp reads (``Raz w roku``, ``raz na
    kwartał``, ``corocznie``): the (start, end) of each, in order."""
    return [m.span() for m in _frequency_pattern().finditer(text)]


def reads_frequency(text: str) -> bool:
    from wspolpraca_cli.periods import parse_frequency

    try:
        parse_frequency(text)
    except ValueError:
        return False
    return True


@cache
def reads_target(text: str) -> bool:
    """Whether wsp reads ``text`` as a target."""
    from wspolpraca_cli.targets import TargetError, parse_target_text

    try:
        parse_target_text(text)
    except (TargetError, ValueError):
        return False
    return True


_BARE_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?%?$")


def target_at_end(words: list[str], keep: int = 1, *, after_number: bool = False) -> int | None:
    """How many of the last ``words`` make the longest target wsp reads, leaving at least
    ``keep`` words before it; None when no ending does. ``after_number``: a number may stand
    before the target (a baseline column), so two numbers in a row are never one
    (``100 150``: a baseline and a target, not 100 150)."""
    most = min(MAX_TARGET_WORDS, len(words) - keep)
    for n in range(most, 0, -1):
        ending = words[-n:]
        if after_number and n > 1 and all(_BARE_NUMBER.match(w) for w in ending[:2]):
            continue
        if reads_target(" ".join(ending)):
            return n
    return None


def baseline_value(text: str) -> float | None:
    """A baseline's number (``1 200``, ``35%``, ``12,5``); None when it is not one."""
    from wspolpraca_cli.numbers import parse_number

    try:
        return parse_number(text.strip().rstrip("%").strip())
    except ValueError:
        return None


def target_years(text: str) -> list[int]:
    """The years a target names (``150 w 2027``: 2027)."""
    from wspolpraca_cli.targets import TargetError, parse_target_text

    try:
        target = parse_target_text(text)
    except (TargetError, ValueError):
        return []
    years = [y for y, _ in target.by_year]
    return years if target.year is None else [*years, target.year]


_UNIT_BY_NAME: tuple[tuple[str, str], ...] = (
    (r"^(odsetek|procent|udział)\b", "%"),
    (r"^(kwota|wysokość|wartość)\b.*\b(dotacji|środków|dofinansowania|zł|pln|wydatków)\b", "zł"),
    (r"^(kwota|suma)\b", "zł"),
    (r"^(liczba|ilość)\b", "liczba"),
)


def infer_unit(name: str, target: str | None) -> tuple[str, bool]:
    """The unit for an indicator (one wsp reads: ``liczba``, ``%``, ``zł``, ``tak/nie``,
    ``wartość``) from its name and target, and whether it is a guess (nothing in either
    says so)."""
    from wspolpraca_cli.targets import TargetError, TargetKind, parse_target_text

    parsed = None
    if target is not None:
        try:
            parsed = parse_target_text(target)
        except (TargetError, ValueError):
            parsed = None
    if parsed is not None and parsed.kind is TargetKind.MILESTONE:
        return "tak/nie", False
    if parsed is not None and parsed.percent and parsed.kind is not TargetKind.CHANGE:
        return "%", False
    if target is not None and re.search(r"\b(zł|pln|złotych)\b", target, re.IGNORECASE):
        return "zł", False
    low = name.lower()
    for pattern, unit in _UNIT_BY_NAME:
        if re.search(pattern, low):
            return unit, False
    whole = parsed is None or all(
        v is None or float(v).is_integer() for v in (parsed.value, parsed.upper)
    )
    return ("liczba" if whole else "wartość"), True

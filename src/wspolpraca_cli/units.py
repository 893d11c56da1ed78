"""Units of measure as programme documents write them, and the kind that decides how values
are read and shown.

Format 1 names a unit from a short vocabulary (:data:`~wspolpraca_cli.model.UNIT_WORDS`:
``liczba``, ``zł``, ``%``, ``tak/nie``, ``wartość`` …). Format 2 takes the unit as the
document writes it (``osoby``, ``godziny``, ``szt.``, ``tys. zł``, ``km``, ``dyżury``) and
infers its kind (:func:`infer_unit`); ``unit_kind`` gives the kind explicitly. A unit that
starts with a magnitude word (``tys. zł``, ``mln zł``) counts in thousands, millions …:
values and targets are numbers of that unit.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from wspolpraca_cli.model import UNIT_WORDS, Unit

KIND_NAMES: dict[Unit, str] = {
    Unit.COUNT: "count",
    Unit.AMOUNT: "amount",
    Unit.PERCENT: "percent",
    Unit.YESNO: "milestone",
    Unit.NUMBER: "quantity",
}
"""The kind of each unit as format 2 and the JSON documents name it."""

KIND_WORDS: dict[str, Unit] = {
    **{name: unit for unit, name in KIND_NAMES.items()},
    "yesno": Unit.YESNO,
    "number": Unit.NUMBER,
    "liczba": Unit.COUNT,
    "kwota": Unit.AMOUNT,
    "procent": Unit.PERCENT,
    "tak/nie": Unit.YESNO,
    "wartość": Unit.NUMBER,
    "wielkość": Unit.NUMBER,
}
"""What ``unit_kind`` accepts (compared after :func:`normalise_unit`)."""

_MAGNITUDE_PREFIX = re.compile(
    r"^(?P<mag>tys\.?|tysięcy|mln\.?|milionów|mld\.?|miliardów)(?:\s+(?P<rest>.+))?$"
)
_MAGNITUDE_CANONICAL = {"tys": "tys.", "tysięcy": "tys.", "mln": "mln", "milionów": "mln"}
_MAGNITUDE_CANONICAL |= {"mld": "mld", "miliardów": "mld"}

_AMOUNT = frozenset(
    {"zł", "zl", "pln", "złotych", "złote", "złoty", "kwota", "eur", "euro", "€", "usd"}
)
_PERCENT = frozenset(
    {"%", "procent", "procenty", "procentów", "percent", "odsetek", "pkt proc.", "p.p.", "pp"}
    | {"punkty procentowe", "punktów procentowych", "udział procentowy"}
)
_MILESTONE = frozenset({"tak/nie", "tak / nie", "yes/no", "yesno", "milestone"})
_COUNT = frozenset(
    {
        "liczba", "count", "szt.", "szt", "sztuki", "sztuk", "osoby", "osób", "os.",
        "organizacje", "organizacji", "podmioty", "podmiotów", "dyżury", "dyżurów",
        "spotkania", "spotkań", "konkursy", "konkursów", "oferty", "ofert", "umowy", "umów",
        "projekty", "projektów", "wydarzenia", "wydarzeń", "szkolenia", "szkoleń",
        "uczestnicy", "uczestników", "egz.", "egzemplarze", "publikacje", "publikacji",
        "inicjatywy", "inicjatyw", "zadania", "zadań", "wnioski", "wniosków", "dotacje",
        "dotacji", "uchwały", "uchwał", "konsultacje", "konsultacji", "wolontariusze",
        "wolontariuszy", "grupy", "grup", "razy", "przypadki", "przypadków", "imprezy",
        "imprez", "porady", "porad", "warsztaty", "warsztatów", "kampanie", "kampanii",
        "lokale", "lokali", "granty", "grantów", "rodziny", "rodzin", "dzieci", "seniorzy",
        "seniorów", "mieszkańcy", "mieszkańców", "people", "persons", "items", "pcs",
    }
)  # fmt: skip
"""Units that are counted in whole numbers; any unit starting with ``liczba`` is too."""

_DESCRIPTIONS = ("liczba", "kwota", "wartość", "odsetek", "procent", "wielkość")
"""Words that describe a figure rather than name a unit (``liczba osób``): shown with the
indicator (``wsp show``, ``wsp list``), not after each value."""


class UnitSpec(NamedTuple):
    """A unit as read from the programme file."""

    kind: Unit
    text: str = ""
    """The unit as the document writes it (format 2; "" in format 1)."""
    magnitude: str = ""
    """The unit's magnitude word (``tys.`` for ``tys. zł``), or ""."""


def normalise_unit(text: str) -> str:
    """Lower-case, whitespace collapsed (a trailing full stop is kept: ``szt.``)."""
    return " ".join(text.lower().replace("\u00a0", " ").split())


def format1_unit(text: str) -> Unit | None:
    """A format-1 unit word's unit (``szt.``, ``liczba``, ``zł``), or None."""
    key = normalise_unit(text)
    if key in UNIT_WORDS:
        return UNIT_WORDS[key]
    return UNIT_WORDS.get(key.rstrip("."))  # "Liczba." as format 1 always read it


class UnitError(ValueError):
    """A unit whose magnitude word does not fit its kind (``tys. %``)."""


def kind_of(text: str) -> Unit:
    """The kind a unit written without a magnitude word is of: money, percentages, yes/no,
    counted things, else a quantity (``km``, ``godziny``, anything unknown)."""
    key = normalise_unit(text)
    if key in UNIT_WORDS:
        return UNIT_WORDS[key]
    if key in _AMOUNT or key.endswith((" zł", " pln")):
        return Unit.AMOUNT
    if key in _PERCENT:
        return Unit.PERCENT
    if key in _MILESTONE:
        return Unit.YESNO
    if key in _COUNT or key.startswith("liczba "):
        return Unit.COUNT
    return Unit.NUMBER


def infer_unit(text: str, kind: Unit | None = None) -> UnitSpec:
    """A format-2 unit: its kind (``kind`` if given, else inferred), the text as written, and
    its magnitude word. Raises :class:`UnitError` for a magnitude on a percentage or a
    yes/no unit."""
    written = " ".join(text.replace("\u00a0", " ").split())
    key = normalise_unit(written)
    magnitude = ""
    base = key
    if m := _MAGNITUDE_PREFIX.match(key):
        word = m["mag"]
        magnitude = _MAGNITUDE_CANONICAL.get(word.rstrip("."), word)
        base = m["rest"] or ""
    found = kind if kind is not None else (kind_of(base) if base else Unit.NUMBER)
    if magnitude and found in (Unit.PERCENT, Unit.YESNO):
        raise UnitError(written)
    return UnitSpec(found, written, magnitude)


def shown_after_values(spec: UnitSpec) -> str:
    """What follows each value of an indicator in status and reports: the unit as written,
    except for kind words and descriptions (``liczba osób``), percentages (their ``%`` is
    shown) and yes/no milestones (``tak``/``nie``)."""
    if not spec.text or spec.kind in (Unit.PERCENT, Unit.YESNO):
        return ""
    key = normalise_unit(spec.text)
    if key in KIND_WORDS or key.split(" ", 1)[0] in _DESCRIPTIONS:
        return ""
    return spec.text

"""The areas of public tasks (sfera zadań publicznych) of art. 4 ust. 1 of the act, as data.

Keys are the act's point numbers as text: the act inserted points between others (``1a``,
``5a``, ``32a``), so a key is not a number. Names are the act's wording, shortened only by the
opening words every point shares ("zadania w zakresie"). The list follows the consolidated text
(Dz.U. 2024 poz. 1491); when the act changes, this table changes, and nothing else.
"""

from __future__ import annotations

import re

AREAS: dict[str, str] = {
    "1": "pomocy społecznej, w tym pomocy rodzinom i osobom w trudnej sytuacji życiowej oraz "
    "wyrównywania szans tych rodzin i osób",
    "1a": "wspierania rodziny i systemu pieczy zastępczej",
    "1b": "udzielania nieodpłatnej pomocy prawnej oraz zwiększania świadomości prawnej "
    "społeczeństwa",
    "2": "działalności na rzecz integracji i reintegracji zawodowej i społecznej osób "
    "zagrożonych wykluczeniem społecznym",
    "3": "działalności charytatywnej",
    "4": "podtrzymywania i upowszechniania tradycji narodowej, pielęgnowania polskości oraz "
    "rozwoju świadomości narodowej, obywatelskiej i kulturowej",
    "5": "działalności na rzecz mniejszości narodowych i etnicznych oraz języka regionalnego",
    "5a": "działalności na rzecz integracji cudzoziemców",
    "6": "ochrony i promocji zdrowia, w tym działalności leczniczej",
    "7": "działalności na rzecz osób niepełnosprawnych",
    "8": "promocji zatrudnienia i aktywizacji zawodowej osób pozostających bez pracy "
    "i zagrożonych zwolnieniem z pracy",
    "9": "działalności na rzecz równych praw kobiet i mężczyzn",
    "10": "działalności na rzecz osób w wieku emerytalnym",
    "11": "działalności wspomagającej rozwój gospodarczy, w tym rozwój przedsiębiorczości",
    "12": "działalności wspomagającej rozwój techniki, wynalazczości i innowacyjności oraz "
    "rozpowszechnianie i wdrażanie nowych rozwiązań technicznych w praktyce gospodarczej",
    "13": "działalności wspomagającej rozwój wspólnot i społeczności lokalnych",
    "14": "nauki, szkolnictwa wyższego, edukacji, oświaty i wychowania",
    "15": "działalności na rzecz dzieci i młodzieży, w tym wypoczynku dzieci i młodzieży",
    "16": "kultury, sztuki, ochrony dóbr kultury i dziedzictwa narodowego",
    "17": "wspierania i upowszechniania kultury fizycznej",
    "18": "ekologii i ochrony zwierząt oraz ochrony dziedzictwa przyrodniczego",
    "19": "turystyki i krajoznawstwa",
    "20": "porządku i bezpieczeństwa publicznego",
    "21": "obronności państwa i działalności Sił Zbrojnych Rzeczypospolitej Polskiej",
    "22": "upowszechniania i ochrony wolności i praw człowieka oraz swobód obywatelskich, "
    "a także działań wspomagających rozwój demokracji",
    "23": "ratownictwa i ochrony ludności",
    "24": "pomocy ofiarom katastrof, klęsk żywiołowych, konfliktów zbrojnych i wojen w kraju "
    "i za granicą",
    "25": "upowszechniania i ochrony praw konsumentów",
    "26": "działalności na rzecz integracji europejskiej oraz rozwijania kontaktów i współpracy "
    "między społeczeństwami",
    "27": "promocji i organizacji wolontariatu",
    "28": "pomocy Polonii i Polakom za granicą",
    "29": "działalności na rzecz kombatantów i osób represjonowanych",
    "30": "promocji Rzeczypospolitej Polskiej za granicą",
    "31": "działalności na rzecz rodziny, macierzyństwa, rodzicielstwa, upowszechniania "
    "i ochrony praw dziecka",
    "32": "przeciwdziałania uzależnieniom i patologiom społecznym",
    "32a": "rewitalizacji",
    "33": "działalności na rzecz organizacji pozarządowych oraz podmiotów wymienionych "
    "w art. 3 ust. 3, w zakresie określonym w pkt 1–32a",
}
"""Point of art. 4 ust. 1 → the area's name, in the act's order."""

_POINT = re.compile(r"(?:art\.?\s*4\s*ust\.?\s*1\s*)?(?:pkt\.?\s*)?(\d{1,2}[a-z]?)\)?\.?", re.I)


def parse_area(text: str) -> str | None:
    """The point ``text`` names — ``1a``, ``pkt 1a``, ``1a)``, ``art. 4 ust. 1 pkt 32a``, in any
    case — when the act has it; else None."""
    found = _POINT.fullmatch(" ".join(text.split()))
    if found is None:
        return None
    key = found.group(1).lower().lstrip("0") or "0"
    return key if key in AREAS else None


def area_name(key: str) -> str:
    """The name of the area with point ``key`` (KeyError for a point the act lacks)."""
    return AREAS[key]


def area_order(key: str) -> tuple[int, str]:
    """A sort key that puts points in the act's order (``1 < 1a < 1b < 2 < 32 < 32a < 33``)."""
    digits = key.rstrip("abcdefghijklmnopqrstuvwxyz")
    return (int(digits) if digits else 0, key[len(digits) :])

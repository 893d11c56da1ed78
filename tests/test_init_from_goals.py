"""How goals are written in resolutions, as the draft finds them (the parser alone)."""

from __future__ import annotations

import pytest

from wspolpraca_cli.draft.model import Source
from wspolpraca_cli.draft.parse import parse
from wspolpraca_cli.draft.read import lines_of


def goals(text: str) -> list[tuple[str, str, list[tuple[str, str]]]]:
    found = parse(Source("u.txt", tuple(lines_of(text))))
    return [(m.id, m.name, [(g.id, g.name) for g in m.specific]) for m in found.main_goals]


@pytest.mark.parametrize(
    "text",
    [
        "Celem głównym programu jest rozwój współpracy.\n",
        "1) cel główny: rozwój współpracy.\n",
        "§ 2. Cel główny programu: rozwój współpracy.\n",
        "Cel główny\nrozwój współpracy.\n",
    ],
)
def test_one_main_goal(text: str) -> None:
    [(gid, name, specific)] = goals(text)
    assert (gid, specific) == ("główny", [])
    assert name.rstrip(".") == "rozwój współpracy" or name == ""


def test_main_goals_numbered_and_their_specific_goals() -> None:
    text = (
        "Cel główny 1. Silne organizacje\n"
        "Cele szczegółowe:\n"
        "a) wsparcie lokalowe\n"
        "b) szkolenia\n"
        "Cel główny 2. Partnerstwo\n"
        "Cele szczegółowe:\n"
        "a) konsultacje\n"
    )
    assert goals(text) == [
        ("1", "Silne organizacje", [("1.a", "wsparcie lokalowe"), ("1.b", "szkolenia")]),
        ("2", "Partnerstwo", [("2.a", "konsultacje")]),
    ]


def test_specific_goals_one_a_line_and_as_bullets() -> None:
    text = (
        "Cel ogólny: Partnerstwo\n"
        "Cel szczegółowy 1.1: wspieranie organizacji\n"
        "w realizacji zadań\n"
        "Cel szczegółowy 1.2: konsultacje\n"
        "Cele szczegółowe programu to:\n"
        "- rozwój wolontariatu\n"
        "- promocja organizacji\n"
    )
    assert goals(text) == [
        (
            "główny",
            "Partnerstwo",
            [
                ("1.1", "wspieranie organizacji w realizacji zadań"),
                ("1.2", "konsultacje"),
                ("3", "rozwój wolontariatu"),
                ("4", "promocja organizacji"),
            ],
        )
    ]


def test_a_roman_numeral_is_not_taken_from_a_word() -> None:
    assert goals("Cel ogólny Integracja środowisk\n") == [("główny", "Integracja środowisk", [])]
    assert goals("Cel ogólny II: Integracja\nCel ogólny I: Rozwój\n")[0][0] == "II"


@pytest.mark.parametrize("heading", ["1. Działania2.", "1. Działania 2.", "1. Działania²."])
def test_a_footnote_marker_on_the_actions_heading(heading: str) -> None:
    text = (
        f"Cel główny: X\n{heading}\n1) obszar\n"
        "L.p. Nazwa działania Wskaźnik Wartość docelowa Częstotliwość pomiaru\n"
        "1 szkolenia Liczba szkoleń 4/rok Raz w roku\n"
        "2 Materiał zespołu autorskiego.\n"
    )
    found = parse(Source("u.txt", tuple(lines_of(text))))
    assert found.sources == ["Materiał zespołu autorskiego."]
    assert [a.name for a in found.areas] == ["obszar"]
    assert len(found.areas[0].actions) == 1

"""No Python object text in messages: a date in the programme reads ``2024-01-01``, not
``datetime.date(2024, 1, 1)``; a null key reads "(empty key)", not ``program.None``; an empty
value "nothing (an empty value)", not ``None``; a JSON mapping as JSON, not ``{'a': 1}``."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import TEST_PROGRAM, MakeWsp, Wsp
from wspolpraca_cli.loader import load_text

PYTHON_TEXT = ("datetime.", "None", "NoneType", "{'", "dict[", "list[", "function-", " bool]")


def diagnostics(text: str) -> list[str]:
    result = load_text(text, "p.yaml")
    assert not result.ok
    return [d.format() for d in result.diagnostics]


def with_line(old: str, new: str) -> str:
    assert old in TEST_PROGRAM
    return TEST_PROGRAM.replace(old, new, 1)


TITLE = "  title: Program testowy"
ISSUER = "  issuer: Gmina Testowo"
ORGANISER = "                urząd: organizowane przez urząd"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            TITLE,
            "  title: 2024-01-01",
            "p.yaml:3:10: expected text, got the date 2024-01-01 [program.title]\n"
            '    hint: YAML reads it as a date; to make it text, put it in quotes: "2024-01-01"',
        ),
        (
            "            name: Liczba warsztatów",
            "            name: 2024-01-01 12:30:00",
            "p.yaml:20:19: expected text, got the date 2024-01-01 12:30:00 "
            "[areas[0].actions[0].indicators[0].name]\n"
            "    hint: YAML reads it as a date; to make it text, put it in quotes: "
            '"2024-01-01 12:30:00"',
        ),
        (
            "  first_year: 2021",
            "  first_year: 2021-01-01",
            "p.yaml:5:15: expected a whole number, got the date 2021-01-01 [program.first_year]",
        ),
        (
            TITLE,
            "  title:",
            "p.yaml:3:9: expected text, got nothing (an empty value) [program.title]",
        ),
        (
            ISSUER,
            ISSUER + "\n  ~: x",
            "p.yaml:5:3: an empty key: nothing (or ~ or null) before the colon "
            "[program.(empty key)]",
        ),
        (
            ISSUER,
            ISSUER + "\n  null: x",
            "p.yaml:5:3: an empty key: nothing (or ~ or null) before the colon "
            "[program.(empty key)]",
        ),
        (
            ISSUER,
            ISSUER + "\n  2024-01-01: x",
            "p.yaml:5:3: a key must be text, got the date 2024-01-01 [program.2024-01-01]\n"
            '    hint: YAML reads it as a date; to make it text, put it in quotes: "2024-01-01"',
        ),
        (
            ORGANISER,
            "                ~: organizowane przez urząd",
            "p.yaml:26:17: an empty key: nothing (or ~ or null) before the colon "
            "[areas[0].actions[0].indicators[0].breakdowns.organizator.(empty key)]",
        ),
        (
            ISSUER,
            ISSUER + "\n  ~: 1\n  ~: 2",
            "p.yaml:6:3: duplicate key (empty key) (first given on line 5) [program.(empty key)]",
        ),
        (
            ISSUER,
            ISSUER + "\n  2024-01-01: 1\n  2024-01-01: 2",
            "p.yaml:6:3: duplicate key 2024-01-01 (first given on line 5) [program.2024-01-01]",
        ),
        (
            "            target: 1/rok",
            "            target: {2024-01-01: 1}",
            "p.yaml:22:21: unknown key 2024-01-01 in target",
        ),
        (
            "            target: 1/rok",
            "            target: {~: 1}",
            "p.yaml:22:21: unknown key (empty key) in target",
        ),
        (
            "            target: 1/rok",
            "            target: {kind: ~, value: 1}",
            "p.yaml:22:21: the explicit form of a target needs a kind: one of per_period,",
        ),
        (
            "            target: 1/rok",
            "            target: {kind: 2024-01-01, value: 1}",
            "p.yaml:22:21: unknown target kind the date 2024-01-01; use one of",
        ),
        (
            "            target: 1/rok",
            "            target: 2024-01-01",
            "p.yaml:22:21: a target must be text, a number or a mapping, not a date",
        ),
        (
            "    goals: [a]",
            "    goals: [{a: 1}]",
            "p.yaml:14:13: expected text, got a mapping (key: value lines) [areas[0].goals[0]]",
        ),
    ],
)
def test_programme_messages_name_values_as_written(old: str, new: str, expected: str) -> None:
    found = diagnostics(with_line(old, new))
    assert any(d.startswith(expected) for d in found), found
    assert not any(word in d for d in found for word in PYTHON_TEXT), found


def test_in_polish(make_wsp: MakeWsp) -> None:
    wsp = make_wsp(with_line(ISSUER, ISSUER + "\n  ~: x\n  d: 2024-01-01"), lang="pl")
    run = wsp("validate")
    assert run.exit_code == 2
    assert (
        "pusty klucz: przed dwukropkiem nic nie wpisano (albo wpisano ~ lub null) "
        "[program.(pusty klucz)]"
    ) in run.stderr
    wsp = make_wsp(with_line(TITLE, "  title: 2024-01-01"), lang="pl")
    run = wsp("validate")
    assert "oczekiwano tekstu, a wpisano: data 2024-01-01 [program.title]" in run.stderr
    assert 'jako tekst ujmij ją w cudzysłów: "2024-01-01"' in run.stderr
    wsp = make_wsp(with_line(TITLE, "  title:"), lang="pl")
    assert "a wpisano: nic (pusta wartość) [program.title]" in wsp("validate").stderr


YAML_VALUES = st.sampled_from(
    ["~", "null", "", "2024-01-01", "2024-01-01 10:00:00", "true", "no", "12", "1.5", "[1, 2]",
     "{a: 1}", "{~: 1}", "{2024-01-01: 1}", "[~]", "[2024-01-01]", "{a: ~}"]
)  # fmt: skip
PLACES = st.sampled_from(
    [TITLE, ISSUER, "  first_year: 2021", "            unit: liczba", "    name: Obszar pierwszy",
     "            target: 1/rok", "            frequency: Raz w roku", "      - lp: \"1\"",
     "            bounds: {min: 0, max: 100}", ORGANISER, "    goals: [a]",
     "            aggregation: mean", "  main: {id: główny, name: Cel główny}"]
)  # fmt: skip


@given(PLACES, YAML_VALUES, st.booleans())
def test_no_python_text_in_any_programme_message(place: str, value: str, as_key: bool) -> None:
    indent = place[: len(place) - len(place.lstrip())]
    key = place.strip().removeprefix("- ").split(":")[0]
    new = f"{indent}{value}: x" if as_key and value and "[" not in value else None
    line = new or place.replace(place.split(":", 1)[1], f" {value}" if value else "", 1)
    result = load_text(TEST_PROGRAM.replace(place, line, 1), "p.yaml")
    for d in result.diagnostics:
        text = d.format()
        assert not any(word in text for word in PYTHON_TEXT), (key, value, text)


def test_shown_values() -> None:
    from wspolpraca_cli.targets import shown_value

    assert shown_value(None) == "nothing (an empty value)"
    assert shown_value(None, key=True) == "(empty key)"
    assert shown_value(date(2024, 1, 1)) == "the date 2024-01-01"
    assert shown_value(datetime(2024, 1, 1, 9, 5)) == "the date 2024-01-01 09:05:00"
    assert shown_value(date(2024, 1, 1), key=True) == "2024-01-01"
    assert shown_value(True) == "true"
    assert shown_value("abc") == "'abc'"
    assert shown_value(1.5) == "1.5"
    assert shown_value({"a": 1}) == "a mapping (key: value lines)"


# -- imported JSON ----------------------------------------------------------------------------


def test_imported_json_values_are_shown_as_json(wsp: Wsp, tmp_path: Path) -> None:
    src = tmp_path / "in.json"
    entries = [
        {"indicator": "1.1", "period": "2024", "value": {"a": 1}},
        {"indicator": "1.1", "period": "2024", "value": [1, "x"]},
        {"indicator": "1.1", "period": "2024", "value": 1, "tags": {"organizator": None}},
    ]
    src.write_text(json.dumps({"schema": 1, "entries": entries}), encoding="utf-8")
    run = wsp("import", str(src))
    assert run.exit_code == 2
    assert "entry 1: Cannot read the value '{\"a\": 1}'." in run.stderr
    assert "entry 2: Cannot read the value '[1, \"x\"]'." in run.stderr
    assert "entry 3: " in run.stderr
    assert not any(word in run.stderr for word in PYTHON_TEXT), run.stderr

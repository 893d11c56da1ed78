"""``program.planned_funds`` (issue 14): the funds planned per year, read as people write
amounts, located errors with hints, format 2 only, shown by ``wsp list`` and its JSON."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import MakeWsp, Wsp
from wspolpraca_cli.loader import load_text
from wspolpraca_cli.numfmt import format_amount

PROGRAMME = """\
format: {format}
program:
  title: Program
  issuer: Gmina
  first_year: 2024
  last_year: 2026
  planned_funds:
{funds}
goals:
  main: {{id: g, name: G}}
  specific: [{{id: a, name: A}}]
areas:
  - id: "1"
    name: O
    actions:
      - lp: "1"
        name: Warsztaty
        goals: [a]
        indicators:
          - {{id: "1.1", name: Liczba, unit: liczba, target: 1/rok, frequency: Raz w roku}}
"""


def programme(funds: str, fmt: int = 2) -> str:
    body = "\n".join(f"    {line}" for line in funds.strip().splitlines())
    return PROGRAMME.format(format=fmt, funds=body)


def loaded(funds: str, fmt: int = 2) -> tuple[tuple[int, float], ...]:
    result = load_text(programme(funds, fmt), "p.yaml")
    assert result.program is not None, [d.format() for d in result.diagnostics]
    return result.program.planned_funds


def problems(funds: str, fmt: int = 2) -> list[tuple[int, int, str, str, str]]:
    result = load_text(programme(funds, fmt), "p.yaml")
    assert result.program is None
    return [(d.line, d.column, d.message, d.path, d.hint) for d in result.diagnostics]


def test_amounts_are_read_as_people_write_them() -> None:
    funds = '2024: 500 000\n2025: "520 000,50 zł"\n2026: 0,6 mln zł'
    assert loaded(funds) == ((2024, 500_000.0), (2025, 520_000.5), (2026, 600_000.0))


def test_yaml_numbers_and_years_as_text() -> None:
    assert loaded('"2024": 500000\n2025: 1250.5') == ((2024, 500_000.0), (2025, 1250.5))


def test_no_planned_funds_is_an_empty_tuple() -> None:
    result = load_text(programme("2024: 1").replace("  planned_funds:\n    2024: 1\n", ""))
    assert result.program is not None and result.program.planned_funds == ()
    assert result.program.planned(2024) is None


def test_planned_for_a_year() -> None:
    result = load_text(programme("2024: 100\n2026: 0"))
    assert result.program is not None
    assert (result.program.planned(2024), result.program.planned(2025)) == (100.0, None)
    assert result.program.planned(2026) == 0.0


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["pl", "en"]))
def test_any_amount_as_the_report_shows_it_is_read_back(amount: int, lang: str) -> None:
    shown = format_amount(amount, "pl").replace("\u00a0", " ")
    assert loaded(f'2025: "{shown}"') == ((2025, float(amount)),)


def test_a_year_outside_the_programme_is_located_at_its_key() -> None:
    [(line, _column, message, path, hint)] = problems("2024: 1\n2027: 500 000")
    assert (line, path) == (9, "program.planned_funds[2027]")
    assert message == "funds planned for 2027, but the programme covers 2024–2026"
    assert "2024–2026" in hint


def test_a_key_that_is_not_a_year() -> None:
    [(line, _, message, path, hint)] = problems("rok 2024: 500 000")
    assert line == 8 and path == "program.planned_funds.rok 2024"
    assert message == "'rok 2024' is not a year: the keys of planned_funds are years"
    assert hint == "write a year and an amount under planned_funds, e.g. 2024: 500 000"


@pytest.mark.parametrize(
    ("written", "shown", "in_hint"),
    [
        ("-5", "'-5'", "negative"),
        ("12.500", "'12.500'", "ambiguous"),
        ("pięćset", "'pięćset'", "give an amount of zero or more"),
        ("yes", "true", "give an amount of zero or more"),
        ("[1, 2]", "a list", "give an amount of zero or more"),
    ],
)
def test_a_bad_amount_is_located_with_a_hint(written: str, shown: str, in_hint: str) -> None:
    [(line, column, message, path, hint)] = problems(f"2025: {written}")
    assert (line, column, path) == (8, 11, "program.planned_funds[2025]")
    assert message == f"{shown} is not an amount of planned funds"
    assert in_hint in hint and "8 500 000" in hint


def test_format_1_refuses_planned_funds_with_the_format_2_hint() -> None:
    [(line, _, message, path, hint)] = problems("2024: 500 000", fmt=1)
    assert (line, path) == (8, "program.planned_funds")
    assert "planned_funds" in message and "format 2" in message
    assert "format: 2" in hint


def test_polish_messages() -> None:
    from wspolpraca_cli.i18n import set_language

    set_language("pl")  # the autouse fixture sets English again
    [(_, _, message, _, hint)] = problems("2027: 5")
    assert message == "środki zaplanowane na rok 2027, a program obejmuje lata 2024–2026"
    assert hint.startswith("planuj środki na lata programu")


def test_list_shows_planned_funds(make_wsp: MakeWsp) -> None:
    wsp = make_wsp(programme("2024: 500 000\n2025: 520 000,50"))
    run = wsp("list")
    assert run.exit_code == 0, run.stderr
    assert run.stdout.splitlines()[1] == "Planned funds: 2024: 500,000 zł; 2025: 520,000.50 zł"
    pl = wsp("list", lang="pl").stdout.splitlines()[1]
    assert pl == "Środki planowane: 2024: 500\u00a0000 zł; 2025: 520\u00a0000,50 zł"
    doc = json.loads(wsp("list", "--format", "json").stdout)
    assert doc["planned_funds"] == {"2024": 500000.0, "2025": 520000.5}


def test_list_without_planned_funds_is_as_before(wsp: Wsp) -> None:
    run = wsp("list")
    assert "Planned funds" not in run.stdout
    assert json.loads(wsp("list", "--format", "json").stdout)["planned_funds"] == {}

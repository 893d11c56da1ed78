"""Reporting deadlines per period: a year (or longer) by the programme's reporting deadline,
a shorter period ``deadline_days`` after it ends (30 by default; programme or indicator level)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import MakeWsp
from wspolpraca_cli.loader import load_text
from wspolpraca_cli.periods import Frequency, periods_of
from wspolpraca_cli.progress import period_deadline

PROGRAM = """\
format: 1
program:
  title: Program testowy
  issuer: Gmina Testowo
  first_year: 2023
  last_year: 2025
{meta}goals:
  main: {{id: g, name: Cel główny}}
areas:
  - id: "1"
    name: Obszar
    actions:
      - lp: "1"
        name: Działanie
        indicators:
          - id: m
            name: Porady miesięczne
            unit: liczba
            target: 2/miesiąc
            frequency: raz w miesiącu
{monthly}          - id: q
            name: Kwota kwartalna
            unit: zł
            target: 100/kwartał
            frequency: raz na kwartał
          - id: y
            name: Warsztaty
            unit: liczba
            target: 1/rok
            frequency: raz w roku
"""


def _program(meta: str = "", monthly: str = "") -> str:
    return PROGRAM.format(meta=meta, monthly=monthly)


def _rows(run_stdout: str) -> dict[tuple[str, str], dict[str, Any]]:
    doc = json.loads(run_stdout)
    return {(i["id"], i["period"]): i for i in doc["indicators"]}


def _status(make_wsp: MakeWsp, text: str, as_of: str) -> dict[tuple[str, str], dict[str, Any]]:
    run = make_wsp(text)("status", "--year", "2024", "--as-of", as_of, "--format", "json")
    assert run.exit_code == 0, run.stderr
    return _rows(run.stdout)


def test_a_month_is_due_30_days_after_it_ends(make_wsp: MakeWsp) -> None:
    rows = _status(make_wsp, _program(), "2024-03-10")
    january = rows[("m", "2024-01")]
    assert january["deadline"] == "2024-03-01"
    assert january["status"] == "overdue"  # not "awaiting" until 31 May 2025
    february = rows[("m", "2024-02")]
    assert february["deadline"] == "2024-03-30"
    assert february["status"] == "awaiting"
    assert rows[("q", "2024-Q1")]["status"] == "in_progress"


def test_a_year_keeps_the_programmes_reporting_deadline(make_wsp: MakeWsp) -> None:
    rows = _status(make_wsp, _program(meta="  deadline_days: 5\n"), "2025-04-01")
    year = rows[("y", "2024")]
    assert year["deadline"] == "2025-05-31"
    assert year["status"] == "awaiting"
    assert rows[("q", "2024-Q4")]["deadline"] == "2025-01-05"


def test_deadline_days_at_programme_level(make_wsp: MakeWsp) -> None:
    rows = _status(make_wsp, _program(meta="  deadline_days: 60\n"), "2024-03-10")
    assert rows[("m", "2024-01")]["deadline"] == "2024-03-31"
    assert rows[("m", "2024-01")]["status"] == "awaiting"


def test_deadline_days_at_indicator_level_wins(make_wsp: MakeWsp) -> None:
    text = _program(meta="  deadline_days: 60\n", monthly="            deadline_days: 0\n")
    rows = _status(make_wsp, text, "2024-03-10")
    assert rows[("m", "2024-01")]["deadline"] == "2024-01-31"
    assert rows[("m", "2024-02")]["deadline"] == "2024-02-29"
    assert rows[("m", "2024-02")]["status"] == "overdue"
    assert rows[("q", "2024-Q1")]["deadline"] == "2024-05-30"  # the programme's 60 days


def test_data_recorded_makes_an_overdue_month_achieved(make_wsp: MakeWsp) -> None:
    wsp = make_wsp(_program())
    wsp.record("m", "2", "--period", "2024-01")
    run = wsp("status", "--year", "2024", "--as-of", "2024-03-10", "--format", "json")
    assert _rows(run.stdout)[("m", "2024-01")]["status"] == "achieved"


def test_check_counts_an_overdue_month(make_wsp: MakeWsp) -> None:
    run = make_wsp(_program())("check", "--year", "2024", "--as-of", "2024-03-10")
    assert run.exit_code == 1


@pytest.mark.parametrize(
    ("value", "shown"),
    [("-1", "-1"), ("2.5", "2.5"), ("trzydzieści", "trzydzieści"), ("yes", "true"),
     ("99999", "99999")],
)  # fmt: skip
@pytest.mark.parametrize("level", ["programme", "indicator"])
def test_bad_deadline_days_is_a_located_error(
    make_wsp: MakeWsp, value: str, shown: str, level: str
) -> None:
    if level == "programme":
        text, line, path = _program(meta=f"  deadline_days: {value}\n"), 7, "program.deadline_days"
    else:
        text, line = _program(monthly=f"            deadline_days: {value}\n"), 21
        path = "deadline_days"
    wsp = make_wsp(text)
    run = wsp("validate", str(wsp.program))
    assert run.exit_code == 2
    assert "Traceback" not in run.stderr
    assert f"program.yaml:{line}:" in run.stderr
    assert path in run.stderr
    assert f"deadline_days must be a whole number of days from 0 to 3660, not: {shown}" in (
        run.stderr
    )
    polish = wsp("validate", str(wsp.program), lang="pl")
    assert "deadline_days musi być liczbą całkowitą dni" in polish.stderr


@given(
    days=st.integers(min_value=0, max_value=3660),
    frequency=st.sampled_from([Frequency.HALF_YEARLY, Frequency.QUARTERLY, Frequency.MONTHLY]),
)
def test_short_periods_are_due_days_after_they_end(days: int, frequency: Frequency) -> None:
    program = load_text(_program(meta=f"  deadline_days: {days}\n")).program
    assert program is not None
    ind = program.indicator("m")
    assert ind is not None
    for period in periods_of(frequency, 2023, 2025):
        assert period_deadline(ind, program, period) == period.end + timedelta(days=days)
    for period in periods_of(Frequency.YEARLY, 2023, 2025):
        assert period_deadline(ind, program, period) == date(period.year + 1, 5, 31)

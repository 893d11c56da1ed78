"""The programme-to-date row keeps two findings apart: progress against the programme's
target (JSON ``status``, ``achievement``) and data completeness (``completeness``: periods
with data of the periods due). SPEC round 2, "Programmes as adopted"."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import MakeWsp, Wsp
from wspolpraca_cli.entries import Entry
from wspolpraca_cli.loader import load_text
from wspolpraca_cli.progress import Status, progress

PROGRAM = """\
format: 1
program:
  title: Program testowy
  issuer: Gmina Testowo
  first_year: 2021
  last_year: 2025
goals:
  main: {id: g, name: Cel główny}
areas:
  - id: "1"
    name: Obszar
    actions:
      - lp: "1"
        name: Warsztaty
        indicators:
          - id: "1.1"
            name: Liczba warsztatów
            unit: liczba
            target: 1/rok
            frequency: raz w roku
      - lp: "2"
        name: Granty
        indicators:
          - id: total
            name: Liczba grantów
            unit: liczba
            target: 10 w okresie programu
            frequency: raz w roku
"""


def _programme(wsp: Wsp, as_of: str, indicator: str = "1.1") -> dict[str, Any]:
    run = wsp("status", "--as-of", as_of, "--format", "json")
    assert run.exit_code == 0, run.stderr
    doc = json.loads(run.stdout)
    return next(p for p in doc["programme"] if p["id"] == indicator)


def test_a_year_without_data_does_not_make_a_total_on_its_way_overdue(make_wsp: MakeWsp) -> None:
    wsp = make_wsp(PROGRAM)
    for year in ("2022", "2023"):
        wsp.record("1.1", "1", "--year", year)
        wsp.record("total", "3", "--year", year)
    whole = _programme(wsp, "2024-07-01")
    assert whole["status"] == "in_progress"
    assert whole["achievement"] == 0.4
    assert whole["completeness"] == {"with_data": 2, "due": 3}  # 2021 has no entry
    assert _programme(wsp, "2024-07-01", "total")["status"] == "in_progress"
    run = wsp("status", "--as-of", "2024-07-01", "--format", "json")
    rows = {(i["id"], i["period"]): i["status"] for i in json.loads(run.stdout)["indicators"]}
    assert rows[("1.1", "2021")] == "overdue"  # its own row
    assert rows[("total", "2021")] == "overdue"


def test_six_of_five_is_achieved_early_not_missed_while_the_last_year_is_open(
    make_wsp: MakeWsp,
) -> None:
    wsp = make_wsp(PROGRAM)
    wsp.record("1.1", "3", "--year", "2021")
    wsp.record("1.1", "0", "--year", "2022")  # a missed year, its own row
    wsp.record("1.1", "3", "--year", "2023")
    whole = _programme(wsp, "2024-03-10")
    assert (whole["target"], whole["actual"], whole["achievement"]) == (5.0, 6.0, 1.2)
    assert whole["status"] == "achieved"
    assert whole["periods_achieved"] == 2
    table = wsp("status", "--as-of", "2024-03-10")
    line = next(x for x in table.stdout.splitlines() if "programme to date" in x and "1.1" in x)
    assert "missed" not in line and "achieved" in line


def test_a_short_total_is_judged_only_when_the_programme_is_over(make_wsp: MakeWsp) -> None:
    wsp = make_wsp(PROGRAM)
    wsp.record("1.1", "4", "--year", "2021")
    assert _programme(wsp, "2025-12-31")["status"] == "in_progress"
    over = _programme(wsp, "2026-07-01")
    assert over["status"] == "missed"
    assert over["completeness"] == {"with_data": 1, "due": 5}


def test_completeness_in_polish_and_english_output_is_the_same_json(make_wsp: MakeWsp) -> None:
    wsp = make_wsp(PROGRAM)
    english = _programme(wsp, "2023-07-01")
    polish_run = wsp("status", "--as-of", "2023-07-01", "--format", "json", lang="pl")
    polish = next(p for p in json.loads(polish_run.stdout)["programme"] if p["id"] == "1.1")
    assert english["completeness"] == polish["completeness"] == {"with_data": 0, "due": 2}


@given(
    values=st.lists(st.one_of(st.none(), st.integers(0, 4)), min_size=5, max_size=5),
    as_of=st.dates(),
)
def test_years_without_data_never_decide_the_programme_row(
    values: list[int | None], as_of: Any
) -> None:
    """Whatever years lack data, the programme's status is that of its total, judged like
    one period spanning the programme; completeness counts the years due and with data."""
    program = load_text(PROGRAM).program
    assert program is not None
    entries = [
        Entry(f"e{n}", "1.1", str(2021 + n), v) for n, v in enumerate(values) if v is not None
    ]
    result = progress(program, entries, as_of).indicator("1.1")
    assert result is not None
    whole = result.programme
    total = sum(v for v in values if v is not None)
    assert whole.actual == total
    if as_of.year < 2021:
        assert whole.status is Status.NOT_STARTED
    elif total >= 5:
        assert whole.status is Status.ACHIEVED
    elif as_of.year <= 2025:
        assert whole.status is Status.IN_PROGRESS
    elif not entries:
        assert whole.status in (Status.AWAITING, Status.OVERDUE)
    else:
        assert whole.status is Status.MISSED
    due = [r for r in result.periods if as_of > r.deadline]
    assert whole.periods_due == len(due)
    assert whole.periods_due_with_data == sum(1 for r in due if r.has_data)

"""Weekly (ISO weeks, ``2024-W05``) and biennial (``2023-2024``, counted from the programme's
first year) frequencies, through record, status, history and import; a did-you-mean for a
frequency only when it is close in meaning."""

from __future__ import annotations

import json
from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import MakeWsp
from wspolpraca_cli.periods import (
    Frequency,
    PeriodKind,
    biennium_of,
    closest_frequency_word,
    parse_frequency,
    parse_period,
    period_of,
    periods_of,
)

PROGRAM = """\
format: 1
program:
  title: Program testowy
  issuer: Gmina Testowo
  first_year: 2023
  last_year: 2025
goals:
  main: {{id: g, name: Cel główny}}
areas:
  - id: "1"
    name: Obszar
    actions:
      - lp: "1"
        name: Dyżury
        indicators:
          - id: t
            name: Liczba dyżurów
            unit: liczba
            target: 100 w okresie programu
            frequency: {weekly}
          - id: b
            name: Badanie potrzeb
            unit: liczba
            target: 2 w okresie programu
            frequency: {biennial}
"""


def _program(weekly: str = "raz w tygodniu", biennial: str = "raz na dwa lata") -> str:
    return PROGRAM.format(weekly=weekly, biennial=biennial)


@pytest.mark.parametrize(
    ("text", "frequency"),
    [
        ("raz w tygodniu", Frequency.WEEKLY),
        ("Co tydzień", Frequency.WEEKLY),
        ("co tydzien", Frequency.WEEKLY),
        ("weekly", Frequency.WEEKLY),
        ("raz na dwa lata", Frequency.BIENNIAL),
        ("Co dwa lata", Frequency.BIENNIAL),
        ("every two years", Frequency.BIENNIAL),
    ],
)
def test_new_frequency_words(text: str, frequency: Frequency) -> None:
    assert parse_frequency(text) is frequency


def test_week_codes() -> None:
    week = parse_period("2024-W05")
    assert (week.year, week.kind, week.index) == (2024, PeriodKind.WEEK, 5)
    assert str(week) == "2024-W05"
    assert (week.start, week.end) == (date(2024, 1, 29), date(2024, 2, 4))
    assert str(parse_period("2020-w53")) == "2020-W53"  # 2020 had 53 ISO weeks
    with pytest.raises(ValueError, match="no such week"):
        parse_period("2024-W53")
    with pytest.raises(ValueError, match="no such week"):
        parse_period("2024-W00")


@given(st.dates(min_value=date(1991, 1, 1), max_value=date(2199, 12, 1)))
def test_the_week_of_a_day_holds_it_and_reads_back(day: date) -> None:
    week = period_of(day, Frequency.WEEKLY, 2000, 2001)
    assert week.start <= day <= week.end
    assert week.end - week.start == timedelta(days=6)
    assert parse_period(str(week)) == week


@given(st.integers(1991, 2190), st.integers(0, 9))
def test_bienniums_cover_the_programme_once(first: int, extra: int) -> None:
    last = first + extra
    bienniums = periods_of(Frequency.BIENNIAL, first, last)
    years = [y for b in bienniums for y in b.years()]
    assert years == list(range(first, last + 1))
    for b in bienniums:
        assert b.kind is PeriodKind.BIENNIUM
        assert biennium_of(b.end_year, first, last) == b
        assert str(b) == f"{b.year}-{b.end_year}"


def _json(make_wsp: MakeWsp, wsp_args: tuple[str, ...]) -> dict:  # type: ignore[type-arg]
    wsp = make_wsp(_program())
    run = wsp(*wsp_args)
    assert run.exit_code == 0, run.stderr
    return json.loads(run.stdout)  # type: ignore[no-any-return]


def test_weekly_record_status_history(make_wsp: MakeWsp) -> None:
    wsp = make_wsp(_program())
    wsp.record("t", "3", "--period", "2024-W05")
    wsp.record("t", "2", "--date", "2024-02-07")  # a Wednesday of week 6
    run = wsp("status", "--year", "2024", "--as-of", "2024-03-10", "--format", "json")
    assert run.exit_code == 0, run.stderr
    rows = {i["period"]: i for i in json.loads(run.stdout)["indicators"] if i["id"] == "t"}
    assert rows["2024-W05"]["actual"] == 3
    assert rows["2024-W06"]["actual"] == 2
    assert rows["2024-W05"]["deadline"] == "2024-03-05"  # 30 days after Sunday 4 February
    assert rows["2024-W01"]["status"] == "overdue"
    assert rows["2024-W08"]["status"] == "awaiting"
    history = wsp("history", "t")
    assert "2024-W05" in history.stdout and "2024-W06" in history.stdout
    wrong = wsp("record", "t", "1", "--period", "2024-02")
    assert wrong.exit_code == 2
    assert "2025-W52" in wrong.stderr  # the hint shows a week code


def test_biennial_record_status(make_wsp: MakeWsp) -> None:
    wsp = make_wsp(_program())
    wsp.record("b", "1", "--period", "2023-2024")
    wsp.record("b", "1", "--date", "2024-05-05")
    run = wsp("status", "--year", "2024", "--as-of", "2025-07-01", "--format", "json")
    assert run.exit_code == 0, run.stderr
    doc = json.loads(run.stdout)
    rows = {i["period"]: i for i in doc["indicators"] if i["id"] == "b"}
    assert rows["2023-2024"]["actual"] == 2
    assert rows["2023-2024"]["deadline"] == "2025-05-31"  # by the programme's deadline
    programme = next(p for p in doc["programme"] if p["id"] == "b")
    assert programme["status"] == "achieved"
    misaligned = wsp("record", "b", "1", "--period", "2024-2025")
    assert misaligned.exit_code == 2
    assert "does not fit the indicator b" in misaligned.stderr
    assert "Traceback" not in misaligned.stderr
    polish = wsp("record", "b", "1", "--period", "2024-2025", lang="pl")
    assert polish.exit_code == 2 and "raz na dwa lata" in polish.stderr


def test_weekly_and_biennial_survive_export_and_import(make_wsp: MakeWsp) -> None:
    wsp = make_wsp(_program())
    wsp.record("t", "3", "--period", "2024-W05")
    wsp.record("b", "1", "--period", "2025-2025")
    exported = wsp("export")
    assert exported.exit_code == 0, exported.stderr
    csv = wsp.program.parent / "entries.csv"
    csv.write_text(exported.stdout, encoding="utf-8")
    other = make_wsp(_program(), store="other.wsp.db")
    imported = other("import", str(csv))
    assert imported.exit_code == 0, imported.stderr
    history = other("history").stdout
    assert "2024-W05" in history and "2025-2025" in history


def test_no_suggestion_with_a_number_that_differs(make_wsp: MakeWsp) -> None:
    wsp = make_wsp(_program(biennial="raz na trzy lata"))
    run = wsp("validate", str(wsp.program))
    assert run.exit_code == 2
    assert "raz na trzy lata" in run.stderr
    hint = next(line for line in run.stderr.splitlines() if "hint:" in line)
    assert hint.strip().startswith("hint: write it as the document does")  # no did-you-mean
    assert "Traceback" not in run.stderr


def test_a_typo_still_gets_its_suggestion(make_wsp: MakeWsp) -> None:
    wsp = make_wsp(_program(biennial="raz na kwartl"))
    run = wsp("validate", str(wsp.program))
    assert run.exit_code == 2
    assert "'raz na kwartał'" in run.stderr
    assert closest_frequency_word("raz na kwartal") == "raz na kwartał"
    assert closest_frequency_word("raz na trzy lata") is None
    assert closest_frequency_word("co trzy tygodnie") is None
    assert closest_frequency_word("raz na dwa lta") == "raz na dwa lata"


def test_a_target_per_year_is_refused_for_a_biennial_indicator(make_wsp: MakeWsp) -> None:
    wsp = make_wsp(_program().replace("target: 2 w okresie programu", "target: 1/rok"))
    run = wsp("validate", str(wsp.program))
    assert run.exit_code == 2
    assert "a target per year needs measurements at least that often" in run.stderr
    assert "program.yaml:24:21:" in run.stderr and "Traceback" not in run.stderr


def test_every_programme_day_has_its_week(make_wsp: MakeWsp) -> None:
    # 1 January 2023 is a Sunday of 2022-W52 and 31 December 2025 a Wednesday of 2026-W01:
    # both days are the programme's, so their weeks are its periods.
    wsp = make_wsp(_program())
    for day, week in (("2023-01-01", "2022-W52"), ("2025-12-31", "2026-W01")):
        run = wsp("record", "t", "1", "--date", day)
        assert run.exit_code == 0, run.stderr
        assert week in wsp("history", "t").stdout
    for year, week in ((2023, "2022-W52"), (2025, "2026-W01")):
        run = wsp("status", "--year", str(year), "--as-of", "2026-03-01", "--format", "json")
        assert run.exit_code == 0, run.stderr
        rows = {i["period"]: i for i in json.loads(run.stdout)["indicators"] if i["id"] == "t"}
        assert rows[week]["actual"] == 1
    outside = wsp("record", "t", "1", "--period", "2022-W51")
    assert outside.exit_code == 2 and "2022-W51" in outside.stderr
    assert "Traceback" not in outside.stderr


@given(st.integers(1991, 2190), st.integers(0, 5))
def test_weeks_cover_the_programme_days_once(first: int, extra: int) -> None:
    last = first + extra
    weeks = periods_of(Frequency.WEEKLY, first, last)
    assert weeks[0].start <= date(first, 1, 1) <= weeks[0].end
    assert weeks[-1].start <= date(last, 12, 31) <= weeks[-1].end
    assert all(b.start - a.start == timedelta(days=7) for a, b in pairwise(weeks))


MEASURED = """\
format: 1
program: {{title: Program, issuer: Gmina, first_year: {first}, last_year: {last}}}
goals:
  main: {{id: g, name: Cel}}
areas:
  - id: "1"
    name: Obszar
    actions:
      - lp: "1"
        name: Działanie
        indicators:
          - {{id: y, name: R, unit: liczba, target: 1/rok, frequency: raz w roku}}
          - {{id: h, name: P, unit: liczba, target: 2/rok, frequency: raz na pół roku}}
          - {{id: q, name: K, unit: liczba, target: 4/rok, frequency: raz na kwartał}}
          - {{id: m, name: M, unit: liczba, target: ≥ 1, frequency: raz w miesiącu}}
          - {{id: w, name: T, unit: liczba, target: 9 w okresie programu,
             frequency: raz w tygodniu}}
          - {{id: b, name: D, unit: liczba, target: 2 w okresie programu,
             frequency: raz na dwa lata}}
"""


@settings(max_examples=25, deadline=None)
@given(st.integers(1995, 2190), st.integers(0, 4))
def test_the_periods_recorded_for_a_period_are_those_of_the_frequency_inside_it(
    tmp_path_factory: pytest.TempPathFactory, first: int, extra: int
) -> None:
    """``wsp record --period`` takes, for an evaluation period, the periods of the
    indicator's frequency that lie wholly inside it (found by a binary search: here against
    every period of the frequency)."""
    from wspolpraca_cli.loader import load_program
    from wspolpraca_cli.progress import measurement_periods

    last = first + extra
    path = tmp_path_factory.mktemp("measured") / "program.yaml"
    path.write_text(MEASURED.format(first=first, last=last), encoding="utf-8")
    program = load_program(path)
    spans = [p for f in Frequency for p in periods_of(f, first, last)]
    for ind in program.indicators:
        every = periods_of(ind.frequency, first, last)
        for span in spans:
            inside = [p for p in every if span.start <= p.start and p.end <= span.end]
            assert measurement_periods(ind, program, span) == inside, (ind.id, span)

"""Targets in time: dated targets measured once are judged in their year, milestones reached
late, achievement at the best result, and the default view / programme status showing earlier
shortfalls."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.test_progress_engine import SEED, ent, make, row, run
from wspolpraca_cli.cli.app import app
from wspolpraca_cli.entries import Entry
from wspolpraca_cli.periods import Period, PeriodKind
from wspolpraca_cli.progress import OrphanReason, Status, evaluate, progress
from wspolpraca_cli.store import open_store

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "przyklad-pelny.yaml"
ONCE_MILESTONE = "unit: tak/nie\ntarget: tak w 2025\nfrequency: jednorazowo"


def statuses(ip: Any) -> tuple[Status, Status]:
    """The due year's status and the programme's."""
    return ip.period("2025").status, ip.programme.status


# -- 1. a dated target measured once is judged in its year -------------------------------------
def test_once_milestone_is_judged_over_its_year() -> None:
    program = make(ONCE_MILESTONE, 2024, 2026)
    ip = run(program, [], "2025-06-01")
    assert [r.code for r in ip.periods] == ["2025"]
    assert row(ip, "2025") == (Status.IN_PROGRESS, None, 1.0)
    assert ip.period("2025").deadline == date(2026, 5, 31)  # type: ignore[union-attr]
    assert run(program, [], "2024-06-01").period("2025").status is Status.NOT_STARTED  # type: ignore[union-attr]
    assert run(program, [], "2024-06-01").programme.status is Status.IN_PROGRESS
    assert statuses(run(program, [], "2026-03-01")) == (Status.AWAITING, Status.AWAITING)
    assert statuses(run(program, [], "2026-05-31")) == (Status.AWAITING, Status.AWAITING)
    assert statuses(run(program, [], "2026-06-01")) == (Status.OVERDUE, Status.OVERDUE)


def test_once_milestone_no_is_missed_once_its_year_closes() -> None:
    program = make(ONCE_MILESTONE, 2024, 2026)
    no = [ent(0, "2024-2026")]
    assert statuses(run(program, no, "2025-06-01")) == (Status.IN_PROGRESS, Status.IN_PROGRESS)
    late = run(program, no, "2026-01-02")
    assert statuses(late) == (Status.MISSED, Status.MISSED)
    assert (late.programme.actual, late.programme.achievement) == (0.0, 0.0)


def test_once_milestone_yes_in_its_year_is_achieved() -> None:
    program = make(ONCE_MILESTONE, 2024, 2026)
    yes = run(program, [ent(1, "2024-2026")], "2025-06-01")
    assert statuses(yes) == (Status.ACHIEVED, Status.ACHIEVED)
    assert yes.programme.achievement == 1.0
    dated = [ent(1, "2024-2026", date="2025-09-01")]
    assert statuses(run(program, dated, "2025-08-31"))[0] is Status.IN_PROGRESS
    assert statuses(run(program, dated, "2026-07-01")) == (Status.ACHIEVED, Status.ACHIEVED)
    for_the_year = run(program, [ent(1, "2025")], "2026-07-01")  # a yearly value, e.g. imported
    assert statuses(for_the_year) == (Status.ACHIEVED, Status.ACHIEVED)


def test_once_milestone_value_for_a_later_year_is_an_orphan() -> None:
    program = make(ONCE_MILESTONE, 2024, 2026)
    result = progress(program, [ent(1, "2026")], date(2026, 7, 1))
    assert [(o.period, o.reason) for o in result.orphans] == [
        ("2026", OrphanReason.WRONG_FREQUENCY)
    ]
    ip = result.indicator("1.1")
    assert ip is not None and statuses(ip) == (Status.OVERDUE, Status.OVERDUE)


def test_once_milestone_year_views() -> None:
    program = make(ONCE_MILESTONE, 2024, 2026)
    result = progress(program, [], date(2026, 6, 1))
    assert [r.code for r in result.year_rows(2025)] == ["2025"]
    assert result.year_rows(2024) == [] and result.year_rows(2026) == []
    assert [r.status for r in result.current_rows()] == [Status.OVERDUE]


@pytest.mark.parametrize("frequency", ["jednorazowo", "na koniec programu"])
def test_level_measured_once_or_at_the_end_is_due_in_its_year(frequency: str) -> None:
    program = make(f"unit: '%'\ntarget: 30% w 2025\nfrequency: {frequency}", 2024, 2026)
    ip = run(program, [ent(35, "2024-2026")], "2025-06-01")
    assert [r.code for r in ip.periods] == ["2025"]
    assert row(ip, "2025") == (Status.IN_PROGRESS, 35.0, 30.0)  # a level can still fall
    assert statuses(run(program, [ent(35, "2024-2026")], "2026-01-02")) == (
        Status.ACHIEVED,
        Status.ACHIEVED,
    )
    assert statuses(run(program, [ent(20, "2024-2026")], "2026-01-02")) == (
        Status.MISSED,
        Status.MISSED,
    )
    assert statuses(run(program, [], "2026-06-01")) == (Status.OVERDUE, Status.OVERDUE)


def test_undated_once_targets_keep_the_programme_period() -> None:
    program = make("unit: tak/nie\ntarget: tak\nfrequency: jednorazowo", 2024, 2026)
    assert [r.code for r in run(program, [], "2025-01-01").periods] == ["2024-2026"]
    level = make("unit: '%'\ntarget: 30% w 2026\nfrequency: raz w roku", 2024, 2026)
    assert [r.code for r in run(level, [], "2025-01-01").periods] == ["2024", "2025", "2026"]


def test_summaries_from_the_store_agree(tmp_path: Path) -> None:
    program = make(ONCE_MILESTONE, 2024, 2026)
    entries = [ent(0, "2024-2026", 1), ent(1, "2024-2026", 2, date="2025-10-01"), ent(1, "2026")]
    with open_store(tmp_path / "s.db") as store:
        stored = store.add_many(
            [Entry("", e.indicator_id, e.period, e.value, date=e.date) for e in entries]
        )
        for day in (date(2025, 9, 1), date(2026, 1, 2)):
            assert evaluate(program, store.summaries(day), day) == progress(program, stored, day)


def test_example_centre_is_checked_in_2025(tmp_path: Path) -> None:
    runner = CliRunner()
    args = ["--program", str(EXAMPLE), "--store", str(tmp_path / "s.db"), "check"]
    result = runner.invoke(app, [*args, "--year", "2025", "--as-of", "2026-06-01", "-f", "json"])
    assert result.exit_code == 1, result.stderr
    rows = [(i["id"], i["period"], i["status"]) for i in json.loads(result.stdout)["indicators"]]
    assert ("2.2", "2025", "overdue") in rows
    early = runner.invoke(app, [*args, "--year", "2025", "--as-of", "2026-03-01", "-f", "json"])
    rows = [(i["id"], i["period"], i["status"]) for i in json.loads(early.stdout)["indicators"]]
    assert ("2.2", "2025", "awaiting") in rows


# -- 2. a milestone reached after its year ---------------------------------------------------
def test_milestone_reached_late_is_not_achieved_in_the_programme_row() -> None:
    program = make("unit: tak/nie\ntarget: tak w 2024\nfrequency: raz w roku", 2024, 2026)
    late = run(program, [ent(1, "2025")], "2025-07-01")
    assert row(late, "2024") == (Status.OVERDUE, None, 1.0)
    whole = late.programme
    assert (whole.status, whole.actual, whole.achievement) == (Status.OVERDUE, None, None)
    waiting = run(program, [ent(1, "2025")], "2025-03-01").programme
    assert (waiting.status, waiting.actual, waiting.achievement) == (Status.AWAITING, None, None)
    no_then_yes = run(program, [ent(0, "2024"), ent(1, "2025")], "2025-07-01").programme
    assert (no_then_yes.status, no_then_yes.actual, no_then_yes.achievement) == (
        Status.MISSED,
        0.0,
        0.0,
    )


def test_milestone_before_its_year_shows_the_latest_reading() -> None:
    program = make("unit: tak/nie\ntarget: tak w 2025\nfrequency: raz w roku", 2024, 2026)
    early = run(program, [ent(1, "2024")], "2024-10-01").programme
    assert (early.status, early.actual, early.achievement) == (Status.ACHIEVED, 1.0, 1.0)
    level = make("unit: '%'\ntarget: 80% w 2026\nfrequency: raz w roku", 2024, 2026)
    so_far = run(level, [ent(60, "2024"), ent(70, "2025")], "2025-10-01").programme
    assert (so_far.status, so_far.actual) == (Status.IN_PROGRESS, 70.0)
    assert so_far.achievement == pytest.approx(70 / 80)


# -- 3. achievement at the best result -------------------------------------------------------
@pytest.mark.parametrize(
    ("target", "value"),
    [("≤ 20%", 0), ("≤ 0", 0), ("0/rok", 0), ("0", 0), ("0/rok", 2), ("≤ 20%", 20)],
)
def test_met_target_with_zero_denominator_is_100_percent(target: str, value: float) -> None:
    program = make(f"unit: wartość\ntarget: '{target}'\nfrequency: raz w roku", 2024, 2025)
    ip = run(program, [ent(value, "2024")], "2025-01-02")
    result = ip.period("2024")
    assert result is not None and result.status is Status.ACHIEVED
    assert result.achievement == 1.0
    assert run(program, [], "2025-01-02").period("2024").achievement in (None, 1.0)  # type: ignore[union-attr]


def test_no_data_keeps_achievement_undefined() -> None:
    program = make("unit: '%'\ntarget: ≤ 20%\nfrequency: raz w roku", 2024, 2025)
    ip = run(program, [], "2025-07-01")
    assert ip.period("2024").achievement is None  # type: ignore[union-attr]
    assert ip.programme.achievement is None


# -- 4. the default view and the programme row show earlier shortfalls ----------------------
def test_default_view_lists_every_earlier_period_needing_attention() -> None:
    nothing = run(SEED, [], "2025-06-01")
    view = nothing.default_view(date(2025, 6, 1))
    assert [(r.code, r.status) for r in view] == [
        ("2021", Status.OVERDUE),
        ("2022", Status.OVERDUE),
        ("2023", Status.OVERDUE),
        ("2024", Status.OVERDUE),
        ("2025", Status.IN_PROGRESS),
    ]
    mixed = [ent(0, "2021"), ent(1, "2022"), ent(1, "2023")]
    ip = run(SEED, mixed, "2025-04-01")
    assert [(r.code, r.status) for r in ip.default_view(date(2025, 4, 1))] == [
        ("2021", Status.MISSED),
        ("2024", Status.AWAITING),
        ("2025", Status.IN_PROGRESS),
    ]
    after = run(SEED, [*mixed, ent(1, "2024"), ent(1, "2025")], "2027-01-01")
    assert [r.code for r in after.default_view(date(2027, 1, 1))] == ["2021", "2025"]


def test_default_view_of_quarters() -> None:
    program = make("target: 1/kwartał\nfrequency: kwartalnie", 2024, 2024)
    ip = run(program, [ent(1, "2024-Q2")], "2024-07-20")
    assert [(r.code, r.status) for r in ip.default_view(date(2024, 7, 20))] == [
        ("2024-Q1", Status.OVERDUE),  # due 30 days after the quarter, on 30 April
        ("2024-Q2", Status.ACHIEVED),  # the previous period, its report due by 30 July
        ("2024-Q3", Status.IN_PROGRESS),
    ]
    later = run(program, [ent(1, "2024-Q2")], "2024-08-01")
    assert [r.code for r in later.default_view(date(2024, 8, 1))] == ["2024-Q1", "2024-Q3"]


def test_programme_status_is_the_totals_while_running() -> None:
    """Earlier years missed or without data are their own rows; the programme's row says how
    the total stands (SPEC round 2: the programme-to-date row keeps the findings apart)."""

    def status(entries: list[Entry], as_of: str) -> Status:
        return run(SEED, entries, as_of).programme.status

    good = [ent(1, "2021"), ent(1, "2022"), ent(1, "2023")]
    assert status(good, "2024-06-01") is Status.IN_PROGRESS
    assert status([ent(1, "2021"), ent(0, "2022"), ent(1, "2023")], "2024-06-01") is (
        Status.IN_PROGRESS
    )
    assert status([ent(1, "2021"), ent(1, "2022")], "2024-06-01") is Status.IN_PROGRESS
    assert status([ent(0, "2021"), ent(1, "2022")], "2024-06-01") is Status.IN_PROGRESS
    after = [ent(0, "2021"), *(ent(1, str(y), y) for y in range(2022, 2025))]
    assert status(after, "2026-07-01") is Status.MISSED  # 3 of 5, the programme over
    assert status([*after, ent(1, "2025")], "2026-07-01") is Status.MISSED  # 4 of 5
    assert status([*after, ent(2, "2025")], "2026-07-01") is Status.ACHIEVED  # 5 of 5


def test_total_and_monitoring_rows_keep_overdue_years_apart() -> None:
    total = make("target: 5 w okresie programu\nfrequency: raz w roku", 2021, 2023)
    on_its_way = run(total, [ent(2, "2022")], "2022-07-01").programme
    assert on_its_way.status is Status.IN_PROGRESS  # 2021 without data is its own row
    assert (on_its_way.periods_due, on_its_way.periods_due_with_data) == (1, 0)
    assert run(total, [ent(2, "2021")], "2022-07-01").programme.status is Status.IN_PROGRESS
    assert run(total, [ent(5, "2022")], "2022-07-01").programme.status is Status.ACHIEVED
    watch = make("unit: zł\ntarget: brak\nfrequency: raz w roku", 2021, 2023)
    assert run(watch, [ent(9, "2022")], "2022-07-01").programme.status is Status.REPORTED
    assert run(watch, [ent(9, "2021")], "2022-07-01").programme.status is Status.REPORTED


def test_programme_period_is_unchanged() -> None:
    ip = run(make(ONCE_MILESTONE, 2024, 2026), [], "2025-01-01")
    assert ip.programme.period == Period(2024, PeriodKind.PROGRAMME, 2026)


def test_measurement_periods_name_what_to_record() -> None:
    from wspolpraca_cli.progress import measurement_periods

    program = make(ONCE_MILESTONE, 2024, 2026)
    ind = program.indicator("1.1")
    assert ind is not None
    due = Period(2025, PeriodKind.YEAR)
    assert [str(p) for p in measurement_periods(ind, program, due)] == ["2024-2026"]
    quarterly = make("target: 4/rok\nfrequency: raz na kwartał", 2024, 2025)
    q = quarterly.indicator("1.1")
    assert q is not None
    assert [str(p) for p in measurement_periods(q, quarterly, Period(2024, PeriodKind.YEAR))] == [
        "2024-Q1",
        "2024-Q2",
        "2024-Q3",
        "2024-Q4",
    ]

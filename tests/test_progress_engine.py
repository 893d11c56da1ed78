"""The progress engine without the CLI: every target kind, every aggregation, the edge cases."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from wspolpraca_cli.aggregation import Aggregate
from wspolpraca_cli.entries import Entry, EntryKind, PeriodSummary, summarise, summarise_tags
from wspolpraca_cli.loader import load_program, load_text
from wspolpraca_cli.model import Program
from wspolpraca_cli.periods import Period, PeriodKind
from wspolpraca_cli.progress import (
    IndicatorProgress,
    OrphanReason,
    Status,
    achievement,
    baseline_progress,
    evaluate,
    progress,
)

HEAD = """\
format: 1
program:
  title: Test
  issuer: Gmina
  first_year: {first}
  last_year: {last}
goals:
  main: {{id: g, name: Main}}
  specific:
    - {{id: a, name: Goal A}}
    - {{id: b, name: Goal B}}
areas:
  - id: "1"
    name: Area
    actions:
      - lp: "1"
        name: Action
        goals: [a]
        indicators:
"""


def make(indicator: str, first: int = 2021, last: int = 2025) -> Program:
    """A programme with one indicator (id 1.1), written as the YAML of its fields."""
    body = "\n".join("            " + line for line in indicator.strip().splitlines())
    text = HEAD.format(first=first, last=last) + "          - name: X\n" + body + "\n"
    result = load_text(text)
    assert result.program is not None, [d.format() for d in result.diagnostics]
    return result.program


def ent(value: float | None, period: str, n: int = 0, ind: str = "1.1", **kw: object) -> Entry:
    """An entry of indicator ``ind`` (uid made up unless given; ``n`` is its seq)."""
    fields: dict[str, object] = {"uid": f"u{n}-{ind}-{period}-{value}", "seq": n, **kw}
    return Entry(indicator_id=ind, period=period, value=value, **fields)  # type: ignore[arg-type]


def run(program: Program, entries: list[Entry], as_of: str) -> IndicatorProgress:
    found = progress(program, entries, date.fromisoformat(as_of)).indicator("1.1")
    assert found is not None
    return found


def row(ip: IndicatorProgress, code: str) -> tuple[Status, float | None, float | None]:
    r = ip.period(code)
    assert r is not None, code
    return r.status, r.actual, r.target


SEED = load_program(Path(__file__).resolve().parent.parent / "data" / "program.yaml")


# -- SPEC's worked examples on the seed's indicator ------------------------------------------
def test_nothing_recorded_is_in_progress_zero_of_one() -> None:
    ip = run(SEED, [], "2024-03-10")
    assert row(ip, "2024") == (Status.IN_PROGRESS, 0.0, 1.0)
    assert ip.period("2024") is not None and ip.period("2024").count == 0  # type: ignore[union-attr]


def test_one_entry_achieves_the_year_early() -> None:
    assert row(run(SEED, [ent(1, "2024")], "2024-03-10"), "2024")[0] is Status.ACHIEVED


def test_entries_are_summed() -> None:
    ip = run(SEED, [ent(1, "2022", 1), ent(2, "2022", 2)], "2022-06-01")
    assert row(ip, "2022") == (Status.ACHIEVED, 3.0, 1.0)
    assert ip.period("2022").achievement == 3.0  # type: ignore[union-attr]


def test_explicit_zero_is_missed_once_closed() -> None:
    ip = run(SEED, [ent(0, "2023")], "2024-01-15")
    assert row(ip, "2023") == (Status.MISSED, 0.0, 1.0)


def test_awaiting_then_overdue_at_the_deadline() -> None:
    assert row(run(SEED, [], "2025-04-01"), "2024")[0] is Status.AWAITING
    assert row(run(SEED, [], "2025-05-31"), "2024")[0] is Status.AWAITING
    assert row(run(SEED, [], "2025-06-01"), "2024")[0] is Status.OVERDUE


def test_corrected_to_zero_is_missed() -> None:
    first = ent(2, "2024", 1, uid="e1")
    fix = ent(0, "2024", 2, uid="e2", kind=EntryKind.CORRECTION, supersedes="e1")
    assert row(run(SEED, [first, fix], "2025-01-02"), "2024") == (Status.MISSED, 0.0, 1.0)
    assert row(run(SEED, [first, fix], "2024-06-01"), "2024")[0] is Status.IN_PROGRESS


def test_not_started_and_programme_figure() -> None:
    ip = run(SEED, [ent(1, "2021"), ent(2, "2022"), ent(0, "2023")], "2024-03-10")
    assert row(ip, "2025")[0] is Status.NOT_STARTED
    whole = ip.programme
    assert whole.period == Period(2021, PeriodKind.PROGRAMME, 2025)
    assert (whole.target, whole.actual, whole.periods_with_target) == (5.0, 3.0, 5)
    assert whole.periods_achieved == 2
    assert whole.achievement == pytest.approx(0.6)
    # 3 of 5 with two years to go: on its way (2023's miss is its own row, and 2 of 5 years
    # achieved says so); both years whose report is due have data
    assert whole.status is Status.IN_PROGRESS
    assert (whole.periods_due, whole.periods_due_with_data) == (2, 2)
    assert dict(whole.period_counts) == {
        Status.ACHIEVED: 2,
        Status.MISSED: 1,
        Status.IN_PROGRESS: 1,
        Status.NOT_STARTED: 1,
    }


def test_programme_judged_on_the_total_with_completeness_apart() -> None:
    every = [ent(1, str(y), y) for y in range(2021, 2026)]
    assert run(SEED, every, "2025-02-01").programme.status is Status.ACHIEVED
    front = [ent(5, "2021")]
    late = run(SEED, front, "2026-07-01").programme
    assert late.actual == 5.0 and late.achievement == 1.0
    assert late.status is Status.ACHIEVED  # the total is met ...
    assert (late.periods_due, late.periods_due_with_data) == (5, 1)  # ... four years unreported
    assert late.periods_achieved == 1
    short = run(SEED, [ent(4, "2021")], "2026-07-01").programme
    assert short.status is Status.MISSED  # 4 of 5 once the programme is over


def test_entry_dated_after_as_of_does_not_count() -> None:
    dated = ent(1, "2024", date="2024-05-10")
    assert row(run(SEED, [dated], "2024-05-09"), "2024")[0] is Status.IN_PROGRESS
    assert row(run(SEED, [dated], "2024-05-10"), "2024")[0] is Status.ACHIEVED


def test_void_removes_an_entry() -> None:
    first = ent(2, "2024", 1, uid="e1")
    void = ent(None, "2024", 2, uid="e2", kind=EntryKind.VOID, supersedes="e1")
    ip = run(SEED, [first, void], "2025-07-01")
    assert row(ip, "2024") == (Status.OVERDUE, 0.0, 1.0)


# -- aggregations ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("how", "expected"),
    [("sum", 9.0), ("last", 2.0), ("max", 4.0), ("min", 2.0), ("mean", 3.0)],
)
def test_aggregations(how: str, expected: float) -> None:
    program = make(f"unit: wartość\ntarget: 3\nfrequency: raz w roku\naggregation: {how}")
    entries = [ent(3, "2024", 1), ent(4, "2024", 2), ent(2, "2024", 3)]
    assert row(run(program, entries, "2025-01-10"), "2024")[1] == expected


def test_last_follows_seq_not_input_order() -> None:
    program = make("unit: wartość\ntarget: 3\nfrequency: raz w roku\naggregation: last")
    entries = [ent(7, "2024", 5), ent(1, "2024", 2)]
    assert row(run(program, entries, "2025-01-10"), "2024")[1] == 7.0


def test_a_level_is_not_achieved_before_the_period_ends() -> None:
    program = make("unit: '%'\ntarget: 30%\nfrequency: raz w roku")  # last by default
    ip = run(program, [ent(35, "2024")], "2024-06-01")
    assert row(ip, "2024")[0] is Status.IN_PROGRESS
    assert row(run(program, [ent(35, "2024")], "2025-01-01"), "2024")[0] is Status.ACHIEVED


def test_max_settles_early() -> None:
    program = make("unit: wartość\ntarget: 3\nfrequency: raz w roku\naggregation: max")
    assert row(run(program, [ent(5, "2024")], "2024-06-01"), "2024")[0] is Status.ACHIEVED


# -- target kinds ----------------------------------------------------------------------------
def test_per_year_target_with_quarterly_measurement_is_judged_over_the_year() -> None:
    program = make("target: 4/rok\nfrequency: raz na kwartał")
    entries = [ent(1, "2024-Q1"), ent(2, "2024-Q2")]
    ip = run(program, entries, "2024-08-01")
    assert [r.code for r in ip.periods] == ["2021", "2022", "2023", "2024", "2025"]
    assert row(ip, "2024") == (Status.IN_PROGRESS, 3.0, 4.0)
    entries.append(ent(1, "2024-Q3"))
    assert row(run(program, entries, "2024-08-01"), "2024")[0] is Status.ACHIEVED
    assert ip.programme.target == 20.0


def test_per_quarter_target() -> None:
    program = make("target: 2/kwartał\nfrequency: raz na kwartał", 2024, 2024)
    ip = run(program, [ent(2, "2024-Q1"), ent(1, "2024-Q2")], "2024-07-02")
    assert [r.status for r in ip.periods] == [
        Status.ACHIEVED,
        Status.MISSED,
        Status.IN_PROGRESS,
        Status.NOT_STARTED,
    ]
    assert ip.period("2024-Q2").deadline == date(2024, 7, 30)  # type: ignore[union-attr]
    assert ip.programme.target == 8.0 and ip.programme.actual == 3.0


def test_monthly_entries_fold_into_a_half_year_indicator() -> None:
    program = make("target: 1/półrocze\nfrequency: półrocznie", 2024, 2024)
    ip = run(program, [ent(1, "2024-03")], "2024-04-01")
    assert row(ip, "2024-H1")[0] is Status.ACHIEVED


def test_total_over_the_programme() -> None:
    program = make("target: 5 w okresie programu\nfrequency: raz w roku")
    ip = run(program, [ent(2, "2021"), ent(2, "2022")], "2023-02-01")
    assert row(ip, "2021") == (Status.REPORTED, 2.0, None)
    assert row(ip, "2022")[0] is Status.REPORTED
    assert ip.programme.target == 5.0 and ip.programme.actual == 4.0
    assert ip.programme.status is Status.IN_PROGRESS
    done = run(program, [ent(2, "2021"), ent(3, "2023")], "2023-06-01")
    assert done.programme.status is Status.ACHIEVED
    assert done.programme.achievement == 1.0


def test_total_missed_after_the_programme() -> None:
    program = make("target: 5 w okresie programu\nfrequency: raz w roku", 2021, 2022)
    ip = run(program, [ent(2, "2021"), ent(1, "2022")], "2023-01-05")
    assert ip.programme.status is Status.MISSED


def test_level_by_a_year_with_baseline() -> None:
    program = make(
        "unit: '%'\ntarget: 30% w 2025\nfrequency: raz w roku\nbaseline: {value: 10, year: 2020}"
    )
    ip = run(program, [ent(12, "2021"), ent(15, "2022"), ent(20, "2023")], "2024-02-01")
    assert row(ip, "2023") == (Status.REPORTED, 20.0, None)
    assert row(ip, "2025") == (Status.NOT_STARTED, None, 30.0)
    whole = ip.programme
    assert whole.status is Status.IN_PROGRESS
    assert whole.actual == 20.0 and whole.target == 30.0
    assert whole.baseline_progress == pytest.approx(0.5)
    assert whole.achievement == pytest.approx(20 / 30)
    reached = run(program, [ent(32, "2025")], "2026-01-10")
    assert row(reached, "2025")[0] is Status.ACHIEVED
    assert reached.programme.status is Status.ACHIEVED
    assert reached.programme.baseline_progress == pytest.approx(1.1)


def test_ceiling_is_descending() -> None:
    program = make("unit: '%'\ntarget: ≤ 50%\nfrequency: raz w roku")
    ip = run(program, [ent(40, "2022"), ent(60, "2023"), ent(0, "2024")], "2025-01-02")
    assert ip.descending
    assert row(ip, "2022")[0] is Status.ACHIEVED
    assert ip.period("2022").achievement == pytest.approx(50 / 40)  # type: ignore[union-attr]
    assert row(ip, "2023")[0] is Status.MISSED
    assert ip.period("2023").achievement == pytest.approx(50 / 60)  # type: ignore[union-attr]
    assert row(ip, "2024")[0] is Status.ACHIEVED
    assert ip.period("2024").achievement == 1.0  # type: ignore[union-attr]  # 0 is the best
    open_year = run(program, [ent(40, "2024")], "2024-06-01")
    assert row(open_year, "2024")[0] is Status.IN_PROGRESS  # could still rise


def test_ceiling_with_baseline_progress() -> None:
    program = make(
        "unit: '%'\ntarget: ≤ 50%\nfrequency: raz w roku\nbaseline: {value: 70, year: 2020}"
    )
    ip = run(program, [ent(60, "2022")], "2023-01-02")
    assert ip.period("2022").baseline_progress == pytest.approx(0.5)  # type: ignore[union-attr]


def test_floor() -> None:
    program = make("unit: '%'\ntarget: ≥ 30%\nfrequency: raz w roku")
    ip = run(program, [ent(30, "2022"), ent(29.5, "2023")], "2024-01-02")
    assert row(ip, "2022")[0] is Status.ACHIEVED
    assert row(ip, "2023")[0] is Status.MISSED


def test_milestone_without_a_year() -> None:
    program = make("unit: tak/nie\ntarget: tak\nfrequency: jednorazowo")
    ip = run(program, [], "2023-01-01")
    assert [r.code for r in ip.periods] == ["2021-2025"]
    assert row(ip, "2021-2025")[0] is Status.IN_PROGRESS
    done = run(program, [ent(1, "2021-2025")], "2023-01-01")
    assert row(done, "2021-2025") == (Status.ACHIEVED, 1.0, 1.0)
    assert done.programme.status is Status.ACHIEVED
    no = run(program, [ent(0, "2021-2025")], "2026-01-01")
    assert no.programme.status is Status.MISSED
    assert run(program, [], "2026-06-01").programme.status is Status.OVERDUE


def test_milestone_by_a_year() -> None:
    program = make("unit: tak/nie\ntarget: tak w 2023\nfrequency: raz w roku")
    ip = run(program, [ent(0, "2022"), ent(1, "2023")], "2023-04-01")
    assert row(ip, "2022") == (Status.REPORTED, 0.0, None)
    assert row(ip, "2023")[0] is Status.ACHIEVED
    assert ip.programme.status is Status.ACHIEVED


def test_values_by_year() -> None:
    program = make("target: {2021: 1, 2022: 2, 2023: 3, 2024: 0, 2025: 2}\nfrequency: raz w roku")
    ip = run(program, [ent(1, "2021"), ent(1, "2022"), ent(0, "2024")], "2025-01-02")
    assert row(ip, "2021") == (Status.ACHIEVED, 1.0, 1.0)
    assert row(ip, "2022") == (Status.MISSED, 1.0, 2.0)
    assert row(ip, "2023")[0] is Status.OVERDUE
    assert row(ip, "2024") == (Status.ACHIEVED, 0.0, 0.0)
    assert ip.period("2024").achievement == 1.0  # type: ignore[union-attr]
    assert ip.programme.target == 8.0


def test_no_target_is_reported() -> None:
    program = make("unit: zł\ntarget: brak\nfrequency: raz na kwartał", 2024, 2024)
    ip = run(program, [ent(8_500_000, "2024-Q1")], "2024-05-01")
    assert row(ip, "2024-Q1") == (Status.REPORTED, 8_500_000.0, None)
    assert row(ip, "2024-Q2")[0] is Status.IN_PROGRESS
    assert ip.programme.target is None and ip.programme.status is Status.REPORTED
    assert ip.programme.achievement is None
    late = run(program, [], "2025-06-01")
    assert row(late, "2024-Q1")[0] is Status.OVERDUE


def test_end_of_programme_frequency_with_a_per_year_target() -> None:
    program = make("target: 1/rok\nfrequency: na koniec programu")
    ip = run(program, [ent(6, "2021-2025")], "2024-01-01")
    assert row(ip, "2021-2025") == (Status.ACHIEVED, 6.0, 5.0)


# -- arithmetic edge cases -------------------------------------------------------------------
def test_achievement_edge_cases() -> None:
    assert achievement(None, 1, False) is None
    assert achievement(1, None, False) is None
    assert achievement(1, 0, False) == 1.0  # a target of 0 is met: 100%
    assert achievement(0, 0, False) == 1.0
    assert achievement(-1, 0, False) is None  # not met, and no ratio to give
    assert achievement(0, 5, False) == 0.0
    assert achievement(0, 5, True) == 1.0  # a ceiling with 0: the best result
    assert achievement(0, 0, True) == 1.0
    assert achievement(10, 5, True) == 0.5
    assert achievement(10, 0, True) == 0.0
    assert achievement(1, -2, False) is None
    assert baseline_progress(5, 5, 5) is None
    assert baseline_progress(None, 5, 1) is None


def test_zero_target_per_period_is_met_by_zero() -> None:
    program = make("target: 0\nfrequency: raz w roku")
    ip = run(program, [ent(0, "2022")], "2023-01-01")
    assert row(ip, "2022")[0] is Status.ACHIEVED


def test_before_the_programme_everything_is_not_started() -> None:
    ip = run(SEED, [], "2020-06-01")
    assert {r.status for r in ip.periods} == {Status.NOT_STARTED}
    assert ip.programme.status is Status.NOT_STARTED
    assert ip.current(date(2020, 6, 1)).code == "2021"


def test_default_view_shows_the_previous_period_until_its_deadline() -> None:
    done = [ent(1, str(y), y) for y in range(2021, 2025)]
    ip = run(SEED, done, "2025-04-01")
    assert [r.code for r in ip.default_view(date(2025, 4, 1))] == ["2024", "2025"]
    ip = run(SEED, done, "2025-06-01")
    assert [r.code for r in ip.default_view(date(2025, 6, 1))] == ["2025"]
    after = run(SEED, [*done, ent(1, "2025")], "2027-01-01")
    assert [r.code for r in after.default_view(date(2027, 1, 1))] == ["2025"]


# -- orphans, summaries and roll-ups ---------------------------------------------------------
def test_orphans_are_reported_not_counted() -> None:
    entries = [
        ent(1, "2024", ind="9.9"),
        ent(1, "2030"),
        ent(1, "2024-Q9"),
        ent(1, "2021-2025"),
        ent(1, "2024", 7),
    ]
    result = progress(SEED, entries, date(2024, 6, 1))
    reasons = sorted(o.reason for o in result.orphans)
    assert reasons == sorted(
        [
            OrphanReason.UNKNOWN_INDICATOR,
            OrphanReason.OUTSIDE_PROGRAMME,
            OrphanReason.BAD_PERIOD,
            OrphanReason.WRONG_FREQUENCY,
        ]
    )
    ip = result.indicator("1.1")
    assert ip is not None and ip.period("2024").actual == 1.0  # type: ignore[union-attr]


def test_evaluate_accepts_store_like_summaries() -> None:
    entries = [ent(1, "2022", 1), ent(2, "2022", 2), ent(0, "2023", 3)]
    stats = summarise(entries, date(2024, 1, 15))
    assert stats == [
        PeriodSummary("1.1", "2022", Aggregate(2, 3.0, 1.0, 2.0, 2.0)),
        PeriodSummary("1.1", "2023", Aggregate(1, 0.0, 0.0, 0.0, 0.0)),
    ]
    a = evaluate(SEED, stats, date(2024, 1, 15), tags=summarise_tags(entries, date(2024, 1, 15)))
    b = progress(SEED, entries, date(2024, 1, 15))
    assert a == b


def test_evaluate_matches_the_store_summaries(tmp_path: Path) -> None:
    from wspolpraca_cli.store import open_store

    entries = [ent(1, "2022"), ent(2, "2022"), ent(0, "2023"), ent(4, "2024", date="2024-09-01")]
    with open_store(tmp_path / "s.db") as store:
        stored = store.add_many(
            [Entry("", e.indicator_id, e.period, e.value, date=e.date) for e in entries]
        )
        day = date(2024, 6, 1)
        from_sql = evaluate(SEED, store.summaries(day), day, tags=store.tag_summaries(day, ["1.1"]))
    assert from_sql == progress(SEED, stored, day)


def test_rollups_count_statuses_per_goal_area_and_action() -> None:
    done = [ent(1, str(y), y) for y in range(2021, 2025)]
    result = progress(SEED, done, date(2025, 4, 1))
    rollups = result.rollups(result.current_rows())
    by = {(r.level, r.id): r for r in rollups}
    assert by[("programme", "główny")].count(Status.ACHIEVED) == 1
    assert by[("goal", "a")].indicator_ids == ("1.1",)
    assert by[("goal", "a")].total == 2  # 2024 achieved, 2025 in progress
    assert by[("goal", "b")].total == 0
    assert by[("area", "1")].count(Status.IN_PROGRESS) == 1
    assert by[("action", "1.1")].counts == ((Status.ACHIEVED, 1), (Status.IN_PROGRESS, 1))
    default = {(r.level, r.id): r for r in result.rollups()}
    assert default[("action", "1.1")].counts == ((Status.IN_PROGRESS, 1),)


def test_empty_programme_never_crashes() -> None:
    text = HEAD.format(first=2021, last=2021).split("areas:")[0]
    result = load_text(text)
    assert result.program is not None
    done = progress(result.program, [ent(1, "2021")], date(2021, 5, 1))
    assert done.indicators == () and len(done.orphans) == 1
    assert done.rollups()[0].total == 0

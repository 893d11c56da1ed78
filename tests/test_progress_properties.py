"""Properties of the progress engine, checked with hypothesis."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_progress_engine import make
from wspolpraca_cli.aggregation import EMPTY, Aggregate
from wspolpraca_cli.entries import Entry, EntryKind
from wspolpraca_cli.model import Program
from wspolpraca_cli.progress import Status, progress

TARGETS = [
    "1/rok",
    "4/rok",
    "2",
    "5 w okresie programu",
    "30 w 2023",
    "≤ 50",
    "≥ 3",
    "brak",
    "{2021: 1, 2022: 0, 2023: 2}",
]
FREQUENCIES = ["raz w roku", "raz na kwartał", "raz w miesiącu", "półrocznie", "jednorazowo"]
AGGREGATIONS = ["sum", "last", "max", "min", "mean"]


def _programmes() -> list[Program]:
    out = []
    for target in TARGETS:
        for frequency in FREQUENCIES:
            if target == "4/rok" and frequency == "jednorazowo":
                continue
            for how in AGGREGATIONS:
                try:
                    out.append(
                        make(
                            f"unit: wartość\ntarget: '{target}'\nfrequency: {frequency}\n"
                            f"aggregation: {how}",
                            2021,
                            2023,
                        )
                        if not target.startswith("{")
                        else make(
                            f"unit: wartość\ntarget: {target}\nfrequency: {frequency}\n"
                            f"aggregation: {how}",
                            2021,
                            2023,
                        )
                    )
                except AssertionError:  # a combination the loader refuses
                    continue
    out.append(make("unit: tak/nie\ntarget: tak\nfrequency: raz w roku", 2021, 2023))
    out.append(make("unit: tak/nie\ntarget: tak w 2022\nfrequency: jednorazowo", 2021, 2023))
    return out


PROGRAMMES = _programmes()
PERIODS = [
    "2021", "2022", "2023", "2024", "2020", "2021-H1", "2022-H2", "2021-Q1", "2023-Q4",
    "2022-01", "2022-07", "2023-12", "2021-2023", "2021-2025", "bad", "",
]  # fmt: skip
DAYS = st.dates(min_value=date(2019, 1, 1), max_value=date(2026, 12, 31))
VALUES = st.one_of(
    st.integers(-5, 100).map(float),
    st.floats(min_value=-1e6, max_value=1e9, allow_nan=False, allow_infinity=False),
)


@st.composite
def entry_lists(draw: st.DrawFn) -> list[Entry]:
    n = draw(st.integers(0, 12))
    entries: list[Entry] = []
    for i in range(n):
        kind = draw(
            st.sampled_from([EntryKind.RECORD] * 4 + [EntryKind.CORRECTION, EntryKind.VOID])
        )
        supersedes = None
        if kind is not EntryKind.RECORD and entries:
            supersedes = draw(st.sampled_from(entries)).uid
        elif kind is not EntryKind.RECORD:
            kind = EntryKind.RECORD
        entries.append(
            Entry(
                uid=f"u{i}",
                indicator_id=draw(st.sampled_from(["1.1", "1.1", "1.1", "9"])),
                period=draw(st.sampled_from(PERIODS)),
                value=None if kind is EntryKind.VOID else draw(VALUES),
                kind=kind,
                date=draw(st.none() | DAYS.map(date.isoformat)),
                supersedes=supersedes,
                seq=i + 1,
            )
        )
    return entries


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PROGRAMMES), entry_lists(), DAYS)
def test_never_raises_and_is_consistent(program: Program, entries: list[Entry], day: date) -> None:
    result = progress(program, entries, day)
    (ip,) = result.indicators
    for r in ip.periods:
        if r.status is Status.NOT_STARTED:
            assert day < r.period.start
        if r.status in (Status.MISSED, Status.AWAITING, Status.OVERDUE):
            assert day > r.period.end
        if r.status is Status.REPORTED:
            assert r.target is None and r.has_data
        if r.achievement is not None:
            assert r.achievement == r.achievement  # not NaN
    assert ip.programme.periods_achieved <= ip.programme.periods_with_target
    result.rollups(result.current_rows())


SUM_PROGRAMMES = [
    make("target: 1/rok\nfrequency: raz w roku", 2021, 2023),
    make("target: 4/rok\nfrequency: raz na kwartał", 2021, 2023),
    make("target: 5 w okresie programu\nfrequency: raz w roku", 2021, 2023),
    make("target: '≥ 3'\nfrequency: raz w miesiącu", 2021, 2023),
]
CODES = ["2021", "2022", "2023", "2022-Q2", "2023-03"]


def _achievements(program: Program, entries: list[Entry], day: date) -> list[float | None]:
    (ip,) = progress(program, entries, day).indicators
    return [r.achievement for r in ip.periods] + [ip.programme.achievement]


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(SUM_PROGRAMMES),
    st.lists(st.tuples(st.sampled_from(CODES), st.integers(0, 20)), max_size=8),
    st.sampled_from(CODES),
    st.integers(0, 20),
    DAYS,
)
def test_adding_to_an_ascending_sum_never_lowers_achievement(
    program: Program, base: list[tuple[str, int]], code: str, extra: int, day: date
) -> None:
    entries = [Entry(f"u{i}", "1.1", p, float(v), seq=i) for i, (p, v) in enumerate(base)]
    more = [*entries, Entry("extra", "1.1", code, float(extra), seq=99)]
    before = _achievements(program, entries, day)
    after = _achievements(program, more, day)
    for b, a in zip(before, after, strict=True):
        if b is not None:
            assert a is not None and a >= b - 1e-9


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(PROGRAMMES), entry_lists(), st.sampled_from(PERIODS), VALUES, DAYS)
def test_voiding_an_entry_is_never_recording_it(
    program: Program, entries: list[Entry], period: str, value: float, day: date
) -> None:
    extra = Entry("x", "1.1", period, value, seq=1000)
    void = Entry("v", "1.1", period, None, kind=EntryKind.VOID, supersedes="x", seq=1001)
    assert progress(program, [*entries, extra, void], day) == progress(program, entries, day)


_AGGREGATES = st.builds(
    lambda n, a, b, c: Aggregate(n, a, min(b, c), max(b, c), a) if n > 0 else Aggregate(n),
    st.integers(-1, 4),
    st.floats(allow_nan=False, width=32) | st.sampled_from([-0.0, 0.0, 1e308]),
    st.floats(allow_nan=False, allow_infinity=True),
    st.floats(allow_nan=False, allow_infinity=True),
)


@given(st.lists(_AGGREGATES, max_size=8))
def test_aggregates_merged_at_once_are_those_merged_one_by_one(aggs: list[Aggregate]) -> None:
    from wspolpraca_cli.progress.engine import _merged

    one_by_one = EMPTY
    for a in aggs:
        one_by_one = one_by_one.merge(a)
    at_once = _merged(aggs)

    def fields(a: Aggregate) -> tuple[str, ...]:
        # by repr: -0.0 stays -0.0, and a total that overflowed to nan (1e308 + 1e308 - inf)
        # is nan both ways (nan == nan is false)
        return tuple(map(repr, (a.count, a.total, a.minimum, a.maximum, a.last)))

    assert fields(at_once) == fields(one_by_one)


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_summaries_in_any_order_give_the_same_results(data: st.DataObject) -> None:
    """The engine looks an indicator up once per run of its summaries (the store gives them
    together); summaries in another order give the same results and orphans."""
    from wspolpraca_cli.entries import PeriodSummary
    from wspolpraca_cli.progress import evaluate

    program = PROGRAMMES[0]
    ids = [i.id for i in program.indicators] + ["9.9"]
    summaries = data.draw(
        st.lists(
            st.builds(
                PeriodSummary,
                st.sampled_from(ids),
                st.sampled_from(PERIODS),
                st.builds(lambda v: Aggregate(1, v, v, v, v), VALUES),
            ),
            max_size=10,
        )
    )
    as_of = date(2022, 6, 30)
    grouped = sorted(summaries, key=lambda s: (s.indicator_id, s.period))
    mixed = evaluate(program, summaries, as_of)
    assert mixed.indicators == evaluate(program, grouped, as_of).indicators
    assert sorted(map(repr, mixed.orphans)) == sorted(
        map(repr, evaluate(program, grouped, as_of).orphans)
    )

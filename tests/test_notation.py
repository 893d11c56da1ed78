"""Target notation, numbers, frequencies and periods: parsing and round trips."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wspolpraca_cli.numbers import parse_number
from wspolpraca_cli.periods import (
    Deadline,
    Frequency,
    Period,
    PeriodKind,
    parse_deadline,
    parse_frequency,
    parse_period,
    period_of,
    periods_of,
)
from wspolpraca_cli.targets import PER_WORDS, Target, TargetError, TargetKind, parse_target

values = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False).map(float)
years = st.integers(min_value=2000, max_value=2100)
pers = st.sampled_from([None, *sorted(set(PER_WORDS.values()), key=lambda f: f.value)])

targets = st.one_of(
    st.builds(lambda v, per, pct: Target(TargetKind.PER_PERIOD, v, per=per, percent=pct),
              values, pers, st.booleans()),
    st.builds(lambda v, pct: Target(TargetKind.TOTAL, v, percent=pct), values, st.booleans()),
    st.builds(lambda v, y, pct: Target(TargetKind.LEVEL, v, year=y, percent=pct),
              values, years, st.booleans()),
    st.builds(lambda v, pct: Target(TargetKind.CEILING, v, percent=pct), values, st.booleans()),
    st.builds(lambda v, pct: Target(TargetKind.FLOOR, v, percent=pct), values, st.booleans()),
    st.builds(lambda y: Target(TargetKind.MILESTONE, year=y), st.none() | years),
    st.just(Target(TargetKind.NONE)),
)  # fmt: skip


@given(targets)
def test_target_notation_round_trips(target: Target) -> None:
    assert parse_target(str(target)) == target


@given(st.dictionaries(years, values, min_size=1, max_size=6))
def test_by_year_mapping_round_trips(mapping: dict[int, float]) -> None:
    target = parse_target(mapping)
    assert target.kind is TargetKind.BY_YEAR
    assert dict(target.by_year) == mapping
    assert all(target.for_year(y) == v for y, v in mapping.items())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1/rok", Target(TargetKind.PER_PERIOD, 1.0, per=Frequency.YEARLY)),
        ("1 / Rok", Target(TargetKind.PER_PERIOD, 1.0, per=Frequency.YEARLY)),
        ("2/kwartał", Target(TargetKind.PER_PERIOD, 2.0, per=Frequency.QUARTERLY)),
        ("1,5/miesiąc", Target(TargetKind.PER_PERIOD, 1.5, per=Frequency.MONTHLY)),
        ("5 w okresie programu", Target(TargetKind.TOTAL, 5.0)),
        ("5 łącznie", Target(TargetKind.TOTAL, 5.0)),
        ("30% w 2025", Target(TargetKind.LEVEL, 30.0, year=2025, percent=True)),
        ("30 % do 2025 r.", Target(TargetKind.LEVEL, 30.0, year=2025, percent=True)),
        ("≤ 50%", Target(TargetKind.CEILING, 50.0, percent=True)),
        ("<= 50", Target(TargetKind.CEILING, 50.0)),
        ("≥ 30%", Target(TargetKind.FLOOR, 30.0, percent=True)),
        ("Tak", Target(TargetKind.MILESTONE)),
        ("tak w 2024", Target(TargetKind.MILESTONE, year=2024)),
        ("brak", Target(TargetKind.NONE)),
        ("8 500 000 w okresie programu", Target(TargetKind.TOTAL, 8_500_000.0)),
        (None, Target(TargetKind.NONE)),
        (True, Target(TargetKind.MILESTONE)),
        (3, Target(TargetKind.PER_PERIOD, 3.0)),
        ({"kind": "total", "value": 5}, Target(TargetKind.TOTAL, 5.0)),
        ({"kind": "level", "value": "30%", "by": 2025},
         Target(TargetKind.LEVEL, 30.0, year=2025, percent=True)),
        ({"kind": "per_period", "value": 1, "per": "kwartał"},
         Target(TargetKind.PER_PERIOD, 1.0, per=Frequency.QUARTERLY)),
    ],
)  # fmt: skip
def test_target_notations(text: object, expected: Target) -> None:
    assert parse_target(text) == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("raz na rok", "unknown target notation 'raz na rok'"),
        ("1/dzień", "unknown period 'dzień' in target '1/dzień'"),
        (False, "a target of 'nie'/false means nothing to achieve; use 'brak'"),
        ({"kind": "total"}, "a total target needs a 'value'"),
        ({"kind": "weird", "value": 1}, "unknown target kind 'weird'"),
        ({"kind": "total", "value": 1, "extra": 2}, "unknown key 'extra' in target"),
        ([1, 2], "a target must be text, a number or a mapping, not a list"),
    ],
)
def test_bad_targets(raw: object, message: str) -> None:
    with pytest.raises(TargetError) as info:
        parse_target(raw)
    assert str(info.value).startswith(message)


@pytest.mark.parametrize(
    ("text", "value"),
    [("1.5", 1.5), ("1,5", 1.5), ("8 500 000", 8_500_000), ("8500000,00", 8_500_000),
     ("8\u00a0500\u00a0000,50", 8_500_000.5), ("8.500.000,00", 8_500_000),
     ("8,500,000.00", 8_500_000), ("0", 0.0), ("-2", -2.0), (",5", 0.5)],
)  # fmt: skip
def test_numbers_as_a_clerk_types_them(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("12.500", "the number '12.500' is ambiguous: a dot or comma before three digits may "
                   "group thousands or mark decimals; write 12500 or 12,5"),
        ("12,500", "the number '12,500' is ambiguous: a dot or comma before three digits may "
                   "group thousands or mark decimals; write 12500 or 12,5"),
        ("1 5", "not a number: '1 5'"),
        ("12 34", "not a number: '12 34'"),
        ("1234 567", "not a number: '1234 567'"),
        ("99999999999999999999", "the number '99999999999999999999' is too large "
                                 "(15 digits at most)"),
    ],
)  # fmt: skip
def test_ambiguous_or_misgrouped_numbers_are_refused(text: str, message: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_number(text, strict=True)
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("text", "value"),
    [("0,125", 0.125), ("1000.500", 1000.5), ("12.500,00", 12_500.0), ("1 234,5", 1234.5)],
)
def test_unambiguous_three_decimals(text: str, value: float) -> None:
    assert parse_number(text, strict=True) == value


def test_lenient_reading_takes_a_dot_as_decimals() -> None:
    assert parse_number("1.875") == 1.875


@pytest.mark.parametrize("text", ["", "abc", "1,2,3", "1.2.3", "1e5", "nan", "inf", "12-3"])
def test_not_numbers(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=2).map(float))
def test_polish_number_formats_parse(value: float) -> None:
    plain = f"{value:.2f}"
    assert parse_number(plain.replace(".", ",")) == pytest.approx(value)
    whole, frac = f"{abs(value):,.2f}".split(".")
    polish = ("-" if value < 0 else "") + whole.replace(",", "\u00a0") + "," + frac
    assert parse_number(polish) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "frequency"),
    [("Raz w roku", Frequency.YEARLY), ("corocznie", Frequency.YEARLY),
     ("raz na kwartał", Frequency.QUARTERLY), ("Raz w miesiącu.", Frequency.MONTHLY),
     ("jednorazowo", Frequency.ONCE), ("na koniec programu", Frequency.END),
     ("półrocznie", Frequency.HALF_YEARLY), ("quarterly", Frequency.QUARTERLY)],
)  # fmt: skip
def test_frequencies(text: str, frequency: Frequency) -> None:
    assert parse_frequency(text) is frequency


periods = st.one_of(
    st.builds(lambda y: Period(y, PeriodKind.YEAR), years),
    st.builds(lambda y, i: Period(y, PeriodKind.HALF, i), years, st.integers(1, 2)),
    st.builds(lambda y, i: Period(y, PeriodKind.QUARTER, i), years, st.integers(1, 4)),
    st.builds(lambda y, i: Period(y, PeriodKind.MONTH, i), years, st.integers(1, 12)),
    st.builds(lambda y, n: Period(y, PeriodKind.PROGRAMME, y + n), years, st.integers(0, 10)),
)


@given(periods)
def test_period_codes_round_trip(period: Period) -> None:
    assert parse_period(str(period)) == period
    assert period.start <= period.end
    assert period.contains(period.start) and period.contains(period.end)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)),
       st.sampled_from(list(Frequency)))  # fmt: skip
def test_the_period_of_a_day_contains_it(day: date, frequency: Frequency) -> None:
    period = period_of(day, frequency, 2000, 2100)
    assert period.contains(day)


@given(st.sampled_from([f for f in Frequency if f is not Frequency.WEEKLY]), years,
       st.integers(0, 5))  # fmt: skip
def test_periods_tile_the_programme(frequency: Frequency, first: int, length: int) -> None:
    found = periods_of(frequency, first, first + length)
    assert found[0].start == date(first, 1, 1)
    assert found[-1].end == date(first + length, 12, 31)
    for before, after in itertools.pairwise(found):
        assert (after.start - before.end).days == 1


def test_period_bounds() -> None:
    assert parse_period("2024-H2").end == date(2024, 12, 31)
    assert parse_period("2024-Q1").end == date(2024, 3, 31)
    assert parse_period("2024-02").end == date(2024, 2, 29)
    assert parse_period("2021-2025").end == date(2025, 12, 31)
    assert Deadline().for_period(parse_period("2024")) == date(2025, 5, 31)


@pytest.mark.parametrize("text", ["24", "2024-13", "2024-Q5", "2024-H3", "2025-2021", "x"])
def test_bad_periods(text: str) -> None:
    with pytest.raises(ValueError):
        parse_period(text)


@pytest.mark.parametrize(
    ("text", "month", "day"),
    [("31 maja", 5, 31), ("05-31", 5, 31), ("31.05", 5, 31), ("30 April", 4, 30),
     ("28 lutego", 2, 28)],
)  # fmt: skip
def test_deadlines(text: str, month: int, day: int) -> None:
    assert parse_deadline(text) == Deadline(month, day)


def test_29_february_is_not_a_deadline() -> None:
    """Not every year has it: the deadline would not exist in 2025 (and status would fail)."""
    with pytest.raises(ValueError) as info:
        parse_deadline("29.02")
    assert str(info.value) == "no such day: '29.02'"

"""Value parsing for each unit (values.py), with hypothesis."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import Wsp
from wspolpraca_cli.errors import InputError
from wspolpraca_cli.exitcodes import ExitCode
from wspolpraca_cli.model import Unit
from wspolpraca_cli.store import open_store
from wspolpraca_cli.transfer import format_number
from wspolpraca_cli.values import parse_value

# every test runs against each store backend (tests/conftest.py)
pytestmark = pytest.mark.usefixtures("backend")


def grouped(n: int, sep: str = " ") -> str:
    return f"{n:,}".replace(",", sep)


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from([" ", "\u00a0", ""]))
def test_counts_and_amounts_grouped_with_spaces(n: int, sep: str) -> None:
    assert parse_value(grouped(n, sep), Unit.COUNT) == n
    assert parse_value(grouped(n, sep), Unit.AMOUNT) == n


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_amount_with_decimal_comma_or_point(whole: int, cents: int) -> None:
    expected = float(f"{whole}.{cents:02d}")
    assert parse_value(f"{whole},{cents:02d}", Unit.AMOUNT) == expected
    assert parse_value(f"{whole}.{cents:02d}", Unit.AMOUNT) == expected
    assert parse_value(f"{grouped(whole)},{cents:02d}", Unit.AMOUNT) == expected


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_numbers_round_trip_both_decimal_marks(x: float) -> None:
    text = format_number(x)
    assert parse_value(text, Unit.NUMBER) == x
    assert parse_value(text.replace(".", ","), Unit.NUMBER) == x


@given(st.floats(min_value=0, max_value=1000, allow_nan=False).map(lambda x: round(x, 3)))
def test_percent_with_or_without_sign(x: float) -> None:
    assert parse_value(f"{x}%", Unit.PERCENT) == x
    assert parse_value(f"{x} %".replace(".", ","), Unit.PERCENT) == x
    assert parse_value(str(x), Unit.PERCENT) == x


@given(st.text(max_size=12))
def test_anything_else_is_refused_with_the_accepted_forms(text: str) -> None:
    for unit in Unit:
        try:
            value = parse_value(text, unit)
        except InputError as exc:
            assert exc.exit_code == ExitCode.INVALID_INPUT
            assert exc.hint.startswith("give ")
        else:
            assert isinstance(value, float)
            if unit in (Unit.COUNT, Unit.AMOUNT):
                assert value >= 0


@given(st.integers(min_value=1, max_value=10**6))
def test_no_negative_counts_or_amounts(n: int) -> None:
    for unit in (Unit.COUNT, Unit.AMOUNT):
        with pytest.raises(InputError, match="negative"):
            parse_value(f"-{n}", unit)
    assert parse_value(f"-{n}", Unit.NUMBER) == -n


@pytest.mark.parametrize(
    ("text", "value"),
    [("tak", 1.0), ("TAK", 1.0), ("yes", 1.0), ("nie", 0.0), ("No", 0.0), (" tak ", 1.0)],
)
def test_yes_no(text: str, value: float) -> None:
    assert parse_value(text, Unit.YESNO) == value


@pytest.mark.parametrize(
    ("text", "unit", "message"),
    [
        ("1,5", Unit.COUNT, "This indicator takes whole numbers only, and '1,5' is not one"),
        ("35%", Unit.COUNT, "has a % sign"),
        ("35%", Unit.AMOUNT, "has a % sign"),
        ("dużo", Unit.AMOUNT, "Cannot read the value 'dużo'."),
        ("2", Unit.YESNO, "Cannot read the value '2'."),
        ("", Unit.NUMBER, "Cannot read the value ''."),
        ("1e5", Unit.NUMBER, "Cannot read the value '1e5'."),
        ("nan", Unit.NUMBER, "Cannot read the value 'nan'."),
        ("inf", Unit.AMOUNT, "Cannot read the value 'inf'."),
    ],
)
def test_refused(text: str, unit: Unit, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_value(text, unit)


def test_ambiguous_amount_is_refused_not_misread() -> None:
    with pytest.raises(InputError) as info:
        parse_value("12.500", Unit.AMOUNT)
    assert info.value.message == (
        "The number '12.500' is ambiguous: a dot or comma before three digits may group "
        "thousands or mark decimals; write 12500 or 12,5"
    )
    assert parse_value("12.500,00", Unit.AMOUNT) == 12_500.0
    assert parse_value("12 500", Unit.AMOUNT) == 12_500.0
    assert parse_value("1.875%", Unit.PERCENT) == 1.875


NBSP = "\u00a0"


def values(wsp: Wsp) -> list[float | None]:
    with open_store(wsp.store, readonly=True) as store:
        return [e.value for e in store.entries()]


# -- 4. numbers in messages ------------------------------------------------------------------


def test_confirmation_numbers_in_polish(wsp: Wsp) -> None:
    run = wsp("record", "kw", "9000000", "--period", "2024-Q4", "--yes", lang="pl")
    assert run.exit_code == 0, run.stderr
    assert f"Kwota dotacji = 9{NBSP}000{NBSP}000 za 2024-Q4." in run.stderr
    # the figure wsp status shows: the target is yearly, so the year's total
    assert f"Wartość osiągnięta za 2024: 9{NBSP}000{NBSP}000 (suma, 1 wpis)." in run.stderr
    run = wsp("record", "kw", "120000,5", "--period", "2024-Q3", lang="pl")
    assert f"= 120{NBSP}000,50 za 2024-Q3" in run.stderr
    run = wsp("record", "kw", "9000000", "--period", "2024-Q1", "--dry-run")
    assert "kw = 9,000,000 for 2024-Q1" in run.stderr
    run = wsp("record", "avg", "1234,5", "--period", "2024-03", lang="pl")
    assert f"= 1{NBSP}234,5 za 2024-03" in run.stderr


def test_implausible_message_numbers(wsp: Wsp) -> None:
    wsp.record("kw", "1000", "--period", "2024-Q1")
    run = wsp("record", "kw", "120000,5", "--period", "2024-Q2", lang="pl")
    assert run.exit_code == 2
    assert (
        f"120{NBSP}000,50 to ponad 10 razy więcej niż największa wartość w innych okresach "
        f"(1{NBSP}000)" in run.stderr
    )
    run = wsp("record", "kw", "120000.5", "--period", "2024-Q2")
    assert "120,000.50 is more than 10 times the largest value of the other periods (1,000)" in (
        run.stderr
    )


def test_correct_message_and_history_numbers(wsp: Wsp) -> None:
    uid = wsp.record("kw", "9000000", "--period", "2024-Q4")
    run = wsp("correct", uid, "9000000,5", "--reason", "grosze", lang="pl")
    assert run.exit_code == 0, run.stderr
    assert f"(9{NBSP}000{NBSP}000 → 9{NBSP}000{NBSP}000,50)" in run.stderr
    table = wsp("history", lang="pl").stdout
    assert f"9{NBSP}000{NBSP}000,50" in table
    # machine outputs stay exact
    assert ";9000000,5;" in wsp("history", "--format", "csv", lang="pl").stdout
    assert ";9000000,5;" in wsp("export", lang="pl").stdout
    doc = json.loads(wsp("export", "--format", "json", lang="pl").stdout)
    assert [e["value"] for e in doc["entries"]] == [9000000, 9000000.5]


# -- 7. wording ------------------------------------------------------------------------------


def test_not_whole_names_the_indicator(wsp: Wsp) -> None:
    run = wsp("record", "1.1", "1,5", "--year", "2024", lang="pl")
    assert run.exit_code == 2
    assert run.stderr.splitlines()[0] == (
        "wsp: błąd: Wskaźnik 1.1 przyjmuje tylko liczby całkowite, a '1,5' nią nie jest."
    )
    run = wsp("record", "1.1", "1.5", "--year", "2024")
    assert run.stderr.splitlines()[0] == (
        "wsp: error: The indicator 1.1 takes whole numbers only, and '1.5' is not one."
    )


def test_history_recorded_column(wsp: Wsp) -> None:
    wsp.record("1.1", "2", "--year", "2024", "--by", "root")
    assert "Zapisano (UTC, kto)" in wsp("history", lang="pl").stdout
    table = wsp("history").stdout
    assert "Recorded (UTC, by)" in table and " root" in table

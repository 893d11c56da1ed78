"""Value parsing for each unit (values.py), with hypothesis."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wspolpraca_cli.errors import InputError
from wspolpraca_cli.exitcodes import ExitCode
from wspolpraca_cli.model import Unit
from wspolpraca_cli.transfer import format_number
from wspolpraca_cli.values import parse_value


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

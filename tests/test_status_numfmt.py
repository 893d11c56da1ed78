"""Number, percentage and date formats of the status renderers (shared with the report)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wspolpraca_cli.numfmt import format_date, format_number, format_percent


@pytest.mark.parametrize(
    ("value", "pl", "en"),
    [
        (1234.5, "1\u00a0234,5", "1,234.5"),
        (0.0, "0", "0"),
        (-0.001, "0", "0"),
        (2.0, "2", "2"),
        (1 / 3, "0,33", "0.33"),
        (8_500_000, "8\u00a0500\u00a0000", "8,500,000"),
        (-1234.567, "-1\u00a0234,57", "-1,234.57"),
        (None, "—", "—"),
        (float("nan"), "—", "—"),
        (float("inf"), "—", "—"),
    ],
)
def test_format_number(value: float | None, pl: str, en: str) -> None:
    assert format_number(value, "pl") == pl
    assert format_number(value, "en") == en


def test_fixed_decimals() -> None:
    assert format_number(1234.5, "pl", 2) == "1\u00a0234,50"
    assert format_number(1234.5, "en", 0) == "1,234"


def test_format_percent() -> None:
    assert format_percent(0.6, "pl") == "60%"
    assert format_percent(0.625, "pl", 1) == "62,5%"
    assert format_percent(0.996, "en") == "99%"  # not achieved: never shown as 100%
    assert format_percent(1.0, "en") == "100%"
    assert format_percent(12.3456, "pl") == "1\u00a0235%"
    assert format_percent(None, "pl") == "—"


def test_format_date() -> None:
    assert format_date(date(2025, 5, 31), "pl") == "31 maja 2025"
    assert format_date(date(2024, 3, 10), "en") == "10 March 2024"


def _grouped_as_before(value: float, lang: str) -> str:
    """format_number's general path (two places, trailing zeros dropped), the oracle of its
    shortcut for whole numbers."""
    text = f"{abs(value):,.2f}".rstrip("0").rstrip(".")
    if text.strip("0,.") == "":
        value = 0.0
    if lang == "pl":
        text = text.replace(",", "\u00a0").replace(".", ",")
    return ("-" if value < 0 else "") + text


@given(
    st.one_of(
        st.integers(min_value=-(10**18), max_value=10**18).map(float),
        st.floats(allow_nan=False, allow_infinity=False).filter(lambda v: v.is_integer()),
        st.integers(min_value=-(10**12), max_value=10**12),
        st.sampled_from([0.0, -0.0, 1e15, -1e16, 2.0**53, 1e300]),
    ),
    st.sampled_from(["pl", "en"]),
)
def test_whole_numbers_read_as_the_general_path_writes_them(value: float, lang: str) -> None:
    assert format_number(value, lang) == _grouped_as_before(value, lang)

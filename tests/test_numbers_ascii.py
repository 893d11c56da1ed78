"""Numbers are read from ASCII digits only: Python's float() and int() (and a regular
expression's \\d) also read Arabic-Indic ``٣`` and full-width ``３``, which nobody types into a
measurement on purpose. Everywhere a number comes from the user — a recorded or corrected
value, --year, --period, --date, an imported cell, the indicator's number at the prompt — any
other digit is refused with the usual message and exit code."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import Wsp
from wspolpraca_cli.model import Unit
from wspolpraca_cli.numbers import parse_number, parse_whole
from wspolpraca_cli.values import parse_value

OTHER_DIGITS = st.characters(categories=("Nd",)).filter(lambda c: not c.isascii())
ASCII_PIECES = st.text(alphabet="0123456789.,", max_size=6)


@st.composite
def with_other_digit(draw: st.DrawFn) -> str:
    """A number-like text with at least one non-ASCII digit somewhere in it."""
    before, after = draw(ASCII_PIECES), draw(ASCII_PIECES)
    digits = draw(st.text(alphabet=OTHER_DIGITS, min_size=1, max_size=4))
    return before + digits + after


def entries(wsp: Wsp) -> int:
    from wspolpraca_cli.store import open_store

    with open_store(wsp.store, readonly=True) as store:
        return len(store.entries())


# -- the core ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["٣", "３", "１２", "1٢", "۳", "٣,5", "8 ５00", "३"])
def test_parse_number_refuses_other_digits(text: str) -> None:
    with pytest.raises(ValueError, match="not a number"):
        parse_number(text)


@given(with_other_digit())
def test_no_other_digit_is_ever_a_number(text: str) -> None:
    for strict in (False, True):
        with pytest.raises(ValueError):
            parse_number(text, strict=strict)
    for unit in Unit:
        with pytest.raises(Exception, match="Cannot read the value"):
            parse_value(text, unit)


@given(with_other_digit())
def test_no_other_digit_is_ever_a_whole_number(text: str) -> None:
    with pytest.raises(ValueError, match="is not a valid integer"):
        parse_whole(text)


def test_ascii_numbers_still_read() -> None:
    assert parse_number("8 500 000,50") == 8500000.5
    assert parse_number("1\u00a0200") == 1200
    assert parse_whole(" 2024 ") == 2024
    assert parse_whole("-3") == -3


# -- through the command line -----------------------------------------------------------------


def test_recorded_value_with_other_digits(wsp: Wsp) -> None:
    @settings(deadline=None)
    @given(with_other_digit())
    def prop(text: str) -> None:
        run = wsp("record", "1.1", "--year", "2024", "--", text)
        assert run.exit_code == 2, (text, run.stderr)
        assert run.stderr.startswith(f"wsp: error: Cannot read the value {text!r}.\n")
        assert run.stdout == ""

    prop()
    assert entries(wsp) == 0


@pytest.mark.parametrize("text", ["٣", "３", "２５%"])
def test_recorded_value_in_polish(wsp: Wsp, text: str) -> None:
    run = wsp("record", "pct", text, "--year", "2024", lang="pl")
    assert run.exit_code == 2
    assert run.stderr.startswith(f"wsp: błąd: Niepoprawna wartość {text!r}.\n")


def test_corrected_value_with_other_digits(wsp: Wsp) -> None:
    uid = wsp.record("1.1", "2", "--year", "2024")
    run = wsp("correct", uid, "٣", "--reason", "r")
    assert run.exit_code == 2
    assert run.stderr.startswith("wsp: error: Cannot read the value '٣'.\n")
    assert entries(wsp) == 1


def test_year_with_other_digits(wsp: Wsp) -> None:
    @settings(deadline=None)
    @given(with_other_digit(), st.sampled_from(["record", "status", "check", "report"]))
    def prop(text: str, command: str) -> None:
        args = ["1.1", "1"] if command == "record" else []
        run = wsp(command, *args, "--year", text)
        assert run.exit_code == 2, (text, run.stderr)
        assert f"{text!r} is not a valid int." in run.stderr

    prop()
    assert not wsp.store.exists()


def test_year_with_other_digits_in_polish(wsp: Wsp) -> None:
    run = wsp("record", "1.1", "1", "--year", "٢٠٢٤", lang="pl")
    assert run.exit_code == 2
    assert "'٢٠٢٤' nie jest liczbą całkowitą." in run.stderr


def test_period_and_date_with_other_digits(wsp: Wsp) -> None:
    run = wsp("record", "1.1", "1", "--period", "２０２４")
    assert run.exit_code == 2
    assert run.stderr.startswith("wsp: error: Cannot read the period '２０２４'.\n")
    run = wsp("record", "1.1", "1", "--date", "٢٠٢٤-04-02")
    assert run.exit_code == 2
    assert run.stderr.startswith("wsp: error: Cannot read the date '٢٠٢٤-04-02'.\n")
    run = wsp("status", "--as-of", "2024-0４-02")
    assert run.exit_code == 2
    assert "2024-0４-02" in run.stderr
    assert not wsp.store.exists()


def test_imported_cells_with_other_digits(wsp: Wsp, tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text(
        "indicator,period,value,date\n1.1,2024,٣,\n1.1,２０２４,1,\n1.1,2024,1,2024-0٤-02\n",
        encoding="utf-8",
    )
    run = wsp("import", str(src))
    assert run.exit_code == 2
    assert f"{src}:2:3: Cannot read the value '٣'." in run.stderr
    assert f"{src}:3:2: Cannot read the period '２０２４'." in run.stderr
    assert f"{src}:4:4: " in run.stderr and "2024-0٤-02" in run.stderr
    assert not wsp.store.exists() or entries(wsp) == 0


def test_indicator_number_at_the_prompt(wsp: Wsp, terminal: None) -> None:
    run = wsp("record", "--year", "2024", input="٢\n1\n1\n")  # not the 2nd: the 1st
    assert run.exit_code == 0, run.stderr
    assert "No indicator '٢'" in run.stderr
    from wspolpraca_cli.store import open_store

    with open_store(wsp.store, readonly=True) as store:
        assert [e.indicator_id for e in store.entries()] == ["1.1"]

"""What every command does before its own work: the environment it reads, Ctrl-C at start-up."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import MakeWsp, Wsp


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "-1", "1e9", "3601", "abc", "３", "٣"])
@pytest.mark.parametrize("command", [["status"], ["record", "1.1", "1", "--year", "2024"]])
def test_a_bad_busy_timeout_is_refused_naming_the_variable(
    wsp: Wsp, value: str, command: list[str]
) -> None:
    run = wsp(*command, env={"WSP_BUSY_TIMEOUT": value})
    assert run.exit_code == 2
    assert run.stderr.startswith(
        f"wsp: error: WSP_BUSY_TIMEOUT={value!r} is not a valid waiting time in seconds.\n"
    )
    assert "from 0 to 3600" in run.stderr
    assert run.stdout == ""


def test_a_bad_busy_timeout_in_polish(make_wsp: MakeWsp) -> None:
    run = make_wsp(lang="pl")("status", env={"WSP_BUSY_TIMEOUT": "inf"})
    assert run.exit_code == 2
    assert "Zmienna WSP_BUSY_TIMEOUT='inf' nie jest poprawnym czasem oczekiwania" in run.stderr


@given(st.floats(min_value=0, max_value=3600, allow_nan=False))
def test_a_busy_timeout_within_bounds_is_taken(seconds: float) -> None:
    import os

    from wspolpraca_cli.cli.common import busy_timeout

    old = os.environ.get("WSP_BUSY_TIMEOUT")
    os.environ["WSP_BUSY_TIMEOUT"] = repr(seconds)
    try:
        assert busy_timeout() == seconds
    finally:
        if old is None:
            del os.environ["WSP_BUSY_TIMEOUT"]
        else:
            os.environ["WSP_BUSY_TIMEOUT"] = old


@pytest.mark.parametrize("value", ["", "0", "0.5", " 30 "])
def test_a_good_or_empty_busy_timeout_works(wsp: Wsp, value: str) -> None:
    run = wsp("record", "1.1", "1", "--year", "2024", env={"WSP_BUSY_TIMEOUT": value})
    assert run.exit_code == 0, run.stderr

"""Prompts of the store commands: the yes/no plausibility confirmation (Polish and English),
and period, indicator and value prompts that ask again."""

from __future__ import annotations

import pytest

from tests.conftest import Wsp
from wspolpraca_cli.store import open_store

# every test runs against each store backend (tests/conftest.py)
pytestmark = pytest.mark.usefixtures("backend")

NBSP = "\u00a0"


def values(wsp: Wsp) -> list[float | None]:
    with open_store(wsp.store, readonly=True) as store:
        return [e.value for e in store.entries()]


# -- 1. the plausibility confirmation --------------------------------------------------------


@pytest.mark.parametrize("answer", ["t", "tak", "T", "y", "yes", " Tak "])
def test_polish_confirmation_accepts_tak(wsp: Wsp, terminal: None, answer: str) -> None:
    wsp.record("1.1", "2", "--year", "2023")
    run = wsp("record", "1.1", "25", "--year", "2024", input=f"{answer}\n", lang="pl")
    assert run.exit_code == 0, run.stderr
    assert "Zapisać mimo to? [t/N]:" in run.stderr
    assert "invalid input" not in run.stderr
    assert values(wsp) == [2.0, 25.0]


@pytest.mark.parametrize("answer", ["n", "nie", "no", "NIE", ""])
def test_polish_confirmation_no(wsp: Wsp, terminal: None, answer: str) -> None:
    wsp.record("1.1", "2", "--year", "2023")
    run = wsp("record", "1.1", "25", "--year", "2024", input=f"{answer}\n", lang="pl")
    assert run.exit_code == 0
    assert run.stderr.endswith("Nic nie zapisano.\n")
    assert values(wsp) == [2.0]


def test_polish_confirmation_asks_again(wsp: Wsp, terminal: None) -> None:
    wsp.record("1.1", "2", "--year", "2023")
    run = wsp("record", "1.1", "25", "--year", "2024", input="może\nok\nt\n", lang="pl")
    assert run.exit_code == 0, run.stderr
    assert (
        run.stderr.count("Odpowiedz t (tak) albo n (nie); samo naciśnięcie Enter oznacza „nie”.")
        == 2
    )
    assert run.stderr.count("[t/N]") == 3
    assert values(wsp) == [2.0, 25.0]


@pytest.mark.parametrize(("answer", "stored"), [("y", True), ("yes", True), ("tak", True)])
def test_english_confirmation(wsp: Wsp, terminal: None, answer: str, stored: bool) -> None:
    wsp.record("1.1", "2", "--year", "2023")
    run = wsp("record", "1.1", "25", "--year", "2024", input=f"{answer}\n")
    assert run.exit_code == 0, run.stderr
    assert "Record it anyway? [y/N]:" in run.stderr
    assert len(values(wsp)) == (2 if stored else 1)


def test_english_confirmation_asks_again_then_no(wsp: Wsp, terminal: None) -> None:
    wsp.record("1.1", "2", "--year", "2023")
    run = wsp("record", "1.1", "25", "--year", "2024", input="maybe\nnie\n")
    assert run.exit_code == 0
    assert "Answer y (yes) or n (no); Enter alone means no." in run.stderr
    assert run.stderr.endswith("Nothing was recorded.\n")
    assert values(wsp) == [2.0]


def test_confirmation_end_of_input_is_an_interruption(wsp: Wsp, terminal: None) -> None:
    wsp.record("1.1", "2", "--year", "2023")
    run = wsp("record", "1.1", "25", "--year", "2024", input="", lang="pl")
    assert run.exit_code == 130
    assert values(wsp) == [2.0]
    run = wsp("record", "1.1", "25", "--year", "2024", input="x\n")  # EOF after a wrong answer
    assert run.exit_code == 130
    assert values(wsp) == [2.0]


def test_correct_confirmation_in_polish(wsp: Wsp, terminal: None) -> None:
    uid = wsp.record("pct", "40%", "--year", "2024")
    run = wsp("correct", uid, "150%", "--reason", "x", input="tak\n", lang="pl")
    assert run.exit_code == 0, run.stderr
    assert "[t/N]" in run.stderr
    assert values(wsp) == [40.0, 150.0]


# -- 5. prompts ask again --------------------------------------------------------------------


def test_period_prompt_asks_again(wsp: Wsp, terminal: None, today: None) -> None:
    run = wsp("record", "1.1", "2", input="sometime\n2030\n2023\n")
    assert run.exit_code == 0, run.stderr
    assert "Cannot read the period 'sometime'." in run.stderr
    assert "The period 2030 of the indicator 1.1 is outside the programme's years" in run.stderr
    assert "  hint: the indicator is measured" in run.stderr
    assert values(wsp) == [2.0]
    with open_store(wsp.store, readonly=True) as store:
        assert store.entries()[0].period == "2023"


def test_period_prompt_end_of_input(wsp: Wsp, terminal: None, today: None) -> None:
    run = wsp("record", "1.1", "2", input="sometime\n")
    assert run.exit_code == 130
    assert not wsp.store_exists()


def test_indicator_and_value_prompts_ask_again(wsp: Wsp, terminal: None, today: None) -> None:
    run = wsp("record", input="9\n1.2\n1\n\nabc\n1,5\n2\n\n\n\n", lang="en")
    assert run.exit_code == 0, run.stderr
    assert "No indicator '9' in the programme." in run.stderr
    assert "No indicator '1.2' in the programme." in run.stderr
    assert "  Did you mean: 1.1?" in run.stderr
    assert "Cannot read the value 'abc'." in run.stderr
    assert "The indicator 1.1 takes whole numbers only, and '1,5' is not one." in run.stderr
    assert values(wsp) == [2.0]


def test_indicator_list_is_aligned(wsp: Wsp, terminal: None) -> None:
    run = wsp("record", input="")
    assert run.exit_code == 130
    listed = [line for line in run.stderr.splitlines() if line[:4].strip().rstrip(".").isdigit()]
    assert listed == [
        "  1. 1.1  Liczba warsztatów",
        "  2. pct  Odsetek skonsultowanych",
        "  3. yn   Centrum działa",
        "  4. kw   Kwota dotacji",
        "  5. avg  Średnia porad",
    ]

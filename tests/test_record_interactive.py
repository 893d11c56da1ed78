"""Interactive `wsp record` (the indicator or the value asked for in a terminal) also offers
the indicator's breakdowns, with their values as choices, a note and a source — each
skippable with Enter, and none asked for when its option was given or when standard input is
not a terminal."""

from __future__ import annotations

from datetime import date

from tests.conftest import MakeWsp, Wsp
from wspolpraca_cli.entries import Entry
from wspolpraca_cli.store import open_store


def only(wsp: Wsp) -> Entry:
    with open_store(wsp.store, readonly=True) as store:
        (entry,) = store.entries()
    return entry


def test_breakdown_note_and_source_are_offered(wsp: Wsp, terminal: None, today: list[date]) -> None:
    run = wsp("record", input="1\n2024\n2\n2\nwarsztat w Toruniu\nlista obecności\n")
    assert run.exit_code == 0, run.stderr
    assert (
        "Breakdown organizator:\n"
        "  1. urząd     organizowane przez urząd\n"
        "  2. NGO       organizowane przez organizacje pozarządowe\n"
        "  3. wspólnie  współorganizowane\n"
        "Breakdown organizator (number or code; Enter: skip):"
    ) in run.stderr
    assert "Note (Enter: none):" in run.stderr
    assert "Source: a document or a link (Enter: none):" in run.stderr
    entry = only(wsp)
    assert (entry.value, entry.tags, entry.note, entry.source) == (
        2.0,
        (("organizator", "NGO"),),
        "warsztat w Toruniu",
        "lista obecności",
    )


def test_everything_optional_can_be_skipped(wsp: Wsp, terminal: None, today: list[date]) -> None:
    run = wsp("record", "1.1", input="2024\n2\n\n\n\n")
    assert run.exit_code == 0, run.stderr
    entry = only(wsp)
    assert (entry.tags, entry.note, entry.source) == ((), "", "")


def test_a_breakdown_by_code_or_label_any_case(wsp: Wsp, terminal: None, today: list[date]) -> None:
    run = wsp("record", "1.1", "--year", "2024", input="1\nWSPÓLNIE\n\n\n")
    assert run.exit_code == 0, run.stderr
    assert only(wsp).tags == (("organizator", "wspólnie"),)


def test_a_wrong_breakdown_value_asks_again(wsp: Wsp, terminal: None, today: list[date]) -> None:
    run = wsp(
        "record", "1.1", "--year", "2024", input="1\n9\ngmina\norganizowane przez urząd\n\n\n"
    )
    assert run.exit_code == 0, run.stderr
    assert "The breakdown organizator has no value '9'." in run.stderr
    assert "The breakdown organizator has no value 'gmina'." in run.stderr
    assert "  hint: accepted values: urząd, NGO, wspólnie" in run.stderr
    assert only(wsp).tags == (("organizator", "urząd"),)


def test_in_polish(wsp: Wsp, terminal: None, today: list[date]) -> None:
    run = wsp("record", "1.1", "--year", "2024", input="1\n3\nuwaga\n\n", lang="pl")
    assert run.exit_code == 0, run.stderr
    assert "Podział organizator:" in run.stderr
    assert "Podział organizator (numer lub kod; Enter: pomiń):" in run.stderr
    assert "Uwagi (Enter: bez uwag):" in run.stderr
    assert "Źródło: dokument lub link (Enter: bez źródła):" in run.stderr
    entry = only(wsp)
    assert (entry.tags, entry.note) == ((("organizator", "wspólnie"),), "uwaga")


def test_options_given_are_not_asked(wsp: Wsp, terminal: None, today: list[date]) -> None:
    run = wsp(
        "record",
        "1.1",
        "--year",
        "2024",
        "--tag",
        "organizator=NGO",
        "--note",
        "",
        "--source",
        "lista",
        input="2\n",
    )
    assert run.exit_code == 0, run.stderr
    assert "Breakdown" not in run.stderr and "Note" not in run.stderr
    assert "Source:" not in run.stderr
    entry = only(wsp)
    assert (entry.tags, entry.note, entry.source) == ((("organizator", "NGO"),), "", "lista")


def test_an_indicator_without_breakdowns(wsp: Wsp, terminal: None, today: list[date]) -> None:
    run = wsp("record", "pct", "--year", "2024", input="35%\nnotatka\n\n")
    assert run.exit_code == 0, run.stderr
    assert "Breakdown" not in run.stderr
    assert (only(wsp).value, only(wsp).note) == (35.0, "notatka")


def test_a_complete_command_line_is_not_questioned(wsp: Wsp, terminal: None) -> None:
    run = wsp("record", "1.1", "2", "--year", "2024", input="")
    assert run.exit_code == 0, run.stderr
    assert "Breakdown" not in run.stderr and "Note" not in run.stderr
    assert only(wsp).tags == ()


def test_outside_a_terminal_nothing_is_asked(wsp: Wsp) -> None:
    run = wsp("record", "1.1", "2", "--year", "2024", input="1\nnote\nsource\n")
    assert run.exit_code == 0, run.stderr
    assert (only(wsp).tags, only(wsp).note) == ((), "")


def test_end_of_input_at_an_optional_question_stores_nothing(
    wsp: Wsp, terminal: None, today: list[date]
) -> None:
    run = wsp("record", "1.1", "--year", "2024", input="2\n1\n")
    assert run.exit_code == 130
    assert not wsp.store.exists()


def test_two_breakdowns_one_given(make_wsp: MakeWsp, terminal: None, today: list[date]) -> None:
    from tests.conftest import TEST_PROGRAM

    program = TEST_PROGRAM.replace(
        "                wspólnie: współorganizowane\n",
        "                wspólnie: współorganizowane\n              miejsce: [Toruń, Bydgoszcz]\n",
    )
    wsp = make_wsp(program)
    run = wsp("record", "1.1", "--year", "2024", "-t", "ORGANIZATOR=NGO", input="1\n2\n\n\n")
    assert run.exit_code == 0, run.stderr
    assert "Breakdown organizator" not in run.stderr
    assert "Breakdown miejsce:\n  1. Toruń\n  2. Bydgoszcz\n" in run.stderr
    assert only(wsp).tags == (("organizator", "NGO"), ("miejsce", "Bydgoszcz"))

"""A `wsp record` of an entry that counts already (the same value, date, note, source and
breakdown for the same indicator and period) asks first in a terminal and needs --yes
elsewhere, as an implausible value does: recorded twice it would count twice."""

from __future__ import annotations

import pytest

from tests.conftest import Wsp
from wspolpraca_cli.entries import Entry, EntryKind
from wspolpraca_cli.store import open_store


def stored(wsp: Wsp) -> list[Entry]:
    with open_store(wsp.store, readonly=True) as store:
        return store.entries()


def when(entry: Entry) -> str:
    return f"{entry.recorded_at[:10]} {entry.recorded_at[11:16]} UTC"


SAME = ("1.1", "2", "--year", "2024", "--note", "Toruń", "--tag", "organizator=NGO")


def test_a_duplicate_is_refused_without_yes(wsp: Wsp) -> None:
    uid = wsp.record(*SAME)
    run = wsp("record", *SAME)
    assert run.exit_code == 2
    first = stored(wsp)[0]
    assert run.stderr == (
        "wsp: error: The same entry (value, date, note, source, breakdown) is already in the "
        f"store: {uid[:8]}, recorded {when(first)}. Nothing was recorded.\n"
        "  hint: if this is another measurement, not the same one again, run the command "
        "again with --yes\n"
    )
    assert run.stdout == ""
    assert [e.uid for e in stored(wsp)] == [uid]


def test_a_duplicate_in_polish(wsp: Wsp) -> None:
    uid = wsp.record(*SAME)
    run = wsp("record", *SAME, lang="pl")
    assert run.exit_code == 2
    assert (
        "Taki sam wpis (wartość, data, uwagi, źródło, podział) jest już w magazynie: "
        f"{uid[:8]}, zapisany {when(stored(wsp)[0])}. Nic nie zapisano." in run.stderr
    )
    assert "powtórz polecenie z --yes" in run.stderr


def test_yes_records_a_duplicate(wsp: Wsp) -> None:
    wsp.record(*SAME)
    run = wsp("record", *SAME, "--yes")
    assert run.exit_code == 0
    assert "Actual for 2024: 4 (sum, 2 entries)." in run.stderr
    assert [e.uid for e in stored(wsp)][1] == run.stdout.strip()


def test_a_dry_run_of_a_duplicate_is_refused_too(wsp: Wsp) -> None:
    wsp.record(*SAME)
    run = wsp("record", *SAME, "--dry-run")
    assert run.exit_code == 2
    assert "is already in the store" in run.stderr
    assert wsp("record", *SAME, "--dry-run", "--yes").exit_code == 0
    assert len(stored(wsp)) == 1


@pytest.mark.parametrize(("answer", "count"), [("y\n", 2), ("t\n", 2), ("n\n", 1), ("\n", 1)])
def test_a_terminal_asks(wsp: Wsp, terminal: None, answer: str, count: int) -> None:
    uid = wsp.record(*SAME)
    run = wsp("record", *SAME, input=answer)
    assert run.exit_code == 0, run.stderr
    assert f"store: {uid[:8]}, recorded {when(stored(wsp)[0])}. Record it again? [y/N]:" in (
        run.stderr
    )
    assert len(stored(wsp)) == count
    if count == 1:
        assert run.stderr.endswith("Nothing was recorded.\n")


def test_a_terminal_asks_for_a_duplicate_then_for_an_implausible_value(
    wsp: Wsp, terminal: None
) -> None:
    wsp.record("pct", "150", "--year", "2024", "--yes")  # above the bound of 100
    run = wsp("record", "pct", "150", "--year", "2024", input="y\ny\n")
    assert run.exit_code == 0, run.stderr
    assert "Record it again? [y/N]:" in run.stderr
    assert "Record it anyway? [y/N]:" in run.stderr
    assert len(stored(wsp)) == 2
    run = wsp("record", "pct", "150", "--year", "2024", input="y\nn\n")
    assert run.stderr.endswith("Nothing was recorded.\n")
    assert len(stored(wsp)) == 2


@pytest.mark.parametrize(
    "other",
    [
        ("1.1", "3", "--year", "2024", "--note", "Toruń", "--tag", "organizator=NGO"),
        ("1.1", "2", "--year", "2023", "--note", "Toruń", "--tag", "organizator=NGO"),
        ("1.1", "2", "--year", "2024", "--note", "Bydgoszcz", "--tag", "organizator=NGO"),
        ("1.1", "2", "--year", "2024", "--note", "Toruń", "--tag", "organizator=urząd"),
        ("1.1", "2", "--year", "2024", "--note", "Toruń"),
        ("1.1", "2", "--date", "2024-05-01", "--note", "Toruń", "--tag", "organizator=NGO"),
        (
            "1.1",
            "2",
            "--year",
            "2024",
            "--note",
            "Toruń",
            "--tag",
            "organizator=NGO",
            "--source",
            "lista",
        ),
    ],
)
def test_an_entry_that_differs_is_no_duplicate(wsp: Wsp, other: tuple[str, ...]) -> None:
    wsp.record(*SAME)
    wsp.record(*other)
    assert len(stored(wsp)) == 2


def test_a_label_or_another_case_of_the_same_tag_is_a_duplicate(wsp: Wsp) -> None:
    wsp.record(*SAME)
    run = wsp("record", *SAME[:-1], "organizator=ngo")
    assert run.exit_code == 2
    assert "is already in the store" in run.stderr


def test_the_same_date_is_a_duplicate(wsp: Wsp) -> None:
    wsp.record("1.1", "1", "--date", "2024-05-01")
    assert wsp("record", "1.1", "1", "--date", "2024-05-01").exit_code == 2


def test_a_voided_or_corrected_entry_is_no_duplicate(wsp: Wsp) -> None:
    uid = wsp.record(*SAME)
    assert wsp("void", uid, "--reason", "mistake").exit_code == 0
    again = wsp.record(*SAME)  # the voided entry does not count
    assert wsp("correct", again, "5", "--reason", "typo").exit_code == 0
    wsp.record(*SAME)  # the corrected entry does not count either
    run = wsp("record", *SAME[:1], "5", *SAME[2:])  # the correction does
    assert run.exit_code == 2
    correction = next(e for e in stored(wsp) if e.kind is EntryKind.CORRECTION)
    assert f"store: {correction.uid[:8]}," in run.stderr


def test_live_entries_of_one_indicator_and_period(wsp: Wsp) -> None:
    a = wsp.record("1.1", "1", "--year", "2024")
    b = wsp.record("1.1", "2", "--year", "2024")
    c = wsp.record("1.1", "1", "--year", "2024", "--note", "x")
    wsp.record("1.1", "1", "--year", "2023")
    wsp("void", b, "--reason", "r")
    wsp("correct", c, "3", "--reason", "r")
    with open_store(wsp.store, readonly=True) as store:
        live = store.live_entries("1.1", "2024")
        assert [e.uid for e in live][:1] == [a]
        assert [e.value for e in live] == [1.0, 3.0]
        assert [e.uid for e in store.live_entries("1.1", "2024", 1.0)] == [a]
        assert store.live_entries("1.1", "2025") == []
        assert store.live_entries("nope", "2024", 1.0) == []

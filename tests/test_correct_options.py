"""`wsp correct --tag` and `--date`: a correction replaces the entry's breakdown or
measurement date (checked as `wsp record` checks them), so that fixing the organiser no longer
needs a void and a new record."""

from __future__ import annotations

from tests.conftest import MakeWsp, Wsp
from wspolpraca_cli.entries import Entry, EntryKind
from wspolpraca_cli.store import open_store


def stored(wsp: Wsp) -> list[Entry]:
    with open_store(wsp.store, readonly=True) as store:
        return store.entries()


def test_tag_replaces_the_breakdown(wsp: Wsp) -> None:
    uid = wsp.record("1.1", "2", "--year", "2024", "--tag", "organizator=urząd", "--note", "n")
    run = wsp("correct", uid, "2", "--tag", "organizator=NGO", "--reason", "wrong organiser")
    assert run.exit_code == 0, run.stderr
    new = stored(wsp)[-1]
    assert run.stdout.strip() == new.uid
    assert (new.kind, new.tags, new.value, new.note) == (
        EntryKind.CORRECTION,
        (("organizator", "NGO"),),
        2.0,
        "n",
    )
    assert run.stderr.rstrip().endswith("Breakdown: organizator=urząd → organizator=NGO.")
    assert "Actual of 1.1 for 2024: 2 (sum, 1 entry)." in run.stderr


def test_tag_by_label_any_case(wsp: Wsp) -> None:
    uid = wsp.record("1.1", "2", "--year", "2024")
    run = wsp("correct", uid, "2", "-t", "ORGANIZATOR=ngo", "-r", "organiser", lang="pl")
    assert run.exit_code == 0, run.stderr
    assert stored(wsp)[-1].tags == (("organizator", "NGO"),)
    assert "Podział: brak → organizator=NGO." in run.stderr


def test_without_tag_or_date_the_old_ones_stay(wsp: Wsp) -> None:
    uid = wsp.record("1.1", "2", "--date", "2024-04-02", "--tag", "organizator=NGO")
    run = wsp("correct", uid, "3", "--reason", "typo")
    assert run.exit_code == 0, run.stderr
    new = stored(wsp)[-1]
    assert (new.tags, new.date, new.value) == ((("organizator", "NGO"),), "2024-04-02", 3.0)
    assert "Breakdown" not in run.stderr and "Date:" not in run.stderr


def test_date_replaces_the_date(wsp: Wsp) -> None:
    uid = wsp.record("1.1", "2", "--year", "2024")
    run = wsp("correct", uid, "2", "--date", "5.06.2024", "--reason", "the date")
    assert run.exit_code == 0, run.stderr
    assert stored(wsp)[-1].date == "2024-06-05"
    assert run.stderr.rstrip().endswith("Date: none → 2024-06-05.")
    uid = stored(wsp)[-1].uid
    run = wsp("correct", uid, "2", "-d", "2024-07-01", "-r", "again", "--dry-run")
    assert run.exit_code == 0, run.stderr
    assert run.stderr.rstrip().endswith("Date: 2024-06-05 → 2024-07-01.")
    assert len(stored(wsp)) == 2


def test_a_later_date_counts_later(wsp: Wsp) -> None:
    import json

    def entries_2024(as_of: str) -> int:
        run = wsp("status", "--as-of", as_of, "--format", "json")
        assert run.exit_code == 0, run.stderr
        rows = json.loads(run.stdout)["indicators"]
        return next(r["entries"] for r in rows if (r["id"], r["period"]) == ("1.1", "2024"))

    uid = wsp.record("1.1", "2", "--date", "2024-02-01")
    assert entries_2024("2024-06-30") == 1
    assert wsp("correct", uid, "2", "--date", "2024-11-30", "-r", "date").exit_code == 0
    assert entries_2024("2024-06-30") == 0
    assert entries_2024("2024-12-31") == 1


def test_unknown_breakdown_is_refused(wsp: Wsp) -> None:
    uid = wsp.record("1.1", "2", "--year", "2024")
    run = wsp("correct", uid, "2", "--tag", "organiser=NGO", "--reason", "r")
    assert run.exit_code == 2
    assert run.stderr == (
        "wsp: error: The indicator 1.1 has no breakdown 'organiser'.\n"
        "  hint: declared breakdowns: organizator\n"
    )
    assert len(stored(wsp)) == 1


def test_unknown_breakdown_value_is_refused(wsp: Wsp) -> None:
    uid = wsp.record("1.1", "2", "--year", "2024")
    run = wsp("correct", uid, "2", "--tag", "organizator=gmina", "--reason", "r")
    assert run.exit_code == 2
    assert "'gmina'" in run.stderr and "NGO" in run.stderr
    assert len(stored(wsp)) == 1


def test_a_tag_without_equals_is_refused(wsp: Wsp) -> None:
    uid = wsp.record("1.1", "2", "--year", "2024")
    run = wsp("correct", uid, "2", "--tag", "NGO", "--reason", "r")
    assert run.exit_code == 2
    assert run.stderr == (
        "wsp: error: The breakdown 'NGO' is not of the form key=value.\n"
        "  hint: e.g. --tag organizator=NGO\n"
    )
    assert len(stored(wsp)) == 1


def test_a_tag_on_an_indicator_without_breakdowns_is_refused(wsp: Wsp) -> None:
    uid = wsp.record("pct", "20", "--year", "2024")
    run = wsp("correct", uid, "25", "--tag", "organizator=NGO", "--reason", "r")
    assert run.exit_code == 2
    assert "The indicator pct declares no breakdowns" in run.stderr


def test_a_bad_date_is_refused(wsp: Wsp) -> None:
    uid = wsp.record("1.1", "2", "--year", "2024")
    run = wsp("correct", uid, "2", "--date", "2024-02-30", "--reason", "r")
    assert run.exit_code == 2
    assert run.stderr == (
        "wsp: error: Not a date: '2024-02-30' for --date.\n"
        "  hint: write the date as 2024-04-02 or 2.04.2024\n"
    )
    assert len(stored(wsp)) == 1


def test_a_date_in_another_period_is_refused(wsp: Wsp) -> None:
    uid = wsp.record("1.1", "2", "--year", "2024")
    run = wsp("correct", uid, "2", "--date", "2023-05-01", "--reason", "r")
    assert run.exit_code == 2
    assert run.stderr == (
        "wsp: error: The date 2023-05-01 is not in the corrected entry's period 2024.\n"
        "  hint: a correction keeps the period; to move a measurement to another period, void "
        "the entry (`wsp void`) and record it again (`wsp record`)\n"
    )
    run = wsp("correct", uid, "2", "--date", "2030-05-01", "--reason", "r", lang="pl")
    assert run.exit_code == 2
    assert "Data 2030-05-01 nie należy do okresu 2024 poprawianego wpisu." in run.stderr
    assert len(stored(wsp)) == 1


def test_tag_or_date_of_an_indicator_no_longer_in_the_programme(
    wsp: Wsp, make_wsp: MakeWsp
) -> None:
    from tests.conftest import TEST_PROGRAM

    uid = wsp.record("pct", "20", "--year", "2024")
    gone = make_wsp(TEST_PROGRAM.replace("id: pct", "id: pct2"))
    run = gone("correct", uid, "25", "--date", "2024-05-01", "--reason", "r")
    assert run.exit_code == 2
    assert run.stderr == (
        "wsp: error: The indicator pct is no longer in the programme, so a new breakdown or "
        "date of its entry cannot be checked.\n"
        "  hint: correct the value alone, or restore the indicator in the programme file\n"
    )
    assert gone("correct", uid, "25", "--reason", "r").exit_code == 0


def test_help_lists_tag_and_date(wsp: Wsp) -> None:
    run = wsp("correct", "--help")
    assert "--tag" in run.stdout and "--date" in run.stdout

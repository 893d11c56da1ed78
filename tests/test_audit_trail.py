"""The audit trail: period locks (wsp lock / unlock), explanations of shortfalls (wsp explain),
in the store (schema 4), history, status, check and import."""

from __future__ import annotations

import json
import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import MakeWsp, Wsp
from wspolpraca_cli.audit import (
    Explanation,
    ExplanationKind,
    LockAction,
    LockEvent,
    PeriodLocked,
)
from wspolpraca_cli.entries import Entry
from wspolpraca_cli.errors import InputError
from wspolpraca_cli.store import open_store
from wspolpraca_cli.store.sqlite_schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

# every test runs against each store backend (tests/conftest.py); those reading the SQLite
# file itself are marked sqlite_only
pytestmark = pytest.mark.usefixtures("backend")


def lock(wsp: Wsp, period: str, reason: str = "Sprawozdanie przyjęte") -> str:
    run = wsp("lock", period, "--reason", reason, "--by", "A. Nowak")
    assert run.exit_code == 0, run.stderr
    return run.stdout.strip()


# -- the store ----------------------------------------------------------------------------------


@pytest.mark.sqlite_only  # reads the file (PostgreSQL: tests/test_store_postgres.py)
def test_the_store_keeps_locks_and_explanations_append_only(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with open_store(path) as store:
        first = store.add_lock_event(LockEvent("", "2024", LockAction.LOCK, "przyjęte"))
        assert first.uid and first.recorded_at and first.recorded_by and first.seq == 1
        with pytest.raises(InputError, match="locked already"):
            store.add_lock_event(LockEvent("", "2024-Q2", LockAction.LOCK, "x"))
        with pytest.raises(PeriodLocked):
            store.add(Entry("", "1.1", "2024-03", 1.0))
        store.add(Entry("", "1.1", "2023", 1.0))  # another year is open
        store.add_lock_event(LockEvent("", "2024", LockAction.UNLOCK, "korekta"))
        store.add(Entry("", "1.1", "2024-03", 1.0))
        store.add_explanation(Explanation("", "1.1", "2023", "powód"))
        store.add_explanation(Explanation("", "1.1", "2023", "", ExplanationKind.WITHDRAW))
        with pytest.raises(InputError, match="no explanation in force"):
            store.add_explanation(Explanation("", "1.1", "2023", "", ExplanationKind.WITHDRAW))
        assert [e.action for e in store.lock_events()] == [LockAction.LOCK, LockAction.UNLOCK]
        assert [e.kind for e in store.explanations("1.1")] == [
            ExplanationKind.EXPLAIN,
            ExplanationKind.WITHDRAW,
        ]
        assert store.explanations("other") == []
    conn = sqlite3.connect(path)
    for table in ("period_locks", "explanations"):
        with pytest.raises(sqlite3.IntegrityError, match="never changed"):
            conn.execute(f"UPDATE {table} SET period = '2020'")
        with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
            conn.execute(f"DELETE FROM {table}")
    conn.close()


@pytest.mark.sqlite_only  # builds a version-3 file (PostgreSQL's migrations: their own tests)
def test_a_version_3_store_is_migrated_to_4_and_verifies(tmp_path: Path, wsp: Wsp) -> None:
    conn = sqlite3.connect(wsp.store, isolation_level=None)
    for version in (1, 2, 3):
        for statement in MIGRATIONS[version]:
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 3")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(
        "INSERT INTO entries (uid, indicator_id, period, value, kind, recorded_at)"
        " VALUES ('old00001', '1.1', '2022', 3, 'record', '2022-05-01T10:00:00Z')"
    )
    conn.close()
    with open_store(wsp.store, readonly=True) as store:
        assert store.lock_events() == []  # read before and after the migration alike
    lock(wsp, "2022")
    with open_store(wsp.store, readonly=True) as store:
        assert store.schema_version() == SCHEMA_VERSION == 5
        assert [e.period for e in store.lock_events()] == ["2022"]
    run = wsp("store", "verify")
    assert run.exit_code == 0, run.stdout + run.stderr
    conn = sqlite3.connect(wsp.store)
    conn.execute("DROP TRIGGER period_locks_never_deleted")
    conn.commit()
    conn.close()
    run = wsp("store", "verify")
    assert run.exit_code == 3
    assert "period_locks_never_deleted" in run.stdout + run.stderr


def _record_until_locked(path: str, worker: int, results: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    outcomes = []
    for n in range(30):
        try:
            with open_store(Path(path)) as store:
                store.add(Entry("", "1.1", "2024", 1.0, note=f"w{worker}-{n}"))
            outcomes.append("stored")
        except PeriodLocked:
            outcomes.append("locked")
    results.put(outcomes)


def test_a_lock_taken_while_others_record_wins_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with open_store(path):
        pass
    results: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    workers = [
        multiprocessing.Process(target=_record_until_locked, args=(str(path), w, results))
        for w in range(4)
    ]
    for p in workers:
        p.start()
    import time

    time.sleep(0.3)
    with open_store(path) as store:
        store.add_lock_event(LockEvent("", "2024", LockAction.LOCK, "przyjęte"))
    outcomes = [results.get(timeout=120) for _ in workers]
    for p in workers:
        p.join(60)
        assert p.exitcode == 0
    for sequence in outcomes:  # once refused, always refused: the lock is never overtaken
        if "locked" in sequence:
            first = sequence.index("locked")
            assert set(sequence[first:]) == {"locked"}, sequence
    stored = sum(s.count("stored") for s in outcomes)
    with open_store(path, readonly=True) as store:
        assert store.count() == stored
        assert store.integrity_check() == "ok"


# -- lock and unlock ----------------------------------------------------------------------------


def test_lock_and_unlock_a_year(wsp: Wsp) -> None:
    run = wsp("lock", "2024", "--reason", "Uchwała nr 12/2025", "--by", "A. Nowak")
    assert run.exit_code == 0, run.stderr
    assert run.stderr.startswith(f"Locked the period 2024 ({run.stdout.strip()[:8]}; A. Nowak, ")
    assert run.stderr.rstrip().endswith("Reason: Uchwała nr 12/2025")
    again = wsp("lock", "2024", "--reason", "x")
    assert again.exit_code == 2
    assert "The period 2024 is locked already (A. Nowak, " in again.stderr
    inside = wsp("lock", "2024-Q1", "--reason", "x")
    assert inside.exit_code == 2
    assert "The period 2024-Q1 is locked already, as part of 2024" in inside.stderr
    part = wsp("unlock", "2024-Q1", "--reason", "x")
    assert part.exit_code == 2
    assert "locked as part of 2024; it cannot be unlocked on its own" in part.stderr
    assert 'wsp unlock 2024 --reason "…"' in part.stderr
    run = wsp("unlock", "2024", "--reason", "Korekta na wniosek komisji")
    assert run.exit_code == 0
    assert run.stderr.startswith("Unlocked the period 2024 (")
    twice = wsp("unlock", "2024", "--reason", "x")
    assert twice.exit_code == 2
    assert "The period 2024 is not locked." in twice.stderr


def test_lock_refusals_in_both_languages(wsp: Wsp) -> None:
    run = wsp("lock", "2024")
    assert run.exit_code == 2
    assert "Give a reason (--reason)." in run.stderr
    run = wsp("lock", "2030", "--reason", "x")
    assert run.exit_code == 2
    assert "The period 2030 lies outside the programme's years (2021–2025)." in run.stderr
    run = wsp("lock", "rok", "--reason", "x", lang="pl")
    assert run.exit_code == 2
    assert "okres to np. 2024, 2024-H1" in run.stderr
    run = wsp("lock", "2024", lang="pl")
    assert "Podaj powód (--reason)." in run.stderr


def test_a_locked_period_refuses_record_correct_and_void(wsp: Wsp) -> None:
    uid = wsp.record("1.1", "1", "--year", "2024")
    lock(wsp, "2024")
    for args in (
        ("record", "1.1", "2", "--year", "2024"),
        ("record", "1.1", "2", "--year", "2024", "--dry-run"),
        ("correct", uid[:8], "2", "--reason", "błąd"),
        ("void", uid[:8], "--reason", "błąd"),
    ):
        run = wsp(*args)
        assert run.exit_code == 2, args
        assert (
            "The period 2024 is locked (lock of 2024: A. Nowak, " in run.stderr
            and "reason: Sprawozdanie przyjęte); its entries cannot be changed." in run.stderr
        ), run.stderr
        assert 'unlock the period first: wsp unlock 2024 --reason "…"' in run.stderr
    polish = wsp("record", "1.1", "2", "--year", "2024", lang="pl")
    assert "Okres 2024 jest zablokowany (blokada okresu 2024: A. Nowak" in polish.stderr
    assert wsp("record", "1.1", "2", "--year", "2023").exit_code == 0  # another year is open
    with open_store(wsp.store, readonly=True) as store:
        assert [e.period for e in store.entries()] == ["2024", "2023"]


def test_a_year_locks_its_quarters_and_months_a_quarter_only_itself(wsp: Wsp) -> None:
    lock(wsp, "2024")
    assert wsp("record", "kw", "100", "--period", "2024-Q3").exit_code == 2
    assert wsp("record", "avg", "10", "--period", "2024-11").exit_code == 2
    lock(wsp, "2023-Q1")
    assert wsp("record", "kw", "100", "--period", "2023-Q1").exit_code == 2
    assert wsp("record", "avg", "10", "--period", "2023-02").exit_code == 2
    assert wsp("record", "kw", "100", "--period", "2023-Q2").exit_code == 0
    assert wsp("record", "avg", "10", "--period", "2023-04").exit_code == 0


def test_an_import_with_rows_of_a_locked_period_is_refused_whole(wsp: Wsp, tmp_path: Path) -> None:
    csv = tmp_path / "in.csv"
    csv.write_text("indicator,period,value\n1.1,2023,1\n1.1,2024,2\n1.1,2024,3\n", encoding="utf-8")
    lock(wsp, "2024")
    run = wsp("import", str(csv))
    assert run.exit_code == 2
    assert f"{csv}:3:" in run.stderr and f"{csv}:4:" in run.stderr
    assert f"{csv}:2:" not in run.stderr
    assert "The period 2024 is locked (lock of 2024" in run.stderr
    with open_store(wsp.store, readonly=True) as store:
        assert store.count() == 0  # all or nothing
    assert wsp("import", str(csv), "--dry-run").exit_code == 2
    wsp("unlock", "2024", "--reason", "korekta")
    assert wsp("import", str(csv)).exit_code == 0
    lock(wsp, "2024")
    again = wsp("import", str(csv))  # the same rows again: nothing changes, nothing refused
    assert again.exit_code == 0, again.stderr


def test_history_shows_locks_and_explanations_in_the_timeline(wsp: Wsp) -> None:
    wsp.record("1.1", "0", "--year", "2023")
    lock(wsp, "2023")
    assert wsp("explain", "1.1", "2023", "Konferencję przeniesiono").exit_code == 0
    assert wsp("explain", "1.1", "2023", "Sala w remoncie").exit_code == 0
    run = wsp("history", "1.1")
    lines = run.stdout.splitlines()[2:]
    kinds = [line.split()[1:4] for line in lines]
    assert [k for k in kinds if "record" in k or "lock" in k or "explanation" in k]
    text = run.stdout
    assert text.index("record") < text.index("lock") < text.index("Konferencję przeniesiono")
    assert "reason: Sprawozdanie przyjęte" in text
    assert "replaced" in text and "in force" in text
    data = json.loads(wsp("history", "1.1", "--format", "json").stdout)
    assert [e["action"] for e in data["locks"]] == ["lock"]
    assert data["locks"][0]["recorded_by"] == "A. Nowak"
    assert [(e["text"], e["in_force"]) for e in data["explanations"]] == [
        ("Konferencję przeniesiono", False),
        ("Sala w remoncie", True),
    ]
    other = json.loads(wsp("history", "1.1", "--period", "2022", "--format", "json").stdout)
    assert other["locks"] == [] and other["explanations"] == []
    assert wsp("explain", "1.1", "2023", "--withdraw").exit_code == 0
    text = wsp("history", "1.1", "--period", "2023").stdout
    assert "withdrawn" in text and "explanation withdrawn" in text and "in force" not in text


# -- explanations, status and check -------------------------------------------------------------


def test_check_lists_explained_shortfalls_apart_and_exits_1_only_for_the_rest(
    shipped_wsp: Wsp,
) -> None:
    wsp = shipped_wsp  # one indicator: 1/rok
    wsp.record("1.1", "0", "--year", "2023")
    before = wsp("check", "--year", "2023", "--as-of", "2024-07-01")
    assert before.exit_code == 1
    run = wsp("explain", "1.1", "2023", "Konferencję przeniesiono na 2024 r.", "--by", "A. Nowak")
    assert run.exit_code == 0, run.stderr
    assert run.stderr.startswith("Stored the explanation of 1.1 in 2023 (")
    after = wsp("check", "--year", "2023", "--as-of", "2024-07-01")
    assert after.exit_code == 0, after.stdout
    assert "Shortfalls with an explanation (they do not change the exit code):" in after.stdout
    assert "1.1 2023: Konferencję przeniesiono na 2024 r. (A. Nowak, " in after.stdout
    assert "Explained: 1 (wsp check --strict counts them too)." in after.stdout
    strict = wsp("check", "--year", "2023", "--as-of", "2024-07-01", "--strict")
    assert strict.exit_code == 1
    data = json.loads(wsp("check", "--year", "2023", "--as-of", "2024-07-01", "-f", "json").stdout)
    assert data["ok"] is True and data["shortfalls"] == 0 and data["explained_shortfalls"] == 1
    assert data["problems"] == []
    assert data["explained"][0]["explanation"]["text"] == "Konferencję przeniesiono na 2024 r."
    withdrawn = wsp("explain", "1.1", "2023", "--withdraw")
    assert withdrawn.exit_code == 0
    assert withdrawn.stderr.startswith("Withdrew the explanation of 1.1 in 2023 (")
    assert wsp("check", "--year", "2023", "--as-of", "2024-07-01").exit_code == 1


def test_explain_refusals(wsp: Wsp) -> None:
    run = wsp("explain", "1.1", "2030", "x")
    assert run.exit_code == 2
    assert "2030 is not an evaluation period of the indicator 1.1." in run.stderr
    assert "its evaluation periods: 2021, 2022, 2023, 2024, 2025" in run.stderr
    run = wsp("explain", "1.1", "2023")
    assert run.exit_code == 2 and "Give the explanation's text." in run.stderr
    run = wsp("explain", "1.1", "2023", "--withdraw")
    assert run.exit_code == 2
    assert "The indicator 1.1 has no explanation in force for 2023." in run.stderr
    run = wsp("explain", "1.1", "2023", "tekst", "--withdraw")
    assert run.exit_code == 2 and "give no text with it" in run.stderr
    run = wsp("explain", "1.2", "2023", "x")
    assert run.exit_code == 2
    run = wsp("explain", "1.1", "2023", lang="pl")
    assert "Podaj treść uzasadnienia." in run.stderr


def test_status_marks_locked_and_explained_periods(wsp: Wsp) -> None:
    wsp.record("1.1", "0", "--year", "2023")
    lock(wsp, "2023")
    wsp("explain", "1.1", "2023", "Sala w remoncie")
    data = json.loads(wsp("status", "--year", "2023", "--as-of", "2024-07-01", "-f", "json").stdout)
    row = next(i for i in data["indicators"] if i["id"] == "1.1")
    assert row["locked"] is True
    assert row["explanation"]["text"] == "Sala w remoncie"
    other = next(i for i in data["indicators"] if i["id"] == "pct")
    assert other["locked"] is True and other["explanation"] is None
    table = wsp("status", "--year", "2023", "--as-of", "2024-07-01").stdout
    assert "missed · locked · explained" in table
    polish = wsp("status", "--year", "2023", "--as-of", "2024-07-01", lang="pl").stdout
    assert "zablokowany" in polish and "uzasadniono" in polish
    show = wsp("show", "1.1", "--as-of", "2024-07-01").stdout
    assert "missed · locked · explained" in show
    open_year = json.loads(wsp("status", "--year", "2024", "-f", "json").stdout)
    assert all(i["locked"] is False for i in open_year["indicators"])


def test_lock_then_record_in_real_processes(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from tests.conftest import SHIPPED_PROGRAM

    env = {**os.environ, "WSP_STORE": str(tmp_path / "s.db"), "WSP_LANG": "en"}
    command = [sys.executable, "-m", "wspolpraca_cli", "--program", str(SHIPPED_PROGRAM)]

    def wsp(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*command, *args], env=env, capture_output=True, text=True, timeout=60, check=False
        )

    locked = wsp("lock", "2024", "--reason", "Uchwała nr 12/2025")
    assert locked.returncode == 0, locked.stderr
    refused = wsp("record", "1.1", "1", "--year", "2024")
    assert refused.returncode == 2
    assert refused.stderr.startswith("wsp: error: The period 2024 is locked (lock of 2024: ")
    assert "Traceback" not in refused.stderr
    assert wsp("check", "--year", "2024", "--format", "json").returncode in (0, 1)
    assert wsp("unlock", "2024", "--reason", "korekta").returncode == 0
    assert wsp("record", "1.1", "1", "--year", "2024").returncode == 0


def test_status_csv_and_markdown_mark_a_locked_period_in_words(wsp: Wsp) -> None:
    wsp.record("1.1", "0", "--year", "2023")
    lock(wsp, "2023")
    csv = wsp("status", "--year", "2023", "--as-of", "2024-07-01", "-f", "csv").stdout
    row = next(line for line in csv.splitlines() if ",1.1," in line)
    assert row.endswith(",missed · locked,missed")
    md = wsp("status", "--year", "2023", "--as-of", "2024-07-01", "-f", "md").stdout
    assert "missed · locked" in md


def test_an_import_of_corrections_into_a_locked_period_is_refused(
    make_wsp: MakeWsp, tmp_path: Path
) -> None:
    source = make_wsp(store="a.db")
    uid = source.record("1.1", "1", "--year", "2024")
    assert source("correct", uid[:8], "2", "--reason", "błąd").exit_code == 0
    exported = tmp_path / "out.csv"
    assert source("export", "-o", str(exported)).exit_code == 0
    target = make_wsp(store="b.db")
    lock(target, "2024")
    run = target("import", str(exported))
    assert run.exit_code == 2
    assert f"{exported}:2:" in run.stderr and f"{exported}:3:" in run.stderr
    with open_store(target.store, readonly=True) as store:
        assert store.count() == 0

"""wsp import a batch at a time: still all or nothing, still never duplicated, the rows in
error still named, whatever batch a row falls in. The batch is made small here (a real one
is 2000 rows), so that a few rows cross several batches."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import TEST_PROGRAM, Wsp
from wspolpraca_cli.entries import Entry
from wspolpraca_cli.services import transfer as services
from wspolpraca_cli.store import open_store

HEADER = (
    "uid,indicator,period,value,kind,date,note,source,tags,"
    "recorded_by,recorded_at,supersedes,reason"
)


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(services, "BATCH", 3)


def entries(store: Path) -> list[Entry]:
    if not store.exists():
        return []
    with open_store(store, readonly=True) as s:
        return s.entries()


def rows(n: int, start: int = 0) -> str:
    return "".join(f"u{i},avg,2024-{1 + i % 12:02d},{i},record,,row {i},,,,,,\n" for i in range(n))


def test_a_bad_row_in_a_later_batch_stores_nothing(
    wsp: Wsp, tmp_path: Path, small_batches: None
) -> None:
    wsp.record("1.1", "1", "--year", "2021")
    before = entries(wsp.store)
    src = tmp_path / "e.csv"
    src.write_text(HEADER + "\n" + rows(10) + "u10,avg,2024-13,1,record,,,,,,,,\n", "utf-8")
    run = wsp("import", str(src))
    assert run.exit_code == 2
    assert f"{src}:12:3: Cannot read the period '2024-13'." in run.stderr
    assert "nothing imported — 1 row rejected (10 would be added, 0 already present)" in (
        run.stderr
    )
    assert entries(wsp.store) == before


def test_a_conflict_found_by_the_store_in_a_later_batch_is_located(
    wsp: Wsp, tmp_path: Path, small_batches: None
) -> None:
    src = tmp_path / "e.csv"
    src.write_text(HEADER + "\n" + rows(7) + "u1,avg,2024-02,99,record,,,,,,,,\n", "utf-8")
    run = wsp("import", str(src))
    assert run.exit_code == 2
    assert (
        f"{src}:9:1: An entry with the id u1 is already in the store with different content."
        in run.stderr
    )
    assert entries(wsp.store) == []


def test_reimport_across_batches_adds_nothing(
    wsp: Wsp, tmp_path: Path, small_batches: None
) -> None:
    src = tmp_path / "e.csv"
    src.write_text(HEADER + "\n" + rows(8) + rows(2), "utf-8")  # u0, u1 given twice
    run = wsp("import", str(src))
    assert run.exit_code == 0, run.stderr
    assert "added 8 entries; already present: 2; rejected: 0" in run.stderr
    run = wsp("import", str(src))
    assert "added 0 entries; already present: 10; rejected: 0" in run.stderr
    assert [e.uid for e in entries(wsp.store)] == [f"u{i}" for i in range(8)]


def test_corrections_of_rows_in_the_same_and_earlier_batches(
    wsp: Wsp, tmp_path: Path, small_batches: None
) -> None:
    src = tmp_path / "e.csv"
    src.write_text(
        HEADER + "\n"
        "a,avg,2024-01,1,record,,,,,,,,\n"
        "ca,avg,2024-01,2,correction,,,,,,,a,fix\n"  # same batch as a
        "b,avg,2024-02,1,record,,,,,,,,\n"
        "c,avg,2024-03,1,record,,,,,,,,\n"
        "d,avg,2024-04,1,record,,,,,,,,\n"
        "vb,avg,2024-02,,void,,,,,,,b,gone\n"  # a later batch than b
        "va,avg,2024-01,,void,,,,,,,ca,gone\n",
        "utf-8",
    )
    run = wsp("import", str(src))
    assert run.exit_code == 0, run.stderr
    assert [e.uid for e in entries(wsp.store)] == ["a", "ca", "b", "c", "d", "vb", "va"]


def test_a_second_correction_of_one_entry_is_refused_at_its_row(
    wsp: Wsp, tmp_path: Path, small_batches: None
) -> None:
    src = tmp_path / "e.csv"
    src.write_text(
        HEADER + "\n"
        "a,avg,2024-01,1,record,,,,,,,,\n"
        "b,avg,2024-02,1,record,,,,,,,,\n"
        "c1,avg,2024-01,2,correction,,,,,,,a,fix\n"
        "d,avg,2024-04,1,record,,,,,,,,\n"
        "c2,avg,2024-01,3,correction,,,,,,,a,again\n",
        "utf-8",
    )
    run = wsp("import", str(src))
    assert run.exit_code == 2
    assert f"{src}:6:1: The entry a has already been superseded" in run.stderr
    assert entries(wsp.store) == []


def test_many_bad_rows_are_counted_and_the_first_ones_shown(
    wsp: Wsp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_batches: None
) -> None:
    monkeypatch.setattr(services, "MAX_PROBLEMS", 5)
    src = tmp_path / "e.csv"
    bad = "".join(f"x{i},avg,2024-13,1,record,,,,,,,,\n" for i in range(20))
    src.write_text(HEADER + "\n" + rows(4) + bad, "utf-8")
    run = wsp("import", str(src))
    assert run.exit_code == 2
    lines = run.stderr.splitlines()
    located = [line for line in lines if line.startswith(f"{src}:")]
    assert [line.split(":")[1] for line in located[:5]] == ["6", "7", "8", "9", "10"]
    assert located[5] == f"{src}:10:1: … and 15 more problems (the first ones are shown)"
    assert "nothing imported — 20 rows rejected (4 would be added" in run.stderr
    assert entries(wsp.store) == []


def test_dry_run_across_batches_into_a_missing_store_creates_nothing(
    wsp: Wsp, tmp_path: Path, small_batches: None
) -> None:
    src = tmp_path / "e.csv"
    src.write_text(HEADER + "\n" + rows(10), "utf-8")
    run = wsp("import", str(src), "--dry-run")
    assert run.exit_code == 0, run.stderr
    assert "would be added: 10; already present: 0" in run.stderr
    assert not wsp.store.exists()


def test_a_small_bad_file_does_not_create_the_store(wsp: Wsp, tmp_path: Path) -> None:
    src = tmp_path / "e.csv"
    src.write_text(HEADER + "\n" + rows(2) + "x,avg,2024-13,1,record,,,,,,,,\n", "utf-8")
    run = wsp("import", str(src))
    assert run.exit_code == 2
    assert not wsp.store.exists()


def test_hand_written_rows_across_batches_get_the_same_uids_again(
    wsp: Wsp, tmp_path: Path, small_batches: None
) -> None:
    src = tmp_path / "e.csv"
    src.write_text("indicator,period,value\n" + "avg,2024-01,1\n" * 7 + "avg,2024-02,2\n", "utf-8")
    assert wsp("import", str(src)).exit_code == 0
    run = wsp("import", str(src))
    assert "added 0 entries; already present: 8" in run.stderr
    assert len({e.uid for e in entries(wsp.store)}) == 8


@settings(max_examples=25, deadline=None)
@given(
    batch=st.integers(1, 6),
    n=st.integers(0, 14),
    bad=st.one_of(st.none(), st.integers(0, 13)),
)
def test_batch_size_changes_nothing(batch: int, n: int, bad: int | None) -> None:
    """Whatever the batch size, the same file gives the same outcome, entries and messages
    as one batch would."""
    import tempfile

    text = HEADER + "\n" + rows(n)
    if bad is not None and bad < n:
        lines = text.splitlines(keepends=True)
        lines[1 + bad] = lines[1 + bad].replace(",record,", ",recrod,")
        text = "".join(lines)
    outcomes = []
    for size in (batch, 10_000):
        with tempfile.TemporaryDirectory() as tmp, pytest.MonkeyPatch.context() as mp:
            mp.setattr(services, "BATCH", size)
            root = Path(tmp)
            (root / "p.yaml").write_text(TEST_PROGRAM, encoding="utf-8")
            src = root / "e.csv"
            src.write_text(text, "utf-8")
            run = Wsp(root / "p.yaml", root / "s.wsp.db")("import", str(src))
            stored = [(e.uid, e.value, e.note) for e in entries(root / "s.wsp.db")]
            outcomes.append((run.exit_code, run.stderr.replace(str(root), "ROOT"), stored))
    assert outcomes[0] == outcomes[1]


def test_memory_does_not_grow_with_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The peak of memory allocated while importing 4× more rows stays about the same (no list
    of all rows, no whole file in memory): measured with tracemalloc, not with a clock. (The
    values repeat, as in a real file: the checker remembers up to 100,000 distinct ones.)"""
    import tracemalloc

    from wspolpraca_cli.loader import load_program
    from wspolpraca_cli.services.base import Workspace
    from wspolpraca_cli.store import open_store as opener

    monkeypatch.setattr(services, "BATCH", 250, raising=False)
    (tmp_path / "p.yaml").write_text(TEST_PROGRAM, encoding="utf-8")
    program = load_program(tmp_path / "p.yaml")
    peaks = []
    for n in (2000, 8000):
        src = tmp_path / f"e{n}.csv"
        lines = (
            f"u{i},avg,2024-{1 + i % 12:02d},{i % 50},record,,row {i},,,,,,\n" for i in range(n)
        )
        src.write_text(HEADER + "\n" + "".join(lines), "utf-8")
        store = tmp_path / f"s{n}.wsp.db"
        ws = Workspace(program, str(store), lambda readonly, s=store: opener(s, readonly=readonly))
        tracemalloc.start()
        done = services.import_entries(ws, src)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        assert done.added == n
    assert peaks[1] < 1.5 * peaks[0], peaks


def test_only_a_json_file_has_a_size_limit(
    wsp: Wsp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A CSV file is streamed whatever its size; a JSON file is read whole, so it is bounded."""
    from wspolpraca_cli.transfer import import_

    monkeypatch.setattr(import_, "MAX_IMPORT_BYTES", 200)
    src = tmp_path / "e.csv"
    src.write_text(HEADER + "\n" + rows(10), "utf-8")
    assert src.stat().st_size > 200
    run = wsp("import", str(src))
    assert run.exit_code == 0, run.stderr
    doc = tmp_path / "e.json"
    assert wsp("export", "-o", str(doc)).exit_code == 0
    run = wsp("import", str(doc))
    assert run.exit_code == 2
    assert f"The file {doc} is larger than 0 MiB." in run.stderr


def test_a_line_too_long_for_a_csv_file(
    wsp: Wsp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wspolpraca_cli.transfer import import_

    monkeypatch.setattr(import_, "_MAX_LINE", 2**20)
    src = tmp_path / "e.csv"
    src.write_text(HEADER + "\n" + rows(2) + "x" * 2**20 + "\n", "utf-8")
    run = wsp("import", str(src))
    assert run.exit_code == 2
    assert f"The file {src} has a line longer than 1 MiB" in run.stderr
    assert not wsp.store.exists()


def test_reimport_of_rows_without_recording_time_later_adds_nothing(
    wsp: Wsp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_batches: None
) -> None:
    """A hand-written row has no recorded_at: the store fills in the import's time, and a later
    import of the same file (another time) finds the rows present, not in conflict."""
    from wspolpraca_cli.store import sqlite

    src = tmp_path / "e.csv"
    src.write_text("indicator,period,value,note\n" + "avg,2024-01,1,a\n" * 4 + "avg,2024-02,2,b\n")
    monkeypatch.setattr(sqlite, "now_utc", lambda: "2024-03-10T12:00:00Z")
    assert wsp("import", str(src)).exit_code == 0
    monkeypatch.setattr(sqlite, "now_utc", lambda: "2024-03-11T08:30:00Z")
    run = wsp("import", str(src))
    assert run.exit_code == 0, run.stderr
    assert "added 0 entries; already present: 5; rejected: 0" in run.stderr
    assert {e.recorded_at for e in entries(wsp.store)} == {"2024-03-10T12:00:00Z"}


def test_rows_the_schema_refuses_inside_a_batch_are_named_and_the_rest_still_counted(
    wsp: Wsp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch's records go to SQLite in one executemany, without a savepoint: should the
    schema refuse a row after all (here: uids the presence query is made to miss), the rows
    before it are in, it is named at its line, and the rows after it are still inserted."""
    from wspolpraca_cli.store.sqlite import SqliteImport

    first = tmp_path / "first.csv"
    stored = "u2,avg,2024-03,2,record,,,,,,,,\nu4,avg,2024-05,4,record,,,,,,,,\n"
    first.write_text(HEADER + "\n" + stored, "utf-8")
    assert wsp("import", str(first)).exit_code == 0
    before = entries(wsp.store)
    monkeypatch.setattr(SqliteImport, "_present", lambda self, uids: {})
    src = tmp_path / "e.csv"
    src.write_text(HEADER + "\n" + rows(7), "utf-8")
    run = wsp("import", str(src))
    assert run.exit_code == 2, run.stderr
    for line, uid in ((4, "u2"), (6, "u4")):
        assert f"{src}:{line}:1: An entry with the id {uid} is already in the store." in (
            run.stderr
        )
    assert "nothing imported — 2 rows rejected (5 would be added, 0 already present)" in (
        run.stderr
    )
    assert entries(wsp.store) == before
    monkeypatch.undo()
    run = wsp("import", str(src))  # found present: the other five added, u2 and u4 kept
    assert run.exit_code == 2, run.stderr  # they differ from the stored rows (row 2, row 4)


@pytest.mark.parametrize(("n", "refused"), [(300, [0, 150, 255, 256, 299]), (100, [63, 64, 99])])
def test_a_refused_row_inside_a_statement_of_many_rows_keeps_the_order_of_the_rest(
    wsp: Wsp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, n: int, refused: list[int]
) -> None:
    """A batch's records go in statements of 256, 64, 16, 4 and 1 rows: wherever the refused
    rows fall, the others are inserted once each, in the file's order."""
    from wspolpraca_cli.store.sqlite import SqliteImport

    src = tmp_path / "e.csv"
    src.write_text(HEADER + "\n" + rows(n), "utf-8")
    with open_store(wsp.store) as store:  # the refused rows: their uids are taken
        store.add_many([Entry(f"u{i}", "1.1", "2024", 1.0) for i in refused])
    monkeypatch.setattr(SqliteImport, "_present", lambda self, uids: {})
    monkeypatch.setattr(SqliteImport, "discard", lambda self: None)  # keep the rest, to look
    run = wsp("import", str(src))
    assert run.exit_code == 2, run.stderr
    for i in refused:
        assert f"{src}:{i + 2}:1: An entry with the id u{i} is already in the store." in (
            run.stderr
        )
    stored = entries(wsp.store)
    assert [e.uid for e in stored] == [f"u{i}" for i in refused] + [
        f"u{i}" for i in range(n) if i not in refused
    ]
    assert [e.seq for e in stored] == sorted(e.seq for e in stored)

"""Reads that stay bounded whatever the store's size: the report's notes (the latest entries of
each period, the rest counted), the store's bounded entry lists, streamed export, and the
single-indicator reads of ``history`` and ``record``. Through the store's API and the CLI; no
timing here (that is bench/run.py's job)."""

from __future__ import annotations

import csv
import functools
import io
import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import Wsp
from wspolpraca_cli.entries import Entry, EntryKind, EntryRow, counts, effective
from wspolpraca_cli.store import open_store


def rec(value: float, period: str = "2024", ind: str = "1.1", **kw: object) -> Entry:
    fields: dict[str, object] = {"uid": "", **kw}
    return Entry(indicator_id=ind, period=period, value=value, **fields)  # type: ignore[arg-type]


# -- the report's notes ---------------------------------------------------------------------
def test_a_report_row_lists_its_latest_entries_and_counts_the_earlier_ones(wsp: Wsp) -> None:
    with open_store(wsp.store) as store:
        store.add_many([rec(n, note=f"wpis {n}") for n in range(1, 13)])
    result = wsp("report", "--year", "2024", "--format", "csv", "--as-of", "2025-01-10")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    row = next(r for r in rows if r[3] == "1.1" and r[5] == "2024")
    shown = [f"{n} — wpis {n}" for n in range(3, 13)]
    notes, totals = row[-1].rsplit(" | ", 1)  # the breakdown's totals come after the notes
    assert totals.startswith("organizator: ") and totals.endswith(", unspecified 78")
    assert notes == " | ".join(shown) + " | … and 2 earlier entries"
    assert row[-2] == "12"  # the entries column still counts all twelve


def test_a_rows_latest_entries_are_its_latest_of_every_code_that_counts_there(wsp: Wsp) -> None:
    """Entries of a yearly indicator under the year and under its quarters count together:
    the row lists the latest of them all, not the latest of each code."""
    with open_store(wsp.store) as store:
        store.add_many(
            [rec(n, period="2024" if n % 2 else "2024-Q2", note=f"wpis {n}") for n in range(1, 13)]
        )
    result = wsp("report", "--year", "2024", "--format", "csv", "--as-of", "2025-01-10")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    row = next(r for r in rows if r[3] == "1.1" and r[5] == "2024")
    notes = row[-1].rsplit(" | ", 1)[0].split(" | ")
    shown = [f"{n} (2024-Q2) — wpis {n}" if n % 2 == 0 else f"{n} — wpis {n}" for n in range(3, 13)]
    assert notes == [*shown, "… and 2 earlier entries"]


@pytest.mark.parametrize(
    ("earlier", "words"),
    [(1, "1 wcześniejszy wpis"), (3, "3 wcześniejsze wpisy"), (5, "5 wcześniejszych wpisów")],
)
def test_earlier_entries_in_polish(wsp: Wsp, earlier: int, words: str) -> None:
    with open_store(wsp.store) as store:
        store.add_many([rec(1) for _ in range(10 + earlier)])
    result = wsp("report", "--year", "2024", "--format", "md", "--as-of", "2025-01-10", lang="pl")
    assert result.exit_code == 0, result.stderr
    assert f"… i {words}" in result.stdout


def test_a_report_lists_no_superseded_voided_or_later_entries(wsp: Wsp) -> None:
    with open_store(wsp.store) as store:
        first, voided, _ = store.add_many(
            [
                rec(5, note="stary"),
                rec(7, note="unieważniony"),
                rec(9, note="później", date="2025-03-01"),
            ]
        )
        store.add(
            Entry(
                "", "1.1", "2024", 6, kind=EntryKind.CORRECTION, supersedes=first.uid, note="nowy"
            )
        )
        store.add(Entry("", "1.1", "2024", None, kind=EntryKind.VOID, supersedes=voided.uid))
    result = wsp("report", "--year", "2024", "--format", "md", "--as-of", "2025-01-10")
    assert result.exit_code == 0, result.stderr
    assert "6 — nowy" in result.stdout
    for gone in ("stary", "unieważniony", "później", "earlier"):
        assert gone not in result.stdout


# A programme with every kind of evaluation period: each placement rule of the notes' groups.
NOTES_PROGRAM = """\
format: 1
program: {title: Program, issuer: Gmina, first_year: 2023, last_year: 2026}
goals:
  main: {id: g, name: Cel}
areas:
  - id: "1"
    name: Obszar
    actions:
      - lp: "1"
        name: Działanie
        indicators:
          - {id: y, name: Rocznie, unit: liczba, target: 1/rok, frequency: raz w roku}
          - {id: h, name: Półrocznie, unit: liczba, target: 2/rok, frequency: raz na pół roku}
          - {id: q, name: Kwartalnie, unit: liczba, target: 4/rok, frequency: raz na kwartał}
          - {id: m, name: Miesięcznie, unit: liczba, target: ≥ 1, frequency: raz w miesiącu}
          - {id: w, name: Tygodniowo, unit: liczba, target: 100 w okresie programu,
             frequency: raz w tygodniu}
          - {id: b, name: Co dwa lata, unit: liczba, target: 2 w okresie programu,
             frequency: raz na dwa lata}
          - {id: o, name: Raz, unit: tak/nie, target: tak w 2025, frequency: jednorazowo}
          - {id: e, name: Na koniec, unit: liczba, target: 5 w okresie programu,
             frequency: na koniec programu}
"""
NOTE_CODES = st.sampled_from(
    ["2022", "2023", "2024", "2025", "2026", "2027", "2024-H1", "2025-H2", "2024-Q3", "2026-Q1",
     "2024-05", "2025-12", "2023-W01", "2024-W52", "2026-W53", "2023-2024", "2025-2026",
     "2023-2026", "2021-2025", "zły kod"]
)  # fmt: skip


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    found=st.lists(
        st.tuples(st.sampled_from([*"yhqmwboe", "nieznany"]), NOTE_CODES),
        unique=True,
        max_size=60,
    ),
    year=st.one_of(st.none(), st.integers(2023, 2026)),
)
def test_the_notes_groups_are_the_rows_where_the_engine_counts_each_code(
    tmp_path_factory: pytest.TempPathFactory, found: list[tuple[str, str]], year: int | None
) -> None:
    """The notes' groups, worked out from the programme and the summaries once per kind of
    indicator and code, are the evaluation periods (of the year) the engine's results have,
    each with the codes that count there by the engine's placement rule."""
    from wspolpraca_cli.aggregation import Aggregate
    from wspolpraca_cli.entries import PeriodSummary
    from wspolpraca_cli.loader import load_program
    from wspolpraca_cli.periods import parse_period
    from wspolpraca_cli.progress import evaluate, placement
    from wspolpraca_cli.services.progress import note_groups

    path = tmp_path_factory.mktemp("notes") / "program.yaml"
    path.write_text(NOTES_PROGRAM, encoding="utf-8")
    program = load_program(path)
    summaries = [PeriodSummary(i, code, Aggregate.of([1.0])) for i, code in sorted(found)]
    progress = evaluate(program, summaries, date(2026, 12, 31))
    expected: dict[tuple[str, object], list[str]] = {}
    for s in summaries:
        ind, ip = program.indicator(s.indicator_id), progress.indicator(s.indicator_id)
        if ind is None or ip is None:
            continue
        rows = ip.periods if year is None else ip.in_year(year)
        try:
            spot = placement(ind, program)(parse_period(s.period))
        except ValueError:
            continue
        if spot in {r.period for r in rows}:
            expected.setdefault((s.indicator_id, spot), []).append(s.period)
    want = [(ind, tuple(codes)) for (ind, _), codes in expected.items()]
    assert note_groups(program, summaries, year) == want


# -- Store.latest_entries -------------------------------------------------------------------
ENTRY_ROWS = st.lists(
    st.tuples(
        st.sampled_from(["1.1", "1.2"]),
        st.sampled_from(["2023", "2024", "2024-Q1"]),
        st.integers(0, 9),
        st.sampled_from([None, "2024-01-05", "2024-12-31", "2025-02-01"]),
        st.sampled_from(["record", "record", "correct", "void"]),
    ),
    max_size=40,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=ENTRY_ROWS, limit=st.integers(1, 4))
def test_latest_entries_are_the_latest_counting_entries_of_each_group(
    tmp_path_factory: pytest.TempPathFactory,
    rows: list[tuple[str, str, int, str | None, str]],
    limit: int,
) -> None:
    as_of = date(2024, 12, 31)
    path = tmp_path_factory.mktemp("latest") / "s.db"
    with open_store(path) as store:
        latest: dict[tuple[str, str], str] = {}
        for ind, period, value, day, kind in rows:
            target = latest.get((ind, period))
            if kind == "record" or target is None:
                stored = store.add(Entry("", ind, period, value, date=day))
            elif kind == "correct":
                stored = store.add(
                    Entry(
                        "",
                        ind,
                        period,
                        value,
                        date=day,
                        kind=EntryKind.CORRECTION,
                        supersedes=target,
                    )
                )
            else:
                store.add(Entry("", ind, period, None, kind=EntryKind.VOID, supersedes=target))
                latest.pop((ind, period))
                continue
            latest[(ind, period)] = stored.uid
        groups = [("1.1", ("2024",)), ("1.2", ("2024-Q1", "2024")), ("1.1", ("2023",)),
                  ("9.9", ("2024",))]  # fmt: skip
        found = store.latest_entries(groups, as_of, limit)
        every = store.entries()
    expected: list[Entry] = []
    counting = [e for e in effective(every) if counts(e, as_of)]
    for ind, codes in groups:  # a group's codes count together: its latest of them all
        expected += [e for e in counting if e.indicator_id == ind and e.period in codes][-limit:]
    assert found == sorted(expected, key=lambda e: e.seq)


def test_latest_entries_of_a_missing_store_or_no_groups(tmp_path: Path) -> None:
    with open_store(tmp_path / "none.db", readonly=True) as store:
        assert store.latest_entries([("1.1", ("2024",))], None, 5) == []
    with open_store(tmp_path / "s.db") as store:
        store.add(rec(1))
        assert store.latest_entries([], None, 5) == []
        assert [e.value for e in store.latest_entries([("1.1", ("2024",))], None, 5)] == [1.0]


# -- export, streamed -----------------------------------------------------------------------
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=8)
ENTRIES = st.lists(
    st.builds(
        Entry,
        uid=st.uuids().map(lambda u: u.hex),
        indicator_id=st.sampled_from(["1.1", "2.1"]),
        period=st.sampled_from(["2024", "2024-Q1"]),
        value=st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False)),
        note=TEXT,
        tags=st.lists(st.tuples(TEXT, TEXT), max_size=2).map(tuple),
    ),
    max_size=6,
)


RISKY_TEXT = st.one_of(
    TEXT,
    st.text(st.sampled_from(';,"\r\n a'), max_size=6),  # what a CSV cell must quote
    st.tuples(
        st.sampled_from(["=", "+", "-", "@", "\t", "\r", "'", "'=", "-5", "(", "1", "A"]), TEXT
    ).map("".join),
)
CELL_VALUES = st.one_of(
    st.floats(allow_nan=False),
    st.integers(-(2**60), 2**60).map(float),
    st.sampled_from([0.0, -0.0, 1.5, -2.0, 2.0**52, 2.0**52 - 1, -(2.0**52), 1e16, 0.1 + 0.2]),
)
CELL_ENTRIES = st.lists(
    st.builds(
        Entry,
        uid=st.uuids().map(lambda u: u.hex),
        indicator_id=st.sampled_from(["1.1", "=1", "-1.1", "@x"]),
        period=st.sampled_from(["2024", "2024-Q1", "+2024"]),
        value=CELL_VALUES,
        date=st.one_of(st.none(), RISKY_TEXT),
        note=RISKY_TEXT,
        source=RISKY_TEXT,
        recorded_by=RISKY_TEXT,
        tags=st.lists(st.tuples(RISKY_TEXT, RISKY_TEXT), max_size=2).map(tuple),
    ),
    min_size=1,
    max_size=6,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(entries=CELL_ENTRIES, void_first=st.booleans(), batch=st.sampled_from([1, 2, 4096]))
def test_the_cells_the_store_writes_are_the_cells_of_its_rows(
    tmp_path_factory: pytest.TempPathFactory, entries: list[Entry], void_first: bool, batch: int
) -> None:
    """An export's cells formatted by SQLite (values, tags, formulas neutralised) and joined
    a batch at a time are the cells Python writes from the same rows, byte for byte, in both
    languages — whichever rows of a batch need quoting."""
    from wspolpraca_cli.services.transfer import ExportedRows
    from wspolpraca_cli.transfer import write_csv_rows

    path = tmp_path_factory.mktemp("cells") / "s.db"
    with open_store(path) as store:
        stored = store.add_many(entries)
        if void_first:
            store.add(
                Entry("", stored[0].indicator_id, stored[0].period, None,
                      kind=EntryKind.VOID, supersedes=stored[0].uid, reason="-dubel")
            )  # fmt: skip
    with open_store(path, readonly=True) as store:
        for lang in ("en", "pl"):
            rows = ExportedRows(store)
            if batch != 4096:  # batches of one or two rows: plain ones and quoted ones mixed
                rows.cell_batches = functools.partial(rows.cell_batches, batch=batch)
            fast, slow = io.StringIO(newline=""), io.StringIO(newline="")
            assert write_csv_rows(rows, fast, lang=lang) == len(entries) + void_first
            rows.close()
            write_csv_rows(list(store.iter_rows()), slow, lang=lang)
            assert fast.getvalue() == slow.getvalue()


@given(entries=ENTRIES)
def test_streamed_json_is_the_json_document(entries: list[Entry]) -> None:
    from wspolpraca_cli.render.json_docs import dumps
    from wspolpraca_cli.transfer import to_json, write_json

    out = io.StringIO()
    written = write_json(iter(entries), out, program="Program", store="s.db")
    assert written == len(entries)
    assert out.getvalue() == dumps(to_json(entries, program="Program", store="s.db"))


@given(value=st.floats(allow_nan=False))
def test_numbers_are_written_exactly_and_plainly(value: float) -> None:
    from decimal import Decimal

    from wspolpraca_cli.transfer import format_number

    text = format(Decimal(repr(value)), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    assert format_number(value) == text
    assert format_number(value, decimal_comma=True) == text.replace(".", ",")


def test_export_streams_from_the_store_without_listing_it(
    wsp: Wsp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wspolpraca_cli.store.sqlite import SqliteStore

    for n in range(5):
        wsp.record("1.1", str(n), "--year", "2024", "--note", f"n{n}")
    whole = wsp("export").stdout

    def refuse(*args: object) -> None:
        raise AssertionError("export lists every entry in memory")

    monkeypatch.setattr(SqliteStore, "entries", refuse)
    for fmt in ("csv", "json"):
        result = wsp("export", "--format", fmt, "-o", str(tmp_path / f"out.{fmt}"))
        assert result.exit_code == 0, result.stderr
        assert "Exported 5 entries" in result.stderr
    # (the runner's stdout has \n for the file's \r\n)
    assert (tmp_path / "out.csv").read_bytes().replace(b"\r\n", b"\n") == whole.encode("utf-8")
    assert json.loads((tmp_path / "out.json").read_text("utf-8"))["entries"][4]["note"] == "n4"


def test_rows_are_the_entries_as_rows(wsp: Wsp) -> None:
    """The rows an export reads say what the entries say: tags, corrections, voids, dates."""
    from wspolpraca_cli.entries import as_row

    first = wsp.record("1.1", "2", "--year", "2024", "--tag", "organizator=NGO", "--note", "a")
    wsp.record("1.1", "3", "--date", "2024-05-02", "--source", "lista")
    assert wsp("correct", first, "4", "--reason", "pomyłka").exit_code == 0
    second = wsp.record("1.1", "5", "--year", "2023", "--yes")
    assert wsp("void", second, "--reason", "dubel").exit_code == 0
    with open_store(wsp.store, readonly=True) as store:
        rows = list(store.iter_rows())
        entries = list(store.iter_entries())
    assert len(rows) == 5
    assert rows == [as_row(e) for e in entries]
    assert rows[0][8] == (("organizator", "NGO"),)
    assert rows[-1][3] is None and rows[-1][4] == "void"


@pytest.mark.parametrize(
    ("damage", "fmt"),
    [
        ("kind = 'garbage'", "csv"),
        ("kind = 'garbage'", "json"),
        ("tags = 'not json'", "csv"),
        ("tags = '[1]'", "csv"),
        ("value = 'abc'", "csv"),
        ("value = 'abc'", "json"),
    ],
)
def test_a_row_of_a_damaged_store_is_a_damaged_store(wsp: Wsp, damage: str, fmt: str) -> None:
    import sqlite3

    wsp.record("1.1", "2", "--year", "2024")
    wsp.record("1.1", "3", "--year", "2023")
    conn = sqlite3.connect(wsp.store)
    conn.execute("DROP TRIGGER entries_never_updated")
    conn.execute("PRAGMA ignore_check_constraints = ON")  # damage no CHECK can stop
    conn.execute(f"UPDATE entries SET {damage} WHERE seq = 2")
    conn.commit()
    conn.close()
    result = wsp("export", "--format", fmt)
    assert result.exit_code == 3
    assert "damaged" in result.stderr


def test_an_export_that_fails_midway_leaves_no_file(
    wsp: Wsp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wspolpraca_cli.errors import StoreError
    from wspolpraca_cli.store.sqlite import SqliteStore

    for n in range(3):
        wsp.record("1.1", str(n), "--year", "2024")
    real_rows, real_cells = SqliteStore.iter_rows, SqliteStore.cell_batches

    def broken(entries: Iterator[Any]) -> Iterator[Any]:
        try:
            yield next(entries)
            raise StoreError("the store broke")
        finally:
            entries.close()

    def broken_rows(self: SqliteStore, batch: int = 2000) -> Iterator[EntryRow]:
        return broken(real_rows(self, batch))

    def broken_cells(self: SqliteStore, **cell_format: Any) -> Iterator[Any]:
        return broken(real_cells(self, **cell_format))

    monkeypatch.setattr(SqliteStore, "iter_rows", broken_rows)
    monkeypatch.setattr(SqliteStore, "cell_batches", broken_cells)
    target = tmp_path / "out.csv"
    result = wsp("export", "-o", str(target))
    assert result.exit_code == 3
    assert "the store broke" in result.stderr
    assert list(tmp_path.glob("*out.csv*")) == []


# -- record, correct and history: one indicator's index entries, not the store's rows --------
def _plans(store: object, call: Callable[[], object]) -> list[str]:
    """The query plans of the statements ``call`` runs on ``store``'s connection."""
    conn = store._conn  # type: ignore[attr-defined]
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        call()
    finally:
        conn.set_trace_callback(None)
    plans = []
    for sql in statements:
        if sql.lstrip().upper().startswith(("SELECT", "WITH")):
            plans += [str(r[3]) for r in conn.execute("EXPLAIN QUERY PLAN " + sql)]
    return plans


def test_one_indicators_reads_use_indexes_and_no_scan(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        stored = store.add_many([rec(n, ind=f"1.{n % 3}", period="2024") for n in range(30)])
        for e in stored[:6]:
            store.add(
                Entry("", e.indicator_id, e.period, 1, kind=EntryKind.CORRECTION, supersedes=e.uid)
            )
        store._conn.execute("ANALYZE")  # type: ignore[union-attr]
        plans = _plans(store, lambda: store.summaries(date(2024, 12, 31), ["1.1"], ["2024"]))
        plans += _plans(store, lambda: store.superseded_by("1.1"))
    searched = [p for p in plans if p.startswith(("SEARCH", "SCAN")) and p != "SCAN g"]
    assert searched and not [p for p in searched if p.startswith("SCAN")], plans  # g: groups
    for plan in searched:
        assert "COVERING INDEX" in plan or "INTEGER PRIMARY KEY" in plan, plan
    assert any("entries_supersessions" in p for p in searched), plans


def test_a_store_of_schema_2_gains_the_supersessions_index(tmp_path: Path) -> None:
    import sqlite3

    from wspolpraca_cli.store.sqlite_schema import SCHEMA_VERSION

    path = tmp_path / "s.db"
    with open_store(path) as store:
        first = store.add(rec(1))
        store.add(Entry("", "1.1", "2024", 2, kind=EntryKind.CORRECTION, supersedes=first.uid))
    conn = sqlite3.connect(path)
    conn.execute("DROP INDEX entries_supersessions")
    conn.execute("DROP TABLE period_locks")  # what schema 4 added (the audit trail)
    conn.execute("DROP TABLE explanations")
    conn.execute("DROP TABLE grants")  # what schema 5 added (the grants register)
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    with open_store(path, readonly=True) as store:  # migrated where it can be written
        assert store.superseded_by("1.1") == {first.uid: store.entries()[1].uid}
        assert store.schema_version() == SCHEMA_VERSION
    conn = sqlite3.connect(path)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    conn.close()
    assert "entries_supersessions" in names


# -- a whole store's summaries, read in two halves at once ------------------------------------
def _mixed_entries(n: int) -> list[Entry]:
    """Entries of many indicators (and of one the programme does not know), some dated."""
    ids = [f"{a}.{b}" for a in range(1, 8) for b in range(1, 6)] + ["ż.9", "Z"]
    return [
        rec(float(k % 13), period=f"202{k % 5}", ind=ids[(k * 7) % len(ids)],
            date=None if k % 4 else f"202{k % 5}-0{k % 9 + 1}-1{k % 9}")
        for k in range(n)
    ]  # fmt: skip


@settings(max_examples=12, deadline=None)
@given(n=st.integers(min_value=0, max_value=400), corrections=st.integers(0, 30), data=st.data())
def test_summaries_read_in_two_halves_are_those_read_in_one(
    tmp_path_factory: pytest.TempPathFactory, n: int, corrections: int, data: st.DataObject
) -> None:
    from wspolpraca_cli.store import sqlite as backend

    path = tmp_path_factory.mktemp("halves") / "s.db"
    with open_store(path) as store:
        added = store.add_many(_mixed_entries(n))
        store.add_many(  # corrections of their own indicator's entries, each corrected once
            [
                rec(
                    99.0,
                    period=old.period,
                    ind=old.indicator_id,
                    kind=EntryKind.CORRECTION,
                    supersedes=old.uid,
                    reason="x",
                )
                for old in added[:corrections]
            ]
        )
    as_of = data.draw(st.sampled_from([None, date(2022, 6, 1), date(2030, 1, 1)]))
    with open_store(path, readonly=True) as store:
        one = store.summaries(as_of)
    second: list[object] = []
    real = backend._SecondRead.__init__
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(backend, "_PARALLEL_PAGES", 0)
        patch.setattr(
            backend._SecondRead,
            "__init__",
            lambda self, *a: second.append(a[2]) or real(self, *a),
        )
        with open_store(path, readonly=True) as store:
            assert store.summaries(as_of) == one
    assert len(second) == (1 if n else 0)  # an empty store is read in one


def test_a_write_between_the_halves_reads_the_summaries_again_in_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wspolpraca_cli.store import sqlite as backend
    from wspolpraca_cli.store import sqlite_open

    path = tmp_path / "s.db"
    with open_store(path) as store:
        store.add_many(_mixed_entries(200))
    monkeypatch.setattr(backend, "_PARALLEL_PAGES", 0)
    real = sqlite_open.connect_readonly

    def after_a_write(where: Path, timeout: float) -> object:
        with open_store(path) as writer:  # lands after the lower half began
            writer.add_many([rec(5.0, period="2023", ind="7.5")])
        return real(where, timeout)

    with open_store(path, readonly=True) as store:
        monkeypatch.setattr(sqlite_open, "connect_readonly", after_a_write)
        got = store.summaries()
    monkeypatch.setattr(sqlite_open, "connect_readonly", real)
    with open_store(path, readonly=True) as store:
        assert got == store.summaries()  # one state of the store, the later one
    assert sum(s.count for s in got) == 201

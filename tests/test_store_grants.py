"""The grants register in the store (schema 5), on both backends: rows append-only by the
database, superseded at most once (between processes too), imports all or nothing and
idempotent, corrections by the register's own number (ref), locks, the aggregates of computed
indicators against a computation in Python, migrations, old stores read-only, store copy."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import PgServer, StoreAt, Wsp
from wspolpraca_cli.audit import LockAction, LockEvent, PeriodLocked
from wspolpraca_cli.entries import Entry
from wspolpraca_cli.errors import InputError
from wspolpraca_cli.grants.model import GrantAggregate, GrantQuery, GrantRow, Measure, Mode
from wspolpraca_cli.records import replace
from wspolpraca_cli.store import open_store

# every test runs against each store backend (tests/conftest.py)
pytestmark = pytest.mark.usefixtures("backend")


def grant(n: int, **changes: Any) -> GrantRow:
    """Row ``n`` of a register, as a reader gives it (uid, no time, no user)."""
    row = GrantRow(
        uid=f"g{n:05d}",
        year=2024,
        mode=Mode.COMPETITION,
        area="1",
        ref=f"NR/{n}",
        department="WZ",
        organisation=f"Fundacja Łąka {n}",
        krs=f"{n:010d}",
        title=f"Zadanie {n}",
        requested=1500.0 * n,
        granted=1000.0 * n,
        settled=900.0 * n,
        returned=0.0,
        contract_date=date(2024, 3, 1),
        start=date(2024, 4, 1),
        end=date(2024, 6, 30),
    )
    return replace(row, **changes)


def bare(rows: Sequence[GrantRow]) -> list[GrantRow]:
    """Rows without what one store numbers itself (to compare two stores)."""
    return [replace(r, seq=0) for r in rows]


def raw(location: Path | str) -> Any:
    """A connection to the store's database itself (sqlite3, or psycopg in autocommit)."""
    if isinstance(location, Path):
        return sqlite3.connect(location, isolation_level=None)
    import psycopg

    return psycopg.connect(location, autocommit=True)


def table(location: Path | str) -> str:
    return "grants" if isinstance(location, Path) else "wsp_grants"


# -- append-only and at most once, by the database ---------------------------------------------


def test_rows_are_append_only_by_the_database(store_at: StoreAt) -> None:
    location = store_at()
    with open_store(location) as store:
        first = store.add_grant(grant(1, uid=""))
        assert first.uid and first.recorded_at and first.recorded_by and first.seq == 1
    conn = raw(location)
    name = table(location)
    try:
        for statement in (f"UPDATE {name} SET granted = 0", f"DELETE FROM {name}"):
            with pytest.raises(Exception, match=r"never changed|never deleted") as refused:
                conn.execute(statement)
            assert "grant rows" in str(refused.value)
        if not isinstance(location, Path):
            with pytest.raises(Exception, match="never changed or deleted"):
                conn.execute(f"TRUNCATE {name}")
            conn.execute("SET session_replication_role = replica")
            with pytest.raises(Exception, match="never changed"):  # replicas too: ALWAYS
                conn.execute(f"UPDATE {name} SET granted = 0")
    finally:
        conn.close()
    with open_store(location, readonly=True) as store:
        assert store.grant_rows() == [first]


def test_a_row_is_superseded_at_most_once_and_a_void_is_final(store_at: StoreAt) -> None:
    with open_store(store_at()) as store:
        first = store.add_grant(grant(1))
        fixed = store.add_grant(grant(2, uid="", ref=first.ref, supersedes=first.uid))
        with pytest.raises(InputError, match="already been superseded") as again:
            store.add_grant(grant(3, uid="", supersedes=first.uid))
        assert fixed.uid[:8] in (again.value.hint or "")
        with pytest.raises(InputError, match="not in the store"):
            store.add_grant(grant(3, uid="", supersedes="nosuchrow"))
        void = store.add_grant(replace(fixed, uid="", void=True, supersedes=fixed.uid))
        with pytest.raises(InputError, match="is a void"):
            store.add_grant(grant(4, uid="", supersedes=void.uid))
        with pytest.raises(InputError, match="Invalid grant row"):
            store.add_grant(grant(5, uid="", void=True))  # a void names what it voids
        assert store.grant_rows() == []
        assert [r.uid for r in store.grant_rows(effective=False)] == [
            first.uid,
            fixed.uid,
            void.uid,
        ]
        assert store.grant_count() == 3
        assert store.get_grant(fixed.uid[:6]) == fixed
        assert store.get_grant("zzzzzz") is None
        with pytest.raises(InputError, match="at least 4 characters"):
            store.get_grant("g0")


def _corrector(location: str, target: str, worker: int) -> None:
    """Exit 0 when this worker's correction of ``target`` was stored, 5 when it was refused
    because another one superseded it first."""
    where: Path | str = Path(location) if not location.startswith("postgresql") else location
    with open_store(where) as store:
        try:
            store.add_grant(grant(10 + worker, uid="", supersedes=target, reason=f"w{worker}"))
        except InputError as exc:
            os._exit(5 if "already been superseded" in exc.message else 6)
    os._exit(0)


def test_supersession_race_between_processes_one_correction_wins(store_at: StoreAt) -> None:
    location = store_at()
    with open_store(location) as store:
        target = store.add_grant(grant(1)).uid
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_corrector, args=(str(location), target, w)) for w in range(6)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    codes = sorted(p.exitcode or 0 for p in procs)
    assert codes == [0, 5, 5, 5, 5, 5], codes
    with open_store(location, readonly=True) as store:
        rows = store.grant_rows(effective=False)
        assert len([r for r in rows if r.supersedes == target]) == 1
        assert len(store.grant_rows()) == 1


# -- imports --------------------------------------------------------------------------------


def test_an_import_is_idempotent_and_keeps_identical_rows(store_at: StoreAt) -> None:
    rows = [grant(n) for n in range(1, 6)]
    twin = replace(rows[0], uid="g00001-2")  # the same row twice in a file: both kept
    with open_store(store_at()) as store:
        with store.importing_grants() as session:
            first = session.add([*rows[:3], twin])
            second = session.add(rows[3:])
        assert (first.added, first.present, first.rejected) == (4, 0, [])
        assert (second.added, second.present) == (2, 0)
        with store.importing_grants() as session:
            again = session.add([*rows, twin])
        assert (again.added, again.present, again.rejected) == (0, 6, [])
        stored = store.grant_rows()
        assert [r.uid for r in stored] == ["g00001", "g00002", "g00003", "g00001-2", "g00004",
                                           "g00005"]  # fmt: skip
        assert all(r.recorded_at and r.recorded_by for r in stored)
        assert bare(stored) == bare(store.grant_rows(effective=False))


def test_an_import_is_all_or_nothing(store_at: StoreAt) -> None:
    with open_store(store_at()) as store:
        with store.importing_grants() as session:
            session.add([grant(1), grant(2)])
            outcome = session.add([grant(3), grant(4, mode="zły")])
            assert outcome.added == 1 and [i for i, _ in outcome.rejected] == [1]
            assert "Invalid grant row g00004: mode" in outcome.rejected[0][1].message
            session.discard()
        assert store.grant_count() == 0
        with pytest.raises(RuntimeError), store.importing_grants() as session:
            session.add([grant(1)])
            raise RuntimeError("the reader failed on the file's last row")
        assert store.grant_count() == 0
        with store.importing_grants(dry_run=True) as session:
            assert session.add([grant(1), grant(2)]).added == 2
        assert store.grant_count() == 0
        conflicting = replace(grant(1), granted=1.0)  # the same uid, other content
        store.add_grant(grant(1))
        with store.importing_grants() as session:
            outcome = session.add([grant(2), conflicting])
            assert [i for i, _ in outcome.rejected] == [1]
            assert "already in the store with different content" in outcome.rejected[0][1].message


def test_a_changed_row_of_a_ref_corrects_it(store_at: StoreAt) -> None:
    v1 = [grant(1), grant(2, ref=""), grant(3)]
    changed = grant(1, uid="h00001", granted=1234.5)  # the register's row NR/1 changed
    with open_store(store_at()) as store:
        with store.importing_grants() as session:
            session.add(v1)
        with store.importing_grants() as session:
            outcome = session.add([changed, v1[1], v1[2]])
        assert (outcome.added, outcome.present, outcome.rejected) == (1, 2, [])
        assert getattr(outcome, "corrected", None) == 1  # of the rows added
        live = {r.ref: r for r in store.grant_rows()}
        assert live["NR/1"].granted == 1234.5 and live["NR/1"].supersedes == "g00001"
        with store.importing_grants() as session:  # the old file again: nothing changes
            again = session.add(v1)
            assert again == (0, 3, []) and getattr(again, "corrected", None) == 0
        with store.importing_grants() as session:  # and the new one again
            assert session.add([changed, *v1[1:]]) == (0, 3, [])
        # a correction made by hand that the register later shows too: present
        by_hand = store.add_grant(replace(changed, uid="", granted=99.0, supersedes="h00001"))
        with store.importing_grants() as session:
            assert session.add([replace(changed, uid="k00001", granted=99.0)]).present == 1
        with store.importing_grants() as session:  # two different rows of one number
            outcome = session.add([grant(7, ref="NR/7"), grant(8, ref="NR/7")])
            assert [i for i, _ in outcome.rejected] == [1]
            assert "NR/7" in outcome.rejected[0][1].message
            session.discard()
        store.add_grant(grant(9, ref="NR/3"))  # by hand: a second row in force for NR/3
        with store.importing_grants() as session:
            outcome = session.add([grant(3, uid="m00003", granted=1.0)])
            assert "several rows in force" in outcome.rejected[0][1].message
            session.discard()
        assert [r.uid for r in store.grant_rows() if r.ref == "NR/1"] == [by_hand.uid]


def test_locks_refuse_rows_of_their_year(store_at: StoreAt) -> None:
    with open_store(store_at()) as store:
        old = store.add_grant(grant(1, year=2023))
        store.add_lock_event(LockEvent("", "2023", LockAction.LOCK, "sprawozdanie przyjęte"))
        with pytest.raises(PeriodLocked, match="2023 is locked"):
            store.add_grant(grant(2, year=2023))
        with pytest.raises(PeriodLocked):  # a row of an open year superseding a locked one
            store.add_grant(grant(3, year=2024, supersedes=old.uid))
        with pytest.raises(PeriodLocked):
            store.add(Entry("", "1.1", "2023", 1.0))  # the entries' lock is the same lock
        store.add_grant(grant(4, year=2024))
        with store.importing_grants() as session:
            outcome = session.add([grant(5, year=2024), grant(6, year=2023), grant(1, year=2023)])
            assert (outcome.added, outcome.present) == (1, 1)  # a stored row is not a write
            assert [i for i, _ in outcome.rejected] == [1]
            assert isinstance(outcome.rejected[0][1], PeriodLocked)
            session.discard()
        store.add_lock_event(LockEvent("", "2023", LockAction.UNLOCK, "korekta"))
        assert store.add_grant(grant(2, year=2023)).seq > 0


# -- aggregates ---------------------------------------------------------------------------------

_ORGS = ("Fundacja A", "Stowarzyszenie Ż", "fundacja a", "")
_rows = st.lists(
    st.builds(
        lambda year, mode, area, department, organisation, granted, void, fix: (
            GrantRow(
                uid="",
                year=year,
                mode=mode,
                area=area,
                department=department,
                organisation=organisation,
                krs="" if not organisation else f"{len(organisation):010d}",
                granted=granted,
                requested=None if granted is None else granted * 2,
            ),
            void,
            fix,
        ),
        st.integers(2022, 2024),
        st.sampled_from(list(Mode)),
        st.sampled_from(["1", "1a", "10", "32a"]),
        st.sampled_from(["", "WZ", "OPS"]),
        st.sampled_from(_ORGS),
        st.one_of(st.none(), st.just(0.0), st.integers(1, 10**6).map(lambda n: n / 4)),
        st.booleans(),
        st.one_of(st.none(), st.integers(0, 5000).map(float)),
    ),
    max_size=25,
)
_queries = st.builds(
    lambda measure, sum_col, distinct_col, where, by, granted_only, key: GrantQuery(
        key=key,
        measure=measure,
        column=(
            sum_col
            if measure is Measure.SUM
            else distinct_col
            if measure is Measure.DISTINCT
            else None
        ),
        where=where,
        by=by,
        granted_only=granted_only,
    ),
    st.sampled_from(list(Measure)),
    st.sampled_from(["requested", "granted", "settled", "returned"]),
    st.sampled_from(["organisation", "krs", "area", "department", "mode", "title"]),
    st.lists(
        st.sampled_from(
            [
                ("year", ("2023",)),
                ("year", ("2022", "2024", "x")),
                ("mode", ("19a", "konkurs")),
                ("area", ("1a",)),
                ("department", ("", "WZ")),
                ("organisation", ("Fundacja A",)),
                ("krs", ()),
            ]
        ),
        max_size=2,
        unique_by=lambda pair: pair[0],
    ).map(tuple),
    st.sampled_from([None, "mode", "area", "department"]),
    st.booleans(),
    st.sampled_from(["b", "a"]),
)


def expected(query: GrantQuery, rows: Sequence[GrantRow]) -> list[GrantAggregate]:
    """The answer of ``query`` computed in Python over the effective ``rows``."""

    def selected(row: GrantRow) -> bool:
        for column, values in query.where:
            if str(getattr(row, column)) not in values:
                return False
        return not query.granted_only or (row.granted or 0) > 0

    def value(group: list[GrantRow]) -> float:
        if query.measure is Measure.COUNT:
            return len(group)
        assert query.column is not None
        if query.measure is Measure.SUM:
            return sum(getattr(r, query.column) or 0 for r in group)
        return len({getattr(r, query.column) for r in group} - {""})

    chosen = [r for r in rows if selected(r)]
    found: list[GrantAggregate] = []
    for year in sorted({r.year for r in chosen}):
        of_year = [r for r in chosen if r.year == year]
        found.append(GrantAggregate(query.key, year, value(of_year)))
        if query.by is not None:
            for group in sorted({str(getattr(r, query.by)) for r in of_year}):
                members = [r for r in of_year if str(getattr(r, query.by)) == group]
                found.append(GrantAggregate(query.key, year, value(members), group))
    return found


@pytest.fixture
def fresh_stores(store_at: StoreAt) -> Iterator[Iterator[Path | str]]:
    """New store locations, one per hypothesis example."""
    import itertools

    yield (store_at(f"h{n}.db") for n in itertools.count())


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(plan=_rows, queries=st.lists(_queries, min_size=1, max_size=4))
def test_aggregates_agree_with_python_over_the_effective_rows(
    fresh_stores: Iterator[Path | str],
    plan: list[tuple[GrantRow, bool, float | None]],
    queries: list[GrantQuery],
) -> None:
    effective: list[GrantRow] = []
    with open_store(next(fresh_stores)) as store:
        for row, void, fix in plan:
            stored = store.add_grant(row)
            if void:
                store.add_grant(replace(stored, uid="", void=True, supersedes=stored.uid, seq=0))
            elif fix is not None:
                effective.append(
                    store.add_grant(replace(stored, uid="", granted=fix, supersedes=stored.uid))
                )
            else:
                effective.append(stored)
        assert store.grant_rows() == effective
        found = store.grant_aggregates(queries)
    # the answers in query order, then by key, year and group (stable: as the store orders)
    wanted = sorted(
        (a for q in queries for a in expected(q, effective)),
        key=lambda a: (a.key, a.year, a.group is not None, a.group or ""),
    )
    assert [(a.key, a.year, a.group) for a in found] == [(a.key, a.year, a.group) for a in wanted]
    for got, want in zip(found, wanted, strict=True):
        assert got.value == pytest.approx(want.value, rel=1e-12, abs=1e-9), (got, want)


def test_aggregates_name_only_the_models_columns(store_at: StoreAt) -> None:
    with open_store(store_at()) as store:
        store.add_grant(grant(1))
        for bad in (
            GrantQuery("x", Measure.SUM, "granted; DROP TABLE grants"),
            GrantQuery("x", Measure.DISTINCT, "recorded_by"),
            GrantQuery("x", Measure.COUNT, where=(("reason", ("a",)),)),
            GrantQuery("x", Measure.COUNT, by="organisation"),
        ):
            with pytest.raises(ValueError, match="not a column"):
                store.grant_aggregates([bad])
        assert store.grant_aggregates([GrantQuery("x", Measure.COUNT)]) == [
            GrantAggregate("x", 2024, 1.0)
        ]


def test_grant_rows_filters(store_at: StoreAt) -> None:
    with open_store(store_at()) as store:
        store.add_grant(grant(1, organisation="Fundacja ŁĄKA"))
        store.add_grant(grant(2, year=2023, mode=Mode.SMALL_GRANT, area="1a"))
        store.add_grant(grant(3, organisation="Stowarzyszenie"))
        assert [r.uid for r in store.grant_rows(organisation="łąka")] == ["g00001", "g00002"]
        assert [r.uid for r in store.grant_rows(year=2023)] == ["g00002"]
        assert [r.uid for r in store.grant_rows(mode="19a", area="1a")] == ["g00002"]
        assert store.grant_rows(mode="inny") == []
        assert store.grant_rows(organisation="\x00") == []


# -- migrations and older stores ------------------------------------------------------------------


def _schema_4_store(location: Path | str) -> None:
    """A store as schema 4 made it, with one entry."""
    if isinstance(location, Path):
        from wspolpraca_cli.store import sqlite_schema

        conn = sqlite3.connect(location, isolation_level=None)
        for version in (1, 2, 3, 4):
            for statement in sqlite_schema.MIGRATIONS[version]:
                conn.execute(statement)
        conn.execute("PRAGMA user_version = 4")
        conn.execute(f"PRAGMA application_id = {sqlite_schema.APPLICATION_ID}")
        entries = "entries"
    else:
        from wspolpraca_cli.store import postgres_schema

        conn = raw(location)
        conn.execute(postgres_schema._META)
        conn.execute(
            "INSERT INTO wsp_meta VALUES ('application', %s), ('schema_version', '4')",
            (postgres_schema.IDENTITY,),
        )
        for version in (1, 2, 3, 4):
            for statement in postgres_schema.MIGRATIONS[version]:
                conn.execute(statement)
        entries = "wsp_entries"
    conn.execute(
        f"INSERT INTO {entries} (uid, indicator_id, period, value, kind, recorded_at)"
        " VALUES ('old00001', '1.1', '2022', 3, 'record', '2022-05-01T10:00:00Z')"
    )
    conn.close()


def test_a_schema_4_store_read_only_answers_empty_and_is_migrated_for_writing(
    store_at: StoreAt, monkeypatch: pytest.MonkeyPatch
) -> None:
    location = store_at()
    _schema_4_store(location)
    with monkeypatch.context() as patch:  # a reader that may not upgrade the store
        if isinstance(location, Path):
            from wspolpraca_cli.store import sqlite_open

            patch.setattr(sqlite_open, "upgrade_in_place", lambda path, timeout: None)
        else:
            import psycopg

            from wspolpraca_cli.store import postgres_schema

            def refused(conn: Any, shown: str) -> int:
                raise psycopg.errors.InsufficientPrivilege("permission denied for schema")

            patch.setattr(postgres_schema, "migrate", refused)
        with open_store(location, readonly=True) as store:
            assert store.schema_version() == 4
            assert [e.uid for e in store.entries()] == ["old00001"]
            assert store.grant_rows() == [] and store.grant_rows(effective=False) == []
            assert store.grant_count() == 0 and list(store.iter_grants()) == []
            assert store.get_grant("g00001") is None
            assert store.grant_aggregates([GrantQuery("x", Measure.COUNT)]) == []
    with open_store(location) as store:
        assert store.schema_version() == 5
        store.add_grant(grant(1))
        assert [e.uid for e in store.entries()] == ["old00001"]
        assert store.verify(full=True) == []
        assert store.grant_aggregates([GrantQuery("x", Measure.COUNT)]) == [
            GrantAggregate("x", 2024, 1.0)
        ]


def test_a_store_not_created_yet_answers_empty(store_at: StoreAt) -> None:
    with open_store(store_at("missing.db"), readonly=True) as store:
        assert store.grant_rows() == [] and store.grant_count() == 0
        assert store.grant_aggregates([GrantQuery("x", Measure.COUNT, by="mode")]) == []
        assert store.get_grant("abcdef") is None


def test_verify_checks_the_grant_triggers_and_supersessions(store_at: StoreAt) -> None:
    location = store_at()
    with open_store(location) as store:
        first = store.add_grant(grant(1))
        store.add_grant(grant(2, supersedes=first.uid))
        assert store.verify(full=True) == []
    conn = raw(location)
    if isinstance(location, Path):
        conn.execute("DROP TRIGGER grants_never_deleted")
        missing = "grants_never_deleted"
    else:
        conn.execute("ALTER TABLE wsp_grants DISABLE TRIGGER wsp_grants_never_changed")
        missing = "wsp_grants_never_changed"
    conn.close()
    with open_store(location, readonly=True) as store:
        problems = store.verify(full=True)
    assert any(missing in p for p in problems), problems


# -- store copy and store info ------------------------------------------------------------------


def _register(location: Path | str) -> list[GrantRow]:
    """Rows, a correction and a void of 2024, then 2024 locked."""
    with open_store(location) as store:
        a = store.add_grant(grant(1))
        b = store.add_grant(grant(2))
        store.add_grant(grant(3, supersedes=a.uid, reason="korekta kwoty"))
        store.add_grant(replace(b, uid="", void=True, supersedes=b.uid, seq=0))
        store.add(Entry("", "1.1", "2024", 1.0))
        store.add_lock_event(LockEvent("", "2024", LockAction.LOCK, "sprawozdanie przyjęte"))
        return store.grant_rows(effective=False)


def _both_ways(backend: str, store_at: StoreAt, tmp_path: Path, pg: PgServer | None) -> list[Any]:
    """(from, to) pairs: this backend's store to a store of the other backend, and back."""
    here = store_at("a.db")
    if backend == "sqlite":
        if pg is None:
            pytest.skip("no PostgreSQL server for the other side of the copy")
        there: Path | str = pg.fresh("copy")
    else:
        there = tmp_path / "b.db"
    return [here, there]


def test_store_copy_carries_the_register_both_ways(
    backend: str,
    store_at: StoreAt,
    tmp_path: Path,
    pg_server: PgServer | None,
    wsp: Wsp,
) -> None:
    here, there = _both_ways(backend, store_at, tmp_path, pg_server)
    rows = _register(here)
    back = store_at("c.db")
    for source, target in ((here, there), (there, back)):
        run = wsp("store", "copy", str(source), str(target))
        assert run.exit_code == 0, run.stderr
        assert "Grants register: 4 rows copied, 0 rows already there." in run.stdout
        again = wsp("store", "copy", str(source), str(target))
        assert again.exit_code == 0, again.stderr
        assert "Grants register: 0 rows copied, 4 rows already there." in again.stdout
        with open_store(target) as store:
            assert bare(store.grant_rows(effective=False)) == bare(rows)
            assert [r.uid for r in store.grant_rows()] == [rows[2].uid]
            with pytest.raises(PeriodLocked):  # the lock came along, after the rows
                store.add_grant(grant(5))
    there_wsp = Wsp(wsp.program, there)
    assert "Grant register rows:     4" in there_wsp("store", "info").stdout
    assert "Dotacje (wiersze):   4" in there_wsp("store", "info", lang="pl").stdout
    if pg_server is not None and not isinstance(there, Path):
        pg_server.drop(there)


def test_store_copy_of_a_conflicting_row_stores_nothing(store_at: StoreAt, wsp: Wsp) -> None:
    source, target = store_at("a.db"), store_at("b.db")
    _register(source)
    with open_store(target) as store:
        store.add_grant(grant(2, granted=5.0))  # the uid of the source's second row
    run = wsp("store", "copy", str(source), str(target))
    assert run.exit_code == 2
    assert "g00002" in run.stderr and "different content" in run.stderr
    with open_store(target, readonly=True) as store:
        assert store.grant_count() == 1 and store.count() == 0 and store.lock_events() == []

"""What keeps the PostgreSQL store's reads fast without changing what they give: a large copy
or import leaves the table vacuumed and analysed (the covering index is then read alone, and
the planner knows the table's size), the session's settings, and the shape of the aggregation
(a damaged supersession still leaves the other entries counted). Skipped without a server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import TEST_PROGRAM, MakeWsp, PgServer, Wsp
from wspolpraca_cli.entries import Entry, EntryKind
from wspolpraca_cli.store import open_store, postgres


@pytest.fixture
def pg_url(pg: PgServer) -> Any:
    url = pg.fresh("tuning")
    yield url
    pg.drop(url)


def table_state(url: str) -> tuple[float, int, int]:
    """(reltuples, relpages, relallvisible) of the entries table: -1 tuples until it is
    first vacuumed or analysed; all pages visible after a VACUUM."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        row = conn.execute(
            "SELECT reltuples, relpages, relallvisible FROM pg_class"
            " WHERE oid = 'wsp_entries'::regclass"
        ).fetchone()
    return float(row[0]), int(row[1]), int(row[2])


def sqlite_store(path: Path, n: int) -> Path:
    with open_store(path) as store:
        first = store.add(Entry("", "1.1", "2024", 1.0))
        store.add_many([Entry("", "1.1", "2023", float(i)) for i in range(n - 2)])
        store.add(Entry("", "1.1", "2024", 5.0, EntryKind.CORRECTION, supersedes=first.uid))
    return path


def test_a_large_copy_leaves_the_table_vacuumed_and_analysed(
    make_wsp: MakeWsp, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(postgres, "_VACUUM_AFTER", 40)
    source = sqlite_store(tmp_path / "a.db", 60)
    wsp = Wsp(make_wsp(TEST_PROGRAM).program, pg_url)
    done = wsp("store", "copy", str(source), pg_url)
    assert done.exit_code == 0, done.stderr
    tuples, pages, visible = table_state(pg_url)
    assert tuples == 60 and pages >= 1 and visible == pages
    assert wsp("status", "-f", "json").stdout == Wsp(wsp.program, source)(
        "status", "-f", "json"
    ).stdout.replace(str(source), pg_url)


def test_a_small_copy_or_a_dry_run_leaves_the_table_to_autovacuum(
    make_wsp: MakeWsp, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(postgres, "_VACUUM_AFTER", 40)
    wsp = Wsp(make_wsp(TEST_PROGRAM).program, pg_url)
    big = sqlite_store(tmp_path / "big.db", 60)
    assert wsp("store", "copy", str(big), pg_url, "--dry-run").exit_code == 0
    small = sqlite_store(tmp_path / "small.db", 10)
    assert wsp("store", "copy", str(small), pg_url).exit_code == 0
    assert table_state(pg_url)[0] == -1  # never vacuumed nor analysed


def test_a_large_import_leaves_the_table_vacuumed(
    make_wsp: MakeWsp, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(postgres, "_VACUUM_AFTER", 40)
    source = Wsp(make_wsp(TEST_PROGRAM).program, sqlite_store(tmp_path / "a.db", 50))
    csv = tmp_path / "entries.csv"
    assert source("export", "-o", str(csv)).exit_code == 0
    wsp = Wsp(source.program, pg_url)
    done = wsp("import", str(csv))
    assert done.exit_code == 0, done.stderr
    tuples, pages, visible = table_state(pg_url)
    assert tuples == 50 and visible == pages >= 1


def test_a_supersession_naming_no_entry_leaves_the_others_counted(pg_url: str) -> None:
    """A damaged store (a correction whose entry is not there): the summaries still count
    every entry that is not superseded — a NULL among the superseded seqs would hide all."""
    import psycopg

    with open_store(pg_url) as store:
        store.add(Entry("", "1.1", "2024", 1.0, date="2024-02-01"))
        store.add(Entry("", "1.1", "2024", 2.0))
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(
            "INSERT INTO wsp_entries (uid, indicator_id, period, value, kind, recorded_at,"
            " supersedes) VALUES ('0badc0de', '1.1', '2024', 4, 'correction', 'now', 'gone')"
        )
    with open_store(pg_url, readonly=True) as store:
        found = [s.values for ids in (None, ["1.1"]) for s in store.summaries(indicator_ids=ids)]
        found += [s.values for s in store.tag_summaries()]
    assert [(v.count, v.total, v.last) for v in found] == [(3, 7.0, 4.0)] * 3


def test_the_session_has_wsps_settings(pg_url: str) -> None:
    """The lock timeout (the busy timeout), memory for the sorts, and no JIT compilation
    (compiling the aggregation of a large store cost more than it saved)."""
    for readonly in (False, True):
        with open_store(pg_url, readonly=readonly, timeout=3) as store:
            conn = store._conn  # type: ignore[attr-defined]
            shown = [conn.execute(f"SHOW {name}").fetchone()[0] for name in
                     ("lock_timeout", "work_mem", "jit")]  # fmt: skip
            assert shown == ["3s", "64MB", "off"]


def test_a_clerk_who_may_not_vacuum_still_copies(
    make_wsp: MakeWsp, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A role with the rights to record (SELECT, INSERT) but not owning the table: the VACUUM
    after its large copy is skipped with a warning of the server's, never shown, and the
    copy stands."""
    import uuid

    import psycopg

    monkeypatch.setattr(postgres, "_VACUUM_AFTER", 40)
    program = make_wsp(TEST_PROGRAM).program
    with open_store(pg_url):
        pass  # the store, owned by the superuser
    schema = pg_url.rsplit("%3D", 1)[1]
    clerk = f"clerk_{uuid.uuid4().hex[:6]}"
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {clerk} LOGIN PASSWORD 'pw'")
        conn.execute(f'GRANT USAGE ON SCHEMA "{schema}" TO {clerk}')
        conn.execute(
            "GRANT SELECT, INSERT ON wsp_entries, wsp_meta, wsp_period_locks, wsp_explanations"
            f" TO {clerk}"
        )
    try:
        as_clerk = pg_url.replace("://wsp@", f"://{clerk}:pw@")
        done = Wsp(program, as_clerk)("store", "copy", str(sqlite_store(tmp_path / "a.db", 60)),
                                      as_clerk)  # fmt: skip
        assert done.exit_code == 0 and done.stderr == "", done.stderr
        assert done.stdout.startswith("Copied 60 entries")
        assert table_state(pg_url)[0] == -1
    finally:
        with psycopg.connect(pg_url, autocommit=True) as conn:
            conn.execute(f"DROP OWNED BY {clerk}")
            conn.execute(f"DROP ROLE {clerk}")

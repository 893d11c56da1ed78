"""A whole store's summaries in parts (``Store.summary_parts``): a large read-only SQLite store
hands over a first part while a thread reads the second, and ``status``, ``check`` and
``report`` evaluate each part as it comes. The parts must add up to the summaries read in
one, and the commands must say exactly what they say of a store read in one."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import MakeWsp, Wsp
from wspolpraca_cli.entries import Entry, EntryKind, SummaryPart, joined_parts
from wspolpraca_cli.store import open_store
from wspolpraca_cli.store import sqlite as backend

IDS = ["0.orphan", "1.1", "avg", "kw", "pct", "yn", "zz.orphan"]
"""The test programme's indicators, and two the programme does not know: one sorting before
them all, one after."""

PERIODS = ["2024", "2024-Q2", "2025-03", "2025", "2024-2026", "1999", "2024-Q9"]


def rec(value: float, ind: str, period: str, **kw: Any) -> Entry:
    return Entry(uid="", indicator_id=ind, period=period, value=value, **kw)


def entries(n: int) -> list[Entry]:
    """``n`` entries spread over IDS and PERIODS, some dated, some tagged."""
    return [
        rec(
            float(k % 17) / 4,
            IDS[(k * 5) % len(IDS)],
            PERIODS[(k * 3) % len(PERIODS)],
            date=None if k % 3 else f"202{4 + k % 3}-0{k % 9 + 1}-15",
            tags=(("organizator", "urząd"),) if k % 4 == 0 else (),
        )
        for k in range(n)
    ]


def fill(path: Path, n: int, corrections: int) -> None:
    with open_store(path) as store:
        added = store.add_many(entries(n))
        store.add_many(
            [
                rec(
                    7.5 if k % 2 else 0.0,
                    old.indicator_id,
                    old.period,
                    kind=EntryKind.CORRECTION,
                    supersedes=old.uid,
                    reason="poprawka",
                )
                for k, old in enumerate(added[:corrections])
            ]
        )


def in_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read every store, however small, in two parts."""
    monkeypatch.setattr(backend, "_PARALLEL_PAGES", 0)


def in_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backend, "_PARALLEL_PAGES", 1 << 40)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(n=st.integers(0, 300), corrections=st.integers(0, 40), as_of=st.sampled_from(
    [None, date(2024, 6, 30), date(2030, 1, 1)]))  # fmt: skip
def test_the_parts_partition_the_summaries_read_in_one(
    tmp_path_factory: pytest.TempPathFactory, n: int, corrections: int, as_of: date | None
) -> None:
    path = tmp_path_factory.mktemp("parts") / "s.db"
    fill(path, n, corrections)
    with pytest.MonkeyPatch.context() as patch:
        in_one(patch)
        with open_store(path, readonly=True) as store:
            one = store.summaries(as_of)
            (single,) = store.summary_parts(as_of)
        assert single == SummaryPart(None, None, one)
        in_parts(patch)
        with open_store(path, readonly=True) as store:
            parts = list(store.summary_parts(as_of))
            again = store.summaries(as_of)
    assert joined_parts(parts) == one == again
    if n:
        first, second = parts
        assert first.first is None and second.end is None and first.end == second.first
        assert not first.anew and not second.anew
        for part in parts:
            assert all(part.holds(s.indicator_id) for s in part.summaries)
    else:
        assert parts == [SummaryPart(None, None, [])]  # an empty store is read in one


def outputs(wsp: Wsp) -> list[str]:
    runs = [
        wsp("status", "--as-of", "2025-06-30", "--format", "json"),
        wsp("status", "--as-of", "2025-06-30"),
        wsp("check", "--as-of", "2025-06-30", "--format", "json"),
        wsp("report", "--year", "2024", "--as-of", "2025-06-30", "--format", "md"),
    ]
    for run in runs:
        assert run.exit_code in (0, 1), run.stderr
    return [run.stdout + run.stderr for run in runs]


def test_status_check_and_report_say_the_same_of_a_store_read_in_parts(
    wsp: Wsp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Breakdowns, orphans on both sides of the split, corrections: the same output."""
    fill(wsp.store, 400, 30)
    in_one(monkeypatch)
    whole = outputs(wsp)
    assert "0.orphan" in whole[0] and "zz.orphan" in whole[0]  # listed as orphans
    assert "organizator" in whole[0]  # a breakdown's values
    second: list[str] = []
    real = backend._SecondRead.__init__
    monkeypatch.setattr(
        backend._SecondRead, "__init__", lambda self, *a: second.append(a[2]) or real(self, *a)
    )
    in_parts(monkeypatch)
    assert outputs(wsp) == whole
    assert len(second) == len(whole)  # each command read its second part beside the first


def test_computed_indicators_are_evaluated_in_their_part(
    make_wsp: MakeWsp, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.test_computed import with_register

    wsp = with_register(make_wsp)
    with open_store(wsp.store) as store:
        store.add_many([rec(float(k), "rec", "2024" if k % 2 else "2025") for k in range(40)])
        store.add_many([rec(1.0, "kwota", "2024")])  # an entry where the register decides
    in_one(monkeypatch)
    whole = outputs(wsp)
    assert '"computed": true' in whole[0]
    split: list[str] = []
    real = backend.SqliteStore._split_indicator

    def middle(conn: Any) -> str | None:
        split.append(real(conn) or "")
        return "m"  # kwota before; m19a, org, oferty, rec after

    monkeypatch.setattr(backend.SqliteStore, "_split_indicator", staticmethod(middle))
    in_parts(monkeypatch)
    assert outputs(wsp) == whole
    assert len(split) == len(whole)


def write_after_the_first_read(
    patch: pytest.MonkeyPatch, path: Path, first_read: str, entry: Entry
) -> Callable[[], None]:
    """Make ``entry`` land in the store at ``path`` after the caller's own read (the store's
    method ``first_read``) and before the second connection opens; the returned function puts
    the connection back."""
    from wspolpraca_cli.store import sqlite_open

    done = threading.Event()
    real = getattr(backend.SqliteStore, first_read)
    connect = sqlite_open.connect_readonly

    def first(self: Any, *a: Any) -> Any:
        found = real(self, *a)
        done.set()
        return found

    def after_the_first(where: Path, timeout: float) -> Any:
        if threading.current_thread() is not threading.main_thread():
            assert done.wait(10)
            with open_store(path) as writer:
                writer.add_many([entry])
        return connect(where, timeout)

    patch.setattr(backend.SqliteStore, first_read, first)
    patch.setattr(sqlite_open, "connect_readonly", after_the_first)
    return lambda: patch.setattr(sqlite_open, "connect_readonly", connect)


def test_a_write_between_the_parts_gives_every_summary_again_in_one_part(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.db"
    fill(path, 200, 10)
    in_parts(monkeypatch)
    restore = write_after_the_first_read(
        monkeypatch, path, "_summaries_half", rec(5.0, "kw", "2025-Q1")
    )
    with open_store(path, readonly=True) as store:
        parts = list(store.summary_parts())
    restore()
    in_one(monkeypatch)
    with open_store(path, readonly=True) as store:
        later = store.summaries()
    assert [p.anew for p in parts] == [False, True]
    assert parts[1] == SummaryPart(None, None, later, anew=True)  # the later state, whole
    assert joined_parts(parts) == later
    assert sum(s.count for s in later) == 201


def test_a_second_part_that_cannot_be_read_is_read_again_with_the_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wspolpraca_cli.store import sqlite_open

    path = tmp_path / "s.db"
    fill(path, 100, 5)
    in_one(monkeypatch)
    with open_store(path, readonly=True) as store:
        one = store.summaries()
    in_parts(monkeypatch)
    real: Callable[..., Any] = sqlite_open.connect_readonly

    def refused(where: Path, timeout: float) -> Any:
        if threading.current_thread() is not threading.main_thread():
            raise OSError("no second connection")
        return real(where, timeout)

    monkeypatch.setattr(sqlite_open, "connect_readonly", refused)
    with open_store(path, readonly=True) as store:
        parts = list(store.summary_parts())
    assert [p.anew for p in parts] == [False, True]
    assert joined_parts(parts) == one


def test_a_caller_that_stops_after_the_first_part_leaves_no_thread_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.db"
    fill(path, 100, 0)
    in_parts(monkeypatch)
    with open_store(path, readonly=True) as store:
        parts = store.summary_parts()
        first = next(parts)
        assert first.first is None and first.end is not None
        parts.close()  # joins the thread reading the second part
    assert not [t for t in threading.enumerate() if t.name == "wsp-read"]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(n=st.integers(0, 300), corrections=st.integers(0, 40), limit=st.integers(1, 12))
def test_the_latest_entries_read_in_two_halves_are_those_read_in_one(
    tmp_path_factory: pytest.TempPathFactory, n: int, corrections: int, limit: int
) -> None:
    path = tmp_path_factory.mktemp("notes") / "s.db"
    fill(path, n, corrections)
    groups = [(ind, (p, "2024")) for ind in IDS for p in PERIODS]
    as_of = date(2025, 6, 30)
    with pytest.MonkeyPatch.context() as patch:
        in_one(patch)
        with open_store(path, readonly=True) as store:
            one = store.latest_entries(groups, as_of, limit)
        in_parts(patch)
        patch.setattr(backend, "_PARALLEL_GROUPS", 2)
        second: list[object] = []
        real = backend._SecondRead.__init__
        patch.setattr(
            backend._SecondRead, "__init__", lambda self, *a: second.append(a) or real(self, *a)
        )
        with open_store(path, readonly=True) as store:
            assert store.latest_entries(groups, as_of, limit) == one
    assert len(second) == 1
    assert [e.seq for e in one] == sorted(e.seq for e in one)


def test_a_write_between_the_halves_of_the_latest_entries_reads_them_again_in_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The write lands after the first half (0.orphan's group among them) was read and before
    the second is: read in two, the first half would miss the new entry."""
    path = tmp_path / "s.db"
    fill(path, 200, 10)
    groups = [(ind, ("2025",)) for ind in IDS]
    in_parts(monkeypatch)
    monkeypatch.setattr(backend, "_PARALLEL_GROUPS", 2)
    restore = write_after_the_first_read(
        monkeypatch, path, "_read_with_last", rec(5.0, "0.orphan", "2025", note="nowy")
    )
    with open_store(path, readonly=True) as store:
        got = store.latest_entries(groups, None, 5)
    restore()
    in_one(monkeypatch)
    with open_store(path, readonly=True) as store:
        assert got == store.latest_entries(groups, None, 5)  # the later state, whole
    assert [e.note for e in got if e.indicator_id == "0.orphan"][-1] == "nowy"

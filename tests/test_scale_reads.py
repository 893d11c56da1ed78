"""Reads that stay bounded whatever the store's size: the report's notes (the latest entries of
each period, the rest counted), the store's bounded entry lists, streamed export, and the
single-indicator reads of ``history`` and ``record``. Through the store's API and the CLI; no
timing here (that is bench/run.py's job)."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import Wsp
from wspolpraca_cli.entries import Entry, EntryKind, counts, effective
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
    assert row[-1] == " | ".join(shown) + " | … and 2 earlier entries"
    assert row[-2] == "12"  # the entries column still counts all twelve


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
        groups = [("1.1", "2024"), ("1.2", "2024-Q1"), ("9.9", "2024")]
        found = store.latest_entries(groups, as_of, limit)
        every = store.entries()
    expected: list[Entry] = []
    counting = [e for e in effective(every) if counts(e, as_of)]
    for group in groups:
        expected += [e for e in counting if (e.indicator_id, e.period) == group][-limit:]
    assert found == sorted(expected, key=lambda e: e.seq)


def test_latest_entries_of_a_missing_store_or_no_groups(tmp_path: Path) -> None:
    with open_store(tmp_path / "none.db", readonly=True) as store:
        assert store.latest_entries([("1.1", "2024")], None, 5) == []
    with open_store(tmp_path / "s.db") as store:
        store.add(rec(1))
        assert store.latest_entries([], None, 5) == []
        assert [e.value for e in store.latest_entries([("1.1", "2024")], None, 5)] == [1.0]

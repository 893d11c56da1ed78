"""wsp import of hand-made files: a date must lie in its period (as ``record --date`` makes
it), Polish headers, Windows-1250 files, amounts typed with ``zł``, and the column reference in
``wsp import --help``."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Wsp
from wspolpraca_cli.store import open_store


def stored(wsp: Wsp) -> list[tuple[str, str, float | None, str | None, str]]:
    if not wsp.store.exists():
        return []
    with open_store(wsp.store, readonly=True) as store:
        return [(e.indicator_id, e.period, e.value, e.date, e.note) for e in store.entries()]


# -- a date in its period -----------------------------------------------------------------------


def test_import_refuses_a_date_outside_its_period(wsp: Wsp, tmp_path: Path) -> None:
    src = tmp_path / "dates.csv"
    src.write_text(
        "indicator,period,value,date\n"
        "1.1,2024,1,2024-05-05\n"
        "1.1,2024,1,2023-05-05\n"
        "kw,2024-Q2,5,2024-01-31\n"
        "1.1,2024,1,2010-01-01\n",
        encoding="utf-8",
    )
    run = wsp("import", str(src))
    assert run.exit_code == 2
    lines = run.stderr.splitlines()
    assert f"{src}:3:4: the date 2023-05-05 is not in the period 2024 of 1.1 [date]" in lines
    fix = ": correct the period or the date"
    assert "    hint: the date 2023-05-05 is in the period 2023" + fix in lines
    assert f"{src}:4:4: the date 2024-01-31 is not in the period 2024-Q2 of kw [date]" in lines
    assert "    hint: the date 2024-01-31 is in the period 2024-Q1" + fix in lines
    assert f"{src}:5:4: the date 2010-01-01 is not in the period 2024 of 1.1 [date]" in lines
    assert "nothing imported — 3 rows rejected (1 would be added" in run.stderr
    assert stored(wsp) == []


def test_import_takes_what_record_date_writes(wsp: Wsp, tmp_path: Path) -> None:
    """Every entry `wsp record --date` stores imports back: the same rule both ways."""
    wsp.record("kw", "5", "--date", "2024-06-30")
    wsp.record("avg", "2", "--date", "2022-12-31")
    wsp.record("1.1", "1", "--date", "2021-01-01")
    out = tmp_path / "e.csv"
    assert wsp("export", "-o", str(out)).exit_code == 0
    fresh = Wsp(wsp.program, tmp_path / "fresh.wsp.db")
    run = fresh("import", str(out))
    assert run.exit_code == 0, run.stderr
    assert stored(fresh) == stored(wsp)


def test_import_date_period_message_in_polish(wsp: Wsp, tmp_path: Path) -> None:
    src = tmp_path / "dates.csv"
    src.write_text("indicator;period;value;date\n1.1;2024;1;2023-05-05\n", encoding="utf-8")
    run = wsp("import", str(src), lang="pl")
    assert run.exit_code == 2
    assert f"{src}:2:4: data 2023-05-05 nie należy do okresu 2024 wskaźnika 1.1 [date]" in (
        run.stderr
    )
    assert "data 2023-05-05 należy do okresu 2023: popraw okres albo datę" in run.stderr

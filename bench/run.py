"""wsp's benchmark: times fresh `wsp` processes against SPEC's performance budgets.

Run from the repository root, in the project's virtual environment:

    .venv/bin/python bench/run.py            # full run (sets up 1,000,000 entries once)
    .venv/bin/python bench/run.py --quick    # fewer repetitions, for a smoke test

Generated inputs are cached in bench/_work/ (ignored by git): a synthetic programme of
1,000 indicators of mixed kinds, its store of 1,000,000 entries, and a 10,000-indicator
programme for validation. Prints one table: figure, budget, measured, pass/fail; exits 1 when
a budget is not met.

Benchmarks are not tests: nothing here runs under pytest.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "bench" / "_work"
SHIPPED = REPO / "data" / "program.yaml"
FIRST_YEAR, LAST_YEAR = 2021, 2025
AS_OF = "2024-06-30"
ENTRIES = 1_000_000
MiB = 1024 * 1024

# Indicator kinds of the synthetic programme: (unit, target, frequency, periods per year).
KINDS: list[tuple[str, str, str, int]] = [
    ("liczba", "1/rok", "Raz w roku", 1),
    ("liczba", "2/kwartał", "raz na kwartał", 4),
    ("liczba", "12/rok", "raz w miesiącu", 12),
    ("liczba", "50 w okresie programu", "raz na pół roku", 2),
    ("'%'", "30% w 2025", "raz w roku", 1),
    ("'%'", "≤ 50%", "raz na kwartał", 4),
    ("wartość", "≥ 10", "raz w miesiącu", 12),
    ("zł", "{2021: 100, 2022: 110, 2023: 120, 2024: 130, 2025: 140}", "raz w roku", 1),
    ("wartość", "brak", "raz na kwartał", 4),
    ("liczba", "3/rok", "raz na pół roku", 2),
]


def wsp_command() -> list[str]:
    script = Path(sys.executable).with_name("wsp")
    return [str(script)] if script.exists() else [sys.executable, "-m", "wspolpraca_cli"]


def synthetic_programme(n_indicators: int) -> str:
    """A valid programme with n_indicators indicators (5 per action, 4 actions per area)."""
    lines = [
        "format: 1",
        "program:",
        f"  title: Syntetyczny program testowy ({n_indicators} wskaźników)",
        "  issuer: Benchmark wsp",
        f"  first_year: {FIRST_YEAR}",
        f"  last_year: {LAST_YEAR}",
        "goals:",
        "  main: {id: główny, name: Cel główny}",
        "  specific:",
        *(f"    - {{id: {g}, name: Cel {g}}}" for g in "abcde"),
        "areas:",
    ]
    per_action, per_area = 5, 4
    n_areas = -(-n_indicators // (per_action * per_area))
    made = 0
    for area in range(1, n_areas + 1):
        lines += [f'  - id: "{area}"', f"    name: Obszar {area}", "    actions:"]
        for lp in range(1, per_area + 1):
            if made >= n_indicators:
                break
            goal = "abcde"[(area + lp) % 5]
            lines += [
                f'      - lp: "{lp}"',
                f"        name: Działanie {area}.{lp}",
                f"        goals: [{goal}]",
                "        indicators:",
            ]
            for k in range(1, per_action + 1):
                if made >= n_indicators:
                    break
                unit, target, frequency, _ = KINDS[made % len(KINDS)]
                lines += [
                    f"          - id: {area}.{lp}.{k}",
                    f"            name: Wskaźnik {area}.{lp}.{k}",
                    f"            unit: {unit}",
                    f"            target: {target}",
                    f"            frequency: {frequency}",
                ]
                made += 1
    return "\n".join(lines) + "\n"


def period_codes(per_year: int) -> list[str]:
    codes = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        if per_year == 1:
            codes.append(str(year))
        elif per_year == 2:
            codes += [f"{year}-H1", f"{year}-H2"]
        elif per_year == 4:
            codes += [f"{year}-Q{q}" for q in range(1, 5)]
        else:
            codes += [f"{year}-{m:02d}" for m in range(1, 13)]
    return codes


def build_store(path: Path, programme_text: str, n_entries: int) -> None:
    """Create a wsp store through the store module, then bulk-insert synthetic entries."""
    from wspolpraca_cli.loader import load_text
    from wspolpraca_cli.store import open_store

    program = load_text(programme_text, "synthetic").program
    assert program is not None, "the synthetic programme must be valid"
    with open_store(path):
        pass  # creates the schema
    indicators = program.indicators
    rng = random.Random(2024)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous = OFF")
    columns = (
        "uid, indicator_id, period, value, kind, date, note, source, tags, "
        "recorded_by, recorded_at, supersedes, reason"
    )
    sql = f"INSERT INTO entries ({columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    per_year = {i.id: KINDS[n % len(KINDS)][3] for n, i in enumerate(indicators)}
    codes = {pp: period_codes(pp) for pp in set(per_year.values())}
    batch: list[tuple[object, ...]] = []
    # A correction (1% of the entries) supersedes the latest entry of its own indicator, in that
    # entry's period, as the store requires; each entry is superseded at most once (a chain of
    # corrections at most), so the store can be exported and imported again.
    latest: dict[str, tuple[str, str]] = {}
    for n in range(n_entries):
        ind = indicators[n % len(indicators)]
        period = rng.choice(codes[per_year[ind.id]])
        uid = f"bench-{n:08d}"
        kind, supersedes, reason, value = "record", None, "", float(rng.randint(0, 20))
        if n % 100 == 0 and ind.id in latest:
            supersedes, period = latest[ind.id]
            kind, reason = "correction", "benchmark correction"
        latest[ind.id] = (uid, period)
        batch.append(
            (uid, ind.id, period, value, kind, None, "", "", "[]", "bench",
             "2024-01-01T00:00:00Z", supersedes, reason)
        )  # fmt: skip
        if len(batch) >= 50_000:
            conn.executemany(sql, batch)
            batch.clear()
    conn.executemany(sql, batch)
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("ANALYZE")
    conn.close()


@dataclass
class Run:
    seconds: float
    peak_mib: float
    returncode: int


def run(cmd: Sequence[str], env: dict[str, str]) -> Run:
    """Run a fresh process; wall time and its own peak RSS (Linux: os.wait4)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.stderr is not None:
        proc.stderr.close()
    return Run(elapsed, usage.ru_maxrss / 1024, proc.returncode)


def median_runs(cmd: Sequence[str], env: dict[str, str], n: int) -> tuple[float, float]:
    runs = [run(cmd, env) for _ in range(n)]
    bad = [r for r in runs if r.returncode not in (0, 1)]
    if bad:
        raise SystemExit(f"bench: {' '.join(cmd)} failed with exit {bad[0].returncode}")
    return statistics.median(r.seconds for r in runs), max(r.peak_mib for r in runs)


@dataclass
class Figure:
    name: str
    budget: str
    measured: str
    ok: bool


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--rebuild", action="store_true", help="regenerate the cached inputs")
    args = parser.parse_args(argv)
    pairs = 5 if args.quick else 15
    reps = 3 if args.quick else 7

    WORK.mkdir(parents=True, exist_ok=True)
    prog_1k, prog_10k, store_1m = (
        WORK / "program-1k.yaml",
        WORK / "program-10k.yaml",
        WORK / "store-1m-v2.wsp.db",  # v2: corrections of their own indicator
    )
    if args.rebuild or not prog_1k.exists():
        prog_1k.write_text(synthetic_programme(1_000), encoding="utf-8")
    if args.rebuild or not prog_10k.exists():
        prog_10k.write_text(synthetic_programme(10_000), encoding="utf-8")
    if args.rebuild or not store_1m.exists():
        print(f"bench: building a store of {ENTRIES:,} entries (once)…", file=sys.stderr)
        store_1m.unlink(missing_ok=True)
        build_store(store_1m, prog_1k.read_text(encoding="utf-8"), ENTRIES)

    tmp = Path(tempfile.mkdtemp(prefix="wsp-bench-"))
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(tmp / "data"),
        "NO_COLOR": "1",
        "WSP_LANG": "en",
    }
    env.pop("WSP_PROGRAM", None)
    env.pop("WSP_STORE", None)
    # Time what an installed wsp does: with its bytecode cached (pip writes it at install).
    # Under PYTHONDONTWRITEBYTECODE every edited module would be compiled in every run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "src")], check=False)
    wsp = wsp_command()
    figures: list[Figure] = []

    # 1. Start-up: `wsp status` on the shipped programme vs importing the libraries.
    floor_cmd = [sys.executable, "-c", "import typer, rich.table, pydantic, yaml"]
    status_cmd = [*wsp, "--program", str(SHIPPED), "--store", str(tmp / "empty.wsp.db"),
                  "status", "--as-of", AS_OF]  # fmt: skip
    run(status_cmd, env)  # warm the file cache and bytecode
    run(floor_cmd, env)
    ours, floor = [], []
    for _ in range(pairs):
        ours.append(run(status_cmd, env).seconds)
        floor.append(run(floor_cmd, env).seconds)
    ratio = statistics.median(ours) / statistics.median(floor)
    figures.append(
        Figure(
            "status start-up ÷ import floor",
            "≤ 1.00",
            f"{ratio:.2f} ({statistics.median(ours) * 1000:.0f} ms vs "
            f"{statistics.median(floor) * 1000:.0f} ms)",
            ratio <= 1.0,
        )
    )

    # 2. status and check at 1,000,000 entries.
    big = ["--program", str(prog_1k), "--store", str(store_1m)]
    for command in ("status", "check"):
        cmd = [*wsp, *big, command, "--as-of", AS_OF]
        run(cmd, env)
        seconds, peak = median_runs(cmd, env, reps)
        figures.append(Figure(f"{command} at 1M entries: time", "≤ 1.50 s", f"{seconds:.2f} s",
                              seconds <= 1.5))  # fmt: skip
        figures.append(Figure(f"{command} at 1M entries: peak memory", "≤ 200 MiB",
                              f"{peak:.0f} MiB", peak <= 200))  # fmt: skip

    # 3. record at 1,000,000 entries vs an empty store (on copies; each run appends one entry).
    big_copy = tmp / "big.wsp.db"
    shutil.copyfile(store_1m, big_copy)
    empty = tmp / "record-empty.wsp.db"
    record = ["record", "1.1.1", "1", "--year", "2024", "--yes", "--note", "bench"]
    cmd_big = [*wsp, "--program", str(prog_1k), "--store", str(big_copy), *record]
    cmd_empty = [*wsp, "--program", str(prog_1k), "--store", str(empty), *record]
    run(cmd_big, env)
    run(cmd_empty, env)
    t_big, t_empty = [], []
    for _ in range(pairs):
        t_big.append(run(cmd_big, env).seconds)
        t_empty.append(run(cmd_empty, env).seconds)
    rec_ratio = statistics.median(t_big) / statistics.median(t_empty)
    figures.append(
        Figure(
            "record at 1M ÷ record on empty store",
            "≤ 1.20",
            f"{rec_ratio:.2f} ({statistics.median(t_big) * 1000:.0f} ms vs "
            f"{statistics.median(t_empty) * 1000:.0f} ms)",
            rec_ratio <= 1.2,
        )
    )

    # 4. validate a 10,000-indicator programme.
    cmd = [*wsp, "validate", str(prog_10k)]
    run(cmd, env)
    seconds, peak = median_runs(cmd, env, reps)
    figures.append(Figure("validate 10,000 indicators", "≤ 2.00 s", f"{seconds:.2f} s",
                          seconds <= 2.0))  # fmt: skip

    shutil.rmtree(tmp, ignore_errors=True)
    print_table(figures)
    return 0 if all(f.ok for f in figures) else 1


def print_table(figures: list[Figure]) -> None:
    rows = [("figure", "budget", "measured", "result")] + [
        (f.name, f.budget, f.measured, "pass" if f.ok else "FAIL") for f in figures
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for n, row in enumerate(rows):
        print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
        if n == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")


if __name__ == "__main__":
    raise SystemExit(main())

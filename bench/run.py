"""wsp's benchmark: times fresh `wsp` processes, each against its floor in the same run.

Run from the repository root, in the project's virtual environment:

    .venv/bin/python bench/run.py            # 10k and 1M entries (sets the inputs up once)
    .venv/bin/python bench/run.py --large    # and 5M entries too
    .venv/bin/python bench/run.py --quick    # fewer repetitions, a smaller import (< 2 min)

Generated inputs are cached in bench/_work/ (ignored by git): a synthetic programme of 1,000
indicators of mixed kinds and its stores of 10,000, 1,000,000 and (--large) 5,000,000 entries,
a 10,000-indicator programme (validation) with a store of 100,000 entries (the report at
10,000 indicators). Every command runs on copies made in a temporary folder (a store is never
written in bench/_work, not even by a schema upgrade).

Each command is timed against its floor, alternating the two (median wall time; peak memory is
the largest resident size of the child, from wait4): start-up against importing the libraries,
status and check against the same GROUP BY in the sqlite3 shell, export against the shell's
-csv dump of the same columns, import against the shell's .import + INSERT of the same file
into a wsp store, validate against a libyaml load of the same file, status in a terminal
(a pseudo-terminal) against status piped (into a pipe; both read as they are written),
report against status, history and record against themselves on the smallest store. Without
the sqlite3 shell, Python's sqlite3 running the same SQL is the floor (the table says so).
Prints one table: figure, goal, measured, ratio, result.

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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "bench" / "_work"
SHIPPED = REPO / "data" / "program.yaml"
FIRST_YEAR, LAST_YEAR = 2021, 2025
AS_OF = "2024-06-30"
SIZES = {"10k": 10_000, "1M": 1_000_000, "5M": 5_000_000}
QUIET = "51.1.1"
"""An indicator of the 1,001-indicator programme that the generated stores leave empty: the
benchmark records the same 20 entries for it in each store, so history and record of it do
the same work whatever the store's size."""
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


def in_child(code: str) -> None:
    """Run Python ``code`` (with bench/run.py importable) in a child process: the benchmark
    itself never imports wsp, so that it stays small — a child's peak memory (wait4) counts
    the parent's size when it was forked."""
    script = f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import run; {code}"
    subprocess.run([sys.executable, "-c", script], check=True)


def new_store(path: Path, quiet_entries: int = 0) -> None:
    """Create (or upgrade) the store at ``path``; add ``quiet_entries`` entries of QUIET."""
    from wspolpraca_cli.entries import Entry
    from wspolpraca_cli.store import open_store

    with open_store(path) as opened:
        opened.add_many([Entry("", QUIET, "2024", float(v % 7)) for v in range(quiet_entries)])


@dataclass
class Run:
    seconds: float
    cpu: float
    peak_mib: float
    returncode: int


def run(
    cmd: Sequence[str],
    env: dict[str, str],
    *,
    tty: bool = False,
    pipe: bool = False,
    stdin: Path | None = None,
) -> Run:
    """Run a fresh process: wall time, CPU time and its own peak RSS (Linux: os.wait4). With
    ``tty`` its standard output (and error) is a pseudo-terminal, with ``pipe`` its standard
    output a pipe, either drained as it writes; else both go to /dev/null."""
    start = time.perf_counter()
    source = open(stdin, "rb") if stdin is not None else subprocess.DEVNULL  # noqa: SIM115
    reader = None
    if tty or pipe:
        import threading

        if tty:
            import pty

            master, slave = pty.openpty()
            os.set_inheritable(slave, True)
            out, err = slave, slave
        else:
            master, slave = os.pipe()
            out, err = slave, subprocess.DEVNULL
        proc = subprocess.Popen(cmd, env=env, stdin=source, stdout=out, stderr=err)
        os.close(slave)

        def drain() -> None:
            try:
                while os.read(master, 65536):
                    pass
            except OSError:
                pass  # EIO: the child closed the terminal

        reader = threading.Thread(target=drain, daemon=True)
        reader.start()
    else:
        proc = subprocess.Popen(
            cmd, env=env, stdin=source, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if reader is not None:
        reader.join(timeout=5)
        os.close(master)
    if stdin is not None:
        source.close()  # type: ignore[union-attr]
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Run(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode)


@dataclass
class Timing:
    seconds: float
    cpu: float
    peak_mib: float

    def text(self) -> str:
        return f"{self.seconds:.2f} s, {self.peak_mib:.0f} MiB"


def _check(runs: list[Run], cmd: Sequence[str]) -> None:
    bad = [r for r in runs if r.returncode not in (0, 1)]
    if bad:
        raise SystemExit(f"bench: {' '.join(cmd)} failed with exit {bad[0].returncode}")


def timing(runs: list[Run]) -> Timing:
    return Timing(
        statistics.median(r.seconds for r in runs),
        statistics.median(r.cpu for r in runs),
        max(r.peak_mib for r in runs),
    )


def measure(make: Callable[[], Run], cmd: Sequence[str], n: int, *, warm: bool = True) -> Timing:
    if warm:
        make()  # warm the file cache (and a copied store's schema upgrade)
    runs = [make() for _ in range(n)]
    _check(runs, cmd)
    return timing(runs)


def pair(
    ours: Callable[[], Run],
    floor: Callable[[], Run],
    n: int,
    cmds: tuple[Sequence[str], ...],
    *,
    warm: bool = True,
) -> tuple[Timing, Timing]:
    """Ours and the floor, alternating (n pairs, after one warm-up each unless not ``warm``)."""
    if warm:
        ours()
        floor()
    a: list[Run] = []
    b: list[Run] = []
    for _ in range(n):
        a.append(ours())
        b.append(floor())
    _check(a, cmds[0])
    _check(b, cmds[1])
    return timing(a), timing(b)


@dataclass
class Figure:
    name: str
    goal: str
    measured: str
    ratio: float | None
    ok: bool | None
    """None: a figure without a goal (shown for information)."""


def ratio_figure(
    name: str, limit: float, ours: Timing, floor: Timing, *, floor_name: str = "floor"
) -> Figure:
    ratio = ours.seconds / floor.seconds
    cpu = ours.cpu / floor.cpu if floor.cpu else float("nan")
    return Figure(
        name,
        f"≤ {limit:.2f}",
        f"{ours.text()} vs {floor_name} {floor.seconds:.2f} s (CPU ratio {cpu:.2f})",
        ratio,
        ratio <= limit,
    )


def sqlite_shell() -> str | None:
    return shutil.which("sqlite3")


def sql_command(sql: str, store: Path, *, csv: bool = False) -> list[str]:
    """The sqlite3 shell running ``sql`` on ``store`` read-only (Python's sqlite3 without it)."""
    shell = sqlite_shell()
    if shell is not None:
        return [shell, "-readonly", *(["-csv"] if csv else []), str(store), sql]
    script = (
        "import csv, sqlite3, sys; "
        f"c = sqlite3.connect('file:{store}?mode=ro', uri=True); "
        f"rows = c.execute({sql!r}); "
        + ("w = csv.writer(sys.stdout); w.writerows(rows)" if csv else "rows.fetchall()")
    )
    return [sys.executable, "-c", script]


def aggregation_sql(as_of: str) -> str:
    """What Store.summaries(as_of) runs (store/sqlite.py), as one statement."""
    return f"""
        SELECT g.indicator_id, g.period, g.n, g.total, g.lo, g.hi, l.value FROM (
            SELECT e.indicator_id, e.period, count(*) AS n, total(e.value) AS total,
                   min(e.value) AS lo, max(e.value) AS hi, max(e.seq) AS last_seq
            FROM entries e
            WHERE e.kind <> 'void' AND (e.date IS NULL OR e.date <= '{as_of}')
              AND e.seq NOT IN (SELECT o.seq FROM entries c INDEXED BY entries_supersedes
                  JOIN entries o ON o.uid = c.supersedes WHERE c.supersedes IS NOT NULL)
            GROUP BY e.indicator_id, e.period
        ) g LEFT JOIN entries l ON l.seq = g.last_seq;"""


DUMP_SQL = (
    "SELECT uid, indicator_id, period, value, kind, date, note, source, tags, recorded_by, "
    "recorded_at, supersedes, reason FROM entries ORDER BY seq;"
)


def import_floor_command(csv_file: Path, empty_store: Path, target: Path) -> list[str]:
    """The sqlite3 shell loading ``csv_file`` into a copy of an empty wsp store (its indexes and
    triggers): .import into a scratch table, then one INSERT … SELECT."""
    shell = sqlite_shell()
    columns = (
        "uid, indicator, period, value, kind, date, note, source, tags, recorded_by, "
        "recorded_at, supersedes, reason"
    )
    insert = (
        "INSERT INTO entries (uid, indicator_id, period, value, kind, date, note, source, tags, "
        "recorded_by, recorded_at, supersedes, reason) SELECT uid, indicator, period, "
        "CAST(NULLIF(value, '') AS REAL), kind, NULLIF(date, ''), note, source, '[]', "
        "recorded_by, recorded_at, NULLIF(supersedes, ''), reason FROM raw;"
    )
    create = f"CREATE TABLE raw ({', '.join(c + ' TEXT' for c in columns.split(', '))});"
    copy = f"import shutil; shutil.copyfile({str(empty_store)!r}, {str(target)!r}); "
    if shell is not None:
        script = f"{create}\n.import --csv --skip 1 {csv_file} raw\nBEGIN; {insert} COMMIT;\n"
        return [
            sys.executable,
            "-c",
            copy + f"import subprocess; subprocess.run([{shell!r}, {str(target)!r}], "
            f"input={script!r}.encode(), check=True)",
        ]
    return [
        sys.executable,
        "-c",
        copy + "import csv, sqlite3; "
        f"c = sqlite3.connect({str(target)!r}); c.execute({create!r}); "
        f"f = open({str(csv_file)!r}, encoding='utf-8-sig', newline=''); r = csv.reader(f); "
        "next(r); c.executemany('INSERT INTO raw VALUES (' + ', '.join('?' * 13) + ')', r); "
        f"c.execute({insert!r}); c.commit()",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (< 2 minutes)")
    parser.add_argument("--large", action="store_true", help="also 5,000,000 entries")
    parser.add_argument("--rebuild", action="store_true", help="regenerate the cached inputs")
    parser.add_argument(
        "--pg",
        action="store_true",
        help="also a throwaway PostgreSQL cluster (Debian's server binaries): status and record "
        "on the largest store copied into it ÷ the same on SQLite",
    )
    args = parser.parse_args(argv)
    pairs = 3 if args.quick else 9
    # Nine pairs: the machine's run-to-run noise (10-20 %) moved the median of five by about
    # 0.1 in a ratio from one run to the next.
    # A command of a tenth of a second (start-up, history, record, show) is cheap to repeat and
    # the most moved by the machine's noise: three times as many pairs (27; 9 with --quick).
    short = 3 * pairs
    reps = 1 if args.quick else 9
    heavy = 1 if args.quick else 3  # the slow ones (report at 10,000 indicators, import)
    warm = not args.quick  # --quick: the slow ones are not warmed up
    sizes = ["10k", "1M", *(["5M"] if args.large else [])]
    # The import: 1,000,000 rows with --large (minutes per run today), else 200,000.
    import_rows = 20_000 if args.quick else 1_000_000 if args.large else 200_000
    began = time.perf_counter()

    WORK.mkdir(parents=True, exist_ok=True)
    prog_1k, prog_1001, prog_10k = (
        WORK / "program-1k.yaml",
        WORK / "program-1001.yaml",
        WORK / "program-10k.yaml",
    )
    for path, n in ((prog_1k, 1_000), (prog_1001, 1_001), (prog_10k, 10_000)):
        if args.rebuild or not path.exists():
            path.write_text(synthetic_programme(n), encoding="utf-8")
    # v2: corrections of their own indicator
    cached = {size: WORK / f"store-{size.lower()}-v2.wsp.db" for size in sizes}
    cached_10k_ind = WORK / "store-10k-indicators-v2.wsp.db"
    wanted = [(cached[s], prog_1k, SIZES[s]) for s in sizes] + [(cached_10k_ind, prog_10k, 100_000)]
    for path, programme, n in wanted:
        if args.rebuild or not path.exists():
            print(f"bench: building a store of {n:,} entries (once)…", file=sys.stderr)
            part = path.with_name(path.name + ".part")
            part.unlink(missing_ok=True)
            in_child(f"run.build_store(run.Path({str(part)!r}), "
                     f"run.Path({str(programme)!r}).read_text(encoding='utf-8'), {n})")  # fmt: skip
            part.rename(path)

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
    tty_env = {k: v for k, v in env.items() if k != "NO_COLOR"}
    tty_env.update(TERM="xterm-256color", COLUMNS="120", LINES="40")
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "src")], check=False)
    wsp = wsp_command()
    figures: list[Figure] = []
    floor_note = "" if sqlite_shell() else " (no sqlite3 shell: Python's sqlite3)"

    def go(
        cmd: Sequence[str],
        *,
        tty: bool = False,
        pipe: bool = False,
        environment: dict[str, str] | None = None,
    ) -> Callable[[], Run]:
        chosen = env if environment is None else environment
        return lambda: run(cmd, chosen, tty=tty, pipe=pipe)

    # Copies of the stores: nothing is written in bench/_work.
    stores: dict[str, Path] = {}
    for size in sizes:
        stores[size] = tmp / f"store-{size}.wsp.db"
        shutil.copyfile(cached[size], stores[size])
    store_10k_ind = tmp / "store-10k-indicators.wsp.db"
    shutil.copyfile(cached_10k_ind, store_10k_ind)

    # 1. Start-up: `wsp status` on the shipped programme vs importing the libraries.
    floor_cmd = [sys.executable, "-c", "import typer, rich.table, pydantic, yaml"]
    status_cmd = [*wsp, "--program", str(SHIPPED), "--store", str(tmp / "empty.wsp.db"),
                  "status", "--as-of", AS_OF]  # fmt: skip
    ours, floor = pair(go(status_cmd), go(floor_cmd), short, (status_cmd, floor_cmd))
    figures.append(ratio_figure("status start-up ÷ import floor", 0.75, ours, floor,
                                floor_name="imports"))  # fmt: skip

    # 2. status and check ÷ the same aggregation in the sqlite3 shell; status in a terminal.
    for size in sizes:
        big = ["--program", str(prog_1k), "--store", str(stores[size])]
        for command in ("status", "check"):
            # check, the cron gate, first runs SQLite's quick integrity check (issue 16): its
            # floor does the same work, the check and then the aggregation, in the shell.
            gate = command == "check" and sqlite_shell() is not None
            sql = ("PRAGMA quick_check;" if gate else "") + aggregation_sql(AS_OF)
            agg = sql_command(sql, stores[size])
            what = "quick_check + aggregation" if gate else "aggregation"
            cmd = [*wsp, *big, command, "--as-of", AS_OF]
            ours, floor = pair(go(cmd), go(agg), reps, (cmd, agg))
            limit = 1.25 if size != "10k" else float("inf")
            fig = ratio_figure(f"{command} at {size} ÷ sqlite3 {what}{floor_note}",
                               limit, ours, floor, floor_name="sqlite3")  # fmt: skip
            if size == "10k":
                fig.goal, fig.ok = "—", None
            figures.append(fig)
        if size != "10k":
            # Both outputs are read as they are written: the terminal's by the pseudo-terminal's
            # reader, the plain table's through a pipe (`wsp status | less`), not into
            # /dev/null, which would leave the transfer out of one side only.
            cmd = [*wsp, *big, "status", "--as-of", AS_OF]
            tty, piped = pair(
                go(cmd, tty=True, environment=tty_env), go(cmd, pipe=True), reps, (cmd, cmd),
                warm=warm,
            )  # fmt: skip
            figures.append(ratio_figure(f"status at {size}: terminal ÷ piped", 1.2, tty, piped,
                                        floor_name="piped"))  # fmt: skip

    # 3. report (md) ÷ status: at each size, and at 10,000 indicators.
    for size in sizes:
        big = ["--program", str(prog_1k), "--store", str(stores[size])]
        cmd = [*wsp, *big, "report", "--year", "2024", "--as-of", AS_OF, "--format", "md"]
        status_cmd = [*wsp, *big, "status", "--as-of", AS_OF]
        ours, floor = pair(go(cmd), go(status_cmd), reps, (cmd, status_cmd))
        fig = ratio_figure(f"report md at {size} ÷ status", 2.0, ours, floor,
                           floor_name="status")  # fmt: skip
        if size != "10k":
            fig.ok = bool(fig.ok) and ours.peak_mib < 100
            fig.goal = "≤ 2.00, < 100 MiB"
        figures.append(fig)
    big = ["--program", str(prog_10k), "--store", str(store_10k_ind)]
    status_cmd = [*wsp, *big, "status", "--as-of", AS_OF]
    report_cmd = [*wsp, *big, "report", "--year", "2024", "--as-of", AS_OF, "--format", "md"]
    ours, floor = pair(go(report_cmd), go(status_cmd), heavy, (report_cmd, status_cmd), warm=warm)
    figures.append(ratio_figure("report md at 10,000 indicators ÷ status", 2.0, ours, floor,
                                floor_name="status"))  # fmt: skip

    # 4. export (csv) ÷ the sqlite3 shell's csv dump of the same columns.
    exported: Path | None = None
    for size in sizes:
        big = ["--program", str(prog_1k), "--store", str(stores[size])]
        out = tmp / f"export-{size}.csv"
        cmd = [*wsp, *big, "export", "-o", str(out), "--force"]
        dump = sql_command(DUMP_SQL, stores[size], csv=True)
        n = reps if size != "5M" else heavy
        ours, floor = pair(go(cmd), go(dump), n, (cmd, dump))
        limit_mib = 60 if size == "5M" else None
        fig = ratio_figure(f"export csv at {size} ÷ sqlite3 -csv{floor_note}", 3.0, ours, floor,
                           floor_name="sqlite3")  # fmt: skip
        if limit_mib is not None:
            fig.ok = bool(fig.ok) and ours.peak_mib <= limit_mib
            fig.goal = f"≤ 3.00, ≤ {limit_mib} MiB"
        if size == "10k":  # the goal is for large stores (start-up is most of 10k)
            fig.goal, fig.ok = "—", None
        figures.append(fig)
        if size == "1M":
            exported = out

    # 5. import of a CSV of `import_rows` rows (from the export) into an empty store ÷ the
    # sqlite3 shell's .import + INSERT of the same file into an empty wsp store.
    assert exported is not None
    rows_file = tmp / f"import-{import_rows}.csv"
    with (
        open(exported, encoding="utf-8", newline="") as src,
        open(rows_file, "w", encoding="utf-8", newline="") as dst,
    ):
        for n, line in enumerate(src):
            if n > import_rows:
                break
            dst.write(line)
    empty_store = tmp / "import-empty.wsp.db"
    in_child(f"run.new_store(run.Path({str(empty_store)!r}))")  # empty, of this schema
    target = tmp / "import-target.wsp.db"

    def fresh_import() -> Run:
        target.unlink(missing_ok=True)
        shutil.copyfile(empty_store, target)
        return run([*wsp, "--program", str(prog_1k), "--store", str(target), "import",
                    str(rows_file)], env)  # fmt: skip

    floor_target = tmp / "import-floor.wsp.db"
    floor_cmd = import_floor_command(rows_file, empty_store, floor_target)
    ours, floor = pair(fresh_import, go(floor_cmd), heavy, (["wsp import"], floor_cmd), warm=warm)
    rate = import_rows / ours.seconds
    fig = ratio_figure(f"import of {import_rows:,} rows ÷ sqlite3 .import + INSERT{floor_note}",
                       3.0, ours, floor, floor_name="sqlite3")  # fmt: skip
    fig.measured += f", {rate / 1000:.1f}k rows/s"
    fig.goal = "≤ 3.00, ≥ 30k rows/s"
    fig.ok = bool(fig.ok) and rate >= 30_000
    figures.append(fig)

    # 6. history ID, record and show: the same indicator, the same work, on every store.
    record_args = ["--year", "2024", "--yes", "--note", "bench"]
    for size in sizes:  # the copies: 20 entries of the quiet indicator in each
        in_child(f"run.new_store(run.Path({str(stores[size])!r}), 20)")
    largest = sizes[-1]

    def on(size: str, *args: str) -> list[str]:
        return [*wsp, "--program", str(prog_1001), "--store", str(stores[size]), *args]

    for name, words, goal in (
        (f"history {QUIET} (20 entries)", ["history", QUIET], True),
        (f"record {QUIET} (20 entries)", ["record", QUIET, "1", *record_args], True),
        ("record 1.1.1 (its entries grow)", ["record", "1.1.1", "1", *record_args], False),
        ("show 1.1.1", ["show", "1.1.1"], False),
    ):
        big, small = on(largest, *words), on("10k", *words)
        ours, floor = pair(go(big), go(small), short, (big, small))
        fig = ratio_figure(f"{name} at {largest} ÷ at 10k", 1.15, ours, floor, floor_name="10k")
        if not goal:
            fig.goal, fig.ok = "—", None
        figures.append(fig)

    # 7. validate a 10,000-indicator programme ÷ a plain libyaml load of the same file.
    cmd = [*wsp, "validate", str(prog_10k)]
    load = [sys.executable, "-c",
            f"import yaml; yaml.load(open({str(prog_10k)!r}, encoding='utf-8'), "
            "Loader=yaml.CSafeLoader)"]  # fmt: skip
    ours, floor = pair(go(cmd), go(load), max(reps, 2), (cmd, load), warm=warm)
    figures.append(ratio_figure("validate 10,000 indicators ÷ libyaml load", 1.4, ours, floor,
                                floor_name="libyaml"))  # fmt: skip

    # 8. (--pg) the same commands on PostgreSQL ÷ on SQLite, the largest store copied over.
    if args.pg:
        figures += postgres_figures(wsp, env, tmp, prog_1k, prog_1001, stores[largest], largest,
                                    reps, pairs, record_args, pair, go)  # fmt: skip

    shutil.rmtree(tmp, ignore_errors=True)
    print_table(figures)
    print(f"\n({time.perf_counter() - began:.0f} s; median wall times, ratios of them; "
          "CPU ratios in brackets)")  # fmt: skip
    return 0 if all(f.ok is not False for f in figures) else 1


def postgres_figures(
    wsp: list[str],
    env: dict[str, str],
    tmp: Path,
    prog_1k: Path,
    prog_1001: Path,
    sqlite_store: Path,
    size: str,
    reps: int,
    pairs: int,
    record_args: list[str],
    pair: Callable[..., tuple[Timing, Timing]],
    go: Callable[..., Callable[[], Run]],
) -> list[Figure]:
    """status and record on a loopback PostgreSQL server holding a copy of ``sqlite_store``
    (``wsp store copy``, timed once), each ÷ the same command on the SQLite store."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("pgcluster", REPO / "tests" / "pgcluster.py")
    assert spec is not None and spec.loader is not None
    pgcluster = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(pgcluster)
    folder = Path(tempfile.mkdtemp(prefix="wsp-bench-pg-"))
    try:
        url = pgcluster.start(folder)
        began = time.perf_counter()
        copy = subprocess.run([*wsp, "store", "copy", str(sqlite_store), url], env=env,
                              capture_output=True, text=True)  # fmt: skip
        if copy.returncode != 0:
            raise RuntimeError(copy.stderr)
        print(f"bench: copied the {size} store into PostgreSQL in "
              f"{time.perf_counter() - began:.0f} s", file=sys.stderr)  # fmt: skip
        subprocess.run([*wsp, "--store", url, "store", "info"], env=env, check=True,
                       capture_output=True)  # fmt: skip
        found: list[Figure] = []
        for name, programme, words, limit, repeat in (
            (f"status at {size}", prog_1k, ["status", "--as-of", AS_OF], 1.5, reps),
            (f"record {QUIET} at {size}", prog_1001, ["record", QUIET, "1", *record_args], 1.5,
             pairs),
        ):  # fmt: skip
            on_pg = [*wsp, "--program", str(programme), "--store", url, *words]
            on_sqlite = [*wsp, "--program", str(programme), "--store", str(sqlite_store), *words]
            ours, floor = pair(go(on_pg), go(on_sqlite), repeat, (on_pg, on_sqlite))
            found.append(ratio_figure(f"{name}: PostgreSQL ÷ SQLite", limit, ours, floor,
                                      floor_name="SQLite"))  # fmt: skip
        # For information: record on PostgreSQL ÷ on SQLite in a process that imports psycopg
        # first — what is left of the ratio once both pay for the driver's import.
        words = ["record", QUIET, "1", *record_args]
        on_pg = [*wsp, "--program", str(prog_1001), "--store", url, *words]
        argv = ["wsp", "--program", str(prog_1001), "--store", str(sqlite_store), *words]
        preloaded = [sys.executable, "-c", "import sys, psycopg; from wspolpraca_cli.cli.entry "
                     f"import main; sys.argv = {argv!r}; sys.exit(main())"]  # fmt: skip
        ours, floor = pair(go(on_pg), go(preloaded), pairs, (on_pg, preloaded))
        fig = ratio_figure(f"record {QUIET} at {size}: PostgreSQL ÷ SQLite + import psycopg",
                           1.5, ours, floor, floor_name="SQLite")  # fmt: skip
        fig.goal, fig.ok = "—", None
        found.append(fig)
        return found
    finally:
        pgcluster.stop(folder)


def print_table(figures: list[Figure]) -> None:
    rows = [("figure", "goal", "measured", "ratio", "result")] + [
        (
            f.name,
            f.goal,
            f.measured,
            "" if f.ratio is None else f"{f.ratio:.2f}",
            "—" if f.ok is None else "pass" if f.ok else "FAIL",
        )
        for f in figures
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    for n, row in enumerate(rows):
        print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
        if n == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")


if __name__ == "__main__":
    raise SystemExit(main())

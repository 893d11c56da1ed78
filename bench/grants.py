"""The grants register's benchmark: a 100,000-row register imported in seconds (issue 14).

Run from the repository root, in the project's virtual environment:

    .venv/bin/python bench/grants.py              # 100,000 rows
    .venv/bin/python bench/grants.py --rows 20000

Generates a register CSV (seeded: the same file every run) as an office's grant generator
exports it — Polish headers, ``;``, amounts ``10 000,00``, dates ``1.04.2024`` and ISO mixed,
a few thousand organisations with KRS numbers, the four modes, art. 4 ust. 1 areas — then
times fresh ``wsp grants import`` processes: into a new store (rows/s, peak memory, the
largest resident size of the child from wait4) and again into the same store (idempotent: it
adds nothing). Prints the figures against the goal "a register of 100,000 rows imports in
seconds". Benchmarks are not tests: nothing here runs under pytest.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GOAL_SECONDS = 10.0
"""What "imports in seconds" is taken to mean for 100,000 rows."""

PROGRAMME = """\
format: 1
program:
  title: Program współpracy (benchmark rejestru dotacji)
  issuer: Gmina Benchmarkowo
  first_year: 2021
  last_year: 2025
goals:
  main: {id: g, name: Cel główny}
  specific:
    - {id: a, name: Cel a}
areas:
  - id: "1"
    name: Obszar
    goals: [a]
    actions:
      - lp: "1"
        name: Dotacje
        indicators:
          - {id: "1.1", name: Liczba dotacji, unit: liczba, target: 1/rok, frequency: raz w roku}
"""

HEADER = [
    "Nr umowy", "Rok", "Tryb", "Obszar (art. 4 ust. 1)", "Wydział", "Organizacja", "Nr KRS",
    "Tytuł zadania", "Kwota wnioskowana", "Kwota przyznana", "Kwota rozliczona",
    "Kwota zwrócona", "Data umowy", "Początek realizacji", "Koniec realizacji",
]  # fmt: skip
MODES = [("otwarty konkurs ofert", 60), ("19a", 28), ("inicjatywa lokalna", 6), ("inny", 6)]
AREAS = ["1", "1a", "2", "4", "6", "7", "10", "13", "14", "15", "16", "17", "18", "19", "32"]
DEPARTMENTS = [
    "Wydział Kultury", "Wydział Sportu", "Wydział Zdrowia", "Wydział Edukacji",
    "Miejski Ośrodek Pomocy Społecznej", "Biuro Współpracy z NGO", "Wydział Środowiska",
]  # fmt: skip
KINDS = ["Stowarzyszenie", "Fundacja", "Klub Sportowy", "Towarzystwo", "Koło Gospodyń Wiejskich"]
NAMES = ["Razem", "Nasza Gmina", "Zdrowie", "Orlik", "Przyszłość", "Kultura", "Senior", "Błonia"]
TASKS = ["Festiwal", "Warsztaty", "Turniej", "Kolonie", "Szkolenia", "Koncerty", "Wystawa"]


def _amount(value: float) -> str:
    whole, fraction = f"{value:.2f}".split(".")
    return f"{int(whole):,}".replace(",", " ") + "," + fraction


def _day(day: date, rng: random.Random) -> str:
    return day.isoformat() if rng.random() < 0.5 else f"{day.day}.{day.month:02d}.{day.year}"


def write_register(path: Path, rows: int, seed: int = 14) -> None:
    """A register of ``rows`` rows, the same for the same seed."""
    rng = random.Random(seed)
    organisations = [
        (f"{rng.choice(KINDS)} {rng.choice(NAMES)} {n}", f"{rng.randrange(1, 10**6):010d}")
        for n in range(3000)
    ]
    modes = [m for m, w in MODES for _ in range(w)]
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";", lineterminator="\r\n")
        writer.writerow(HEADER)
        for n in range(rows):
            year = rng.randrange(2021, 2026)
            mode = rng.choice(modes)
            name, krs = rng.choice(organisations)
            small = mode == "19a"
            requested = round(rng.uniform(2000, 10000 if small else 150000), 2)
            rejected = rng.random() < 0.15
            granted = 0.0 if rejected else round(requested * rng.uniform(0.6, 1.0), 2)
            settled = round(granted * rng.uniform(0.9, 1.0), 2)
            returned = round(granted - settled, 2)
            start = date(year, 1, 15) + timedelta(days=rng.randrange(0, 250))
            end = start + timedelta(days=rng.randrange(10, 85 if small else 200))
            signed = start - timedelta(days=rng.randrange(1, 30))
            writer.writerow(
                [
                    f"KS.524.{n + 1}.{year}",
                    year,
                    mode,
                    rng.choice(AREAS),
                    rng.choice(DEPARTMENTS),
                    name,
                    krs.lstrip("0") if rng.random() < 0.3 else krs,
                    f"{rng.choice(TASKS)} {rng.randrange(1, 500)}",
                    _amount(requested),
                    "" if rejected else _amount(granted),
                    "" if rejected else _amount(settled),
                    "" if rejected else _amount(returned),
                    "" if rejected else _day(signed, rng),
                    _day(start, rng),
                    _day(end, rng),
                ]
            )


def wsp_command() -> list[str]:
    found = shutil.which("wsp", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "wspolpraca_cli"]


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float, str]:
    """Wall seconds, CPU seconds (user + system: what a loaded machine inflates less), peak
    resident MiB and standard error of one run of ``cmd``."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"{' '.join(cmd)} exited {code}:\n{err}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, err.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args(argv)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(WSP_LANG="en", NO_COLOR="1")
    with tempfile.TemporaryDirectory(prefix="wsp-bench-grants-") as tmp:
        folder = Path(tmp)
        programme = folder / "program.yaml"
        programme.write_text(PROGRAMME, encoding="utf-8")
        register = folder / "rejestr.csv"
        started = time.perf_counter()
        write_register(register, args.rows)
        size = register.stat().st_size / 2**20
        print(f"register: {args.rows:,} rows, {size:.1f} MiB "
              f"(generated in {time.perf_counter() - started:.1f} s)")  # fmt: skip
        wsp = [*wsp_command(), "--program", str(programme), "--store", str(folder / "s.wsp.db")]
        timed([*wsp, "--help"], env)  # byte-compiles and warms the file cache
        first, first_cpu, first_mem, first_err = timed(
            [*wsp, "grants", "import", str(register)], env
        )
        again, again_cpu, again_mem, again_err = timed(
            [*wsp, "grants", "import", str(register)], env
        )
        load = os.getloadavg()[0]
    rate = args.rows / first
    goal = GOAL_SECONDS * args.rows / 100_000
    print(f"import into a new store:  {first:6.2f} s  (CPU {first_cpu:5.2f} s)  "
          f"{rate:9,.0f} rows/s  peak {first_mem:5.0f} MiB")  # fmt: skip
    print(f"   {first_err}")
    print(f"re-import (idempotent):   {again:6.2f} s  (CPU {again_cpu:5.2f} s)  "
          f"{args.rows / again:9,.0f} rows/s  peak {again_mem:5.0f} MiB")  # fmt: skip
    print(f"(load average {load:.1f} on {os.cpu_count()} CPUs while it ran)")
    print(f"   {again_err}")
    verdict = "met" if max(first_cpu, again_cpu) <= goal else "NOT met"
    print(f'goal "imports in seconds" (≤ {goal:.0f} s of CPU for {args.rows:,} rows): {verdict}')
    return 0 if verdict == "met" else 1


if __name__ == "__main__":
    sys.exit(main())

"""Shared set-up for the store tests: a small programme with every unit, and a CLI runner."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

TEST_PROGRAM = """\
format: 1
program:
  title: Program testowy
  issuer: Gmina Testowo
  first_year: 2021
  last_year: 2025
goals:
  main: {id: główny, name: Cel główny}
  specific:
    - {id: a, name: Cel a}
areas:
  - id: "1"
    name: Obszar pierwszy
    goals: [a]
    actions:
      - lp: "1"
        name: Warsztaty
        indicators:
          - id: "1.1"
            name: Liczba warsztatów
            unit: liczba
            target: 1/rok
            frequency: Raz w roku
            breakdowns:
              organizator:
                urząd: organizowane przez urząd
                NGO: organizowane przez organizacje pozarządowe
                wspólnie: współorganizowane
      - lp: "2"
        name: Konsultacje
        indicators:
          - id: pct
            name: Odsetek skonsultowanych
            unit: "%"
            target: 80% w 2025
            frequency: raz w roku
            bounds: {min: 0, max: 100}
          - id: yn
            name: Centrum działa
            unit: tak/nie
            target: tak w 2025
            frequency: jednorazowo
          - id: kw
            name: Kwota dotacji
            unit: zł
            target: 500 000/rok
            frequency: raz na kwartał
          - id: avg
            name: Średnia porad
            unit: wartość
            target: ≥ 10
            frequency: raz w miesiącu
            aggregation: mean
"""


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


class Wsp:
    """Runs ``wsp --program P --store S ARGS`` in-process through Typer's CliRunner."""

    def __init__(self, program: Path, store: Path) -> None:
        self.program = program
        self.store = store
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None, lang: str = "en") -> Run:
        from wspolpraca_cli.cli.app import app

        argv = ["--lang", lang, "--program", str(self.program), "--store", str(self.store)]
        result = self.runner.invoke(app, [*argv, *args], input=input)
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Run(result.exit_code, result.stdout, result.stderr)

    def record(self, *args: str) -> str:
        """Record and return the new entry's uid (asserting success)."""
        run = self("record", *args)
        assert run.exit_code == 0, run.stderr
        return run.stdout.strip()

"""Shared test set-up: every test runs with a clean environment and its own data directory.

One CLI runner (``Wsp``) and the fixtures built on it: ``wsp`` on a small programme with
every unit (``TEST_PROGRAM``), ``shipped_wsp`` on the shipped programme, and ``make_wsp`` for
a test's own programme."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

# wsp's help texts are built when its app is first imported, here at collection: in English,
# as the tests expect, whatever the machine's locale (under LANG=C wsp speaks Polish).
os.environ.setdefault("WSP_LANG", "en")

REPO = Path(__file__).resolve().parent.parent
SHIPPED_PROGRAM = REPO / "data" / "program.yaml"

# A small programme with every unit.
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


# Hypothesis profiles: "default" (local) runs fewer examples, "ci" hypothesis's own 100;
# WSP_TEST_PROFILE=ci (set by .ci/run) chooses the latter. Tests with their own
# @settings(max_examples=...) keep it in both.
settings.register_profile("default", max_examples=30)
settings.register_profile("ci", max_examples=100)
settings.load_profile(os.environ.get("WSP_TEST_PROFILE", "default"))


@pytest.fixture(autouse=True)
def _isolated_env(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """No WSP_* variables leak in, the user data dir is a temporary one, English by default
    (WSP_LANG=en: under the C locale wsp would speak the programme's language)."""
    for var in ("WSP_PROGRAM", "WSP_STORE", "WSP_LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("WSP_LANG", "en")  # else the shipped (Polish) programme's language
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg-data")))
    monkeypatch.setenv("WSP_CACHE_DIR", str(tmp_path_factory.mktemp("wsp-cache")))
    monkeypatch.setenv("NO_COLOR", "1")
    from wspolpraca_cli.i18n import set_language

    set_language("en")


@pytest.fixture
def shipped_program() -> Path:
    return SHIPPED_PROGRAM


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


class Wsp:
    """Runs ``wsp [--lang L] --program P --store S ARGS`` in-process through Typer's CliRunner.

    ``lang=None`` passes no ``--lang`` (the environment's language, English in the tests)."""

    def __init__(self, program: Path, store: Path, lang: str | None = "en") -> None:
        self.program = program
        self.store = store
        self.lang = lang
        self.runner = CliRunner()

    def using(self, program: Path) -> Wsp:
        """The same store and language with another programme."""
        return Wsp(program, self.store, self.lang)

    def __call__(
        self,
        *args: str,
        input: str | None = None,
        lang: str | None = None,
        env: dict[str, str] | None = None,
    ) -> Run:
        from wspolpraca_cli.cli.app import app

        lang = lang or self.lang
        argv = ["--lang", lang] if lang else []
        argv += ["--program", str(self.program), "--store", str(self.store)]
        result = self.runner.invoke(app, [*argv, *args], input=input, env=env)
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Run(result.exit_code, result.stdout, result.stderr)

    def record(self, *args: str) -> str:
        """Record and return the new entry's uid (asserting success)."""
        run = self("record", *args)
        assert run.exit_code == 0, run.stderr
        return run.stdout.strip()


MakeWsp = Callable[..., Wsp]


@pytest.fixture
def make_wsp(tmp_path: Path) -> MakeWsp:
    """``make_wsp(program, store="store.wsp.db", lang="en")``: a runner on ``program`` (a
    path, or a programme's text written to ``tmp_path/program.yaml``) and a store in
    ``tmp_path``."""

    def make(
        program: str | Path = TEST_PROGRAM, store: str = "store.wsp.db", lang: str | None = "en"
    ) -> Wsp:
        if isinstance(program, str):
            path = tmp_path / "program.yaml"
            path.write_text(program, encoding="utf-8")
            program = path
        return Wsp(program, tmp_path / store, lang)

    return make


@pytest.fixture
def wsp(make_wsp: MakeWsp) -> Wsp:
    """The runner on TEST_PROGRAM with a fresh store (``tmp_path/store.wsp.db``), in English."""
    return make_wsp()


@pytest.fixture
def shipped_wsp(make_wsp: MakeWsp) -> Wsp:
    """The runner on the shipped programme with a fresh store (``tmp_path/s.db``)."""
    return make_wsp(SHIPPED_PROGRAM, "s.db", lang=None)


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make `wsp` behave as if standard input were a terminal (prompts allowed)."""
    from wspolpraca_cli.cli import cmd_store

    monkeypatch.setattr(cmd_store, "_interactive", lambda: True)


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch) -> list[date]:
    """Fix the date `wsp record` takes as today (default 2024-03-10; set ``today[0]``)."""
    from wspolpraca_cli.cli import cmd_store

    day = [date(2024, 3, 10)]
    monkeypatch.setattr(cmd_store, "_today", lambda: day[0])
    return day

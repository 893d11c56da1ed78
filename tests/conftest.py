"""Shared test set-up: every test runs with a clean environment and its own data directory.

One CLI runner (``Wsp``) and the fixtures built on it: ``wsp`` on a small programme with
every unit (``TEST_PROGRAM``), ``shipped_wsp`` on the shipped programme, and ``make_wsp`` for
a test's own programme.

Store backends: a test that uses the ``backend`` fixture (every test of ``test_store_*.py``
does, through ``pytestmark``) runs once per backend, ``[sqlite]`` and ``[postgresql]``; its
``wsp`` / ``make_wsp`` / ``store_at`` stores are then SQLite files in ``tmp_path`` or fresh
PostgreSQL schemas. A test marked ``sqlite_only`` (it reads or damages the file itself) runs
for SQLite alone. The PostgreSQL server: ``WSP_TEST_PG`` (a URL), else a throwaway cluster
started for the session when the server binaries are installed (``tests/pgcluster.py``), else
the PostgreSQL runs are skipped, saying how to run them — unless ``WSP_REQUIRE_PG=1`` (CI),
which makes a missing server a failure."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
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


BACKENDS = ("sqlite", "postgresql")
PG_HOWTO = (
    "PostgreSQL store tests skipped: no server (install Debian's postgresql package, or set "
    "WSP_TEST_PG=postgresql://user:password@host:port/db; .ci/run does it)"
)


def _howto() -> str:
    why = os.environ.get("WSP_TEST_PG_WHY")
    return f"{PG_HOWTO}; {why}" if why else PG_HOWTO


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only(reason): a store test that needs the SQLite file itself"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test using ``backend`` runs against each backend (SQLite alone when marked
    ``sqlite_only``)."""
    if "backend" in metafunc.fixturenames:
        only = metafunc.definition.get_closest_marker("sqlite_only")
        metafunc.parametrize("backend", ["sqlite"] if only else list(BACKENDS), indirect=True)


@dataclass
class PgServer:
    """The test session's PostgreSQL server: a database of its own (``url``) in which each
    test gets a fresh schema."""

    url: str
    """The session's database, without a password (it is in PGPASSWORD)."""
    admin: object
    """A psycopg connection (autocommit) to that database."""
    count: int = 0

    def fresh(self, label: str = "t") -> str:
        """A new empty schema and the URL that puts it first on the search path."""
        import re
        import uuid

        self.count += 1
        name = f"{re.sub(r'[^a-z0-9]', '_', label.lower())[:20]}_{uuid.uuid4().hex[:8]}"
        self.admin.execute(f'CREATE SCHEMA "{name}"')  # type: ignore[attr-defined]
        return f"{self.url}?options=-csearch_path%3D{name}"

    def drop(self, url: str) -> None:
        name = url.rsplit("%3D", 1)[-1]
        try:
            self.admin.execute("SET lock_timeout = 2000")  # type: ignore[attr-defined]
            self.admin.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')  # type: ignore[attr-defined]
        except Exception:  # a connection a test left open: the session's database goes anyway
            pass


def _required() -> bool:
    return os.environ.get("WSP_REQUIRE_PG") == "1"


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer | None]:
    """The session's PostgreSQL (see the module's docstring), None when there is none."""
    import tempfile
    import uuid

    from tests import pgcluster

    given = os.environ.get("WSP_TEST_PG", "").strip()
    folder = None
    if not given and pgcluster.binaries() is not None:
        folder = Path(tempfile.mkdtemp(prefix="wsp-pg-"))  # in /tmp: the server's user reads it
        try:
            given = pgcluster.start(folder)
        except Exception as exc:
            pgcluster.stop(folder)
            if _required():
                pytest.fail(f"cannot start PostgreSQL for the tests: {exc}")
            folder, given = None, ""
            os.environ["WSP_TEST_PG_WHY"] = f"the server binaries are there but: {exc}"
    if not given:
        if _required():
            pytest.fail("WSP_REQUIRE_PG=1 but no PostgreSQL server (set WSP_TEST_PG)")
        yield None
        return
    import psycopg
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    params = conninfo_to_dict(given)
    password = params.pop("password", None)
    if password:
        os.environ["PGPASSWORD"] = str(password)
    base = psycopg.connect(make_conninfo(**params), autocommit=True)  # type: ignore[arg-type]
    name = f"wsp_tests_{uuid.uuid4().hex[:10]}"
    base.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
    host, port, user = params.get("host", "localhost"), params.get("port", "5432"), params["user"]
    url = f"postgresql://{user}@{host}:{port}/{name}"
    admin = psycopg.connect(url, autocommit=True)
    try:
        yield PgServer(url, admin)
    finally:
        admin.close()
        base.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        base.close()
        if folder is not None:
            pgcluster.stop(folder)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """The store backend of this run of the test (parametrised: see pytest_generate_tests)."""
    name: str = request.param
    if name == "postgresql" and request.getfixturevalue("pg_server") is None:
        pytest.skip(_howto())
    return name


@pytest.fixture
def pg(pg_server: PgServer | None) -> PgServer:
    """The PostgreSQL server, for PostgreSQL-only tests (skipped without one, as above)."""
    if pg_server is None:
        pytest.skip(_howto())
    return pg_server


StoreAt = Callable[..., "Path | str"]


@pytest.fixture
def store_at(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[StoreAt]:
    """``store_at(name)``: where the store ``name`` of this test is — ``tmp_path / name``
    for SQLite, a fresh PostgreSQL schema (the same one for the same name) for PostgreSQL."""
    callspec = getattr(request.node, "callspec", None)
    kind = callspec.params.get("backend", "sqlite") if callspec is not None else "sqlite"
    made: dict[str, str] = {}
    server: PgServer | None = None
    if kind == "postgresql":
        request.getfixturevalue("backend")  # skips when there is no server
        server = request.getfixturevalue("pg_server")

    def at(name: str = "store.wsp.db") -> Path | str:
        if server is None:
            return tmp_path / name
        if name not in made:
            made[name] = server.fresh(name)
        return made[name]

    yield at
    if server is not None:
        for url in made.values():
            server.drop(url)


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

    def __init__(self, program: Path, store: Path | str, lang: str | None = "en") -> None:
        self.program = program
        self.store = store
        self.lang = lang
        self.runner = CliRunner()

    def store_exists(self) -> bool:
        """Whether the store has been created (the file, or wsp's tables in the schema)."""
        if isinstance(self.store, Path):
            return self.store.exists()
        import psycopg

        with psycopg.connect(self.store) as conn:
            return conn.execute("SELECT to_regclass('wsp_meta')").fetchone() != (None,)

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
def make_wsp(tmp_path: Path, store_at: StoreAt) -> MakeWsp:
    """``make_wsp(program, store="store.wsp.db", lang="en")``: a runner on ``program`` (a
    path, or a programme's text written to ``tmp_path/program.yaml``) and the store
    ``store_at(store)`` (a file in ``tmp_path``, or a PostgreSQL schema)."""

    def make(
        program: str | Path = TEST_PROGRAM, store: str = "store.wsp.db", lang: str | None = "en"
    ) -> Wsp:
        if isinstance(program, str):
            path = tmp_path / "program.yaml"
            path.write_text(program, encoding="utf-8")
            program = path
        return Wsp(program, store_at(store), lang)

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

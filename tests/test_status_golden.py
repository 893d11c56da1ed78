"""Golden files of ``wsp status``: the piped table, csv and Markdown, in Polish and English.

Regenerate after an intended change with ``WSP_UPDATE_GOLDEN=1 pytest tests/test_status_golden.py``
and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wspolpraca_cli.cli.app import app
from wspolpraca_cli.entries import Entry
from wspolpraca_cli.store import open_store

GOLDEN = Path(__file__).resolve().parent / "golden"
runner = CliRunner()

PROGRAM = """\
format: 1
program:
  title: Roczny program współpracy Gminy Przykładowo z organizacjami pozarządowymi
  issuer: Rada Gminy Przykładowo
  first_year: 2023
  last_year: 2025
goals:
  main: {id: główny, name: Wzmacnianie współpracy}
  specific:
    - {id: a, name: Zwiększenie udziału organizacji w realizacji zadań publicznych}
    - {id: b, name: Wzmacnianie potencjału organizacji}
areas:
  - id: "1"
    name: Współpraca finansowa
    actions:
      - lp: "1"
        name: Otwarte konkursy ofert
        goals: [a]
        indicators:
          - id: "1.1"
            name: Liczba ogłoszonych konkursów
            unit: liczba
            target: 2/rok
            frequency: Raz w roku
          - id: "1.1.kwota"
            name: Kwota dotacji przekazanych organizacjom
            unit: zł
            target: brak
            frequency: raz na kwartał
      - lp: "2"
        name: Zlecanie zadań w trybie pozakonkursowym
        goals: [a]
        indicators:
          - name: Udział zadań zleconych poza konkursem
            unit: "%"
            target: ≤ 20%
            frequency: raz w roku
  - id: "2"
    name: Współpraca pozafinansowa
    actions:
      - lp: "1"
        name: Konsultacje projektów aktów prawa miejscowego
        goals: [b]
        indicators:
          - name: Odsetek projektów uchwał skonsultowanych
            unit: "%"
            target: 80% w 2025
            frequency: raz w roku
            baseline: {value: 60, year: 2022}
      - lp: "2"
        name: Przyjęcie zasad wspierania wolontariatu
        goals: [b]
        indicators:
          - name: Zasady przyjęte uchwałą
            unit: tak/nie
            target: tak
            frequency: jednorazowo
"""

ENTRIES = [
    ("1.1", "2023", 2.0),
    ("1.1", "2024", 1.0),
    ("1.1.kwota", "2024-Q1", 1_250_000.5),
    ("1.1.kwota", "2024-Q2", 980_000.0),
    ("1.2", "2023", 15.0),
    ("1.2", "2024", 25.0),
    ("2.1", "2023", 65.0),
    ("2.1", "2024", 72.5),
    ("2.2", "2023-2025", 1.0),
]


@pytest.fixture
def setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.setenv("WSP_CACHE_DIR", str(tmp_path / "cache"))
    program = tmp_path / "program.yaml"
    program.write_text(PROGRAM, encoding="utf-8")
    store = tmp_path / "program.wsp.db"
    with open_store(store) as opened:
        opened.add_many([Entry("", i, p, v) for i, p, v in ENTRIES])
    return program, store


CASES = [
    (lang, fmt, view)
    for lang in ("pl", "en")
    for fmt in ("table", "csv", "md")
    for view in ("default", "2024")
]


@pytest.mark.parametrize(("lang", "fmt", "view"), CASES)
def test_golden(setup: tuple[Path, Path], lang: str, fmt: str, view: str) -> None:
    program, store = setup
    args = ["--lang", lang, "--program", str(program), "--store", str(store), "status"]
    args += ["--as-of", "2025-04-01", "--format", fmt]
    if view != "default":
        args += ["--year", view]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    out = result.stdout.replace(str(store), "<store>").replace(str(program), "<program>")
    suffix = {"table": "txt", "csv": "csv", "md": "md"}[fmt]
    golden = GOLDEN / f"status_{fmt}_{view}_{lang}.{suffix}"
    if os.environ.get("WSP_UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(out, encoding="utf-8")
    assert golden.is_file(), f"missing {golden}; run with WSP_UPDATE_GOLDEN=1"
    assert out == golden.read_text(encoding="utf-8")

"""``wsp report`` md and csv against golden files, in Polish and English.

The generation date is fixed through ``WSP_REPORT_DATE``. To regenerate after an intended
change: ``WSP_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_report_golden.py`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.conftest import REPO, SHIPPED_PROGRAM
from wspolpraca_cli.cli.app import app
from wspolpraca_cli.entries import Entry
from wspolpraca_cli.store import open_store

runner = CliRunner()
GOLDEN = Path(__file__).parent / "golden"
EXAMPLE = REPO / "examples" / "przyklad-pelny.yaml"


def seed_store(path: Path) -> Path:
    """The seed programme's 1.1 with a few entries: 2024 achieved with notes, 2023 missed."""
    with open_store(path) as opened:
        opened.add(
            Entry(
                "",
                "1.1",
                "2024",
                2,
                note="warsztaty w Toruniu i Bydgoszczy",
                source="lista obecności",
                tags=(("organizator", "NGO"),),
            )
        )
        opened.add(
            Entry(
                "",
                "1.1",
                "2024",
                1,
                note="szkolenie <online> | konsultacje & *prawo*",
                source="https://example.org/relacja?id=1&x=2",
                tags=(("organizator", "urząd"),),
            )
        )
        opened.add(Entry("", "1.1", "2023", 0, note="brak środków"))
    return path


def example_store(path: Path) -> Path:
    """The fuller illustrative programme: sub-yearly periods, totals, levels, ceilings."""
    with open_store(path) as opened:
        for ind, period, value, note in [
            ("1.1.1", "2024-Q1", 1, "konkurs: kultura"),
            ("1.1.1", "2024-Q3", 1, ""),
            ("1.1.kwota", "2024", 480000, "uchwała budżetowa"),
            ("1.2", "2024-H1", 4, ""),
            ("2.1.1", "2024", 60, ""),
            ("2.1.odrzucone", "2024", 25, ""),
            ("2.3.1", "2024-01", 12, ""),
            ("2.3.1", "2024-02", 8, ""),
            ("2.4", "2024-Q1", 1, ""),
        ]:
            opened.add(Entry("", ind, period, value, note=note))
    return path


def report(program: Path, store: Path, *args: str) -> Any:
    return runner.invoke(
        app,
        ["--program", str(program), "--store", str(store), *args],
        env={"WSP_REPORT_DATE": "2025-05-20"},
    )


def compare(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("WSP_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8", newline="")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs"


@pytest.mark.parametrize("lang", ["pl", "en"])
@pytest.mark.parametrize("fmt", ["md", "csv"])
def test_seed_report_golden(tmp_path: Path, lang: str, fmt: str) -> None:
    store = seed_store(tmp_path / "s.db")
    result = report(SHIPPED_PROGRAM, store, "--lang", lang, "report", "--year", "2024", "-f", fmt)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    compare(f"report_seed_2024_{lang}.{fmt}", result.stdout)


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_example_report_golden(tmp_path: Path, lang: str) -> None:
    store = example_store(tmp_path / "s.db")
    result = report(
        EXAMPLE, store, "report", "--year", "2024", "--as-of", "2025-06-10", "--lang", lang
    )
    assert result.exit_code == 0, result.stderr
    compare(f"report_example_2024_{lang}.md", result.stdout)


def test_polish_numbers_and_dates_in_the_report(tmp_path: Path) -> None:
    store = example_store(tmp_path / "s.db")
    result = report(
        EXAMPLE, store, "--lang", "pl", "report", "--year", "2024", "--as-of", "2025-06-10"
    )
    assert "480\u00a0000" in result.stdout  # a non-breaking space groups thousands
    assert "**Data sporządzenia:** 20 maja 2025" in result.stdout
    assert "**Stan danych na:** 10 czerwca 2025" in result.stdout
    csv_text = report(
        EXAMPLE, store, "--lang", "pl", "report", "--year", "2024", "--format", "csv"
    ).stdout
    assert csv_text.splitlines()[0].startswith("\ufeffObszar;L.p.;Nazwa działania;")


def test_the_report_date_is_today_without_the_variable(tmp_path: Path) -> None:
    from datetime import date

    from wspolpraca_cli.numfmt import format_date

    result = runner.invoke(
        app,
        ["--program", str(SHIPPED_PROGRAM), "--store", str(tmp_path / "s.db"), "report"],
        env={"WSP_REPORT_DATE": ""},
    )
    today = date.today()
    if not 2021 <= today.year - 1 <= 2025:  # the default year is outside the programme
        assert result.exit_code == 2
        assert "give --year" in result.stderr
        return
    assert result.exit_code == 0, result.stderr
    assert format_date(today, "en") in result.stdout


@pytest.mark.parametrize("lang", ["pl", "en"])
@pytest.mark.parametrize("fmt", ["md", "csv"])
def test_seed_evaluation_golden(tmp_path: Path, lang: str, fmt: str) -> None:
    """The multi-year evaluation of the whole programme: a column per year, the total, the
    target over the programme and the degree of achievement."""
    store = seed_store(tmp_path / "s.db")
    result = report(
        SHIPPED_PROGRAM, store, "--lang", lang, "report", "--years", "2021-2025", "-f", fmt
    )
    assert result.exit_code == 0, result.stderr
    compare(f"report_seed_2021-2025_{lang}.{fmt}", result.stdout)


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_example_evaluation_golden(tmp_path: Path, lang: str) -> None:
    """A part of the programme's years, with quarterly, monthly and once-only indicators."""
    store = example_store(tmp_path / "s.db")
    result = report(
        EXAMPLE, store, "--lang", lang, "report", "--years", "2024-2025", "--as-of", "2025-06-10"
    )
    assert result.exit_code == 0, result.stderr
    compare(f"report_example_2024-2025_{lang}.md", result.stdout)

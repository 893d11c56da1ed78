"""Click's own texts (help frames, usage errors) follow the chosen language."""

from __future__ import annotations

import os
import subprocess
import sys

from typer.testing import CliRunner

from wspolpraca_cli.cli.app import app

runner = CliRunner()


def test_usage_error_in_polish() -> None:
    result = runner.invoke(app, ["--lang", "pl", "status", "--format", "xml"])
    assert result.exit_code == 2
    assert result.stderr == (
        "Użycie: wsp status [OPCJE]\n"
        "Pomoc: wsp status -h\n\n"
        "wsp: błąd: niepoprawna wartość parametru '--format' / '-f': 'xml' nie należy do "
        "dozwolonych wartości: 'table', 'json', 'csv', 'md'.\n"
    )


def test_unknown_option_in_polish_keeps_the_suggestion() -> None:
    result = runner.invoke(app, ["--lang", "pl", "record", "1.1", "1", "--yeer", "2024"])
    assert result.exit_code == 2
    assert "wsp: błąd: nie ma opcji --yeer (możliwe opcje: --by, --year, --yes)" in result.stderr


def test_unknown_command_in_polish() -> None:
    # The command name is resolved before the global options are applied; the console script
    # reads --lang from argv at start-up, which set_language stands in for here.
    from wspolpraca_cli.i18n import set_language

    set_language("pl")
    result = runner.invoke(app, ["--lang", "pl", "stauts"])
    assert result.exit_code == 2
    assert "wsp: błąd: nie ma polecenia 'stauts'. Czy chodziło o 'status'?" in result.stderr


def test_usage_error_stays_english_in_english() -> None:
    result = runner.invoke(app, ["status", "--format", "xml"])
    assert result.stderr.startswith("Usage: wsp status [OPTIONS]\nTry 'wsp status -h' for help.")


def _console(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wspolpraca_cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ},
        timeout=60,
    )


def test_command_help_in_polish() -> None:
    """Help texts are chosen at start-up from --lang in argv (or WSP_LANG, the locale)."""
    done = _console("--lang", "pl", "record", "--help")
    assert done.returncode == 0
    assert done.stdout.startswith("Użycie: wsp record [OPCJE] [ID] [WARTOŚĆ]\n")
    assert "\nArgumenty:\n" in done.stdout and "\nOpcje:\n" in done.stdout
    assert "Pokaż tę pomoc i zakończ." in done.stdout
    assert "Przykłady:\n    wsp record" in done.stdout
    assert "Zapisz pomiar wskaźnika" in done.stdout


def test_top_level_help_in_polish_through_the_console_script() -> None:
    done = _console("--lang", "pl", "--help")
    assert done.returncode == 0
    assert done.stdout.startswith("Użycie: wsp [OPCJE] POLECENIE [ARGUMENTY]...")
    words = " ".join(done.stdout.split())  # translated before wrapping: one may fall on two lines
    assert words.count("[zmienna środowiskowa: WSP_") == 3  # --program, --store, --lang
    assert "env var" not in done.stdout
    assert "\nPolecenia:\n" in done.stdout


def test_placeholders_in_polish_help_keep_the_columns() -> None:
    done = _console("--lang", "pl", "record", "--help")
    assert done.stdout.startswith("Użycie: wsp record [OPCJE] [ID] [WARTOŚĆ]\n")
    lines = done.stdout.splitlines()
    year = next(line for line in lines if line.startswith("  -y, --year <liczba>"))
    tag = next(line for line in lines if line.startswith("  -t, --tag KLUCZ=WARTOŚĆ"))
    assert year.index("Rok") == tag.index("Podział")  # one column for every description
    english = _console("--lang", "en", "record", "--help")
    assert "--year <int>" in english.stdout and "[ID] [VALUE]" in english.stdout

"""Help screens and the wording around them: placeholders, summaries, one error prefix, one
language rule for help and output."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from tests.conftest import SHIPPED_PROGRAM, Wsp
from wspolpraca_cli.cli.app import app

runner = CliRunner()

COMMANDS = [
    "validate", "list", "show", "init", "record", "history", "correct", "void",
    "export", "import", "status", "check", "report", "lock", "unlock", "explain", "store",
    "grants",
]  # fmt: skip


def _console(*args: str, **environ: str) -> subprocess.CompletedProcess[str]:
    """``python -m wspolpraca_cli ARGS`` at 80 columns (help texts are built at start-up in
    the language of the command line, which an in-process runner cannot change)."""
    env = {**os.environ, "COLUMNS": "80", "WSP_PROGRAM": str(SHIPPED_PROGRAM), **environ}
    for name in [name for name, value in environ.items() if value == ""]:
        del env[name]
    return subprocess.run(
        [sys.executable, "-m", "wspolpraca_cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_polish_help_names_environment_variables_in_polish_within_80_columns() -> None:
    done = _console("--lang", "pl", "--help")
    assert "env var" not in done.stdout
    words = " ".join(done.stdout.split())
    for var in ("WSP_PROGRAM", "WSP_STORE", "WSP_LANG"):
        assert f"[zmienna środowiskowa: {var}]" in words
    assert max(len(line) for line in done.stdout.splitlines()) <= 80


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "Missing argument 'ENTRY'."), ("pl", "brak argumentu 'WPIS'.")],
)
def test_a_missing_argument_is_named_as_on_the_usage_line(lang: str, expected: str) -> None:
    result = runner.invoke(app, ["--lang", lang, "void"])
    assert result.exit_code == 2
    usage = result.stderr.splitlines()[0]
    assert usage.endswith(" WPIS" if lang == "pl" else " ENTRY")
    assert expected in result.stderr


@pytest.mark.parametrize(
    ("command", "english", "polish"),
    [
        ("validate", "[FILE]", "[PLIK]"),
        ("init", "[FILE]", "[PLIK]"),
        ("show", "ID", "ID"),
        ("record", "[ID] [VALUE]", "[ID] [WARTOŚĆ]"),
        ("history", "[ID]", "[ID]"),
        ("correct", "ENTRY VALUE", "WPIS WARTOŚĆ"),
        ("void", "ENTRY", "WPIS"),
        ("import", "FILE", "PLIK"),
    ],
)
def test_usage_lines_name_arguments_alike_in_both_languages(
    command: str, english: str, polish: str
) -> None:
    """Upper case, translated, in brackets when optional: no ``[file]`` or ``{ID}``."""
    result = runner.invoke(app, [command, "--help"])
    assert result.stdout.splitlines()[0] == f"Usage: wsp {command} [OPTIONS] {english}"
    done = _console("--lang", "pl", command, "--help")
    assert done.stdout.splitlines()[0] == f"Użycie: wsp {command} [OPCJE] {polish}"


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_the_command_list_cuts_no_summary(lang: str) -> None:
    done = _console("--lang", lang, "--help")
    section = done.stdout.split("Commands:\n" if lang == "en" else "Polecenia:\n")[1]
    listed = section.split("\n\n")[0].splitlines()
    assert [line.split()[0] for line in listed] == COMMANDS
    assert not [line for line in listed if "..." in line or "…" in line]


def test_record_takes_y_for_the_year_as_status_check_and_report_do(wsp: Wsp) -> None:
    assert wsp("record", "1.1", "2", "-y", "2024").exit_code == 0
    shown = wsp("status", "-y", "2024", "--format", "json")
    assert '"actual": 2' in shown.stdout
    for command in ("record", "status", "check", "report"):
        assert "-y, --year" in runner.invoke(app, [command, "--help"]).stdout


@pytest.mark.parametrize("command", ["record", "correct"])
def test_the_date_placeholder_is_the_date_format(command: str) -> None:
    assert "-d, --date YYYY-MM-DD" in runner.invoke(app, [command, "--help"]).stdout
    polish = _console("--lang", "pl", command, "--help").stdout
    assert "-d, --date RRRR-MM-DD" in polish and "<tekst>" not in polish.split("--date")[1][:20]


@pytest.mark.parametrize(("lang", "prefix"), [("en", "wsp: error: "), ("pl", "wsp: błąd: ")])
def test_one_error_prefix_for_usage_errors_and_wsps_own(wsp: Wsp, lang: str, prefix: str) -> None:
    usage = wsp("status", "--format", "xml", lang=lang)
    own = wsp("show", "nope", lang=lang)
    assert usage.exit_code == own.exit_code == 2
    assert usage.stderr.splitlines()[-1].startswith(prefix)  # after the usage and the hint
    assert own.stderr.startswith(prefix)
    for text in (usage.stderr, own.stderr):
        assert not re.search(r"(?m)^(Error|Błąd): ", text)


@pytest.mark.parametrize("locale", ["C.UTF-8", "C", "POSIX"])
def test_without_a_language_in_the_locale_help_and_output_agree(locale: str) -> None:
    """One rule: --lang, WSP_LANG, a locale naming a language, else the programme's own
    (Polish, also for help, which is printed before a programme is read)."""
    environ = {"WSP_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": "", "LANG": locale}
    helped = _console("status", "--help", **environ)
    assert helped.stdout.startswith("Użycie: wsp status [OPCJE]")
    assert "Plik wyjściowy" in helped.stdout  # option help too, not only the frame
    shown = _console("show", "1.1", **environ)
    assert shown.stdout.startswith("Wskaźnik 1.1")
    wrong = _console("status", "--format", "xml", **environ)
    assert "wsp: błąd: niepoprawna wartość" in wrong.stderr
    english = _console("status", "--help", **{**environ, "LANG": "en_GB.UTF-8"})
    assert english.stdout.startswith("Usage: wsp status [OPTIONS]")


def test_a_dry_run_says_so_in_polish(wsp: Wsp) -> None:
    run = wsp("record", "1.1", "2", "--year", "2024", "--dry-run", lang="pl")
    assert run.exit_code == 0
    assert run.stderr.startswith("Tryb próbny — nic nie zapisano: 1.1 = 2 za 2024;")

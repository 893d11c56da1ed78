"""The programme commands through the real CLI: validate, list, show, init, global options."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import REPO, SHIPPED_PROGRAM
from wspolpraca_cli import __version__
from wspolpraca_cli.cli.app import app

runner = CliRunner()

BAD = """\
format: 1
program:
  title: T
  tilte: T
  issuer: I
  issuer: J
  first_year: 2021
  last_year: 2025
goals:
  main: {id: g, name: G}
"""


def write(tmp_path: Path, text: str, name: str = "p.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"wsp {__version__}"


def test_help_lists_commands_and_exit_codes() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("validate", "list", "show", "init"):
        assert command in result.stdout
    assert "70 internal error in wsp; 130 interrupted" in " ".join(result.stdout.split())


def test_every_command_has_help_with_examples_and_is_in_readme() -> None:
    import typer.main

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    group = typer.main.get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert command.help, name
        assert "Examples:" in (command.callback.__doc__ or ""), name
        assert f"wsp {name}" in readme, f"`wsp {name}` is missing from README.md"
        shown = runner.invoke(app, [name, "--help"])
        assert shown.exit_code == 0, name
        assert "Examples:\n    wsp " in shown.stdout, name


def test_validate_shipped_programme_from_any_folder(tmp_path: Path) -> None:
    os.chdir(tmp_path)
    try:
        result = runner.invoke(app, ["validate"])
    finally:
        os.chdir(REPO)
    assert result.exit_code == 0, result.stderr
    assert "valid — 3 specific goals, 1 action, 1 indicator" in result.stdout


def test_validate_in_polish() -> None:
    result = runner.invoke(app, ["--lang", "pl", "validate", str(SHIPPED_PROGRAM)])
    assert result.exit_code == 0
    assert "poprawny — 3 cele szczegółowe, 1 działanie, 1 wskaźnik" in result.stdout


def test_validate_reports_every_error_located(tmp_path: Path) -> None:
    path = write(tmp_path, BAD)
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = [line for line in result.stderr.splitlines() if not line.startswith("    ")]
    assert lines == [
        f"{path}:4:3: unknown key 'tilte' [program.tilte]",
        f"{path}:6:3: duplicate key 'issuer' (first given on line 5) [program.issuer]",
        f"{path}: 2 errors in the programme file",
    ]
    assert "Traceback" not in result.stderr


def test_validate_unknown_key(tmp_path: Path) -> None:
    path = write(tmp_path, BAD.replace("  issuer: J\n", ""))
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert f"{path}:4:3: unknown key 'tilte' [program.tilte]" in result.stderr
    assert "hint: did you mean 'title'?" in result.stderr


def test_validate_yaml_syntax_error(tmp_path: Path) -> None:
    path = write(
        tmp_path, BAD.replace("  issuer: J\n", "").replace("  tilte: T\n", "") + "areas: [\n"
    )
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:10:1: YAML syntax error:")
    assert "Traceback" not in result.stderr


def test_validate_missing_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"wsp: error: Programme file not found: {tmp_path}/nope.yaml")
    assert "wsp init" in result.stderr


def test_validate_a_folder(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 2
    assert f"{tmp_path}:1:1: this is a folder, not a file" in result.stderr


def test_program_option_and_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from wspolpraca_cli.starter import STARTER_PROGRAM

    path = write(tmp_path, STARTER_PROGRAM)
    result = runner.invoke(app, ["--program", str(path), "list"])
    assert result.exit_code == 0
    assert "Gminy Przykładowo" in result.stdout
    monkeypatch.setenv("WSP_PROGRAM", str(path))
    result = runner.invoke(app, ["list"])
    assert "Gminy Przykładowo" in result.stdout


def test_program_from_current_folder(tmp_path: Path) -> None:
    from wspolpraca_cli.starter import STARTER_PROGRAM

    write(tmp_path, STARTER_PROGRAM, "program.yaml")
    os.chdir(tmp_path)
    try:
        result = runner.invoke(app, ["list"])
    finally:
        os.chdir(REPO)
    assert "Gminy Przykładowo" in result.stdout


def test_invalid_program_option_fails_every_command(tmp_path: Path) -> None:
    path = write(tmp_path, BAD)
    result = runner.invoke(app, ["--program", str(path), "list"])
    assert result.exit_code == 2
    assert "duplicate key 'issuer'" in result.stderr


def test_list_plain_when_piped() -> None:
    result = runner.invoke(app, ["list"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Wieloletni program współpracy samorządu województwa")
    assert "    1.1  Liczba warsztatów — target value: 1/rok; Raz w roku" in lines
    assert "\x1b[" not in result.stdout


def test_list_json() -> None:
    result = runner.invoke(app, ["list", "--format", "json"])
    data = json.loads(result.stdout)
    assert data["schema"] == 1
    assert data["first_year"] == 2021 and data["last_year"] == 2025
    assert [g["id"] for g in data["specific_goals"]] == ["a", "b", "c"]
    ind = data["areas"][0]["actions"][0]["indicators"][0]
    assert ind["id"] == "1.1"
    assert ind["target"] == {
        "text": "1/rok", "kind": "per_period", "value": 1.0, "target_max": None,
        "per": "yearly", "year": None, "by_year": {}, "percent": False, "descending": False,
    }  # fmt: skip


def test_list_bad_format() -> None:
    result = runner.invoke(app, ["list", "--format", "xml"])
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.stderr


def test_show_indicator() -> None:
    result = runner.invoke(app, ["show", "1.1"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Indicator 1.1: Liczba warsztatów\n")
    assert "  Target value: 1/rok" in result.stdout
    assert "  Measurement frequency: Raz w roku (yearly)" in result.stdout


def test_show_indicator_in_polish() -> None:
    result = runner.invoke(app, ["--lang", "pl", "show", "1.1"])
    assert result.stdout.startswith("Wskaźnik 1.1: Liczba warsztatów\n")
    assert "  Częstotliwość pomiaru: Raz w roku" in result.stdout


def test_show_goal_lists_its_actions() -> None:
    result = runner.invoke(app, ["show", "a"])
    assert result.exit_code == 0
    assert result.stdout.startswith("Specific goal a) zwiększenie wpływu sektora pozarządowego")
    assert "  1.1 warsztaty i szkolenia" in result.stdout


def test_show_area_and_main_goal() -> None:
    assert runner.invoke(app, ["show", "1"]).stdout.startswith("Area 1) zwiększenie wpływu")
    assert runner.invoke(app, ["show", "główny"]).stdout.startswith("Main goal: Ugruntowanie")


def test_show_json() -> None:
    data = json.loads(runner.invoke(app, ["show", "1.1", "--format", "json"]).stdout)
    assert data["type"] == "indicator" and data["name"] == "Liczba warsztatów"
    assert data["breakdowns"] == {"organizator": ["urząd", "NGO", "wspólnie"]}


def test_show_unknown_id_suggests() -> None:
    result = runner.invoke(app, ["show", "1.2"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == "wsp: error: No id '1.2' in the programme."
    assert "Did you mean: 1.1, 1?" in result.stderr


def test_init_writes_a_valid_starter(tmp_path: Path) -> None:
    target = tmp_path / "gmina.yaml"
    result = runner.invoke(app, ["init", str(target)])
    assert result.exit_code == 0
    assert f"Wrote {target}." in result.stderr
    check = runner.invoke(app, ["validate", str(target)])
    assert check.exit_code == 0, check.stderr
    assert "valid — 2 specific goals, 2 actions, 3 indicators" in check.stdout


def test_init_refuses_to_overwrite(tmp_path: Path) -> None:
    target = write(tmp_path, "keep me\n", "program.yaml")
    result = runner.invoke(app, ["init", str(target)])
    assert result.exit_code == 2
    assert (
        result.stderr == f"wsp: error: The file {target} already exists.\n"
        "  hint: add --force to overwrite it, or choose another name\n"
    )
    assert target.read_text(encoding="utf-8") == "keep me\n"
    assert runner.invoke(app, ["init", str(target), "--force"]).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# Programme file of wsp")


def test_bad_lang_is_a_usage_error() -> None:
    result = runner.invoke(app, ["--lang", "de", "list"])
    assert result.exit_code == 2
    assert "Invalid value for --lang" in result.stderr


def test_unknown_command_is_a_usage_error() -> None:
    result = runner.invoke(app, ["frobnicate"])
    assert result.exit_code == 2
    assert "No such command 'frobnicate'" in result.stderr


def test_exit_codes_enum_documented_in_readme() -> None:
    from wspolpraca_cli.exitcodes import ExitCode

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for code in ExitCode:
        assert f"| {int(code)} |" in readme, code


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wspolpraca_cli", *args],
        capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=60,
    )  # fmt: skip


def test_help_imports_no_heavy_modules() -> None:
    code = (
        "import sys; sys.argv = ['wsp', '--help']\n"
        "from wspolpraca_cli.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('pydantic', 'yaml', 'tabulate', 'rich', 'sqlite3', 'openpyxl')"
        " if m in sys.modules]\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert "HEAVY []" in result.stderr, result.stderr


@pytest.mark.slow
def test_end_to_end_validate_subprocess(tmp_path: Path) -> None:
    path = write(tmp_path, BAD)
    result = _run("validate", str(path))
    assert result.returncode == 2
    assert "duplicate key 'issuer'" in result.stderr
    assert "Traceback" not in result.stderr
    ok = _run("validate")
    assert ok.returncode == 0, ok.stderr


def test_debug_shows_traceback(tmp_path: Path) -> None:
    result = _run("--debug", "show", "nope", env={"WSP_PROGRAM": str(SHIPPED_PROGRAM)})
    assert result.returncode != 0
    assert "Traceback" in result.stderr


@pytest.mark.parametrize(
    ("argv", "name"),
    [
        (["status"], "status"),
        (["--program", "x.yaml", "--lang", "pl", "record", "1.1", "2"], "record"),
        (["-p", "status", "list"], "list"),
        (["--debug", "--store=s.db", "check"], "check"),
        (["--help"], None),
        ([], None),
    ],
)
def test_invoked_command(argv: list[str], name: str | None) -> None:
    from wspolpraca_cli.cli.app import invoked_command

    assert invoked_command(argv) == name


@pytest.mark.slow
def test_console_script_still_lists_every_command_and_suggests() -> None:
    listing = _run("--help")
    assert "validate" in listing.stdout and "status" in listing.stdout
    typo = _run("stauts")
    assert typo.returncode == 2
    assert "No such command 'stauts'" in typo.stderr
    one = _run("--program", str(SHIPPED_PROGRAM), "validate", "--help")
    assert one.returncode == 0 and "Examples:" in one.stdout


@pytest.mark.parametrize(
    ("count", "pl", "en"),
    [(1, "1 błąd", "1 error"), (2, "2 błędy", "2 errors"), (5, "5 błędów", "5 errors"),
     (12, "12 błędów", "12 errors"), (22, "22 błędy", "22 errors"), (0, "0 błędów", "0 errors")],
)  # fmt: skip
def test_plural_forms(count: int, pl: str, en: str) -> None:
    from wspolpraca_cli.i18n import plural, set_language

    set_language("pl")
    assert plural(count, "noun.error") == pl
    set_language("en")
    assert plural(count, "noun.error") == en


def test_error_count_in_polish(tmp_path: Path) -> None:
    path = write(tmp_path, BAD.replace("  issuer: J\n", "") + "x: 1\n")
    result = runner.invoke(app, ["--lang", "pl", "validate", str(path)])
    assert result.stderr.splitlines()[-1] == f"{path}: 2 błędy w pliku programu"


def test_language_falls_back_to_the_programme_under_the_c_locale(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Under cron (LANG=C, no WSP_LANG) a Polish programme speaks Polish."""
    monkeypatch.delenv("WSP_LANG")
    monkeypatch.setenv("LANG", "C")
    result = runner.invoke(app, ["show", "1.1"])
    assert result.stdout.startswith("Wskaźnik 1.1: Liczba warsztatów\n")
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert runner.invoke(app, ["show", "1.1"]).stdout.startswith("Indicator 1.1:")
    monkeypatch.setenv("LANG", "C")
    assert runner.invoke(app, ["--lang", "en", "show", "1.1"]).stdout.startswith("Indicator")
    monkeypatch.setenv("WSP_LANG", "en")
    assert runner.invoke(app, ["show", "1.1"]).stdout.startswith("Indicator 1.1:")


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "C.UTF-8"}, None),
        ({"LC_ALL": "POSIX", "LANG": "pl_PL.UTF-8"}, None),
        ({"LANG": "pl_PL.UTF-8"}, "pl"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({}, None),
        ({"WSP_LANG": "pl", "LANG": "C"}, "pl"),
    ],
)
def test_chosen_language(environ: dict[str, str], expected: str | None) -> None:
    from wspolpraca_cli.i18n import chosen_language

    assert chosen_language([], environ) == expected


def test_init_into_a_folder_is_refused(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path), "--force"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"wsp: error: {tmp_path} is a folder, not a file.\n  hint: give a file name\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_init_dash_prints_the_starter() -> None:
    from wspolpraca_cli.starter import STARTER_PROGRAM

    result = runner.invoke(app, ["init", "-"])
    assert result.exit_code == 0
    assert result.stdout == STARTER_PROGRAM


def test_init_into_an_unwritable_place(tmp_path: Path) -> None:
    blocker = write(tmp_path, "", "file")
    result = runner.invoke(app, ["init", str(blocker / "program.yaml")])
    assert result.exit_code == 3
    assert result.stderr.startswith(f"wsp: error: Cannot write {blocker}/program.yaml:")


def test_show_history_as_of_a_date(tmp_path: Path) -> None:
    store = tmp_path / "s.wsp.db"
    base = ["--store", str(store)]
    assert runner.invoke(app, [*base, "record", "1.1", "2", "--year", "2024"]).exit_code == 0
    result = runner.invoke(app, [*base, "show", "1.1", "--as-of", "2024-06-30"])
    assert result.exit_code == 0, result.stderr
    assert "History of indicator 1.1 (as of 30 June 2024):" in result.stdout
    polish = runner.invoke(app, [*base, "show", "1.1", "--as-of", "30.06.2024"])
    assert polish.exit_code == 0 and polish.stdout == result.stdout  # one date parser
    bad = runner.invoke(app, [*base, "show", "1.1", "--as-of", "30/06/2024"])
    assert bad.exit_code == 2


def test_show_in_polish_names_unit_and_aggregation_in_polish() -> None:
    result = runner.invoke(app, ["--lang", "pl", "show", "1.1"])
    assert "  Jednostka: liczba\n" in result.stdout
    assert "  Agregacja w okresie: suma\n" in result.stdout


def test_init_comments_follow_the_language(tmp_path: Path) -> None:
    polish = runner.invoke(app, ["--lang", "pl", "init", "-"])
    assert polish.stdout.startswith("# Plik programu wsp (format 1)")
    english = runner.invoke(app, ["init", "-"])
    assert english.stdout.startswith("# Programme file of wsp (format 1)")
    target = tmp_path / "p.yaml"
    assert runner.invoke(app, ["--lang", "pl", "init", str(target)]).exit_code == 0
    assert runner.invoke(app, ["validate", str(target)]).exit_code == 0


def test_unknown_language_names_the_value() -> None:
    result = runner.invoke(app, ["--lang", "de", "list"])
    assert result.exit_code == 2
    assert "unknown language 'de'; choose pl or en" in result.stderr


def test_validate_under_the_c_locale_speaks_the_files_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WSP_LANG")
    monkeypatch.setenv("LANG", "C")
    ok = runner.invoke(app, ["validate", str(SHIPPED_PROGRAM)])
    assert "poprawny — 3 cele szczegółowe, 1 działanie, 1 wskaźnik" in ok.stdout
    bad = write(tmp_path, SHIPPED_PROGRAM.read_text(encoding="utf-8") + "extra: 1\n")
    result = runner.invoke(app, ["validate", str(bad)])
    assert "nieznany klucz 'extra'" in result.stderr


def test_every_polish_starter_comment_replaces_one_english_comment() -> None:
    from wspolpraca_cli.starter import _POLISH_COMMENTS, STARTER_PROGRAM, starter

    for english, _ in _POLISH_COMMENTS:
        assert STARTER_PROGRAM.count(english) == 1, english
    polish = starter("pl")
    comments = [line.split("#", 1)[1] for line in STARTER_PROGRAM.splitlines() if "#" in line]
    words = [c for c in comments if re.sub(r"'[^']*'", "", c).strip(" ,.")]  # not just notations
    assert not [c for c in words if c in polish], "an English comment was left"


def test_readme_programme_example_validates(tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## The programme file", 1)[1]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    path = write(tmp_path, example)
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize(
    ("text", "expected"),
    [("pl", "pl"), ("PL", "pl"), ("pl_PL", "pl"), ("pl-PL", "pl"), ("en", "en"),
     ("en_GB", "en"), ("en_US.UTF-8", "en"), ("de", None), ("", None), ("polski", None)],
)  # fmt: skip
def test_parse_language(text: str, expected: str | None) -> None:
    from wspolpraca_cli.i18n import parse_language

    assert parse_language(text) == expected


def test_show_json_has_the_history(tmp_path: Path) -> None:
    base = ["--store", str(tmp_path / "s.wsp.db")]
    assert runner.invoke(app, [*base, "record", "1.1", "2", "--year", "2024"]).exit_code == 0
    result = runner.invoke(app, [*base, "show", "1.1", "--format", "json", "--as-of", "2025-06-10"])
    data = json.loads(result.stdout)
    assert data["as_of"] == "2025-06-10"
    history = {h["period"]: (h["status"], h["actual"], h["entries"]) for h in data["history"]}
    assert history["2024"] == ("achieved", 2.0, 1)
    assert history["2023"] == ("overdue", 0.0, 0)
    # 2 of 5 with 2025 open: on its way; the overdue years are their own rows and count in
    # completeness, apart from the progress against the target
    assert data["programme"]["status"] == "in_progress"
    assert data["programme"]["completeness"] == {"with_data": 1, "due": 4}

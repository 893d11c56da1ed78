"""Format 2 of the programme file: accepted beside format 1, its structures refused in a
format-1 file with a hint to write ``format: 2``; weekly targets."""

from __future__ import annotations

import pytest

from tests.conftest import TEST_PROGRAM, MakeWsp
from tests.test_units import indicator, programme
from wspolpraca_cli.loader import load_text
from wspolpraca_cli.periods import Frequency
from wspolpraca_cli.targets import TargetKind, parse_target

UNIT = "areas[0].actions[0].indicators[0].unit"


def test_a_format_1_file_loads_as_before() -> None:
    assert load_text(TEST_PROGRAM, "p.yaml").ok
    without = TEST_PROGRAM.replace("format: 1\n", "")
    assert load_text(without, "p.yaml").ok


def test_every_format_1_file_is_a_format_2_file() -> None:
    one = load_text(TEST_PROGRAM, "p.yaml").program
    two = load_text(TEST_PROGRAM.replace("format: 1", "format: 2"), "p.yaml").program
    assert one is not None and two is not None
    for a, b in zip(one.indicators, two.indicators, strict=True):
        assert (a.unit, a.target, a.aggregation) == (b.unit, b.target, b.aggregation)


@pytest.mark.parametrize(
    ("lang", "message", "hint"),
    [
        (
            "en",
            "unknown unit 'km'",
            "format 1 knows the units: count, liczba, szt., sztuki, amount, kwota, zł, pln, "
            "percent, %, procent, yesno, tak/nie, yes/no, number, wartość; write 'format: 2' "
            "at the top of the file (format 2 reads everything format 1 does)",
        ),
        (
            "pl",
            "nieznana jednostka 'km'",
            "format 1 zna jednostki: count, liczba, szt., sztuki, amount, kwota, zł, pln, "
            "percent, %, procent, yesno, tak/nie, yes/no, number, wartość; wpisz na początku "
            "pliku 'format: 2' (format 2 odczytuje też wszystko z formatu 1)",
        ),
    ],
)
def test_a_free_unit_in_format_1_says_to_write_format_2(
    make_wsp: MakeWsp, lang: str, message: str, hint: str
) -> None:
    for head in ("format: 1\n", ""):
        text = programme(indicator("a", "km")).replace("format: 2\n", head)
        wsp = make_wsp(text)
        result = wsp("validate", lang=lang)
        assert result.exit_code == 2
        line = 18 if head else 17
        first, second = result.stderr.splitlines()[:2]
        assert first == f"{wsp.program}:{line}:19: {message} [{UNIT}]"
        assert second.split(": ", 1)[1] == hint
        assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("lang", "message", "hint"),
    [
        (
            "en",
            "the key unit_kind (the kind of a unit) belongs to format 2 of the programme file",
            "write 'format: 2' at the top of the file (format 2 reads everything format 1 does)",
        ),
        (
            "pl",
            "klucz unit_kind (rodzaj jednostki) należy do formatu 2 pliku programu",
            "wpisz na początku pliku 'format: 2' (format 2 odczytuje też wszystko z formatu 1)",
        ),
    ],
)
def test_unit_kind_in_format_1_says_to_write_format_2(
    make_wsp: MakeWsp, lang: str, message: str, hint: str
) -> None:
    text = programme(indicator("a", "liczba", "2/rok", "unit_kind: count"))
    wsp = make_wsp(text.replace("format: 2", "format: 1"))
    result = wsp("validate", lang=lang)
    assert result.exit_code == 2
    first, second = result.stderr.splitlines()[:2]
    assert first == f"{wsp.program}:21:24: {message} [{UNIT}_kind]"
    assert second.split(": ", 1)[1] == hint


def test_target_notations_stay_accepted_in_format_1() -> None:
    text = programme(
        indicator("a", "liczba", "1/tydzień").replace("raz w roku", "co tydzień"),
        indicator("b", "zł", "od 3 do 6 mln zł"),
        indicator("c", "liczba", "co najmniej 5"),
    )
    result = load_text(text.replace("format: 2", "format: 1"), "p.yaml")
    assert result.ok, [d.format() for d in result.diagnostics]


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "unsupported format version 3; this wsp reads formats 1–2"),
        ("pl", "nieobsługiwana wersja formatu 3; ta wersja wsp odczytuje formaty 1–2"),
    ],
)
def test_an_unknown_format_is_an_error(make_wsp: MakeWsp, lang: str, message: str) -> None:
    wsp = make_wsp(programme(indicator("a", "km")).replace("format: 2", "format: 3"))
    result = wsp("validate", lang=lang)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == f"{wsp.program}:1:9: {message} [format]"
    assert "'format: 2'" in result.stderr.splitlines()[1]
    assert result.stderr.count(f"{wsp.program}:1") == 1  # the unit is not reported besides


def test_requires_format_2_is_the_one_gate() -> None:
    """The helper other format-2 keys call: a located error in a format-1 file only."""
    from pydantic_core import PydanticCustomError

    from wspolpraca_cli import schema

    token = schema._FILE_FORMAT.set(1)
    try:
        with pytest.raises(PydanticCustomError) as info:
            schema.requires_format_2("x needs format 2")
        assert info.value.context is not None
        assert "'format: 2'" in info.value.context["hint"]
    finally:
        schema._FILE_FORMAT.reset(token)
    schema.requires_format_2("nothing happens")  # the default: the newest format


# --- targets per week ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1/tydzień", 1),
        ("2 na tydzień", 2),
        ("3 tygodniowo", 3),
        ("1 w tygodniu", 1),
        ("2/tydz.", 2),
        ("1/week", 1),
        ("4 per week", 4),
    ],
)
def test_a_target_per_week(text: str, value: float) -> None:
    target = parse_target(text)
    assert (target.kind, target.value, target.per) == (
        TargetKind.PER_PERIOD,
        value,
        Frequency.WEEKLY,
    )
    assert parse_target(str(target)) == target
    explicit = parse_target({"kind": "per_period", "value": value, "per": "tydzień"})
    assert explicit.per is Frequency.WEEKLY


def test_a_weekly_target_totals_the_iso_weeks(make_wsp: MakeWsp) -> None:
    """2026 has 53 ISO weeks, 2025 52: a programme total of 1 a week is 105."""
    wsp = make_wsp(
        programme(indicator("d", "dyżury", "1/tydzień").replace("raz w roku", "co tydzień"))
    )
    wsp.record("d", "1", "--period", "2025-W02")
    result = wsp("status", "--format", "json", "--as-of", "2025-01-20")
    import json

    [whole] = json.loads(result.stdout)["programme"]
    assert whole["target"] == 105


def test_a_weekly_target_on_a_monthly_indicator_is_refused(make_wsp: MakeWsp) -> None:
    wsp = make_wsp(
        programme(indicator("d", "dyżury", "1/tydzień").replace("raz w roku", "raz w miesiącu"))
    )
    result = wsp("validate")
    assert result.exit_code == 2
    assert "per week" in result.stderr.splitlines()[0]
    polish = wsp("validate", lang="pl")
    assert polish.exit_code == 2
    assert "tydzień" in polish.stderr.splitlines()[0]


# --- the starter -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_the_starter_is_format_2_and_runs_at_once(make_wsp: MakeWsp, lang: str) -> None:
    from wspolpraca_cli.starter import starter

    text = starter(lang)
    assert "\nformat: 2 " in text
    for notation in (
        "od 3 do 6 mln zł",  # a range with a magnitude word
        "'8,5 mln zł'",
        "'co najmniej 5'",
        "'nie więcej niż 20%'",
        "'ponad 100'",
        "wzrost o 10%",  # a change against the baseline
        "'spadek o 2 pkt proc.'",
        "80% w 2026",  # a level
        "unit: tys. zł",
        "unit_kind: count",
        "1/tydzień",
        "co tydzień",
        "'raz na dwa lata'",
        "deadline_days: 7",
    ):
        assert notation in text, notation
    wsp = make_wsp(text, lang=lang)
    assert wsp("validate").exit_code == 0
    for day in ("2026-01-01", "2026-06-10", "2027-07-01"):
        status = wsp("status", "--as-of", day)
        assert status.exit_code == 0, status.stderr
    assert "tys. zł" in wsp("status", "--as-of", "2026-06-10").stdout


# --- the example and the format's documentation --------------------------------------------


def test_the_format_2_example_validates_and_runs(make_wsp: MakeWsp) -> None:
    from tests.conftest import REPO

    wsp = make_wsp(REPO / "examples" / "program-format2.yaml")
    assert wsp("validate").exit_code == 0
    for day in ("2026-03-01", "2027-07-15", "2031-06-30"):
        status = wsp("status", "--as-of", day)
        assert status.exit_code == 0, status.stderr
    wsp.record("1.1.kwota", "4,5 mln zł", "--period", "2026-Q1")
    wsp.record("2.1.dyżury", "3", "--period", "2026-W02")
    shown = wsp("status", "--year", "2026", "--as-of", "2026-04-10").stdout
    assert "4,500 tys. zł" in shown and "3 dyżury" in shown
    assert wsp("report", "--year", "2026", "--as-of", "2027-05-01").exit_code == 0


def test_the_documented_example_validates(tmp_path: object) -> None:
    from tests.conftest import REPO

    text = (REPO / "docs" / "programme-format.md").read_text(encoding="utf-8")
    example = text.split("## A complete example", 1)[1].split("```yaml\n", 1)[1].split("```")[0]
    result = load_text(example, "doc.yaml")
    assert result.ok, [d.format() for d in result.diagnostics]


def test_every_documented_target_notation_is_read() -> None:
    """The first column of the notation table, notation by notation."""
    from tests.conftest import REPO

    text = (REPO / "docs" / "programme-format.md").read_text(encoding="utf-8")
    table = text.split("## Target notations", 1)[1].split("\n\n", 3)[2]
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    assert len(rows) > 10
    import re

    for row in rows:
        first = row.split(" | ", 1)[0]
        for notation in re.findall(r"`([^`]+)`", first):
            if notation.startswith(("/", "{kind")) or notation == "empty":
                continue
            raw: object = notation
            if notation.startswith("{"):
                import yaml

                raw = yaml.safe_load(notation)
            parse_target(raw)


def test_a_unit_after_a_target_figure_is_read() -> None:
    text = programme(
        indicator("k", "km", "3–6 tys. km"), indicator("o", "osoby", "co najmniej 450 osoby")
    )
    result = load_text(text, "p.yaml")
    assert result.ok, [d.format() for d in result.diagnostics]
    assert result.program is not None
    k = result.program.indicator("k")
    assert k is not None and (k.target.value, k.target.upper) == (3000, 6000)
    assert k.target_text == "3–6 tys. km"


# --- the goal tree's keys in a format-1 file -------------------------------------------------

TREE_HEAD = """\
format: 1
program: {title: T, issuer: Rada, first_year: 2025, last_year: 2026}
"""
TREE_AREAS = """\
areas:
  - id: "1"
    name: O
    actions:
      - lp: "1"
        name: D
        indicators:
          - {id: a, name: A, unit: liczba, target: 1/rok, frequency: raz w roku}
"""
GOAL_INDICATOR = "      - {id: WI.1, name: W, unit: liczba, target: 5, frequency: raz w roku}\n"


@pytest.mark.parametrize(
    ("goals", "line", "column", "path", "en", "pl"),
    [
        (
            "goals:\n  main:\n    id: I\n    name: G\n    indicators:\n" + GOAL_INDICATOR,
            8,
            7,
            "goals.main.indicators",
            "indicators on a goal (the goal's key indicators) belong to format 2 of the "
            "programme file",
            "wskaźniki przy celu (klucz indicators celu) należą do formatu 2 pliku programu",
        ),
        (
            "goals:\n  main:\n    - {id: I, name: G}\n    - {id: II, name: H}\n",
            5,
            5,
            "goals.main",
            "a list of main goals belongs to format 2 of the programme file",
            "lista celów głównych należy do formatu 2 pliku programu",
        ),
        (
            "goals:\n  main:\n    id: I\n    name: G\n    specific:\n      - {id: s, name: S}\n",
            8,
            7,
            "goals.main.specific",
            "specific goals listed under a main goal belong to format 2 of the programme file",
            "cele szczegółowe wpisane pod celem głównym należą do formatu 2 pliku programu",
        ),
    ],
)
def test_the_goal_trees_keys_in_format_1_say_to_write_format_2(
    make_wsp: MakeWsp, goals: str, line: int, column: int, path: str, en: str, pl: str
) -> None:
    wsp = make_wsp(TREE_HEAD + goals + TREE_AREAS)
    for lang, message, advice in (
        ("en", en, "write 'format: 2' at the top of the file"),
        ("pl", pl, "wpisz na początku pliku 'format: 2'"),
    ):
        result = wsp("validate", lang=lang)
        assert result.exit_code == 2
        first, second = result.stderr.splitlines()[:2]
        assert first == f"{wsp.program}:{line}:{column}: {message} [{path}]"
        assert advice in second
        assert "Traceback" not in result.stderr
    two = make_wsp(TREE_HEAD.replace("format: 1", "format: 2") + goals + TREE_AREAS)
    assert two("validate").exit_code == 0, two("validate").stderr


def test_serves_in_format_1_says_to_write_format_2(make_wsp: MakeWsp) -> None:
    goals = "goals:\n  main: {id: I, name: G}\n  specific:\n    - {id: a, name: S}\n"
    areas = TREE_AREAS.replace("frequency: raz w roku}", "frequency: raz w roku, serves: [a]}")
    wsp = make_wsp(TREE_HEAD + goals + areas)
    result = wsp("validate")
    assert result.exit_code == 2
    first = result.stderr.splitlines()[0]
    assert first.endswith(
        "the key serves (further goals an indicator serves) belongs to format 2 of the "
        "programme file [areas[0].actions[0].indicators[0].serves]"
    )
    polish = wsp("validate", lang="pl")
    assert "klucz serves (cele, którym wskaźnik służy także) należy do formatu 2" in polish.stderr

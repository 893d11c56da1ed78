"""The programme loader: the shipped programme, and located errors for invalid files."""

from __future__ import annotations

from pathlib import Path

import pytest

from wspolpraca_cli.loader import load, load_program, load_text
from wspolpraca_cli.model import Aggregation, Unit
from wspolpraca_cli.periods import Frequency
from wspolpraca_cli.targets import TargetKind

BASE = """\
format: 1
program:
  title: Program testowy
  issuer: Gmina Testowo
  first_year: 2021
  last_year: 2025
goals:
  main: {id: główny, name: Cel główny}
  specific:
    - id: a
      name: Cel a
areas:
  - id: "1"
    name: Obszar pierwszy
    actions:
      - lp: "1"
        name: Warsztaty
        goals: [a]
        indicators:
          - name: Liczba warsztatów
            unit: liczba
            target: 1/rok
            frequency: Raz w roku
"""

IND = "areas[0].actions[0].indicators[0]"
SECOND_ACTION = """\
      - lp: "2"
        name: Drugie
        indicators:
          - name: Druga
            target: 2/rok
            frequency: rocznie
"""


def test_shipped_programme_renders_the_seed(shipped_program: Path) -> None:
    program = load_program(shipped_program)
    assert program.first_year == 2021 and program.last_year == 2025
    assert "kujawsko-pomorskiego" in program.title
    assert program.main_goal.name.startswith("Ugruntowanie pozycji")
    assert [g.id for g in program.specific_goals] == ["a", "b", "c"]
    assert program.specific_goals[1].name.startswith("podnoszenie efektywności")
    assert [a.id for a in program.actions] == ["1.1"]
    assert "tworzenia prawa miejscowego" in program.actions[0].name
    ind = program.indicator("1.1")
    assert ind is not None
    assert ind.name == "Liczba warsztatów"
    assert ind.target_text == "1/rok" and ind.frequency_text == "Raz w roku"
    assert ind.target.kind is TargetKind.PER_PERIOD and ind.target.value == 1
    assert ind.frequency is Frequency.YEARLY
    assert ind.unit is Unit.COUNT and ind.aggregation is Aggregation.SUM
    assert [code for code, _ in ind.breakdowns[0].values] == ["urząd", "NGO", "wspólnie"]
    assert program.deadline.month == 5 and program.deadline.day == 31
    assert any("zespół autorski" in s for s in program.sources)


def test_valid_base_loads() -> None:
    result = load_text(BASE, "p.yaml")
    assert result.ok, result.diagnostics


def _replace(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new, 1)


ALIAS_BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9) if prev else '1, 1, 1, 1, 1, 1, 1, 1, 1'}]\n"
    for prev, name in zip(["", "a", "b", "c", "d", "e", "f", "g"], "abcdefgh", strict=True)
)

# (name, text, [(line, column, message, path)]) — every error of each file, exactly.
CASES: list[tuple[str, str, list[tuple[int, int, str, str]]]] = [
    ("unknown top-level key", BASE + "extra: 1\n", [(24, 1, "unknown key 'extra'", "extra")]),
    (
        "typo in a key",
        _replace("  title:", "  tilte:"),
        [
            (3, 3, "missing required key 'title'", "program.title"),
            (3, 3, "unknown key 'tilte'", "program.tilte"),
        ],
    ),
    (
        "YAML syntax error",
        _replace("    name: Obszar pierwszy", "    name: [Obszar"),
        [
            (
                15,
                12,
                "YAML syntax error: did not find expected ',' or ']' "
                "(while parsing a flow sequence)",
                "",
            )
        ],
    ),
    (
        "duplicated key",
        _replace("  issuer: Gmina Testowo\n", "  issuer: Gmina Testowo\n  issuer: Inna\n"),
        [(5, 3, "duplicate key 'issuer' (first given on line 4)", "program.issuer")],
    ),
    (
        "unknown target notation",
        _replace("1/rok", "raz na rok"),
        [(22, 21, "unknown target notation 'raz na rok'", f"{IND}.target")],
    ),
    (
        "unknown period in a target",
        _replace("1/rok", "1/tydzień"),
        [
            (
                22,
                21,
                "unknown period 'tydzień' in target '1/tydzień'; "
                "use /rok, /półrocze, /kwartał or /miesiąc",
                f"{IND}.target",
            )
        ],
    ),
    (
        "unknown frequency",
        _replace("Raz w roku", "co trzy tygodnie"),
        [(23, 24, "unknown measurement frequency 'co trzy tygodnie'", f"{IND}.frequency")],
    ),
    (
        "unknown unit",
        _replace("unit: liczba", "unit: metry"),
        [(21, 19, "unknown unit 'metry'", f"{IND}.unit")],
    ),
    (
        "missing indicator name",
        _replace("          - name: Liczba warsztatów\n            unit", "          - unit"),
        [(20, 13, "missing required key 'name'", f"{IND}.name")],
    ),
    (
        "unquoted no as a value",
        _replace('lp: "1"', "lp: no"),
        [
            (
                16,
                13,
                "expected text, but YAML read an unquoted word as the boolean false",
                "areas[0].actions[0].lp",
            )
        ],
    ),
    (
        "unquoted no as a key",
        _replace("        goals: [a]\n", "        goals: [a]\n        no: 1\n"),
        [(19, 9, "the key no was read as the YAML boolean false", "areas[0].actions[0]")],
    ),
    (
        "unknown goal reference",
        _replace("goals: [a]", "goals: [x]"),
        [(18, 17, "unknown specific goal 'x'", "areas[0].actions[0].goals[0]")],
    ),
    (
        "a year that is not a number",
        _replace("first_year: 2021", "first_year: dwa"),
        [(5, 15, "expected a whole number, got 'dwa'", "program.first_year")],
    ),
    (
        "years in the wrong order",
        _replace("last_year: 2025", "last_year: 2019"),
        [(6, 14, "last_year 2019 is before first_year 2021", "program.last_year")],
    ),
    (
        "a python tag",
        _replace("Gmina Testowo", "!!python/object/apply:os.system ['ls']"),
        [
            (
                4,
                11,
                "unsupported YAML tag 'tag:yaml.org,2002:python/object/apply:os.system'",
                "program.issuer",
            )
        ],
    ),
    ("an empty file", "", [(1, 1, "the file is empty", "")]),
    (
        "a list at the top",
        "- a\n- b\n",
        [(1, 1, "a programme file must be a mapping of keys to values", "")],
    ),
    (
        "an alias bomb",
        ALIAS_BOMB,
        [(1, 1, "the document expands to more than 1000000 values (alias bomb?)", "")],
    ),
    (
        "a recursive alias",
        "a: &a [*a]\n",
        [(1, 4, "an alias refers to itself (recursive YAML)", "")],
    ),
    (
        "duplicate L.p. and so duplicate indicator id",
        BASE + SECOND_ACTION.replace('lp: "2"', 'lp: "1"'),
        [
            (
                24,
                13,
                "duplicate L.p. '1' in area '1' (first given on line 16)",
                "areas[0].actions[1].lp",
            ),
            (
                27,
                13,
                "duplicate indicator id '1.1' (first given on line 20)",
                "areas[0].actions[1].indicators[0]",
            ),
        ],
    ),
    (
        "an action without indicators",
        _replace(
            "        indicators:\n          - name: Liczba warsztatów\n            unit: liczba\n"
            "            target: 1/rok\n            frequency: Raz w roku\n",
            "        indicators: []\n",
        ),
        [(19, 21, "expected at least one item", "areas[0].actions[0].indicators")],
    ),
    (
        "a target year outside the programme",
        _replace("1/rok", "30% w 2030").replace("unit: liczba", "unit: '%'"),
        [(22, 21, "target year 2030 is outside the programme's years 2021–2025", f"{IND}.target")],
    ),
    (
        "a percentage target for a count",
        _replace("1/rok", "30% w 2025"),
        [(22, 21, "the target is a percentage but the unit is 'count'", f"{IND}.target")],
    ),
    (
        "a milestone on a count",
        _replace("1/rok", "tak"),
        [(21, 19, "a yes/no milestone ('tak') needs unit: yesno", f"{IND}.unit")],
    ),
    (
        "missing frequency",
        _replace("            frequency: Raz w roku\n", ""),
        [(20, 13, "missing required key 'frequency'", f"{IND}.frequency")],
    ),
    (
        "a tab for indentation",
        _replace("  title:", "\ttitle:"),
        [
            (
                3,
                1,
                "YAML syntax error: found character that cannot start any token "
                "(while scanning for the next token)",
                "",
            )
        ],
    ),
    (
        "an impossible deadline",
        _replace("  last_year: 2025\n", "  last_year: 2025\n  reporting_deadline: 31 lutego\n"),
        [(7, 23, "no such day: '31 lutego'", "program.reporting_deadline")],
    ),
    (
        "an unknown language",
        _replace("  last_year: 2025\n", "  last_year: 2025\n  language: de\n"),
        [(7, 13, "language must be 'pl' or 'en'", "program.language")],
    ),
    (
        "an unknown aggregation",
        _replace("Raz w roku\n", "Raz w roku\n            aggregation: median\n"),
        [(24, 26, "unknown aggregation 'median'", f"{IND}.aggregation")],
    ),
    (
        "a target by year with missing years",
        _replace("target: 1/rok", "target: {2021: 1, 2022: 2}"),
        [(22, 21, "the target by year has no value for 2023, 2024, 2025", f"{IND}.target")],
    ),
    (
        "an explicit level target without a year",
        _replace("target: 1/rok", "target: {kind: level, value: 30}"),
        [(22, 21, "a level target needs 'by', the year to reach it", f"{IND}.target")],
    ),
    (
        "a duplicate explicit indicator id",
        _replace(
            "          - name: Liczba warsztatów\n",
            "          - id: X\n            name: Liczba warsztatów\n",
        )
        + SECOND_ACTION.replace(
            "          - name: Druga\n", "          - id: X\n            name: Y\n"
        ),
        [
            (
                28,
                17,
                "duplicate indicator id 'X' (first given on line 20)",
                "areas[0].actions[1].indicators[0].id",
            )
        ],
    ),
    (
        "a baseline that is not a number",
        _replace("Raz w roku\n", "Raz w roku\n            baseline: {value: dużo}\n"),
        [(24, 31, "expected a number, got 'dużo'", f"{IND}.baseline.value")],
    ),
    (
        "bounds the wrong way round",
        _replace("Raz w roku\n", "Raz w roku\n            bounds: {min: 5, max: 1}\n"),
        [(24, 21, "bounds.min is greater than bounds.max", f"{IND}.bounds")],
    ),
    (
        "an unsupported format version",
        _replace("format: 1", "format: 3"),
        [(1, 9, "unsupported format version 3; this wsp reads format 1", "format")],
    ),
    (
        "areas as a mapping",
        BASE.split("areas:")[0] + "areas:\n  id: 1\n",
        [
            (
                13,
                3,
                "expected a list (lines starting with '- '), got a mapping (key: value lines)",
                "areas",
            )
        ],
    ),
    (
        "a merge key",
        BASE + "x: &x {a: 1}\ny:\n  <<: *x\n",
        [
            (24, 1, "unknown key 'x'", "x"),
            (26, 3, "merge keys ('<<') are not supported", "y"),
        ],
    ),
    (
        "an empty action name",
        _replace("name: Warsztaty", "name: ''"),
        [(17, 15, "expected non-empty text", "areas[0].actions[0].name")],
    ),
    (
        "an L.p. that YAML reads as an octal number",
        _replace('lp: "1"', "lp: 010"),
        [
            (
                16,
                13,
                "YAML read 010 as the number 8, but text is expected here",
                "areas[0].actions[0].lp",
            )
        ],
    ),
    (
        "an id that YAML reads as a shorter number",
        _replace(
            "          - name: Liczba warsztatów\n",
            "          - id: 1.10\n            name: Liczba warsztatów\n",
        ),
        [(20, 17, "YAML read 1.10 as the number 1.1, but text is expected here", f"{IND}.id")],
    ),
    (
        "a language written as an unquoted no",
        _replace("  last_year: 2025\n", "  last_year: 2025\n  language: no\n"),
        [
            (
                7,
                13,
                "expected text, but YAML read an unquoted word as the boolean false",
                "program.language",
            )
        ],
    ),
    (
        "a negative target for a count",
        _replace("target: 1/rok", 'target: "-5/rok"'),
        [
            (
                22,
                21,
                "the target value -5 is negative, but the unit 'count' has no negative values",
                f"{IND}.target",
            )
        ],
    ),
    (
        "a fractional target for a count",
        _replace("target: 1/rok", 'target: "1,5/rok"'),
        [
            (
                22,
                21,
                "the target value 1.5 is not a whole number, but the indicator counts things "
                "(unit 'count')",
                f"{IND}.target",
            )
        ],
    ),
    (
        "an empty target",
        _replace("target: 1/rok", 'target: ""'),
        [(22, 21, "an empty target value", f"{IND}.target")],
    ),
    (
        "a per-quarter target measured yearly",
        _replace("target: 1/rok", "target: 1/kwartał"),
        [(22, 21, "a target per quarter needs measurements at least that often", f"{IND}.target")],
    ),
    (
        "an unknown key in an indicator, with a suggestion",
        _replace("            frequency:", "            frequncy:"),
        [
            (20, 13, "missing required key 'frequency'", f"{IND}.frequency"),
            (23, 13, "unknown key 'frequncy'", f"{IND}.frequncy"),
        ],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_invalid_programme_is_located(
    name: str, text: str, expected: list[tuple[int, int, str, str]]
) -> None:
    result = load_text(text, "p.yaml")
    assert result.program is None
    got = [(d.line, d.column, d.message, d.path) for d in result.diagnostics]
    assert got == expected
    assert all(d.file == "p.yaml" for d in result.diagnostics)


def test_there_are_enough_invalid_cases() -> None:
    assert len(CASES) >= 25


def test_unknown_key_hint_names_the_closest_key() -> None:
    result = load_text(_replace("  title:", "  tilte:"), "p.yaml")
    unknown = next(d for d in result.diagnostics if "unknown key" in d.message)
    assert unknown.hint.startswith("did you mean 'title'?")
    assert "issuer" in unknown.hint


def test_target_error_hint_lists_accepted_notations() -> None:
    result = load_text(_replace("1/rok", "raz na rok"), "p.yaml")
    hint = result.diagnostics[0].hint
    for notation in ("1/rok", "5 w okresie programu", "30% w 2025", "≤ 50%", "tak", "brak"):
        assert notation in hint


def test_formatted_diagnostic_is_file_line_column() -> None:
    result = load_text(BASE + "extra: 1\n", "p.yaml")
    assert result.diagnostics[0].format().startswith("p.yaml:24:1: unknown key 'extra' [extra]")


def test_all_errors_are_reported_at_once() -> None:
    text = _replace("unit: liczba", "unit: metry").replace("Raz w roku", "co trzy tygodnie")
    result = load_text(text, "p.yaml")
    assert [d.line for d in result.diagnostics] == [21, 23]


def test_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_bytes(BASE.replace("Gmina Testowo", "Gmina Łódź").encode("cp1250"))
    from wspolpraca_cli.errors import ProgramInvalid

    with pytest.raises(ProgramInvalid) as info:
        load(path)
    diag = info.value.diagnostics[0]
    assert (diag.line, diag.column) == (4, 17)
    assert diag.message == "the file is not UTF-8 (byte 0xa3)"


def test_file_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from wspolpraca_cli import loader
    from wspolpraca_cli.errors import ProgramInvalid

    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 100)
    path = tmp_path / "p.yaml"
    path.write_text(BASE, encoding="utf-8")
    with pytest.raises(ProgramInvalid) as info:
        load(path)
    assert "file is too large" in info.value.diagnostics[0].message


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + BASE.encode("utf-8"))
    assert load(path).ok


def test_anchors_and_aliases_are_allowed_within_limits() -> None:
    text = _replace(
        "            frequency: Raz w roku\n",
        "            frequency: &yearly Raz w roku\n",
    ) + SECOND_ACTION.replace("frequency: rocznie", "frequency: *yearly")
    program = load_text(text, "p.yaml").program
    assert program is not None
    assert program.indicator("1.2") is not None


def test_an_only_indicator_takes_the_action_id() -> None:
    program = load_text(BASE, "p.yaml").program
    assert program is not None
    assert [i.id for i in program.indicators] == ["1.1"]


def test_several_indicators_of_one_action_need_ids() -> None:
    """Automatic numbering would renumber a sibling when one is removed, orphaning its data."""
    second = (
        "            frequency: Raz w roku\n          - name: Druga\n            target: brak\n"
        "            frequency: kwartalnie\n"
    )
    result = load_text(_replace("            frequency: Raz w roku\n", second), "p.yaml")
    assert [(d.line, d.column, d.message, d.path) for d in result.diagnostics] == [
        (20, 13, "the action 1.1 has several indicators: each needs its own id", f"{IND}"),
        (24, 13, "the action 1.1 has several indicators: each needs its own id",
         "areas[0].actions[0].indicators[1]"),
    ]  # fmt: skip
    assert result.diagnostics[1].hint.startswith("e.g. id: 1.1.2;")
    named = _replace(
        "          - name: Liczba warsztatów\n",
        "          - id: 1.1.a\n            name: Liczba warsztatów\n",
    )
    named = named.replace(
        "            frequency: Raz w roku\n",
        second.replace("- name: Druga", "- id: 1.1.b\n            name: Druga"),
    )
    program = load_text(named, "p.yaml").program
    assert program is not None
    assert [i.id for i in program.indicators] == ["1.1.a", "1.1.b"]


def test_example_programme_validates() -> None:
    from tests.conftest import REPO

    for path in sorted((REPO / "examples").glob("*.yaml")):
        result = load(path)
        assert result.ok, [d.format() for d in result.diagnostics]


def test_starter_programme_validates() -> None:
    from wspolpraca_cli.starter import STARTER_PROGRAM

    result = load_text(STARTER_PROGRAM, "starter.yaml")
    assert result.ok, [d.format() for d in result.diagnostics]


def test_boolean_hint_names_the_word_as_written() -> None:
    result = load_text(_replace("name: Liczba warsztatów", "name: On"), "p.yaml")
    assert result.diagnostics[0].hint.endswith("quote it: 'On'")


def test_plain_numbers_as_ids_are_fine() -> None:
    program = load_text(_replace('lp: "1"', "lp: 1").replace('id: "1"', "id: 1"), "p.yaml")
    assert program.program is not None
    assert [i.id for i in program.program.indicators] == ["1.1"]


@pytest.mark.parametrize("word", ["polrocznie", "raz na pol roku", "Półrocznie", "RAZ NA PÓŁ ROKU"])
def test_frequencies_without_diacritics_or_in_capitals(word: str) -> None:
    text = _replace("Raz w roku", word).replace("target: 1/rok", "target: 2/rok")
    program = load_text(text, "p.yaml").program
    assert program is not None
    assert program.indicators[0].frequency is Frequency.HALF_YEARLY


def test_frequency_typo_gets_a_suggestion() -> None:
    result = load_text(_replace("Raz w roku", "raz w rku"), "p.yaml")
    assert result.diagnostics[0].hint.startswith("did you mean 'raz w roku'?")


def test_yaml_problems_and_validation_errors_come_out_together() -> None:
    text = _replace("  issuer: Gmina Testowo\n", "  issuer: Gmina Testowo\n  issuer: Inna\n")
    text = text.replace("target: 1/rok", "target: raz na rok")
    result = load_text(text, "p.yaml")
    assert [(d.line, d.message) for d in result.diagnostics] == [
        (5, "duplicate key 'issuer' (first given on line 4)"),
        (23, "unknown target notation 'raz na rok'"),
    ]


def test_unknown_goal_references_come_with_other_errors() -> None:
    text = _replace("goals: [a]", "goals: [x]").replace("target: 1/rok", "target: raz na rok")
    result = load_text(text + "colour: red\n", "p.yaml")
    assert [(d.line, d.message) for d in result.diagnostics] == [
        (18, "unknown specific goal 'x'"),
        (22, "unknown target notation 'raz na rok'"),
        (24, "unknown key 'colour'"),
    ]

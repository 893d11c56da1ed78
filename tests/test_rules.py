"""The loader's cross-checks, one rule at a time: each rule function called on a small
programme, with the exact message, line, column and YAML path of what it finds."""

from __future__ import annotations

import inspect

from wspolpraca_cli.loader import load_text, rules
from wspolpraca_cli.loader.compose import compose
from wspolpraca_cli.loader.rules import Document, Rule
from wspolpraca_cli.model import Program
from wspolpraca_cli.schema import ProgramFile, to_program

# Lines 1-5; the areas start on line 6.
HEAD = """\
format: 1
program: {title: T, issuer: I, first_year: 2021, last_year: 2025}
goals:
  main: {id: g, name: G}
  specific: [{id: a, name: A}, {id: b, name: B}]
"""


def one_indicator(indicator: str) -> str:
    """A programme whose only indicator (1.1, at line 12, column 13) is ``{indicator}``."""
    return HEAD + (
        "areas:\n"
        '  - id: "1"\n'
        "    name: O\n"
        "    actions:\n"
        '      - lp: "1"\n'
        "        name: A\n"
        f"        indicators: [{{{indicator}}}]\n"
    )


def checked(text: str) -> tuple[Document, Program]:
    data, located = compose(text, "p.yaml")
    assert data is not None and not located.errors, located.errors
    program_file = ProgramFile.model_validate(data)
    return Document(program_file, located), to_program(program_file, "p.yaml")


def found(rule: Rule, text: str) -> list[tuple[int, int, str, str]]:
    return [(d.line, d.column, d.message, d.path) for d in rule(*checked(text))]


def hints(rule: Rule, text: str) -> list[str]:
    return [d.hint for d in rule(*checked(text))]


IND = "areas[0].actions[0].indicators[0]"
VALID = one_indicator("name: N, target: 1/rok, frequency: Raz w roku")


def test_every_rule_is_listed_in_rules() -> None:
    defined = {
        name
        for name, function in vars(rules).items()
        if inspect.isfunction(function)
        and not name.startswith("_")
        and list(inspect.signature(function).parameters) == ["document", "program"]
    }
    assert defined - {"check"} == {rule.__name__ for rule in rules.RULES}


def test_a_valid_programme_passes_every_rule() -> None:
    document, program = checked(VALID)
    assert {rule.__name__: rule(document, program) for rule in rules.RULES} == {
        rule.__name__: [] for rule in rules.RULES
    }


def test_unique_goal_ids() -> None:
    text = VALID.replace("{id: b, name: B}", "{id: g, name: B}")
    assert found(rules.unique_goal_ids, text) == [
        (5, 37, "duplicate goal id 'g' (first given on line 4)", "goals.specific[1].id")
    ]
    assert hints(rules.unique_goal_ids, text) == ["every goal needs its own id"]


def test_unique_area_ids() -> None:
    text = VALID + '  - {id: "1", name: P}\n'
    assert found(rules.unique_area_ids, text) == [
        (13, 10, "duplicate area id '1' (first given on line 7)", "areas[1].id")
    ]


def test_unique_action_lps_within_an_area() -> None:
    text = VALID + (
        '      - {lp: "1", name: B, indicators: [{id: x, name: X, frequency: rocznie}]}\n'
        '  - {id: "2", name: P, actions: [{lp: "1", name: C, indicators: '
        "[{id: y, name: Y, frequency: rocznie}]}]}\n"
    )
    assert found(rules.unique_action_lps, text) == [
        (13, 14, "duplicate L.p. '1' in area '1' (first given on line 10)",
         "areas[0].actions[1].lp"),
    ]  # fmt: skip


def test_goal_references_resolve() -> None:
    text = VALID.replace("    name: O\n", "    name: O\n    goals: [c]\n").replace(
        "        name: A\n", "        name: A\n        goals: [a, bb]\n"
    )
    assert found(rules.goal_references_resolve, text) == [
        (9, 13, "unknown specific goal 'c'", "areas[0].goals[0]"),
        (13, 20, "unknown specific goal 'bb'", "areas[0].actions[0].goals[1]"),
    ]
    assert hints(rules.goal_references_resolve, text) == [
        "specific goals: a, b",
        "did you mean 'b'? specific goals: a, b",
    ]


def test_indicators_have_ids() -> None:
    text = one_indicator("id: x, name: N, frequency: rocznie}, {name: M, frequency: rocznie")
    assert found(rules.indicators_have_ids, text) == [
        (12, 60, "the action 1.1 has several indicators: each needs its own id",
         "areas[0].actions[0].indicators[1]"),
    ]  # fmt: skip
    assert hints(rules.indicators_have_ids, text) == [
        "e.g. id: 1.1.2; an id must not change once entries are recorded, so wsp does not "
        "number such indicators itself"
    ]


def test_unique_indicator_ids() -> None:
    text = VALID + (
        '  - {id: "2", name: P, actions: [{lp: "1", name: C, indicators: '
        '[{id: "1.1", name: X, frequency: rocznie}]}]}\n'
    )
    assert found(rules.unique_indicator_ids, text) == [
        (13, 71, "duplicate indicator id '1.1' (first given on line 12)",
         "areas[1].actions[0].indicators[0].id"),
    ]  # fmt: skip


def test_target_years_inside() -> None:
    text = one_indicator("name: N, target: {2020: 1, 2030: 2}, frequency: jednorazowo")
    assert found(rules.target_years_inside, text) == [
        (12, 40, "target year 2020 is outside the programme's years 2021–2025", f"{IND}.target"),
        (12, 40, "target year 2030 is outside the programme's years 2021–2025", f"{IND}.target"),
    ]


def test_by_year_targets_complete() -> None:
    text = one_indicator("name: N, target: {2021: 1, 2022: 2}, frequency: Raz w roku")
    assert found(rules.by_year_targets_complete, text) == [
        (12, 40, "the target by year has no value for 2023, 2024, 2025", f"{IND}.target")
    ]
    measured_once = text.replace("Raz w roku", "jednorazowo")
    assert found(rules.by_year_targets_complete, measured_once) == []


def test_target_period_fits_frequency() -> None:
    text = one_indicator("name: N, target: 2/kwartał, frequency: Raz w roku")
    assert found(rules.target_period_fits_frequency, text) == [
        (12, 40, "a target per quarter needs measurements at least that often", f"{IND}.target")
    ]


def test_target_not_negative() -> None:
    text = one_indicator("name: N, unit: zł, target: -5/rok, frequency: Raz w roku")
    assert found(rules.target_not_negative, text) == [
        (12, 50, "the target value -5 is negative, but the unit 'amount' has no negative values",
         f"{IND}.target"),
    ]  # fmt: skip
    assert found(rules.target_not_negative, text.replace("zł", "wartość")) == []


def test_count_targets_whole() -> None:
    text = one_indicator("name: N, target: 1.5/rok, frequency: Raz w roku")
    assert found(rules.count_targets_whole, text) == [
        (12, 40, "the target value 1.5 is not a whole number, but the indicator counts things "
         "(unit 'count')", f"{IND}.target"),
    ]  # fmt: skip


def test_percent_targets_have_percent_unit() -> None:
    text = one_indicator("name: N, target: 30% w 2025, frequency: Raz w roku")
    assert found(rules.percent_targets_have_percent_unit, text) == [
        (12, 40, "the target is a percentage but the unit is 'count'", f"{IND}.target")
    ]


def test_milestones_are_yes_no() -> None:
    text = one_indicator("name: N, unit: liczba, target: tak, frequency: jednorazowo")
    assert found(rules.milestones_are_yes_no, text) == [
        (12, 38, "a yes/no milestone ('tak') needs unit: yesno", f"{IND}.unit")
    ]


def test_baseline_not_after_end() -> None:
    text = one_indicator("name: N, frequency: rocznie, baseline: {value: 1, year: 2026}")
    assert found(rules.baseline_not_after_end, text) == [
        (12, 79, "baseline year 2026 is after the programme ends", f"{IND}.baseline.year")
    ]


def test_bounds_in_order() -> None:
    text = one_indicator("name: N, frequency: rocznie, bounds: {min: 5, max: 1}")
    assert found(rules.bounds_in_order, text) == [
        (12, 60, "bounds.min is greater than bounds.max", f"{IND}.bounds")
    ]


def test_an_indicator_without_its_own_id_is_checked_for_nothing_else() -> None:
    text = one_indicator(
        "id: x, name: N, frequency: rocznie}, "
        "{name: M, frequency: rocznie, bounds: {min: 5, max: 1}"
    )
    assert found(rules.bounds_in_order, text) == []


def test_check_runs_every_rule() -> None:
    text = one_indicator("name: N, target: 1.5/rok, frequency: rocznie, bounds: {min: 5, max: 1}")
    assert [d.message for d in rules.check(*checked(text))] == [
        "the target value 1.5 is not a whole number, but the indicator counts things "
        "(unit 'count')",
        "bounds.min is greater than bounds.max",
    ]


def test_check_keeps_the_order_of_a_walk_through_the_file() -> None:
    """check gives each indicator's findings together, in the order of RULES; the loader's
    sort by line and column keeps that order where two indicators share a position (here
    through an alias)."""
    text = (
        one_indicator("id: x, name: N, target: {2030: 1.5}, frequency: jednorazowo").replace(
            "indicators: [{", "indicators: [&ind {"
        )
        + '      - {lp: "2", name: B, indicators: [*ind]}\n'
    )
    second = "areas[0].actions[1].indicators[0]"
    expected = [
        (IND, "target year 2030"),
        (IND, "the target value 1.5"),
        (second, "target year 2030"),
        (second, "the target value 1.5"),
    ]
    for diagnostics in (rules.check(*checked(text)), load_text(text, "p.yaml").diagnostics):
        assert [
            (d.path.removesuffix(".target"), d.message.split(" is ")[0])
            for d in diagnostics
            if d.path.endswith("target")
        ] == expected


def test_raw_goal_references_of_data_that_failed_validation() -> None:
    text = HEAD + "areas: [{id: 1, goals: [a, c], actions: [{goals: [x]}]}]\n"
    data, located = compose(text, "p.yaml")
    diagnostics = rules.raw_goal_references(data, located)
    assert [(d.line, d.column, d.message, d.path) for d in diagnostics] == [
        (6, 28, "unknown specific goal 'c'", "areas[0].goals[1]"),
        (6, 51, "unknown specific goal 'x'", "areas[0].actions[0].goals[0]"),
    ]

"""The goal tree of format 2 through the real CLI: several main goals with their codes,
indicators on main and specific goals, an indicator serving several goals, the document's
own ids, and roll-ups that follow the tree (tests/data/program_drzewo.yaml)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import MakeWsp, Wsp
from tests.test_cli_shell import complete
from wspolpraca_cli.loader import load, load_text
from wspolpraca_cli.progress import Status, progress, roll_up
from wspolpraca_cli.render.status import build_view, lines

TREE = Path(__file__).parent / "data" / "program_drzewo.yaml"
AS_OF = "2025-03-01"


@pytest.fixture
def tree(make_wsp: MakeWsp) -> Wsp:
    """The goal-tree programme with a few entries for 2024."""
    wsp = make_wsp(TREE)
    for ind, value in (("WI.1", "105"), ("w1.1", "55"), ("1.2.1", "12"), ("WI.2", "48%")):
        wsp.record(ind, value, "--year", "2024")
    return wsp


def test_the_tree_validates(make_wsp: MakeWsp) -> None:
    run = make_wsp(TREE)("validate", str(TREE))
    assert run.exit_code == 0, run.stderr
    assert (
        run.stdout == f"{TREE}: valid — 2 main goals, 3 specific goals, 3 actions, 9 indicators\n"
    )
    program = load(TREE).program
    assert program is not None
    assert [g.id for g in program.main_goals] == ["I", "II"]
    assert [(g.id, g.main) for g in program.specific_goals] == [
        ("1.1", "I"), ("1.2", "I"), ("2.1", "II"),
    ]  # fmt: skip
    assert [i.id for i in program.goal_indicators] == [
        "WI.1",
        "WI.2",
        "w1.1",
        "w1.2",
        "WII.1",
        "w2.1",
    ]
    assert program.served_goals(program.indicator("WI.2")) == ("I", "II")
    assert program.served_goals(program.indicator("1.2.1")) == ("1.2", "2.1")


def test_status_table_walks_the_tree(tree: Wsp) -> None:
    run = tree("status", "--as-of", AS_OF)
    assert run.exit_code == 0, run.stderr
    headings = [
        line
        for line in run.stdout.splitlines()
        if line.lstrip().startswith(("Main", "Goal", "Action"))
    ]
    # each goal's heading carries its roll-up: the periods shown under it, each indicator once
    assert headings[0].endswith(
        " (1 achieved · 6 in progress · 1 missed · 2 awaiting · 2 reported)"
    )
    assert headings[1].endswith(" (1 achieved · 2 in progress · 1 awaiting)")
    headings = [line.split(" (")[0] for line in headings]
    assert headings == [
        "Main goal I: Wzmocnienie potencjału organizacji pozarządowych w mieście",
        "  Goal 1.1) Rozwój kompetencji kadr organizacji",
        "    Action 1.1: Szkolenia dla organizacji",
        "  Goal 1.2) Wsparcie lokalowe organizacji",
        "    Action 1.2: Centrum organizacji pozarządowych",
        "Main goal II: Zwiększenie udziału organizacji w realizacji zadań publicznych",
        "  Goal 2.1) Zlecanie zadań publicznych w konkursach",
        "    Action 1.2: Centrum organizacji pozarządowych",
        "    Action 2.1: Otwarte konkursy ofert",
    ]
    rows = [
        line.split()[0]
        for line in run.stdout.splitlines()
        if line.startswith(("W", "w", "1.", "2."))
    ]
    # the shared indicators under each goal they serve, each goal's own under its heading
    assert rows.count("WI.2") == 6 and rows.count("1.2.1") == 6 and rows.count("WI.1") == 3
    assert rows.index("WI.1") < rows.index("w1.1") < rows.index("1.1.1")
    # ... and counted once in the summary: 9 indicators, 2024 and 2025 each, and no more
    summary = run.stdout.strip().splitlines()[-1]
    assert summary == "1 achieved · 9 in progress · 1 missed · 5 awaiting · 2 reported"


def test_status_json_rolls_up_along_the_tree(tree: Wsp) -> None:
    run = tree("status", "--as-of", AS_OF, "--format", "json")
    assert run.exit_code == 0, run.stderr
    data = json.loads(run.stdout)
    items = {(i["id"], i["period"]): i for i in data["indicators"]}
    assert len(items) == len(data["indicators"]) == 18  # each indicator and period once
    wi2 = items[("WI.2", "2024")]
    assert (wi2["goal"], wi2["action"], wi2["goals"], wi2["main_goals"]) == (
        "I", None, ["I", "II"], ["I", "II"],
    )  # fmt: skip
    shared = items[("1.2.1", "2024")]
    assert (shared["goal"], shared["action"], shared["goals"], shared["main_goals"]) == (
        None, "1.2", ["1.2", "2.1"], ["I", "II"],
    )  # fmt: skip
    nodes = {(r["level"], r["id"]): r for r in data["rollups"]}
    assert nodes[("programme", "")]["counts"] == data["summary"]
    assert sum(data["summary"].values()) == 18
    assert nodes[("main_goal", "I")]["indicators"] == [
        "WI.1",
        "WI.2",
        "w1.1",
        "w1.2",
        "1.1.1",
        "1.2.1",
    ]
    assert nodes[("main_goal", "II")]["indicators"] == ["WI.2", "WII.1", "w2.1", "1.2.1", "2.1.1"]
    assert nodes[("goal", "2.1")]["parent"] == "II"
    assert nodes[("goal", "2.1")]["indicators"] == ["w2.1", "1.2.1", "2.1.1"]
    assert nodes[("goal", "1.1")]["counts"] == {"achieved": 1, "in_progress": 2, "awaiting": 1}


def test_status_of_one_goal_shows_its_branch(tree: Wsp) -> None:
    run = tree("status", "--as-of", AS_OF, "--goal", "2.1", "--format", "md")
    assert run.exit_code == 0, run.stderr
    headings = [line.split(" (")[0] for line in run.stdout.splitlines() if line.startswith("#")]
    assert headings == [
        "## Main goal II: Zwiększenie udziału organizacji w realizacji zadań publicznych",
        "### Goal 2.1) Zlecanie zadań publicznych w konkursach",
        "#### Action 1.2: Centrum organizacji pozarządowych",
        "#### Action 2.1: Otwarte konkursy ofert",
    ]
    plain = tree("status", "--as-of", AS_OF, "--goal", "II").stdout
    assert (
        "Main goal: II — Zwiększenie udziału organizacji w realizacji zadań publicznych\n" in plain
    )
    data = json.loads(tree("status", "--as-of", AS_OF, "--goal", "II", "--format", "json").stdout)
    assert sorted({i["id"] for i in data["indicators"]}) == [
        "1.2.1",
        "2.1.1",
        "WI.2",
        "WII.1",
        "w2.1",
    ]


def test_an_unknown_goal_lists_the_main_goals(tree: Wsp) -> None:
    run = tree("status", "--goal", "III")
    assert run.exit_code == 2
    assert "main goal: I, II" in run.stderr


def test_record_history_and_transfer_take_the_documents_codes(tree: Wsp, make_wsp: MakeWsp) -> None:
    run = tree("record", "WII.1", "250000", "--year", "2024")
    assert run.exit_code == 0, run.stderr
    assert "WII.1" in run.stderr
    history = tree("history", "w1.1")
    assert history.exit_code == 0 and "55" in history.stdout
    data = json.loads(tree("status", "--as-of", AS_OF, "--format", "json").stdout)
    got = {(i["id"], i["period"]): i["actual"] for i in data["indicators"]}
    assert got[("WII.1", "2024")] == 250000 and got[("WI.1", "2024")] == 105
    out = tree.store.parent / "entries.csv"
    assert tree("export", "-o", str(out)).exit_code == 0
    other = make_wsp(TREE, store="other.db")
    imported = other("import", str(out))
    assert imported.exit_code == 0, imported.stderr
    again = json.loads(other("status", "--as-of", AS_OF, "--format", "json").stdout)
    assert {(i["id"], i["period"]): i["actual"] for i in again["indicators"]} == got


def test_completion_offers_the_goal_indicators(tree: Wsp) -> None:
    base = f"wsp --program {tree.program} --store {tree.store}"
    assert complete(f"{base} record W") == ["WI.1", "WI.2", "WII.1"]
    assert complete(f"{base} show I") == ["I", "II"]


def test_list_shows_the_goals_with_their_indicators(tree: Wsp) -> None:
    run = tree("list")
    assert run.exit_code == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[1] == "Main goal I: Wzmocnienie potencjału organizacji pozarządowych w mieście"
    assert lines[2].startswith("  WI.1  Liczba organizacji pozarządowych aktywnych w mieście")
    assert lines[3].endswith("[also serves goal II]")
    assert lines[4] == "  Specific goal 1.1) Rozwój kompetencji kadr organizacji"
    assert lines[5].startswith("    w1.1  Liczba osób przeszkolonych")
    assert any(line.endswith("raz w roku [also serves goal 2.1)]") for line in lines)
    data = json.loads(tree("list", "--format", "json").stdout)
    second = data["main_goals"][1]
    assert [i["id"] for i in second["indicators"]] == ["WII.1"]
    assert [
        (g["id"], g["main"], [i["id"] for i in g["indicators"]]) for g in second["specific"]
    ] == [("2.1", "II", ["w2.1"])]
    assert data["specific_goals"][2] == {
        "id": "2.1",
        "name": second["specific"][0]["name"],
        "main": "II",
    }


def test_show_gives_an_indicators_goal_chain(tree: Wsp) -> None:
    run = tree("show", "1.2.1", "--as-of", AS_OF)
    assert run.exit_code == 0, run.stderr
    assert run.stdout.splitlines()[:5] == [
        "Indicator 1.2.1: Liczba dyżurów doradczych",
        "  Goal: I — Wzmocnienie potencjału organizacji pozarządowych w mieście"
        " › 1.2) Wsparcie lokalowe organizacji",
        "  Goal: II — Zwiększenie udziału organizacji w realizacji zadań publicznych"
        " › 2.1) Zlecanie zadań publicznych w konkursach",
        "  Area: 1) Szkolenia i doradztwo",
        "  Action: 1.2 Centrum organizacji pozarządowych",
    ]
    goal_indicator = tree("show", "w1.1", "--as-of", AS_OF, "--format", "json")
    data = json.loads(goal_indicator.stdout)
    assert (data["type"], data["goal"], data["history"][0]["actual"]) == ("indicator", "1.1", 55)


def test_show_takes_a_goal_code_before_an_action_of_the_same_id(tree: Wsp) -> None:
    run = tree("show", "1.1")
    assert run.exit_code == 0, run.stderr
    assert run.stdout.splitlines()[:3] == [
        "Specific goal 1.1) Rozwój kompetencji kadr organizacji",
        "  Main goal: I — Wzmocnienie potencjału organizacji pozarządowych w mieście",
        "  - w1.1  Liczba osób przeszkolonych — target value: 50/rok; raz w roku",
    ]
    data = json.loads(tree("show", "II", "--format", "json").stdout)
    assert data["type"] == "main_goal"
    assert data["under"] == ["WI.2", "WII.1", "w2.1", "1.2.1", "2.1.1"]


def test_record_on_a_goal_indicator_and_report(tree: Wsp) -> None:
    run = tree("report", "--year", "2024", "--as-of", AS_OF, "--format", "md")
    assert run.exit_code == 0, run.stderr
    text = run.stdout
    assert "- **Main goals:** I — Wzmocnienie" in text
    assert (
        text.index("### Main goal I:") < text.index("### Main goal II:") < text.index("### Area 1)")
    )
    table = text[text.index("### Main goal I:") : text.index("### Main goal II:")]
    assert "| Goal " in table and "| Goal name " in table
    assert any(
        line.startswith("| 1.1 ") and "| Rozwój kompetencji kadr organizacji" in line
        for line in table.splitlines()
    )
    summary = text[text.index("## Summary by main and specific goal") :]
    rows = [line.split("|")[1].strip() for line in summary.splitlines() if line.startswith("| ")][
        1:
    ]
    assert [r.split()[0] for r in rows] == ["I", "1.1)", "1.2)", "II", "2.1)"]
    missing = text[text.index("## Missing data") :]
    items = [line.split()[1] for line in missing.splitlines() if line.startswith("- ")]
    assert items == ["w1.2", "WII.1", "w2.1", "1.1.1", "2.1.1"]  # each once


# -- the programme file: errors of the tree ------------------------------------------------------
HEAD = """\
format: 2
program: {title: T, issuer: I, first_year: 2024, last_year: 2026}
goals:
  main:
"""
IND = "{name: N, target: 1/rok, frequency: raz w roku"


def _errors(text: str) -> list[str]:
    result = load_text(text, "p.yaml")
    assert result.program is None
    return [f"{d.line}:{d.column}: {d.message} [{d.path}]" for d in result.diagnostics]


def test_duplicate_goal_ids_across_main_goals_name_both_lines() -> None:
    text = HEAD + (
        "    - {id: I, name: A, specific: [{id: '1.1', name: B}]}\n"
        "    - {id: II, name: C, specific: [{id: '1.1', name: D}]}\n"
    )
    assert _errors(text) == [
        "6:41: duplicate goal id '1.1' (first given on line 5) [goals.main[1].specific[0].id]"
    ]


def test_an_indicator_id_shared_by_a_goal_and_an_action_is_located() -> None:
    text = HEAD + (
        f"    - {{id: I, name: A, indicators: [{{id: w1, {IND[1:]}}}]}}\n"
        "areas:\n"
        "  - {id: '1', name: O, actions: [{lp: '1', name: D, indicators: "
        f"[{{id: w1, {IND[1:]}}}]}}]}}\n"
    )
    assert _errors(text) == [
        "7:71: duplicate indicator id 'w1' (first given on line 5)"
        " [areas[0].actions[0].indicators[0].id]"
    ]


def test_an_indicator_id_that_is_a_goal_id_is_an_error() -> None:
    text = HEAD + (
        "    - {id: I, name: A, specific: [{id: '1.1', name: B}]}\n"
        "areas:\n"
        f"  - {{id: '1', name: O, actions: [{{lp: '1', name: D, indicators: [{IND}}}]}}]}}\n"
    )
    assert _errors(text) == [
        "7:66: the indicator id '1.1' is already the id of a goal (line 5)"
        " [areas[0].actions[0].indicators[0]]"
    ]


def test_a_goal_indicator_needs_its_id(make_wsp: MakeWsp) -> None:
    text = HEAD + f"    - {{id: I, name: A, indicators: [{IND}}}]}}\n"
    assert _errors(text) == [
        "5:37: an indicator of the goal I needs its own id [goals.main[0].indicators[0]]"
    ]
    run = make_wsp(text)("validate")
    assert run.exit_code == 2
    assert "program.yaml:5:37: an indicator of the goal I needs its own id" in run.stderr
    assert "e.g. id: WI.1" in run.stderr
    assert "Traceback" not in run.stderr


def test_serves_names_a_goal_of_the_programme() -> None:
    text = HEAD + f"    - {{id: I, name: A, indicators: [{{id: WI.1, serves: [II], {IND[1:]}}}]}}\n"
    assert _errors(text) == ["5:57: unknown goal 'II' [goals.main[0].indicators[0].serves[0]]"]
    (found,) = load_text(text, "p.yaml").diagnostics
    assert found.hint == "did you mean 'I'? goals: I"


def test_an_action_may_serve_a_main_goal_and_names_only_goals_it_has() -> None:
    text = HEAD + (
        "    - {id: I, name: A, specific: [{id: '1.1', name: B}]}\n"
        "    - {id: II, name: C}\n"
        "areas:\n"
        "  - {id: '1', name: O, actions: [{lp: '1', name: D, goals: [II], indicators:\n"
        "      [{id: p1, name: N, target: 1/rok, frequency: raz w roku}]}]}\n"
    )
    program = load_text(text, "p.yaml").program
    assert program is not None
    assert [i.id for i in program.under_goal("II")] == ["p1"]
    assert program.under_goal("I") == []
    bad = text.replace("goals: [II]", "goals: [III]")
    assert _errors(bad) == ["8:61: unknown goal 'III' [areas[0].actions[0].goals[0]]"]
    (found,) = load_text(bad, "p.yaml").diagnostics
    assert found.hint == "did you mean 'II'? goals: I, 1.1, II"


def test_a_main_goal_is_a_mapping_or_a_list() -> None:
    text = HEAD.replace("  main:\n", "  main: Cel\n")
    assert _errors(text) == [
        "4:9: expected a main goal (id: and name: lines) or a list of main goals"
        " (lines starting with '- '), got 'Cel' [goals.main]"
    ]
    assert _errors(HEAD.replace("  main:\n", "  main: []\n")) == [
        "4:9: expected at least one item [goals.main]"
    ]


def test_several_main_goals_keep_their_specific_goals_under_them() -> None:
    text = HEAD + (
        "    - {id: I, name: A}\n    - {id: II, name: B}\n  specific: [{id: a, name: C}]\n"
    )
    assert _errors(text) == [
        "7:13: the programme has several main goals: goals.specific does not say whose goals"
        " these are [goals.specific]"
    ]


def test_one_main_goal_as_a_mapping_takes_nested_goals_and_indicators() -> None:
    text = HEAD.replace("  main:\n", "") + (
        "  main:\n"
        "    id: G\n"
        "    name: A\n"
        f"    indicators: [{{id: WG.1, {IND[1:]}}}]\n"
        "    specific: [{id: a, name: B}]\n"
        "  specific: [{id: b, name: C}]\n"
    )
    result = load_text(text, "p.yaml")
    assert result.diagnostics == []
    program = result.program
    assert program is not None and program.is_tree
    assert [(g.id, g.main) for g in program.specific_goals] == [("a", "G"), ("b", "G")]
    bad = text.replace("WG.1", "a")
    assert _errors(bad) == [
        "7:23: the indicator id 'a' is already the id of a goal (line 8)"
        " [goals.main.indicators[0].id]"
    ]


def test_rollups_count_a_shared_indicator_once() -> None:
    program = load(TREE).program
    assert program is not None
    statuses = {i.id: [Status.ACHIEVED] for i in program.indicators}
    nodes = {(r.level, r.id): r for r in roll_up(program, statuses)}
    assert nodes[("programme", "")].total == 9
    assert nodes[("main_goal", "I")].total == 6 and nodes[("main_goal", "II")].total == 5
    assert nodes[("goal", "2.1")].indicator_ids == ("w2.1", "1.2.1", "2.1.1")


# -- any shape ------------------------------------------------------------------------------------
@st.composite
def goal_trees(draw: st.DrawFn) -> str:
    """A programme file of a random goal tree: one to three main goals, each with up to two
    specific goals; indicators on any goal, on actions, serving random further goals."""
    mains = [f"M{n}" for n in range(1, draw(st.integers(1, 3)) + 1)]
    specific = {m: [f"{m}.{k}" for k in range(1, draw(st.integers(0, 2)) + 1)] for m in mains}
    every = mains + [g for m in mains for g in specific[m]]
    counter = iter(range(1, 1000))

    def indicators(indent: str) -> str:
        out = ""
        for _ in range(draw(st.integers(0, 2))):
            serves = draw(st.lists(st.sampled_from(every), max_size=2, unique=True))
            out += (
                f"{indent}- {{id: 'w{next(counter)}', name: N, target: 1/rok,"
                f" frequency: raz w roku, serves: [{', '.join(serves)}]}}\n"
            )
        return f"{indent[:-2]}indicators:\n{out}" if out else ""

    text = "format: 2\nprogram: {title: T, issuer: I, first_year: 2024, last_year: 2025}\n"
    text += "goals:\n  main:\n"
    for m in mains:
        text += f"    - id: {m}\n      name: N\n" + indicators("        ")
        if specific[m]:
            text += "      specific:\n"
            for g in specific[m]:
                text += f"        - id: '{g}'\n          name: N\n" + indicators("            ")
    text += "areas:\n  - id: A\n    name: O\n    actions:\n"
    for lp in range(1, draw(st.integers(1, 3)) + 1):
        goals = draw(st.lists(st.sampled_from(every), max_size=2, unique=True))
        text += f"      - {{lp: '{lp}', name: D, goals: [{', '.join(goals)}], indicators:\n"
        text += f"          [{{id: 'p{next(counter)}', name: N, target: 1/rok,"
        text += " frequency: raz w roku}]}\n"
    return text


@settings(max_examples=40, deadline=None)
@given(goal_trees())
def test_any_tree_rolls_up_and_shows_each_indicator_under_each_goal_it_serves(text: str) -> None:
    result = load_text(text, "p.yaml")
    assert result.diagnostics == []
    program = result.program
    assert program is not None
    ids = [i.id for i in program.indicators]
    nodes = roll_up(program, {i: [Status.ACHIEVED] for i in ids})
    assert nodes[0].level == "programme" and nodes[0].total == len(ids)  # each once
    for node in nodes:
        assert len(set(node.indicator_ids)) == len(node.indicator_ids)
    by_id = {(r.level, r.id): set(r.indicator_ids) for r in nodes}
    for goal in program.specific_goals:
        several = len(program.main_goals) > 1
        main = by_id[("main_goal", goal.main) if several else ("programme", goal.main)]
        assert by_id[("goal", goal.id)] <= main
    view = build_view(progress(program, [], date(2024, 6, 1)), program_file="p.yaml", store="s.db")
    shown = lines(view)
    for ind in program.indicators:
        ip = view.progress.indicator(ind.id)
        assert ip is not None
        per_appearance = sum(1 for r in view.rows if r.indicator_id == ind.id)
        per_appearance += 1 if len(ip.periods) > 1 else 0
        appearances = sum(1 for ln in shown if ln.indicator == ind) / per_appearance
        expected = len(program.served_goals(ind)) or 1 if program.is_tree else 1
        assert appearances == expected


def test_a_bad_reference_is_found_beside_other_errors_of_a_tree() -> None:
    text = HEAD + (
        "    - {id: I, name: A, specific: [{id: '1.1', name: B}]}\n"
        "    - {id: II, name: C, indicators: [{id: W, name: N, target: 1/rok,"
        " frequency: co pięć lat}]}\n"
        "areas:\n"
        "  - {id: '1', name: O, actions: [{lp: '1', name: D, goals: [III], indicators:\n"
        "      [{id: p1, name: N, target: 1/rok, frequency: raz w roku}]}]}\n"
    )
    result = load_text(text, "p.yaml")
    assert [(d.path, d.hint) for d in result.diagnostics][1] == (
        "areas[0].actions[0].goals[0]",
        "did you mean 'II'? goals: I, 1.1, II",
    )
    assert result.diagnostics[0].path == "goals.main[1].indicators[0].frequency"


def test_the_tree_speaks_polish(tree: Wsp) -> None:
    status = tree("status", "--as-of", AS_OF, lang="pl").stdout
    assert (
        "\nCel główny II: Zwiększenie udziału organizacji w realizacji zadań publicznych ("
        in status
    )
    assert "\n  Cel 2.1) Zlecanie zadań publicznych w konkursach (w trakcie: 3 · " in status
    listing = tree("list", lang="pl").stdout
    assert "[służy także celowi II]" in listing and "[służy także celowi 2.1)]" in listing
    shown = tree("show", "w2.1", "--as-of", AS_OF, lang="pl")
    assert shown.stdout.splitlines()[1] == (
        "  Cel: II — Zwiększenie udziału organizacji w realizacji zadań publicznych"
        " › 2.1) Zlecanie zadań publicznych w konkursach"
    )
    out = tree.store.parent / "sprawozdanie.html"
    report = tree("report", "--year", "2024", "--as-of", AS_OF, "-o", str(out), lang="pl")
    assert report.exit_code == 0, report.stderr
    html = out.read_text(encoding="utf-8")
    assert "Cel główny I: Wzmocnienie" in html and "Nazwa celu</th>" in html
    assert "Podsumowanie według celów głównych i szczegółowych" in html

"""Amendments of a target by resolution (``amendments: [{from, target, resolution}]``): each
period judged against the target in force, the programme total, show, the report, and the
located errors of the loader's rules."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import MakeWsp
from tests.test_rules import found, hints
from wspolpraca_cli.loader import load_text, rules
from wspolpraca_cli.progress import progress
from wspolpraca_cli.targets import TargetKind

PROGRAMME = """\
format: 1
program: {title: T, issuer: I, first_year: 2021, last_year: 2025}
goals:
  main: {id: g, name: G}
  specific: [{id: a, name: A}]
areas:
  - id: "1"
    name: O
    actions:
      - lp: "1"
        name: Warsztaty
        indicators:
          - id: "1.1"
            name: Liczba warsztatów
            unit: liczba
            target: 1/rok
            frequency: Raz w roku
            amendments:
%s
"""
AMENDED = """\
              - from: 2023
                target: 2/rok
                resolution: "Uchwała nr XII/123/2023 z 20 marca 2023 r."
"""


def amended(lines: str = AMENDED) -> str:
    return PROGRAMME % lines.rstrip("\n")


def test_each_period_is_judged_against_the_target_in_force() -> None:
    loaded = load_text(amended(), "p.yaml")
    assert loaded.ok, loaded.diagnostics
    program = loaded.program
    assert program is not None
    ind = program.indicators[0]
    assert [(a.from_year, a.target.value, a.resolution) for a in ind.amendments] == [
        (2023, 2.0, "Uchwała nr XII/123/2023 z 20 marca 2023 r.")
    ]
    from wspolpraca_cli.entries import Entry

    entries = [Entry(f"e{y}", "1.1", str(y), 1.0) for y in range(2021, 2026)]
    ip = progress(program, entries, date(2026, 7, 1)).indicators[0]
    assert [(str(r.period), r.target, r.status.value) for r in ip.periods] == [
        ("2021", 1.0, "achieved"),
        ("2022", 1.0, "achieved"),
        ("2023", 2.0, "missed"),
        ("2024", 2.0, "missed"),
        ("2025", 2.0, "missed"),
    ]
    assert ip.programme.target == 8.0  # 1 + 1 + 2 + 2 + 2
    assert ip.programme.actual == 5.0


def test_two_amendments_and_a_floor() -> None:
    text = amended(
        AMENDED
        + """\
              - from: 2025
                target: 3/rok
                resolution: "Uchwała nr 2"
"""
    )
    program = load_text(text).program
    assert program is not None
    ip = progress(program, [], date(2021, 3, 1)).indicators[0]
    assert [r.target for r in ip.periods] == [1.0, 1.0, 2.0, 2.0, 3.0]
    assert ip.programme.target == 9.0
    floor = text.replace("target: 1/rok", "target: ≥ 10").replace("/rok\n", "\n")
    floor = floor.replace("target: 2\n", "target: ≥ 12\n").replace("target: 3\n", "target: ≥ 15\n")
    floor_program = load_text(floor).program
    assert floor_program is not None, load_text(floor).diagnostics
    assert floor_program.indicators[0].target.kind is TargetKind.FLOOR
    ip = progress(floor_program, [], date(2021, 3, 1)).indicators[0]
    assert [r.target for r in ip.periods] == [10.0, 10.0, 12.0, 12.0, 15.0]


def test_show_gives_the_target_history_with_resolutions(make_wsp: MakeWsp) -> None:
    wsp = make_wsp(amended())
    run = wsp("show", "1.1")
    assert run.exit_code == 0, run.stderr
    assert (
        "  Target history:\n"
        "    1/rok (original, from 2021)\n"
        "    2/rok from 2023 — Uchwała nr XII/123/2023 z 20 marca 2023 r.\n"
    ) in run.stdout
    polish = wsp("show", "1.1", lang="pl")
    assert "    2/rok od 2023 r. — Uchwała nr XII/123/2023 z 20 marca 2023 r." in polish.stdout
    data = json.loads(wsp("show", "1.1", "--format", "json").stdout)
    assert data["target_history"] == [
        {"from": None, "text": "1/rok", "value": 1.0, "resolution": None},
        {
            "from": 2023,
            "text": "2/rok",
            "value": 2.0,
            "resolution": "Uchwała nr XII/123/2023 z 20 marca 2023 r.",
        },
    ]
    by_period = {r["period"]: r for r in data["history"]}
    assert by_period["2022"]["target"] == 1.0 and by_period["2022"]["amendment"] is None
    assert by_period["2023"]["target"] == 2.0 and by_period["2023"]["target_text"] == "2/rok"
    assert by_period["2023"]["amendment"]["resolution"].startswith("Uchwała nr XII/123/2023")
    assert data["programme"]["target"] == 8.0


def test_the_report_names_the_resolution_and_prints_the_explanation(make_wsp: MakeWsp) -> None:
    wsp = make_wsp(amended())
    wsp.record("1.1", "1", "--year", "2023")
    assert wsp("explain", "1.1", "2023", "Druga konferencja odwołana").exit_code == 0
    report = wsp("report", "--year", "2023", "--as-of", "2024-07-01", "--format", "md")
    assert report.exit_code == 0, report.stderr
    row = next(line for line in report.stdout.splitlines() if "1.1 Liczba" in line)
    assert "| 2/rok " in row
    assert "Explanation: Druga konferencja odwołana" in row
    assert "Target amended from 2023: 2/rok (Uchwała nr XII/123/2023 z 20 marca 2023 r.)" in row
    earlier = wsp("report", "--year", "2022", "--as-of", "2024-07-01", "--format", "md").stdout
    assert "Target amended" not in earlier and "| 1/rok " in earlier
    csv = wsp("report", "--year", "2023", "--as-of", "2024-07-01", "--format", "csv").stdout
    assert "Explanation: Druga konferencja odwołana" in csv
    assert "Uchwała nr XII/123/2023" in csv


# -- invalid amendments: located errors -----------------------------------------------------------


def test_an_amendment_from_a_year_outside_the_programme() -> None:
    text = amended("              - {from: 2030, target: 2/rok}")
    assert found(rules.amendment_years_inside, text) == [
        (
            19,
            24,
            "An amendment from 2030 lies outside the programme's years (2021–2025).",
            "areas[0].actions[0].indicators[0].amendments[0].from",
        )
    ]


def test_two_amendments_from_the_same_year_and_out_of_order() -> None:
    text = amended(
        "              - {from: 2023, target: 2/rok}\n"
        "              - {from: 2023, target: 3/rok}\n"
        "              - {from: 2022, target: 3/rok}\n"
    )
    path = "areas[0].actions[0].indicators[0].amendments[%d].from"
    assert found(rules.amendments_in_year_order, text) == [
        (20, 24, "A second amendment of the target from 2023.", path % 1),
        (21, 24, "The amendments are not in year order (2022 after 2023).", path % 2),
    ]
    assert hints(rules.amendments_in_year_order, text) == [
        "one amendment a year; write a later resolution into the same amendment",
        "list the amendments from the earliest",
    ]


def test_an_amendment_that_changes_the_kind_of_target() -> None:
    text = amended("              - {from: 2023, target: ≤ 5}")
    assert found(rules.amendments_keep_the_kind, text) == [
        (
            19,
            38,
            "An amended target must be of the same kind as the original (1/rok); given ≤ 5.",
            "areas[0].actions[0].indicators[0].amendments[0].target",
        )
    ]
    per_quarter = amended("              - {from: 2023, target: 1/kwartał}")
    assert len(found(rules.amendments_keep_the_kind, per_quarter)) == 1


@pytest.mark.parametrize(
    ("lines", "line", "message"),
    [
        ("              - {from: 2023, target: dużo}", 19, "unknown target notation 'dużo'"),
        ("              - {from: x, target: 2/rok}", 19, "expected a whole number, got 'x'"),
        ("              - {target: 2/rok}", 19, "missing required key 'from'"),
        ("              - {from: 2023, target: 2/rok, uchwała: x}", 19, "unknown key"),
    ],
)
def test_unreadable_amendments_are_located(lines: str, line: int, message: str) -> None:
    loaded = load_text(amended(lines), "p.yaml")
    assert not loaded.ok
    assert [(d.line, message in d.message) for d in loaded.diagnostics] == [(line, True)], [
        d.format() for d in loaded.diagnostics
    ]


def test_validate_prints_amendment_errors_as_file_line(make_wsp: MakeWsp) -> None:
    wsp = make_wsp(amended("              - {from: 2030, target: 2/rok}"))
    run = wsp("validate", str(wsp.program))
    assert run.exit_code == 2
    assert f"{wsp.program}:19:24: An amendment from 2030 lies outside" in run.stdout + run.stderr


@given(
    st.dictionaries(
        st.integers(min_value=2022, max_value=2025), st.integers(min_value=0, max_value=9)
    ),
    st.integers(min_value=0, max_value=9),
)
def test_the_programme_total_adds_the_targets_in_force(
    changes: dict[int, int], original: int
) -> None:
    lines = "".join(
        f"              - {{from: {year}, target: {value}/rok, resolution: U{year}}}\n"
        for year, value in sorted(changes.items())
    )
    head = PROGRAMME.replace("target: 1/rok", f"target: {original}/rok")
    text = head % lines.rstrip("\n") if lines else (head % "").replace("  amendments:\n", "")
    program = load_text(text).program
    assert program is not None
    ip = progress(program, [], date(2021, 3, 1)).indicators[0]
    in_force, expected = original, []
    for year in range(2021, 2026):
        in_force = changes.get(year, in_force)
        expected.append(float(in_force))
    assert [r.target for r in ip.periods] == expected
    assert ip.programme.target == sum(expected)


def test_an_amended_target_follows_the_rules_of_the_indicators_own() -> None:
    path = "areas[0].actions[0].indicators[0].amendments[%d].target"
    text = amended(
        "              - {from: 2023, target: 1.5/rok}\n"
        "              - {from: 2024, target: 20%/rok}\n"
    )
    assert [(line, col, p) for line, col, _, p in found(rules.amended_targets_fit, text)] == [
        (19, 38, path % 0),
        (20, 38, path % 1),
    ]
    messages = [m for _, _, m, _ in found(rules.amended_targets_fit, text)]
    assert ("1.5" in messages[0] and "%" in messages[1]) or "percent" in messages[1]

"""Breakdown totals: each period's value per breakdown value (entries without the breakdown as
unspecified), a breakdown value's own target, and where they show — status (table and JSON),
``show`` and the report; the store's groups by tags against the entries in memory."""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import MakeWsp, Wsp
from wspolpraca_cli.entries import Entry, EntryKind, summarise_tags
from wspolpraca_cli.progress import evaluate, progress
from wspolpraca_cli.store import open_store

PROGRAM = """\
format: 1
program:
  title: Program testowy
  issuer: Gmina Testowo
  first_year: 2023
  last_year: 2025
goals:
  main: {id: główny, name: Cel główny}
  specific:
    - {id: a, name: Cel a}
areas:
  - id: "1"
    name: Obszar pierwszy
    goals: [a]
    actions:
      - lp: "1"
        name: Warsztaty
        indicators:
          - id: "1.1"
            name: Liczba warsztatów
            unit: liczba
            target: 2/rok
            frequency: Raz w roku
            breakdowns:
              forma:
                values:
                  wspólnie: współorganizowane
                  samodzielnie: organizowane samodzielnie
                targets:
                  wspólnie: 1/rok
              miejsce: [miasto, wieś]
          - id: "1.2"
            name: Średnia liczba uczestników
            unit: wartość
            target: brak
            frequency: raz na kwartał
            aggregation: mean
            breakdowns:
              forma: [stacjonarnie, online]
          - id: "1.3"
            name: Liczba porad
            unit: liczba
            target: 10/rok
            frequency: Raz w roku
"""


def _program(tmp_path: Path, text: str = PROGRAM) -> Any:
    from wspolpraca_cli.loader import load_program

    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    return load_program(path)


def _values(totals: Any, key: str) -> dict[str | None, Any]:
    found = next(b for b in totals if b.key == key)
    return {v.value: v for v in found.values}


# -- the engine -------------------------------------------------------------------------------
def test_a_period_gives_its_value_per_breakdown_value_and_the_unspecified(tmp_path: Path) -> None:
    program = _program(tmp_path)
    entries = [
        Entry("a", "1.1", "2024", 2, tags=(("forma", "wspólnie"), ("miejsce", "wieś")), seq=1),
        Entry("b", "1.1", "2024", 1, tags=(("forma", "samodzielnie"),), seq=2),
        Entry("c", "1.1", "2024", 4, seq=3),
    ]
    r = progress(program, entries, date(2025, 6, 30)).indicator("1.1").period("2024")
    forma = _values(r.breakdowns, "forma")
    assert [v for v in forma] == ["wspólnie", "samodzielnie", None]
    assert (forma["wspólnie"].result.actual, forma["wspólnie"].result.count) == (2, 1)
    assert forma["samodzielnie"].result.actual == 1
    assert (forma[None].result.actual, forma[None].result.count) == (4, 1)
    miejsce = _values(r.breakdowns, "miejsce")
    assert {k: v.result.actual for k, v in miejsce.items()} == {"miasto": 0, "wieś": 2, None: 5}


def test_a_breakdown_value_is_judged_against_its_own_target(tmp_path: Path) -> None:
    program = _program(tmp_path)
    entries = [
        Entry("a", "1.1", "2023", 3, tags=(("forma", "samodzielnie"),), seq=1),
        Entry("b", "1.1", "2024", 1, tags=(("forma", "wspólnie"),), seq=2),
    ]
    ip = progress(program, entries, date(2025, 6, 30)).indicator("1.1")
    in_2023 = _values(ip.period("2023").breakdowns, "forma")
    # a sum indicator's period with data: a value without entries is 0, so missed
    assert in_2023["wspólnie"].result.actual == 0
    assert in_2023["wspólnie"].result.target == 1
    assert in_2023["wspólnie"].result.status.value == "missed"
    assert not in_2023["samodzielnie"].targeted
    in_2024 = _values(ip.period("2024").breakdowns, "forma")
    assert in_2024["wspólnie"].result.status.value == "achieved"
    # a period without data: the value waits for its data, as the period does
    in_2025 = _values(ip.period("2025").breakdowns, "forma")
    assert in_2025["wspólnie"].result.status.value == "in_progress"
    whole = _values(ip.programme.breakdowns, "forma")
    assert whole["wspólnie"].result.target == 3  # 1/rok over three years
    assert whole["wspólnie"].result.actual == 1


def test_corrections_and_voids_count_as_they_do_for_the_total(tmp_path: Path) -> None:
    program = _program(tmp_path)
    entries = [
        Entry("a", "1.1", "2024", 2, tags=(("forma", "wspólnie"),), seq=1),
        Entry("b", "1.1", "2024", 5, tags=(("forma", "wspólnie"),), seq=2),
        # the correction moves the entry to another value of the breakdown
        Entry(
            "c",
            "1.1",
            "2024",
            3,
            EntryKind.CORRECTION,
            tags=(("forma", "samodzielnie"),),
            supersedes="a",
            seq=3,
        ),
        Entry("d", "1.1", "2024", None, EntryKind.VOID, supersedes="b", seq=4),
    ]
    r = progress(program, entries, date(2025, 6, 30)).indicator("1.1").period("2024")
    forma = _values(r.breakdowns, "forma")
    assert r.actual == 3
    assert forma["wspólnie"].result.actual == 0
    assert forma["samodzielnie"].result.actual == 3


def test_a_mean_indicator_averages_each_value_and_a_value_without_entries_has_none(
    tmp_path: Path,
) -> None:
    program = _program(tmp_path)
    entries = [
        Entry("a", "1.2", "2024-Q1", 10, tags=(("forma", "online"),), seq=1),
        Entry("b", "1.2", "2024-Q1", 20, tags=(("forma", "online"),), seq=2),
        Entry("c", "1.2", "2024-Q1", 60, seq=3),
    ]
    r = progress(program, entries, date(2025, 6, 30)).indicator("1.2").period("2024-Q1")
    forma = _values(r.breakdowns, "forma")
    assert r.actual == 30
    assert forma["online"].result.actual == 15
    assert forma["stacjonarnie"].result.actual is None
    assert forma[None].result.actual == 60


def test_an_indicator_without_breakdowns_has_none(tmp_path: Path) -> None:
    program = _program(tmp_path)
    ip = progress(program, [Entry("a", "1.3", "2024", 4, seq=1)], date(2025, 6, 30))
    assert ip.indicator("1.3").period("2024").breakdowns == ()
    assert ip.indicator("1.3").programme.breakdowns == ()


_tags = st.sampled_from(
    [(), (("forma", "wspólnie"),), (("forma", "samodzielnie"), ("miejsce", "wieś")),
     (("miejsce", "miasto"),), (("forma", "inna"),)]
)  # fmt: skip
_entries = st.lists(
    st.tuples(st.sampled_from(["2023", "2024", "2025"]), st.integers(0, 50), _tags),
    max_size=25,
)


@settings(deadline=None)  # a store per example: its file's time varies on a loaded machine
@given(_entries, st.data())
def test_the_values_of_a_breakdown_add_up_to_the_period_total(rows: Any, data: Any) -> None:
    """For a sum indicator, whatever the tags, corrections and voids: each breakdown's values
    (the unspecified included) add up to the period's total, in every period and over the
    programme — the same from the store's groups as from the entries in memory."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        program = _program(Path(folder))
        entries = [
            Entry(f"e{n}", "1.1", period, value, tags=tags, seq=n + 1)
            for n, (period, value, tags) in enumerate(rows)
        ]
        superseded = data.draw(st.sets(st.sampled_from(range(len(entries))))) if entries else set()
        seq = len(entries)
        for n in sorted(superseded):
            seq += 1
            old = entries[n]
            if data.draw(st.booleans()):
                tags = data.draw(_tags)
                kind, value = EntryKind.CORRECTION, 7.0
            else:
                kind, value, tags = EntryKind.VOID, None, ()
            entries.append(
                Entry(
                    f"x{n}", "1.1", old.period, value, kind, tags=tags, supersedes=old.uid, seq=seq
                )
            )
        as_of = date(2025, 6, 30)
        in_memory = progress(program, entries, as_of).indicator("1.1")
        store_path = Path(folder) / "s.db"
        with open_store(store_path) as store:
            store.import_entries(entries)
            from_store = evaluate(
                program, store.summaries(as_of), as_of, tags=store.tag_summaries(as_of, ["1.1"])
            ).indicator("1.1")
        assert from_store == in_memory
        for r in [*in_memory.periods, in_memory.programme]:
            for b in r.breakdowns:
                total = math.fsum(v.result.actual or 0.0 for v in b.values)
                assert math.isclose(total, r.actual or 0.0), (b.key, str(r.period))
                assert sum(v.result.count for v in b.values) == r.count


def test_store_groups_match_the_entries_in_memory(tmp_path: Path) -> None:
    entries = [
        Entry("a", "1.1", "2024", 1, tags=(("forma", "wspólnie"),), seq=1),
        Entry("b", "1.1", "2024", 2, seq=2),
        Entry("c", "1.1", "2024", 3, tags=(("forma", "wspólnie"),), seq=3),
        Entry("d", "1.1", "2024", 4, date="2025-12-01", seq=4),  # after as-of
    ]
    with open_store(tmp_path / "s.db") as store:
        store.import_entries(entries)
        stored = store.tag_summaries(date(2025, 6, 30), ["1.1"])
        assert store.tag_summaries(date(2025, 6, 30), []) == []
        # every indicator's groups: the same, read in one pass over the table
        assert store.tag_summaries(date(2025, 6, 30)) == stored
    assert stored == summarise_tags(entries, date(2025, 6, 30))
    # ordered by each group's latest entry: the tagged group's last entry came last
    assert [g.tags for g in stored] == [(), (("forma", "wspólnie"),)]
    assert [g.values.total for g in stored] == [2, 4]


# -- JSON -------------------------------------------------------------------------------------
@pytest.fixture
def bwsp(make_wsp: MakeWsp) -> Wsp:
    run = make_wsp(PROGRAM)
    run.record("1.1", "2", "--year", "2024", "--tag", "forma=wspólnie", "--yes")
    run.record("1.1", "1", "--year", "2024", "--tag", "forma=samodzielnie", "--yes")
    run.record("1.1", "4", "--year", "2024", "--yes")
    return run


def test_a_programme_whose_indicators_mostly_have_breakdowns_gives_them_all(
    make_wsp: MakeWsp,
) -> None:
    """Most indicators with breakdowns: the store is asked for every group at once; the
    indicator without breakdowns still has none."""
    text = PROGRAM.replace(
        "            target: 10/rok\n            frequency: Raz w roku\n",
        "            target: 10/rok\n            frequency: Raz w roku\n"
        "            breakdowns: {forma: [a, b]}\n",
    )
    run = make_wsp(text)
    run.record("1.3", "4", "--year", "2024", "--tag", "forma=a", "--yes")
    run.record("1.1", "2", "--year", "2024", "--tag", "forma=wspólnie", "--yes")
    doc = json.loads(run("status", "--year", "2024", "--format", "json").stdout)
    items = {i["id"]: i for i in doc["indicators"]}
    assert items["1.3"]["breakdowns"][0]["values"][0] == {
        **items["1.3"]["breakdowns"][0]["values"][0],
        "value": "a",
        "actual": 4,
    }
    assert items["1.1"]["breakdowns"][0]["values"][0]["actual"] == 2


def test_status_json_gives_breakdowns_on_each_period_item(bwsp: Wsp) -> None:
    run = bwsp("status", "--year", "2024", "--as-of", "2025-06-30", "--format", "json")
    assert run.exit_code == 0, run.stderr
    doc = json.loads(run.stdout)
    item = next(i for i in doc["indicators"] if i["id"] == "1.1")
    forma = next(b for b in item["breakdowns"] if b["breakdown"] == "forma")
    values = {v["value"]: v for v in forma["values"]}
    assert list(values) == ["wspólnie", "samodzielnie", None]
    assert values["wspólnie"] == {
        "value": "wspólnie",
        "label": "współorganizowane",
        "actual": 2,
        "entries": 1,
        "target": 1,
        "target_text": "1/rok",
        "target_max": None,
        "achievement": 2.0,
        "status": "achieved",
        "shortfall": False,
        "deviation": None,
    }
    assert values["samodzielnie"]["status"] is None  # no target of its own
    assert values[None]["actual"] == 4 and values[None]["label"] is None
    assert sum(v["actual"] for v in forma["values"]) == item["actual"]
    plain = next(i for i in doc["indicators"] if i["id"] == "1.3")
    assert plain["breakdowns"] == []
    whole = next(p for p in doc["programme"] if p["id"] == "1.1")
    assert [b["breakdown"] for b in whole["breakdowns"]] == ["forma", "miejsce"]


def test_show_json_gives_breakdowns_in_its_history(bwsp: Wsp) -> None:
    run = bwsp("show", "1.1", "--as-of", "2025-06-30", "--format", "json")
    assert run.exit_code == 0, run.stderr
    doc = json.loads(run.stdout)
    year = next(h for h in doc["history"] if h["period"] == "2024")
    assert year["breakdowns"][0]["values"][0]["actual"] == 2
    assert doc["breakdown_targets"] == {"forma": {"wspólnie": "1/rok"}}


# -- the programme file -----------------------------------------------------------------------
def test_format_one_breakdowns_still_load(tmp_path: Path) -> None:
    program = _program(tmp_path)
    ind = program.indicator("1.2")
    assert ind.breakdowns[0].values == (("stacjonarnie", "stacjonarnie"), ("online", "online"))
    forma = program.indicator("1.1").breakdown("forma")
    assert forma.values[0] == ("wspólnie", "współorganizowane")
    assert [(code, text) for code, _, text in forma.targets] == [("wspólnie", "1/rok")]


def _bad(make_wsp: MakeWsp, old: str, new: str) -> Any:
    run = make_wsp(PROGRAM.replace(old, new))
    return run("validate")


def test_a_target_for_a_value_the_breakdown_does_not_list_is_an_error(make_wsp: MakeWsp) -> None:
    run = _bad(make_wsp, "                  wspólnie: 1/rok", "                  razem: 1/rok")
    assert run.exit_code == 2
    assert "program.yaml:30:26: the breakdown 'forma' has no value 'razem'" in run.stderr
    assert "[areas[0].actions[0].indicators[0].breakdowns.forma.targets.razem]" in run.stderr
    assert "the breakdown's values: wspólnie, samodzielnie" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_breakdown_target_may_name_a_value_by_its_label(make_wsp: MakeWsp) -> None:
    run = _bad(make_wsp, "wspólnie: 1/rok", "współorganizowane: 1/rok")
    assert run.exit_code == 0, run.stderr


def test_a_breakdown_target_wsp_cannot_read_is_located(make_wsp: MakeWsp) -> None:
    run = _bad(make_wsp, "wspólnie: 1/rok", "wspólnie: raz na jakiś czas")
    assert run.exit_code == 2
    assert "program.yaml:30:29:" in run.stderr
    assert "breakdowns.forma.targets.wspólnie]" in run.stderr
    assert "hint:" in run.stderr


def test_a_breakdown_target_for_other_periods_is_an_error(make_wsp: MakeWsp) -> None:
    run = _bad(make_wsp, "wspólnie: 1/rok", "wspólnie: 1/kwartał")
    assert run.exit_code == 2
    assert "is for other periods than the indicator's" in run.stderr
    assert "the indicator's target: 2/rok" in run.stderr


def test_a_change_target_of_a_breakdown_value_is_an_error(make_wsp: MakeWsp) -> None:
    run = _bad(make_wsp, "wspólnie: 1/rok", "wspólnie: wzrost o 10%")
    assert run.exit_code == 2
    assert "a breakdown value has none" in run.stderr


def test_the_errors_are_in_polish_too(make_wsp: MakeWsp) -> None:
    run = make_wsp(PROGRAM.replace("wspólnie: 1/rok", "razem: 1/rok"), lang="pl")("validate")
    assert run.exit_code == 2
    assert "podział 'forma' nie ma wartości 'razem'" in run.stderr


# -- tables -----------------------------------------------------------------------------------
def _line(text: str, start: str) -> list[str]:
    found = [line for line in text.splitlines() if line.strip().startswith(start)]
    assert found, f"no line starting {start!r} in:\n{text}"
    return found[0].split()


def test_the_piped_status_table_gives_a_line_per_breakdown_value(bwsp: Wsp) -> None:
    run = bwsp("status", "--year", "2024", "--as-of", "2025-06-30")
    assert run.exit_code == 0, run.stderr
    assert _line(run.stdout, "1.1") == ["1.1", "Liczba", "warsztatów", "2024", "2", "7", "350%",
                                        "achieved"]  # fmt: skip
    assert _line(run.stdout, "forma: wspólnie") == ["forma:", "wspólnie", "1", "2", "200%",
                                                    "achieved"]  # fmt: skip
    assert _line(run.stdout, "forma: samodzielnie") == ["forma:", "samodzielnie", "1"]
    assert _line(run.stdout, "forma: unspecified") == ["forma:", "unspecified", "4"]
    assert _line(run.stdout, "miejsce: miasto") == ["miejsce:", "miasto", "0"]
    assert "miejsce: unspecified" in run.stdout
    # the lines follow their period, indented under the indicator's name
    lines = run.stdout.splitlines()
    below = lines.index(next(line for line in lines if line.startswith("1.1 "))) + 1
    assert lines[below].startswith("       forma: wspólnie")


def test_a_period_without_data_has_no_breakdown_lines(bwsp: Wsp) -> None:
    run = bwsp("status", "--year", "2025", "--as-of", "2025-06-30")
    assert run.exit_code == 0, run.stderr
    assert "forma:" not in run.stdout


def test_the_breakdown_lines_in_polish_and_in_markdown(bwsp: Wsp) -> None:
    run = bwsp("status", "--year", "2024", "--as-of", "2025-06-30", "--format", "md", lang="pl")
    assert run.exit_code == 0, run.stderr
    assert "forma: nieokreślone" in run.stdout
    row = next(line for line in run.stdout.splitlines() if "forma: wspólnie" in line)
    assert [c.strip() for c in row.strip("|").split("|")][3:] == ["1", "2", "200%", "osiągnięto"]


def _breakdown_view(bwsp: Wsp) -> Any:
    """The status view of the breakdowns' store in 2024, as of 2025-06-30."""
    from wspolpraca_cli.loader import load_program
    from wspolpraca_cli.render.status import build_view

    with open_store(bwsp.store) as store:
        as_of = date(2025, 6, 30)
        result = evaluate(
            load_program(bwsp.program),
            store.summaries(as_of),
            as_of,
            tags=store.tag_summaries(as_of, ["1.1", "1.2"]),
        )
    return build_view(result, program_file="p", store="s", year=2024)


def test_the_terminal_table_gives_the_breakdown_lines(bwsp: Wsp) -> None:
    from io import StringIO

    from rich.console import Console

    from wspolpraca_cli.render.terminal import render_rich

    out = StringIO()
    render_rich(_breakdown_view(bwsp), Console(file=out, width=120, color_system=None))
    text = out.getvalue()
    assert _line(text, "forma: wspólnie")[2:] == ["2", "/", "1", "████████", "200%", "achieved"]
    assert _line(text, "forma: unspecified")[2:] == ["4"]


@pytest.mark.parametrize("width", [44, 120])
@pytest.mark.parametrize(("colours", "no_color"), [("truecolor", False), ("256", True),
                                                   ("standard", False)])  # fmt: skip
def test_the_terminal_table_paints_as_rich_would(
    bwsp: Wsp, width: int, colours: str, no_color: bool
) -> None:
    """In colour, wrapped names and breakdown lines included, the table whose cells wsp
    paints is the table Rich renders from the styled segments (a recording console keeps
    them styled)."""
    from io import StringIO

    from rich.console import Console

    from wspolpraca_cli.render.terminal import render_rich

    view = _breakdown_view(bwsp)
    shown = []
    for record in (False, True):
        out = StringIO()
        console = Console(file=out, width=width, color_system=colours, force_terminal=True,
                          no_color=no_color, record=record)  # fmt: skip
        render_rich(view, console)
        shown.append(out.getvalue())
    assert shown[0] == shown[1]
    assert "\x1b[1m" in shown[0] and "wspólnie" in shown[0]
    assert ("\x1b[32m" in shown[0]) is not no_color  # the id's green, unless NO_COLOR


def test_the_programme_row_says_how_complete_the_data_is(make_wsp: MakeWsp) -> None:
    run = make_wsp(PROGRAM)
    run.record("1.3", "4", "--year", "2023", "--yes")
    for lang, text in [("en", "programme to date · data for 1 of 2 periods"),
                       ("pl", "razem w programie · dane za 1 z 2 okresów")]:  # fmt: skip
        out = run("status", "--as-of", "2025-06-30", lang=lang)
        assert out.exit_code == 0, out.stderr
        assert _line(out.stdout, "1.3  " + text.split()[0])[:8] == ["1.3", *text.split()[:7]]
        assert text in out.stdout
    one = run("status", "--as-of", "2024-06-30", lang="pl").stdout
    assert "razem w programie · dane za 1 z 1 okresu" in one
    early = run("status", "--as-of", "2023-06-30").stdout  # nothing due yet: nothing to say
    assert _line(early, "1.3  programme")[:4] == ["1.3", "programme", "to", "date"]
    assert "2023–2025" in _line(early, "1.3  programme")[4]


def test_show_gives_the_breakdown_values_and_the_completeness(bwsp: Wsp) -> None:
    run = bwsp("show", "1.1", "--as-of", "2025-06-30")
    assert run.exit_code == 0, run.stderr
    assert _line(run.stdout, "forma: wspólnie") == ["forma:", "wspólnie", "1", "2", "200%",
                                                    "achieved"]  # fmt: skip
    assert _line(run.stdout, "forma: unspecified") == ["forma:", "unspecified", "4"]
    assert "Data for 1 of 2 periods." in run.stdout
    polish = bwsp("show", "1.1", "--as-of", "2025-06-30", lang="pl")
    assert "Dane za 1 z 2 okresów." in polish.stdout


# -- the report -------------------------------------------------------------------------------
def test_the_report_gives_each_rows_breakdown_totals_in_every_format(
    bwsp: Wsp, tmp_path: Path
) -> None:
    expected = (
        "forma: współorganizowane 2 z 1 (osiągnięto), organizowane samodzielnie 1, nieokreślone 4"
    )
    md = bwsp("report", "--year", "2024", "--as-of", "2025-06-30", "--format", "md", lang="pl")
    assert md.exit_code == 0, md.stderr
    assert expected in md.stdout
    assert "miejsce: miasto 0, wieś 0, nieokreślone 7" in md.stdout
    csv = bwsp("report", "--year", "2024", "--format", "csv", lang="pl")
    assert expected in csv.stdout
    english = bwsp("report", "--year", "2024", "--as-of", "2025-06-30", "--format", "md")
    assert (
        "forma: współorganizowane 2 of 1 (achieved), organizowane samodzielnie 1" in english.stdout
    )
    html = tmp_path / "r.html"
    assert bwsp("report", "--year", "2024", "-o", str(html), lang="pl").exit_code == 0
    assert expected in html.read_text(encoding="utf-8")
    xlsx = tmp_path / "r.xlsx"
    assert bwsp("report", "--year", "2024", "-o", str(xlsx), lang="pl").exit_code == 0
    from openpyxl import load_workbook

    cells = [str(c.value) for ws in load_workbook(xlsx) for row in ws.iter_rows() for c in row]
    assert any(expected in c for c in cells)


def test_show_names_a_breakdown_values_own_target(bwsp: Wsp) -> None:
    run = bwsp("show", "1.1", "--as-of", "2025-06-30")
    assert "  Breakdowns: forma: wspólnie (współorganizowane), samodzielnie" in run.stdout
    assert "    targets: wspólnie: 1/rok" in run.stdout
    assert "wartości docelowe: wspólnie: 1/rok" in bwsp("show", "1.1", lang="pl").stdout


def test_list_and_show_json_carry_a_ranges_upper_bound(make_wsp: MakeWsp) -> None:
    run = make_wsp(PROGRAM.replace("target: 10/rok", "target: od 3 do 6"))
    shown = json.loads(run("show", "1.3", "--format", "json").stdout)
    assert (shown["target"]["kind"], shown["target"]["value"]) == ("range", 3)
    assert shown["target"]["target_max"] == 6
    assert shown["programme"]["target_max"] is not None
    assert all("target_max" in h and "deviation" in h for h in shown["history"])
    listed = json.loads(run("list", "--format", "json").stdout)
    ind = next(i for i in listed["areas"][0]["actions"][0]["indicators"] if i["id"] == "1.3")
    assert ind["target"]["target_max"] == 6


def test_a_misspelt_key_of_a_breakdown_gets_the_accepted_keys(make_wsp: MakeWsp) -> None:
    run = _bad(make_wsp, "                targets:", "                target:")
    assert run.exit_code == 2
    assert "program.yaml:29:17: unknown key 'target'" in run.stderr
    assert "hint: did you mean 'targets'? accepted keys: values, targets" in run.stderr

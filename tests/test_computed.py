"""Computed indicators (issue 14): ``computed:`` in the programme file — its mistakes located
with a hint, its values from the grants register in status, check, report and JSON, and
``wsp record``, ``correct`` and ``import`` refusing it — all through the command line."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import MakeWsp, Wsp
from wspolpraca_cli.grants.model import GrantQuery, Measure
from wspolpraca_cli.loader import load_text

HEAD = """\
format: 2
program: {title: T, issuer: I, first_year: 2024, last_year: 2026}
goals:
  main: {id: C, name: G}
  specific: [{id: C1, name: A}]
areas:
  - id: "1"
    name: O
    goals: [C1]
    actions:
      - lp: "1"
        name: A
        indicators:
"""
"""Lines 1-13; the first indicator starts on line 14."""
IND = "areas[0].actions[0].indicators"

PROGRAMME = (
    HEAD
    + """\
          - id: m19a
            name: Małe granty (art. 19a)
            target: 2/rok
            frequency: raz w roku
            computed: {count: grants, where: {mode: art. 19a}}
          - id: kwota
            name: Kwota przyznanych dotacji
            unit: tys. zł
            frequency: raz w roku
            computed: {sum: granted, by: area}
          - id: org
            name: Organizacje z dotacją
            target: co najmniej 3
            frequency: raz w roku
            computed: {distinct: organisation, where: {mode: [konkurs, 19a]}}
          - id: oferty
            name: Oferty złożone
            frequency: raz w roku
            computed: {count: offers, by: mode}
          - id: rec
            name: Spotkania
            target: 1/rok
            frequency: raz w roku
"""
)


def one(indicator: str, head: str = HEAD) -> str:
    """A programme whose only indicator (on line 14) is the YAML ``indicator`` (its lines
    indented as an item of the action's list)."""
    lines = indicator.strip("\n").splitlines()
    body = ["          - " + lines[0], *("            " + line for line in lines[1:])]
    return head + "\n".join(body) + "\n"


def errors(make_wsp: MakeWsp, text: str, lang: str = "en") -> tuple[int, list[str]]:
    wsp = make_wsp(text)
    result = wsp("validate", lang=lang)
    lines = result.stderr.replace(str(wsp.program), "p.yaml").splitlines()
    return result.exit_code, lines


# -- the programme file -----------------------------------------------------------------------
def test_a_computed_indicator_is_built_as_a_grant_query() -> None:
    result = load_text(PROGRAMME, "p.yaml")
    assert result.ok, result.diagnostics
    program = result.program
    assert program is not None
    m19a, kwota, org, oferty, rec = program.indicators
    assert m19a.computed == GrantQuery(
        key="m19a", measure=Measure.COUNT, where=(("mode", ("19a",)),), granted_only=True
    )
    assert kwota.computed == GrantQuery(
        key="kwota", measure=Measure.SUM, column="granted", by="area"
    )
    assert (kwota.unit_text, kwota.unit_scale) == ("tys. zł", 1000)
    assert org.computed == GrantQuery(
        key="org",
        measure=Measure.DISTINCT,
        column="organisation",
        where=(("mode", ("konkurs", "19a")),),
    )
    assert oferty.computed is not None and not oferty.computed.granted_only
    assert [b.key for b in oferty.breakdowns] == ["mode"]
    assert rec.computed is None


def test_areas_and_modes_are_stored_values_and_a_sum_is_in_zl_by_default() -> None:
    text = one(
        """\
id: k
name: K
frequency: raz w roku
computed:
  sum: settled
  where: {area: [pkt 1a, "art. 4 ust. 1 pkt 32a", 16], mode: Otwarty konkurs ofert, year: 2025}
"""
    )
    result = load_text(text, "p.yaml")
    assert result.ok, result.diagnostics
    assert result.program is not None
    ind = result.program.indicators[0]
    assert ind.computed is not None
    assert ind.computed.where == (
        ("year", ("2025",)),
        ("mode", ("konkurs",)),
        ("area", ("1a", "32a", "16")),
    )
    assert (ind.unit_text, ind.unit.value) == ("zł", "amount")


@pytest.mark.parametrize(
    ("computed", "wrong", "message", "hint"),
    [
        (
            "{count: grantz}",
            "grantz",
            "count counts 'grants' (grants awarded) or 'offers' (every offer), not 'grantz'",
            "did you mean 'grants'? accepted: grants, offers",
        ),
        (
            "{sum: grantd}",
            "grantd",
            "sum adds an amount column of the grants register; 'grantd' is not one",
            "did you mean 'granted'? accepted: requested, granted, settled, returned",
        ),
        (
            "{distinct: organisations}",
            "organisations",
            "distinct counts the different values of a column of the grants register; "
            "'organisations' is not such a column",
            "did you mean 'organisation'? accepted: organisation, krs, area, department, mode, "
            "title",
        ),
        (
            "{count: grants, by: areas}",
            "areas",
            "by breaks the value down by the register's column area, mode or department, "
            "not 'areas'",
            "did you mean 'area'? accepted: mode, area, department",
        ),
        (
            "{count: grants, where: {mode: 19b}}",
            "19b",
            "unknown mode '19b'",
            "did you mean '19a'? the modes: konkurs, 19a, inicjatywa, inny (their usual Polish "
            "names too, e.g. otwarty konkurs ofert, art. 19a, inicjatywa lokalna)",
        ),
        (
            "{count: grants, where: {area: [1a, 32b]}}",
            "32b]",
            "'32b' is not a point of art. 4 ust. 1 of the act (an area of public tasks)",
            "did you mean '32'? give a point of art. 4 ust. 1, from 1 to 33, e.g. 1a, 16, 32a",
        ),
    ],
)
def test_a_wrong_word_in_computed_is_located_with_a_did_you_mean(
    make_wsp: MakeWsp, computed: str, wrong: str, message: str, hint: str
) -> None:
    text = one(f"id: k\nname: K\nfrequency: raz w roku\ncomputed: {computed}")
    column = 23 + computed.index(wrong)  # where the wrong word stands on line 17
    code, lines = errors(make_wsp, text)
    assert code == 2
    path = lines[0].rsplit(" [", 1)[1][:-1]
    assert lines[0] == f"p.yaml:17:{column}: {message} [{path}]"
    assert path.startswith(f"{IND}[0].computed")
    assert lines[1] == f"    hint: {hint}"


def test_an_unknown_key_of_where_names_the_columns(make_wsp: MakeWsp) -> None:
    text = one(
        "id: k\nname: K\nfrequency: raz w roku\ncomputed: {count: grants, where: {tryb: 19a}}"
    )
    code, lines = errors(make_wsp, text)
    assert code == 2
    assert lines[:2] == [
        f"p.yaml:17:47: unknown key 'tryb' [{IND}[0].computed.where.tryb]",
        "    hint: accepted keys: year, mode, area, department, organisation, krs",
    ]


@pytest.mark.parametrize(
    ("computed", "message"),
    [
        ("{}", "computed does not say what to compute from the grants register"),
        (
            "{count: grants, sum: granted}",
            "computed gives several measures at once (count, sum), but an indicator has one value",
        ),
    ],
)
def test_computed_gives_exactly_one_measure(make_wsp: MakeWsp, computed: str, message: str) -> None:
    text = one(f"id: k\nname: K\nfrequency: raz w roku\ncomputed: {computed}")
    code, lines = errors(make_wsp, text)
    assert code == 2
    assert lines[0] == f"p.yaml:17:23: {message} [{IND}[0].computed]"
    assert lines[1].startswith("    hint: give exactly one of: count: grants (or offers), sum:")


def test_a_computed_indicator_is_measured_yearly(make_wsp: MakeWsp) -> None:
    text = one("id: k\nname: K\nfrequency: raz na kwartał\ncomputed: {count: grants}")
    code, lines = errors(make_wsp, text)
    assert code == 2
    assert lines[:2] == [
        "p.yaml:16:24: an indicator computed from the grants register is measured yearly "
        f"(the register gives each grant's year), not 'raz na kwartał' [{IND}[0].frequency]",
        "    hint: write frequency: raz w roku (a target over the programme is e.g. target: 50 "
        "w okresie programu)",
    ]
    once = one("id: k\nname: K\nfrequency: jednorazowo\ncomputed: {count: grants}")
    assert errors(make_wsp, once)[1][0].endswith(f"not 'jednorazowo' [{IND}[0].frequency]")


def test_a_computed_indicator_has_a_unit_of_its_measure(make_wsp: MakeWsp) -> None:
    text = one("id: k\nname: K\nunit: '%'\nfrequency: raz w roku\ncomputed: {distinct: krs}")
    code, lines = errors(make_wsp, text)
    assert code == 2
    assert lines[:2] == [
        "p.yaml:16:19: the unit '%' is of the kind percent, but an indicator computed as "
        f"distinct: krs needs a unit of the kind count [{IND}[0].unit]",
        "    hint: e.g. unit: liczba",
    ]
    text = one("id: k\nname: K\nunit: osoby\nfrequency: raz w roku\ncomputed: {sum: granted}")
    _, lines = errors(make_wsp, text, lang="pl")
    assert lines[:2] == [
        "p.yaml:16:19: jednostka 'osoby' jest rodzaju liczba, a wskaźnik obliczany jako "
        f"sum: granted potrzebuje jednostki rodzaju kwota [{IND}[0].unit]",
        "    wskazówka: np. unit: zł",
    ]


def test_a_computed_indicator_takes_no_breakdowns_of_entries(make_wsp: MakeWsp) -> None:
    text = one(
        "id: k\nname: K\nfrequency: raz w roku\nbreakdowns: {forma: [a, b]}\n"
        "computed: {count: grants}"
    )
    code, lines = errors(make_wsp, text)
    assert code == 2
    assert lines[:2] == [
        "p.yaml:17:25: an indicator computed from the grants register has no breakdowns given "
        f"with entries (breakdowns) [{IND}[0].breakdowns]",
        "    hint: remove breakdowns; the key by of computed breaks it down by the register, "
        "e.g. by: area",
    ]


def test_a_year_of_where_lies_in_the_programme(make_wsp: MakeWsp) -> None:
    text = one(
        "id: k\nname: K\nfrequency: raz w roku\n"
        "computed: {count: grants, where: {year: [2024, 2030]}}"
    )
    code, lines = errors(make_wsp, text)
    assert code == 2
    assert lines[0] == (
        "p.yaml:17:60: the year 2030 of where lies outside the programme's years 2024–2026 "
        f"[{IND}[0].computed.where.year[1]]"
    )


def test_computed_in_a_format_1_file_says_to_write_format_2(make_wsp: MakeWsp) -> None:
    text = one(
        "id: k\nname: K\nfrequency: raz w roku\ncomputed: {count: grants}",
        HEAD.replace("format: 2", "format: 1"),
    )
    code, lines = errors(make_wsp, text, lang="pl")
    assert code == 2
    assert lines[:2] == [
        "p.yaml:17:23: klucz computed (wskaźnik obliczany z rejestru dotacji) należy do "
        f"formatu 2 pliku programu [{IND}[0].computed]",
        "    wskazówka: wpisz na początku pliku 'format: 2' (format 2 odczytuje też wszystko "
        "z formatu 1)",
    ]


# -- no entries for a computed indicator --------------------------------------------------------
REFUSED = (
    "wsp: error: The indicator m19a is computed from the grants register ({count: grants, "
    "where: {mode: 19a}}): its values are not recorded, corrected or imported as entries."
)
REFUSED_HINT = (
    "  hint: import the grants register: wsp grants import FILE (a template: wsp grants "
    "template -o FILE); wsp status shows the values"
)


def test_record_refuses_a_computed_indicator(make_wsp: MakeWsp) -> None:
    wsp = make_wsp(PROGRAMME)
    result = wsp("record", "m19a", "3", "--year", "2024")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [REFUSED, REFUSED_HINT]
    assert not wsp.store_exists()
    polish = wsp("record", "m19a", "3", "--year", "2024", lang="pl")
    assert polish.exit_code == 2
    assert polish.stderr.startswith(
        "wsp: błąd: Wskaźnik m19a jest obliczany z rejestru dotacji ({count: grants, "
        "where: {mode: 19a}}): jego wartości nie są wpisywane, poprawiane ani importowane "
        "jako pomiary.\n  wskazówka: wczytaj rejestr dotacji: wsp grants import PLIK"
    )
    assert wsp("record", "rec", "1", "--year", "2024").exit_code == 0


def test_the_record_prompt_offers_no_computed_indicator(make_wsp: MakeWsp, terminal: None) -> None:
    wsp = make_wsp(PROGRAMME)
    run = wsp("record", input="1\n")  # then the input ends: interrupted at the next question
    offered = [line.split()[1] for line in run.stderr.splitlines() if line.startswith("  1.")]
    assert offered == ["rec"]
    assert "m19a" not in run.stderr
    assert not wsp.store_exists()


def test_record_completion_offers_no_computed_indicator(make_wsp: MakeWsp) -> None:
    from tests.test_cli_shell import complete

    wsp = make_wsp(PROGRAMME)
    base = f"wsp --program {wsp.program} --store {wsp.store}"
    assert complete(f"{base} record ") == ["rec"]
    assert complete(f"{base} history ") == ["m19a", "kwota", "org", "oferty", "rec"]
    assert complete(f"{base} show o") == ["org", "oferty"]


def test_import_refuses_rows_of_a_computed_indicator(make_wsp: MakeWsp) -> None:
    wsp = make_wsp(PROGRAMME)
    rows = wsp.program.parent / "entries.csv"
    rows.write_text("indicator,period,value\nrec,2024,1\nm19a,2024,3\n", encoding="utf-8")
    result = wsp("import", str(rows))
    assert result.exit_code == 2
    lines = result.stderr.replace(str(rows), "entries.csv").splitlines()
    assert lines[0] == "entries.csv:3:1: " + REFUSED.removeprefix("wsp: error: ") + " [indicator]"
    assert lines[1] == "    " + REFUSED_HINT.strip()
    assert json.loads(wsp("status", "--format", "json").stdout)["summary"]


def test_correct_refuses_an_entry_of_an_indicator_now_computed(make_wsp: MakeWsp) -> None:
    """An entry recorded before the indicator became computed cannot be corrected (its
    values come from the register now); it can still be voided, and it does not count."""
    recorded = PROGRAMME.replace(
        "            computed: {count: grants, where: {mode: art. 19a}}\n", ""
    )
    wsp = make_wsp(recorded)
    uid = wsp.record("m19a", "5", "--year", "2024")
    computed = make_wsp(PROGRAMME)
    result = computed("correct", uid, "6", "--reason", "typo")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [REFUSED, REFUSED_HINT]
    status = json.loads(computed("status", "--format", "json", "--year", "2024").stdout)
    row = next(r for r in status["indicators"] if r["id"] == "m19a" and r["period"] == "2024")
    assert (row["actual"], row["entries"], row["computed"]) == (0.0, 0, True)  # not counted
    voided = computed("void", uid, "--reason", "now from the register")
    assert voided.exit_code == 0, voided.stderr


# -- values from the register -------------------------------------------------------------------
def grant(n: int, year: int, mode: str, area: str, organisation: str, **amounts: object) -> Any:
    from wspolpraca_cli.grants.model import GrantRow, Mode

    return GrantRow(
        uid=f"{n:032x}",
        year=year,
        mode=Mode(mode),
        area=area,
        organisation=organisation,
        title=f"Zadanie {n}",
        **amounts,  # type: ignore[arg-type]
    )


REGISTER = [
    grant(1, 2024, "konkurs", "16", "A", requested=120000.0, granted=100000.0),
    grant(2, 2024, "konkurs", "1a", "B", granted=50000.0),
    grant(3, 2024, "konkurs", "16", "C", requested=30000.0),  # rejected
    grant(4, 2024, "19a", "16", "A", granted=8000.0),
    grant(5, 2024, "19a", "32a", "D", granted=5000.0),
    grant(6, 2024, "inicjatywa", "13", "E", granted=2000.0),
    grant(7, 2025, "konkurs", "16", "A", granted=0.0),  # granted nothing: no grant
    grant(8, 2025, "19a", "1a", "B", granted=9000.0),
    grant(9, 2027, "19a", "16", "F", granted=1000.0),  # after the programme
]


def with_register(make_wsp: MakeWsp, rows: list[Any] = REGISTER) -> Wsp:
    """The runner on PROGRAMME with ``rows`` in its store's grants register."""
    from wspolpraca_cli.store import open_store

    wsp = make_wsp(PROGRAMME)
    with open_store(wsp.store) as store, store.importing_grants() as session:
        outcome = session.add(rows)
    assert outcome is not None
    return wsp


def periods(doc: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(r["id"], r["period"]): r for r in doc["indicators"]}


def values(item: dict[str, Any]) -> dict[str | None, float]:
    """A period's breakdown values: value → actual."""
    (breakdown,) = item["breakdowns"]
    return {v["value"]: v["actual"] for v in breakdown["values"]}


def test_status_json_gives_the_register_s_yearly_values(make_wsp: MakeWsp, backend: str) -> None:
    wsp = with_register(make_wsp)
    run = wsp("status", "--format", "json", "--year", "2024", "--as-of", "2025-06-30")
    assert run.exit_code == 0, run.stderr
    found = periods(json.loads(run.stdout))
    figures = {
        key: (r["actual"], r["entries"], r["status"], r["computed"]) for key, r in found.items()
    }
    assert figures == {
        ("m19a", "2024"): (2.0, 1, "achieved", True),
        ("kwota", "2024"): (165.0, 1, "reported", True),  # tys. zł
        ("org", "2024"): (4.0, 1, "achieved", True),  # A, B, C, D: offers count too
        ("oferty", "2024"): (6.0, 1, "reported", True),
        ("rec", "2024"): (0.0, 0, "overdue", False),
    }
    assert values(found[("kwota", "2024")]) == {
        "1a": 50.0,
        "13": 2.0,
        "16": 108.0,
        "32a": 5.0,
        None: 0.0,  # the unspecified, as for every breakdown
    }
    assert found[("kwota", "2024")]["breakdowns"][0]["breakdown"] == "area"
    assert values(found[("oferty", "2024")]) == {
        "konkurs": 3.0,
        "19a": 2.0,
        "inicjatywa": 1.0,
        None: 0.0,
    }


def test_a_year_without_the_indicator_s_rows_is_0_and_one_without_rows_has_no_data(
    make_wsp: MakeWsp,
) -> None:
    wsp = with_register(make_wsp)
    doc = json.loads(wsp("status", "--format", "json", "--as-of", "2027-06-30").stdout)
    found = periods(doc)
    assert (found[("m19a", "2025")]["actual"], found[("m19a", "2025")]["status"]) == (
        1.0,
        "missed",
    )
    assert (found[("org", "2025")]["actual"], found[("org", "2025")]["status"]) == (2.0, "missed")
    no_rows = found[("m19a", "2026")]
    assert (no_rows["entries"], no_rows["status"]) == (0, "overdue")
    programme = {p["id"]: p for p in doc["programme"]}
    assert programme["m19a"]["actual"] == 3.0  # 2024 and 2025; the row of 2027 is ignored
    assert programme["kwota"]["actual"] == 174.0


def test_check_judges_computed_indicators_like_recorded_ones(
    make_wsp: MakeWsp, backend: str
) -> None:
    wsp = with_register(make_wsp)
    run = wsp("check", "--format", "json", "--as-of", "2027-06-30")
    assert run.exit_code == 1
    problems = {(p["id"], p["period"], p["status"]) for p in json.loads(run.stdout)["problems"]}
    assert {("m19a", "2025", "missed"), ("org", "2025", "missed")} <= problems
    assert ("m19a", "2026", "overdue") in problems
    assert not any(p[0] == "m19a" and p[1] == "2024" for p in problems)
    text = wsp("check", "--as-of", "2027-06-30").stdout
    assert (
        "import the grants register with rows of 2026 (wsp grants import), which m19a "
        "(Małe granty (art. 19a)) is computed from — it was due 31 May 2027"
    ) in text
    assert "or correct the grants register if it is wrong (wsp grants correct)" in text


def test_the_report_gives_computed_values_and_their_breakdowns(make_wsp: MakeWsp) -> None:
    wsp = with_register(make_wsp)
    run = wsp("report", "--year", "2024", "--as-of", "2025-06-30", "--format", "md", lang="pl")
    assert run.exit_code == 0, run.stderr
    row = next(line for line in run.stdout.splitlines() if "kwota Kwota" in line)
    assert "165 tys. zł" in row
    assert (
        "z rejestru dotacji; area: 1a 50 tys. zł, 13 2 tys. zł, 16 108 tys. zł, 32a 5 tys. zł"
        in row
    )
    small = next(line for line in run.stdout.splitlines() if "m19a Małe" in line)
    assert "| osiągnięto" in small and "wpis" not in small
    later = wsp("report", "--year", "2026", "--as-of", "2027-06-30", lang="en")
    assert (
        "To fill in: wsp grants import FILE (the grants register with rows of 2026; the "
        "indicator m19a is computed from it)"
    ) in later.stderr


def test_show_gives_a_computed_indicator_s_history_and_what_it_computes(
    make_wsp: MakeWsp,
) -> None:
    wsp = with_register(make_wsp)
    shown = wsp("show", "kwota", "--as-of", "2025-06-30")
    assert shown.exit_code == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert "  Computed from the grants register: {sum: granted, by: area}" in lines
    assert any(line.startswith("  area: 16") and "108 tys. zł" in line for line in lines)
    doc = json.loads(wsp("show", "m19a", "--format", "json", "--as-of", "2025-06-30").stdout)
    assert doc["computed"] == {
        "measure": "count",
        "column": None,
        "granted_only": True,
        "where": {"mode": ["19a"]},
        "by": None,
        "text": "{count: grants, where: {mode: 19a}}",
    }
    assert [r["actual"] for r in doc["history"]] == [2.0, 1.0, 0.0]
    listed = wsp("list", lang="pl").stdout
    assert (
        "m19a  Małe granty (art. 19a) — wartość docelowa: 2/rok; raz w roku; obliczany z "
        "rejestru dotacji: {count: grants, where: {mode: 19a}}"
    ) in listed
    tree = json.loads(wsp("list", "--format", "json").stdout)
    indicators = tree["areas"][0]["actions"][0]["indicators"]
    assert [i["computed"] is not None for i in indicators] == [True, True, True, True, False]


def test_a_programme_without_computed_indicators_asks_the_register_nothing(
    make_wsp: MakeWsp, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wspolpraca_cli.grants.figures import QUERIES, TOTALS
    from wspolpraca_cli.store.sqlite import SqliteStore

    register_keys = {q.key for q in (*QUERIES, *TOTALS)}

    def refuse(self: object, queries: Any) -> list[Any]:
        # check and report read the register's own figures (the act's limits, the financial
        # tables) whatever the indicators; no indicator is ever asked for
        if any(q.key not in register_keys for q in queries):
            raise AssertionError("the register was asked for an indicator")
        return []

    monkeypatch.setattr(SqliteStore, "grant_aggregates", refuse)
    recorded = HEAD + "          - {id: rec, name: R, target: 1/rok, frequency: raz w roku}\n"
    wsp = make_wsp(recorded)
    wsp.record("rec", "1", "--year", "2024")
    for args in (("status",), ("check",), ("report", "--year", "2024")):
        assert wsp(*args, "--as-of", "2025-06-30").exit_code in (0, 1)


_ROWS = st.lists(
    st.tuples(
        st.sampled_from([2023, 2024, 2025, 2027]),
        st.sampled_from(["konkurs", "19a", "inicjatywa"]),
        st.sampled_from(["1a", "16", "32a"]),
        st.sampled_from(["A", "B", "C", ""]),
        st.one_of(st.none(), st.just(0.0), st.integers(1, 20_000).map(float)),
    ),
    max_size=20,
)


@settings(deadline=None)  # a store per example: its file's time varies on a loaded machine
@given(_ROWS)
def test_status_figures_are_the_register_s_counted_directly(rows: list[Any]) -> None:
    """Whatever the register: each computed indicator's yearly actual (and each group of
    ``by``) in status JSON is the count, sum or distinct count of its rows worked out here
    directly, a year of the programme without rows of its own is 0 once the register has
    rows of that year, and years outside the programme count nowhere."""
    import tempfile
    from pathlib import Path

    from tests.conftest import Wsp

    register = [
        grant(n + 1, year, mode, area, org, granted=granted)
        for n, (year, mode, area, org, granted) in enumerate(rows)
    ]
    with tempfile.TemporaryDirectory() as folder:
        program = Path(folder) / "program.yaml"
        program.write_text(PROGRAMME, encoding="utf-8")
        wsp = Wsp(program, Path(folder) / "s.db")
        from wspolpraca_cli.store import open_store

        with open_store(wsp.store) as store, store.importing_grants() as session:
            session.add(register)
        found = {}
        for year in ("2024", "2025", "2026"):
            run = wsp("status", "--format", "json", "--year", year, "--as-of", "2027-06-30")
            found.update(periods(json.loads(run.stdout)))
    held = {g.year for g in register}
    for year in (2024, 2025, 2026):
        mine = [g for g in register if g.year == year]
        expected = {
            "m19a": sum(1 for g in mine if g.mode == "19a" and (g.granted or 0) > 0),
            "kwota": sum(g.granted or 0.0 for g in mine) / 1000,
            "org": len({g.organisation for g in mine if g.mode in ("konkurs", "19a")} - {""}),
            "oferty": len(mine),
        }
        for key, value in expected.items():
            row = found[(key, str(year))]
            if year in held:
                assert (row["actual"], row["entries"]) == (pytest.approx(value), 1), (key, year)
            else:
                assert row["entries"] == 0, (key, year)
        kwota = found[("kwota", str(year))]
        if year in held:
            groups = {v["value"]: v["actual"] for v in kwota["breakdowns"][0]["values"]}
            for area in {g.area for g in mine}:
                total = sum(g.granted or 0.0 for g in mine if g.area == area) / 1000
                assert groups[area] == pytest.approx(total)


def test_a_krs_number_of_where_is_read_as_the_register_stores_it(make_wsp: MakeWsp) -> None:
    text = one(
        "id: k\nname: K\nfrequency: raz w roku\n"
        "computed: {count: grants, where: {krs: [123456, '0000000042', KRS 77]}}"
    )
    result = load_text(text, "p.yaml")
    assert result.ok, result.diagnostics
    assert result.program is not None
    query = result.program.indicators[0].computed
    assert query is not None
    assert query.where == (("krs", ("0000123456", "0000000042", "0000000077")),)
    wrong = text.replace("KRS 77", "KRS 12345678901")
    code, lines = errors(make_wsp, wrong)
    assert code == 2
    assert lines[0].endswith(
        f"'KRS 12345678901' is not a KRS number [{IND}[0].computed.where.krs[2]]"
    )
    assert lines[1] == (
        "    hint: a KRS number has up to 10 digits, e.g. '0000123456' (quoted, so YAML keeps "
        "the zeros)"
    )


def test_status_after_wsp_grants_import(make_wsp: MakeWsp) -> None:
    """End to end: the register imported from a CSV file, as an office exports it."""
    wsp = make_wsp(PROGRAMME)
    register = wsp.program.parent / "rejestr.csv"
    register.write_text(
        "Rok;Tryb;Obszar (art. 4 ust. 1);Organizacja;Kwota przyznana\n"
        "2024;art. 19a;16;Stowarzyszenie A;8 000,00\n"
        "2024;tryb pozakonkursowy;pkt 1a;Fundacja B;5 000,00\n"
        "2024;otwarty konkurs ofert;16;Fundacja B;100 000,00\n"
        "2024;konkurs;16;Klub C;\n",
        encoding="utf-8",
    )
    imported = wsp("grants", "import", str(register))
    assert imported.exit_code == 0, imported.stderr
    doc = json.loads(wsp("status", "--format", "json", "--year", "2024").stdout)
    found = periods(doc)
    assert [found[(key, "2024")]["actual"] for key in ("m19a", "kwota", "org", "oferty")] == [
        2.0,
        113.0,
        3.0,
        4.0,
    ]
    assert values(found[("oferty", "2024")]) == {"konkurs": 2.0, "19a": 2.0, None: 0.0}

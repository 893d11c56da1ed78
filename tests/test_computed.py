"""Computed indicators (issue 14): ``computed:`` in the programme file — its mistakes located
with a hint, its values from the grants register in status, check, report and JSON, and
``wsp record``, ``correct`` and ``import`` refusing it — all through the command line."""

from __future__ import annotations

import json

import pytest

from tests.conftest import MakeWsp
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
    voided = computed("void", uid, "--reason", "now from the register")
    assert voided.exit_code == 0, voided.stderr

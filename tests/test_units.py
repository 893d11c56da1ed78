"""Units as programme documents write them (format 2): the kind inferred or given, values
read and shown in the unit, units with a magnitude word (``tys. zł``)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import MakeWsp
from wspolpraca_cli.errors import InputError
from wspolpraca_cli.loader import load_text
from wspolpraca_cli.model import Unit
from wspolpraca_cli.units import KIND_NAMES, infer_unit, shown_after_values
from wspolpraca_cli.values import parse_value

HEAD = """\
format: 2
program:
  title: Program testowy
  issuer: Rada Miasta Testowo
  first_year: 2025
  last_year: 2026
goals:
  main: {id: główny, name: Cel główny}
areas:
  - id: "1"
    name: Obszar
    actions:
      - lp: "1"
        name: Działanie
        indicators:
"""


def indicator(ind_id: str, unit: str, target: str = "brak", extra: str = "") -> str:
    text = (
        f"          - id: {ind_id}\n            name: Wskaźnik {ind_id}\n"
        f"            unit: {unit}\n            target: {target}\n"
        f"            frequency: raz w roku\n"
    )
    return text + "".join(f"            {line}\n" for line in extra.splitlines())


def programme(*indicators: str) -> str:
    return HEAD + "".join(indicators)


# --- the kind --------------------------------------------------------------------------------

KNOWN = {
    "zł": Unit.AMOUNT,
    "PLN": Unit.AMOUNT,
    "tys. zł": Unit.AMOUNT,
    "mln zł": Unit.AMOUNT,
    "%": Unit.PERCENT,
    "pkt proc.": Unit.PERCENT,
    "tak/nie": Unit.YESNO,
    "liczba": Unit.COUNT,
    "szt.": Unit.COUNT,
    "osoby": Unit.COUNT,
    "organizacje": Unit.COUNT,
    "dyżury": Unit.COUNT,
    "liczba osób": Unit.COUNT,
    "km": Unit.NUMBER,
    "godziny": Unit.NUMBER,
    "m²": Unit.NUMBER,
}


@pytest.mark.parametrize(("text", "kind"), KNOWN.items())
def test_the_kind_is_inferred_from_common_polish_units(text: str, kind: Unit) -> None:
    assert infer_unit(text).kind is kind
    assert infer_unit(text).text == text


@given(st.sampled_from(sorted(KNOWN)), st.sampled_from(["", " ", "  "]), st.booleans())
def test_inference_ignores_case_and_spacing(text: str, pad: str, upper: bool) -> None:
    written = pad + (text.upper() if upper else text).replace(" ", " " + pad) + pad
    assert infer_unit(written).kind is KNOWN[text]


@given(st.text(alphabet="abcdefghijkmnoprstuwxyzęó ./²", max_size=12))
def test_an_unknown_unit_is_a_quantity(word: str) -> None:
    """(No unit of wsp's vocabulary starts with "q": these are all unknown.)"""
    spec = infer_unit("q" + word)
    assert (spec.kind, spec.magnitude) == (Unit.NUMBER, "")
    assert spec.text == " ".join(("q" + word).split())


@given(
    st.sampled_from(["tys.", "tys", "mln", "mld", "tysięcy", "milionów"]),
    st.sampled_from(["zł", "osób", "km", "PLN"]),
)
def test_a_magnitude_word_leads_the_unit(word: str, base: str) -> None:
    spec = infer_unit(f"{word} {base}")
    assert spec.magnitude in ("tys.", "mln", "mld")
    assert spec.kind is infer_unit(base).kind
    assert shown_after_values(spec) == f"{word} {base}"


def test_what_follows_the_values() -> None:
    assert shown_after_values(infer_unit("osoby")) == "osoby"
    assert shown_after_values(infer_unit("zł")) == "zł"
    for bare in ("liczba", "liczba osób", "%", "tak/nie", "wartość", "count"):
        assert shown_after_values(infer_unit(bare)) == "", bare


def test_kind_names() -> None:
    assert list(KIND_NAMES.values()) == ["count", "amount", "percent", "milestone", "quantity"]


# --- reading values in the unit ------------------------------------------------------------


@given(st.integers(0, 10**9), st.sampled_from(["osoby", "szt.", "dyżury", "organizacje"]))
def test_a_count_may_carry_its_unit(n: int, unit: str) -> None:
    spec = infer_unit(unit)
    assert parse_value(f"{n} {unit}", spec.kind, unit_text=unit) == n
    assert parse_value(str(n), spec.kind, unit_text=unit) == n


@given(st.decimals(0, 10**6, places=3, allow_nan=False, allow_infinity=False))
def test_thousands_of_zloty_are_numbers_of_thousands(amount: object) -> None:
    text = format(amount, "f").replace(".", ",")
    value = float(str(amount))
    kind = Unit.AMOUNT
    assert parse_value(text, kind, magnitude="tys.", unit_text="tys. zł") == value
    assert parse_value(f"{text} tys. zł", kind, magnitude="tys.", unit_text="tys. zł") == value
    in_millions = parse_value(f"{text} mln zł", kind, magnitude="tys.", unit_text="tys. zł")
    assert in_millions == pytest.approx(value * 1000)


def test_a_count_in_thousands_is_whole_in_people() -> None:
    assert parse_value("1,5", Unit.COUNT, magnitude="tys.", unit_text="tys. osób") == 1.5
    with pytest.raises(InputError, match="whole numbers"):
        parse_value("1,0005", Unit.COUNT, magnitude="tys.", unit_text="tys. osób")


def test_a_quantity_takes_fractions() -> None:
    assert parse_value("4,5 km", Unit.NUMBER, unit_text="km") == 4.5


# --- the programme file ----------------------------------------------------------------------


def test_format_1_reads_szt_with_its_full_stop() -> None:
    """``szt.`` was listed in the hint but refused: the full stop was dropped before the
    look-up."""
    text = programme(indicator("a", "szt.", "2/rok")).replace("format: 2", "format: 1")
    result = load_text(text, "p.yaml")
    assert result.ok, [d.format() for d in result.diagnostics]
    assert result.program is not None
    ind = result.program.indicator("a")
    assert ind is not None and ind.unit is Unit.COUNT and ind.unit_text == ""


def test_format_2_units_as_written() -> None:
    result = load_text(
        programme(
            indicator("a", "osoby", "200/rok"),
            indicator("b", "tys. zł", "8,5 mln zł"),
            indicator("c", "km", "od 3 do 6"),
            indicator("d", "godziny", "40/rok", "unit_kind: count"),
        ),
        "p.yaml",
    )
    assert result.ok, [d.format() for d in result.diagnostics]
    program = result.program
    assert program is not None
    a, b, c, d = (program.indicator(i) for i in "abcd")
    assert a is not None and (a.unit, a.unit_text, a.unit_shown) == (Unit.COUNT, "osoby", "osoby")
    assert b is not None and (b.unit, b.unit_magnitude, b.unit_scale) == (Unit.AMOUNT, "tys.", 1000)
    assert b.target.value == 8500 and b.target.magnitude == ""
    assert c is not None and c.unit is Unit.NUMBER
    assert d is not None and d.unit is Unit.COUNT and d.unit_text == "godziny"


def test_status_show_list_and_json_carry_the_unit(make_wsp: MakeWsp) -> None:
    wsp = make_wsp(
        programme(
            indicator("a", "osoby", "200/rok"),
            indicator("b", "tys. zł", "8,5 mln zł"),
            indicator("c", "km", "od 3 do 6"),
            indicator("p", '"%"', "≥ 30%"),
        )
    )
    wsp.record("a", "12 osoby", "--year", "2025")
    wsp.record("b", "1,2 mln zł", "--year", "2025")
    wsp.record("c", "4,5", "--year", "2025")
    status = wsp("status", "--year", "2025", "--as-of", "2025-06-01")
    assert status.exit_code == 0, status.stderr
    lines = [
        line
        for line in status.stdout.splitlines()
        if line.split()[:1] in (["a"], ["b"], ["c"], ["p"])
    ]
    rows = {line.split()[0]: line for line in lines}
    assert "200 osoby" in rows["a"] and "12 osoby" in rows["a"]
    assert "8,500 tys. zł" in rows["b"] and "1,200 tys. zł" in rows["b"]
    assert "3–6 km" in rows["c"] and "4.5 km" in rows["c"]
    assert "≥ 30%" in rows["p"] and "% %" not in rows["p"]
    document = json.loads(wsp("status", "--format", "json", "--as-of", "2025-06-01").stdout)
    found = {i["id"]: i for i in document["indicators"]}
    assert (found["b"]["unit_text"], found["b"]["unit_kind"], found["b"]["unit_scale"]) == (
        "tys. zł",
        "amount",
        1000,
    )
    assert found["c"]["unit_kind"] == "quantity" and found["a"]["unit_kind"] == "count"
    shown = wsp("show", "c")
    assert "  Unit: km (quantity)\n" in shown.stdout
    assert "— target value: od 3 do 6; unit: km; raz w roku" in wsp("list").stdout
    listed = json.loads(wsp("list", "--format", "json").stdout)
    [ind_b] = [i for i in listed["areas"][0]["actions"][0]["indicators"] if i["id"] == "b"]
    assert ind_b["unit_text"] == "tys. zł" and ind_b["unit"] == "amount"
    polish = wsp("show", "b", lang="pl")
    assert "  Jednostka: tys. zł (kwota)\n" in polish.stdout


def test_format_1_json_names_the_kind(make_wsp: MakeWsp) -> None:
    wsp = make_wsp()
    listed = json.loads(wsp("show", "yn", "--format", "json").stdout)
    assert (listed["unit"], listed["unit_text"], listed["unit_kind"]) == ("yesno", "", "milestone")


# --- bad units ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "message", "hint"),
    [
        (
            "en",
            "p.yaml:21:24: unknown kind of unit 'qantity' [areas[0].actions[0].indicators[0]"
            ".unit_kind]",
            "hint: did you mean 'quantity'? use one of the kinds: count, amount, percent, "
            "milestone, quantity",
        ),
        (
            "pl",
            "p.yaml:21:24: nieznany rodzaj jednostki 'qantity' [areas[0].actions[0]"
            ".indicators[0].unit_kind]",
            "wskazówka: czy chodziło o 'quantity'? użyj jednego z rodzajów: count, amount, "
            "percent, milestone, quantity (po polsku: liczba, kwota, procent, tak/nie, wartość)",
        ),
    ],
)
def test_an_unknown_kind_is_located(make_wsp: MakeWsp, lang: str, message: str, hint: str) -> None:
    wsp = make_wsp(programme(indicator("a", "km", "5", "unit_kind: qantity")))
    result = wsp("validate", lang=lang)
    assert result.exit_code == 2
    lines = result.stderr.replace(str(wsp.program), "p.yaml").splitlines()
    assert lines[0] == message
    assert lines[1].strip() == hint
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        (
            "en",
            "the unit 'tys. %' puts a magnitude word (tys., mln, mld) on a percentage or a yes/no",
        ),
        ("pl", "jednostka 'tys. %' łączy mnożnik (tys., mln, mld) z procentem albo z tak/nie"),
    ],
)
def test_a_magnitude_on_a_percentage_unit_is_an_error(
    make_wsp: MakeWsp, lang: str, message: str
) -> None:
    wsp = make_wsp(programme(indicator("a", '"tys. %"')))
    result = wsp("validate", lang=lang)
    assert result.exit_code == 2
    first = result.stderr.splitlines()[0]
    assert first.endswith(f":18:19: {message} [areas[0].actions[0].indicators[0].unit]")


def test_an_empty_or_non_text_unit_is_an_error() -> None:
    for unit, message in (('""', "expected non-empty text"), ("[km]", "expected text, got a list")):
        result = load_text(programme(indicator("a", unit)), "p.yaml")
        assert [d.message for d in result.diagnostics] == [message], unit


@pytest.mark.parametrize(
    ("lang", "message", "hint"),
    [
        (
            "en",
            "wsp: error: The value '850 zł' is in zł, but the indicator counts in 'tys. zł'.",
            "  hint: give the number in 'tys. zł' alone (e.g. 850) or with tys., mln, mld "
            "(e.g. 850 tys. zł, 1,2 mln zł)",
        ),
        (
            "pl",
            "wsp: błąd: Wartość '850 zł' podaje złote, a wskaźnik liczy w jednostce 'tys. zł'.",
            "  wskazówka: wpisz samą liczbę w jednostce 'tys. zł' (np. 850) albo ze słowem tys., "
            "mln, mld (np. 850 tys. zł, 1,2 mln zł)",
        ),
    ],
)
def test_zloty_alone_on_thousands_of_zloty_is_refused(
    make_wsp: MakeWsp, lang: str, message: str, hint: str
) -> None:
    """``850 zł`` on a ``tys. zł`` indicator could mean 850 zł or 850 tys. zł: refused."""
    wsp = make_wsp(programme(indicator("b", "tys. zł")), lang=lang)
    result = wsp("record", "b", "850 zł", "--year", "2025")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[:2] == [message, hint]
    assert wsp("record", "b", "850 tys. zł", "--year", "2025").exit_code == 0


@pytest.mark.parametrize(
    ("unit", "target", "lang", "message", "hint"),
    [
        (
            "osoby",
            "2,5/rok",
            "en",
            "the target value 2.5 is not a whole number, but the unit 'osoby' counts things "
            "(kind count)",
            "give a whole number, or add unit_kind: quantity (a measure with fractions)",
        ),
        (
            "osoby",
            "2,5/rok",
            "pl",
            "wartość docelowa 2.5 nie jest liczbą całkowitą, a jednostka 'osoby' liczy sztuki "
            "(rodzaj count)",
            "podaj liczbę całkowitą albo dopisz unit_kind: quantity (wielkość z ułamkami)",
        ),
        (
            "zł",
            "-5",
            "en",
            "the target value -5 is negative, but the unit 'zł' has no negative values",
            "only the kind quantity takes negative values: add unit_kind: quantity",
        ),
        (
            "zł",
            "-5",
            "pl",
            "wartość docelowa -5 jest ujemna, a jednostka 'zł' nie przyjmuje wartości ujemnych",
            "wartości ujemne przyjmuje tylko rodzaj quantity: dopisz unit_kind: quantity",
        ),
        (
            "organizacje",
            "≥ 30%",
            "en",
            "the target is a percentage but the unit is 'organizacje'",
            "set unit: '%' or add unit_kind: percent",
        ),
        (
            "organizacje",
            "≥ 30%",
            "pl",
            "wartość docelowa jest wyrażona w procentach, a jednostka to 'organizacje'",
            "ustaw unit: '%' albo dopisz unit_kind: percent",
        ),
    ],
)
def test_a_target_that_does_not_fit_the_unit_names_it(
    make_wsp: MakeWsp, unit: str, target: str, lang: str, message: str, hint: str
) -> None:
    wsp = make_wsp(programme(indicator("a", unit, f'"{target}"')))
    result = wsp("validate", lang=lang)
    assert result.exit_code == 2
    first, second = result.stderr.splitlines()[:2]
    assert first == f"{wsp.program}:19:21: {message} [areas[0].actions[0].indicators[0].target]"
    assert second.split(": ", 1)[1] == hint


def test_a_count_in_thousands_takes_a_target_of_whole_people() -> None:
    ok = load_text(programme(indicator("a", "tys. osób", "1,5/rok")), "p.yaml")
    assert ok.ok, [d.format() for d in ok.diagnostics]
    bad = load_text(programme(indicator("a", "tys. osób", "1,0005/rok")), "p.yaml")
    assert [d.message.split(",")[0] for d in bad.diagnostics] == [
        "the target value 1.0005 is not a whole number"
    ]


@given(
    st.integers(1, 99_999),
    st.sampled_from([("", 1), (" tys. zł", 1), (" mln zł", 1000), (" tys.", 1)]),
)
def test_targets_on_thousands_of_zloty_are_in_thousands(n: int, written: tuple[str, int]) -> None:
    words, factor = written
    result = load_text(programme(indicator("b", "tys. zł", f'"{n}{words}/rok"')), "p.yaml")
    assert result.ok, [d.format() for d in result.diagnostics]
    assert result.program is not None
    ind = result.program.indicator("b")
    assert ind is not None and ind.target.value == n * factor


@given(
    st.sampled_from(["osoby", "szt.", "km", "godziny", "tys. zł", "zł", "PLN", "tys. osób"]),
    st.integers(0, 10**8),
    st.sampled_from([1, 10, 100]),
    st.sampled_from(["pl", "en"]),
)
def test_a_value_shown_with_its_unit_reads_back(unit: str, n: int, per: int, lang: str) -> None:
    """parse → display → parse: what status shows (``1 200 osoby``, ``8 500,5 tys. zł``)
    reads back as the same value."""
    from wspolpraca_cli.numfmt import format_value
    from wspolpraca_cli.values import parse_indicator_value

    result = load_text(programme(indicator("a", unit)), "p.yaml")
    assert result.program is not None
    ind = result.program.indicator("a")
    assert ind is not None
    value = n / per if ind.unit is not Unit.COUNT or ind.unit_scale > 1 else float(n)
    if ind.unit is Unit.COUNT and ind.unit_scale > 1:
        value = n / 1000
    if ind.unit is Unit.AMOUNT and not ind.unit_magnitude:
        value = round(value, 2)
    shown = format_value(value, ind, lang)
    assert shown.endswith(" " + unit)
    if lang == "en" and "," in shown:  # English groups with commas, which wsp reads as decimals
        return
    assert parse_indicator_value(shown, ind) == pytest.approx(round(value, 2), abs=0.005)


@pytest.mark.parametrize(
    ("lang", "message", "hint"),
    [
        (
            "en",
            "wsp: error: Cannot read the value 'dużo'.",
            "  hint: give a number in 'tys. zł', e.g. 850 (that is 850 tys. zł), 12.5, or with "
            "tys., mln, mld, e.g. 8,5 mln zł",
        ),
        (
            "pl",
            "wsp: błąd: Niepoprawna wartość 'dużo'.",
            "  wskazówka: podaj liczbę w jednostce 'tys. zł', np. 850 (czyli 850 tys. zł), 12,5, "
            "albo ze słowem tys., mln, mld, np. 8,5 mln zł",
        ),
    ],
)
def test_a_bad_value_in_thousands_names_the_unit(
    make_wsp: MakeWsp, lang: str, message: str, hint: str
) -> None:
    wsp = make_wsp(programme(indicator("b", "tys. zł")), lang=lang)
    result = wsp("record", "b", "dużo", "--year", "2025")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[:2] == [message, hint]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            ": b Wskaźnik b = 850 tys. zł for 2025. Actual for 2025: 850 tys. zł (sum, 1 entry).",
        ),
        ("pl", ": b Wskaźnik b = 850 tys. zł za 2025."),
    ],
)
def test_record_says_the_value_in_its_unit(make_wsp: MakeWsp, lang: str, said: str) -> None:
    wsp = make_wsp(programme(indicator("b", "tys. zł")), lang=lang)
    result = wsp("record", "b", "850", "--year", "2025")
    assert result.exit_code == 0
    assert said in result.stderr


def test_a_breakdown_values_target_comes_in_thousands_too() -> None:
    extra = (
        "breakdowns:\n  tryb:\n    values: [konkurs, małe granty]\n"
        "    targets: {konkurs: 2 mln zł/rok}"
    )
    result = load_text(programme(indicator("b", "tys. zł", "3 mln zł/rok", extra)), "p.yaml")
    assert result.ok, [d.format() for d in result.diagnostics]
    assert result.program is not None
    ind = result.program.indicator("b")
    assert ind is not None and ind.target.value == 3000
    found = ind.breakdowns[0].target_of("konkurs")
    assert found is not None and found[0].value == 2000

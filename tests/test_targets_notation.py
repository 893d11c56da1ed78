"""Targets in the documents' words (issue 10): phrases, magnitude words, ranges — parsed,
shown and parsed again to the same target, judged through ``wsp status --format json``, and
every notation wsp cannot read refused with a located message, the forms it reads, exit 2."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from tests.conftest import MakeWsp
from wspolpraca_cli.model import Unit
from wspolpraca_cli.periods import Frequency
from wspolpraca_cli.targets import MAGNITUDES, Target, TargetError, TargetKind, parse_target
from wspolpraca_cli.values import parse_value

# -- parsing ----------------------------------------------------------------------------------
MLN = 1_000_000.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("co najmniej 5", Target(TargetKind.FLOOR, 5.0)),
        ("nie mniej niż 8,5 mln zł", Target(TargetKind.FLOOR, 8.5 * MLN, magnitude="mln")),
        ("nie więcej niż 20%", Target(TargetKind.CEILING, 20.0, percent=True)),
        ("do 20%", Target(TargetKind.CEILING, 20.0, percent=True)),
        ("maksymalnie 3", Target(TargetKind.CEILING, 3.0)),
        ("ponad 100", Target(TargetKind.FLOOR, 100.0, strict=True)),
        ("powyżej 100", Target(TargetKind.FLOOR, 100.0, strict=True)),
        ("poniżej 5%", Target(TargetKind.CEILING, 5.0, percent=True, strict=True)),
        ("8,5 mln zł", Target(TargetKind.PER_PERIOD, 8.5 * MLN, magnitude="mln")),
        ("40 tys.", Target(TargetKind.PER_PERIOD, 40_000.0, magnitude="tys.")),
        ("1,2 mld zł", Target(TargetKind.PER_PERIOD, 1.2e9, magnitude="mld")),
        ("12 tys. zł/rok",
         Target(TargetKind.PER_PERIOD, 12_000.0, per=Frequency.YEARLY, magnitude="tys.")),
        ("5 rocznie", Target(TargetKind.PER_PERIOD, 5.0, per=Frequency.YEARLY)),
        ("2 mln w okresie programu", Target(TargetKind.TOTAL, 2 * MLN, magnitude="mln")),
        ("od 3 do 6 mln zł", Target(TargetKind.RANGE, 3 * MLN, upper=6 * MLN, magnitude="mln")),
        ("3–6 mln zł", Target(TargetKind.RANGE, 3 * MLN, upper=6 * MLN, magnitude="mln")),
        ("3-6 mln zł rocznie", Target(TargetKind.RANGE, 3 * MLN, upper=6 * MLN,
                                      per=Frequency.YEARLY, magnitude="mln")),
        ("500 tys. – 2 mln zł", Target(TargetKind.RANGE, 500_000.0, upper=2 * MLN,
                                       magnitude="mln")),
        ("10–20%", Target(TargetKind.RANGE, 10.0, upper=20.0, percent=True)),
        ("od 2 do 4/kwartał", Target(TargetKind.RANGE, 2.0, upper=4.0, per=Frequency.QUARTERLY)),
        ({"kind": "range", "min": 3, "max": 6}, Target(TargetKind.RANGE, 3.0, upper=6.0)),
        # round 1's notations read as before
        ("30% do 2025", Target(TargetKind.LEVEL, 30.0, year=2025, percent=True)),
        ("500 000/rok", Target(TargetKind.PER_PERIOD, 500_000.0, per=Frequency.YEARLY)),
    ],
)  # fmt: skip
def test_notations_in_the_documents_words(text: object, expected: Target) -> None:
    assert parse_target(text) == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("6–3", "the lower bound of the range '6–3' is greater than its upper bound"),
        ("od 6 do 3 mln zł", "the lower bound of the range 'od 6 do 3 mln zł' is greater"),
        ({"kind": "range", "min": 6, "max": 3}, "the lower bound of the range '6–3'"),
        ({"kind": "range", "min": 6}, "a range target needs 'min' and 'max'"),
        ("5 mln %", "a percentage cannot take 'tys.', 'mln' or 'mld'"),
        ("10%–2 mln", "a percentage cannot take 'tys.', 'mln' or 'mld'"),
        ("od 3 do sześciu", "cannot read the range in target 'od 3 do sześciu'; a range is"),
        ("3 – 6 mln ton", "cannot read the range in target '3 – 6 mln ton'"),
        ("raz na dwa lata", "unknown target notation 'raz na dwa lata'"),
    ],
)
def test_notations_wsp_cannot_read(raw: object, message: str) -> None:
    with pytest.raises(TargetError) as info:
        parse_target(raw)
    assert str(info.value).startswith(message)


# -- round trips: parse → display → parse -----------------------------------------------------
mantissas = st.decimals(min_value=0, max_value=999, places=3, allow_nan=False).map(float)
plain = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False).map(float)
magnitudes = st.sampled_from(sorted(MAGNITUDES))
pers = st.sampled_from([None, Frequency.YEARLY, Frequency.QUARTERLY, Frequency.MONTHLY])


@st.composite
def new_targets(draw: st.DrawFn) -> str:
    """A target as a document writes it, in one of the new notations."""
    form = draw(st.sampled_from(["phrase", "magnitude", "range", "range_magnitude"]))
    if form == "phrase":
        phrase = draw(
            st.sampled_from(
                [
                    "co najmniej",
                    "nie mniej niż",
                    "nie więcej niż",
                    "do",
                    "ponad",
                    "poniżej",
                    "powyżej",
                    "maksymalnie",
                ]
            )
        )
        pct = draw(st.sampled_from(["", "%"]))
        return f"{phrase} {draw(plain)}{pct}".replace(".", ",")
    if form == "magnitude":
        word = draw(magnitudes)
        suffix = draw(st.sampled_from(["", " zł", "/rok", " w okresie programu", " w 2030"]))
        return f"{draw(mantissas)} {word}{suffix}".replace(".", ",", 1)
    low, high = sorted((draw(plain), draw(plain)))
    dash = draw(st.sampled_from(["–", "-", " – "]))
    per = draw(st.sampled_from(["", " rocznie", "/kwartał"]))
    if form == "range":
        pct = draw(st.sampled_from(["", "%"]))
        return (
            f"{low}{dash}{high}{pct}{per}"
            if draw(st.booleans())
            else (f"od {low} do {high}{pct}{per}")
        )
    word = draw(magnitudes)
    a, b = sorted((draw(mantissas), draw(mantissas)))
    return f"od {a} do {b} {word} zł{per}"  # fmt: skip


@given(new_targets())
def test_new_notations_round_trip(text: str) -> None:
    target = parse_target(text)
    assert parse_target(str(target)) == target


@given(mantissas, magnitudes)
def test_a_magnitude_word_multiplies_exactly(mantissa: float, word: str) -> None:
    written = f"{str(mantissa).replace('.', ',')} {word}"
    target = parse_target(written)
    expected = float(f"{mantissa!r}e{len(str(MAGNITUDES[word])) - 1}")
    assert target.value == expected
    assert parse_value(written, Unit.AMOUNT) == expected


# -- recorded values --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("8,5 mln zł", Unit.AMOUNT, 8_500_000.0),
        ("40 tys.", Unit.COUNT, 40_000.0),
        ("1,2 mld zł", Unit.AMOUNT, 1_200_000_000.0),
        ("12 tys. zł", Unit.AMOUNT, 12_000.0),
        ("1,234 mln", Unit.AMOUNT, 1_234_000.0),
        ("1 200 zł", Unit.AMOUNT, 1_200.0),
    ],
)
def test_values_with_magnitude_words(text: str, unit: Unit, value: float) -> None:
    assert parse_value(text, unit) == value


# -- through the command line -----------------------------------------------------------------
PROGRAM = """\
format: 1
program: {{title: Program, issuer: Gmina Testowo, first_year: 2021, last_year: 2025}}
goals:
  main: {{id: g, name: Cel główny}}
  specific: [{{id: a, name: Cel a}}]
areas:
  - id: "1"
    name: Obszar
    goals: [a]
    actions:
      - lp: "1"
        name: Działanie
        indicators:
          - id: x
            name: Wskaźnik
            unit: "{unit}"
            target: "{target}"
            frequency: raz w roku
"""


def _periods(make_wsp: MakeWsp, unit: str, target: str, values: dict[str, str]) -> Any:
    wsp = make_wsp(PROGRAM.format(unit=unit, target=target))
    for period, value in values.items():
        run = wsp("record", "x", value, "--period", period)
        assert run.exit_code == 0, run.stderr
    rows = {}
    for year in range(2021, 2026):
        run = wsp("status", "--as-of", "2026-12-31", "--year", str(year), "--format", "json")
        assert run.exit_code == 0, run.stderr
        doc = json.loads(run.stdout)
        rows.update({i["period"]: i for i in doc["indicators"]})
    return rows, doc["programme"][0]


def test_a_range_is_achieved_inside_and_missed_below_or_above(make_wsp: MakeWsp) -> None:
    values = {
        "2021": "2 mln zł",
        "2022": "3 mln",
        "2023": "4500000",
        "2024": "6 mln",
        "2025": "7 mln",
    }
    rows, programme = _periods(make_wsp, "zł", "3–6 mln zł rocznie", values)
    got = {p: (r["status"], r["deviation"], r["target"], r["target_max"]) for p, r in rows.items()}
    assert got == {
        "2021": ("missed", "below", 3e6, 6e6),
        "2022": ("achieved", None, 3e6, 6e6),
        "2023": ("achieved", None, 3e6, 6e6),
        "2024": ("achieved", None, 3e6, 6e6),
        "2025": ("missed", "above", 3e6, 6e6),
    }
    # The programme to date is judged on its total against the totalled range (22.5 mln of
    # 15–30 mln); the years outside the range are their own missed rows (3 of 5 achieved).
    assert programme["status"] == "achieved"
    assert programme["periods_achieved"] == 3
    assert (programme["target"], programme["target_max"]) == (15e6, 30e6)


def test_a_programme_total_above_its_range_is_missed(make_wsp: MakeWsp) -> None:
    values = {year: "7 mln" for year in ("2021", "2022", "2023", "2024", "2025")}
    rows, programme = _periods(make_wsp, "zł", "3–6 mln zł rocznie", values)
    assert {r["deviation"] for r in rows.values()} == {"above"}
    assert programme["status"] == "missed"  # 35 mln of 15–30 mln


def test_a_range_is_not_settled_early(make_wsp: MakeWsp) -> None:
    wsp = make_wsp(PROGRAM.format(unit="liczba", target="od 3 do 6"))
    assert wsp("record", "x", "4", "--period", "2023").exit_code == 0
    doc = json.loads(wsp("status", "--as-of", "2023-06-30", "--format", "json").stdout)
    [row] = [r for r in doc["indicators"] if r["period"] == "2023"]
    assert (row["status"], row["deviation"]) == ("in_progress", None)


def test_the_status_table_shows_a_range_in_its_words(make_wsp: MakeWsp) -> None:
    wsp = make_wsp(PROGRAM.format(unit="zł", target="od 3 do 6 mln zł rocznie"))
    table = wsp("status", "--as-of", "2022-06-30", lang="pl").stdout
    assert "3–6 mln" in table
    assert "15–30 mln" in table  # the programme: five years of a range per year
    assert "3–6 million" in wsp("status", "--as-of", "2022-06-30").stdout


@pytest.mark.parametrize(
    ("unit", "target", "value", "status", "deviation"),
    [
        ("liczba", "ponad 100", "100", "missed", "below"),
        ("liczba", "ponad 100", "101", "achieved", None),
        ("liczba", "co najmniej 5", "5", "achieved", None),
        ("zł", "nie mniej niż 8,5 mln zł", "8 499 999", "missed", "below"),
        ("zł", "nie mniej niż 8,5 mln zł", "8,5 mln zł", "achieved", None),
        ("%", "nie więcej niż 20%", "20", "achieved", None),
        ("%", "do 20%", "21%", "missed", "above"),
        ("liczba", "do 20", "21", "missed", "above"),  # an upper limit on a count
        ("%", "poniżej 5%", "5", "missed", "above"),
    ],
)
def test_phrases_are_judged_as_they_read(
    make_wsp: MakeWsp, unit: str, target: str, value: str, status: str, deviation: str | None
) -> None:
    rows, _ = _periods(make_wsp, unit, target, {"2021": value})
    assert (rows["2021"]["status"], rows["2021"]["deviation"]) == (status, deviation)


def test_magnitude_target_and_value_through_status(make_wsp: MakeWsp) -> None:
    rows, _ = _periods(make_wsp, "zł", "8,5 mln zł", {"2021": "8,5 mln zł", "2022": "40 tys."})
    assert (rows["2021"]["target"], rows["2021"]["actual"]) == (8_500_000, 8_500_000)
    assert rows["2021"]["status"] == "achieved"
    assert rows["2022"]["actual"] == 40_000
    wsp = make_wsp(PROGRAM.format(unit="zł", target="8,5 mln zł"))
    assert "8,5 mln" in wsp("status", "--as-of", "2022-06-30", lang="pl").stdout


@pytest.mark.parametrize(
    ("target", "en", "pl"),
    [
        ("6–3", "the lower bound of the range '6–3' is greater than its upper bound",
         "dolna granica przedziału '6–3' jest większa od górnej"),
        ("od 3 do sześciu", "cannot read the range in target 'od 3 do sześciu'",
         "nie można odczytać przedziału w wartości docelowej 'od 3 do sześciu'"),
        ("20 tys. %", "a percentage cannot take 'tys.', 'mln' or 'mld'",
         "procent nie może mieć słowa 'tys.', 'mln' ani 'mld'"),
        ("raz na dwa lata", "unknown target notation 'raz na dwa lata'",
         "nieznany zapis wartości docelowej 'raz na dwa lata'"),
    ],
)  # fmt: skip
def test_unreadable_targets_are_located_errors(
    make_wsp: MakeWsp, target: str, en: str, pl: str
) -> None:
    wsp = make_wsp(PROGRAM.format(unit="liczba", target=target))
    for lang, message, hint in (("en", en, "hint: "), ("pl", pl, "wskazówka: ")):
        run = wsp("status", lang=lang)
        assert run.exit_code == 2
        first, second = run.stderr.splitlines()[:2]
        assert first.startswith(f"{wsp.program}:17:21: {message}")
        assert first.endswith("[areas[0].actions[0].indicators[0].target]")
        assert second.strip().startswith(hint)
        for form in ("od 3 do 6 mln zł", "co najmniej", "ponad 100", "'8,5 mln zł'"):
            assert form in second
        assert "Traceback" not in run.stderr


def test_a_percentage_value_with_a_magnitude_word_is_refused(make_wsp: MakeWsp) -> None:
    wsp = make_wsp(PROGRAM.format(unit="%", target="do 20%"))
    run = wsp("record", "x", "5 tys.", "--period", "2021")
    assert run.exit_code == 2
    assert "The value '5 tys.' has tys., mln or mld, which a percentage does not take." in (
        run.stderr
    )


# -- level targets: their year's value alone -------------------------------------------------
@pytest.mark.parametrize("aggregation", ["sum", "max", "last"])
def test_an_early_years_value_never_settles_a_level(make_wsp: MakeWsp, aggregation: str) -> None:
    text = PROGRAM.format(unit="liczba", target="1 200 w 2025")
    wsp = make_wsp(text + f"            aggregation: {aggregation}\n")
    assert wsp("record", "x", "1500", "--period", "2021").exit_code == 0
    doc = json.loads(wsp("status", "--as-of", "2022-06-30", "--format", "json").stdout)
    programme = doc["programme"][0]
    assert (programme["status"], programme["target"]) == ("in_progress", 1200)
    # the level's year decides: 1 000 in 2025 misses it whatever 2021 had
    assert wsp("record", "x", "1000", "--period", "2025").exit_code == 0
    doc = json.loads(wsp("status", "--as-of", "2026-06-30", "--format", "json").stdout)
    programme = doc["programme"][0]
    assert (programme["status"], programme["actual"]) == ("missed", 1000)


def test_a_level_reached_in_its_year_is_achieved(make_wsp: MakeWsp) -> None:
    wsp = make_wsp(PROGRAM.format(unit="liczba", target="1 200 w 2025"))
    assert wsp("record", "x", "1300", "--period", "2025").exit_code == 0
    doc = json.loads(wsp("status", "--as-of", "2025-06-30", "--format", "json").stdout)
    assert doc["programme"][0]["status"] == "achieved"  # a sum reaching it settles its year


# -- change against the baseline --------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "change", "relative", "points", "year"),
    [
        ("wzrost o 10%", 10.0, True, False, None),
        ("wzrost o 5", 5.0, False, False, None),
        ("spadek o 2 pkt proc.", -2.0, False, True, None),
        ("spadek o 2 p.p.", -2.0, False, True, None),
        ("zwiększenie o 20 % do 2025 r.", 20.0, True, False, 2025),
        ("wzrost o 1,5 mln zł w 2024", 1_500_000.0, False, False, 2024),
    ],
)
def test_change_notations(
    text: str, change: float, relative: bool, points: bool, year: int | None
) -> None:
    target = parse_target(text)
    assert target.kind is TargetKind.CHANGE
    assert (target.change, target.relative, target.percent, target.year) == (
        change,
        relative,
        points,
        year,
    )
    assert target.descending is (change < 0)
    assert parse_target(str(target)) == target


@given(
    st.sampled_from(["wzrost", "spadek"]),
    plain.filter(lambda v: v > 0),
    st.sampled_from(["", "%", " pkt proc."]),
    st.sampled_from(["", " w 2024"]),
)
def test_change_notations_round_trip(word: str, size: float, kind: str, year: str) -> None:
    target = parse_target(f"{word} o {size}{kind}{year}".replace(".", ",", 1))
    assert parse_target(str(target)) == target
    resolved = target.resolved(40.0)
    assert parse_target(str(resolved)).resolved(40.0) == resolved


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("wzrost o 2% pkt proc.", "the target 'wzrost o 2% pkt proc.' has both a % sign"),
        ("spadek o 0", "the change in target 'spadek o 0' must be greater than zero"),
    ],
)
def test_bad_change_targets(raw: str, message: str) -> None:
    with pytest.raises(TargetError) as info:
        parse_target(raw)
    assert str(info.value).startswith(message)


def _change_programme(unit: str, target: str, baseline: str) -> str:
    return PROGRAM.format(unit=unit, target=target) + baseline


@pytest.mark.parametrize(
    ("unit", "target", "baseline", "value", "level", "status"),
    [
        ("liczba", "wzrost o 10%", "{value: 45, year: 2020}", "50", 49.5, "achieved"),
        ("liczba", "wzrost o 10%", "{value: 45, year: 2020}", "49", 49.5, "missed"),
        ("liczba", "wzrost o 5", "{value: 10}", "15", 15, "achieved"),
        ("%", "spadek o 2 pkt proc.", "{value: 20}", "18", 18, "achieved"),
        ("%", "spadek o 2 pkt proc.", "{value: 20}", "18,5", 18, "missed"),
    ],
)
def test_change_targets_are_judged_from_the_baseline_at_the_end(
    make_wsp: MakeWsp, unit: str, target: str, baseline: str, value: str, level: float, status: str
) -> None:
    wsp = make_wsp(_change_programme(unit, target, f"            baseline: {baseline}\n"))
    # an early year's value settles nothing: the change is due by the programme's end
    assert wsp("record", "x", "100", "--period", "2021").exit_code == 0
    doc = json.loads(wsp("status", "--as-of", "2022-06-30", "--format", "json").stdout)
    assert doc["programme"][0]["status"] != "achieved"
    assert wsp("record", "x", value, "--period", "2025").exit_code == 0
    doc = json.loads(wsp("status", "--as-of", "2026-06-30", "--format", "json").stdout)
    programme = doc["programme"][0]
    assert (programme["target"], programme["status"]) == (level, status)


def test_a_change_target_without_a_baseline_is_an_error(make_wsp: MakeWsp) -> None:
    wsp = make_wsp(PROGRAM.format(unit="liczba", target="wzrost o 10%"))
    for lang, message, hint in (
        ("en", "the target 'wzrost o 10%' is a change against the baseline, and the "
               "indicator has none", "hint: add the indicator's baseline, e.g. baseline: "
                                     "{value: 40, year: 2020}"),
        ("pl", "wartość docelowa 'wzrost o 10%' to zmiana względem wartości bazowej, a "
               "wskaźnik jej nie ma", "wskazówka: dodaj do wskaźnika wartość bazową"),
    ):  # fmt: skip
        run = wsp("status", lang=lang)
        assert run.exit_code == 2
        first, second = run.stderr.splitlines()[:2]
        assert first == (
            f"{wsp.program}:17:21: {message} [areas[0].actions[0].indicators[0].target]"
        )
        assert second.strip().startswith(hint)


def test_the_explicit_form_of_a_change() -> None:
    assert parse_target({"kind": "change", "value": "10%", "by": 2024}) == parse_target(
        "wzrost o 10% w 2024"
    )
    assert parse_target({"kind": "change", "value": -2}) == parse_target("spadek o 2")


# -- range and level semantics, as properties -------------------------------------------------
@given(plain, plain, plain)
def test_a_range_is_met_exactly_inside_its_bounds(a: float, b: float, actual: float) -> None:
    from datetime import date

    from wspolpraca_cli.periods import Period, PeriodKind
    from wspolpraca_cli.progress import PeriodResult, Status, deviation, target_met

    low, high = sorted((a, b))
    # within a billionth of a bound counts as on it (sums of floats): not what this tests
    assume(all(abs(actual - x) > 1e-9 * max(1.0, abs(x)) for x in (low, high)))
    target = parse_target(f"od {low} do {high}".replace(".", ","))
    assert (target.value, target.upper) == (low, high)
    met = target_met(actual, low, target.descending, upper=high)
    assert met is (low <= actual <= high)
    row = PeriodResult(
        "x", Period(2021, PeriodKind.YEAR), low, actual, 1, None, None, Status.MISSED,
        date(2022, 5, 31), high,
    )  # fmt: skip
    expected = None if met else ("below" if actual < low else "above")
    assert deviation(row, target) == expected


@given(st.integers(min_value=2021, max_value=2025), st.integers(0, 3000), st.integers(0, 3000))
def test_a_level_is_decided_by_its_year_alone(year: int, early: int, due: int) -> None:
    from datetime import date

    from wspolpraca_cli.loader import load_text
    from wspolpraca_cli.progress import evaluate
    from wspolpraca_cli.progress.results import Status

    text = PROGRAM.format(unit="liczba", target=f"1 200 w {year}")
    program = load_text(text, "p.yaml").program
    assert program is not None

    class _Summary:
        def __init__(self, period: str, value: float) -> None:
            from wspolpraca_cli.aggregation import Aggregate

            self.indicator_id, self.period, self.count = "x", period, 1
            self.values = Aggregate.of([value])

    summaries = [_Summary(str(y), early) for y in range(2021, year)]
    before = evaluate(program, summaries, date(year, 1, 1)).indicators[0].programme
    assert before.status is not Status.ACHIEVED  # earlier years never settle it
    after = evaluate(program, [*summaries, _Summary(str(year), due)], date(year + 1, 1, 1))
    programme = after.indicators[0].programme
    assert programme.status is (Status.ACHIEVED if due >= 1200 else Status.MISSED)

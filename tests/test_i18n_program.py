"""Loading a programme in Polish: exact messages and hints, through the loader and the CLI;
and every catalogue complete in both languages."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.test_loader import BASE
from wspolpraca_cli.cli.app import app
from wspolpraca_cli.i18n import get_language, plural, set_language, t
from wspolpraca_cli.loader import load_text

runner = CliRunner()


IND = "areas[0].actions[0].indicators[0]"

ACCEPTED_PL = (
    "'1/rok' (na rok; także /półrocze, /kwartał, /miesiąc, /tydzień, 'rocznie'), "
    "'5 w okresie programu' (łącznie w całym okresie programu), "
    "'30% w 2025' (poziom do osiągnięcia w danym roku), "
    "'≤ 50%', 'nie więcej niż 50%', 'do 50%' (wartość maksymalna), "
    "'≥ 30%', 'co najmniej 30%', 'nie mniej niż 30%' (wartość minimalna), "
    "'ponad 100' (więcej niż), 'poniżej 5' (mniej niż), "
    "'od 3 do 6 mln zł', '3–6 mln zł rocznie' (przedział), "
    "liczby ze słowami 'tys.', 'mln', 'mld' ('8,5 mln zł'), "
    "'wzrost o 10%', 'wzrost o 5', 'spadek o 2 pkt proc.' (zmiana względem wartości "
    "bazowej), 'tak' (wskaźnik typu tak/nie), 'brak' (bez wartości docelowej), "
    "lata z wartościami ({2021: 1, 2022: 2}) albo postać jawna "
    "{kind: per_period|total|level|ceiling|floor|range|milestone|none, value: N}"
)


def _replace(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new, 1)


# (name, text, [(line, column, message, path, hint)]) — every error, in Polish, exactly.
CASES: list[tuple[str, str, list[tuple[int, int, str, str, str]]]] = [
    (
        "typo in a key",
        _replace("  title:", "  tilte:"),
        [
            (3, 3, "brak wymaganego klucza 'title'", "program.title", ""),
            (
                3,
                3,
                "nieznany klucz 'tilte'",
                "program.tilte",
                "czy chodziło o 'title'? dopuszczalne klucze: title, issuer, first_year, "
                "last_year, reporting_deadline, deadline_days, language, adopted_by, planned_funds",
            ),
        ],
    ),
    (
        "YAML syntax error",
        _replace("    name: Obszar pierwszy", "    name: [Obszar"),
        [
            (
                15,
                12,
                "błąd składni YAML: nie znaleziono oczekiwanego ',' ani ']' "
                "(podczas odczytu listy w nawiasach kwadratowych)",
                "",
                "sprawdź wcięcia i cudzysłowy w pobliżu tego miejsca",
            )
        ],
    ),
    (
        "duplicated key",
        _replace("  issuer: Gmina Testowo\n", "  issuer: Gmina Testowo\n  issuer: Inna\n"),
        [
            (
                5,
                3,
                "powtórzony klucz 'issuer' (pierwszy raz podany w wierszu 4)",
                "program.issuer",
                "w jednym zestawie par klucz: wartość każdy klucz może wystąpić tylko raz; "
                "PyYAML zachowałby tylko ostatnie wystąpienie",
            )
        ],
    ),
    (
        "unknown target notation",
        _replace("1/rok", "raz na rok"),
        [
            (
                22,
                21,
                "nieznany zapis wartości docelowej 'raz na rok'",
                f"{IND}.target",
                ACCEPTED_PL,
            )
        ],
    ),
    (
        "unknown period in a target",
        _replace("1/rok", "1/dzień"),
        [
            (
                22,
                21,
                "nieznany okres 'dzień' w wartości docelowej '1/dzień'; "
                "użyj /rok, /półrocze, /kwartał, /miesiąc albo /tydzień",
                f"{IND}.target",
                ACCEPTED_PL,
            )
        ],
    ),
    (
        "unknown frequency",
        _replace("Raz w roku", "co trzy tygodnie"),
        [
            (
                23,
                24,
                "nieznana częstotliwość pomiaru 'co trzy tygodnie'",
                f"{IND}.frequency",
                "wpisz ją tak jak w dokumencie programu, np. 'Raz w roku', 'raz na kwartał', "
                "'jednorazowo', albo po angielsku: biennial, end, half_yearly, monthly, once, "
                "quarterly, weekly, yearly",
            )
        ],
    ),
    (
        "unknown unit",
        _replace("unit: liczba", "unit: metry"),
        [
            (
                21,
                19,
                "nieznana jednostka 'metry'",
                f"{IND}.unit",
                "format 1 zna jednostki: count, liczba, szt., sztuki, amount, kwota, zł, pln, "
                "percent, %, procent, yesno, tak/nie, yes/no, number, wartość; wpisz na "
                "początku pliku 'format: 2' (format 2 odczytuje też wszystko z formatu 1)",
            )
        ],
    ),
    (
        "unquoted no as a value",
        _replace('lp: "1"', "lp: no"),
        [
            (
                16,
                13,
                "oczekiwano tekstu, ale YAML odczytał słowo bez cudzysłowu "
                "jako wartość logiczną false",
                "areas[0].actions[0].lp",
                "w YAML słowa yes/no/on/off/true/false bez cudzysłowu są wartościami logicznymi; "
                "ujmij je w apostrofy: 'no'",
            )
        ],
    ),
    (
        "unquoted no as a key",
        _replace("        goals: [a]\n", "        goals: [a]\n        no: 1\n"),
        [
            (
                19,
                9,
                "klucz no został odczytany jako wartość logiczna YAML false",
                "areas[0].actions[0]",
                "ujmij go w apostrofy: 'no':",
            )
        ],
    ),
    (
        "a year that is not a number",
        _replace("first_year: 2021", "first_year: dwa"),
        [
            (
                5,
                15,
                "oczekiwano liczby całkowitej, a wpisano: 'dwa'",
                "program.first_year",
                "",
            )
        ],
    ),
    (
        "years in the wrong order",
        _replace("last_year: 2025", "last_year: 2019"),
        [(6, 14, "last_year 2019 jest wcześniejszy niż first_year 2021", "program.last_year", "")],
    ),
    (
        "unknown goal reference",
        _replace("goals: [a]", "goals: [x]"),
        [
            (
                18,
                17,
                "nieznany cel szczegółowy 'x'",
                "areas[0].actions[0].goals[0]",
                "cele szczegółowe: a",
            )
        ],
    ),
    (
        "duplicate L.p.",
        BASE
        + '      - lp: "1"\n        name: Drugie\n        indicators:\n'
        + "          - id: inny\n            name: Druga\n            target: 2/rok\n"
        + "            frequency: rocznie\n",
        [
            (
                24,
                13,
                "powtórzona L.p. '1' w obszarze '1' (pierwszy raz w wierszu 16)",
                "areas[0].actions[1].lp",
                "",
            )
        ],
    ),
    (
        "a percentage target for a count",
        _replace("1/rok", "30% w 2025"),
        [
            (
                22,
                21,
                "wartość docelowa jest wyrażona w procentach, a jednostka to 'count'",
                f"{IND}.target",
                "ustaw unit: percent",
            )
        ],
    ),
    (
        "a target by year with missing years",
        _replace("target: 1/rok", "target: {2021: 1, 2022: 2}"),
        [
            (
                22,
                21,
                "wartość docelowa w podziale na lata nie obejmuje lat: 2023, 2024, 2025",
                f"{IND}.target",
                "podaj wartość dla każdego roku programu "
                "(0, jeśli w danym roku nic nie przewidziano)",
            )
        ],
    ),
    (
        "an impossible deadline",
        _replace("  last_year: 2025\n", "  last_year: 2025\n  reporting_deadline: 31 lutego\n"),
        [(7, 23, "nie ma takiego dnia: '31 lutego'", "program.reporting_deadline", "")],
    ),
    (
        "areas as a mapping",
        BASE.split("areas:")[0] + "areas:\n  id: 1\n",
        [
            (
                13,
                3,
                "oczekiwano listy (wierszy zaczynających się od '- '), "
                "a wpisano: zestaw par klucz: wartość",
                "areas",
                "",
            )
        ],
    ),
    (
        "an empty file",
        "",
        [(1, 1, "plik jest pusty", "", "zacznij od pliku utworzonego poleceniem `wsp init`")],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_loader_messages_in_polish(
    name: str, text: str, expected: list[tuple[int, int, str, str, str]]
) -> None:
    set_language("pl")
    try:
        result = load_text(text, "p.yaml")
    finally:
        set_language("en")
    assert result.program is None
    got = [(d.line, d.column, d.message, d.path, d.hint) for d in result.diagnostics]
    assert got == expected


def test_there_are_a_dozen_polish_cases() -> None:
    assert len(CASES) >= 12


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_validate_in_polish_prints_polish_messages(
    tmp_path: Path, name: str, text: str, expected: list[tuple[int, int, str, str, str]]
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["--lang", "pl", "validate", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    for line, column, message, yaml_path, hint in expected:
        located = f"{path}:{line}:{column}: {message}" + (f" [{yaml_path}]" if yaml_path else "")
        assert located in lines
        if hint:
            # The label before the hint belongs to the CLI; the hint text is ours, exactly.
            follows = lines[lines.index(located) + 1]
            assert re.fullmatch(r"    \S+: " + re.escape(hint), follows), follows
    set_language("pl")
    try:
        assert lines[-1] == t(
            "program.invalid", file=path, errors=plural(len(expected), "noun.error")
        )
    finally:
        set_language("en")
    assert "Traceback" not in result.stderr


def test_english_is_unchanged_after_polish() -> None:
    text = _replace("first_year: 2021", "first_year: dwa")
    set_language("pl")
    load_text(text, "p.yaml")
    set_language("en")
    [diag] = load_text(text, "p.yaml").diagnostics
    assert diag.message == "expected a whole number, got 'dwa'"


def test_core_parsers_speak_polish() -> None:
    from wspolpraca_cli.numbers import parse_number
    from wspolpraca_cli.periods import parse_deadline, parse_frequency, parse_period
    from wspolpraca_cli.targets import TargetError, accepted_notations, parse_target

    set_language("pl")
    try:
        assert accepted_notations() == ACCEPTED_PL
        cases: list[tuple[object, str]] = [
            ({"kind": "total"}, "wartość docelowa rodzaju total wymaga klucza 'value'"),
            (
                {"kind": "weird", "value": 1},
                "nieznany rodzaj wartości docelowej 'weird'; użyj jednego z: per_period, "
                "total, level, ceiling, floor, milestone, by_year, range, change, none",
            ),
            ({2021: "dużo"}, "wartość docelowa na rok 2021 musi być liczbą, a nie 'dużo'"),
            (
                [1, 2],
                "wartość docelowa musi być tekstem, liczbą albo zestawem par klucz: wartość, "
                "a jest: lista",
            ),
            (
                False,
                "wartość docelowa 'nie'/false nie wyznacza niczego do osiągnięcia; użyj 'brak'",
            ),
        ]
        for raw, message in cases:
            with pytest.raises(TargetError) as info:
                parse_target(raw)
            assert str(info.value) == message
        with pytest.raises(ValueError, match=r"^to nie jest okres: '2024-X'$"):
            parse_period("2024-X")
        with pytest.raises(ValueError, match=r"^nie ma takiego miesiąca: '2024-13'$"):
            parse_period("2024-13")
        with pytest.raises(ValueError, match=r"^to nie jest liczba: 'abc'$"):
            parse_number("abc")
        with pytest.raises(
            ValueError, match=r"^nieznana częstotliwość pomiaru 'co trzy tygodnie'$"
        ):
            parse_frequency("co trzy tygodnie")
        with pytest.raises(
            ValueError, match=r"^to nie jest dzień i miesiąc: 'jutro'; wpisz termin"
        ):
            parse_deadline("jutro")
    finally:
        set_language("en")
    assert get_language() == "en"
    assert accepted_notations().startswith("'1/rok' (per year; also /półrocze")


def test_braces_in_user_values_are_shown_as_written() -> None:
    text = _replace("target: 1/rok", "target: '{hint} {message}'")
    set_language("pl")
    try:
        [diag] = load_text(text, "p.yaml").diagnostics
    finally:
        set_language("en")
    assert diag.message == "nieznany zapis wartości docelowej '{hint} {message}'"
    assert diag.hint == ACCEPTED_PL


# --- every catalogue -------------------------------------------------------------------


def _catalogue_modules() -> list[tuple[str, dict[str, tuple[str, str]]]]:
    import importlib
    import pkgutil

    import wspolpraca_cli.i18n as package

    found = []
    for info in pkgutil.iter_modules(package.__path__):
        if info.name.startswith("catalog_"):
            module = importlib.import_module(f"wspolpraca_cli.i18n.{info.name}")
            found.append((info.name, module.MESSAGES))
    return found


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_catalogue_is_registered() -> None:
    from wspolpraca_cli.i18n import catalog

    merged = catalog()
    for name, messages in _catalogue_modules():
        for key in messages:
            assert key in merged, f"{name} is not merged into catalog() (key {key!r})"


def test_no_key_is_defined_in_two_catalogues() -> None:
    seen: dict[str, str] = {}
    clashes = []
    for name, messages in _catalogue_modules():
        for key in messages:
            if key in seen:
                clashes.append(f"{key!r} in {seen[key]} and {name}")
            seen[key] = name
    assert not clashes, clashes


def test_every_message_has_polish_and_english_with_the_same_placeholders() -> None:
    problems = []
    for name, messages in _catalogue_modules():
        for key, pair in messages.items():
            if not (isinstance(pair, tuple) and len(pair) == 2):
                problems.append(f"{name}: {key!r} is not a (polish, english) pair")
                continue
            polish, english = pair
            if not polish.strip() or not english.strip():
                problems.append(f"{name}: {key!r} has an empty text")
                continue
            try:
                pl_names, en_names = _placeholders(polish), _placeholders(english)
            except ValueError as exc:
                problems.append(f"{name}: {key!r} is not a valid format string: {exc}")
                continue
            if pl_names != en_names:
                problems.append(f"{name}: {key!r} placeholders differ: {pl_names} != {en_names}")
    assert not problems, "\n".join(problems)


def test_programme_catalogue_speaks_polish() -> None:
    from wspolpraca_cli.i18n.catalog_program import MESSAGES

    polish_letters = re.compile("[ąćęłńóśźż]", re.IGNORECASE)
    with_diacritics = [k for k, (pl, _) in MESSAGES.items() if polish_letters.search(pl)]
    assert len(with_diacritics) > len(MESSAGES) // 2
    same = [k for k, (pl, en) in MESSAGES.items() if pl == en]
    assert same == [], same

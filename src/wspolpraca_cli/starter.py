"""The starter programme written by ``wsp init``: format 2, commented, and valid as written
(``wsp validate`` and ``wsp status`` run on it at once)."""

STARTER_PROGRAM = """\
# Programme file of wsp (format 2) — a starter for your own cooperation programme.
# Replace the example text with your programme's; `wsp validate` explains every error.
# Text in Polish is fine everywhere; quote values that YAML could misread (yes, no, on, off).
# Every key and every notation: docs/programme-format.md in wsp's documentation.
format: 2                                # format 1 files load too

program:
  title: Roczny program współpracy Gminy Przykładowo z organizacjami pozarządowymi na rok 2026
  issuer: Rada Gminy Przykładowo        # the body that adopts the programme
  first_year: 2026
  last_year: 2026
  reporting_deadline: 31 maja            # of the following year (the statutory default)
  deadline_days: 30                      # data of a half-year, quarter, month or week is due
                                         # this many days after it ends (the default: 30)
  language: pl                           # pl or en

goals:
  main:
    id: główny
    name: Wzmacnianie współpracy gminy z organizacjami pozarządowymi
  specific:                              # referred to by their ids below
    - id: a
      name: Zwiększenie udziału organizacji w realizacji zadań publicznych
    - id: b
      name: Wzmacnianie potencjału organizacji pozarządowych

areas:
  - id: "1"                              # quote ids so YAML keeps them as text
    name: Współpraca finansowa
    actions:
      - lp: "1"                          # L.p. in the programme's table → action id 1.1
        name: Otwarte konkursy ofert na realizację zadań publicznych
        goals: [a]
        indicators:                      # an action's only indicator gets the action's id;
          - id: 1.1.1                    # with several, each needs an id that never changes
            name: Liczba ogłoszonych konkursów
            unit: liczba                 # the unit as the document writes it, e.g. 'osoby',
                                         # 'szt.', 'godziny', 'km', 'zł', 'tys. zł', '%', 'tak/nie'
            target: 2/rok                # also: '5 w okresie programu', '≤ 50%', '≥ 30%',
                                         # 'co najmniej 5', 'nie więcej niż 20%', 'ponad 100'
            frequency: Raz w roku        # e.g. 'raz na kwartał', 'raz w miesiącu',
                                         # 'co tydzień', 'raz na dwa lata', 'jednorazowo'
            breakdowns:                  # optional: tag entries with --tag obszar=kultura
              obszar: [kultura, sport, pomoc społeczna]
          - id: 1.1.kwota
            name: Kwota dotacji przekazanych organizacjom
            unit: tys. zł                # in thousands: record 850 (or '850 tys. zł')
            target: od 3 do 6 mln zł rocznie  # a range (also '3–6 mln zł'); magnitude words:
                                         # '40 tys.', '8,5 mln zł', '1,2 mld zł'
            frequency: raz na kwartał
            aggregation: sum             # sum, last, max, min or mean (default by unit)
            department: Wydział Spraw Społecznych
  - id: "2"
    name: Współpraca pozafinansowa
    actions:
      - lp: "1"
        name: Konsultacje projektów aktów prawa miejscowego z organizacjami
        goals: [b]
        indicators:
          - id: 2.1.1
            name: Odsetek projektów uchwał skonsultowanych z organizacjami
            unit: "%"
            target: 80% w 2026           # a level to reach in a year, judged on that year
            frequency: jednorazowo
            baseline: {value: 60, year: 2025}
            bounds: {min: 0, max: 100}
          - id: 2.1.organizacje
            name: Liczba organizacji biorących udział w konsultacjach
            unit: organizacje
            target: wzrost o 10%         # a change against the baseline; also 'wzrost o 5',
                                         # 'spadek o 2 pkt proc.', 'wzrost o 10% w 2026'
            frequency: raz w roku
            baseline: {value: 40, year: 2025}
      - lp: "2"
        name: Punkt konsultacyjny dla organizacji pozarządowych
        goals: [b]
        indicators:
          - name: Dyżury doradcy w punkcie konsultacyjnym
            unit: dyżury
            unit_kind: count             # count, amount, percent, milestone or quantity;
                                         # inferred from the unit when left out
            target: 1/tydzień            # also '2 na tydzień', '4/miesiąc', '1/kwartał'
            frequency: co tydzień
            deadline_days: 7             # this indicator's data: 7 days after each week

sources:
  - Uchwała Rady Gminy Przykładowo nr … z dnia …
"""

# The Polish starter is the same file with its comments in Polish.
_POLISH_COMMENTS: tuple[tuple[str, str], ...] = (
    (
        "# Programme file of wsp (format 2) — a starter for your own cooperation programme.\n"
        "# Replace the example text with your programme's; `wsp validate` explains every error.\n"
        "# Text in Polish is fine everywhere; quote values that YAML could misread "
        "(yes, no, on, off).\n"
        "# Every key and every notation: docs/programme-format.md in wsp's documentation.",
        "# Plik programu wsp (format 2) — punkt wyjścia dla własnego programu współpracy.\n"
        "# Zastąp przykładowe teksty treścią swojego programu; `wsp validate` objaśni każdy "
        "błąd.\n"
        "# Polskie znaki są wszędzie dozwolone; wartości, które YAML mógłby źle odczytać\n"
        "# (yes, no, on, off), ujmij w cudzysłów.\n"
        "# Wszystkie klucze i zapisy: docs/programme-format.md w dokumentacji wsp.",
    ),
    ("# format 1 files load too", "# pliki w formacie 1 też są odczytywane"),
    ("# the body that adopts the programme", "# organ, który przyjmuje program"),
    ("# of the following year (the statutory default)", "# roku następnego (termin ustawowy)"),
    (
        "# data of a half-year, quarter, month or week is due",
        "# dane za półrocze, kwartał, miesiąc lub tydzień",
    ),
    (
        "# this many days after it ends (the default: 30)",
        "# są wymagane tyle dni po jego końcu (domyślnie 30)",
    ),
    ("# pl or en", "# pl albo en"),
    ("# referred to by their ids below", "# wskazywane niżej przez identyfikatory"),
    (
        "# quote ids so YAML keeps them as text",
        "# id w cudzysłowie, by YAML odczytał je jako tekst",
    ),
    ("# L.p. in the programme's table → action id 1.1", "# L.p. w tabeli programu → działanie 1.1"),
    (
        "# an action's only indicator gets the action's id;",
        "# jedyny wskaźnik działania ma jego identyfikator;",
    ),
    (
        "# with several, each needs an id that never changes",
        "# przy kilku każdy musi mieć stałe id",
    ),
    (
        "# the unit as the document writes it, e.g. 'osoby',",
        "# jednostka tak jak w dokumencie, np. 'osoby',",
    ),
    ("# e.g. 'raz na kwartał', 'raz w miesiącu',", "# np. 'raz na kwartał', 'raz w miesiącu',"),
    (
        "# also: '5 w okresie programu', '≤ 50%', '≥ 30%',",
        "# także: '5 w okresie programu', '≤ 50%', '≥ 30%',",
    ),
    (
        "# optional: tag entries with --tag obszar=kultura",
        "# opcjonalnie: oznaczaj wpisy opcją --tag obszar=kultura",
    ),
    (
        "# in thousands: record 850 (or '850 tys. zł')",
        "# w tysiącach: wpisz 850 (albo '850 tys. zł')",
    ),
    (
        "# a range (also '3–6 mln zł'); magnitude words:",
        "# przedział (także '3–6 mln zł'); mnożniki:",
    ),
    (
        "# sum, last, max, min or mean (default by unit)",
        "# sum, last, max, min albo mean (domyślnie wg jednostki)",
    ),
    (
        "# count, amount, percent, milestone or quantity;",
        "# count, amount, percent, milestone albo quantity;",
    ),
    (
        "# inferred from the unit when left out",
        "# bez tego klucza wynika z jednostki",
    ),
    (
        "# also '2 na tydzień', '4/miesiąc', '1/kwartał'",
        "# także '2 na tydzień', '4/miesiąc', '1/kwartał'",
    ),
    (
        "# this indicator's data: 7 days after each week",
        "# dane tego wskaźnika: 7 dni po każdym tygodniu",
    ),
    (
        "# a level to reach in a year, judged on that year",
        "# poziom do osiągnięcia w danym roku, oceniany za ten rok",
    ),
    (
        "# a change against the baseline; also 'wzrost o 5',",
        "# zmiana względem wartości bazowej; także 'wzrost o 5',",
    ),
)


def starter(lang: str) -> str:
    """The starter programme with its comments in ``lang`` (the content is Polish in both)."""
    if lang != "pl":
        return STARTER_PROGRAM
    text = STARTER_PROGRAM
    for english, polish in _POLISH_COMMENTS:
        text = text.replace(english, polish, 1)
    return text

"""The starter programme written by ``wsp init``: commented, and valid as written."""

STARTER_PROGRAM = """\
# Programme file of wsp (format 1) — a starter for your own cooperation programme.
# Replace the example text with your programme's; `wsp validate` explains every error.
# Text in Polish is fine everywhere; quote values that YAML could misread (yes, no, on, off).
format: 1

program:
  title: Roczny program współpracy Gminy Przykładowo z organizacjami pozarządowymi na rok 2026
  issuer: Rada Gminy Przykładowo        # the body that adopts the programme
  first_year: 2026
  last_year: 2026
  reporting_deadline: 31 maja            # of the following year (the statutory default)
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
            unit: liczba                 # liczba, zł, %, tak/nie or wartość
            target: 2/rok                # also: '5 w okresie programu', '30% w 2026',
                                         # '≤ 50%', '≥ 30%', 'tak', 'brak'
            frequency: Raz w roku        # raz w roku, raz na kwartał, raz w miesiącu...
            breakdowns:                  # optional: tag entries with --tag obszar=kultura
              obszar: [kultura, sport, pomoc społeczna]
          - id: 1.1.kwota
            name: Kwota dotacji przekazanych organizacjom
            unit: zł
            target: brak                 # monitoring only
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
          - name: Odsetek projektów uchwał skonsultowanych z organizacjami
            unit: "%"
            target: 80% w 2026
            frequency: jednorazowo
            baseline: {value: 60, year: 2025}
            bounds: {min: 0, max: 100}

sources:
  - Uchwała Rady Gminy Przykładowo nr … z dnia …
"""

# The Polish starter is the same file with its comments in Polish.
_POLISH_COMMENTS: tuple[tuple[str, str], ...] = (
    (
        "# Programme file of wsp (format 1) — a starter for your own cooperation programme.\n"
        "# Replace the example text with your programme's; `wsp validate` explains every error.\n"
        "# Text in Polish is fine everywhere; quote values that YAML could misread "
        "(yes, no, on, off).",
        "# Plik programu wsp (format 1) — punkt wyjścia dla własnego programu współpracy.\n"
        "# Zastąp przykładowe teksty treścią swojego programu; `wsp validate` objaśni każdy "
        "błąd.\n"
        "# Polskie znaki są wszędzie dozwolone; wartości, które YAML mógłby źle odczytać\n"
        "# (yes, no, on, off), ujmij w cudzysłów.",
    ),
    ("# the body that adopts the programme", "# organ, który przyjmuje program"),
    ("# of the following year (the statutory default)", "# roku następnego (termin ustawowy)"),
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
    ("# liczba, zł, %, tak/nie or wartość", "# liczba, zł, %, tak/nie albo wartość"),
    (
        "# also: '5 w okresie programu', '30% w 2026',",
        "# także: '5 w okresie programu', '30% w 2026',",
    ),
    (
        "# raz w roku, raz na kwartał, raz w miesiącu...",
        "# raz w roku, raz na kwartał, raz w miesiącu…",
    ),
    (
        "# optional: tag entries with --tag obszar=kultura",
        "# opcjonalnie: oznaczaj wpisy opcją --tag obszar=kultura",
    ),
    ("# monitoring only", "# tylko monitorowanie"),
    (
        "# sum, last, max, min or mean (default by unit)",
        "# sum, last, max, min albo mean (domyślnie wg jednostki)",
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

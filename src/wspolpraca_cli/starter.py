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

STARTER_PROGRAM_PL = """\
# Plik programu wsp (format 1) — punkt wyjścia dla własnego programu współpracy.
# Zastąp przykładowe teksty treścią swojego programu; `wsp validate` objaśni każdy błąd.
# Polskie znaki są wszędzie dozwolone; wartości, które YAML mógłby źle odczytać
# (yes, no, on, off), ujmij w cudzysłów.
format: 1

program:
  title: Roczny program współpracy Gminy Przykładowo z organizacjami pozarządowymi na rok 2026
  issuer: Rada Gminy Przykładowo        # organ, który przyjmuje program
  first_year: 2026
  last_year: 2026
  reporting_deadline: 31 maja            # roku następnego (termin ustawowy)
  language: pl                           # pl albo en

goals:
  main:
    id: główny
    name: Wzmacnianie współpracy gminy z organizacjami pozarządowymi
  specific:                              # wskazywane niżej przez identyfikatory
    - id: a
      name: Zwiększenie udziału organizacji w realizacji zadań publicznych
    - id: b
      name: Wzmacnianie potencjału organizacji pozarządowych

areas:
  - id: "1"                              # id w cudzysłowie: YAML zostawi je tekstem
    name: Współpraca finansowa
    actions:
      - lp: "1"                          # L.p. w tabeli programu → działanie 1.1
        name: Otwarte konkursy ofert na realizację zadań publicznych
        goals: [a]
        indicators:                      # jedyny wskaźnik działania ma jego identyfikator;
          - id: 1.1.1                    # przy kilku każdy potrzebuje stałego id
            name: Liczba ogłoszonych konkursów
            unit: liczba                 # liczba, zł, %, tak/nie albo wartość
            target: 2/rok                # także: '5 w okresie programu', '30% w 2026',
                                         # '≤ 50%', '≥ 30%', 'tak', 'brak'
            frequency: Raz w roku        # raz w roku, raz na kwartał, raz w miesiącu…
            breakdowns:                  # opcjonalnie: wpisy oznacza się --tag obszar=kultura
              obszar: [kultura, sport, pomoc społeczna]
          - id: 1.1.kwota
            name: Kwota dotacji przekazanych organizacjom
            unit: zł
            target: brak                 # tylko monitorowanie
            frequency: raz na kwartał
            aggregation: sum             # sum, last, max, min albo mean (domyślnie wg jednostki)
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


def starter(lang: str) -> str:
    """The starter programme with its comments in ``lang`` (the content is Polish in both)."""
    return STARTER_PROGRAM_PL if lang == "pl" else STARTER_PROGRAM

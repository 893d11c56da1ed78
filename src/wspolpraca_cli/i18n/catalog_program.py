"""Messages of loading and validating a programme file: key -> (Polish, English).

The English texts are the messages ``wsp`` has always printed; tests assert them byte for
byte. User values are passed in as placeholders (mostly ``{x!r}``), so a quoted value, a
YAML path or a position never changes between the languages.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # reading the file
    "prog.cannot_read": (
        "nie można odczytać pliku {path}: {reason}",
        "cannot read {path}: {reason}",
    ),
    "prog.too_large": (
        "plik jest za duży ({size} B); dopuszczalny rozmiar to {limit} MiB",
        "file is too large ({size} bytes); the limit is {limit} MiB",
    ),
    "prog.is_folder": ("to jest folder, a nie plik", "this is a folder, not a file"),
    "prog.not_regular": (
        "to jest {kind}, a nie zwykły plik; wsp czyta program tylko ze zwykłego pliku",
        "this is {kind}, not a regular file; wsp reads a programme from a regular file only",
    ),
    "prog.not_utf8": (
        "plik nie jest zapisany w kodowaniu UTF-8 (bajt 0x{byte})",
        "the file is not UTF-8 (byte 0x{byte})",
    ),
    "prog.not_utf8.hint": (
        "zapisz plik w kodowaniu UTF-8 (w większości edytorów: Zapisz jako… → Kodowanie: UTF-8)",
        "save the file as UTF-8 (in most editors: Save as… → Encoding: UTF-8)",
    ),
    # YAML syntax and structure
    "prog.yaml_syntax": ("błąd składni YAML: {problem}", "YAML syntax error: {problem}"),
    "prog.yaml_syntax.hint": (
        "sprawdź wcięcia i cudzysłowy w pobliżu tego miejsca",
        "check the indentation and quoting around this position",
    ),
    "prog.yaml_invalid": ("niepoprawny YAML", "invalid YAML"),
    "prog.yaml_error": ("błąd YAML: {error}", "YAML error: {error}"),
    "prog.empty": ("plik jest pusty", "the file is empty"),
    "prog.start_from_init": (
        "zacznij od pliku utworzonego poleceniem `wsp init`",
        "start from `wsp init`",
    ),
    "prog.not_mapping": (
        "plik programu musi składać się z wierszy w postaci 'klucz: wartość'",
        "a programme file must be a mapping of keys to values",
    ),
    "prog.recursive_alias": (
        "alias odwołuje się sam do siebie (rekurencyjny YAML)",
        "an alias refers to itself (recursive YAML)",
    ),
    "prog.too_deep": (
        "zbyt głębokie zagnieżdżenie (dopuszczalna głębokość: {depth})",
        "nesting deeper than {depth} levels",
    ),
    "prog.too_many_nodes": (
        "dokument ma więcej niż {limit} wartości (kluczy, elementów list i tekstów); "
        "tyle nie zawiera żaden program",
        "the document has more than {limit} values (keys, list items and texts); "
        "no programme holds that many",
    ),
    "prog.too_many_nodes.hint": (
        "sprawdź, czy to właściwy plik; plik programu może mieć najwyżej {limit} wartości",
        "check that this is the right file; a programme file holds at most {limit} values",
    ),
    "prog.alias_bomb": (
        "po rozwinięciu aliasów dokument przekracza limit {limit} wartości (bomba aliasów?)",
        "the document expands to more than {limit} values (alias bomb?)",
    ),
    "prog.alias_bomb.hint": (
        "aliasy (*nazwa) nie mogą powiększać dokumentu ponad dopuszczalny rozmiar",
        "aliases (*name) may not multiply the document beyond the size limit",
    ),
    "prog.key_not_plain": (
        "klucz musi być prostą wartością (tekstem lub liczbą)",
        "a key must be a plain value",
    ),
    "prog.key_boolean": (
        "klucz {word} został odczytany jako wartość logiczna YAML {value}",
        "the key {word} was read as the YAML boolean {value}",
    ),
    "prog.key_boolean.hint": ("ujmij go w apostrofy: '{word}':", "quote it: '{word}':"),
    "prog.duplicate_key": (
        "powtórzony klucz {key} (pierwszy raz podany w wierszu {line})",
        "duplicate key {key} (first given on line {line})",
    ),
    "prog.duplicate_key.hint": (
        "w jednym zestawie par klucz: wartość każdy klucz może wystąpić tylko raz; "
        "PyYAML zachowałby tylko ostatnie wystąpienie",
        "each key may appear once in a mapping; PyYAML would keep only the last",
    ),
    "prog.merge_key": (
        "klucze scalające ('<<') nie są obsługiwane",
        "merge keys ('<<') are not supported",
    ),
    "prog.merge_key.hint": (
        "wypisz klucze w całości albo użyj aliasu (*nazwa) dla całej wartości",
        "write the keys out, or use an alias (*name) for a whole value",
    ),
    "prog.unsupported_tag": (
        "nieobsługiwany znacznik YAML {tag!r}",
        "unsupported YAML tag {tag!r}",
    ),
    "prog.unsupported_tag.hint": (
        "dozwolone są tylko zwykłe wartości YAML (bez znaczników !!python ani własnych)",
        "only plain YAML values are allowed (no !!python or custom tags)",
    ),
    "prog.bad_scalar": ("nie można odczytać wartości: {error}", "cannot read the value: {error}"),
    # YAML parser problems (PyYAML / libyaml wording in English)
    "prog.yaml.no_separator": (
        "nie znaleziono oczekiwanego ',' ani '{bracket}'",
        "did not find expected ',' or '{bracket}'",
    ),
    "prog.yaml.bad_token_start": (
        "znaleziono znak, od którego nie może się zaczynać żaden element",
        "found character that cannot start any token",
    ),
    "prog.yaml.mapping_values": (
        "w tym miejscu nie może wystąpić para klucz: wartość",
        "mapping values are not allowed in this context",
    ),
    "prog.yaml.mapping_keys": (
        "w tym miejscu nie może wystąpić klucz",
        "mapping keys are not allowed in this context",
    ),
    "prog.yaml.sequence_entries": (
        "w tym miejscu nie może wystąpić element listy ('- ')",
        "block sequence entries are not allowed in this context",
    ),
    "prog.yaml.expected_key": (
        "nie znaleziono oczekiwanego klucza",
        "did not find expected key",
    ),
    "prog.yaml.expected_dash": (
        "nie znaleziono oczekiwanego znaku '-'",
        "did not find expected '-' indicator",
    ),
    "prog.yaml.expected_colon": (
        "nie znaleziono oczekiwanego ':'",
        "could not find expected ':'",
    ),
    "prog.yaml.expected_content": (
        "nie znaleziono oczekiwanej wartości",
        "did not find expected node content",
    ),
    "prog.yaml.expected_alnum": (
        "nie znaleziono oczekiwanej litery ani cyfry",
        "did not find expected alphabetic or numeric character",
    ),
    "prog.yaml.expected_line_break": (
        "nie znaleziono oczekiwanego komentarza ani końca wiersza",
        "did not find expected comment or line break",
    ),
    "prog.yaml.end_of_stream": (
        "nieoczekiwany koniec pliku",
        "found unexpected end of stream",
    ),
    "prog.yaml.unknown_escape": (
        "nieznany znak po ukośniku odwrotnym (\\)",
        "found unknown escape character",
    ),
    "prog.yaml.undefined_alias": (
        "alias odwołuje się do nieistniejącej kotwicy (&nazwa)",
        "found undefined alias",
    ),
    "prog.yaml.tab_indentation": (
        "znak tabulacji narusza wcięcie",
        "found a tab character that violates indentation",
    ),
    "prog.yaml.tab_for_space": (
        "znaleziono znak tabulacji tam, gdzie oczekiwano spacji wcięcia",
        "found a tab character where an indentation space is expected",
    ),
    "prog.yaml.another_document": (
        "znaleziono kolejny dokument",
        "but found another document",
    ),
    "prog.yaml.single_document": (
        "plik może zawierać tylko jeden dokument YAML",
        "expected a single document in the stream",
    ),
    "prog.yaml.in_flow_sequence": (
        "podczas odczytu listy w nawiasach kwadratowych",
        "while parsing a flow sequence",
    ),
    "prog.yaml.in_flow_mapping": (
        "podczas odczytu par klucz: wartość w nawiasach klamrowych",
        "while parsing a flow mapping",
    ),
    "prog.yaml.in_next_token": (
        "podczas szukania kolejnego elementu",
        "while scanning for the next token",
    ),
    "prog.yaml.in_block_mapping": (
        "podczas odczytu par klucz: wartość",
        "while parsing a block mapping",
    ),
    "prog.yaml.in_block_collection": (
        "podczas odczytu listy",
        "while parsing a block collection",
    ),
    "prog.yaml.in_scanning_quoted": (
        "podczas odczytu tekstu w cudzysłowie",
        "while scanning a quoted scalar",
    ),
    "prog.yaml.in_parsing_quoted": (
        "podczas odczytu tekstu w cudzysłowie",
        "while parsing a quoted scalar",
    ),
    "prog.yaml.in_simple_key": ("podczas odczytu klucza", "while scanning a simple key"),
    "prog.yaml.in_anchor": ("podczas odczytu kotwicy (&)", "while scanning an anchor"),
    "prog.yaml.in_alias": ("podczas odczytu aliasu (*)", "while scanning an alias"),
    "prog.yaml.in_block_scalar": (
        "podczas odczytu tekstu wielowierszowego",
        "while scanning a block scalar",
    ),
    "prog.yaml.in_plain_scalar": ("podczas odczytu wartości", "while scanning a plain scalar"),
    "prog.yaml.in_block_node": ("podczas odczytu wartości", "while parsing a block node"),
    "prog.yaml.in_flow_node": ("podczas odczytu wartości", "while parsing a flow node"),
    "prog.yaml.in_tag": ("podczas odczytu znacznika (!)", "while scanning a tag"),
    # keys and types (Pydantic errors, humanised)
    "prog.unknown_key": ("nieznany klucz {key!r}", "unknown key {key!r}"),
    "prog.unknown_key_boolean": (
        "nieznany klucz {key} (yes/no/on/off bez cudzysłowu to w YAML wartość logiczna)",
        "unknown key {key} (an unquoted yes/no/on/off is a YAML boolean)",
    ),
    "prog.unknown_key_boolean.hint": (
        "ujmij klucz w apostrofy, np. 'no':",
        "quote the key, e.g. 'no':",
    ),
    "prog.did_you_mean": ("czy chodziło o {option!r}?", "did you mean {option!r}?"),
    "prog.accepted_keys": ("dopuszczalne klucze: {keys}", "accepted keys: {keys}"),
    "prog.missing_key": ("brak wymaganego klucza {key!r}", "missing required key {key!r}"),
    "prog.expected_int": (
        "oczekiwano liczby całkowitej, a wpisano: {value}",
        "expected a whole number, got {value}",
    ),
    "prog.expected_number": (
        "oczekiwano liczby, a wpisano: {value}",
        "expected a number, got {value}",
    ),
    "prog.expected_text": ("oczekiwano tekstu, a wpisano: {value}", "expected text, got {value}"),
    "prog.expected_list": (
        "oczekiwano listy (wierszy zaczynających się od '- '), a wpisano: {value}",
        "expected a list (lines starting with '- '), got {value}",
    ),
    "prog.main_goal_shape": (
        "oczekiwano celu głównego (wiersze id: i name:) albo listy celów głównych "
        "(wiersze zaczynające się od '- '), a wpisano: {value}",
        "expected a main goal (id: and name: lines) or a list of main goals (lines "
        "starting with '- '), got {value}",
    ),
    "prog.expected_mapping": (
        "oczekiwano wierszy w postaci 'klucz: wartość', a wpisano: {value}",
        "expected a mapping (key: value lines), got {value}",
    ),
    "prog.expected_one_of": (
        "oczekiwano jednej z wartości {expected}, a wpisano: {value}",
        "input should be {expected}, got {value}",
    ),
    "prog.or": (" lub ", " or "),
    "prog.expected_non_empty_text": ("oczekiwano niepustego tekstu", "expected non-empty text"),
    "prog.expected_an_item": (
        "oczekiwano co najmniej jednej pozycji",
        "expected at least one item",
    ),
    "prog.key_not_text": (
        "klucz musi być tekstem, a wpisano: {value}",
        "a key must be text, got {value}",
    ),
    "prog.at_least": (
        "wartość musi być większa lub równa {limit}",
        "input should be greater than or equal to {limit}",
    ),
    "prog.at_most": (
        "wartość musi być mniejsza lub równa {limit}",
        "input should be less than or equal to {limit}",
    ),
    "prog.greater_than": (
        "wartość musi być większa niż {limit}",
        "input should be greater than {limit}",
    ),
    "prog.less_than": (
        "wartość musi być mniejsza niż {limit}",
        "input should be less than {limit}",
    ),
    "prog.finite_number": ("oczekiwano skończonej liczby", "input should be a finite number"),
    "prog.type.list": ("lista", "a list"),
    "prog.type.dict": ("zestaw par klucz: wartość", "a mapping (key: value lines)"),
    "prog.type.bool": ("wartość logiczna (true/false)", "a boolean (true/false)"),
    "prog.type.date": ("data", "a date"),
    "prog.type.text": ("tekst", "text"),
    "prog.type.number": ("liczba", "a number"),
    "prog.type.empty": ("nic (pusta wartość)", "nothing (an empty value)"),
    "prog.type.other": ("wartość nieznanego rodzaju", "a value of an unknown kind"),
    "prog.value.date": ("data {date}", "the date {date}"),
    "prog.date_as_text.hint": (
        'YAML czyta ją jako datę; jako tekst ujmij ją w cudzysłów: "{text}"',
        'YAML reads it as a date; to make it text, put it in quotes: "{text}"',
    ),
    "prog.key.empty": ("(pusty klucz)", "(empty key)"),
    "prog.key_empty": (
        "pusty klucz: przed dwukropkiem nic nie wpisano (albo wpisano ~ lub null)",
        "an empty key: nothing (or ~ or null) before the colon",
    ),
    # cross-checks: ids, references, years
    "prog.duplicate_goal": (
        "powtórzony identyfikator celu {id!r}",
        "duplicate goal id {id!r}",
    ),
    "prog.duplicate_goal.hint": (
        "każdy cel musi mieć własny identyfikator",
        "every goal needs its own id",
    ),
    "prog.duplicate_area": (
        "powtórzony identyfikator obszaru {id!r}",
        "duplicate area id {id!r}",
    ),
    "prog.duplicate_area.hint": (
        "każdy obszar musi mieć własny identyfikator (id)",
        "every area needs its own id",
    ),
    "prog.first_on_line": (" (pierwszy raz w wierszu {line})", " (first given on line {line})"),
    "prog.duplicate_lp": (
        "powtórzona L.p. {lp!r} w obszarze {area!r}",
        "duplicate L.p. {lp!r} in area {area!r}",
    ),
    "prog.duplicate_indicator": (
        "powtórzony identyfikator wskaźnika {id!r}",
        "duplicate indicator id {id!r}",
    ),
    "prog.indicator_id_required": (
        "działanie {action} ma kilka wskaźników: każdy musi mieć własny identyfikator (id)",
        "the action {action} has several indicators: each needs its own id",
    ),
    "prog.indicator_id_required.hint": (
        "np. id: {id}; identyfikator nie może się zmienić, gdy są już wpisy, dlatego wsp nie "
        "numeruje takich wskaźników sam",
        "e.g. id: {id}; an id must not change once entries are recorded, so wsp does not "
        "number such indicators itself",
    ),
    "prog.goal_indicator_id_required": (
        "wskaźnik celu {goal} musi mieć własny identyfikator (id)",
        "an indicator of the goal {goal} needs its own id",
    ),
    "prog.goal_indicator_id_required.hint": (
        "wpisz kod wskaźnika z dokumentu, np. id: WI.1 albo id: w1.1",
        "give the document's code of the indicator, e.g. id: WI.1 or id: w1.1",
    ),
    "prog.indicator_id_is_goal": (
        "identyfikator wskaźnika {id!r} jest już identyfikatorem celu (wiersz {line})",
        "the indicator id {id!r} is already the id of a goal (line {line})",
    ),
    "prog.indicator_id_is_goal.hint": (
        "wsp show i --goal nie odróżniłyby ich: nadaj wskaźnikowi albo celowi inny "
        "identyfikator (np. w1.1 dla wskaźnika celu 1.1)",
        "wsp show and --goal could not tell them apart: give the indicator or the goal "
        "another id (e.g. w1.1 for an indicator of goal 1.1)",
    ),
    "prog.specific_goals_whose": (
        "program ma kilka celów głównych: nie wiadomo, do którego należą cele z goals.specific",
        "the programme has several main goals: goals.specific does not say whose goals these are",
    ),
    "prog.specific_goals_whose.hint": (
        "wpisz cele szczegółowe pod ich celem głównym, np. main: [{{id: {id}, name: …, "
        "specific: [{{id: …, name: …}}]}}]",
        "list each specific goal under its main goal, e.g. main: [{{id: {id}, name: …, "
        "specific: [{{id: …, name: …}}]}}]",
    ),
    "prog.duplicate_indicator.hint": (
        "nadaj wskaźnikowi własny, niepowtarzalny identyfikator (id)",
        "give the indicator an explicit, unique id",
    ),
    "prog.unknown_goal": (
        "nieznany cel szczegółowy {id!r}",
        "unknown specific goal {id!r}",
    ),
    "prog.unknown_goal_any": ("nieznany cel {id!r}", "unknown goal {id!r}"),
    "prog.known_goals": ("cele: {ids}", "goals: {ids}"),
    "prog.specific_goals": ("cele szczegółowe: {ids}", "specific goals: {ids}"),
    "prog.no_specific_goals": (
        "program nie określa żadnych celów szczegółowych",
        "no specific goals are defined",
    ),
    "prog.target_year_outside": (
        "rok {year} w wartości docelowej wykracza poza lata programu {first}–{last}",
        "target year {year} is outside the programme's years {first}–{last}",
    ),
    "prog.by_year_missing": (
        "wartość docelowa w podziale na lata nie obejmuje lat: {years}",
        "the target by year has no value for {years}",
    ),
    "prog.by_year_missing.hint": (
        "podaj wartość dla każdego roku programu (0, jeśli w danym roku nic nie przewidziano)",
        "give a value for every year of the programme, 0 if none is due",
    ),
    "prog.per_too_often": (
        "wartość docelowa na {per} wymaga co najmniej tak samo częstych pomiarów",
        "a target per {per} needs measurements at least that often",
    ),
    "prog.per_too_often.hint": (
        "częstotliwość pomiaru {frequency!r} jest za niska dla wartości docelowej {target}",
        "the frequency {frequency!r} is too rare for {target}",
    ),
    "prog.per.yearly": ("rok", "year"),
    "prog.per.half_yearly": ("półrocze", "half-year"),
    "prog.per.quarterly": ("kwartał", "quarter"),
    "prog.per.monthly": ("miesiąc", "month"),
    "prog.per.weekly": ("tydzień", "week"),
    "prog.target_negative": (
        "wartość docelowa {value} jest ujemna, a jednostka {unit!r} "
        "nie przyjmuje wartości ujemnych",
        "the target value {value} is negative, but the unit {unit!r} has no negative values",
    ),
    "prog.target_not_whole": (
        "wartość docelowa {value} nie jest liczbą całkowitą, a wskaźnik liczy sztuki "
        "(jednostka 'liczba')",
        "the target value {value} is not a whole number, but the indicator counts things "
        "(unit 'count')",
    ),
    "prog.target_not_whole.hint": (
        "podaj liczbę całkowitą albo zmień jednostkę na 'wartość'",
        "give a whole number, or change the unit to 'number'",
    ),
    "prog.target_not_whole_unit": (
        "wartość docelowa {value} nie jest liczbą całkowitą, a jednostka {unit!r} liczy sztuki "
        "(rodzaj count)",
        "the target value {value} is not a whole number, but the unit {unit!r} counts things "
        "(kind count)",
    ),
    "prog.target_not_whole_unit.hint": (
        "podaj liczbę całkowitą albo dopisz unit_kind: quantity (wielkość z ułamkami)",
        "give a whole number, or add unit_kind: quantity (a measure with fractions)",
    ),
    "prog.target_negative.hint": (
        "wartości ujemne przyjmuje tylko rodzaj quantity: dopisz unit_kind: quantity",
        "only the kind quantity takes negative values: add unit_kind: quantity",
    ),
    "prog.percent_unit_kind.hint": (
        "ustaw unit: '%' albo dopisz unit_kind: percent",
        "set unit: '%' or add unit_kind: percent",
    ),
    "prog.target_empty": (
        "pusta wartość docelowa",
        "an empty target value",
    ),
    "prog.target_empty.hint": (
        "jeśli wskaźnik nie ma wartości docelowej, wpisz: brak",
        "if the indicator has no target, write: brak",
    ),
    "prog.frequency_did_you_mean": (
        "czy chodziło o {option!r}?",
        "did you mean {option!r}?",
    ),
    "prog.percent_unit": (
        "wartość docelowa jest wyrażona w procentach, a jednostka to {unit!r}",
        "the target is a percentage but the unit is {unit!r}",
    ),
    "prog.percent_unit.hint": ("ustaw unit: percent", "set unit: percent"),
    "prog.milestone_unit": (
        "wartość docelowa typu tak/nie ('tak') wymaga ustawienia unit: yesno",
        "a yes/no milestone ('tak') needs unit: yesno",
    ),
    "prog.milestone_unit.hint": ("ustaw unit: tak/nie", "set unit: tak/nie"),
    "prog.baseline_after_end": (
        "rok wartości bazowej {year} przypada po zakończeniu programu",
        "baseline year {year} is after the programme ends",
    ),
    "prog.bounds_order": (
        "bounds.min jest większe niż bounds.max",
        "bounds.min is greater than bounds.max",
    ),
    "prog.computed.frequency": (
        "wskaźnik obliczany z rejestru dotacji jest mierzony raz w roku (rejestr podaje rok "
        "każdej dotacji), a nie {frequency!r}",
        "an indicator computed from the grants register is measured yearly (the register gives "
        "each grant's year), not {frequency!r}",
    ),
    "prog.computed.frequency.hint": (
        "wpisz frequency: raz w roku (cel na cały program wyraża np. target: 50 w okresie "
        "programu)",
        "write frequency: raz w roku (a target over the programme is e.g. target: 50 w okresie "
        "programu)",
    ),
    "prog.computed.unit": (
        "jednostka {unit!r} jest rodzaju {actual}, a wskaźnik obliczany jako {measure} "
        "potrzebuje jednostki rodzaju {kind}",
        "the unit {unit!r} is of the kind {actual}, but an indicator computed as {measure} "
        "needs a unit of the kind {kind}",
    ),
    "prog.computed.unit.hint": ("np. unit: {example}", "e.g. unit: {example}"),
    "prog.computed.breakdowns": (
        "wskaźnik obliczany z rejestru dotacji nie ma podziałów wpisywanych przy pomiarze "
        "(breakdowns)",
        "an indicator computed from the grants register has no breakdowns given with entries "
        "(breakdowns)",
    ),
    "prog.computed.breakdowns.hint": (
        "usuń breakdowns; podział według rejestru daje klucz by w computed, np. by: area",
        "remove breakdowns; the key by of computed breaks it down by the register, e.g. by: area",
    ),
    "prog.computed.year_outside": (
        "rok {year} warunku where leży poza latami programu {first}–{last}",
        "the year {year} of where lies outside the programme's years {first}–{last}",
    ),
    # field validators of the programme file
    "prog.yaml_boolean_value": (
        "oczekiwano tekstu, ale YAML odczytał słowo bez cudzysłowu jako wartość logiczną {value}",
        "expected text, but YAML read an unquoted word as the boolean {value}",
    ),
    "prog.yaml_boolean_value.hint": (
        "w YAML słowa yes/no/on/off/true/false bez cudzysłowu są wartościami logicznymi; "
        "ujmij je w apostrofy: 'no'",
        "unquoted yes/no/on/off/true/false are booleans in YAML; quote it: 'no'",
    ),
    "prog.yaml_boolean_word.hint": (
        "w YAML słowa yes/no/on/off/true/false bez cudzysłowu są wartościami logicznymi; "
        "ujmij je w apostrofy: '{word}'",
        "unquoted yes/no/on/off/true/false are booleans in YAML; quote it: '{word}'",
    ),
    "prog.yaml_number": (
        "YAML odczytał {source} jako liczbę {value}, a tu potrzebny jest tekst",
        "YAML read {source} as the number {value}, but text is expected here",
    ),
    "prog.yaml_number.hint": (
        "ujmij wartość w apostrofy, aby zachować ją dokładnie tak, jak ją zapisano: '{source}'",
        "quote it to keep it exactly as written: '{source}'",
    ),
    "prog.deadline_not_text": (
        "termin sprawozdania musi wskazywać dzień i miesiąc, np. '31 maja' albo '05-31'",
        "the reporting deadline must be a day such as '31 maja' or '05-31'",
    ),
    "prog.language": (
        "language musi mieć wartość 'pl' albo 'en'",
        "language must be 'pl' or 'en'",
    ),
    "prog.format2.planned_funds": (
        "klucz planned_funds (środki planowane na realizację programu) należy do formatu 2 "
        "pliku programu",
        "the key planned_funds (the funds planned for the programme) belongs to format 2 of the "
        "programme file",
    ),
    "prog.planned_funds.year": (
        "{value} nie jest rokiem: klucze planned_funds to lata",
        "{value} is not a year: the keys of planned_funds are years",
    ),
    "prog.planned_funds.year.hint": (
        "wpisz pod planned_funds rok i kwotę, np. 2024: 500 000",
        "write a year and an amount under planned_funds, e.g. 2024: 500 000",
    ),
    "prog.planned_funds.amount": (
        "{value} nie jest kwotą środków planowanych",
        "{value} is not an amount of planned funds",
    ),
    "prog.planned_funds.year_outside": (
        "środki zaplanowane na rok {year}, a program obejmuje lata {first}–{last}",
        "funds planned for {year}, but the programme covers {first}–{last}",
    ),
    "prog.planned_funds.year_outside.hint": (
        "planuj środki na lata programu ({first}–{last}) albo popraw first_year i last_year",
        "plan funds for the programme's years ({first}–{last}) or correct first_year and last_year",
    ),
    "prog.years_order": (
        "last_year {last} jest wcześniejszy niż first_year {first}",
        "last_year {last} is before first_year {first}",
    ),
    "prog.unknown_unit": ("nieznana jednostka {unit!r}", "unknown unit {unit!r}"),
    "prog.unknown_unit.hint": (
        "format 1 zna jednostki: {units}",
        "format 1 knows the units: {units}",
    ),
    "prog.format2_required.hint": (
        "wpisz na początku pliku 'format: 2' (format 2 odczytuje też wszystko z formatu 1)",
        "write 'format: 2' at the top of the file (format 2 reads everything format 1 does)",
    ),
    "prog.format2.goal_indicators": (
        "wskaźniki przy celu (klucz indicators celu) należą do formatu 2 pliku programu",
        "indicators on a goal (the goal's key indicators) belong to format 2 of the programme file",
    ),
    "prog.format2.nested_specific": (
        "cele szczegółowe wpisane pod celem głównym należą do formatu 2 pliku programu",
        "specific goals listed under a main goal belong to format 2 of the programme file",
    ),
    "prog.format2.main_goals": (
        "lista celów głównych należy do formatu 2 pliku programu",
        "a list of main goals belongs to format 2 of the programme file",
    ),
    "prog.format2.serves": (
        "klucz serves (cele, którym wskaźnik służy także) należy do formatu 2 pliku programu",
        "the key serves (further goals an indicator serves) belongs to format 2 of the "
        "programme file",
    ),
    "prog.format2.computed": (
        "klucz computed (wskaźnik obliczany z rejestru dotacji) należy do formatu 2 pliku programu",
        "the key computed (an indicator computed from the grants register) belongs to format 2 "
        "of the programme file",
    ),
    # computed indicators: values from the grants register
    "prog.computed.choices": ("dopuszczalne: {choices}", "accepted: {choices}"),
    "prog.computed.count": (
        "count liczy 'grants' (przyznane dotacje) albo 'offers' (wszystkie oferty), a nie {value}",
        "count counts 'grants' (grants awarded) or 'offers' (every offer), not {value}",
    ),
    "prog.computed.sum": (
        "sum dodaje kwoty z kolumny rejestru dotacji, a {value} nie jest kolumną kwot",
        "sum adds an amount column of the grants register; {value} is not one",
    ),
    "prog.computed.distinct": (
        "distinct liczy różne wartości kolumny rejestru dotacji, a {value} nie jest taką kolumną",
        "distinct counts the different values of a column of the grants register; {value} is "
        "not such a column",
    ),
    "prog.computed.by": (
        "by dzieli wartość według kolumny rejestru area, mode albo department, a nie {value}",
        "by breaks the value down by the register's column area, mode or department, not {value}",
    ),
    "prog.computed.where_value": (
        "wartość warunku where musi być tekstem albo liczbą, a nie {value}",
        "a value of where must be text or a number, not {value}",
    ),
    "prog.computed.mode": ("nieznany tryb przyznania dotacji {value}", "unknown mode {value}"),
    "prog.computed.modes": (
        "tryby: {modes} (także zwykłe nazwy, np. otwarty konkurs ofert, art. 19a, inicjatywa "
        "lokalna)",
        "the modes: {modes} (their usual Polish names too, e.g. otwarty konkurs ofert, "
        "art. 19a, inicjatywa lokalna)",
    ),
    "prog.computed.area": (
        "{value} nie jest punktem art. 4 ust. 1 ustawy (sferą zadań publicznych)",
        "{value} is not a point of art. 4 ust. 1 of the act (an area of public tasks)",
    ),
    "prog.computed.areas": (
        "podaj punkt art. 4 ust. 1, od {first} do {last}, np. 1a, 16, 32a",
        "give a point of art. 4 ust. 1, from {first} to {last}, e.g. 1a, 16, 32a",
    ),
    "prog.computed.krs": (
        "{value} nie jest numerem KRS",
        "{value} is not a KRS number",
    ),
    "prog.computed.krs.hint": (
        "numer KRS ma do 10 cyfr, np. '0000123456' (w apostrofach, aby YAML zachował zera)",
        "a KRS number has up to 10 digits, e.g. '0000123456' (quoted, so YAML keeps the zeros)",
    ),
    "prog.computed.year": (
        "rok warunku where musi być liczbą całkowitą od 1990 do 2200, a nie {value}",
        "a year of where must be a whole number from 1990 to 2200, not {value}",
    ),
    "prog.computed.no_measure": (
        "computed nie mówi, co obliczyć z rejestru dotacji",
        "computed does not say what to compute from the grants register",
    ),
    "prog.computed.measures": (
        "computed podaje kilka miar naraz ({keys}), a wskaźnik ma jedną wartość",
        "computed gives several measures at once ({keys}), but an indicator has one value",
    ),
    "prog.computed.measure.hint": (
        "podaj dokładnie jedno z: count: grants (albo offers), sum: KOLUMNA KWOT (requested, "
        "granted, settled, returned), distinct: KOLUMNA (np. organisation)",
        "give exactly one of: count: grants (or offers), sum: AN AMOUNT COLUMN (requested, "
        "granted, settled, returned), distinct: A COLUMN (e.g. organisation)",
    ),
    "prog.unit_kind_format2": (
        "klucz unit_kind (rodzaj jednostki) należy do formatu 2 pliku programu",
        "the key unit_kind (the kind of a unit) belongs to format 2 of the programme file",
    ),
    "prog.unknown_unit_kind": (
        "nieznany rodzaj jednostki {kind}",
        "unknown kind of unit {kind}",
    ),
    "prog.unknown_unit_kind.hint": (
        "użyj jednego z rodzajów: {kinds} (po polsku: liczba, kwota, procent, tak/nie, wartość)",
        "use one of the kinds: {kinds}",
    ),
    "prog.unit_magnitude": (
        "jednostka {unit!r} łączy mnożnik (tys., mln, mld) z procentem albo z tak/nie",
        "the unit {unit!r} puts a magnitude word (tys., mln, mld) on a percentage or a yes/no",
    ),
    "prog.unit_magnitude.hint": (
        "mnożnik pasuje do kwot, liczb i wielkości, np. 'tys. zł', 'tys. osób', 'tys. km'",
        "a magnitude word fits amounts, counts and quantities, e.g. 'tys. zł', 'tys. osób'",
    ),
    "prog.unknown_aggregation": (
        "nieznany sposób agregacji {value!r}",
        "unknown aggregation {value!r}",
    ),
    "prog.unknown_aggregation.hint": (
        "użyj sum, last, max, min albo mean (po polsku: suma, ostatnia, maksimum, minimum, "
        "średnia)",
        "use sum, last, max, min or mean",
    ),
    "prog.unknown_frequency": (
        "nieznana częstotliwość pomiaru {text!r}",
        "unknown measurement frequency {text!r}",
    ),
    "prog.unknown_frequency.hint": (
        "wpisz ją tak jak w dokumencie programu, np. 'Raz w roku', 'raz na kwartał', "
        "'jednorazowo', albo po angielsku: {words}",
        "write it as the document does, e.g. 'Raz w roku', 'raz na kwartał', "
        "'jednorazowo', or in English: {words}",
    ),
    "prog.format_version": (
        "nieobsługiwana wersja formatu {value}; ta wersja wsp odczytuje formaty 1–{supported}",
        "unsupported format version {value}; this wsp reads formats 1–{supported}",
    ),
    "prog.format_version.hint": (
        "wpisz 'format: 2' (albo 'format: 1' dla pliku w dawnym formacie)",
        "write 'format: 2' (or 'format: 1' for a file in the old format)",
    ),
    # target values
    "prog.target.accepted": (
        "'1/rok' (na rok; także /półrocze, /kwartał, /miesiąc, /tydzień, 'rocznie'), "
        "'5 w okresie programu' (łącznie w całym okresie programu), "
        "'30% w 2025' (poziom do osiągnięcia w danym roku), "
        "'≤ 50%', 'nie więcej niż 50%', 'do 50%' (wartość maksymalna), "
        "'≥ 30%', 'co najmniej 30%', 'nie mniej niż 30%' (wartość minimalna), "
        "'ponad 100' (więcej niż), 'poniżej 5' (mniej niż), "
        "'od 3 do 6 mln zł', '3–6 mln zł rocznie' (przedział), "
        "liczby ze słowami 'tys.', 'mln', 'mld' ('8,5 mln zł'), "
        "'wzrost o 10%', 'wzrost o 5', 'spadek o 2 pkt proc.' (zmiana względem wartości "
        "bazowej), 'tak' (wskaźnik typu tak/nie), "
        "'brak' (bez wartości docelowej), lata z wartościami ({by_year}) "
        "albo postać jawna {explicit}",
        "'1/rok' (per year; also /półrocze, /kwartał, /miesiąc, /tydzień, 'rocznie'), "
        "'5 w okresie programu' (total over the programme), "
        "'30% w 2025' (a level by a year), "
        "'≤ 50%', 'nie więcej niż 50%', 'do 50%' (at most), "
        "'≥ 30%', 'co najmniej 30%', 'nie mniej niż 30%' (at least), "
        "'ponad 100' (more than), 'poniżej 5' (less than), "
        "'od 3 do 6 mln zł', '3–6 mln zł rocznie' (a range), "
        "numbers with 'tys.', 'mln', 'mld' ('8,5 mln zł'), "
        "'wzrost o 10%', 'wzrost o 5', 'spadek o 2 pkt proc.' (a change against the "
        "baseline), 'tak' (a yes/no milestone), 'brak' (no target), "
        "a mapping of years to values ({by_year}), "
        "or the explicit form {explicit}",
    ),
    "prog.target.unknown_per": (
        "nieznany okres {per!r} w wartości docelowej {text!r}; "
        "użyj /rok, /półrocze, /kwartał, /miesiąc albo /tydzień",
        "unknown period {per!r} in target {text!r}; use /rok, /półrocze, /kwartał, /miesiąc "
        "or /tydzień",
    ),
    "prog.target.bad_number": (
        "nie można odczytać liczby w wartości docelowej {text!r}",
        "cannot read the number in target {text!r}",
    ),
    "prog.target.unknown_notation": (
        "nieznany zapis wartości docelowej {text!r}",
        "unknown target notation {text!r}",
    ),
    "prog.target.bad_range": (
        "nie można odczytać przedziału w wartości docelowej {text!r}; "
        "przedział zapisuje się 'od 3 do 6', '3–6' albo '3–6 mln zł rocznie'",
        "cannot read the range in target {text!r}; a range is written "
        "'od 3 do 6', '3–6' or '3–6 mln zł rocznie'",
    ),
    "prog.target.range_reversed": (
        "dolna granica przedziału {text!r} jest większa od górnej; napisz najpierw mniejszą",
        "the lower bound of the range {text!r} is greater than its upper bound; "
        "write the smaller one first",
    ),
    "prog.target.range_needs_bounds": (
        "wartość docelowa rodzaju range wymaga kluczy 'min' i 'max'",
        "a range target needs 'min' and 'max'",
    ),
    "prog.target.magnitude_percent": (
        "procent nie może mieć słowa 'tys.', 'mln' ani 'mld' (w {text!r}); "
        "napisz sam procent, np. 20%",
        "a percentage cannot take 'tys.', 'mln' or 'mld' (in {text!r}); "
        "write the percentage alone, e.g. 20%",
    ),
    "prog.target.change_points_percent": (
        "w wartości docelowej {text!r} jest i znak %, i 'pkt proc.'; napisz 'wzrost o 10%' "
        "(względem wartości bazowej) albo 'wzrost o 2 pkt proc.' (punkty procentowe)",
        "the target {text!r} has both a % sign and 'pkt proc.'; write 'wzrost o 10%' "
        "(relative to the baseline) or 'wzrost o 2 pkt proc.' (percentage points)",
    ),
    "prog.target.change_not_positive": (
        "zmiana w wartości docelowej {text!r} musi być większa od zera; kierunek mówi słowo "
        "'wzrost' albo 'spadek'",
        "the change in target {text!r} must be greater than zero; 'wzrost' or 'spadek' "
        "gives its direction",
    ),
    "prog.breakdown_target.unlisted": (
        "podział {key!r} nie ma wartości {value!r}, a podano dla niej wartość docelową",
        "the breakdown {key!r} has no value {value!r}, yet a target is given for it",
    ),
    "prog.breakdown_target.values": (
        "wartości podziału: {values}",
        "the breakdown's values: {values}",
    ),
    "prog.breakdown_target.change": (
        "wartość docelowa {text!r} wartości {value!r} to zmiana względem wartości bazowej, "
        "a wartość podziału jej nie ma",
        "the target {text!r} of the value {value!r} is a change against a baseline, and a "
        "breakdown value has none",
    ),
    "prog.breakdown_target.change.hint": (
        "podaj poziom do osiągnięcia, np. 5/rok, co najmniej 5 albo 5 w 2025",
        "give the level to reach, e.g. 5/rok, co najmniej 5 or 5 w 2025",
    ),
    "prog.breakdown_target.periods": (
        "wartość docelowa {text!r} wartości {value!r} dotyczy innych okresów niż wskaźnik",
        "the target {text!r} of the value {value!r} is for other periods than the indicator's",
    ),
    "prog.breakdown_target.periods.hint": (
        "wartość podziału jest oceniana w okresach wskaźnika (wartość docelowa wskaźnika: "
        "{target}); podaj ją na ten sam okres albo bez okresu, np. co najmniej 1",
        "a breakdown value is judged in the indicator's periods (the indicator's target: "
        "{target}); give it for the same period, or without one, e.g. co najmniej 1",
    ),
    "prog.target.change_needs_baseline": (
        "wartość docelowa {text!r} to zmiana względem wartości bazowej, a wskaźnik jej nie ma",
        "the target {text!r} is a change against the baseline, and the indicator has none",
    ),
    "prog.target.change_needs_baseline.hint": (
        "dodaj do wskaźnika wartość bazową, np. baseline: {value: 40, year: 2020}",
        "add the indicator's baseline, e.g. baseline: {value: 40, year: 2020}",
    ),
    "prog.target.false": (
        "wartość docelowa 'nie'/false nie wyznacza niczego do osiągnięcia; użyj 'brak'",
        "a target of 'nie'/false means nothing to achieve; use 'brak'",
    ),
    "prog.target.bad_type": (
        "wartość docelowa musi być tekstem, liczbą albo zestawem par klucz: wartość, "
        "a jest: {type}",
        "a target must be text, a number or a mapping, not {type}",
    ),
    "prog.target.the_value": ("wartość docelowa", "the target value"),
    "prog.target.for_year": ("wartość docelowa na rok {year}", "the target for {year}"),
    "prog.target.not_number": ("{what} musi być liczbą", "{what} must be a number"),
    "prog.target.not_number_value": (
        "{what} musi być liczbą, a nie {raw!r}",
        "{what} must be a number, not {raw!r}",
    ),
    "prog.target.unknown_key": (
        "nieznany klucz {key} w wartości docelowej; "
        "postać jawna przyjmuje klucze kind, value, per, by i values",
        "unknown key {key} in target; the explicit form takes kind, value, per, by and values",
    ),
    "prog.target.needs_kind": (
        "postać jawna wartości docelowej wymaga klucza kind: jednego z {kinds}",
        "the explicit form of a target needs a kind: one of {kinds}",
    ),
    "prog.target.unknown_kind": (
        "nieznany rodzaj wartości docelowej {kind}; użyj jednego z: {kinds}",
        "unknown target kind {kind}; use one of {kinds}",
    ),
    "prog.target.by_year_values": (
        "wartość docelowa rodzaju by_year wymaga klucza 'values' z latami i wartościami",
        "a by_year target needs 'values', a mapping of years to values",
    ),
    "prog.target.by_not_year": (
        "'by' musi być rokiem, np. 2025",
        "'by' must be a year, such as 2025",
    ),
    "prog.target.needs_value": (
        "wartość docelowa rodzaju {kind} wymaga klucza 'value'",
        "a {kind} target needs a 'value'",
    ),
    "prog.target.level_needs_by": (
        "wartość docelowa rodzaju level wymaga klucza 'by' — roku, w którym ma zostać osiągnięta",
        "a level target needs 'by', the year to reach it",
    ),
    "prog.target.bad_per": (
        "'per' musi mieć wartość rok, półrocze, kwartał albo miesiąc",
        "'per' must be rok, półrocze, kwartał or miesiąc",
    ),
    # periods, deadlines, numbers
    "prog.period.invalid": ("to nie jest okres: {text!r}", "not a period: {text!r}"),
    "prog.period.bad_month": ("nie ma takiego miesiąca: {text!r}", "not a month: {text!r}"),
    "prog.period.bad_week": (
        "nie ma takiego tygodnia: {text!r} (rok ma tygodnie od W01 do W{weeks})",
        "no such week: {text!r} (the year has weeks W01 to W{weeks})",
    ),
    "prog.period.reversed": (
        "okres nie może się kończyć przed swoim początkiem: {text!r}",
        "a period cannot end before it starts: {text!r}",
    ),
    "prog.deadline.invalid": (
        "to nie jest dzień i miesiąc: {text!r}; wpisz termin jako '31 maja' albo '05-31'",
        "not a day of the year: {text!r}; write it as '31 maja' or '05-31'",
    ),
    "prog.deadline.no_such_day": ("nie ma takiego dnia: {text!r}", "no such day: {text!r}"),
    "prog.deadline_days": (
        "deadline_days musi być liczbą całkowitą dni od 0 do {most}, a jest: {value}",
        "deadline_days must be a whole number of days from 0 to {most}, not: {value}",
    ),
    "prog.deadline_days.hint": (
        "ile dni po zakończeniu okresu krótszego niż rok (półrocza, kwartału, miesiąca, "
        "tygodnia) mija termin przekazania danych, np. deadline_days: 30",
        "how many days after a period shorter than a year (a half, quarter, month, week) "
        "ends its data is due, e.g. deadline_days: 30",
    ),
    "prog.number.empty": ("nie podano liczby", "empty number"),
    "prog.number.invalid": ("to nie jest liczba: {text!r}", "not a number: {text!r}"),
    "number.not_whole": (
        "'{text}' nie jest liczbą całkowitą.",
        "'{text}' is not a valid integer.",
    ),
    "prog.number.ambiguous": (
        "liczba {text!r} jest niejednoznaczna: kropka lub przecinek przed trzema cyframi może "
        "oddzielać tysiące albo część ułamkową; napisz {whole} albo {fraction}",
        "the number {text!r} is ambiguous: a dot or comma before three digits may group "
        "thousands or mark decimals; write {whole} or {fraction}",
    ),
    "prog.number.too_large": (
        "liczba {text!r} jest za duża (najwyżej 15 cyfr)",
        "the number {text!r} is too large (15 digits at most)",
    ),
    "prog.number.not_finite": (
        "to nie jest skończona liczba: {text!r}",
        "not a finite number: {text!r}",
    ),
}

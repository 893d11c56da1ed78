"""Messages for the status commands: key -> (Polish, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # status words (codes in JSON are the English keys after "status.")
    "status.achieved": ("osiągnięto", "achieved"),
    "status.in_progress": ("w trakcie", "in progress"),
    "status.missed": ("nie osiągnięto", "missed"),
    "status.awaiting": ("oczekuje na dane", "awaiting"),
    "status.overdue": ("zaległe", "overdue"),
    "status.not_started": ("nie rozpoczęto", "not started"),
    "status.reported": ("odnotowano", "reported"),
    # the command
    "cmd.status.help": (
        "Pokaż postęp realizacji: wartości osiągnięte wobec docelowych, stopień realizacji "
        "i status.",
        "Progress against targets: achieved vs target values, degree of achievement, status.",
    ),
    "opt.status.year": (
        "Pokaż okresy podanego roku. Domyślnie: bieżący okres, każdy wcześniejszy okres "
        "wymagający uwagi (oczekuje na dane, zaległe, nie osiągnięto), poprzedni okres, "
        "dopóki nie minie termin sprawozdania za niego, oraz wiersz „razem w programie”.",
        "Show that year's periods. Default: the current period, every earlier period that "
        "needs attention (awaiting, overdue, missed), the previous one while its report is "
        "due, and the programme-to-date row.",
    ),
    "opt.status.as_of": (
        "Stan na dzień RRRR-MM-DD (domyślnie: dziś).",
        "As of this date, YYYY-MM-DD (default: today).",
    ),
    "opt.status.goal": (
        "Tylko wskaźniki działań służących podanemu celowi szczegółowemu (np. a); "
        "dla celu głównego: wszystkie wskaźniki.",
        "Only indicators of actions serving this specific goal (e.g. a); the main goal: all.",
    ),
    "opt.status.format": (
        "Format wyjścia: table, json, csv lub md.",
        "Output format: table, json, csv or md.",
    ),
    "status.year_outside": (
        "Rok {year} jest poza latami programu {years}.",
        "The year {year} is outside the programme's years {years}.",
    ),
    "status.year_outside.hint": (
        "podaj rok od {first} do {last}",
        "give a year from {first} to {last}",
    ),
    "status.unknown_goal": (
        "Nie ma w programie celu {id!r}.",
        "No goal {id!r} in the programme.",
    ),
    "status.known_goals": (
        "cel główny: {main} (wszystkie wskaźniki); cele szczegółowe: {ids}",
        "main goal: {main} (every indicator); specific goals: {ids}",
    ),
    # header and summary
    "status.header.program": ("Program: {title}", "Programme: {title}"),
    "status.header.program_file": ("Plik programu: {path}", "Programme file: {path}"),
    "status.header.store": ("Magazyn pomiarów: {path}", "Measurement store: {path}"),
    "status.header.as_of": ("Stan na: {date}", "As of: {date}"),
    "status.header.year": ("Rok: {year}", "Year: {year}"),
    "status.header.goal": ("Cel szczegółowy: {goal}", "Specific goal: {goal}"),
    "status.header.main_goal": (
        "Cel główny: {goal} (wszystkie wskaźniki)",
        "Main goal: {goal} (every indicator)",
    ),
    "status.header.one_main_goal": ("Cel główny: {goal}", "Main goal: {goal}"),
    "status.header.store_missing": (
        "Magazyn pomiarów: {path} (nie ma jeszcze wpisów)",
        "Measurement store: {path} (no entries yet)",
    ),
    "status.summary.item": ("{word}: {count}", "{count} {word}"),
    "status.summary.none": ("brak wskaźników do pokazania", "no indicators to show"),
    "status.orphans": (
        "Uwaga: {entries} spoza programu (np. wskaźnik {id}, okres {period}) — pominięto "
        "w obliczeniach.",
        "Note: {entries} outside the programme (e.g. indicator {id}, period {period}) — "
        "not counted.",
    ),
    "word.entries.one": ("{count} wpis", "{count} entry"),
    "word.entries.few": ("{count} wpisy", "{count} entries"),
    "word.entries.many": ("{count} wpisów", "{count} entries"),
    # columns and labels
    "col.id": ("ID", "ID"),
    "col.indicator": ("Wskaźnik", "Indicator"),
    "col.period": ("Okres", "Period"),
    "col.target": ("Wartość docelowa", "Target"),
    "col.actual": ("Wartość osiągnięta", "Actual"),
    "col.actual_of_target": ("Osiąg./docel.", "Actual/target"),
    "col.progress": ("Postęp", "Progress"),
    "col.achievement": ("Stopień realizacji", "Achievement"),
    "col.status": ("Status", "Status"),
    "col.status_code": ("Kod statusu", "Status code"),
    "col.goals": ("Cele", "Goals"),
    "col.action": ("Działanie", "Action"),
    "col.scope": ("Zakres", "Scope"),
    "col.periods_achieved": ("Osiągnięto w okresach", "Periods achieved"),
    "col.baseline_progress": ("Postęp od wartości bazowej", "Progress from baseline"),
    "col.entries": ("Wpisy", "Entries"),
    "scope.period": ("okres", "period"),
    "scope.programme": ("program", "programme"),
    "status.group.main_goal": ("Cel główny {id}: {name}", "Main goal {id}: {name}"),
    "status.group.goal": ("Cel {id}) {name}", "Goal {id}) {name}"),
    "status.group.goals": ("Cele {ids}", "Goals {ids}"),
    "status.group.no_goal": ("Bez przypisanego celu", "No specific goal"),
    "status.group.action": ("Działanie {id}: {name}", "Action {id}: {name}"),
    "status.programme_row": ("razem w programie", "programme to date"),
    "status.completeness": ("dane za {with_data} z {due}", "data for {with_data} of {due}"),
    "noun.of_periods": ("okresu|okresów|okresów", "period|periods"),
    "status.breakdown_row": ("{breakdown}: {value}", "{breakdown}: {value}"),
    "status.unspecified": ("nieokreślone", "unspecified"),
    "status.periods_achieved": ("{achieved}/{total}", "{achieved}/{total}"),
    "value.yes": ("tak", "yes"),
    "value.no": ("nie", "no"),
    # wsp show: the history
    "history.title": (
        "Historia wskaźnika {id} (stan na {date}):",
        "History of indicator {id} (as of {date}):",
    ),
    "history.programme": (
        "Cały program {period}: {actual} z {target} ({achievement}), {status}; "
        "osiągnięto w okresach: {achieved} z {total}",
        "Whole programme {period}: {actual} of {target} ({achievement}), {status}; "
        "periods achieved: {achieved} of {total}",
    ),
    "history.baseline": (
        "Postęp od wartości bazowej {baseline}{year} do wartości docelowej: {progress}",
        "From the baseline {baseline}{year}: {progress} of the way to the target",
    ),
}

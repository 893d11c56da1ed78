"""Messages of the command-line frame and the programme commands: key -> (Polish, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # frame
    "app.help": (
        "wsp — narzędzie do śledzenia wskaźników programów publicznych (programów współpracy "
        "z organizacjami pozarządowymi).",
        "wsp — an indicator tracker for public programmes (NGO cooperation programmes).",
    ),
    "app.epilog": (
        "Kody wyjścia: 0 powodzenie; 1 polecenie `check` wykryło braki; 2 błędne argumenty "
        "lub dane; "
        "3 błąd magazynu lub systemu plików; 70 błąd wewnętrzny wsp; 130 przerwano.",
        "Exit codes: 0 success; 1 `check` found shortfalls; 2 usage error or invalid input; "
        "3 store or file-system failure; 70 internal error in wsp; 130 interrupted.",
    ),
    # one-line summaries in the command list of `wsp --help` (short enough not to be cut)
    "cmd.validate.short": ("Sprawdź plik programu.", "Check a programme file."),
    "cmd.list.short": (
        "Pokaż drzewo celów, działań i wskaźników.",
        "Show the tree of goals, actions and indicators.",
    ),
    "cmd.show.short": (
        "Pokaż cel, obszar, działanie lub wskaźnik.",
        "Show one goal, area, action or indicator.",
    ),
    "cmd.init.short": ("Utwórz przykładowy plik programu.", "Create an example programme file."),
    "cmd.record.short": ("Zapisz pomiar wskaźnika.", "Record a measurement of an indicator."),
    "cmd.history.short": (
        "Pokaż wpisy z ich korektami i unieważnieniami.",
        "Show entries with their corrections and voids.",
    ),
    "cmd.correct.short": (
        "Popraw wpis (dopisuje nową wartość).",
        "Correct an entry (appends a new value).",
    ),
    "cmd.void.short": ("Unieważnij wpis.", "Void an entry."),
    "cmd.export.short": (
        "Wyeksportuj wszystkie wpisy (CSV, JSON).",
        "Export every entry (CSV, JSON).",
    ),
    "cmd.import.short": (
        "Zaimportuj wpisy z pliku CSV lub JSON.",
        "Import entries from a CSV or JSON file.",
    ),
    "cmd.status.short": (
        "Pokaż postęp realizacji wskaźników.",
        "Show the progress of the indicators.",
    ),
    "cmd.check.short": (
        "Sprawdź realizację (kod wyjścia dla skryptów i crona).",
        "Check progress (an exit code for scripts and cron).",
    ),
    "cmd.report.short": (
        "Przygotuj roczne sprawozdanie z realizacji.",
        "Prepare the annual implementation report.",
    ),
    "opt.program": ("Plik programu (YAML).", "Programme file (YAML)."),
    "opt.store": (
        "Magazyn pomiarów: plik (SQLite) albo adres postgresql://użytkownik@host/baza.",
        "Measurement store: a file (SQLite) or a postgresql://user@host/database URL.",
    ),
    "opt.lang": ("Język: pl lub en.", "Language: pl or en."),
    "opt.version": ("Pokaż wersję i zakończ.", "Show the version and exit."),
    "opt.show_completion": (
        "Wypisz skrypt uzupełniania poleceń dla powłoki SHELL (bash, zsh, fish).",
        "Print the completion script for SHELL (bash, zsh, fish).",
    ),
    "opt.install_completion": (
        "Zainstaluj uzupełnianie poleceń dla powłoki SHELL (bash, zsh, fish).",
        "Install completion for SHELL (bash, zsh, fish).",
    ),
    "completion.installed": (
        "{shell}: uzupełnianie poleceń zainstalowane w {path}; działa w nowo otwartym terminalu.",
        "{shell}: completion installed in {path}; it works in a newly opened terminal.",
    ),
    "opt.debug": ("Przy błędzie pokaż pełny ślad stosu.", "Show full tracebacks on errors."),
    "opt.format": ("Format wyjścia.", "Output format."),
    "opt.show_as_of": (
        "Pokaż historię wskaźnika według stanu na ten dzień (domyślnie: dziś).",
        "The date the indicator's history is shown as of (default: today).",
    ),
    "opt.force": ("Nadpisz istniejący plik.", "Overwrite an existing file."),
    "opt.output": (
        "Plik wyjściowy (domyślnie: standardowe wyjście).",
        "Output file (default: standard output).",
    ),
    "error": ("błąd", "error"),
    "arg.not_utf8": (
        "argument {arg!r} nie jest zapisany w UTF-8; ustaw kodowanie terminala na UTF-8",
        "the argument {arg!r} is not UTF-8; set the terminal's encoding to UTF-8",
    ),
    "examples": ("Przykłady", "Examples"),
    "hint": ("wskazówka", "hint"),
    "did_you_mean": ("Czy chodziło o: {options}?", "Did you mean: {options}?"),
    "interrupted": ("Przerwano.", "Interrupted."),
    "committed.but": ("Zapisano: {stored}, ale {what}.", "Stored: {stored}, but {what}."),
    "committed.interrupted": (
        "potem polecenie zostało przerwane",
        "then the command was interrupted",
    ),
    "committed.failed": ("potem wystąpił błąd: {error}", "then it failed: {error}"),
    "committed.hint": (
        "zapisane dane zostają w magazynie (pokazuje je `wsp history`); nie powtarzaj polecenia",
        "what was stored stays in the store (`wsp history` shows it); do not run the command again",
    ),
    "internal_error": (
        "wsp: błąd wewnętrzny: {error}. Uruchom ponownie z --debug i zgłoś problem.",
        "wsp: internal error: {error}. Re-run with --debug and report it.",
    ),
    "program.not_found": (
        "Nie znaleziono pliku programu: {path}",
        "Programme file not found: {path}",
    ),
    "program.not_found.hint": (
        "podaj --program PLIK, ustaw WSP_PROGRAM albo utwórz plik poleceniem `wsp init`",
        "pass --program FILE, set WSP_PROGRAM, or create one with `wsp init`",
    ),
    "program.invalid": (
        "{file}: {errors} w pliku programu",
        "{file}: {errors} in the programme file",
    ),
    # validate
    "cmd.validate.help": (
        "Sprawdź plik programu i wypisz wszystkie błędy z numerem wiersza i kolumny.",
        "Check a programme file and print every error with its line and column.",
    ),
    "arg.validate.file": (
        "Plik do sprawdzenia (domyślnie: program w użyciu).",
        "File to check (default: the programme in use).",
    ),
    "validate.ok": (
        "{file}: poprawny — {goals}, {actions}, {indicators}",
        "{file}: valid — {goals}, {actions}, {indicators}",
    ),
    "noun.error": ("błąd|błędy|błędów", "error|errors"),
    "noun.main_goal": ("cel główny|cele główne|celów głównych", "main goal|main goals"),
    "noun.specific_goal": (
        "cel szczegółowy|cele szczegółowe|celów szczegółowych",
        "specific goal|specific goals",
    ),
    "noun.action": ("działanie|działania|działań", "action|actions"),
    "noun.indicator": ("wskaźnik|wskaźniki|wskaźników", "indicator|indicators"),
    # list / show
    "cmd.list.help": (
        "Pokaż drzewo celów, działań i wskaźników.",
        "Show the tree of goals, actions and indicators.",
    ),
    "cmd.show.help": (
        "Pokaż w całości jeden cel, obszar, działanie lub wskaźnik.",
        "Show one goal, area, action or indicator in full.",
    ),
    "arg.show.id": ("Identyfikator, np. 1.1 albo a.", "An id, e.g. 1.1 or a."),
    "unknown_id": ("Nie ma w programie identyfikatora {id!r}.", "No id {id!r} in the programme."),
    "unknown_indicator": (
        "Nie ma w programie wskaźnika {id!r}.",
        "No indicator {id!r} in the programme.",
    ),
    "known_ids": ("znane identyfikatory: {ids}", "known ids: {ids}"),
    "label.program": ("Program", "Programme"),
    "label.issuer": ("Organ", "Issuing body"),
    "label.years": ("Lata", "Years"),
    "label.deadline": ("Termin sprawozdania", "Reporting deadline"),
    "label.main_goal": ("Cel główny", "Main goal"),
    "label.specific_goal": ("Cel szczegółowy", "Specific goal"),
    "label.specific_goals": ("Cele szczegółowe", "Specific goals"),
    "label.area": ("Obszar", "Area"),
    "label.planned_funds": ("Środki planowane", "Planned funds"),
    "label.action": ("Działanie", "Action"),
    "label.indicator": ("Wskaźnik", "Indicator"),
    "label.indicators": ("Wskaźniki", "Indicators"),
    "label.lp": ("L.p.", "No."),
    "label.name": ("Nazwa", "Name"),
    "label.unit": ("Jednostka", "Unit"),
    "label.target": ("Wartość docelowa", "Target value"),
    "label.frequency": ("Częstotliwość pomiaru", "Measurement frequency"),
    "label.aggregation": ("Agregacja w okresie", "Aggregation within a period"),
    "label.baseline": ("Wartość bazowa", "Baseline"),
    "label.breakdowns": ("Podziały", "Breakdowns"),
    "label.breakdown_targets": ("wartości docelowe", "targets"),
    "label.bounds": ("Zakres wartości", "Bounds"),
    "label.computed": ("Obliczany z rejestru dotacji", "Computed from the grants register"),
    "label.department": ("Odpowiedzialna komórka", "Responsible department"),
    "label.notes": ("Uwagi", "Notes"),
    "label.goals": ("Cele", "Goals"),
    "label.sources": ("Źródła", "Sources"),
    "label.serves": ("służy celom", "serves goals"),
    "label.also_serves": ("służy także celom", "also serves goals"),
    "label.also_serves_one": ("służy także celowi", "also serves goal"),
    "label.goal_chain": ("Cel", "Goal"),
    "label.main_goals": ("Cele główne", "Main goals"),
    "label.serves_one": ("służy celowi", "serves goal"),
    "unit.count": ("liczba", "count"),
    "unit.amount": ("kwota (zł)", "amount (PLN)"),
    "unit.percent": ("procent", "percent"),
    "unit.yesno": ("tak/nie", "yes/no"),
    "unit.number": ("wartość liczbowa", "number"),
    "unit.kind.count": ("liczba", "count"),
    "unit.kind.amount": ("kwota", "amount"),
    "unit.kind.percent": ("procent", "percent"),
    "unit.kind.milestone": ("tak/nie", "yes/no"),
    "unit.kind.quantity": ("wielkość", "quantity"),
    "aggregation.sum": ("suma", "sum"),
    "aggregation.last": ("ostatnia wartość", "last value"),
    "aggregation.max": ("maksimum", "maximum"),
    "aggregation.min": ("minimum", "minimum"),
    "aggregation.mean": ("średnia", "mean"),
    "lang.bad": (
        "nieznany język {value!r}; wybierz pl albo en",
        "unknown language {value!r}; choose pl or en",
    ),
    "label.none": ("brak", "none"),
    # init
    "cmd.init.help": (
        "Utwórz przykładowy plik programu z komentarzami (od razu poprawny).",
        "Write a commented starter programme file (valid as written).",
    ),
    "arg.init.file": ("Plik do utworzenia.", "File to create."),
    # writing a document to a file (every command with -o)
    "output.exists": ("Plik {path} już istnieje.", "The file {path} already exists."),
    "output.exists.hint": (
        "dodaj --force, aby go nadpisać, albo podaj inną nazwę",
        "add --force to overwrite it, or choose another name",
    ),
    "output.is_dir": ("{path} jest katalogiem, a nie plikiem.", "{path} is a folder, not a file."),
    "output.is_dir.hint": ("podaj nazwę pliku", "give a file name"),
    "output.not_regular": (
        "{path} to {kind}, a nie zwykły plik; wsp zapisuje tylko zwykłe pliki i nie zastąpi go.",
        "{path} is {kind}, not a regular file; wsp writes regular files only and will not "
        "replace it.",
    ),
    "output.not_regular.hint": (
        "podaj nazwę nowego pliku albo zwykłego pliku, który można nadpisać (--force)",
        "give the name of a new file, or of a regular file to overwrite (--force)",
    ),
    # what a path is, when it is not a regular file ("{path} is {kind}")
    "file.kind.fifo": ("potok nazwany (FIFO)", "a named pipe (FIFO)"),
    "file.kind.device": ("plik urządzenia", "a device"),
    "file.kind.socket": ("gniazdo", "a socket"),
    "file.kind.other": ("plik specjalny", "a special file"),
    "file.kind.folder": ("katalog", "a folder"),
    "output.no_dir": ("Katalog {path} nie istnieje.", "The folder {path} does not exist."),
    "output.no_dir.hint": (
        "utwórz go (mkdir -p {path}) albo podaj inną ścieżkę",
        "create it (mkdir -p {path}), or give another path",
    ),
    "output.write_failed": ("Nie można zapisać {path}: {error}", "Cannot write {path}: {error}"),
    "output.written": ("Zapisano {path}.", "Wrote {path}."),
    "output.needs_file": (
        "Format {format} trzeba zapisać do pliku.",
        "The {format} format must be written to a file.",
    ),
    "output.needs_file.hint": ("dodaj -o PLIK.{format}", "add -o FILE.{format}"),
    "output.unknown_suffix": (
        "Nie wiadomo, w jakim formacie zapisać {path}: znane rozszerzenia to {suffixes}.",
        "Cannot tell the format of {path} from its extension; the known ones are {suffixes}.",
    ),
    "output.unknown_suffix.hint": (
        "zmień rozszerzenie albo podaj --format ({formats})",
        "change the extension, or give --format ({formats})",
    ),
    "output.format_mismatch": (
        "--format {format} nie pasuje do pliku {path}: rozszerzenie oznacza format {implied}.",
        "--format {format} does not match the file {path}: its extension means {implied}.",
    ),
    "output.format_mismatch.hint": (
        "zmień rozszerzenie pliku na .{format} albo pomiń --format (albo podaj --format {implied})",
        "give the file a .{format} extension, or leave out --format (or use --format {implied})",
    ),
    "init.done": (
        "Utworzono plik {path}. Uzupełnij go i sprawdź poleceniem: wsp validate {path}",
        "Wrote {path}. Fill it in and check it: wsp validate {path}",
    ),
}

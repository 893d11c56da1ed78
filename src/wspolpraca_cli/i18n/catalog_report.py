"""Messages for ``wsp check`` and ``wsp report``: key -> (Polish, English).

The status words themselves live in :mod:`catalog_status` (``status.achieved`` …) and are
shared with ``wsp status``.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- wsp check: the command ----------------------------------------------------------------
    "cmd.check.help": (
        "Sprawdź realizację (dla skryptów i crona): kod wyjścia 0, gdy żaden wskaźnik nie jest "
        "zaległy ani nieosiągnięty, 1 — gdy jest albo gdy rejestr dotacji przekracza limit "
        "ustawy.",
        "For scripts and cron: exit 0 when no indicator is missed or overdue, 1 when any is or "
        "when the grants register breaks a limit of the act.",
    ),
    "opt.check.year": (
        "Sprawdź tylko okresy podanego roku (domyślnie: wszystkie okresy od początku programu).",
        "Check only that year's periods (default: every period since the programme began).",
    ),
    "opt.check.format": ("Format wyjścia: text lub json.", "Output format: text or json."),
    "opt.check.quiet": (
        "Nic nie wypisuj, gdy nie ma problemów (wygodne w cronie).",
        "Print nothing when there is nothing to do (handy in cron).",
    ),
    "opt.lang_here": (
        "Język tego polecenia: pl lub en (jak globalne --lang).",
        "Language of this command: pl or en (like the global --lang).",
    ),
    "check.bad_lang": (
        "Nieznany język {value!r}.",
        "Unknown language {value!r}.",
    ),
    "check.bad_lang.hint": ("użyj pl albo en", "use pl or en"),
    # -- wsp check: the text output ----------------------------------------------------------
    "check.header": ("Program: {title}", "Programme: {title}"),
    "check.header.scope_all": (
        "Stan na {date}; sprawdzono okresy od {first} do dziś.",
        "As of {date}; checked the periods from {first} to today.",
    ),
    "check.header.scope_until": (
        "Stan na {date}; sprawdzono okresy od {first} do {date}.",
        "As of {date}; checked the periods from {first} to {date}.",
    ),
    "check.header.not_started": (
        "Stan na {date}; program rozpoczyna się {start} — nie ma jeszcze czego sprawdzać.",
        "As of {date}; the programme begins on {start} — there is nothing to check yet.",
    ),
    "check.header.scope_year": (
        "Stan na {date}; sprawdzono okresy roku {year}.",
        "As of {date}; checked the periods of {year}.",
    ),
    "check.todo.record": (
        "wpisz wartość za {period} dla {id} ({name}) — termin {deadline}",
        "record {period} for {id} ({name}) — due {deadline}",
    ),
    "check.todo.record_late": (
        "wpisz wartość za {period} dla {id} ({name}) — termin minął {deadline}",
        "record {period} for {id} ({name}) — it was due {deadline}",
    ),
    "check.todo.import": (
        "wczytaj rejestr dotacji z wierszami roku {period} (wsp grants import), z którego "
        "jest obliczany {id} ({name}) — termin {deadline}",
        "import the grants register with rows of {period} (wsp grants import), which {id} "
        "({name}) is computed from — due {deadline}",
    ),
    "check.todo.import_late": (
        "wczytaj rejestr dotacji z wierszami roku {period} (wsp grants import), z którego "
        "jest obliczany {id} ({name}) — termin minął {deadline}",
        "import the grants register with rows of {period} (wsp grants import), which {id} "
        "({name}) is computed from — it was due {deadline}",
    ),
    "check.todo.missed_computed": (
        "{id} ({name}) za {period}: {actual} wobec wartości docelowej {target} ({percent}) — "
        "wyjaśnij przyczynę w sprawozdaniu albo popraw rejestr dotacji, jeśli jest błędny "
        "(wsp grants correct)",
        "{id} ({name}) in {period}: {actual} against a target of {target} ({percent}) — "
        "explain why in the report, or correct the grants register if it is wrong "
        "(wsp grants correct)",
    ),
    "check.todo.missed": (
        "{id} ({name}) za {period}: {actual} wobec wartości docelowej {target} ({percent}) — "
        "wyjaśnij przyczynę w sprawozdaniu albo popraw wpis, jeśli jest błędny (wsp correct)",
        "{id} ({name}) in {period}: {actual} against a target of {target} ({percent}) — "
        "explain why in the report, or correct the entry if it is wrong (wsp correct)",
    ),
    "check.orphan.word": ("poza programem", "orphan"),
    "check.orphan.unknown_indicator": (
        "{entries} dla {id} za {period}: takiego wskaźnika nie ma już w programie — "
        "zachowano w magazynie, nie wliczono; przywróć wskaźnik w pliku programu "
        "albo unieważnij (wsp void)",
        "{entries} for {id} in {period}: the programme no longer has this indicator — "
        "kept in the store, not counted; restore the indicator in the programme "
        "file or void (wsp void)",
    ),
    "check.orphan.bad_period": (
        "{entries} dla {id} z nieczytelnym okresem {period!r} — nie wliczono; "
        "popraw (wsp correct) albo unieważnij (wsp void)",
        "{entries} for {id} with an unreadable period {period!r} — not counted; "
        "correct (wsp correct) or void (wsp void)",
    ),
    "check.orphan.wrong_frequency": (
        "{entries} dla {id} za {period}: okres nie pasuje do częstotliwości pomiaru "
        "wskaźnika — nie wliczono; unieważnij i wpisz za właściwy okres",
        "{entries} for {id} in {period}: the period does not fit the indicator's "
        "measurement frequency — not counted; void and record the right period",
    ),
    "check.orphan.outside_programme": (
        "{entries} dla {id} za {period}: poza latami programu — nie wliczono",
        "{entries} for {id} in {period}: outside the programme's years — not counted",
    ),
    "check.all_good": (
        "Wszystkie wskaźniki, które powinny już mieć dane, mają je i osiągnęły wartości docelowe.",
        "Every indicator that is due has data and met its target.",
    ),
    "check.summary": ("Podsumowanie: {items}", "Summary: {items}"),
    "check.result.ok": (
        "Wynik: brak okresów zaległych ani nieosiągniętych (kod wyjścia 0).",
        "Result: nothing missed or overdue (exit code 0).",
    ),
    "check.result.shortfall": (
        "Wynik: {periods} (kod wyjścia 1).",
        "Result: {periods} (exit code 1).",
    ),
    # -- wsp check: the act's limits in the grants register (issue 14) -------------------------
    "check.limits.header": (
        "Limity ustawy w rejestrze dotacji:",
        "The act's limits in the grants register:",
    ),
    "check.limits.none": (
        "Rejestr dotacji mieści się we wszystkich limitach ustawy.",
        "The grants register is within every limit of the act.",
    ),
    "check.limits.line": ("{year} · {basis} — {text}", "{year} · {basis} — {text}"),
    "check.limit.small_grant_amount": (
        "dotacja w trybie art. 19a powyżej {bound}: {value}",
        "an art. 19a grant above {bound}: {value}",
    ),
    "check.limit.small_grant_days": (
        "zadanie w trybie art. 19a dłuższe niż {bound} dni: {value} dni",
        "an art. 19a task longer than {bound} days: {value} days",
    ),
    "check.limit.small_grant_per_organisation": (
        "dotacje w trybie art. 19a dla {organisation} w roku {year}: {value}, powyżej {bound}",
        "{organisation} received {value} of art. 19a grants in {year}, above {bound}",
    ),
    "check.limit.small_grant_share": (
        "dotacje w trybie art. 19a na {value}, powyżej {share} środków planowanych "
        "({planned}), czyli {bound}",
        "art. 19a grants of {value}, above {share} of the funds planned ({planned}), "
        "that is {bound}",
    ),
    "check.limit.planned_funds": (
        "przyznano {value}, więcej niż zaplanowane środki {planned}",
        "{value} granted, more than the funds planned, {planned}",
    ),
    "check.limits.row": (
        "{organisation} — {title} ({uid}): {granted}",
        "{organisation} — {title} ({uid}): {granted}",
    ),
    "check.limits.row_days": (
        "{organisation} — {title} ({uid}): {granted}, {days} dni",
        "{organisation} — {title} ({uid}): {granted}, {days} days",
    ),
    "check.funds.header": (
        "Środki przyznane wobec planowanych:",
        "Funds granted against planned:",
    ),
    "check.funds.line": (
        "{year}: przyznano {granted} z {planned} planowanych ({share}); w trybie art. 19a {small}",
        "{year}: {granted} granted of {planned} planned ({share}); under art. 19a {small}",
    ),
    "check.funds.line_unplanned": (
        "{year}: przyznano {granted}; w trybie art. 19a {small} (program nie podaje środków "
        "planowanych na ten rok)",
        "{year}: {granted} granted; under art. 19a {small} (the programme plans no funds for "
        "this year)",
    ),
    "check.result.limits": (
        "Wynik: {findings} (kod wyjścia 1).",
        "Result: {findings} (exit code 1).",
    ),
    "check.result.shortfall_limits": (
        "Wynik: {periods}; {findings} (kod wyjścia 1).",
        "Result: {periods}; {findings} (exit code 1).",
    ),
    "noun.limit_findings": (
        "przekroczenie limitów ustawy w rejestrze dotacji|przekroczenia limitów ustawy "
        "w rejestrze dotacji|przekroczeń limitów ustawy w rejestrze dotacji",
        "finding outside the act's limits in the grants register|findings outside the act's "
        "limits in the grants register",
    ),
    # plural nouns (i18n.plural): Polish one|few|many, English one|other
    "noun.shortfall_periods": (
        "okres zaległy lub nieosiągnięty|okresy zaległe lub nieosiągnięte"
        "|okresów zaległych lub nieosiągniętych",
        "period missed or overdue|periods missed or overdue",
    ),
    # -- wsp report: the command ---------------------------------------------------------------
    "cmd.report.help": (
        "Przygotuj roczne sprawozdanie z realizacji programu albo ocenę wieloletnią "
        "(md, html, csv, xlsx, docx lub odt).",
        "The annual report on the programme's implementation, or the multi-year evaluation "
        "(md, html, csv, xlsx, docx or odt).",
    ),
    "opt.report.year": (
        "Rok, którego dotyczy sprawozdanie (domyślnie: rok poprzedni).",
        "The year reported on (default: the previous year).",
    ),
    "opt.report.format": (
        "Format: md, html, csv, xlsx, docx lub odt (domyślnie: według rozszerzenia pliku -o, "
        "inaczej md).",
        "Format: md, html, csv, xlsx, docx or odt (default: from the -o file's extension, "
        "else md).",
    ),
    "opt.report.as_of": (
        "Stan danych na dzień RRRR-MM-DD (domyślnie: dziś lub WSP_REPORT_DATE).",
        "Data as of YYYY-MM-DD (default: today, or WSP_REPORT_DATE).",
    ),
    "report.needs_output": (
        "Sprawozdanie w formacie {format} trzeba zapisać do pliku.",
        "A {format} report must be written to a file.",
    ),
    "report.needs_output.hint": (
        "dodaj -o PLIK, np. -o sprawozdanie-{year}.{format}",
        "add -o FILE, e.g. -o report-{year}.{format}",
    ),
    "report.no_library": (
        "Format {format} wymaga pakietu {package}, który nie jest zainstalowany.",
        "The {format} format needs the {package} package, which is not installed.",
    ),
    "report.no_library.hint": (
        "zainstaluj wsp ponownie z jego zależnościami (pip install {package}), "
        "albo wybierz --format html, md lub csv",
        "reinstall wsp with its dependencies (pip install {package}), "
        "or choose --format html, md or csv",
    ),
    "report.bad_report_date": (
        "Niepoprawna data {value!r} w zmiennej WSP_REPORT_DATE.",
        "Not a date: {value!r} in WSP_REPORT_DATE.",
    ),
    "report.no_default_year": (
        "Rok {year} jest poza latami programu {years}; nie ma roku domyślnego.",
        "The year {year} is outside the programme's years {years}; there is no default.",
    ),
    "report.no_default_year.hint": (
        "podaj rok w opcji --year (od {first} do {last})",
        "give --year, from {first} to {last}",
    ),
    "report.written": (
        "Zapisano sprawozdanie za rok {year}: {path}",
        "Wrote the report for {year}: {path}",
    ),
    "report.written_years": (
        "Zapisano ocenę realizacji programu w latach {years}: {path}",
        "Wrote the evaluation of {years}: {path}",
    ),
    "opt.report.years": (
        "Lata oceny wieloletniej, np. 2021-2025 (zamiast --year): kolumna na każdy rok, "
        "razem i stopień realizacji.",
        "The years of a multi-year evaluation, e.g. 2021-2025 (instead of --year): a column "
        "per year, the total and the degree of achievement.",
    ),
    "report.year_and_years": (
        "Podaj --year albo --years, nie obie opcje naraz.",
        "Give --year or --years, not both.",
    ),
    "report.year_and_years.hint": (
        "--year 2024 to sprawozdanie roczne, --years 2021-2025 to ocena wieloletnia",
        "--year 2024 is the annual report, --years 2021-2025 the multi-year evaluation",
    ),
    "report.bad_years": (
        "Niepoprawny zakres lat {value!r} w opcji --years.",
        "Not a range of years: {value!r} for --years.",
    ),
    "report.bad_years.hint": (
        "zapisz go jako PIERWSZY-OSTATNI, np. --years {first}-{last}",
        "write it as FIRST-LAST, e.g. --years {first}-{last}",
    ),
    "report.years_reversed": (
        "Zakres lat {value!r} biegnie wstecz: rok {first} jest późniejszy niż {last}.",
        "The range {value!r} runs backwards: {first} is after {last}.",
    ),
    "report.years_reversed.hint": (
        "podaj najpierw wcześniejszy rok: --years {last}-{first}",
        "give the earlier year first: --years {last}-{first}",
    ),
    "report.years_outside": (
        "Lata {value} wychodzą poza lata programu {years}.",
        "The years {value} reach outside the programme's years {years}.",
    ),
    "report.years_outside.hint": (
        "podaj lata od {first} do {last}",
        "give years from {first} to {last}",
    ),
    "report.howto.header": (
        "Brakujące dane (nie ma ich w sprawozdaniu) — jak je uzupełnić:",
        "Missing data (not in the report) — how to fill it in:",
    ),
    # -- the report: heading -------------------------------------------------------------------
    "report.title": (
        "Sprawozdanie z realizacji programu za rok {year}",
        "Report on the programme's implementation in {year}",
    ),
    "report.label.program": ("Program", "Programme"),
    "report.label.issuer": ("Organ", "Issuing body"),
    "report.label.adopted_by": ("Akt przyjęcia", "Adopted by"),
    "report.label.years": ("Okres programu", "Programme period"),
    "report.label.year": ("Rok sprawozdawczy", "Reporting year"),
    "report.label.generated": ("Data sporządzenia", "Date of the report"),
    "report.label.as_of": ("Stan danych na", "Data as of"),
    "report.label.main_goal": ("Cel główny", "Main goal"),
    "report.label.main_goals": ("Cele główne", "Main goals"),
    "report.label.deadline": ("Termin sprawozdania", "Reporting deadline"),
    "report.label.years_scope": ("Lata objęte oceną", "Years evaluated"),
    # -- the multi-year evaluation (--years) --------------------------------------------------
    "report.years.title": (
        "Ocena realizacji programu w latach {years}",
        "Evaluation of the programme's implementation, {years}",
    ),
    "report.col.total": ("Razem {years}", "Total {years}"),
    "report.col.range_target": ("Wartość docelowa {years}", "Target {years}"),
    "report.col.periods_achieved": (
        "Okresy z osiągniętą wartością docelową",
        "Periods that met the target",
    ),
    "report.missing.none_years": (
        "Wszystkie wskaźniki mają dane za lata {years}.",
        "Every indicator has data for {years}.",
    ),
    "report.sheet.years": ("Ocena {years}", "Evaluation {years}"),
    # -- the report: the action tables ---------------------------------------------------------
    "report.section.actions": (
        "Realizacja działań i wskaźników",
        "Actions and indicators",
    ),
    "report.area": ("Obszar {id}) {name}", "Area {id}) {name}"),
    "report.main_goal": ("Cel główny {id}: {name}", "Main goal {id}: {name}"),
    "report.col.goal_code": ("Cel", "Goal"),
    "report.col.goal_name": ("Nazwa celu", "Goal name"),
    "report.area.goal": ("Cel szczegółowy: {goals}", "Specific goal: {goals}"),
    "report.area.goals": ("Cele szczegółowe: {goals}", "Specific goals: {goals}"),
    "report.col.lp": ("L.p.", "No."),
    "report.col.action": ("Nazwa działania", "Action"),
    "report.col.indicator": ("Wskaźnik", "Indicator"),
    "report.col.indicator_id": ("ID wskaźnika", "Indicator ID"),
    "report.col.target": ("Wartość docelowa", "Target value"),
    "report.col.period_target": (
        "Wartość docelowa w okresie",
        "Target for the period",
    ),
    "report.col.frequency": ("Częstotliwość pomiaru", "Measurement frequency"),
    "report.col.period": ("Okres", "Period"),
    "report.col.actual": ("Wartość osiągnięta", "Achieved value"),
    "report.col.achievement": ("Stopień realizacji (%)", "Degree of achievement (%)"),
    "report.col.status": ("Status", "Status"),
    "report.col.status_code": ("Kod statusu", "Status code"),
    "report.col.notes": ("Uwagi i źródła", "Notes and sources"),
    "report.col.area": ("Obszar", "Area"),
    "report.col.entries": ("Liczba wpisów", "Entries"),
    "report.col.previous": ("Wartość w {year} r.", "Achieved in {year}"),
    "report.col.change": ("Zmiana", "Change"),
    "report.col.change_percent": ("Zmiana (%)", "Change (%)"),
    "report.change.points": ("{change} pkt proc.", "{change} pp"),
    "report.year_total": ("{year} razem", "{year} in total"),
    "report.caption.heading": ("Dane sprawozdania", "About this report"),
    "report.chart.title": (
        "Stopień realizacji wartości docelowych w {year} r.",
        "Degree of achievement of the targets in {year}",
    ),
    "report.chart.title_years": (
        "Stopień realizacji wartości docelowych w latach {years}",
        "Degree of achievement of the targets, {years}",
    ),
    "report.chart.desc": (
        "Wykres słupkowy; te same dane są w tabelach: {items}.",
        "A bar chart; the tables hold the same figures: {items}.",
    ),
    "report.programme_row": (
        "{period}, cały program (stan na {date})",
        "{period}, whole programme (as of {date})",
    ),
    "report.source": ("źródło: {source}", "source: {source}"),
    "report.notes.earlier": ("… i {entries}", "… and {entries}"),
    "report.notes.computed": ("z rejestru dotacji", "from the grants register"),
    "report.breakdown": ("{breakdown}: {values}", "{breakdown}: {values}"),
    "report.breakdown.value": ("{label} {actual}", "{label} {actual}"),
    "report.breakdown.value_target": (
        "{label} {actual} z {target} ({status})",
        "{label} {actual} of {target} ({status})",
    ),
    "noun.earlier_entry": (
        "wcześniejszy wpis|wcześniejsze wpisy|wcześniejszych wpisów",
        "earlier entry|earlier entries",
    ),
    "report.footnote.sources": ("Źródło tabeli działań", "Source of the action table"),
    # -- the report: goals ---------------------------------------------------------------------
    "report.section.goals": (
        "Podsumowanie według celów szczegółowych",
        "Summary by specific goal",
    ),
    "report.section.goals_tree": (
        "Podsumowanie według celów głównych i szczegółowych",
        "Summary by main and specific goal",
    ),
    "report.col.goal": ("Cel szczegółowy", "Specific goal"),
    "report.col.goal_any": ("Cel", "Goal"),
    "report.col.indicators": ("Wskaźniki", "Indicators"),
    "report.col.achieved_of": ("Osiągnięte wartości docelowe", "Targets achieved"),
    "report.col.statuses": ("Statusy", "Statuses"),
    "report.achieved_of": ("{achieved} z {total}", "{achieved} of {total}"),
    "report.goal.none": (
        "brak wskaźników przypisanych w programie",
        "no indicators assigned in the programme",
    ),
    # -- the report: the financial part (the grants register, issue 14) -----------------------
    "report.section.finance": (
        "Finansowanie zadań publicznych (rejestr dotacji)",
        "Funding of public tasks (the grants register)",
    ),
    "report.finance.by_area": (
        "Dotacje w roku {year} według sfer zadań publicznych (art. 4 ust. 1 ustawy)",
        "Grants in {year} by area of public tasks (art. 4 ust. 1 of the act)",
    ),
    "report.finance.by_mode": (
        "Dotacje w roku {year} według trybu zlecania",
        "Grants in {year} by mode",
    ),
    "report.finance.funds": (
        "Środki finansowe w roku {year}",
        "Funds in {year}",
    ),
    "report.finance.by_year": (
        "Środki finansowe i dotacje w latach {years}",
        "Funds and grants in {years}",
    ),
    "report.finance.total": ("Razem", "Total"),
    "report.finance.col.area": ("Sfera zadań publicznych", "Area of public tasks"),
    "report.finance.col.mode": ("Tryb", "Mode"),
    "report.finance.col.offers": ("Oferty złożone", "Offers received"),
    "report.finance.col.rejected": ("Oferty bez dotacji", "Offers not granted"),
    "report.finance.col.grants": ("Dotacje", "Grants"),
    "report.finance.col.granted": ("Kwota przyznana (zł)", "Granted (zł)"),
    "report.finance.col.settled": ("Kwota rozliczona (zł)", "Settled (zł)"),
    "report.finance.col.planned": ("Środki planowane (zł)", "Planned (zł)"),
    "report.finance.col.granted_share": (
        "Przyznano z planowanych",
        "Granted of planned",
    ),
    "report.finance.col.organisations": ("Organizacje", "Organisations"),
    "report.finance.col.year": ("Rok", "Year"),
    "report.finance.col.item": ("Pozycja", "Item"),
    "report.finance.col.value": ("Wartość", "Value"),
    "report.finance.planned": (
        "Środki planowane w programie (zł)",
        "Funds planned in the programme (zł)",
    ),
    "report.finance.granted": ("Kwota dotacji przyznanych (zł)", "Grants awarded (zł)"),
    "report.finance.granted_share": (
        "Przyznano ze środków planowanych",
        "Granted of the funds planned",
    ),
    "report.finance.settled": ("Kwota dotacji rozliczonych (zł)", "Grants settled (zł)"),
    "report.finance.organisations": (
        "Organizacje, którym przyznano dotacje",
        "Organisations granted funds",
    ),
    "report.finance.offers": ("Oferty złożone", "Offers received"),
    "report.finance.rejected": (
        "Oferty odrzucone lub bez dotacji",
        "Offers rejected or not granted",
    ),
    "report.finance.grants": ("Dotacje przyznane", "Grants awarded"),
    "report.finance.mode.konkurs": ("otwarty konkurs ofert", "open competition"),
    "report.finance.mode.19a": (
        "tryb art. 19a (z pominięciem konkursu)",
        "art. 19a (outside a competition)",
    ),
    "report.finance.mode.inicjatywa": ("inicjatywa lokalna", "local initiative"),
    "report.finance.mode.inny": ("inny tryb", "other mode"),
    # -- the report: missing data --------------------------------------------------------------
    "report.section.missing": ("Brakujące dane", "Missing data"),
    "report.missing.item": (
        "{id} {name} — {period}: brak wpisu ({status}; termin {deadline})",
        "{id} {name} — {period}: no entry ({status}; due {deadline})",
    ),
    "report.missing.howto": (
        "Uzupełnij: wsp record {id} WARTOŚĆ --period {period}",
        "To fill in: wsp record {id} VALUE --period {period}",
    ),
    "report.missing.howto_computed": (
        "Uzupełnij: wsp grants import PLIK (rejestr dotacji z wierszami roku {period}; "
        "wskaźnik {id} jest z niego obliczany)",
        "To fill in: wsp grants import FILE (the grants register with rows of {period}; "
        "the indicator {id} is computed from it)",
    ),
    "report.missing.none": (
        "Wszystkie wskaźniki mają dane za rok {year}.",
        "Every indicator has data for {year}.",
    ),
    "report.orphans": (
        "Wpisy poza programem (niewliczone): {count}",
        "Entries outside the programme (not counted): {count}",
    ),
    # -- the report: sheet names (xlsx, at most 31 characters) -------------------------------
    "report.sheet.report": ("Sprawozdanie {year}", "Report {year}"),
    "report.sheet.goals": ("Cele", "Goals"),
    "report.sheet.finance": ("Finanse", "Funds"),
    "report.sheet.missing": ("Braki danych", "Missing data"),
    "report.generated_by": (
        "Sporządzono za pomocą narzędzia wsp na podstawie pliku programu i magazynu pomiarów.",
        "Prepared with wsp from the programme file and the measurement store.",
    ),
}

"""Messages of drafting a programme from a resolution (``wsp init --from``):
key -> (Polish, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # the command
    "opt.init.from": (
        "Utwórz szkic programu z tekstu uchwały (TXT, PDF z warstwą tekstu albo DOCX).",
        "Draft the programme from the resolution's text (TXT, PDF with a text layer, or DOCX).",
    ),
    "opt.init.title": (
        "Tytuł programu (gdy tekst go nie podaje).",
        "The programme's title (when the text does not give it).",
    ),
    "opt.init.issuer": (
        "Organ, który przyjął program (np. Rada Gminy Przykładowo).",
        "The body that adopted the programme (e.g. Rada Gminy Przykładowo).",
    ),
    "opt.init.years": (
        "Lata programu, np. 2021-2025 albo 2026.",
        "The programme's years, e.g. 2021-2025 or 2026.",
    ),
    "init.only_with_from": (
        "{option} działa tylko z --from.",
        "{option} works only with --from.",
    ),
    "init.only_with_from.hint": (
        "podaj --from PLIK z tekstem uchwały albo pomiń {option}",
        "add --from FILE with the resolution's text, or leave out {option}",
    ),
    "init.years_bad": (
        "Nie można odczytać lat {value!r}.",
        "Cannot read the years {value!r}.",
    ),
    "init.years_bad.hint": (
        "podaj pierwszy i ostatni rok, np. --years 2021-2025 (albo jeden rok: --years 2026)",
        "give the first and the last year, e.g. --years 2021-2025 (or one year: --years 2026)",
    ),
    "init.ask.title": ("Tytuł programu", "The programme's title"),
    "init.ask.issuer": ("Organ przyjmujący program", "The body that adopts the programme"),
    "init.ask.years": ("Lata programu (np. 2021-2025)", "The programme's years (e.g. 2021-2025)"),
    "init.ask.skip": (
        "(Enter: pozostaw do uzupełnienia)",
        "(Enter: leave it to fill in)",
    ),
    "init.draft_done": (
        "Utworzono szkic {path} z {source}: {goals}, {actions}, {indicators}.",
        "Wrote the draft {path} from {source}: {goals}, {actions}, {indicators}.",
    ),
    "init.draft_checks": (
        "Do sprawdzenia ({count}) — szukaj w pliku „DO SPRAWDZENIA”:",
        "To check ({count}) — search the file for “DO SPRAWDZENIA”:",
    ),
    "init.draft_next": (
        "Popraw te miejsca, a potem: wsp --program {path} status",
        "Correct those places, then: wsp --program {path} status",
    ),
    # reading the file
    "draft.not_found": ("Nie ma pliku {path}.", "There is no file {path}."),
    "draft.not_found.hint": (
        "podaj ścieżkę do tekstu uchwały (TXT, PDF albo DOCX)",
        "give the path of the resolution's text (TXT, PDF or DOCX)",
    ),
    "draft.is_folder": (
        "{path} jest katalogiem, a nie plikiem.",
        "{path} is a folder, not a file.",
    ),
    "draft.not_regular": (
        "{path} to {kind}, a nie zwykły plik.",
        "{path} is {kind}, not a regular file.",
    ),
    "draft.too_large": (
        "Plik {path} jest za duży ({size} B); dopuszczalny rozmiar to {limit} MiB.",
        "The file {path} is too large ({size} bytes); the limit is {limit} MiB.",
    ),
    "draft.cannot_read": ("Nie można odczytać {path}: {error}", "Cannot read {path}: {error}"),
    "draft.unknown_type": (
        "Nie wiadomo, jak odczytać {path} (typ {kind}): wsp czyta tekst uchwały z plików "
        "TXT, PDF i DOCX.",
        "Cannot tell how to read {path} (type {kind}): wsp reads a resolution's text from "
        "TXT, PDF and DOCX files.",
    ),
    "draft.unknown_type.hint": (
        "zapisz dokument jako DOCX albo PDF (w edytorze: Zapisz jako…) albo skopiuj tekst do "
        "pliku TXT",
        "save the document as DOCX or PDF (in the editor: Save as…), or copy its text into a "
        "TXT file",
    ),
    "draft.pdf_damaged": (
        "Nie można odczytać PDF {path}: {error}",
        "Cannot read the PDF {path}: {error}",
    ),
    "draft.pdf_no_header": ("brak nagłówka %PDF", "no %PDF header"),
    "draft.docx_no_zip": ("to nie jest archiwum ZIP", "it is not a ZIP archive"),
    "draft.pdf_encrypted": (
        "PDF {path} jest zaszyfrowany hasłem.",
        "The PDF {path} is encrypted with a password.",
    ),
    "draft.pdf_encrypted.hint": (
        "zapisz go bez hasła albo jako DOCX/TXT",
        "save it without the password, or as DOCX/TXT",
    ),
    "draft.pdf_no_text": (
        "PDF {path} nie ma warstwy tekstu (stron: {pages}) — to zapewne skan.",
        "The PDF {path} has no text layer ({pages} pages) — it is probably a scan.",
    ),
    "draft.pdf_no_text.hint": (
        "wsp nie rozpoznaje tekstu ze skanów (OCR): przepuść plik przez program OCR "
        "(np. ocrmypdf) albo weź tekst uchwały z BIP jako DOCX lub TXT",
        "wsp does not recognise text in scans (OCR): run the file through an OCR program "
        "(e.g. ocrmypdf), or take the resolution's text from the BIP as DOCX or TXT",
    ),
    "draft.docx_damaged": (
        "Nie można odczytać DOCX {path}: {error}",
        "Cannot read the DOCX {path}: {error}",
    ),
    "draft.empty": (
        "{path}: nie znaleziono celów (cel główny, cele szczegółowe) ani tabeli działań "
        "(L.p., Nazwa działania, Wskaźnik, Wartość docelowa, Częstotliwość pomiaru).",
        "{path}: found no goals (cel główny, cele szczegółowe) and no table of actions "
        "(L.p., Nazwa działania, Wskaźnik, Wartość docelowa, Częstotliwość pomiaru).",
    ),
    "draft.empty_table": (
        "{path}: znaleziono nagłówek tabeli działań, ale żadnego wiersza (L.p. 1, 2, …) ani "
        "celów programu.",
        "{path}: found the header of a table of actions but no row (L.p. 1, 2, …) and no goals.",
    ),
    "draft.empty.hint": (
        "czy to tekst uchwały przyjmującej program? Bez niego zacznij od `wsp init` "
        "(przykładowy program)",
        "is this the text of the resolution adopting the programme? Without one, start from "
        "`wsp init` (a starter programme)",
    ),
    # where a text was found
    "draft.where.line": ("wiersz {line} dokumentu", "line {line} of the document"),
    "draft.where.page_line": ("strona {page}, wiersz {line}", "page {page}, line {line}"),
    "draft.where.paragraph": ("akapit {paragraph}", "paragraph {paragraph}"),
    "draft.where.table_row": ("tabela {table}, wiersz {row}", "table {table}, row {row}"),
    # the file written
    "draft.file_header": (
        "Plik programu wsp (format {format}) — szkic z dokumentu {file} (wsp init --from).\n"
        "Sprawdź go z dokumentem: każde miejsce, którego wsp nie umiał odczytać albo umieścić,\n"
        "jest oznaczone „DO SPRAWDZENIA” i zawiera oryginalny tekst. Nic tu nie jest dopisane.",
        "Programme file of wsp (format {format}) — drafted from {file} (wsp init --from).\n"
        "Check it against the document: every place wsp could not read or place is marked\n"
        "“DO SPRAWDZENIA” with the original text. Nothing here is invented.",
    ),
    "draft.comment.deadline": (
        "nie z dokumentu: ustawowy termin sprawozdania",
        "not from the document: the statutory deadline of the report",
    ),
    # the checks (DO SPRAWDZENIA: …)
    "draft.check.title_found": (
        "tytuł ułożony z tekstu dokumentu (w mianowniku)",
        "title made from the document's words (in the nominative)",
    ),
    "draft.check.title_as_found": (
        "tytuł odczytany z tekstu dokumentu",
        "title read from the document's text",
    ),
    "draft.check.issuer_as_found": (
        "organ odczytany z tekstu dokumentu",
        "issuing body read from the document's text",
    ),
    "draft.check.title_missing": (
        "dokument nie podaje tytułu programu; wpisz go (albo podaj {option})",
        "the document gives no title; write it in (or pass {option})",
    ),
    "draft.check.issuer_found": (
        "organ odczytany z nagłówka uchwały",
        "issuing body read from the resolution's heading",
    ),
    "draft.check.issuer_missing": (
        "dokument nie podaje organu, który przyjął program; wpisz go (albo podaj {option})",
        "the document does not name the body that adopted the programme; write it in (or "
        "pass {option})",
    ),
    "draft.check.years_missing": (
        "dokument nie podaje lat programu; wpisane lata to tylko zastępstwo (albo podaj "
        "--years 2021-2025)",
        "the document gives no years; the years written are a placeholder (or pass --years "
        "2021-2025)",
    ),
    "draft.check.main_goal_missing": (
        "nie znaleziono celu głównego; wpisz go",
        "no main goal found; write it in",
    ),
    "draft.check.main_goal_empty": (
        "cel główny bez treści",
        "a main goal without its text",
    ),
    "draft.check.more_main_goals": (
        "kolejny cel główny ({id}); format {format} mieści jeden cel główny",
        "another main goal ({id}); format {format} holds one main goal",
    ),
    "draft.check.area_unnamed": (
        "tabela działań bez nagłówka obszaru; wpisz nazwę obszaru",
        "a table of actions without an area heading; write in the area's name",
    ),
    "draft.check.header_columns": (
        "nagłówek tabeli bez kolumny wartości docelowej albo częstotliwości pomiaru",
        "the table's header lacks the target or the frequency column",
    ),
    "draft.check.no_header": (
        "tabela bez nagłówka (L.p., Nazwa działania, …); kolumny przyjęte w tej kolejności",
        "a table without its header (L.p., Nazwa działania, …); columns taken in that order",
    ),
    "draft.check.before_rows": (
        "tekst między nagłówkiem tabeli a jej pierwszym wierszem",
        "text between the table's header and its first row",
    ),
    "draft.check.no_rows": (
        "nagłówek tabeli bez wierszy (L.p. 1, 2, …)",
        "a table header without rows (L.p. 1, 2, …)",
    ),
    "draft.check.no_lp": ("wiersz tabeli bez L.p.", "a table row without its L.p."),
    "draft.check.no_indicator": (
        "działanie bez wskaźnika, którego wsp nie umiał oddzielić od nazwy; działanie "
        "pominięte w danych",
        "an action whose indicator wsp could not tell from its name; the action is left out "
        "of the data",
    ),
    "draft.check.indicator_guessed": (
        "wskaźnik oddzielony od nazwy działania od słowa „{word}” (wiersz bez wielkich liter)",
        "the indicator told from the action's name from the word “{word}” (a row without capitals)",
    ),
    "draft.check.row_unread": (
        "wiersz tabeli, w którym wsp nie znalazł wskaźnika ani częstotliwości",
        "a table row in which wsp found no indicator and no frequency",
    ),
    "draft.check.other_column": (
        "kolumna „{column}”, której plik programu nie ma",
        "the column “{column}”, which the programme file does not have",
    ),
    "draft.check.after_row": (
        "tekst po ostatniej kolumnie wiersza",
        "text after the row's last column",
    ),
    "draft.check.no_target": (
        "wskaźnik bez wartości docelowej, którą wsp umie odczytać (zapisany jako "
        "monitorowany bez celu); nazwa może zawierać wartość",
        "an indicator without a target wsp can read (written as monitoring only); its name "
        "may hold the target",
    ),
    "draft.check.indicator_unnamed": (
        "wartość bez nazwy wskaźnika; pominięta w danych",
        "a value without an indicator's name; left out of the data",
    ),
    "draft.check.unit_guessed": (
        "jednostka przyjęta ({unit}): dokument jej nie podaje",
        "unit assumed ({unit}): the document does not give it",
    ),
    "draft.check.frequency_missing": (
        "brak częstotliwości pomiaru; wpisano „{placeholder}” jako zastępstwo",
        "no measurement frequency; “{placeholder}” written as a placeholder",
    ),
    "draft.check.frequency_unread": (
        "częstotliwość, której wsp nie odczytuje; wpisano „{placeholder}” jako zastępstwo",
        "a frequency wsp does not read; “{placeholder}” written as a placeholder",
    ),
    "draft.check.baseline_unread": (
        "wartość bazowa, której wsp nie odczytuje jako liczby",
        "a baseline wsp does not read as a number",
    ),
    "draft.check.target_unread": (
        "wartość docelowa, której wsp nie odczytuje (wskaźnik zapisany bez celu)",
        "a target wsp does not read (the indicator is written without one)",
    ),
    "draft.check.target_year_outside": (
        "wartość docelowa na rok {year}, poza latami programu {first}–{last} (wskaźnik "
        "zapisany bez celu)",
        "a target for {year}, outside the programme's years {first}–{last} (the indicator is "
        "written without one)",
    ),
    "draft.check.target_refused": (
        "wartość docelowa odrzucona: {reason} (wskaźnik zapisany bez celu)",
        "target refused: {reason} (the indicator is written without one)",
    ),
    "draft.check.unit_refused": (
        "jednostka odrzucona: {reason}",
        "unit refused: {reason}",
    ),
}

"""Messages of the grants register (``wsp grants``): key -> (Polish, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # reading a register (grants/read.py)
    "grants.read.unsupported": (
        "{path}: wsp nie czyta plików {suffix}; rejestr musi być plikiem CSV albo XLSX.",
        "{path}: wsp does not read {suffix} files; the register must be a CSV or XLSX file.",
    ),
    "grants.read.unsupported.hint": (
        "w arkuszu wybierz „Zapisz jako” → „Skoroszyt programu Excel (.xlsx)” albo „CSV UTF-8”",
        "in the spreadsheet choose Save As → 'Excel Workbook (.xlsx)' or 'CSV UTF-8'",
    ),
    "grants.read.bad_xlsx": (
        "{path}: nie można odczytać skoroszytu XLSX ({error}).",
        "{path}: cannot read the XLSX workbook ({error}).",
    ),
    "grants.read.bad_xlsx.hint": (
        "otwórz plik w arkuszu i zapisz go ponownie jako .xlsx albo jako CSV UTF-8",
        "open the file in a spreadsheet and save it again as .xlsx or as CSV UTF-8",
    ),
    "grants.read.empty": (
        "{file}: plik jest pusty — nie ma w nim wiersza nagłówka.",
        "{file}: the file is empty — it has no header row.",
    ),
    "grants.read.empty.hint": (
        "wzór rejestru z nagłówkami i przykładowym wierszem: wsp grants template -o rejestr.xlsx",
        "a register template with its headers and an example row: "
        "wsp grants template -o register.xlsx",
    ),
    "grants.read.bad_header": (
        "{file}: niepoprawny nagłówek — {problems}",
        "{file}: invalid header — {problems}",
    ),
    "grants.read.missing_columns": (
        "brak wymaganych kolumn: {columns}",
        "required columns missing: {columns}",
    ),
    "grants.read.unknown_columns": (
        "nieznane kolumny: {columns}",
        "unknown columns: {columns}",
    ),
    "grants.read.repeated": (
        "{file}: kolumny występują w nagłówku więcej niż raz: {columns}",
        "{file}: columns given more than once in the header: {columns}",
    ),
    "grants.read.header_hint": (
        "kolumny rejestru (po polsku albo po angielsku): Nr umowy (ref), Rok (year), "
        "Tryb (mode), Obszar (art. 4 ust. 1) (area), Wydział (department), Organizacja "
        "(organisation), Nr KRS (krs), Tytuł zadania (title), Kwota wnioskowana (requested), "
        "Kwota przyznana (granted), Kwota rozliczona (settled), Kwota zwrócona (returned), "
        "Data umowy (contract_date), Początek realizacji (start), Koniec realizacji (end); "
        "wymagane: Rok, Tryb, Obszar; wzór: wsp grants template -o rejestr.xlsx",
        "the register's columns (English or Polish): ref (Nr umowy), year (Rok), mode (Tryb), "
        "area (Obszar (art. 4 ust. 1)), department (Wydział), organisation (Organizacja), "
        "krs (Nr KRS), title (Tytuł zadania), requested (Kwota wnioskowana), granted (Kwota "
        "przyznana), settled (Kwota rozliczona), returned (Kwota zwrócona), contract_date "
        "(Data umowy), start (Początek realizacji), end (Koniec realizacji); required: year, "
        "mode, area; a template: wsp grants template -o register.xlsx",
    ),
    "grants.read.extra_cell": (
        "wiersz ma wartość w komórce {n}, a nagłówek ma tylko {columns} kolumn",
        "the row has a value in cell {n}, but the header has only {columns} columns",
    ),
    "grants.read.headless_cell": (
        "wartość w kolumnie {n}, która nie ma nagłówka",
        "a value in column {n}, which has no header",
    ),
    "grants.read.headless_cell.hint": (
        "dopisz nagłówek tej kolumny albo usuń z niej wartości",
        "give the column a header or empty it",
    ),
    "grants.read.required": (
        "pusta komórka w wymaganej kolumnie {column}",
        "an empty cell in the required column {column}",
    ),
    "grants.read.bad_year": ("to nie jest rok: {value!r}", "not a year: {value!r}"),
    "grants.read.year_hint": (
        "podaj rok czterema cyframi, np. 2024",
        "write the year with four digits, e.g. 2024",
    ),
    "grants.read.bad_mode": ("nieznany tryb {value!r}", "unknown mode {value!r}"),
    "grants.read.mode_hint": (
        "tryby: konkurs (otwarty konkurs ofert), 19a (tryb pozakonkursowy, mały grant), "
        "inicjatywa (inicjatywa lokalna), inny",
        "modes: konkurs (open competition), 19a (small grant outside a competition), "
        "inicjatywa (local initiative), inny (other)",
    ),
    "grants.read.bad_area": (
        "art. 4 ust. 1 nie ma punktu {value!r}",
        "art. 4 ust. 1 has no point {value!r}",
    ),
    "grants.read.area_hint": (
        "podaj punkt art. 4 ust. 1 (np. 16 — kultura, 17 — kultura fizyczna, 1a); punkty: {points}",
        "give the point of art. 4 ust. 1 (e.g. 16 — culture, 17 — sport, 1a); points: {points}",
    ),
    "grants.read.bad_krs": (
        "to nie jest numer KRS: {value!r}",
        "not a KRS number: {value!r}",
    ),
    "grants.read.krs_hint": (
        "numer KRS ma do 10 cyfr, np. 0000123456 (zera na początku można pominąć); zostaw "
        "komórkę pustą, gdy podmiot nie ma numeru KRS",
        "a KRS number has up to 10 digits, e.g. 0000123456 (leading zeros may be left out); "
        "leave the cell empty when the organisation has none",
    ),
    "grants.read.negative": (
        "kwota {value!r} jest ujemna",
        "the amount {value!r} is negative",
    ),
    "grants.read.not_amount": (
        "to nie jest kwota: {value!r}",
        "not an amount: {value!r}",
    ),
    "grants.read.start_after_end": (
        "koniec realizacji {end} jest przed jej początkiem {start}",
        "the task ends ({end}) before it starts ({start})",
    ),
    "grants.read.returned_above_granted": (
        "kwota zwrócona {returned} zł jest większa niż przyznana {granted} zł",
        "the amount returned, {returned} zł, is more than the amount granted, {granted} zł",
    ),
    # commands (cli/cmd_grants.py)
    "cmd.grants.help": (
        "Rejestr dotacji urzędu: oferty i dotacje, po jednym wierszu (wzór, import, lista, "
        "korekta, unieważnienie).",
        "The office's grants register: offers and grants, one row each (template, import, "
        "list, correct, void).",
    ),
    "cmd.grants.short": (
        "Rejestr dotacji: import, lista, korekty.",
        "The grants register: import, list, correct.",
    ),
    "cmd.grants_template.help": (
        "Zapisz wzór rejestru: polskie nagłówki, przykładowy wiersz i opis każdej kolumny "
        "(XLSX: komentarz przy nagłówku; CSV: wiersze # nad nagłówkiem, które import pomija). "
        "Format według rozszerzenia pliku (.xlsx albo .csv); CSV bez -o trafia na standardowe "
        "wyjście. Wzór importuje się bez zmian.",
        "Write the register's template: the Polish headers, one example row and a comment on "
        "each column (XLSX: a comment on each header cell; CSV: # lines above the header, which "
        "the import skips). The format follows the file's extension (.xlsx or .csv); CSV goes "
        "to standard output without -o. The template imports as it is.",
    ),
    "cmd.grants_import.help": (
        "Zaimportuj rejestr dotacji z pliku CSV albo XLSX. Wszystko albo nic: każda błędna "
        "komórka zostaje wypisana jako PLIK:WIERSZ:KOLUMNA ze wskazówką i nic nie zostaje "
        "zapisane (kod 2). Wiersze już obecne w magazynie są pomijane, więc ponowny import nic "
        "nie dodaje; wiersz, którego numer (Nr umowy) wskazuje zapisany wiersz o innych "
        "wartościach, koryguje go."
        "\n\n"
        "Nagłówki po polsku albo po angielsku (wielkość liter, odstępy i polskie znaki bez "
        "znaczenia); kolumny rozdzielone ; albo ,; kodowanie UTF-8 albo Windows-1250. "
        "Wymagane kolumny: Rok (year), Tryb (mode), Obszar (art. 4 ust. 1) (area). Pozostałe: "
        "Nr umowy (ref), Wydział (department), Organizacja (organisation), Nr KRS (krs), "
        "Tytuł zadania (title), Kwota wnioskowana (requested), Kwota przyznana albo Dotacja "
        "(granted), Kwota rozliczona (settled), Kwota zwrócona (returned), Data umowy "
        "(contract_date), Początek realizacji (start), Koniec realizacji (end). Wzór: "
        "wsp grants template -o rejestr.xlsx; opis: docs/grants.md.",
        "Import the grants register from a CSV or XLSX file. All or nothing: every wrong cell "
        "is reported as FILE:ROW:COLUMN with a hint and nothing is stored (exit 2). Rows "
        "already in the store are skipped, so importing the same register twice adds nothing; "
        "a row whose number (ref) names a stored row with other values corrects it."
        "\n\n"
        "Polish or English headers (case, spacing and Polish letters do not matter); cells "
        "separated by ; or ,; UTF-8 or Windows-1250. Required columns: year (Rok), mode "
        "(Tryb), area (Obszar (art. 4 ust. 1)). The others: ref (Nr umowy), department "
        "(Wydział), organisation (Organizacja), krs (Nr KRS), title (Tytuł zadania), "
        "requested (Kwota wnioskowana), granted (Kwota przyznana or Dotacja), settled (Kwota "
        "rozliczona), returned (Kwota zwrócona), contract_date (Data umowy), start (Początek "
        "realizacji), end (Koniec realizacji). A template: wsp grants template -o "
        "register.xlsx; the columns: docs/grants.md.",
    ),
    "cmd.grants_list.help": (
        "Pokaż wiersze rejestru, które obowiązują (z --all także skorygowane i unieważnione "
        "oraz same korekty i unieważnienia), z liczbą wierszy, kwotą przyznaną i liczbą "
        "organizacji. Filtry łączą się: rok, tryb, obszar (punkt art. 4 ust. 1), organizacja "
        "(dowolna część nazwy).",
        "List the register's rows in force (with --all, also those corrected or voided, and "
        "the corrections and voids themselves), with the number of rows, the amount granted "
        "and the number of organisations. Filters combine: a year, a mode, an area (a point "
        "of art. 4 ust. 1), an organisation (any part of its name).",
    ),
    "cmd.grants_correct.help": (
        "Skoryguj wiersz rejestru: dopisz wiersz z podanymi wartościami (pozostałe bez zmian), "
        "który go zastępuje; stary wiersz zostaje w historii magazynu.",
        "Correct a row of the register: append a row with the values given (the others kept) "
        "that supersedes it; the old row stays in the store's history.",
    ),
    "cmd.grants_void.help": (
        "Unieważnij wiersz rejestru: dopisz unieważnienie, które go zastępuje, tak że przestaje "
        "się liczyć; stary wiersz zostaje w historii.",
        "Void a row of the register: append a void that supersedes it, so that it no longer "
        "counts; the old row stays in the history.",
    ),
    "opt.grants_template.format": (
        "Format wzoru (domyślnie według rozszerzenia pliku, inaczej csv).",
        "The template's format (default: the file's extension, else csv).",
    ),
    "arg.grants_import.file": (
        "Plik rejestru: .csv albo .xlsx.",
        "The register file: .csv or .xlsx.",
    ),
    "opt.grants.year": ("Tylko ten rok, np. 2024.", "Only this year, e.g. 2024."),
    "opt.grants.mode": (
        "Tylko ten tryb: konkurs, 19a, inicjatywa, inny.",
        "Only this mode: konkurs, 19a, inicjatywa, inny.",
    ),
    "opt.grants.area": (
        "Tylko ten obszar: punkt art. 4 ust. 1, np. 16 albo 1a.",
        "Only this area: a point of art. 4 ust. 1, e.g. 16 or 1a.",
    ),
    "opt.grants.organisation": (
        "Tylko organizacje, których nazwa zawiera ten tekst (wielkość liter bez znaczenia).",
        "Only organisations whose name contains this text (in any case).",
    ),
    "opt.grants_list.all": (
        "Pokaż też wiersze skorygowane i unieważnione oraz korekty i unieważnienia.",
        "Show also the rows corrected or voided, and the corrections and voids.",
    ),
    "arg.grants.row": (
        "Identyfikator wiersza rejestru (wystarczą pierwsze znaki, co najmniej 4).",
        "The register row's id (its first characters are enough, at least 4).",
    ),
    "opt.grants_correct.ref": ("Nowy numer umowy.", "The new contract number."),
    "opt.grants_correct.year": ("Nowy rok.", "The new year."),
    "opt.grants_correct.mode": ("Nowy tryb.", "The new mode."),
    "opt.grants_correct.area": ("Nowy obszar (punkt art. 4 ust. 1).", "The new area."),
    "opt.grants_correct.department": ("Nowy wydział.", "The new department."),
    "opt.grants_correct.organisation": ("Nowa nazwa organizacji.", "The new organisation."),
    "opt.grants_correct.krs": ("Nowy numer KRS.", "The new KRS number."),
    "opt.grants_correct.title": ("Nowy tytuł zadania.", "The new task title."),
    "opt.grants_correct.requested": ("Nowa kwota wnioskowana.", "The new amount requested."),
    "opt.grants_correct.granted": ("Nowa kwota przyznana.", "The new amount granted."),
    "opt.grants_correct.settled": ("Nowa kwota rozliczona.", "The new amount settled."),
    "opt.grants_correct.returned": ("Nowa kwota zwrócona.", "The new amount returned."),
    "opt.grants_correct.contract_date": ("Nowa data umowy.", "The new contract date."),
    "opt.grants_correct.start": ("Nowy początek realizacji.", "The new start of the task."),
    "opt.grants_correct.end": ("Nowy koniec realizacji.", "The new end of the task."),
    # the use cases (services/grants.py)
    "grants.import.is_folder": (
        "{path} jest katalogiem, a nie plikiem rejestru.",
        "{path} is a folder, not a register file.",
    ),
    "grants.import.no_file.hint": (
        "podaj plik .csv albo .xlsx; wzór: wsp grants template -o rejestr.xlsx",
        "name a .csv or .xlsx file; a template: wsp grants template -o register.xlsx",
    ),
    "grants.import.failed": (
        "{file}: nic nie zaimportowano — błędne wiersze: {rejected}, błędne komórki: {problems}.",
        "{file}: nothing imported — {rejected} wrong, {problems} wrong cells.",
    ),
    "grants.import.failed.hint": (
        "popraw wskazane komórki i zaimportuj plik ponownie (--dry-run tylko sprawdza)",
        "fix the cells above and import the file again (--dry-run only checks)",
    ),
    "grants.import.done": (
        "{file}: odczytano {rows} — dodano {added}{corrected}, już obecnych {present}.",
        "{file}: {rows} read — {added} added{corrected}, {present} already present.",
    ),
    "grants.import.dry_run": (
        "{file}: odczytano {rows} — zostałoby dodanych {added}{corrected}, już obecnych "
        "{present} (próba: nic nie zapisano).",
        "{file}: {rows} read — {added} would be added{corrected}, {present} already present "
        "(dry run: nothing stored).",
    ),
    "grants.import.corrected": (
        " (w tym {n} jako korekty wierszy o tym samym numerze umowy)",
        " ({n} of them correcting stored rows of the same number)",
    ),
    "grants.import.nothing": (
        "{file}: odczytano {rows} — nic nie dodano, wszystkie ({present}) są już w magazynie.",
        "{file}: {rows} read — nothing added, all of them ({present}) are already in the store.",
    ),
    "grants.import.nothing_dry_run": (
        "{file}: odczytano {rows} — nic nie zostałoby dodane, wszystkie ({present}) są już w "
        "magazynie (próba: nic nie zapisano).",
        "{file}: {rows} read — nothing would be added, all of them ({present}) are already in "
        "the store (dry run: nothing stored).",
    ),
    "grants.unknown": ("Nie ma wiersza rejestru {uid!r}.", "No register row {uid!r}."),
    "grants.unknown.hint": (
        "identyfikatory wierszy pokazuje wsp grants list (pierwsza kolumna)",
        "wsp grants list shows the rows' ids (the first column)",
    ),
    "grants.is_void": (
        "Wiersz {uid} jest unieważnieniem; nie można go korygować ani unieważnić.",
        "Row {uid} is a void; it cannot be corrected or voided.",
    ),
    "grants.correct.bad_option": ("{option}: {error}", "{option}: {error}"),
    "grants.correct.nothing": (
        "Nie podano żadnej nowej wartości.",
        "No new value given.",
    ),
    "grants.correct.nothing.hint": (
        'podaj, co się zmienia, np. --granted "9 500,00" albo --area 17',
        'give what changes, e.g. --granted "9 500,00" or --area 17',
    ),
    "grants.correct.same": (
        "Wiersz {uid} ma już te wartości; nic nie zapisano.",
        "Row {uid} already has these values; nothing stored.",
    ),
    "grants.correct.same.hint": (
        "podaj wartość inną niż zapisana",
        "give a value other than the one stored",
    ),
    "grants.stored_row": ("wiersz rejestru {uid}", "register row {uid}"),
    "grants.correct.done": (
        "Skorygowano wiersz {uid} ({organisation}) wierszem {new_uid}: {changes}.",
        "Corrected row {uid} ({organisation}) with row {new_uid}: {changes}.",
    ),
    "grants.correct.dry_run": (
        "Wiersz {uid} ({organisation}) zostałby skorygowany: {changes} (próba: nic nie zapisano).",
        "Row {uid} ({organisation}) would be corrected: {changes} (dry run: nothing stored).",
    ),
    "grants.void.done": (
        "Unieważniono wiersz {uid} ({organisation}) wierszem {new_uid}; już się nie liczy.",
        "Voided row {uid} ({organisation}) with row {new_uid}; it no longer counts.",
    ),
    "grants.void.dry_run": (
        "Wiersz {uid} ({organisation}) zostałby unieważniony (próba: nic nie zapisano).",
        "Row {uid} ({organisation}) would be voided (dry run: nothing stored).",
    ),
    # the listing (render/grants_list.py)
    "grants.col.uid": ("wiersz", "row"),
    "grants.col.ref": ("nr umowy", "ref"),
    "grants.col.year": ("rok", "year"),
    "grants.col.mode": ("tryb", "mode"),
    "grants.col.area": ("obszar", "area"),
    "grants.col.department": ("wydział", "department"),
    "grants.col.organisation": ("organizacja", "organisation"),
    "grants.col.krs": ("KRS", "KRS"),
    "grants.col.title": ("tytuł zadania", "title"),
    "grants.col.requested": ("wnioskowano", "requested"),
    "grants.col.granted": ("przyznano", "granted"),
    "grants.col.settled": ("rozliczono", "settled"),
    "grants.col.returned": ("zwrócono", "returned"),
    "grants.col.contract_date": ("data umowy", "contract date"),
    "grants.col.start": ("początek", "start"),
    "grants.col.end": ("koniec", "end"),
    "grants.col.state": ("stan", "state"),
    "grants.state.void": ("unieważnienie", "void"),
    "grants.state.superseded": ("zastąpiony", "superseded"),
    "grants.state.correction": ("korekta", "correction"),
    "grants.list.total": (
        "Razem: {rows}, przyznano {granted} zł, organizacji: {organisations}.",
        "Total: {rows}, {granted} zł granted, {organisations} organisations.",
    ),
    "grants.list.empty": (
        "Brak wierszy rejestru w magazynie {store} (import: wsp grants import PLIK).",
        "No register rows in the store {store} (to import: wsp grants import FILE).",
    ),
    # the template (grants/template.py)
    "grants.template.csv_intro": (
        "Rejestr dotacji dla wsp (wsp grants import). Jeden wiersz to jedna oferta albo "
        "dotacja. Wiersze zaczynające się od # są pomijane. Kwoty w zł (10 000,00), daty "
        "2024-04-01 albo 1.04.2024. Przykładowy wiersz zastąp własnymi.",
        "A grants register for wsp (wsp grants import). One row is one offer or grant. Lines "
        "beginning with # are skipped. Amounts in zł (10 000,00), dates 2024-04-01 or "
        "1.04.2024. Replace the example row with your own.",
    ),
    "grants.template.sheet": ("Rejestr dotacji", "Grants register"),
    "grants.template.required": ("Wymagane.", "Required."),
    "grants.template.col.ref": (
        "numer umowy albo oferty w rejestrze urzędu. Gdy jest, ponowny import zmienionego "
        "wiersza koryguje zapisany wiersz o tym numerze zamiast dodawać drugi.",
        "the office's number of the contract or offer. With it, re-importing a changed row "
        "corrects the stored row of that number instead of adding a second one.",
    ),
    "grants.template.col.year": (
        "rok budżetowy dotacji, np. 2024.",
        "the grant's budget year, e.g. 2024.",
    ),
    "grants.template.col.mode": (
        "tryb: konkurs (otwarty konkurs ofert), 19a (tryb pozakonkursowy), inicjatywa "
        "(inicjatywa lokalna) albo inny.",
        "the mode: konkurs (open competition), 19a (small grant), inicjatywa (local "
        "initiative) or inny (other).",
    ),
    "grants.template.col.area": (
        "sfera zadań publicznych: numer punktu art. 4 ust. 1 ustawy, np. 16 (kultura), "
        "17 (kultura fizyczna), 1a.",
        "the area of public tasks: the point of art. 4 ust. 1 of the act, e.g. 16 (culture), "
        "17 (sport), 1a.",
    ),
    "grants.template.col.department": (
        "wydział albo komórka urzędu, która prowadzi zadanie.",
        "the office's department in charge of the task.",
    ),
    "grants.template.col.organisation": (
        "nazwa organizacji (oferenta).",
        "the organisation's name (the applicant).",
    ),
    "grants.template.col.krs": (
        "numer KRS organizacji (10 cyfr), puste, gdy go nie ma.",
        "the organisation's KRS number (10 digits), empty when it has none.",
    ),
    "grants.template.col.title": ("tytuł zadania publicznego.", "the task's title."),
    "grants.template.col.requested": (
        "kwota wnioskowana w ofercie, w zł.",
        "the amount the offer requested, in zł.",
    ),
    "grants.template.col.granted": (
        "kwota przyznanej dotacji w zł, pusta albo 0 dla oferty odrzuconej.",
        "the amount granted in zł, empty or 0 for an offer rejected.",
    ),
    "grants.template.col.settled": (
        "kwota rozliczona w sprawozdaniu, w zł.",
        "the amount settled in the organisation's report, in zł.",
    ),
    "grants.template.col.returned": (
        "kwota zwrócona przez organizację, w zł (nie większa niż przyznana).",
        "the amount the organisation returned, in zł (not more than granted).",
    ),
    "grants.template.col.contract_date": (
        "data zawarcia umowy.",
        "the date the contract was signed.",
    ),
    "grants.template.col.start": (
        "data rozpoczęcia realizacji zadania.",
        "the date the task starts.",
    ),
    "grants.template.col.end": (
        "data zakończenia realizacji zadania (nie wcześniejsza niż rozpoczęcia).",
        "the date the task ends (not before it starts).",
    ),
}

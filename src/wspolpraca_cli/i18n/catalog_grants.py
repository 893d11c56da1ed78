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

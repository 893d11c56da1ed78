"""Messages of the measurement store and its commands: key -> (Polish, English).

Also :func:`counted`, a number with its noun in the right plural form (``1 entry``,
``5 wpisów``).
"""

from __future__ import annotations

NOUNS: dict[str, tuple[tuple[str, str, str], tuple[str, str]]] = {
    # Polish: one, few (2–4, 22–24, … but not 12–14), many; English: one, other
    "entry": (("wpis", "wpisy", "wpisów"), ("entry", "entries")),
    "row": (("wiersz", "wiersze", "wierszy"), ("row", "rows")),
    "cell": (("komórkę", "komórki", "komórek"), ("cell", "cells")),
    "column": (("kolumnę", "kolumny", "kolumn"), ("column", "columns")),
}


def counted(count: int, noun: str) -> str:
    """``count`` and ``noun`` (a key of :data:`NOUNS`) in the current language: ``1 entry``,
    ``2 entries``; ``1 wpis``, ``3 wpisy``, ``5 wpisów``, ``22 wpisy``."""
    from wspolpraca_cli.i18n import get_language, plural_index

    lang = get_language()
    polish, english = NOUNS[noun]
    forms: tuple[str, ...] = polish if lang == "pl" else english
    return f"{count} {forms[plural_index(count, lang)]}"


MESSAGES: dict[str, tuple[str, str]] = {
    # store failures (exit 3)
    "store.full": (
        "Brak miejsca na dysku: nie zapisano wpisu w magazynie {path}. "
        "Wcześniejsze wpisy są nienaruszone.",
        "The disk is full: the entry was not written to the store {path}. "
        "Earlier entries are intact.",
    ),
    "store.full.hint": (
        "zwolnij miejsce na dysku i powtórz polecenie",
        "free some disk space and run the command again",
    ),
    "store.readonly": (
        "Magazyn {path} jest tylko do odczytu: nie można w nim niczego zapisać.",
        "The store {path} is read-only: cannot write to it.",
    ),
    "store.readonly.hint": (
        "sprawdź uprawnienia pliku i katalogu albo wskaż inny magazyn opcją --store",
        "check the permissions of the file and its directory, or use another store with --store",
    ),
    "store.locked": (
        "Magazyn {path} jest zajęty przez inny proces; upłynął limit czasu oczekiwania.",
        "The store {path} has been locked by another process for longer than the timeout.",
    ),
    "store.locked.hint": (
        "poczekaj, aż inne polecenie wsp się zakończy, i spróbuj ponownie "
        "(limit czasu oczekiwania w sekundach ustawia zmienna WSP_BUSY_TIMEOUT)",
        "wait for the other wsp command to finish and try again "
        "(the timeout in seconds: variable WSP_BUSY_TIMEOUT)",
    ),
    "timeout.bad": (
        "Zmienna {var}={value!r} nie jest poprawnym czasem oczekiwania w sekundach.",
        "{var}={value!r} is not a valid waiting time in seconds.",
    ),
    "timeout.bad.hint": (
        "podaj liczbę sekund od 0 do {max} (np. {var}=30) albo usuń zmienną, "
        "by użyć wartości domyślnej",
        "give a number of seconds from 0 to {max} (e.g. {var}=30), or unset it for the default",
    ),
    "store.damaged": (
        "Magazyn {path} jest uszkodzony i nie da się go odczytać.",
        "The store {path} is damaged and cannot be read.",
    ),
    "store.damaged.hint": (
        "odtwórz magazyn z kopii zapasowej albo z pliku `wsp export`; nie nadpisuj uszkodzonego "
        "pliku",
        "restore the store from a backup or from a `wsp export` file; do not overwrite the damaged "
        "file",
    ),
    "store.damaged_not_written": (
        "Magazyn {path} jest uszkodzony i nie da się go odczytać. Szybka kontrola spójności "
        "SQLite znalazła: {problem}. Nic w nim nie zapisano.",
        "The store {path} is damaged and cannot be read. SQLite's quick integrity check found: "
        "{problem}. Nothing was written to it.",
    ),
    "store.quick_check_failed": (
        "Magazyn {path} jest uszkodzony i nie da się go odczytać. Szybka kontrola spójności "
        "SQLite znalazła: {problem}.",
        "The store {path} is damaged and cannot be read. SQLite's quick integrity check found: "
        "{problem}.",
    ),
    "store.quick_check_failed.hint": (
        "pełną kontrolę wykonuje `wsp store verify`; odtwórz magazyn z kopii zapasowej albo z "
        "pliku `wsp export`; nie nadpisuj uszkodzonego pliku",
        "`wsp store verify` runs the full check; restore the store from a backup or from a "
        "`wsp export` file; do not overwrite the damaged file",
    ),
    # wsp store verify: the full check
    "verify.ok": (
        "Magazyn {path} jest spójny: pełna kontrola spójności SQLite i reguły wsp bez zastrzeżeń "
        "(schemat w wersji {version}, {entries}).",
        "The store {path} is intact: SQLite's full integrity check and wsp's rules found nothing "
        "wrong (schema version {version}, {entries}).",
    ),
    "verify.ok.postgresql": (
        "Magazyn {path} jest spójny: reguły wsp (schemat, wyzwalacze chroniące wpisy, każda "
        "korekta) bez zastrzeżeń (schemat w wersji {version}, {entries}).",
        "The store {path} is intact: wsp's rules (schema, the triggers that protect entries, "
        "every correction) found nothing wrong (schema version {version}, {entries}).",
    ),
    "verify.no_store": (
        "Magazyn {path} jeszcze nie istnieje; nie ma czego sprawdzać.",
        "The store {path} does not exist yet; there is nothing to check.",
    ),
    "verify.damaged": (
        "Magazyn {path} jest uszkodzony: {problems}, lista powyżej.",
        "The store {path} is damaged: {problems}, listed above.",
    ),
    "verify.problem": ("problem|problemy|problemów", "problem|problems"),
    "verify.entry": ("wpis|wpisy|wpisów", "entry|entries"),
    "verify.identity": (
        "plik nie ma oznaczeń magazynu wsp w wersji schematu od 1 do {supported} "
        "(wersja schematu: {version})",
        "the file lacks the marks of a wsp store of schema version 1 to {supported} "
        "(schema version: {version})",
    ),
    "verify.missing_object": (
        "brakuje obiektu schematu: {kind} {name}",
        "a schema object is missing: {kind} {name}",
    ),
    "verify.supersedes_missing": (
        "wpis {uid} zastępuje wpis {target}, którego nie ma w magazynie",
        "entry {uid} supersedes {target}, which is not in the store",
    ),
    "verify.supersedes_void": (
        "wpis {uid} zastępuje unieważnienie {target}",
        "entry {uid} supersedes {target}, which is a void",
    ),
    "verify.supersedes_other": (
        "wpis {uid} zastępuje wpis {target} innego wskaźnika albo okresu",
        "entry {uid} supersedes {target}, an entry of another indicator or period",
    ),
    "verify.supersedes_later": (
        "wpis {uid} zastępuje wpis {target} zapisany później niż on",
        "entry {uid} supersedes {target}, which was stored after it",
    ),
    "verify.grant_supersedes_missing": (
        "wiersz rejestru dotacji {uid} zastępuje wiersz {target}, którego nie ma w magazynie",
        "grant row {uid} supersedes {target}, which is not in the store",
    ),
    "verify.grant_supersedes_void": (
        "wiersz rejestru dotacji {uid} zastępuje unieważnienie {target}",
        "grant row {uid} supersedes {target}, which is a void",
    ),
    "verify.grant_supersedes_later": (
        "wiersz rejestru dotacji {uid} zastępuje wiersz {target} zapisany później niż on",
        "grant row {uid} supersedes {target}, which was stored after it",
    ),
    "cmd.store.help": (
        "Polecenia dotyczące samego magazynu pomiarów.",
        "Commands about the measurement store itself.",
    ),
    "cmd.store_verify.help": (
        "Sprawdź magazyn w całości: pełna kontrola spójności SQLite i reguły wsp.",
        "Check the whole store: SQLite's full integrity check and wsp's own rules.",
    ),
    "cmd.store_copy.help": (
        "Skopiuj wszystkie wpisy z magazynu FROM do magazynu TO (SQLite albo PostgreSQL).",
        "Copy every entry from the store FROM to the store TO (SQLite or PostgreSQL).",
    ),
    "cmd.store_info.help": (
        "Pokaż rodzaj magazynu, jego położenie, wersję schematu i liczbę wpisów.",
        "Show the store's backend, location, schema version and number of entries.",
    ),
    "arg.store_copy.from": (
        "Magazyn źródłowy: plik albo adres postgresql://.",
        "The source store: a file or a postgresql:// URL.",
    ),
    "arg.store_copy.to": (
        "Magazyn docelowy: plik albo adres postgresql:// (utworzony, gdy go nie ma).",
        "The target store: a file or a postgresql:// URL (created when missing).",
    ),
    "opt.store_copy.dry_run": (
        "Sprawdź wszystko, ale niczego nie zapisuj.",
        "Check everything but store nothing.",
    ),
    "opt.store_info.format": ("Format: text albo json.", "Format: text or json."),
    "store.copy.done": (
        "Skopiowano {added} z {source} do {target} (już obecne: {present}).",
        "Copied {added} from {source} to {target} ({present} already there).",
    ),
    "store.copy.dry_run": (
        "Próba: skopiowano by {added} z {source} do {target} (już obecne: {present}); "
        "niczego nie zapisano.",
        "Dry run: {added} would be copied from {source} to {target} ({present} already "
        "there); nothing was stored.",
    ),
    "store.copy.trail": (
        "Dziennik zmian (blokady okresów i uzasadnienia): skopiowano {added}, już obecne: "
        "{present}.",
        "Audit trail (period locks and explanations): {added} copied, {present} already there.",
    ),
    "store.copy.grants": (
        "Rejestr dotacji: skopiowano {added}, już obecne: {present}.",
        "Grants register: {added} copied, {present} already there.",
    ),
    "store.copy.same": (
        "Magazyn źródłowy i docelowy to ten sam magazyn {path}.",
        "The source and the target are the same store {path}.",
    ),
    "store.copy.no_source": (
        "Magazyn źródłowy {path} nie istnieje (albo nie ma w nim jeszcze wpisów).",
        "The source store {path} does not exist (or holds no entries yet).",
    ),
    "store.copy.conflict": (
        "Niczego nie skopiowano: w magazynie {target} są już wpisy o tych identyfikatorach, "
        "ale z inną treścią: {uids} ({error})",
        "Nothing was copied: the store {target} already holds entries with these ids but other "
        "content: {uids} ({error})",
    ),
    "store.copy.conflict.hint": (
        "to inne dane niż w magazynie źródłowym; sprawdź je poleceniem wsp history, zanim "
        "połączysz magazyny",
        "these are not the source store's data; look at them with wsp history before merging "
        "the stores",
    ),
    "store.info.backend": ("Rodzaj", "Backend"),
    "store.info.backend.sqlite": ("SQLite (plik)", "SQLite (a file)"),
    "store.info.backend.postgresql": ("PostgreSQL", "PostgreSQL"),
    "store.info.location": ("Położenie", "Location"),
    "store.info.state": ("Stan", "State"),
    "store.info.missing": (
        "jeszcze nie istnieje (powstanie przy pierwszym zapisie)",
        "does not exist yet (made by the first write)",
    ),
    "store.info.schema": ("Wersja schematu", "Schema version"),
    "store.info.entries": ("Wpisy", "Entries"),
    "store.info.indicators": ("Wskaźniki z wpisami", "Indicators with entries"),
    "store.info.grants": ("Dotacje (wiersze)", "Grant register rows"),
    "store.cannot_open": (
        "Nie można otworzyć magazynu {path}.",
        "Cannot open the store {path}.",
    ),
    "store.cannot_open.hint": (
        "sprawdź, czy katalog istnieje i czy masz do niego prawo zapisu",
        "check that the directory exists and that you may write to it",
    ),
    "store.io": (
        "Błąd wejścia/wyjścia przy dostępie do magazynu {path}: {error}",
        "Input/output error while using the store {path}: {error}",
    ),
    # the PostgreSQL store: its URL, the server, the login (exit 3; a bad URL exit 2)
    "store.url_scheme": (
        "wsp nie zna magazynów pod adresem {scheme}://.",
        "wsp knows no store at a {scheme}:// URL.",
    ),
    "store.url_scheme.hint": (
        "magazyn to ścieżka pliku (SQLite) albo adres bazy PostgreSQL: {schemes}",
        "a store is a file path (SQLite) or a PostgreSQL URL: {schemes}",
    ),
    "store.url_bad": (
        "Nieprawidłowy adres bazy PostgreSQL {url}: {error}.",
        "Invalid PostgreSQL URL {url}: {error}.",
    ),
    "store.url_bad.port": (
        "port {port} nie jest liczbą od 1 do 65535",
        "the port {port} is not a number from 1 to 65535",
    ),
    "store.url_bad.hint": (
        "adres ma postać postgresql://użytkownik@host:port/baza",
        "the URL reads postgresql://user@host:port/database",
    ),
    "store.pg_unreachable": (
        "Nie można połączyć się z serwerem PostgreSQL {host}:{port} ({error}).",
        "Cannot connect to the PostgreSQL server {host}:{port} ({error}).",
    ),
    "store.pg_unreachable.hint": (
        "sprawdź, czy serwer działa i przyjmuje połączenia pod tym adresem i portem "
        "(albo popraw adres w --store lub WSP_STORE)",
        "check that the server is running and accepts connections at that host and port "
        "(or correct the URL in --store or WSP_STORE)",
    ),
    "store.pg_password": (
        "Serwer PostgreSQL {host}:{port} odrzucił hasło użytkownika {user}.",
        "The PostgreSQL server {host}:{port} refused the password of the user {user}.",
    ),
    "store.pg_password.hint": (
        "podaj właściwe hasło: w adresie, w zmiennej PGPASSWORD albo w pliku ~/.pgpass",
        "give the right password: in the URL, in PGPASSWORD or in ~/.pgpass",
    ),
    "store.pg_login_refused": (
        "Serwer PostgreSQL {host}:{port} nie wpuścił użytkownika {user} ({error}).",
        "The PostgreSQL server {host}:{port} refused the login of the user {user} ({error}).",
    ),
    "store.pg_login_refused.hint": (
        "poproś administratora bazy o rolę z prawem logowania (i wpis w pg_hba.conf)",
        "ask the database administrator for a role that may log in (and a pg_hba.conf entry)",
    ),
    "store.pg_no_database": (
        "Na serwerze PostgreSQL {host}:{port} nie ma bazy {database}.",
        "The PostgreSQL server {host}:{port} has no database {database}.",
    ),
    "store.pg_no_database.hint": (
        "utwórz ją (createdb -O {user} {database}) albo popraw adres w --store lub WSP_STORE",
        "create it (createdb -O {user} {database}) or correct the URL in --store or WSP_STORE",
    ),
    "store.pg_not_wsp": (
        "Baza {url} zawiera inne tabele, a nie magazyn pomiarów wsp.",
        "The database {url} holds other tables, not a wsp measurement store.",
    ),
    "store.pg_not_wsp.hint": (
        "wskaż pustą bazę (wsp utworzy w niej swoje tabele) albo bazę z magazynem wsp; "
        "wsp nie zmieni tej bazy",
        "point at an empty database (wsp creates its tables in it) or at one holding a wsp "
        "store; wsp will not change this one",
    ),
    "store.pg_privileges": (
        "Użytkownik {user} nie ma potrzebnych uprawnień w bazie {url} ({error}).",
        "The user {user} lacks a privilege wsp needs in the database {url} ({error}).",
    ),
    "store.pg_privileges.hint": (
        "zapis wymaga praw SELECT i INSERT do tabel wsp_entries, wsp_meta, wsp_period_locks, "
        "wsp_explanations i wsp_grants (utworzenie magazynu: prawa CREATE w schemacie); "
        "odczyt: SELECT",
        "writing needs SELECT and INSERT on the tables wsp_entries, wsp_meta, wsp_period_locks, "
        "wsp_explanations and wsp_grants (creating the store: CREATE on the schema); reading: "
        "SELECT",
    ),
    "store.pg_no_driver": (
        "Brak sterownika PostgreSQL (psycopg): {error}.",
        "The PostgreSQL driver (psycopg) is missing: {error}.",
    ),
    "store.pg_no_driver.hint": (
        "zainstaluj wsp ponownie z zależnościami (pip install 'psycopg[binary]')",
        "reinstall wsp with its dependencies (pip install 'psycopg[binary]')",
    ),
    "store.failed": (
        "Błąd magazynu {path}: {error}",
        "Store failure in {path}: {error}",
    ),
    "store.os_error": (
        "Nie można użyć pliku magazynu {path}: {error}",
        "Cannot use the store file {path}: {error}",
    ),
    "store.not_wsp": (
        "Plik {path} nie jest magazynem pomiarów wsp.",
        "The file {path} is not a wsp measurement store.",
    ),
    "store.not_wsp.hint": (
        "wskaż właściwy plik opcją --store (albo zmienną WSP_STORE); wsp nie zmieni tego pliku",
        "point --store (or WSP_STORE) at the right file; wsp will not change this one",
    ),
    "store.folder_is_file": (
        "Nie można użyć magazynu {path}: {folder} jest plikiem, a nie katalogiem.",
        "Cannot use the store {path}: {folder} is a file, not a folder.",
    ),
    "store.folder_is_file.hint": (
        "wskaż magazyn w istniejącym katalogu opcją --store (albo zmienną WSP_STORE)",
        "point --store (or WSP_STORE) at a file in an existing folder",
    ),
    "store.no_folder_to_read": (
        "Nie ma magazynu {path}: katalog {folder} nie istnieje.",
        "There is no store {path}: the folder {folder} does not exist.",
    ),
    "store.no_folder": (
        "Nie można utworzyć magazynu {path}: katalog {folder} nie istnieje.",
        "Cannot create the store {path}: the folder {folder} does not exist.",
    ),
    "store.no_folder.hint": (
        "utwórz katalog (mkdir -p {folder}) albo popraw ścieżkę w --store / WSP_STORE",
        "create the folder (mkdir -p {folder}) or correct the path in --store / WSP_STORE",
    ),
    "store.other_store_created": (
        "Utworzono nowy magazyn pomiarów {path}. Magazyn tego samego pliku programu jest też w "
        "{other} (tam szukały go wcześniejsze wersje wsp); aby go używać, przenieś go do "
        "{path} albo podaj --store {other}.",
        "Created a new measurement store {path}. A store of the same programme file is also at "
        "{other} (where earlier versions of wsp looked); to use it, move it to {path} or give "
        "--store {other}.",
    ),
    "store.other_store_missing": (
        "Magazyn pomiarów {path} jeszcze nie istnieje, ale magazyn tego samego pliku programu "
        "jest w {other} (tam szukały go wcześniejsze wersje wsp); aby go używać, przenieś go do "
        "{path} albo podaj --store {other}.",
        "The measurement store {path} does not exist yet, but a store of the same programme "
        "file is at {other} (where earlier versions of wsp looked); to use it, move it to {path} "
        "or give --store {other}.",
    ),
    "store.is_dir": (
        "{path} jest katalogiem, a nie plikiem magazynu.",
        "{path} is a directory, not a store file.",
    ),
    "store.not_regular": (
        "{path} to {kind}, a nie plik magazynu.",
        "{path} is {kind}, not a store file.",
    ),
    "store.too_new": (
        "Magazyn {path} ma schemat w wersji {version}, a ta wersja wsp zna tylko wersje do "
        "{supported}.",
        "The store {path} has schema version {version}; this wsp knows versions up to {supported}.",
    ),
    "store.too_new.hint": (
        "zaktualizuj wsp",
        "upgrade wsp",
    ),
    "store.readonly_wal": (
        "Nie można odczytać magazynu {path}: jego dziennik {wal} zawiera zmiany, których nie "
        "przeniesiono do magazynu, a w tym katalogu nie można zapisywać.",
        "Cannot read the store {path}: its journal {wal} holds changes not yet moved into the "
        "store, and this folder cannot be written.",
    ),
    "store.readonly_wal.hint": (
        "otwórz magazyn raz tam, gdzie można zapisywać (np. `wsp status` na kopii katalogu razem z "
        "plikiem -wal); nie usuwaj pliku -wal",
        "open the store once where it can be written (e.g. `wsp status` on a copy of the folder "
        "with its -wal file); do not delete the -wal file",
    ),
    "store.opened_readonly": (
        "Magazyn {path} otwarto tylko do odczytu.",
        "The store {path} was opened read-only.",
    ),
    # entry rules (exit 2)
    "store.uid_conflict": (
        "Wpis o identyfikatorze {uid} już istnieje w magazynie i ma inną treść.",
        "An entry with the id {uid} is already in the store with different content.",
    ),
    "store.uid_exists": (
        "Wpis o identyfikatorze {uid} już istnieje w magazynie.",
        "An entry with the id {uid} is already in the store.",
    ),
    "store.bad_uid": (
        "Niepoprawny identyfikator wpisu {uid!r}: dozwolone są litery, cyfry oraz _ . : - "
        "(do 64 znaków).",
        "Invalid entry id {uid!r}: use letters, digits and _ . : - (at most 64 characters).",
    ),
    "store.invalid_entry": (
        "Niepoprawny wpis {uid}: {error}",
        "Invalid entry {uid}: {error}",
    ),
    "store.supersedes_unknown": (
        "Wpis {uid}, który miałby zostać zastąpiony, nie istnieje w magazynie.",
        "The entry {uid} to be superseded is not in the store.",
    ),
    "store.supersedes_void": (
        "Wpis {uid} jest unieważnieniem; unieważnienia nie można poprawić ani unieważnić.",
        "The entry {uid} is a void; a void cannot be corrected or voided.",
    ),
    "store.supersedes_other": (
        "Wpis zastępujący musi dotyczyć tego samego wskaźnika i okresu co wpis {uid}.",
        "A superseding entry must have the same indicator and period as the entry {uid}.",
    ),
    "store.already_superseded": (
        "Wpis {uid} został już zastąpiony (poprawiony lub unieważniony).",
        "The entry {uid} has already been superseded (corrected or voided).",
    ),
    "store.already_superseded.hint": (
        "popraw lub unieważnij najnowszy wpis w łańcuchu: {uid} (zob. `wsp history`)",
        "correct or void the latest entry of the chain: {uid} (see `wsp history`)",
    ),
    "store.prefix_short": (
        "Podaj co najmniej {min} znaki identyfikatora wpisu (podano {uid!r}).",
        "Give at least {min} characters of the entry id (got {uid!r}).",
    ),
    "store.prefix_ambiguous": (
        "Identyfikator {uid!r} pasuje do kilku wpisów: {found}.",
        "The id {uid!r} matches several entries: {found}.",
    ),
    "store.prefix_ambiguous.hint": (
        "podaj więcej znaków identyfikatora, tyle, ile pokazano wyżej (`wsp history` pokazuje "
        "identyfikatory wpisów)",
        "give more characters of the id, as many as shown above (`wsp history` shows the entry "
        "ids)",
    ),
    # grant register rows (exit 2)
    "store.grant_invalid": (
        "Niepoprawny wiersz rejestru dotacji {uid}: {error}",
        "Invalid grant row {uid}: {error}",
    ),
    "store.grant_uid_conflict": (
        "Wiersz rejestru dotacji o identyfikatorze {uid} już istnieje w magazynie i ma inną treść.",
        "A grant row with the id {uid} is already in the store with different content.",
    ),
    "store.grant_unknown": (
        "Wiersz rejestru dotacji {uid}, który miałby zostać zastąpiony, nie istnieje w magazynie.",
        "The grant row {uid} to be superseded is not in the store.",
    ),
    "store.grant_void": (
        "Wiersz rejestru dotacji {uid} jest unieważnieniem; unieważnienia nie można poprawić "
        "ani unieważnić.",
        "The grant row {uid} is a void; a void cannot be corrected or voided.",
    ),
    "store.grant_superseded": (
        "Wiersz rejestru dotacji {uid} został już zastąpiony (poprawiony lub unieważniony).",
        "The grant row {uid} has already been superseded (corrected or voided).",
    ),
    "store.grant_superseded.hint": (
        "popraw lub unieważnij najnowszy wiersz w łańcuchu: {uid}",
        "correct or void the latest row of the chain: {uid}",
    ),
    "store.grant_ref_twice": (
        "Numer {ref} występuje w importowanych danych w dwóch różnych wierszach.",
        "The number {ref} is given to two different rows of the imported data.",
    ),
    "store.grant_ref_ambiguous": (
        "Numer {ref} ma w magazynie kilka obowiązujących wierszy ({uids}); nie wiadomo, "
        "który poprawić.",
        "The number {ref} has several rows in force in the store ({uids}); which one to "
        "correct is unclear.",
    ),
    "store.grant_prefix_ambiguous": (
        "Identyfikator {uid!r} pasuje do kilku wierszy rejestru dotacji: {found}.",
        "The id {uid!r} matches several grant rows: {found}.",
    ),
    # command help
    "cmd.record.help": (
        "Zapisz pomiar wskaźnika i wypisz identyfikator nowego wpisu.",
        "Record a measurement of an indicator and print the new entry's id.",
    ),
    "cmd.history.help": (
        "Pokaż wpisy wskaźnika (albo wszystkie) z ich korektami i unieważnieniami.",
        "Show the entries of one indicator (or all), with their corrections and voids.",
    ),
    "cmd.correct.help": (
        "Popraw wpis: dopisz nową wartość, która go zastępuje (stary wpis zostaje w historii). "
        "Wartość nieprawdopodobna wymaga potwierdzenia, tak jak w `wsp record`.",
        "Correct an entry: append a new value that supersedes it (the old one stays in history). "
        "An implausible value needs confirmation, as in `wsp record`.",
    ),
    "cmd.void.help": (
        "Unieważnij wpis: dopisz unieważnienie, po którym wpis przestaje się liczyć.",
        "Void an entry: append a void that supersedes it, so that it no longer counts.",
    ),
    "cmd.export.help": (
        "Wyeksportuj wszystkie wpisy (także korekty i unieważnienia) do CSV lub JSON. CSV jest w "
        "UTF-8 ze znacznikiem BOM i wierszem nagłówka, średnik rozdziela kolumny (w wersji "
        "angielskiej: przecinek); Excel i LibreOffice otwierają go bez konwersji.",
        "Export every entry (corrections and voids too) as CSV or JSON. CSV is UTF-8 with a "
        "byte-order mark and a header row, comma-separated (in Polish: semicolon-separated), so "
        "that Excel and LibreOffice open it as it is.",
    ),
    "cmd.import.help": (
        "Zaimportuj wpisy z pliku CSV lub JSON (z `wsp export` albo przygotowanego ręcznie). "
        "Wszystko albo nic: błędne wiersze zostają wypisane z numerami i nic nie zostaje "
        "zapisane. Wpisy już obecne w magazynie są pomijane, więc ponowny import nic nie dodaje."
        "\n\n"
        "CSV: jeden wiersz nagłówka; kolumny rozdzielone średnikiem, przecinkiem lub tabulatorem; "
        "kodowanie UTF-8 (z BOM lub bez) albo Windows-1250; przecinek lub kropka dziesiętna. "
        "Nazwy kolumn po polsku lub po angielsku, wielkość liter i polskie znaki bez znaczenia "
        "(wskaźnik = Wskaznik = indicator):"
        "\n\n"
        "\b\n"
        "kolumna (ang.)          wymagana  postać\n"
        "wskaźnik (indicator)    tak       id wskaźnika z programu, np. 1.1\n"
        "okres (period)          tak       2024, 2024-H1, 2024-Q3, 2024-03, 2021-2025\n"
        "wartość (value)         tak*      2, 1,5, 8 500 000, 35%, tak/nie,\n"
        "                                  kwota także 1 500,50 zł lub 1500 PLN\n"
        "data (date)             nie       RRRR-MM-DD, w okresie wpisu\n"
        "uwagi (note)            nie       dowolny tekst\n"
        "źródło (source)         nie       dokument lub odnośnik\n"
        "podział (tags)          nie       klucz=wartość; klucz=wartość\n"
        "rodzaj (kind)           nie       record (domyślnie), correction, void\n"
        "zastępuje (supersedes)  tak**     id zastępowanego wpisu\n"
        "powód (reason)          nie       powód korekty lub unieważnienia\n"
        "id wpisu (uid)          nie       pusty: wyznaczany z treści wiersza\n"
        "zapisał (recorded_by)   nie       pusty: użytkownik systemu\n"
        "zapisano (recorded_at)  nie       2024-03-10T12:00:00Z; pusty: teraz\n"
        "* pusta dla unieważnienia (void)\n"
        "** tylko w korekcie (correction) i unieważnieniu (void)"
        "\n\n"
        "JSON: obiekt z `wsp export --format json` albo lista wpisów o tych samych polach "
        "(nazwy angielskie).",
        "Import entries from a CSV or JSON file (from `wsp export` or written by hand). All or "
        "nothing: wrong rows are reported with their line numbers and nothing is stored. Entries "
        "already in the store are skipped, so importing a file twice adds nothing."
        "\n\n"
        "CSV: one header row; columns separated by commas, semicolons or tabs; UTF-8 (with or "
        "without a byte-order mark) or Windows-1250; a decimal point or comma. Column names in "
        "English or Polish, in any case, with or without Polish letters (indicator = wskaźnik = "
        "Wskaznik):"
        "\n\n"
        "\b\n"
        "column (Polish)         required  form\n"
        "indicator (wskaźnik)    yes       indicator id from the programme, e.g. 1.1\n"
        "period (okres)          yes       2024, 2024-H1, 2024-Q3, 2024-03, 2021-2025\n"
        "value (wartość)         yes*      2, 1.5, 1,5, 8 500 000, 35%, yes/no,\n"
        "                                  an amount also 1 500,50 zł or 1500 PLN\n"
        "date (data)             no        YYYY-MM-DD, inside the entry's period\n"
        "note (uwagi)            no        free text\n"
        "source (źródło)         no        a document or link\n"
        "tags (podział)          no        key=value; key=value\n"
        "kind (rodzaj)           no        record (default), correction, void\n"
        "supersedes (zastępuje)  yes**     the uid of the entry it replaces\n"
        "reason (powód)          no        why a correction or void was made\n"
        "uid (id wpisu)          no        empty: derived from the row's content\n"
        "recorded_by (zapisał)   no        empty: the system user\n"
        "recorded_at (zapisano)  no        2024-03-10T12:00:00Z; empty: now\n"
        "* empty for a void\n"
        "** only for a correction or a void"
        "\n\n"
        "JSON: the object `wsp export --format json` writes, or a list of entries with the same "
        "fields (English names).",
    ),
    # arguments and options
    "arg.record.id": (
        "Identyfikator wskaźnika, np. 1.1 (jeśli go nie podano, w terminalu można go wybrać "
        "z listy).",
        "Indicator id, e.g. 1.1 (in a terminal: chosen from a list when missing).",
    ),
    "arg.record.value": (
        "Wartość: 2, 1,5, 8 500 000, 35%, tak/nie.",
        "Value: 2, 1.5, 8 500 000, 35%, yes/no.",
    ),
    "opt.record.year": (
        "Rok pomiaru (wskaźniki mierzone raz w roku).",
        "Year of the measurement (yearly indicators).",
    ),
    "opt.record.period": (
        "Okres: 2024, 2024-H1, 2024-Q3, 2024-03 albo 2021-2025.",
        "Period: 2024, 2024-H1, 2024-Q3, 2024-03 or 2021-2025.",
    ),
    "opt.record.date": (
        "Data pomiaru, np. 2024-04-02; na jej podstawie ustala się okres.",
        "Date of the measurement (2024-04-02); gives the period.",
    ),
    "opt.record.note": ("Uwagi do wpisu.", "A note on the entry."),
    "opt.record.source": (
        "Źródło: dokument lub link.",
        "Source: a document or a link.",
    ),
    "opt.record.tag": (
        "Podział, np. organizator=NGO (można powtarzać).",
        "A breakdown value, e.g. organizator=NGO (repeatable).",
    ),
    "opt.record.by": (
        "Osoba zapisująca (domyślnie: nazwa użytkownika systemu).",
        "Who records it (default: the operating-system user).",
    ),
    "opt.record.yes": (
        "Zapisz także wartość, która wygląda na nieprawdopodobną, albo wpis taki sam jak już "
        "zapisany (bez pytania).",
        "Record even a value that looks implausible, or an entry the same as one already "
        "stored (without asking).",
    ),
    "opt.correct.yes": (
        "Zapisz także wartość, która wygląda na nieprawdopodobną (bez pytania).",
        "Store even a value that looks implausible (without asking).",
    ),
    "opt.dry_run": (
        "Pokaż, co zostałoby zapisane, i niczego nie zapisuj.",
        "Show what would be stored and store nothing.",
    ),
    "arg.history.id": (
        "Identyfikator wskaźnika (domyślnie: wszystkie).",
        "Indicator id (default: all).",
    ),
    "opt.history.period": ("Tylko ten okres, np. 2024.", "Only this period, e.g. 2024."),
    "arg.entry": (
        "Identyfikator wpisu (wystarczą pierwsze znaki, co najmniej 4).",
        "Entry id (its first characters are enough, at least 4).",
    ),
    "arg.correct.value": ("Poprawna wartość.", "The correct value."),
    "opt.reason": ("Powód (wymagany).", "The reason (required)."),
    "opt.correct.note": (
        "Nowe uwagi (domyślnie: uwagi poprawianego wpisu).",
        "New note (default: the corrected entry's note).",
    ),
    "opt.correct.source": (
        "Nowe źródło (domyślnie: źródło poprawianego wpisu).",
        "New source (default: the corrected entry's source).",
    ),
    "opt.correct.tag": (
        "Nowy podział, np. organizator=NGO (można powtarzać; zastępuje cały podział; "
        "domyślnie: podział poprawianego wpisu).",
        "New breakdown value, e.g. organizator=NGO (repeatable; replaces the whole breakdown; "
        "default: the corrected entry's breakdown).",
    ),
    "opt.correct.date": (
        "Nowa data pomiaru, np. 2024-04-02, w okresie poprawianego wpisu (domyślnie: jego data).",
        "New date of the measurement (2024-04-02), within the corrected entry's period "
        "(default: its date).",
    ),
    "opt.export.format": (
        "Format: csv albo json (domyślnie: według rozszerzenia pliku -o; na standardowe "
        "wyjście: csv).",
        "Format: csv or json (default: from the extension of the -o file; csv on standard output).",
    ),
    "arg.import.file": ("Plik CSV lub JSON z wpisami.", "A CSV or JSON file of entries."),
    # values
    "value.invalid": ("Niepoprawna wartość {value!r}.", "Cannot read the value {value!r}."),
    "value.negative": (
        "Wartość {value!r} jest ujemna, a liczby i kwoty nie mogą być ujemne.",
        "The value {value!r} is negative; counts and amounts cannot be.",
    ),
    "value.not_whole": (
        "Ten wskaźnik przyjmuje tylko liczby całkowite, a {value!r} nią nie jest.",
        "This indicator takes whole numbers only, and {value!r} is not one.",
    ),
    "value.not_whole_id": (
        "Wskaźnik {id} przyjmuje tylko liczby całkowite, a {value!r} nią nie jest.",
        "The indicator {id} takes whole numbers only, and {value!r} is not one.",
    ),
    "value.percent_not_allowed": (
        "Wartość {value!r} ma znak %, a ten wskaźnik nie jest procentowy.",
        "The value {value!r} has a % sign, but this indicator is not a percentage.",
    ),
    "value.magnitude_percent": (
        "Wartość {value!r} ma słowo tys., mln albo mld, a procent go nie przyjmuje.",
        "The value {value!r} has tys., mln or mld, which a percentage does not take.",
    ),
    "value.currency_in_unit": (
        "Wartość {value!r} podaje złote, a wskaźnik liczy w jednostce {unit!r}.",
        "The value {value!r} is in zł, but the indicator counts in {unit!r}.",
    ),
    "value.currency_in_unit.hint": (
        "wpisz samą liczbę w jednostce {unit!r} (np. 850) albo ze słowem tys., mln, mld "
        "(np. 850 tys. zł, 1,2 mln zł)",
        "give the number in {unit!r} alone (e.g. 850) or with tys., mln, mld "
        "(e.g. 850 tys. zł, 1,2 mln zł)",
    ),
    "value.forms.in_magnitude": (
        "podaj liczbę w jednostce {unit!r}, np. 850 (czyli 850 {unit}), 12,5, albo ze słowem "
        "tys., mln, mld, np. 8,5 mln zł",
        "give a number in {unit!r}, e.g. 850 (that is 850 {unit}), 12.5, or with tys., mln, "
        "mld, e.g. 8,5 mln zł",
    ),
    "value.forms.count": (
        "podaj liczbę całkowitą nieujemną, np. 0, 2, 1 200",
        "give a whole number of zero or more, e.g. 0, 2, 1 200",
    ),
    "value.forms.amount": (
        "podaj kwotę nieujemną, np. 8 500 000, 8500000,00, 1250,50, 1 250,50 zł albo 8,5 mln zł",
        "give an amount of zero or more, e.g. 8 500 000, 8500000,00, 1250.50, 1 250,50 zł "
        "or 8,5 mln zł",
    ),
    "value.forms.percent": (
        "podaj procent, np. 35%, 35, 12,5%",
        "give a percentage, e.g. 35%, 35, 12.5%",
    ),
    "value.forms.yesno": (
        "podaj tak albo nie (także yes/no, 1/0)",
        "give yes or no (also tak/nie, 1/0)",
    ),
    "value.forms.number": (
        "podaj liczbę, np. 2, 1,5, 1.5, -3, 8 500 000",
        "give a number, e.g. 2, 1.5, 1,5, -3, 8 500 000",
    ),
    "value.negative_option": (
        "Nie ma opcji {token}. Wartość ujemną poprzedź znakami -- (po wszystkich opcjach): "
        "{example}",
        "No such option: {token}. To give a negative value, put -- before it, after the "
        "options: {example}",
    ),
    "record.word.yes": ("tak", "yes"),
    "record.word.no": ("nie", "no"),
    # periods and dates
    "period.invalid": (
        "Niepoprawny okres {period!r}.",
        "Cannot read the period {period!r}.",
    ),
    "period.wrong_form": (
        "Okres {period!r} nie pasuje do wskaźnika {id}, który mierzy się {frequency}.",
        "The period {period!r} does not fit the indicator {id}, which is measured {frequency}.",
    ),
    "period.outside": (
        "Okres {period} wskaźnika {id} wykracza poza lata programu {first}–{last}.",
        "The period {period} of the indicator {id} is outside the programme's years "
        "{first}–{last}.",
    ),
    "period.year_not_yearly": (
        "Opcja --year dotyczy wskaźników mierzonych raz w roku, a wskaźnik {id} mierzy się "
        "{frequency}.",
        "--year is for yearly indicators; the indicator {id} is measured {frequency}.",
    ),
    "period.form_hint_file": (
        "wskaźnik mierzy się {frequency}: podaj okres w postaci {example} (lata {first}–{last})",
        "the indicator is measured {frequency}: give a period like {example} (years "
        "{first}–{last})",
    ),
    "period.form_hint": (
        "wskaźnik mierzy się {frequency}: podaj okres w postaci {example} (lata {first}–{last}) "
        "albo datę --date RRRR-MM-DD",
        "the indicator is measured {frequency}: give a period like {example} (years "
        "{first}–{last}) or a date with --date YYYY-MM-DD",
    ),
    "date.invalid": ("Niepoprawna data {date!r}.", "Cannot read the date {date!r}."),
    "date.invalid_option": (
        "Niepoprawna data {date!r} w opcji {option}.",
        "Not a date: {date!r} for {option}.",
    ),
    "date.hint": (
        "podaj datę w postaci 2024-04-02 albo 2.04.2024",
        "write the date as 2024-04-02 or 2.04.2024",
    ),
    # tags
    "tag.form": (
        "Podział {tag!r} nie ma postaci klucz=wartość.",
        "The breakdown {tag!r} is not of the form key=value.",
    ),
    "tag.form.hint": ("np. --tag organizator=NGO", "e.g. --tag organizator=NGO"),
    "tag.repeated": (
        "Podział {key!r} podano więcej niż raz.",
        "The breakdown {key!r} is given more than once.",
    ),
    "tag.none_declared": (
        "Wskaźnik {id} nie ma podziałów określonych w programie, więc nie przyjmuje "
        "podziału {key!r}.",
        "The indicator {id} declares no breakdowns, so it does not accept {key!r}.",
    ),
    "tag.unknown_key": (
        "Wskaźnik {id} nie ma podziału {key!r}.",
        "The indicator {id} has no breakdown {key!r}.",
    ),
    "tag.known_keys": ("podziały określone w programie: {keys}", "declared breakdowns: {keys}"),
    "tag.unknown_value": (
        "Podział {key} nie ma wartości {value!r}.",
        "The breakdown {key} has no value {value!r}.",
    ),
    "tag.known_values": ("dozwolone wartości: {values}", "accepted values: {values}"),
    # plausibility
    "plausible.below": (
        "{value} jest poniżej dolnej granicy {bound} określonej w programie",
        "{value} is below the programme's lower bound {bound}",
    ),
    "plausible.above": (
        "{value} przekracza górną granicę {bound} określoną w programie",
        "{value} is above the programme's upper bound {bound}",
    ),
    "plausible.jump": (
        "{value} to ponad {factor} razy więcej niż największa wartość w innych okresach "
        "({largest})",
        "{value} is more than {factor} times the largest value of the other periods ({largest})",
    ),
    # record
    "record.missing_id": ("Podaj identyfikator wskaźnika.", "Give the indicator id."),
    "record.missing_id.hint": (
        "np. wsp record 1.1 2 --year 2024; listę wskaźników pokazuje `wsp list`",
        "e.g. wsp record 1.1 2 --year 2024; `wsp list` shows the indicators",
    ),
    "record.missing_value": ("Podaj wartość pomiaru.", "Give the measured value."),
    "record.computed": (
        "Wskaźnik {id} jest obliczany z rejestru dotacji ({computes}): jego wartości nie są "
        "wpisywane, poprawiane ani importowane jako pomiary.",
        "The indicator {id} is computed from the grants register ({computes}): its values are "
        "not recorded, corrected or imported as entries.",
    ),
    "record.computed.hint": (
        "wczytaj rejestr dotacji: wsp grants import PLIK (wzór: wsp grants template -o PLIK); "
        "wartości pokazuje wsp status",
        "import the grants register: wsp grants import FILE (a template: wsp grants template "
        "-o FILE); wsp status shows the values",
    ),
    "record.one_period": (
        "Podaj tylko jedno z: --year, --period, --date.",
        "Give only one of --year, --period, --date.",
    ),
    "record.period_hint": (
        "np. --year 2024, --period 2024-Q3 albo --date 2024-04-02",
        "e.g. --year 2024, --period 2024-Q3 or --date 2024-04-02",
    ),
    "record.no_current_period": (
        "Nie podano okresu, a dzisiejsza data wykracza poza lata programu {first}–{last}.",
        "No period given, and today lies outside the programme's years {first}–{last}.",
    ),
    "record.using_current": (
        "Nie podano okresu: przyjęto bieżący okres {period}.",
        "No period given: using the current period {period}.",
    ),
    "record.ask_indicator": (
        "Numer lub identyfikator wskaźnika",
        "Number or id of the indicator",
    ),
    "record.ask_value": ("Wartość ({forms})", "Value ({forms})"),
    "record.ask_period": ("Okres (np. {example})", "Period (e.g. {example})"),
    "record.breakdown_values": ("Podział {key}:", "Breakdown {key}:"),
    "record.ask_breakdown": (
        "Podział {key} (numer lub kod; Enter: pomiń)",
        "Breakdown {key} (number or code; Enter: skip)",
    ),
    "record.ask_note": ("Uwagi (Enter: bez uwag)", "Note (Enter: none)"),
    "record.ask_source": (
        "Źródło: dokument lub link (Enter: bez źródła)",
        "Source: a document or a link (Enter: none)",
    ),
    "record.implausible": (
        "Wartość wygląda na nieprawdopodobną: {reasons}. Nic nie zapisano.",
        "The value looks implausible: {reasons}. Nothing was recorded.",
    ),
    "record.implausible.hint": (
        "jeśli wartość jest poprawna, powtórz polecenie z --yes",
        "if the value is right, run the command again with --yes",
    ),
    "record.implausible.ask": (
        "Wartość wygląda na nieprawdopodobną: {reasons}. Zapisać mimo to?",
        "The value looks implausible: {reasons}. Record it anyway?",
    ),
    "record.duplicate": (
        "Taki sam wpis (wartość, data, uwagi, źródło, podział) jest już w magazynie: {uid}, "
        "zapisany {recorded}. Nic nie zapisano.",
        "The same entry (value, date, note, source, breakdown) is already in the store: {uid}, "
        "recorded {recorded}. Nothing was recorded.",
    ),
    "record.duplicate.hint": (
        "jeśli to kolejny pomiar, a nie ten sam drugi raz, powtórz polecenie z --yes",
        "if this is another measurement, not the same one again, run the command again with --yes",
    ),
    "record.duplicate.ask": (
        "Taki sam wpis (wartość, data, uwagi, źródło, podział) jest już w magazynie: {uid}, "
        "zapisany {recorded}. Zapisać go drugi raz?",
        "The same entry (value, date, note, source, breakdown) is already in the store: {uid}, "
        "recorded {recorded}. Record it again?",
    ),
    "committed.entry": ("wpis {uid}", "entry {uid}"),
    "record.cancelled": ("Nic nie zapisano.", "Nothing was recorded."),
    "confirm.choices": ("[t/N]", "[y/N]"),
    "confirm.invalid": (
        "Odpowiedz t (tak) albo n (nie); samo naciśnięcie Enter oznacza „nie”.",
        "Answer y (yes) or n (no); Enter alone means no.",
    ),
    "record.no_data": ("brak danych", "no data"),
    "record.actual_detail": (
        "{actual} ({how}, {entries})",
        "{actual} ({how}, {entries})",
    ),
    "record.done": (
        "Zapisano wpis {uid}: {id} {name} = {value} za {period}. "
        "Wartość osiągnięta za {total_period}: {state}.",
        "Recorded entry {uid}: {id} {name} = {value} for {period}. "
        "Actual for {total_period}: {state}.",
    ),
    "record.dry_run": (
        "Tryb próbny — nic nie zapisano: {id} = {value} za {period}; wartość osiągnięta za "
        "{total_period} byłaby: {state}. Magazyn: {store}",
        "Dry run (nothing stored): {id} = {value} for {period}; the actual for {total_period} "
        "would be: {state}. Store: {store}",
    ),
    # history
    "history.empty": ("Brak wpisów (magazyn: {store}).", "No entries (store: {store})."),
    "history.col.id": ("Wpis", "Entry"),
    "history.col.indicator": ("Wskaźnik", "Indicator"),
    "history.col.period": ("Okres", "Period"),
    "history.col.value": ("Wartość", "Value"),
    "history.col.kind": ("Rodzaj", "Kind"),
    "history.col.state": ("Stan", "State"),
    "history.col.date": ("Data", "Date"),
    "history.col.tags": ("Podział", "Breakdown"),
    "history.col.note": ("Uwagi", "Note"),
    "history.col.recorded": ("Zapisano (UTC, kto)", "Recorded (UTC, by)"),
    "history.kind.record": ("pomiar", "record"),
    "history.kind.correction": ("korekta", "correction"),
    "history.kind.void": ("unieważnienie", "void"),
    "history.state.effective": ("wliczany", "counts"),
    "history.state.superseded": ("zastąpiony przez {uid}", "superseded by {uid}"),
    "history.state.void": ("—", "—"),
    "history.reason": ("powód: {reason}", "reason: {reason}"),
    "history.source": ("źródło: {source}", "source: {source}"),
    # correct / void
    "supersede.ask_reason": ("Powód", "Reason"),
    "supersede.reason_required": (
        "Podaj powód korekty lub unieważnienia.",
        "Give the reason for the correction or void.",
    ),
    "supersede.reason_hint": (
        'np. --reason "pomyłka przy wpisywaniu"',
        'e.g. --reason "typing mistake"',
    ),
    "entry.unknown": ("Nie ma wpisu {uid!r}.", "No entry {uid!r}."),
    "entry.unknown.hint": (
        "identyfikatory wpisów pokazuje `wsp history`",
        "`wsp history` shows the entry ids",
    ),
    "entry.chain_voided": (
        "ten łańcuch kończy się unieważnieniem {uid}; nową wartość zapisz poleceniem `wsp record`",
        "this chain ends with the void {uid}; record a new value with `wsp record`",
    ),
    "correct.done": (
        "Poprawiono wpis {uid} ({old} → {new}) wpisem {new_uid}. "
        "Wartość osiągnięta wskaźnika {id} za {period}: {state}.",
        "Corrected entry {uid} ({old} → {new}) with entry {new_uid}. "
        "Actual of {id} for {period}: {state}.",
    ),
    "correct.changed_tags": ("Podział: {old} → {new}.", "Breakdown: {old} → {new}."),
    "correct.changed_date": ("Data: {old} → {new}.", "Date: {old} → {new}."),
    "correct.none": ("brak", "none"),
    "correct.indicator_gone": (
        "Wskaźnika {id} nie ma już w programie, więc nie można sprawdzić nowego podziału ani "
        "nowej daty jego wpisu.",
        "The indicator {id} is no longer in the programme, so a new breakdown or date of its "
        "entry cannot be checked.",
    ),
    "correct.indicator_gone.hint": (
        "popraw samą wartość albo przywróć wskaźnik w pliku programu",
        "correct the value alone, or restore the indicator in the programme file",
    ),
    "correct.date_elsewhere": (
        "Data {date} nie należy do okresu {period} poprawianego wpisu.",
        "The date {date} is not in the corrected entry's period {period}.",
    ),
    "correct.date_elsewhere.hint": (
        "korekta nie zmienia okresu; aby przenieść pomiar do innego okresu, unieważnij wpis "
        "(`wsp void`) i zapisz go na nowo (`wsp record`)",
        "a correction keeps the period; to move a measurement to another period, void the "
        "entry (`wsp void`) and record it again (`wsp record`)",
    ),
    "correct.dry_run": (
        "Tryb próbny — nic nie zapisano: wpis {uid} ({old} → {new}); wartość osiągnięta wskaźnika "
        "{id} za {period} byłaby: {state}.",
        "Dry run (nothing stored): entry {uid} ({old} → {new}); the actual of {id} for {period} "
        "would be: {state}.",
    ),
    "void.done": (
        "Unieważniono wpis {uid} ({old}) wpisem {new_uid}. "
        "Wartość osiągnięta wskaźnika {id} za {period}: {state}.",
        "Voided entry {uid} ({old}) with entry {new_uid}. Actual of {id} for {period}: {state}.",
    ),
    "void.dry_run": (
        "Tryb próbny — nic nie zapisano: unieważnienie wpisu {uid} ({old}); wartość osiągnięta "
        "wskaźnika {id} za {period} byłaby: {state}.",
        "Dry run (nothing stored): void of entry {uid} ({old}); the actual of {id} for {period} "
        "would be: {state}.",
    ),
    # export
    "import.json_too_deep": (
        "Plik {file} ma zbyt głęboko zagnieżdżone dane JSON; to nie jest plik wpisów.",
        "The file {file} nests its JSON too deeply; it is not a file of entries.",
    ),
    "export.stdout": ("standardowe wyjście", "standard output"),
    "export.done": (
        "Wyeksportowano {entries} → {target}",
        "Exported {entries} → {target}",
    ),
    # import
    "import.no_file": ("Nie ma pliku {path}.", "No file {path}."),
    "import.not_regular": (
        "{path} to {kind}, a nie zwykły plik; wsp importuje wpisy tylko ze zwykłego pliku.",
        "{path} is {kind}, not a regular file; wsp imports entries from a regular file only.",
    ),
    "import.is_folder": (
        "{path} jest katalogiem, a nie plikiem z wpisami.",
        "{path} is a folder, not a file of entries.",
    ),
    "import.is_folder.hint": (
        "podaj plik CSV lub JSON, np. wsp import {path}/wpisy.csv",
        "give a CSV or JSON file, e.g. wsp import {path}/entries.csv",
    ),
    "import.too_big": (
        "Plik {path} jest większy niż {limit} MiB.",
        "The file {path} is larger than {limit} MiB.",
    ),
    "import.cannot_read": ("Nie można odczytać {path}: {error}", "Cannot read {path}: {error}"),
    "import.not_utf8": (
        "{file}:{line}:{column}: plik nie jest zapisany ani w UTF-8, ani w Windows-1250 "
        "(bajt 0x{byte})",
        "{file}:{line}:{column}: the file is neither UTF-8 nor Windows-1250 (byte 0x{byte})",
    ),
    "import.not_utf8.hint": (
        "w Excelu wybierz „Zapisz jako” → „CSV UTF-8 (rozdzielany przecinkami)”",
        "in Excel choose Save As → 'CSV UTF-8 (Comma delimited)'",
    ),
    "import.read_as_cp1250": (
        "{file}: plik nie jest w UTF-8 — odczytano go jako Windows-1250 (kodowanie, w którym "
        "polski Excel zapisuje CSV).",
        "{file}: not UTF-8 — read as Windows-1250 (the encoding Polish Excel saves CSV in).",
    ),
    "import.empty": ("Plik {file} jest pusty.", "The file {file} is empty."),
    "import.bad_csv": (
        "{file}:{line}: niepoprawny CSV: {error}",
        "{file}:{line}: invalid CSV: {error}",
    ),
    "import.bad_row_csv": ("niepoprawny CSV: {error}", "invalid CSV: {error}"),
    "import.bad_header": (
        "{file}:1: niepoprawny nagłówek — {problems}",
        "{file}:1: invalid header — {problems}",
    ),
    "import.missing_columns": (
        "brak wymaganych kolumn: {columns}",
        "required columns missing: {columns}",
    ),
    "import.unknown_columns": ("nieznane kolumny: {columns}", "unknown columns: {columns}"),
    "import.column_did_you_mean": (
        "może chodziło o: {pairs}",
        "did you mean: {pairs}",
    ),
    "import.columns_hint": (
        "wymagane kolumny: wskaźnik (indicator), okres (period), wartość (value); wszystkie "
        "kolumny i ich postać: wsp import --help",
        "required columns: indicator (wskaźnik), period (okres), value (wartość); every column "
        "and its form: wsp import --help",
    ),
    "import.repeated_columns": (
        "{file}:1: powtórzone kolumny: {columns}",
        "{file}:1: repeated columns: {columns}",
    ),
    "import.too_many_cells": (
        "wiersz ma więcej komórek ({n}) niż nagłówek",
        "the row has more cells ({n}) than the header",
    ),
    "import.too_few_cells": (
        "wiersz ma tylko {cells}, a nagłówek ma {columns}; brak kolumn: {missing}",
        "the row has too few cells: {cells} for a header of {columns}; missing: {missing}",
    ),
    "import.too_few_cells.hint": (
        "sprawdź, czy w wierszu nie brakuje separatorów (przecinków lub średników)",
        "check that the row has all its separators (commas or semicolons)",
    ),
    "import.bad_json": (
        "{file}:{line}:{column}: niepoprawny JSON: {error}",
        "{file}:{line}:{column}: invalid JSON: {error}",
    ),
    "json.error.expecting_value": ("oczekiwano wartości", "Expecting value"),
    "json.error.expecting_name": (
        "oczekiwano nazwy pola w podwójnym cudzysłowie",
        "Expecting property name enclosed in double quotes",
    ),
    "json.error.expecting_comma": ("oczekiwano przecinka (,)", "Expecting ',' delimiter"),
    "json.error.expecting_colon": ("oczekiwano dwukropka (:)", "Expecting ':' delimiter"),
    "json.error.unterminated_string": (
        "niezamknięty napis (brak cudzysłowu zamykającego) zaczyna się tutaj",
        "Unterminated string starting at",
    ),
    "json.error.extra_data": (
        "nadmiarowe dane po końcu dokumentu JSON",
        "Extra data",
    ),
    "json.error.control_character": (
        "niedozwolony znak sterujący w napisie (np. tabulator lub koniec wiersza; zapisz go "
        "jako \\t lub \\n)",
        "Invalid control character at",
    ),
    "json.error.invalid_escape": (
        "niepoprawna sekwencja ze znakiem \\",
        "Invalid \\escape",
    ),
    "import.json_shape": (
        '{file}: oczekiwano obiektu {{"entries": [...]}} albo listy wpisów',
        '{file}: expected an object {{"entries": [...]}} or a list of entries',
    ),
    "import.json_entry": ("wpis {n}", "entry {n}"),
    "import.json_item": ("wpis nie jest obiektem JSON", "the entry is not a JSON object"),
    "import.json_keys": ("nieznane pola: {keys}", "unknown fields: {keys}"),
    "import.bad_kind": (
        "nieznany rodzaj wpisu {kind!r}; dozwolone: record, correction, void",
        "unknown entry kind {kind!r}; accepted: record, correction, void",
    ),
    "import.record_supersedes": (
        "wpis rodzaju record nie może niczego zastępować (kolumna supersedes)",
        "a record cannot supersede anything (column supersedes)",
    ),
    "import.needs_supersedes": (
        "wpis rodzaju {kind} musi wskazywać zastępowany wpis w kolumnie supersedes",
        "an entry of kind {kind} must name the entry it supersedes in the column supersedes",
    ),
    "import.void_value": (
        "unieważnienie nie ma wartości (kolumna value musi być pusta)",
        "a void has no value (the column value must be empty)",
    ),
    "import.date_period": (
        "data {date} nie należy do okresu {period} wskaźnika {id}",
        "the date {date} is not in the period {period} of {id}",
    ),
    "import.date_period.hint": (
        "data {date} należy do okresu {found}: popraw okres albo datę",
        "the date {date} is in the period {found}: correct the period or the date",
    ),
    "import.bad_timestamp": (
        "niepoprawny czas zapisu {value!r}; oczekiwano np. 2024-03-10T12:00:00Z",
        "invalid recording time {value!r}; expected e.g. 2024-03-10T12:00:00Z",
    ),
    "import.failed": (
        "{file}: nic nie zaimportowano — odrzucono {rejected} (poprawnych do dodania: "
        "{would}, już obecnych: {present}).",
        "{file}: nothing imported — {rejected} rejected ({would} would be added, "
        "{present} already present).",
    ),
    "import.more_problems": (
        "… i {n} dalszych problemów (pokazano pierwsze)",
        "… and {n} more problems (the first ones are shown)",
    ),
    "import.line_too_long": (
        "Plik {file} ma wiersz dłuższy niż {limit} MiB; to nie jest plik CSV z wpisami.",
        "The file {file} has a line longer than {limit} MiB; it is not a CSV file of entries.",
    ),
    "import.failed.hint": (
        "popraw wskazane wiersze i zaimportuj plik ponownie",
        "fix the rows above and import the file again",
    ),
    "import.failed.hint_json": (
        "popraw wskazane wpisy i zaimportuj plik ponownie",
        "fix the entries above and import the file again",
    ),
    "import.done": (
        "{file}: dodano {added}; już obecne: {present}; odrzucone: {rejected}.",
        "{file}: added {added}; already present: {present}; rejected: {rejected}.",
    ),
    "import.dry_run": (
        "{file} (próba, nic nie zapisano): do dodania: {added}; już obecne: {present}; "
        "odrzucone: {rejected}.",
        "{file} (dry run, nothing stored): would be added: {added}; already present: {present}; "
        "rejected: {rejected}.",
    ),
}

"""Messages of the measurement store and its commands: key -> (Polish, English)."""

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
        "Magazyn {path} jest tylko do odczytu: nie można w nim zapisać.",
        "The store {path} is read-only: cannot write to it.",
    ),
    "store.readonly.hint": (
        "sprawdź uprawnienia pliku i katalogu albo wskaż inny magazyn opcją --store",
        "check the permissions of the file and its directory, or use another store with --store",
    ),
    "store.locked": (
        "Magazyn {path} jest zajęty przez inny proces dłużej niż limit czasu oczekiwania.",
        "The store {path} has been locked by another process for longer than the timeout.",
    ),
    "store.locked.hint": (
        "poczekaj, aż inne polecenie wsp się zakończy, i spróbuj ponownie "
        "(limit oczekiwania w sekundach: zmienna WSP_BUSY_TIMEOUT)",
        "wait for the other wsp command to finish and try again "
        "(the timeout in seconds: variable WSP_BUSY_TIMEOUT)",
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
    "store.is_dir": (
        "{path} jest katalogiem, a nie plikiem magazynu.",
        "{path} is a directory, not a store file.",
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
    "store.needs_upgrade": (
        "Magazyn {path} ma starszy schemat; zostanie uaktualniony przy najbliższym zapisie.",
        "The store {path} has an older schema; it is upgraded by the next command that writes.",
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
}

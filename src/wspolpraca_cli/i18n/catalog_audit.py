"""Messages of the audit trail (period locks, explanations of shortfalls, target amendments):
key -> (Polish, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # commands
    "cmd.lock.short": (
        "Zablokuj okres (np. po przyjęciu sprawozdania).",
        "Lock a period (e.g. after the report was accepted).",
    ),
    "cmd.lock.help": (
        "Zablokuj okres, np. po przyjęciu sprawozdania przez sejmik: record, correct, void i "
        "import odmawiają zmian jego wpisów, dopóki nie zostanie odblokowany. Rok blokuje "
        "każdy okres w tym roku (półrocza, kwartały, miesiące, tygodnie).",
        "Lock a period, e.g. after the council accepted the report: record, correct, void and "
        "import refuse changes of its entries until it is unlocked. A year locks every period "
        "inside it (halves, quarters, months, weeks).",
    ),
    "cmd.unlock.short": ("Odblokuj zablokowany okres.", "Unlock a locked period."),
    "cmd.unlock.help": (
        "Odblokuj zablokowany okres: jego wpisy znów można zmieniać (blokada zostaje w historii).",
        "Unlock a locked period: its entries can be changed again (the lock stays in history).",
    ),
    "cmd.explain.short": (
        "Dołącz uzasadnienie niezrealizowania wskaźnika w okresie.",
        "Attach an explanation of an indicator's shortfall in a period.",
    ),
    "cmd.explain.help": (
        "Dołącz uzasadnienie niezrealizowania wskaźnika w okresie: sprawozdanie je drukuje, a "
        "check nie zgłasza już tego okresu jako błędu (chyba że z --strict). Ponowne "
        "uzasadnienie zastępuje poprzednie, --withdraw je wycofuje; oba zostają w historii.",
        "Attach an explanation of an indicator's shortfall in a period: the report prints it, "
        "and check no longer fails for that period (unless --strict). Explaining again "
        "replaces it; --withdraw withdraws it. Both stay in history.",
    ),
    "opt.lock.reason": (
        "Powód (wymagany), np. numer uchwały przyjmującej sprawozdanie.",
        "The reason (required), e.g. the resolution that accepted the report.",
    ),
    "arg.lock.period": (
        "Okres: 2024 (rok i wszystko w nim), 2024-H1, 2024-Q1, 2024-03, 2024-W05, 2021-2025.",
        "The period: 2024 (the year and everything in it), 2024-H1, 2024-Q1, 2024-03, "
        "2024-W05, 2021-2025.",
    ),
    "arg.explain.id": ("Identyfikator wskaźnika.", "Indicator id."),
    "arg.explain.period": (
        "Okres oceny wskaźnika, np. 2023.",
        "The indicator's evaluation period, e.g. 2023.",
    ),
    "arg.explain.text": ("Treść uzasadnienia.", "The explanation."),
    "opt.explain.withdraw": (
        "Wycofaj obowiązujące uzasadnienie (zostaje w historii).",
        "Withdraw the explanation in force (it stays in history).",
    ),
    "opt.check.strict": (
        "Licz także niezrealizowania z uzasadnieniem (kod wyjścia 1).",
        "Count explained shortfalls too (exit code 1).",
    ),
    # lock and unlock
    "lock.done": (
        "Zablokowano okres {period} ({uid}; {by}, {at}). Powód: {reason}",
        "Locked the period {period} ({uid}; {by}, {at}). Reason: {reason}",
    ),
    "unlock.done": (
        "Odblokowano okres {period} ({uid}; {by}, {at}). Powód: {reason}",
        "Unlocked the period {period} ({uid}; {by}, {at}). Reason: {reason}",
    ),
    "lock.reason_required": ("Podaj powód (--reason).", "Give a reason (--reason)."),
    "lock.reason_required.hint": (
        'np. wsp lock 2024 --reason "Sprawozdanie przyjęte uchwałą nr 12/2025"',
        'e.g. wsp lock 2024 --reason "Report accepted by resolution no. 12/2025"',
    ),
    "lock.period.hint": (
        "okres to np. 2024, 2024-H1, 2024-Q1, 2024-03, 2024-W05 albo lata programu 2021-2025",
        "a period is e.g. 2024, 2024-H1, 2024-Q1, 2024-03, 2024-W05 or the programme's years "
        "2021-2025",
    ),
    "lock.outside": (
        "Okres {period} wykracza poza lata programu ({first}–{last}).",
        "The period {period} lies outside the programme's years ({first}–{last}).",
    ),
    "lock.already": (
        "Okres {period} jest już zablokowany ({by}, {at}; powód: {reason}).",
        "The period {period} is locked already ({by}, {at}; reason: {reason}).",
    ),
    "lock.already_inside": (
        "Okres {period} jest już zablokowany jako część okresu {locked} ({by}, {at}; powód: "
        "{reason}).",
        "The period {period} is locked already, as part of {locked} ({by}, {at}; reason: "
        "{reason}).",
    ),
    "lock.already.hint": (
        "blokady i odblokowania pokazuje wsp history",
        "wsp history shows the locks and unlocks",
    ),
    "unlock.not_locked": (
        "Okres {period} nie jest zablokowany.",
        "The period {period} is not locked.",
    ),
    "unlock.not_locked.hint": (
        "blokady i odblokowania pokazuje wsp history",
        "wsp history shows the locks and unlocks",
    ),
    "unlock.inside": (
        "Okres {period} jest zablokowany jako część okresu {locked}; nie można go odblokować "
        "osobno.",
        "The period {period} is locked as part of {locked}; it cannot be unlocked on its own.",
    ),
    "unlock.inside.hint": (
        'odblokuj cały okres: wsp unlock {locked} --reason "…"',
        'unlock the whole period: wsp unlock {locked} --reason "…"',
    ),
    "lock.refused": (
        "Okres {period} jest zablokowany (blokada okresu {locked}: {by}, {at}; powód: "
        "{reason}); wpisów tego okresu nie można zmieniać.",
        "The period {period} is locked (lock of {locked}: {by}, {at}; reason: {reason}); its "
        "entries cannot be changed.",
    ),
    "lock.refused.hint": (
        'aby je zmienić, najpierw odblokuj okres: wsp unlock {period} --reason "…"',
        'to change them, unlock the period first: wsp unlock {period} --reason "…"',
    ),
    # explanations
    "explain.done": (
        "Zapisano uzasadnienie dla {id} w okresie {period} ({uid}; {by}, {at}).",
        "Stored the explanation of {id} in {period} ({uid}; {by}, {at}).",
    ),
    "explain.withdrawn": (
        "Wycofano uzasadnienie dla {id} w okresie {period} ({uid}; {by}, {at}).",
        "Withdrew the explanation of {id} in {period} ({uid}; {by}, {at}).",
    ),
    "explain.empty": ("Podaj treść uzasadnienia.", "Give the explanation's text."),
    "explain.empty.hint": (
        'np. wsp explain 1.1 2023 "Konferencję przeniesiono na 2024 r."; wycofanie: --withdraw',
        'e.g. wsp explain 1.1 2023 "The conference moved to 2024"; to withdraw: --withdraw',
    ),
    "explain.withdraw_with_text": (
        "--withdraw wycofuje uzasadnienie; nie podawaj przy nim treści.",
        "--withdraw withdraws the explanation; give no text with it.",
    ),
    "explain.withdraw_with_text.hint": (
        "aby zastąpić uzasadnienie, podaj nową treść bez --withdraw",
        "to replace the explanation, give the new text without --withdraw",
    ),
    "explain.nothing_to_withdraw": (
        "Wskaźnik {id} nie ma obowiązującego uzasadnienia w okresie {period}.",
        "The indicator {id} has no explanation in force for {period}.",
    ),
    "explain.nothing_to_withdraw.hint": (
        "uzasadnienia pokazuje wsp history",
        "wsp history shows the explanations",
    ),
    "explain.bad_period": (
        "{period} nie jest okresem oceny wskaźnika {id}.",
        "{period} is not an evaluation period of the indicator {id}.",
    ),
    "explain.bad_period.hint": (
        "okresy oceny: {periods}",
        "its evaluation periods: {periods}",
    ),
    # history
    "history.kind.lock": ("blokada", "lock"),
    "history.kind.unlock": ("odblokowanie", "unlock"),
    "history.kind.explain": ("uzasadnienie", "explanation"),
    "history.kind.withdraw": ("wycofanie uzasadnienia", "explanation withdrawn"),
    "history.state.in_force": ("obowiązuje", "in force"),
    "history.state.replaced": ("zastąpione", "replaced"),
    "history.state.withdrawn": ("wycofane", "withdrawn"),
    # status, check, report
    "status.locked": ("zablokowany", "locked"),
    "status.explained": ("uzasadniono", "explained"),
    "check.explained.header": (
        "Niezrealizowane z uzasadnieniem (nie zmieniają kodu wyjścia):",
        "Shortfalls with an explanation (they do not change the exit code):",
    ),
    "check.explained.line": (
        "{id} {period}: {text} ({by}, {at})",
        "{id} {period}: {text} ({by}, {at})",
    ),
    "check.result.explained": (
        "Z uzasadnieniem: {count} (wsp check --strict liczy także je).",
        "Explained: {count} (wsp check --strict counts them too).",
    ),
    "report.explanation": ("Uzasadnienie: {text}", "Explanation: {text}"),
    "report.amended": (
        "Wartość docelowa zmieniona od {year} r.: {target} ({resolution})",
        "Target amended from {year}: {target} ({resolution})",
    ),
    # amendments (programme file, show)
    "prog.amendment.year_outside": (
        "Zmiana od roku {year} wykracza poza lata programu ({first}–{last}).",
        "An amendment from {year} lies outside the programme's years ({first}–{last}).",
    ),
    "prog.amendment.same_year": (
        "Druga zmiana wartości docelowej od roku {year}.",
        "A second amendment of the target from {year}.",
    ),
    "prog.amendment.same_year.hint": (
        "jedna zmiana na rok; późniejsza uchwała zastępuje wcześniejszą w tym samym wpisie",
        "one amendment a year; write a later resolution into the same amendment",
    ),
    "prog.amendment.order": (
        "Zmiany wartości docelowej nie są w kolejności lat ({year} po {previous}).",
        "The amendments are not in year order ({year} after {previous}).",
    ),
    "prog.amendment.order.hint": (
        "wypisz zmiany od najwcześniejszej",
        "list the amendments from the earliest",
    ),
    "prog.amendment.kind": (
        "Zmiana wartości docelowej musi mieć ten sam rodzaj co pierwotna ({original}); "
        "podano {amended}.",
        "An amended target must be of the same kind as the original ({original}); given {amended}.",
    ),
    "prog.amendment.kind.hint": (
        "zmiana zmienia wartość (np. 1/rok → 2/rok), nie rodzaj celu ani okres",
        "an amendment changes the value (e.g. 1/rok → 2/rok), not the kind of target or its period",
    ),
    "show.target_history": ("Zmiany wartości docelowej:", "Target history:"),
    "show.target_original": (
        "{target} (pierwotnie, od {year} r.)",
        "{target} (original, from {year})",
    ),
    "show.target_amended": (
        "{target} od {year} r. — {resolution}",
        "{target} from {year} — {resolution}",
    ),
}

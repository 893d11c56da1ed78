"""QA fixes of the store commands: the yes/no confirmation, the export format from the file's
extension, reading a store in a read-only location, number formats in messages, prompts that
ask again, JSON syntax errors in Polish, and wording."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Wsp
from wspolpraca_cli.entries import Entry
from wspolpraca_cli.errors import StoreError
from wspolpraca_cli.store import open_store
from wspolpraca_cli.store import sqlite as store_module

NBSP = "\u00a0"


def values(wsp: Wsp) -> list[float | None]:
    with open_store(wsp.store, readonly=True) as store:
        return [e.value for e in store.entries()]


# -- 1. the plausibility confirmation --------------------------------------------------------


@pytest.mark.parametrize("answer", ["t", "tak", "T", "y", "yes", " Tak "])
def test_polish_confirmation_accepts_tak(wsp: Wsp, terminal: None, answer: str) -> None:
    wsp.record("1.1", "2", "--year", "2023")
    run = wsp("record", "1.1", "25", "--year", "2024", input=f"{answer}\n", lang="pl")
    assert run.exit_code == 0, run.stderr
    assert "Zapisać mimo to? [t/N]:" in run.stderr
    assert "invalid input" not in run.stderr
    assert values(wsp) == [2.0, 25.0]


@pytest.mark.parametrize("answer", ["n", "nie", "no", "NIE", ""])
def test_polish_confirmation_no(wsp: Wsp, terminal: None, answer: str) -> None:
    wsp.record("1.1", "2", "--year", "2023")
    run = wsp("record", "1.1", "25", "--year", "2024", input=f"{answer}\n", lang="pl")
    assert run.exit_code == 0
    assert run.stderr.endswith("Nic nie zapisano.\n")
    assert values(wsp) == [2.0]


def test_polish_confirmation_asks_again(wsp: Wsp, terminal: None) -> None:
    wsp.record("1.1", "2", "--year", "2023")
    run = wsp("record", "1.1", "25", "--year", "2024", input="może\nok\nt\n", lang="pl")
    assert run.exit_code == 0, run.stderr
    assert (
        run.stderr.count("Odpowiedz t (tak) albo n (nie); samo naciśnięcie Enter oznacza „nie”.")
        == 2
    )
    assert run.stderr.count("[t/N]") == 3
    assert values(wsp) == [2.0, 25.0]


@pytest.mark.parametrize(("answer", "stored"), [("y", True), ("yes", True), ("tak", True)])
def test_english_confirmation(wsp: Wsp, terminal: None, answer: str, stored: bool) -> None:
    wsp.record("1.1", "2", "--year", "2023")
    run = wsp("record", "1.1", "25", "--year", "2024", input=f"{answer}\n")
    assert run.exit_code == 0, run.stderr
    assert "Record it anyway? [y/N]:" in run.stderr
    assert len(values(wsp)) == (2 if stored else 1)


def test_english_confirmation_asks_again_then_no(wsp: Wsp, terminal: None) -> None:
    wsp.record("1.1", "2", "--year", "2023")
    run = wsp("record", "1.1", "25", "--year", "2024", input="maybe\nnie\n")
    assert run.exit_code == 0
    assert "Answer y (yes) or n (no); Enter alone means no." in run.stderr
    assert run.stderr.endswith("Nothing was recorded.\n")
    assert values(wsp) == [2.0]


def test_confirmation_end_of_input_is_an_interruption(wsp: Wsp, terminal: None) -> None:
    wsp.record("1.1", "2", "--year", "2023")
    run = wsp("record", "1.1", "25", "--year", "2024", input="", lang="pl")
    assert run.exit_code == 130
    assert values(wsp) == [2.0]
    run = wsp("record", "1.1", "25", "--year", "2024", input="x\n")  # EOF after a wrong answer
    assert run.exit_code == 130
    assert values(wsp) == [2.0]


def test_correct_confirmation_in_polish(wsp: Wsp, terminal: None) -> None:
    uid = wsp.record("pct", "40%", "--year", "2024")
    run = wsp("correct", uid, "150%", "--reason", "x", input="tak\n", lang="pl")
    assert run.exit_code == 0, run.stderr
    assert "[t/N]" in run.stderr
    assert values(wsp) == [40.0, 150.0]


# -- 2. the export format follows the file's extension ---------------------------------------


def test_export_json_by_extension_imports_back(wsp: Wsp, tmp_path: Path) -> None:
    wsp.record("1.1", "2", "--year", "2024")
    wsp.record("kw", "120000,5", "--period", "2024-Q2")
    out = tmp_path / "e.json"
    run = wsp("export", "-o", str(out))
    assert run.exit_code == 0, run.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert [e["value"] for e in doc["entries"]] == [2, 120000.5]
    other = Wsp(wsp.program, tmp_path / "other.wsp.db")
    run = other("import", str(out))
    assert run.exit_code == 0, run.stderr
    assert values(other) == [2.0, 120000.5]


@pytest.mark.parametrize(("name", "first"), [("e.csv", "\ufeffuid,"), ("E.JSON", "{")])
def test_export_extension_chooses_format(wsp: Wsp, tmp_path: Path, name: str, first: str) -> None:
    wsp.record("1.1", "2", "--year", "2024")
    out = tmp_path / name
    assert wsp("export", "-o", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith(first)


def test_export_format_contradicting_the_extension(wsp: Wsp, tmp_path: Path) -> None:
    out = tmp_path / "e.json"
    run = wsp("export", "--format", "csv", "-o", str(out))
    assert run.exit_code == 2
    assert run.stderr.splitlines() == [
        f"wsp: error: --format csv does not match the file {out}: its extension means json.",
        "  hint: give the file a .csv extension, or leave out --format (or use --format json)",
    ]
    assert not out.exists()
    run = wsp("export", "-f", "json", "-o", str(tmp_path / "e.csv"), lang="pl")
    assert run.exit_code == 2
    assert "nie pasuje do pliku" in run.stderr and "rozszerzenie oznacza format csv" in run.stderr
    assert "zmień rozszerzenie pliku na .json" in run.stderr


@pytest.mark.parametrize("name", ["e.txt", "e", "e.xlsx"])
def test_export_unknown_extension_without_format(wsp: Wsp, tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    run = wsp("export", "-o", str(out))
    assert run.exit_code == 2
    assert run.stderr.splitlines() == [
        f"wsp: error: Cannot tell the format of {out} from its extension; the known ones are "
        ".csv, .json.",
        "  hint: change the extension, or give --format (csv, json)",
    ]
    assert not out.exists()


def test_export_explicit_format_with_another_extension(wsp: Wsp, tmp_path: Path) -> None:
    wsp.record("1.1", "2", "--year", "2024")
    out = tmp_path / "e.txt"
    assert wsp("export", "--format", "json", "-o", str(out)).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["schema"] == 1
    run = wsp("export")  # standard output: CSV unless --format says otherwise
    assert run.stdout.startswith("\ufeffuid,indicator,")
    assert json.loads(wsp("export", "--format", "json").stdout)["schema"] == 1


# -- 3. a store in a read-only location ------------------------------------------------------


def filled(wsp: Wsp) -> None:
    with open_store(wsp.store) as store:
        store.add_many([Entry("", "1.1", str(y), 1.0) for y in (2021, 2022, 2023)])


@pytest.fixture
def readonly_folder(wsp: Wsp, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A store with three entries, in a folder that then behaves as read-only (tests run as
    root, whom chmod does not stop): SQLite refuses the plain opens, and the side files cannot
    be created. Returns the URIs and paths opened since."""
    filled(wsp)
    real = sqlite3.connect
    opened: list[str] = []

    def connect(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        name = str(database)
        opened.append(name)
        if name != ":memory:" and "immutable=1" not in name:
            raise sqlite3.OperationalError("attempt to write a readonly database")
        return real(database, *args, **kwargs)

    monkeypatch.setattr(store_module.sqlite3, "connect", connect)
    monkeypatch.setattr(store_module, "_side_files_writable", lambda path: False)
    return opened


def test_readonly_folder_store_is_read_as_immutable(wsp: Wsp, readonly_folder: list[str]) -> None:
    with open_store(wsp.store, readonly=True) as store:
        assert [e.period for e in store.entries()] == ["2021", "2022", "2023"]
    assert readonly_folder[0].endswith("?mode=ro")
    assert readonly_folder[1].endswith("?mode=ro&immutable=1")


@pytest.mark.parametrize(
    "args",
    [
        ["history"],
        ["export", "--format", "json"],
        ["status", "--year", "2023", "--format", "json"],
        ["check", "--year", "2023", "--as-of", "2024-01-10"],
    ],
)
def test_read_commands_work_in_a_readonly_folder(
    wsp: Wsp, readonly_folder: list[str], args: list[str]
) -> None:
    run = wsp(*args)
    assert run.exit_code == 0, run.stderr
    assert "cannot open" not in run.stderr.lower()


def test_write_commands_in_a_readonly_folder_say_read_only(
    wsp: Wsp, readonly_folder: list[str]
) -> None:
    for args in (["record", "1.1", "1", "--year", "2024"], ["void", "zzzz", "--reason", "x"]):
        run = wsp(*args)
        assert run.exit_code == 3
        assert run.stderr.splitlines() == [
            f"wsp: error: The store {wsp.store} is read-only: cannot write to it.",
            "  hint: check the permissions of the file and its directory, or use another "
            "store with --store",
        ]


def test_readonly_folder_with_a_pending_journal_is_refused(
    wsp: Wsp, readonly_folder: list[str]
) -> None:
    wal = wsp.store.with_name(wsp.store.name + "-wal")
    wal.write_bytes(b"\0" * 32)  # a journal left behind: immutable would ignore it
    run = wsp("history")
    assert run.exit_code == 3
    assert run.stderr.splitlines()[0] == (
        f"wsp: error: Cannot read the store {wsp.store}: its journal {wal} holds changes not "
        "yet moved into the store, and this folder cannot be written."
    )


def test_other_open_failures_are_not_retried(wsp: Wsp, monkeypatch: pytest.MonkeyPatch) -> None:
    filled(wsp)
    calls: list[str] = []

    def connect(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        calls.append(str(database))
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(store_module.sqlite3, "connect", connect)  # the folder is writable
    with pytest.raises(StoreError, match="Cannot open the store"):
        open_store(wsp.store, readonly=True)
    assert len(calls) == 1


def test_immutable_open_of_a_wal_store_reads_every_entry(wsp: Wsp) -> None:
    """The fallback itself, without any patching: a WAL store written by wsp and closed is
    read in full by an ``immutable=1`` open."""
    with open_store(wsp.store) as store:
        store.add_many([Entry("", "1.1", str(y), float(y)) for y in range(2021, 2026)])
        store.add(Entry("", "kw", "2024-Q1", 120000.5))
    assert not wsp.store.with_name(wsp.store.name + "-wal").exists()
    uri = wsp.store.resolve().as_uri() + "?mode=ro&immutable=1"
    conn = sqlite3.connect(uri, uri=True)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] in ("wal", "delete")
        assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 6
    finally:
        conn.close()


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write anywhere"
)
def test_real_readonly_folder(wsp: Wsp, tmp_path: Path) -> None:  # pragma: no cover - non-root
    filled(wsp)
    tmp_path.chmod(0o555)
    try:
        run = wsp("history", "--format", "json")
        assert run.exit_code == 0, run.stderr
        assert len(json.loads(run.stdout)["entries"]) == 3
        run = wsp("record", "1.1", "1", "--year", "2024")
        assert run.exit_code == 3
        assert "is read-only" in run.stderr
    finally:
        tmp_path.chmod(0o755)


# -- 4. numbers in messages ------------------------------------------------------------------


def test_confirmation_numbers_in_polish(wsp: Wsp) -> None:
    run = wsp("record", "kw", "9000000", "--period", "2024-Q4", "--yes", lang="pl")
    assert run.exit_code == 0, run.stderr
    assert f"Kwota dotacji = 9{NBSP}000{NBSP}000 za 2024-Q4." in run.stderr
    # the figure wsp status shows: the target is yearly, so the year's total
    assert f"Wartość osiągnięta za 2024: 9{NBSP}000{NBSP}000 (suma, 1 wpis)." in run.stderr
    run = wsp("record", "kw", "120000,5", "--period", "2024-Q3", lang="pl")
    assert f"= 120{NBSP}000,50 za 2024-Q3" in run.stderr
    run = wsp("record", "kw", "9000000", "--period", "2024-Q1", "--dry-run")
    assert "kw = 9,000,000 for 2024-Q1" in run.stderr
    run = wsp("record", "avg", "1234,5", "--period", "2024-03", lang="pl")
    assert f"= 1{NBSP}234,5 za 2024-03" in run.stderr


def test_implausible_message_numbers(wsp: Wsp) -> None:
    wsp.record("kw", "1000", "--period", "2024-Q1")
    run = wsp("record", "kw", "120000,5", "--period", "2024-Q2", lang="pl")
    assert run.exit_code == 2
    assert (
        f"120{NBSP}000,50 to ponad 10 razy więcej niż największa wartość w innych okresach "
        f"(1{NBSP}000)" in run.stderr
    )
    run = wsp("record", "kw", "120000.5", "--period", "2024-Q2")
    assert "120,000.50 is more than 10 times the largest value of the other periods (1,000)" in (
        run.stderr
    )


def test_correct_message_and_history_numbers(wsp: Wsp) -> None:
    uid = wsp.record("kw", "9000000", "--period", "2024-Q4")
    run = wsp("correct", uid, "9000000,5", "--reason", "grosze", lang="pl")
    assert run.exit_code == 0, run.stderr
    assert f"(9{NBSP}000{NBSP}000 → 9{NBSP}000{NBSP}000,50)" in run.stderr
    table = wsp("history", lang="pl").stdout
    assert f"9{NBSP}000{NBSP}000,50" in table
    # machine outputs stay exact
    assert ";9000000,5;" in wsp("history", "--format", "csv", lang="pl").stdout
    assert ";9000000,5;" in wsp("export", lang="pl").stdout
    doc = json.loads(wsp("export", "--format", "json", lang="pl").stdout)
    assert [e["value"] for e in doc["entries"]] == [9000000, 9000000.5]


# -- 5. prompts ask again --------------------------------------------------------------------


def test_period_prompt_asks_again(wsp: Wsp, terminal: None, today: None) -> None:
    run = wsp("record", "1.1", "2", input="sometime\n2030\n2023\n")
    assert run.exit_code == 0, run.stderr
    assert "Cannot read the period 'sometime'." in run.stderr
    assert "The period 2030 of the indicator 1.1 is outside the programme's years" in run.stderr
    assert "  hint: the indicator is measured" in run.stderr
    assert values(wsp) == [2.0]
    with open_store(wsp.store, readonly=True) as store:
        assert store.entries()[0].period == "2023"


def test_period_prompt_end_of_input(wsp: Wsp, terminal: None, today: None) -> None:
    run = wsp("record", "1.1", "2", input="sometime\n")
    assert run.exit_code == 130
    assert not wsp.store.exists()


def test_indicator_and_value_prompts_ask_again(wsp: Wsp, terminal: None, today: None) -> None:
    run = wsp("record", input="9\n1.2\n1\n\nabc\n1,5\n2\n", lang="en")
    assert run.exit_code == 0, run.stderr
    assert "No indicator '9' in the programme." in run.stderr
    assert "No indicator '1.2' in the programme." in run.stderr
    assert "  Did you mean: 1.1?" in run.stderr
    assert "Cannot read the value 'abc'." in run.stderr
    assert "The indicator 1.1 takes whole numbers only, and '1,5' is not one." in run.stderr
    assert values(wsp) == [2.0]


def test_indicator_list_is_aligned(wsp: Wsp, terminal: None) -> None:
    run = wsp("record", input="")
    assert run.exit_code == 130
    listed = [line for line in run.stderr.splitlines() if line[:4].strip().rstrip(".").isdigit()]
    assert listed == [
        "  1. 1.1  Liczba warsztatów",
        "  2. pct  Odsetek skonsultowanych",
        "  3. yn   Centrum działa",
        "  4. kw   Kwota dotacji",
        "  5. avg  Średnia porad",
    ]


# -- 6. JSON import errors -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "polish", "english"),
    [
        ("", "oczekiwano wartości", "Expecting value"),
        ('{"entries" []}', "oczekiwano dwukropka (:)", "Expecting ':' delimiter"),
        (
            "{entries: []}",
            "oczekiwano nazwy pola w podwójnym cudzysłowie",
            "Expecting property name enclosed in double quotes",
        ),
        ("[{} {}]", "oczekiwano przecinka (,)", "Expecting ',' delimiter"),
        (
            '["abc',
            "niezamknięty napis (brak cudzysłowu zamykającego) zaczyna się tutaj",
            "Unterminated string starting at",
        ),
        ("[] []", "nadmiarowe dane po końcu dokumentu JSON", "Extra data"),
        ('["a\tb"]', "niedozwolony znak sterujący w napisie", "Invalid control character at"),
        ('["a\\qb"]', "niepoprawna sekwencja ze znakiem \\", "Invalid \\escape"),
    ],
)
def test_json_syntax_errors_translated(
    wsp: Wsp, tmp_path: Path, text: str, polish: str, english: str
) -> None:
    src = tmp_path / "e.json"
    src.write_text(text, encoding="utf-8")
    run = wsp("import", str(src), lang="pl")
    assert run.exit_code == 2
    first = run.stderr.splitlines()[0]
    assert first.startswith(f"wsp: błąd: {src}:1:")
    assert f": niepoprawny JSON: {polish}" in first
    run = wsp("import", str(src))
    assert run.exit_code == 2
    assert f": invalid JSON: {english}" in run.stderr.splitlines()[0]


def test_json_import_counts_entries(wsp: Wsp, tmp_path: Path) -> None:
    src = tmp_path / "e.json"
    src.write_text(json.dumps([{"indicator": "1.1", "period": "2024", "value": "x"}]), "utf-8")
    run = wsp("import", str(src), lang="pl")
    assert run.exit_code == 2
    assert run.stderr.splitlines()[-2:] == [
        f"wsp: błąd: {src}: nic nie zaimportowano — odrzucono 1 wpis (poprawnych do dodania: "
        "0, już obecnych: 0).",
        "  wskazówka: popraw wskazane wpisy i zaimportuj plik ponownie",
    ]
    csv_src = tmp_path / "e.csv"
    csv_src.write_text("indicator,period,value\n1.1,2024,x\n1.1,2024,y\n", encoding="utf-8")
    run = wsp("import", str(csv_src), lang="pl")
    assert "odrzucono 2 wiersze" in run.stderr


# -- 7. wording ------------------------------------------------------------------------------


def test_not_whole_names_the_indicator(wsp: Wsp) -> None:
    run = wsp("record", "1.1", "1,5", "--year", "2024", lang="pl")
    assert run.exit_code == 2
    assert run.stderr.splitlines()[0] == (
        "wsp: błąd: Wskaźnik 1.1 przyjmuje tylko liczby całkowite, a '1,5' nią nie jest."
    )
    run = wsp("record", "1.1", "1.5", "--year", "2024")
    assert run.stderr.splitlines()[0] == (
        "wsp: error: The indicator 1.1 takes whole numbers only, and '1.5' is not one."
    )


def test_history_recorded_column(wsp: Wsp) -> None:
    wsp.record("1.1", "2", "--year", "2024", "--by", "root")
    assert "Zapisano (UTC, kto)" in wsp("history", lang="pl").stdout
    table = wsp("history").stdout
    assert "Recorded (UTC, by)" in table and " root" in table

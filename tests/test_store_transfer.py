"""wsp export / import: CSV and JSON, round trips, all-or-nothing, line numbers."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from tests.conftest import Wsp
from wspolpraca_cli.entries import Entry
from wspolpraca_cli.store import open_store

# every test runs against each store backend (tests/conftest.py)
pytestmark = pytest.mark.usefixtures("backend")

HEADER = (
    "uid,indicator,period,value,kind,date,note,source,tags,"
    "recorded_by,recorded_at,supersedes,reason"
)


def fill(wsp: Wsp) -> list[Entry]:
    first = wsp.record("1.1", "2", "--year", "2024", "--note", 'Toruń;\n"Bydgoszcz", ąęłśżźćń')
    wsp.record("1.1", "1", "--date", "2024-04-02", "--tag", "organizator=NGO")
    wsp("correct", first, "3", "--reason", "pomyłka")
    second = wsp.record("kw", "8500000,01", "--period", "2024-Q2", "--source", "=SUM(A1)")
    wsp("void", second, "--reason", "zły wskaźnik")
    wsp.record("pct", "33,333333333333336%", "--year", "2023")
    wsp.record("yn", "tak", "--period", "2021-2025")
    with open_store(wsp.store, readonly=True) as store:
        return store.entries()


def without_seq(entries: list[Entry]) -> list[Entry]:
    return [replace(e, seq=0) for e in entries]


@pytest.mark.parametrize(("fmt", "lang"), [("csv", "en"), ("csv", "pl"), ("json", "en")])
def test_export_import_round_trip(wsp: Wsp, tmp_path: Path, fmt: str, lang: str) -> None:
    original = fill(wsp)
    out = tmp_path / f"entries.{fmt}"
    run = wsp("export", "--format", fmt, "-o", str(out), lang=lang)
    assert run.exit_code == 0
    assert out.is_file()
    target = Wsp(wsp.program, tmp_path / "copy.wsp.db")
    run = target("import", str(out))
    assert run.exit_code == 0, run.stderr
    assert f"{out}: added 7 entries; already present: 0; rejected: 0." in run.stderr
    with open_store(target.store, readonly=True) as store:
        assert without_seq(store.entries()) == without_seq(original)
    run = target("import", str(out))
    assert run.exit_code == 0
    assert f"{out}: added 0 entries; already present: 7; rejected: 0." in run.stderr
    with open_store(target.store, readonly=True) as store:
        assert len(store.entries()) == 7


def test_csv_is_excel_friendly(wsp: Wsp, tmp_path: Path) -> None:
    fill(wsp)
    out = tmp_path / "e.csv"
    wsp("export", "-o", str(out))
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0] == HEADER
    assert "\r\n" in text
    assert (
        '"Toruń;\r\n""Bydgoszcz"", ąęłśżźćń"' in text or '"Toruń;\n""Bydgoszcz"", ąęłśżźćń"' in text
    )
    polish = tmp_path / "pl.csv"
    wsp("export", "-o", str(polish), lang="pl")
    text = polish.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == HEADER.replace(",", ";")
    assert ";8500000,01;" in text


def test_export_to_stdout_and_json_shape(wsp: Wsp) -> None:
    fill(wsp)
    run = wsp("export")
    assert run.stdout.startswith("\ufeff" + HEADER)
    assert "Exported 7 entries → standard output" in run.stderr
    doc = json.loads(wsp("export", "--format", "json").stdout)
    assert doc["schema"] == 1 and doc["program"] == "Program testowy"
    assert [e["kind"] for e in doc["entries"]].count("void") == 1
    assert doc["entries"][1]["tags"] == {"organizator": "NGO"}


def test_export_refuses_to_overwrite(wsp: Wsp, tmp_path: Path) -> None:
    fill(wsp)
    out = tmp_path / "e.csv"
    out.write_text("keep me", encoding="utf-8")
    run = wsp("export", "-o", str(out))
    assert run.exit_code == 2
    assert f"The file {out} already exists." in run.stderr and "--force" in run.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    assert wsp("export", "-o", str(out), "--force").exit_code == 0
    assert out.read_text(encoding="utf-8-sig").startswith(HEADER)


def test_export_of_a_missing_store_creates_nothing(wsp: Wsp) -> None:
    run = wsp("export")
    assert run.exit_code == 0
    assert run.stdout.splitlines() == ["\ufeff" + HEADER]
    assert not wsp.store_exists()


def test_import_hand_written_csv_twice(wsp: Wsp, tmp_path: Path) -> None:
    src = tmp_path / "hand.csv"
    src.write_text(
        "indicator;period;value;note;tags\n"
        "1.1;2022;1;warsztat A;organizator=urząd\n"
        "1.1;2022;1;warsztat A;organizator=urząd\n"
        "\n"
        "kw;2022-Q1;8 500 000;;\n"
        "pct;2022;35%;;\n",
        encoding="utf-8",
    )
    run = wsp("import", str(src), "--dry-run")
    assert run.exit_code == 0
    assert "would be added: 4; already present: 0; rejected: 0" in run.stderr
    assert not wsp.store_exists()
    run = wsp("import", str(src))
    assert run.exit_code == 0
    assert "added 4 entries; already present: 0; rejected: 0" in run.stderr
    run = wsp("import", str(src))
    assert "added 0 entries; already present: 4; rejected: 0" in run.stderr
    with open_store(wsp.store, readonly=True) as store:
        values = [(e.indicator_id, e.period, e.value, e.tags) for e in store.entries()]
    assert values == [
        ("1.1", "2022", 1.0, (("organizator", "urząd"),)),
        ("1.1", "2022", 1.0, (("organizator", "urząd"),)),
        ("kw", "2022-Q1", 8500000.0, ()),
        ("pct", "2022", 35.0, ()),
    ]


def test_import_bad_rows_are_all_reported_and_nothing_stored(wsp: Wsp, tmp_path: Path) -> None:
    wsp.record("1.1", "1", "--year", "2021")
    src = tmp_path / "bad.csv"
    src.write_text(
        "indicator,period,value,note\n"
        "1.1,2022,1,ok\n"
        '1.1,2023,2,"two\nlines"\n'
        "1.2,2023,1,typo\n"
        "1.1,2030,1,outside\n"
        "1.1,2024,-1,negative\n"
        "kw,2024,5,wrong form\n",
        encoding="utf-8",
    )
    run = wsp("import", str(src))
    assert run.exit_code == 2
    lines = run.stderr.splitlines()
    assert f"{src}:5:1: No indicator '1.2' in the programme. [indicator]" in lines
    assert "    hint: Did you mean: 1.1?" in lines
    assert any(line.startswith(f"{src}:6:2: The period 2030") for line in lines)
    assert any(line.startswith(f"{src}:7:3: The value '-1' is negative") for line in lines)
    assert any(line.startswith(f"{src}:8:2: The period '2024' does not fit") for line in lines)
    assert "nothing imported — 4 rows rejected (2 would be added, 0 already present)" in (
        run.stderr
    )
    with open_store(wsp.store, readonly=True) as store:
        assert len(store.entries()) == 1


def test_import_refuses_bad_files(wsp: Wsp, tmp_path: Path) -> None:
    cases = {
        "header.csv": ("indicatr,period,value\n1.1,2024,1\n", "unknown columns: indicatr"),
        "utf16.csv": (None, "is neither UTF-8 nor Windows-1250"),
        "empty.csv": ("", "is empty"),
        "broken.json": ('{"entries": [', "invalid JSON"),
        "shape.json": ('{"entries": 5}', "expected an object"),
    }
    for name, (text, message) in cases.items():
        path = tmp_path / name
        if text is None:
            path.write_bytes("indicator,period,value,note\n1.1,2024,1,zażółć\n".encode("utf-16"))
        else:
            path.write_text(text, encoding="utf-8")
        run = wsp("import", str(path))
        assert run.exit_code == 2, name
        assert message in run.stderr, name
    run = wsp("import", str(tmp_path / "missing.csv"))
    assert run.exit_code == 2
    assert "No file" in run.stderr
    assert not wsp.store_exists()


def test_import_conflicting_uid_and_broken_chain(wsp: Wsp, tmp_path: Path) -> None:
    uid = wsp.record("1.1", "1", "--year", "2021")
    src = tmp_path / "conflict.csv"
    src.write_text(
        f"{HEADER}\n"
        f"{uid},1.1,2021,5,record,,,,,,,,\n"
        "c1,1.1,2021,2,correction,,,,,,,deadbeef,why\n"
        "v1,1.1,2021,,void,,,,,,,,\n",
        encoding="utf-8",
    )
    run = wsp("import", str(src))
    assert run.exit_code == 2
    assert (
        f"{src}:2:1: An entry with the id {uid} is already in the store with different content."
        in (run.stderr)
    )
    assert f"{src}:3:1: The entry deadbeef to be superseded is not in the store." in run.stderr
    assert "an entry of kind void must name the entry it supersedes" in run.stderr
    with open_store(wsp.store, readonly=True) as store:
        assert len(store.entries()) == 1


def test_import_json_written_by_hand(wsp: Wsp, tmp_path: Path) -> None:
    src = tmp_path / "e.json"
    src.write_text(
        json.dumps(
            [
                {"indicator": "yn", "period": "2021-2025", "value": "tak"},
                {"indicator": "avg", "period": "2024-02", "value": 1.5},
            ]
        ),
        encoding="utf-8",
    )
    run = wsp("import", str(src))
    assert run.exit_code == 0, run.stderr
    with open_store(wsp.store, readonly=True) as store:
        assert [e.value for e in store.entries()] == [1.0, 1.5]


def test_import_refuses_a_repeated_tag_as_record_does(wsp: Wsp, tmp_path: Path) -> None:
    file = tmp_path / "tags.csv"
    file.write_text(
        HEADER + "\n,1.1,2024,1,record,,,,organizator=NGO;organizator=urząd,,,,\n",
        encoding="utf-8",
    )
    run = wsp("import", str(file))
    assert run.exit_code == 2
    assert f"{file}:2:9: The breakdown 'organizator' is given more than once." in run.stderr
    with open_store(wsp.store, readonly=True) as store:
        assert store.entries() == []


@pytest.mark.parametrize("day", ["20240402", "2024W142", "2024-4-2", "2.4.24"])
def test_record_date_is_yyyy_mm_dd_or_polish(wsp: Wsp, day: str) -> None:
    run = wsp("record", "1.1", "1", "--date", day)
    assert run.exit_code == 2
    assert f"'{day}'" in run.stderr
    assert wsp.record("1.1", "1", "--date", "2.04.2024")


NBSP = "\u00a0"


def values(wsp: Wsp) -> list[float | None]:
    with open_store(wsp.store, readonly=True) as store:
        return [e.value for e in store.entries()]


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

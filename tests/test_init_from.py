"""`wsp init --from FILE`: a programme file drafted from a resolution's text (TXT).

Every draft here is checked to validate as written (`wsp validate`), whatever the input.
The texts are written in the layouts a PDF-to-text tool gives: cells one after another, lines
broken anywhere, a footnote marker glued to a heading, the footnote at the bottom.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import SHIPPED_PROGRAM, MakeWsp, Run

SEED = Path(__file__).resolve().parent / "data" / "seed_000_aeec8fb30a3b6d66.txt"
"""The seed as shipped (a copy of ``shared/seed/000_aeec8fb30a3b6d66.txt``, so that the tests
need no folder beside the checkout)."""
SHARED_SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_aeec8fb30a3b6d66.txt"

GMINA = """\
UCHWAŁA NR XII/123/2023
RADY GMINY PRZYKŁADOWO
z dnia 20 listopada 2023 r.
w sprawie przyjęcia Wieloletniego programu współpracy Gminy Przykładowo z organizacjami
pozarządowymi na lata 2024-2028

§ 2
1. Cel ogólny I: Wzmocnienie potencjału organizacji
pozarządowych działających w gminie
Cele szczegółowe:
1) zwiększenie liczby aktywnych organizacji
2) rozwój wolontariatu
2. Cel ogólny II: Rozwój partnerskiej współpracy
samorządu z organizacjami
Cele szczegółowe:
1) zwiększenie udziału organizacji w konsultacjach
2) zlecanie zadań publicznych organizacjom

§ 3
1. Działania1.
1) wsparcie organizacji pozarządowych
L.p. Nazwa działania Wskaźnik Wartość
docelowa
Częstotliwość
pomiaru
1 szkolenia dla liderów
organizacji pozarządowych
Liczba
przeszkolonych
osób
150 w 2027 Raz w roku
2 doradztwo prawne i
księgowe
Liczba porad co najmniej 5 Raz na kwartał
\f- 2 -
L.p. Nazwa działania Wskaźnik Wartość docelowa Częstotliwość pomiaru
3 konkursy ofert na realizację
zadań publicznych
Kwota przekazanych
dotacji
500 000 zł Raz w roku
2) konsultacje społeczne
L.p. Nazwa działania Wskaźnik Wartość docelowa Częstotliwość pomiaru
1 konsultacje projektów uchwał
Odsetek projektów
skonsultowanych
80% w 2028 Raz w roku
2 spotkania z organizacjami Liczba spotkań 2/rok Raz na pół roku
1 Opracowano na podstawie diagnozy potrzeb organizacji
z 2023 r.
"""


def draft(
    make_wsp: MakeWsp,
    tmp_path: Path,
    text: str | bytes,
    *args: str,
    name: str = "uchwala.txt",
    lang: str = "en",
) -> tuple[Run, str]:
    """Run `wsp init --from` on ``text`` and return the run and the file it wrote."""
    source = tmp_path / name
    if isinstance(text, str):
        source.write_text(text, encoding="utf-8")
    else:
        source.write_bytes(text)
    out = tmp_path / "draft.yaml"
    out.unlink(missing_ok=True)
    wsp = make_wsp(lang=lang)
    run = wsp("init", "--from", str(source), str(out), *args)
    written = out.read_text(encoding="utf-8") if out.exists() else ""
    if run.exit_code == 0:
        valid = wsp("validate", str(out))
        assert valid.exit_code == 0, valid.stderr + "\n" + written
    return run, written


def programme(text: str) -> Any:
    from wspolpraca_cli.loader import load_text

    result = load_text(text, "draft.yaml")
    assert result.ok, [d.format() for d in result.diagnostics]
    return result.program


def indicators(program: Any) -> list[tuple[str, str, str, str]]:
    return [(i.id, i.name, i.target_text, i.frequency_text) for i in program.indicators]


def checks_of(run: Run) -> list[tuple[int, str]]:
    """The checks stderr lists: (line in the new file, message)."""
    return [
        (int(m[1]), m[2]) for m in re.finditer(r"^\S*draft\.yaml:(\d+): (.*)$", run.stderr, re.M)
    ]


# the seed ------------------------------------------------------------------------------


def test_the_seed_copy_is_the_seed() -> None:
    if not SHARED_SEED.exists():
        pytest.skip("no shared/ folder beside the checkout")
    assert SEED.read_bytes() == SHARED_SEED.read_bytes()


def test_the_seed_drafts_as_the_hand_made_programme(make_wsp: MakeWsp, tmp_path: Path) -> None:
    run, written = draft(make_wsp, tmp_path, SEED.read_text(encoding="utf-8"))
    assert run.exit_code == 0, run.stderr
    got = programme(written)
    want = programme(SHIPPED_PROGRAM.read_text(encoding="utf-8"))
    assert got.title == want.title
    assert (got.first_year, got.last_year) == (want.first_year, want.last_year)
    assert got.main_goal == want.main_goal
    assert got.specific_goals == want.specific_goals
    assert [(a.id, a.name, a.goals) for a in got.areas] == [
        (a.id, a.name, a.goals) for a in want.areas
    ]
    assert [(a.id, a.lp, a.name) for a in got.actions] == [
        (a.id, a.lp, a.name) for a in want.actions
    ]
    assert (
        indicators(got) == indicators(want) == [("1.1", "Liczba warsztatów", "1/rok", "Raz w roku")]
    )
    assert [i.unit for i in got.indicators] == [i.unit for i in want.indicators]
    assert got.sources == want.sources
    # what the document lacks is marked: the issuer (and the title, made nominative)
    assert got.issuer == "(do uzupełnienia)"
    assert [message for _, message in checks_of(run)] == [
        "DO SPRAWDZENIA: title made from the document's words (in the nominative)",
        "DO SPRAWDZENIA: the document does not name the body that adopted the programme; "
        "write it in (or pass --issuer)",
    ]


def test_the_checks_listed_on_stderr_are_at_their_lines(make_wsp: MakeWsp, tmp_path: Path) -> None:
    run, written = draft(make_wsp, tmp_path, SEED.read_text(encoding="utf-8"))
    lines = written.splitlines()
    for number, message in checks_of(run):
        assert lines[number - 1].lstrip().startswith("# DO SPRAWDZENIA:"), (number, message)
        assert message.startswith(lines[number - 1].lstrip()[2:])
    assert written.count("# DO SPRAWDZENIA:") == len(checks_of(run)) == 2


def test_the_seed_with_options_leaves_nothing_to_check(make_wsp: MakeWsp, tmp_path: Path) -> None:
    title = "Wieloletni program współpracy samorządu województwa kujawsko-pomorskiego"
    run, written = draft(
        make_wsp, tmp_path, SEED.read_text(encoding="utf-8"),
        "--title", title, "--issuer", "Samorząd Województwa Kujawsko-Pomorskiego",
        "--years", "2021-2025",
    )  # fmt: skip
    assert run.exit_code == 0, run.stderr
    assert "# DO SPRAWDZENIA:" not in written
    assert "To check" not in run.stderr
    got = programme(written)
    assert got.title == title
    assert got.issuer == "Samorząd Województwa Kujawsko-Pomorskiego"


def test_status_runs_on_the_draft_at_once(make_wsp: MakeWsp, tmp_path: Path) -> None:
    run, _ = draft(make_wsp, tmp_path, SEED.read_text(encoding="utf-8"))
    assert run.exit_code == 0
    wsp = make_wsp(tmp_path / "draft.yaml")
    status = wsp("status", "--as-of", "2024-03-10", "--format", "json")
    assert status.exit_code == 0, status.stderr
    assert '"1.1"' in status.stdout


# a resolution of my own: several main goals, areas, rows, notations, a page break ---------


def test_several_areas_rows_and_notations(make_wsp: MakeWsp, tmp_path: Path) -> None:
    run, written = draft(make_wsp, tmp_path, GMINA)
    assert run.exit_code == 0, run.stderr
    got = programme(written)
    assert got.title == (
        "Wieloletni program współpracy Gminy Przykładowo z organizacjami pozarządowymi "
        "na lata 2024-2028"
    )
    assert got.issuer == "Rada Gminy Przykładowo"
    assert (got.first_year, got.last_year) == (2024, 2028)
    assert indicators(got) == [
        ("1.1", "Liczba przeszkolonych osób", "150 w 2027", "Raz w roku"),
        ("1.2", "Liczba porad", "co najmniej 5", "Raz na kwartał"),
        ("1.3", "Kwota przekazanych dotacji", "500 000 zł", "Raz w roku"),
        ("2.1", "Odsetek projektów skonsultowanych", "80% w 2028", "Raz w roku"),
        ("2.2", "Liczba spotkań", "2/rok", "Raz na pół roku"),
    ]
    assert [a.name for a in got.actions] == [
        "szkolenia dla liderów organizacji pozarządowych",
        "doradztwo prawne i księgowe",
        "konkursy ofert na realizację zadań publicznych",
        "konsultacje projektów uchwał",
        "spotkania z organizacjami",
    ]
    assert [(a.id, a.name) for a in got.areas] == [
        ("1", "wsparcie organizacji pozarządowych"),
        ("2", "konsultacje społeczne"),
    ]
    assert [i.unit.value for i in got.indicators] == ["count", "count", "amount", "percent",
                                                      "count"]  # fmt: skip
    assert got.sources == ("Opracowano na podstawie diagnozy potrzeb organizacji z 2023 r.",)
    assert [(g.id, g.name) for g in got.main_goals] == [
        ("I", "Wzmocnienie potencjału organizacji pozarządowych działających w gminie"),
        ("II", "Rozwój partnerskiej współpracy samorządu z organizacjami"),
    ]
    assert [(g.id, g.main) for g in got.specific_goals] == [
        ("I.1", "I"), ("I.2", "I"), ("II.1", "II"), ("II.2", "II")
    ]  # fmt: skip
    assert "DO SPRAWDZENIA: another main goal" not in written


def test_format_1_keeps_further_main_goals_in_comments(
    make_wsp: MakeWsp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Written in format 1 (DRAFT_FORMAT, one constant), which holds one main goal: the
    second is kept in a comment with its text, its specific goals stay in the list."""
    from wspolpraca_cli.draft import write

    monkeypatch.setattr(write, "DRAFT_FORMAT", 1)
    run, written = draft(make_wsp, tmp_path, GMINA)
    assert run.exit_code == 0, run.stderr
    assert yaml.safe_load(written)["format"] == 1
    got = programme(written)
    assert [g.id for g in got.main_goals] == ["I"]
    assert [g.id for g in got.specific_goals] == ["I.1", "I.2", "II.1", "II.2"]
    assert "another main goal (II); format 1 holds one main goal" in run.stderr
    assert "„Rozwój partnerskiej współpracy samorządu z organizacjami”" in written


def test_several_main_goals_in_format_2_are_a_tree(make_wsp: MakeWsp, tmp_path: Path) -> None:
    source = tmp_path / "gmina.txt"
    source.write_text(GMINA, encoding="utf-8")
    run = make_wsp()("init", "--from", str(source), "-")
    assert run.exit_code == 0, run.stderr
    data = yaml.safe_load(run.stdout)
    assert data["format"] == 2
    assert [(g["id"], [s["id"] for s in g["specific"]]) for g in data["goals"]["main"]] == [
        ("I", ["I.1", "I.2"]),
        ("II", ["II.1", "II.2"]),
    ]


def test_polish_messages_and_comments(make_wsp: MakeWsp, tmp_path: Path) -> None:
    run, written = draft(make_wsp, tmp_path, GMINA, lang="pl")
    assert run.exit_code == 0
    assert "Do sprawdzenia" in run.stderr
    assert "# DO SPRAWDZENIA: dokument nie podaje" not in written  # it names its issuer
    assert "# DO SPRAWDZENIA: organ odczytany z nagłówka uchwały" in written
    assert "Utworzono szkic" in run.stderr


# broken inputs ---------------------------------------------------------------------------

HEADERLESS = """\
Cel główny: Rozwój współpracy z organizacjami
§ 3. Działania
1) wsparcie finansowe
1 konkursy ofert Liczba konkursów 2/rok Raz w roku
2 małe granty Liczba umów
zawartych w trybie 19a
co najmniej 10 Raz w roku
"""


def test_a_table_without_its_header(make_wsp: MakeWsp, tmp_path: Path) -> None:
    run, written = draft(make_wsp, tmp_path, HEADERLESS)
    assert run.exit_code == 0, run.stderr
    got = programme(written)
    assert indicators(got) == [
        ("1.1", "Liczba konkursów", "2/rok", "Raz w roku"),
        ("1.2", "Liczba umów zawartych w trybie 19a", "co najmniej 10", "Raz w roku"),
    ]
    assert "a table without its header" in run.stderr
    assert re.search(r"draft\.yaml:\d+: DO SPRAWDZENIA: a table without its header", run.stderr)


NO_TARGET = """\
Cel główny: Rozwój współpracy z organizacjami
Cele szczegółowe:
a) wzmacnianie organizacji
b) rozwój wolontariatu
1. Działania
1) wzmacnianie organizacji
L.p. Nazwa działania Wskaźnik Wartość docelowa Częstotliwość pomiaru
1 szkolenia Liczba szkoleń 4/rok Raz w roku
2 spotkania z organizacjami Liczba spotkań Raz na kwartał
3 konsultacje Liczba konsultacji zgodnie z potrzebami Raz w roku
4 wizyty studyjne Liczba wizyt 2 w 2031 Raz w roku
5 nagrody Liczba nagród 3/rok raz na trzy lata
"""


def test_rows_without_a_target_or_with_one_wsp_cannot_use(
    make_wsp: MakeWsp, tmp_path: Path
) -> None:
    run, written = draft(make_wsp, tmp_path, NO_TARGET, "--years", "2024-2026")
    assert run.exit_code == 0, run.stderr
    got = programme(written)
    assert [(i.id, i.target_text) for i in got.indicators][:2] == [
        ("1.1", "4/rok"),
        ("1.2", "brak"),
    ]
    assert got.areas[0].goals == ("a",)
    # no target: monitoring only, and a check at the indicator with the row's words
    assert "an indicator without a target wsp can read" in run.stderr
    # a target for a year outside the programme: left out, its words kept
    assert "a target for 2031, outside the programme's years 2024–2026" in run.stderr
    assert "„2 w 2031”" in written
    # a frequency wsp does not read: the row keeps its words; a placeholder, marked
    lines = [ln for ln in checks_of(run) if "frequency" in ln[1]]
    assert lines, run.stderr
    assert "raz w roku" in written


def test_every_check_on_stderr_names_its_line(make_wsp: MakeWsp, tmp_path: Path) -> None:
    run, written = draft(make_wsp, tmp_path, NO_TARGET)
    lines = written.splitlines()
    found = checks_of(run)
    assert len(found) == written.count("# DO SPRAWDZENIA:") >= 4
    for number, _ in found:
        assert "# DO SPRAWDZENIA:" in lines[number - 1]


@pytest.mark.parametrize(
    "text",
    [
        "zupełnie inny dokument\nbez celów i tabel\n",
        "\x00\x01\x02garbage",
        "",
        "L.p. Nazwa działania Wskaźnik Wartość docelowa Częstotliwość pomiaru\n",
    ],
    ids=["prose", "binary", "empty", "header-only"],
)
def test_nothing_usable_is_exit_2_with_a_located_message(
    make_wsp: MakeWsp, tmp_path: Path, text: str
) -> None:
    run, written = draft(make_wsp, tmp_path, text)
    assert run.exit_code == 2, run.stderr
    assert "uchwala.txt" in run.stderr
    assert "Traceback" not in run.stderr
    assert written == ""
    if "L.p." in text:
        assert "uchwala.txt: line 1 of the document: found the header of a table" in run.stderr


def test_goals_alone_are_usable(make_wsp: MakeWsp, tmp_path: Path) -> None:
    run, written = draft(make_wsp, tmp_path, "Cel główny: Lepsza współpraca\n")
    assert run.exit_code == 0, run.stderr
    got = programme(written)
    assert got.main_goal.name == "Lepsza współpraca"
    assert not got.indicators
    assert "the document gives no years" in run.stderr


def test_a_missing_file_and_unknown_types(make_wsp: MakeWsp, tmp_path: Path) -> None:
    wsp = make_wsp()
    run = wsp("init", "--from", str(tmp_path / "nie-ma.pdf"), "-")
    assert run.exit_code == 2
    assert "There is no file" in run.stderr
    for name, data in (("u.odt", b"PK\x03\x04xxxx"), ("u.doc", b"\xd0\xcf\x11\xe0"),
                       ("u.docx", b"not a zip"), ("u.pdf", b"not a pdf")):  # fmt: skip
        (tmp_path / name).write_bytes(data)
        run = wsp("init", "--from", str(tmp_path / name), "-")
        assert run.exit_code == 2, (name, run.stderr)
        assert str(tmp_path / name) in run.stderr
        assert run.stdout == ""


def test_a_folder_is_refused(make_wsp: MakeWsp, tmp_path: Path) -> None:
    run = make_wsp()("init", "--from", str(tmp_path), "-")
    assert run.exit_code == 2
    assert "is a folder" in run.stderr


# the output --------------------------------------------------------------------------------


def test_dash_writes_to_standard_output(make_wsp: MakeWsp, tmp_path: Path) -> None:
    source = tmp_path / "u.txt"
    source.write_text(GMINA, encoding="utf-8")
    run = make_wsp()("init", "--from", str(source), "-")
    assert run.exit_code == 0
    programme(run.stdout)
    assert run.stdout.startswith("# Programme file of wsp (format 2)")
    assert re.search(r"^-:\d+: DO SPRAWDZENIA", run.stderr, re.M)


def test_an_existing_file_is_kept_without_force(make_wsp: MakeWsp, tmp_path: Path) -> None:
    source = tmp_path / "u.txt"
    source.write_text(GMINA, encoding="utf-8")
    out = tmp_path / "gmina.yaml"
    out.write_text("mine", encoding="utf-8")
    wsp = make_wsp()
    run = wsp("init", "--from", str(source), str(out))
    assert run.exit_code == 2
    assert "already exists" in run.stderr
    assert out.read_text(encoding="utf-8") == "mine"
    run = wsp("init", "--from", str(source), str(out), "--force")
    assert run.exit_code == 0
    programme(out.read_text(encoding="utf-8"))


def test_a_missing_output_folder_is_exit_3(make_wsp: MakeWsp, tmp_path: Path) -> None:
    source = tmp_path / "u.txt"
    source.write_text(GMINA, encoding="utf-8")
    run = make_wsp()("init", "--from", str(source), str(tmp_path / "nie" / "p.yaml"))
    assert run.exit_code == 3
    assert "does not exist" in run.stderr


@pytest.mark.parametrize("years", ["2025-2021", "dwa tysiące", "2021-"])
def test_bad_years_are_a_usage_error(make_wsp: MakeWsp, tmp_path: Path, years: str) -> None:
    source = tmp_path / "u.txt"
    source.write_text(GMINA, encoding="utf-8")
    run = make_wsp()("init", "--from", str(source), "-", "--years", years)
    assert run.exit_code == 2
    assert "Cannot read the years" in run.stderr
    assert run.stdout == ""


def test_the_draft_options_need_from(make_wsp: MakeWsp, tmp_path: Path) -> None:
    run = make_wsp()("init", str(tmp_path / "p.yaml"), "--title", "X")
    assert run.exit_code == 2
    assert "--title works only with --from" in run.stderr
    assert not (tmp_path / "p.yaml").exists()


def test_a_terminal_is_asked_for_what_the_text_lacks(
    make_wsp: MakeWsp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wspolpraca_cli.cli import init_from

    monkeypatch.setattr(init_from, "_interactive", lambda: True)
    source = tmp_path / "u.txt"
    source.write_text("Cel główny: Lepsza współpraca\n", encoding="utf-8")
    out = tmp_path / "p.yaml"
    run = make_wsp()("init", "--from", str(source), str(out), input="Program X\n\nzłe lata\n2026\n")
    assert run.exit_code == 0, run.stderr
    got = programme(out.read_text(encoding="utf-8"))
    assert got.title == "Program X"
    assert (got.first_year, got.last_year) == (2026, 2026)
    assert got.issuer == "(do uzupełnienia)"  # Enter: left to fill in, marked
    assert "Cannot read the years 'złe lata'" in run.stderr


def test_no_terminal_no_questions(make_wsp: MakeWsp, tmp_path: Path) -> None:
    run, written = draft(make_wsp, tmp_path, "Cel główny: Lepsza współpraca\n")
    assert run.exit_code == 0
    assert "Enter:" not in run.stderr  # no question was asked
    assert programme(written).title == "(do uzupełnienia)"
    assert "the document gives no title; write it in (or pass --title)" in run.stderr


def test_pdf_and_docx_libraries_are_dependencies_imported_only_to_read_them() -> None:
    import subprocess
    import sys
    import tomllib

    from tests.conftest import REPO

    with (REPO / "pyproject.toml").open("rb") as fh:
        deps = tomllib.load(fh)["project"]["dependencies"]
    names = {re.split(r"[<>=!~\[; ]", d, maxsplit=1)[0].lower() for d in deps}
    assert {"pypdf", "python-docx"} <= names
    code = (
        "import sys, pathlib, tempfile\n"
        "from wspolpraca_cli.draft import read_draft, render_draft, Meta\n"
        "p = pathlib.Path(tempfile.mkdtemp()) / 'u.txt'\n"
        "p.write_text('Cel główny: X\\n', encoding='utf-8')\n"
        "render_draft(read_draft(p), Meta(), 2026)\n"
        "print(sorted(m for m in ('pypdf', 'docx', 'lxml', 'typer') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


SEVERAL_INDICATORS = """\
Cel główny: Współpraca
1. Działania
1) obszar pierwszy
L.p. Nazwa działania Wskaźnik Wartość docelowa Częstotliwość pomiaru
1 szkolenia dla organizacji Liczba szkoleń 4/rok Raz w roku Liczba uczestników
szkoleń 100 Raz w roku
2 organizacja raz w roku forum organizacji pozarządowych Liczba uczestników forum 200 w 2025
Raz w roku
3 Forum Inicjatyw Pozarządowych
Frekwencja na forum
50% Raz w roku
"""


def test_a_row_with_several_indicators_and_names_that_look_like_cells(
    make_wsp: MakeWsp, tmp_path: Path
) -> None:
    run, written = draft(make_wsp, tmp_path, SEVERAL_INDICATORS, "--years", "2024-2026")
    assert run.exit_code == 0, run.stderr
    got = programme(written)
    assert indicators(got) == [
        ("1.1.1", "Liczba szkoleń", "4/rok", "Raz w roku"),
        ("1.1.2", "Liczba uczestników szkoleń", "100", "Raz w roku"),
        ("1.2", "Liczba uczestników forum", "200 w 2025", "Raz w roku"),
        ("1.3", "Frekwencja na forum", "50%", "Raz w roku"),
    ]
    assert [a.name for a in got.actions] == [
        "szkolenia dla organizacji",
        "organizacja raz w roku forum organizacji pozarządowych",
        "Forum Inicjatyw Pozarządowych",
    ]


COLUMNS = """\
                     Roczny program współpracy Gminy Wzorowo na rok 2026

§ 2. Cel główny: Lepsza współpraca gminy
z organizacjami

§ 3. Działania
1) wspieranie organizacji
 L.p.   Nazwa działania                 Wskaźnik              Wartość       Częstotliwość    Realizator
                                                              docelowa      pomiaru
 1      warsztaty i szkolenia dla       Liczba                150 w         Raz na kwartał   Wydział
        organizacji zwiększające        przeszkolonych        2026                           Spraw
        aktywność NGO                   osób                                                 Społecznych
 2.     doradztwo                       Liczba porad          co najmniej   Raz w roku
                                                              5
\f                                                                                         - 2 -
 L.p.   Nazwa działania                 Wskaźnik              Wartość       Częstotliwość    Realizator
 3      spotkania                       Liczba spotkań        2/rok         raz na pół roku
2) konsultacje
 L.p.   Nazwa działania                 Wskaźnik              Wartość docelowa  Częstotliwość pomiaru
 1      konsultacje uchwał              Odsetek projektów     80%               Raz w roku
"""  # noqa: E501


def test_a_table_laid_out_in_columns(make_wsp: MakeWsp, tmp_path: Path) -> None:
    """`pdftotext -layout` keeps a table's columns side by side: cells are read by the
    column they stand under."""
    run, written = draft(make_wsp, tmp_path, COLUMNS)
    assert run.exit_code == 0, run.stderr
    got = programme(written)
    assert got.title == "Roczny program współpracy Gminy Wzorowo na rok 2026"
    assert (got.first_year, got.last_year) == (2026, 2026)
    assert got.main_goal.name == "Lepsza współpraca gminy z organizacjami"
    assert indicators(got) == [
        ("1.1", "Liczba przeszkolonych osób", "150 w 2026", "Raz na kwartał"),
        ("1.2", "Liczba porad", "co najmniej 5", "Raz w roku"),
        ("1.3", "Liczba spotkań", "2/rok", "raz na pół roku"),
        ("2.1", "Odsetek projektów", "80%", "Raz w roku"),
    ]
    assert [a.name for a in got.actions] == [
        "warsztaty i szkolenia dla organizacji zwiększające aktywność NGO",
        "doradztwo",
        "spotkania",
        "konsultacje uchwał",
    ]
    # a column the programme file has no key for: kept, with its heading
    assert "the column “Realizator”" in run.stderr
    assert "„Wydział Spraw Społecznych”" in written
    assert "title read from the document's text" in run.stderr


@pytest.mark.slow
def test_end_to_end_the_seed_then_status(tmp_path: Path) -> None:
    """The installed `wsp`: draft the seed, validate it, run status on it at once."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("WSP_")}
    env.update(WSP_LANG="pl", NO_COLOR="1")
    wsp = [sys.executable, "-m", "wspolpraca_cli"]
    out = tmp_path / "program.yaml"
    done = subprocess.run(
        [*wsp, "init", "--from", str(SEED), str(out)],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "program.yaml:13: DO SPRAWDZENIA: dokument nie podaje organu" in done.stderr
    assert "Traceback" not in done.stderr
    for args in (
        ["validate", str(out)],
        ["--program", str(out), "status", "--as-of", "2024-03-10"],
    ):
        step = subprocess.run(
            [*wsp, *args], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120
        )
        assert step.returncode == 0, step.stderr
    assert "Liczba warsztatów" in step.stdout


def test_paths_reach_the_terminal_escaped(make_wsp: MakeWsp, tmp_path: Path) -> None:
    source = tmp_path / "u\x1b[31m.txt"
    source.write_text(GMINA, encoding="utf-8")
    out = tmp_path / "p\x1b[2J.yaml"
    run = make_wsp()("init", "--from", str(source), str(out))
    assert run.exit_code == 0, run.stderr
    assert "\x1b" not in run.stderr
    assert "p\\x1b[2J.yaml" in run.stderr
    assert "u\\x1b[31m.txt" in run.stderr


def test_a_file_name_with_a_line_break_stays_in_its_comment(
    make_wsp: MakeWsp, tmp_path: Path
) -> None:
    source = tmp_path / "u\nformat: 9\n.txt"
    source.write_text(GMINA, encoding="utf-8")
    run = make_wsp()("init", "--from", str(source), "-")
    assert run.exit_code == 0, run.stderr
    assert programme(run.stdout).title.startswith("Wieloletni program")
    assert "\nformat: 9" not in run.stdout


BASELINES = """\
Cel główny: Współpraca
1. Działania
1) obszar
L.p. Nazwa działania Wskaźnik Wartość bazowa Wartość docelowa Częstotliwość pomiaru
1 szkolenia Liczba osób 100 150 w 2027 Raz w roku
2 konsultacje Odsetek projektów 40% wzrost o 10% Raz w roku
3 granty Liczba grantów - 5/rok Raz w roku
"""


def test_a_baseline_column(make_wsp: MakeWsp, tmp_path: Path) -> None:
    """Beside a baseline, two numbers in a row are a baseline and a target (not 100 150)."""
    run, written = draft(make_wsp, tmp_path, BASELINES, "--years", "2024-2028")
    assert run.exit_code == 0, run.stderr
    got = programme(written)
    assert indicators(got) == [
        ("1.1", "Liczba osób", "150 w 2027", "Raz w roku"),
        ("1.2", "Odsetek projektów", "wzrost o 10%", "Raz w roku"),
        ("1.3", "Liczba grantów", "5/rok", "Raz w roku"),
    ]
    assert [i.baseline.value if i.baseline else None for i in got.indicators] == [100, 40, None]


QUARTERLY_TARGET = """\
Cel główny: Współpraca
1. Działania
1) obszar
L.p. Nazwa działania Wskaźnik Wartość docelowa Częstotliwość pomiaru
1 spotkania Liczba spotkań 2/kwartał Raz w roku
"""


def test_a_target_the_rules_refuse_is_moved_into_a_comment(
    make_wsp: MakeWsp, tmp_path: Path
) -> None:
    """`2/kwartał` measured once a year: wsp reads it, its rules refuse it — the draft keeps
    it in a comment with the rule's message, and validates."""
    run, written = draft(make_wsp, tmp_path, QUARTERLY_TARGET, "--years", "2025-2026")
    assert run.exit_code == 0, run.stderr
    assert indicators(programme(written)) == [("1.1", "Liczba spotkań", "brak", "Raz w roku")]
    assert "target refused:" in run.stderr
    assert "„2/kwartał”" in written


def test_what_the_loader_still_refuses_is_listed(monkeypatch: pytest.MonkeyPatch) -> None:
    import wspolpraca_cli.draft as drafting
    from wspolpraca_cli.draft.model import Source
    from wspolpraca_cli.draft.parse import parse
    from wspolpraca_cli.draft.read import lines_of

    monkeypatch.setattr(drafting, "_refuse", lambda draft, diagnostics: False)
    found = parse(Source("u.txt", tuple(lines_of(QUARTERLY_TARGET))))
    rendered = drafting.render_draft(found, drafting.Meta(years=(2025, 2026)), 2026)
    line = rendered.text.splitlines().index("            target: 2/kwartał") + 1
    assert any(n == line for n, _ in rendered.checks), rendered.checks


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1250"], ids=lambda e: e)
def test_text_in_the_encodings_offices_save(
    make_wsp: MakeWsp, tmp_path: Path, encoding: str
) -> None:
    run, written = draft(make_wsp, tmp_path, GMINA.encode(encoding))
    assert run.exit_code == 0, run.stderr
    assert indicators(programme(written))[0] == (
        "1.1", "Liczba przeszkolonych osób", "150 w 2027", "Raz w roku"
    )  # fmt: skip


def test_rtf_is_an_unknown_type(make_wsp: MakeWsp, tmp_path: Path) -> None:
    run, _ = draft(make_wsp, tmp_path, b"{\\rtf1\\ansi Cel g\\'b3\\'f3wny}", name="u.txt")
    assert run.exit_code == 2
    assert "(type RTF)" in run.stderr
    assert "save the document as DOCX or PDF" in run.stderr


LOWER_CASE = """\
Program współpracy Gminy Iksowo z organizacjami pozarządowymi na rok 2026
Cel główny programu: budowanie partnerstwa
Obszar I. Współpraca finansowa
Lp. Nazwa działania Wskaźnik Wartość docelowa Częstotliwość pomiaru
1. otwarte konkursy ofert liczba konkursów 3 Corocznie
2. małe granty Liczba umów
nie mniej niż 8 Raz w roku
Obszar II. Współpraca pozafinansowa
Lp. Nazwa działania Wskaźnik Wartość docelowa Częstotliwość pomiaru
1. konsultacje Odsetek aktów 100% jednorazowo
"""


def test_rows_numbered_with_dots_roman_areas_and_a_row_in_lower_case(
    make_wsp: MakeWsp, tmp_path: Path
) -> None:
    run, written = draft(make_wsp, tmp_path, LOWER_CASE)
    assert run.exit_code == 0, run.stderr
    got = programme(written)
    assert indicators(got) == [
        ("I.1", "liczba konkursów", "3", "Corocznie"),
        ("I.2", "Liczba umów", "nie mniej niż 8", "Raz w roku"),
        ("II.1", "Odsetek aktów", "100%", "jednorazowo"),
    ]
    assert got.actions[0].name == "otwarte konkursy ofert"
    assert "the indicator told from the action's name from the word “liczba”" in run.stderr

"""Properties of drafting: however a PDF-to-text tool breaks the seed's table cells into
lines, the draft finds the same action and indicator, and the file validates."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_init_from import SEED, indicators, programme

NAME = (
    "warsztaty i szkolenia dla organizacji zwiększające aktywność NGO w procesie tworzenia "
    "prawa miejscowego o charakterze wojewódzkim (organizowane przez urząd, organizacje "
    "pozarządowe, współorganizowane)"
)
HEADER = "L.p. Nazwa działania Wskaźnik Wartość docelowa Częstotliwość pomiaru"


def _broken(words: list[str], breaks: list[bool]) -> list[str]:
    """``words`` as lines, a new line before each word whose break is set."""
    lines: list[str] = []
    for word, new_line in zip(words, breaks, strict=False):
        if new_line or not lines:
            lines.append(word)
        else:
            lines[-1] += " " + word
    return lines


def _cell(words: str) -> st.SearchStrategy[list[str]]:
    split = words.split()
    return st.lists(st.booleans(), min_size=len(split), max_size=len(split)).map(
        lambda breaks: _broken(split, breaks)
    )


@st.composite
def seed_tables(draw: st.DrawFn) -> str:
    """The seed with its table's header and cells broken into lines at random, blank lines
    between them or not, the L.p. alone on its line or not, the target and the frequency on
    one line or several."""
    header = draw(_cell(HEADER))
    name = draw(_cell(NAME))
    indicator = draw(_cell("Liczba warsztatów"))
    tail = draw(_cell("1/rok Raz w roku"))
    lp_alone = draw(st.booleans())
    first = ["1", *name] if lp_alone else [f"1 {name[0]}", *name[1:]]
    lines = [*header, *first, *indicator, *tail]
    gap = draw(st.sampled_from(["\n", " \n\n", "\n \n"]))
    table = gap.join(lines) + gap
    text = SEED.read_text(encoding="utf-8")
    start = text.index("L.p.")
    end = text.index("2 Materiał")
    return text[:start] + table + "\n" + text[end:]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed_tables())
def test_line_breaks_in_the_seeds_table_change_nothing(text: str) -> None:
    from wspolpraca_cli.draft import Meta, render_draft
    from wspolpraca_cli.draft.model import Source
    from wspolpraca_cli.draft.parse import parse
    from wspolpraca_cli.draft.read import lines_of

    found = parse(Source("seed.txt", tuple(lines_of(text))))
    program = programme(render_draft(found, Meta(), 2026).text)
    assert indicators(program) == [("1.1", "Liczba warsztatów", "1/rok", "Raz w roku")]
    assert [a.name for a in program.actions] == [NAME]
    assert len(program.sources) == 1


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=400))
def test_any_text_drafts_a_valid_file_or_nothing(text: str) -> None:
    from wspolpraca_cli.draft import Meta, render_draft
    from wspolpraca_cli.draft.model import Source
    from wspolpraca_cli.draft.parse import parse
    from wspolpraca_cli.draft.read import lines_of

    found = parse(Source("x.txt", tuple(lines_of(text))))
    if found.usable:
        programme(render_draft(found, Meta(), 2026).text)


ROW_WORDS = st.sampled_from(
    ["Liczba", "szkoleń", "1", "2/rok", "co", "najmniej", "5", "Raz", "w", "roku", "na",
     "kwartał", "150", "2027", "(a)", "NGO", "Odsetek", "%", "tak", "-", "1)", "a)", "§",
     "L.p.", "Cel", "główny:", "cele", "szczegółowe:", "zł", ":", "#", "\"", "'"]
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(ROW_WORDS, max_size=8).map(" ".join), max_size=30))
def test_table_like_text_drafts_a_valid_file_or_nothing(lines: list[str]) -> None:
    from wspolpraca_cli.draft import Meta, render_draft
    from wspolpraca_cli.draft.model import Source
    from wspolpraca_cli.draft.parse import parse
    from wspolpraca_cli.draft.read import lines_of

    text = "Cel główny: X\n1. Działania\n1) obszar\n" + HEADER + "\n" + "\n".join(lines)
    found = parse(Source("x.txt", tuple(lines_of(text))))
    programme(render_draft(found, Meta(), 2026).text)

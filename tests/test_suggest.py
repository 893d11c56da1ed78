"""The one did-you-mean (``wspolpraca_cli.suggest.close_matches``)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wspolpraca_cli.periods import FREQUENCY_WORDS, closest_frequency_word
from wspolpraca_cli.suggest import close_matches

words = st.text(alphabet="abcł.1 ", min_size=1, max_size=8)


def test_the_closest_first_then_the_prefixes() -> None:
    assert close_matches("1.2", ["1", "1.1", "2", "a"]) == ["1.1", "1"]


def test_a_prefix_is_suggested_when_nothing_is_close() -> None:
    assert close_matches("ind", ["indicator", "period", "value"]) == ["indicator"]
    assert close_matches("periodical", ["period", "value"]) == ["period"]


def test_nothing_alike_suggests_nothing() -> None:
    assert close_matches("colour", ["indicator", "period", "source"]) == []
    assert close_matches("x", []) == []


def test_an_empty_word_suggests_nothing() -> None:
    assert close_matches("", ["a", "b"]) == []


def test_at_most_n() -> None:
    assert close_matches("ab", ["abc", "abd", "abe", "ab1"], n=2) == ["abe", "abd"]
    assert close_matches("ab", ["abc"], n=0) == []


def test_duplicates_are_suggested_once() -> None:
    assert close_matches("1.2", ["1.1", "1.1", "1"]) == ["1.1", "1"]


def test_key_compares_normalised_and_returns_the_known_word() -> None:
    assert close_matches("A", ["a", "b"]) == []
    assert close_matches("A", ["a", "b"], key=str.casefold) == ["a"]
    assert close_matches("X", ["x", "X"], key=str.casefold) == ["x"]


def test_frequency_words_ignore_case_and_diacritics() -> None:
    assert closest_frequency_word("Raz W Roku.") == "raz w roku"
    assert closest_frequency_word("polrocznei") == "półrocznie"
    assert closest_frequency_word("co trzy tygodnie") is None


@given(st.lists(words, max_size=8), st.data(), st.integers(min_value=1, max_value=4))
def test_a_known_word_is_always_suggested_first(
    known: list[str], data: st.DataObject, n: int
) -> None:
    wanted = data.draw(st.sampled_from(known)) if known else "a"
    found = close_matches(wanted, known, n=n)
    assert not known or found[0] == wanted


@given(words, st.lists(words, max_size=8), st.integers(min_value=0, max_value=4))
def test_suggestions_come_from_known_once_each_and_at_most_n(
    wanted: str, known: list[str], n: int
) -> None:
    found = close_matches(wanted, known, n=n)
    assert set(found) <= set(known)
    assert len(found) == len(set(found)) <= n


def test_every_frequency_word_suggests_itself() -> None:
    assert all(closest_frequency_word(w) == w for w in FREQUENCY_WORDS)

"""Limits applied before the work they bound: a file's size before it is read (at most the
limit and one byte of it), its number of YAML nodes before they are composed, each with its
own message — a long list is not an alias bomb."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from tests.conftest import TEST_PROGRAM, Wsp
from wspolpraca_cli.loader import load_text

compose_module = importlib.import_module("wspolpraca_cli.loader.compose")

TOO_MANY = (
    "the document has more than {limit} values (keys, list items and texts); "
    "no programme holds that many"
)


def test_a_long_list_is_too_many_values_not_an_alias_bomb(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compose_module, "MAX_NODES", 1000)
    text = "items:\n" + "- 1\n" * 2000
    result = load_text(text, "p.yaml")
    assert result.program is None
    [diag] = result.diagnostics
    # the root mapping, its key, the list: the 1001st node is the list's 998th item
    assert (diag.file, diag.line, diag.column) == ("p.yaml", 999, 3)
    assert diag.message == TOO_MANY.format(limit=1000)
    assert diag.hint == (
        "check that this is the right file; a programme file holds at most 1000 values"
    )
    assert "alias" not in diag.message


def test_an_alias_bomb_is_still_named_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compose_module, "MAX_NODES", 1000)
    text = "a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    text += "c: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
    [diag] = load_text(text, "p.yaml").diagnostics
    assert diag.message == "the document expands to more than 1000 values (alias bomb?)"


@pytest.mark.parametrize("extra", [0, 1])
def test_the_node_count_is_exact_at_the_limit(monkeypatch: pytest.MonkeyPatch, extra: int) -> None:
    text = "items:\n" + "- 1\n" * 997  # 1 mapping + 1 key + 1 list + 997 items = 1000 nodes
    text += "- 1\n" * extra
    monkeypatch.setattr(compose_module, "MAX_NODES", 1000)
    messages = [d.message for d in load_text(text, "p.yaml").diagnostics]
    too_many = TOO_MANY.format(limit=1000)
    assert (too_many in messages) == bool(extra)


def test_a_normal_programme_is_far_below_the_bound() -> None:
    """The cheap bound keeps an ordinary file from being parsed twice."""
    assert compose_module._node_bound(TEST_PROGRAM) < compose_module.MAX_NODES


def test_a_syntax_error_in_a_big_file_is_reported_as_such(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(compose_module, "MAX_NODES", 1000)
    text = "items: [1, 2\n" + "# " + "-" * 5000 + "\n"
    [diag] = load_text(text, "p.yaml").diagnostics
    assert diag.message.startswith("YAML syntax error")


@pytest.mark.slow
def test_two_million_list_items(wsp: Wsp, tmp_path: Path) -> None:
    path = tmp_path / "long.yaml"
    path.write_text("items:\n" + "- 1\n" * 2_000_000, encoding="utf-8")
    run = wsp("validate", str(path))
    assert run.exit_code == 2
    assert f"{path}:999999:3: " + TOO_MANY.format(limit=1000000) in run.stderr
    polish = wsp("validate", str(path), lang="pl")
    assert "dokument ma więcej niż 1000000 wartości" in polish.stderr


def test_a_huge_file_is_refused_unread(wsp: Wsp, tmp_path: Path) -> None:
    """A 3 GB (sparse) file: refused from its size, by validate and by every command that
    loads the programme (the programme cache read it whole first)."""
    path = tmp_path / "huge.yaml"
    with path.open("wb") as fh:
        fh.truncate(3 * 1024**3)
    message = f"{path}:1:1: file is too large ({3 * 1024**3} bytes); the limit is 32 MiB"
    for args in (["validate", str(path)], ["status"]):
        run = wsp.using(path)(*args)
        assert run.exit_code == 2, args
        assert run.stderr.splitlines()[0] == message
    polish = wsp.using(path)("status", lang="pl")
    assert "plik jest za duży" in polish.stderr

"""One output layer: every document's formats in one registry, the same --format/-o/--force
on every command that lists or writes, the format from -o's extension, one period item in
every JSON document."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

import pytest

from tests.conftest import Wsp
from wspolpraca_cli.cli.formats import FORMATS, SHOW_FORMATS, TreeFormat, format_of, load


def test_every_format_of_every_document_has_a_renderer() -> None:
    for kind, table in FORMATS.items():
        assert set(table) == {f.value for f in kind}, kind
        for fmt in table.values():
            assert callable(load(fmt.renderer))
            if fmt.terminal:
                assert callable(load(fmt.terminal))
    assert set(SHOW_FORMATS) == {f.value for f in TreeFormat}


def test_formats_of_different_documents_never_mix() -> None:
    """``CheckFormat.json == ExportFormat.json`` as strings: the registry is keyed by the
    document, so each gets its own renderer."""
    kinds = [kind for kind in FORMATS if "json" in FORMATS[kind]]
    members: list[StrEnum] = [kind("json") for kind in kinds]
    assert len({format_of(m).renderer for m in members}) == len(kinds) >= 4


LISTING = [
    (["status", "--as-of", "2024-06-01"], "status"),
    (["check", "--as-of", "2024-06-01"], "check"),
    (["history"], "history"),
    (["list"], "list"),
    (["show", "1.1"], "show"),
    (["export"], "export"),
]


@pytest.mark.parametrize(("args", "name"), LISTING)
def test_o_writes_what_stdout_shows(wsp: Wsp, tmp_path: Path, args: list[str], name: str) -> None:
    wsp.record("1.1", "2", "--year", "2024")
    shown = wsp(*args, "--format", "json")
    target = tmp_path / f"{name}.json"
    written = wsp(*args, "-o", str(target))  # the extension chooses json
    assert written.exit_code == shown.exit_code, written.stderr
    assert written.stdout == ""
    assert target.read_text(encoding="utf-8") == shown.stdout
    json.loads(shown.stdout)
    again = wsp(*args, "-o", str(target))
    assert again.exit_code == 2
    assert again.stderr.splitlines() == [
        f"wsp: error: The file {target} already exists.",
        "  hint: add --force to overwrite it, or choose another name",
    ]
    assert wsp(*args, "-o", str(target), "--force").exit_code == shown.exit_code


@pytest.mark.parametrize(("args", "name"), LISTING)
def test_an_unknown_extension_is_refused(
    wsp: Wsp, tmp_path: Path, args: list[str], name: str
) -> None:
    target = tmp_path / f"{name}.pdf"
    run = wsp(*args, "-o", str(target))
    assert run.exit_code == 2
    assert run.stderr.startswith(f"wsp: error: Cannot tell the format of {target} from its")
    assert "Traceback" not in run.stderr
    assert not target.exists()


def test_written_file_is_named_on_stderr(wsp: Wsp, tmp_path: Path) -> None:
    target = tmp_path / "status.md"
    run = wsp("status", "-o", str(target))
    assert run.exit_code == 0
    assert run.stderr == f"Wrote {target}.\n"
    assert target.read_text(encoding="utf-8").startswith("Programme: Program testowy")


def test_one_period_item_in_status_check_and_show(wsp: Wsp) -> None:
    wsp.record("1.1", "2", "--year", "2024")
    as_of = ["--as-of", "2025-06-01"]
    status = json.loads(wsp("status", "--year", "2024", *as_of, "--format", "json").stdout)
    check = json.loads(wsp("check", "--year", "2024", *as_of, "--format", "json").stdout)
    show = json.loads(wsp("show", "1.1", *as_of, "--format", "json").stdout)

    def one(items: list[dict[str, object]]) -> dict[str, object]:
        (found,) = [i for i in items if i["id"] == "1.1" and i["period"] == "2024"]
        return found

    assert one(status["indicators"]) == one(check["indicators"]) == one(show["history"])
    assert one(status["indicators"])["shortfall"] is False

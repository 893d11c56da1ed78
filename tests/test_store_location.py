"""The default store belongs to the programme *file*: derived from its real path, so the
bundled programme reached as ``./data/program.yaml`` (a source checkout) or as the fallback
shares one store, and a programme reached through a link has the store of its real file.
When the store in use is new or missing and one of the same file exists where wsp used to
look, wsp says where."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import TEST_PROGRAM, Run
from wspolpraca_cli import locate
from wspolpraca_cli.locate import ProgramLocation, resolve_store, user_data_dir

# every test runs against each store backend (tests/conftest.py)
pytestmark = [
    pytest.mark.usefixtures("backend"),
    pytest.mark.sqlite_only(reason="where a store file is looked for"),
]


@pytest.fixture
def checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A source checkout whose ``data/program.yaml`` is the bundled programme (an editable
    install); returns the checkout's folder."""
    root = tmp_path / "checkout"
    (root / "data").mkdir(parents=True)
    (root / "data" / "program.yaml").write_text(TEST_PROGRAM, encoding="utf-8")
    monkeypatch.setattr(locate, "bundled_program", lambda: root / "data" / "program.yaml")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    return root


def wsp(*args: str) -> Run:
    from wspolpraca_cli.cli.app import app

    result = CliRunner().invoke(app, ["--lang", "en", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Run(result.exit_code, result.stdout, result.stderr)


def test_the_bundled_programme_has_one_store_however_it_is_found(checkout: Path) -> None:
    bundled = checkout / "data" / "program.yaml"
    expected = user_data_dir() / "program.wsp.db"
    for how in ("bundled", "cwd", "option", "env"):
        assert resolve_store(None, ProgramLocation(bundled, how)) == expected, how


def test_a_linked_programme_has_the_store_of_its_real_file(tmp_path: Path) -> None:
    real = tmp_path / "real" / "prog.yaml"
    real.parent.mkdir()
    real.write_text(TEST_PROGRAM, encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    assert resolve_store(None, ProgramLocation(link, "option")) == tmp_path / "real" / "prog.wsp.db"
    plain = ProgramLocation(Path("prog.yaml"), "option")  # shown as typed without a link
    assert resolve_store(None, plain) == Path("prog.wsp.db")


def test_cd_elsewhere_still_finds_the_entries(
    checkout: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(checkout)  # finds ./data/program.yaml
    recorded = wsp("record", "1.1", "1", "--year", "2024")
    assert recorded.exit_code == 0, recorded.stderr
    assert "A store of the same programme file" not in recorded.stderr
    elsewhere = tmp_path / "home"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # the bundled programme: the same file
    shown = wsp("history", "--format", "json")
    assert shown.exit_code == 0, shown.stderr
    assert recorded.stdout.strip() in shown.stdout
    assert not (checkout / "data" / "program.wsp.db").exists()


def test_the_store_where_wsp_used_to_look_is_named(
    checkout: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(checkout)
    earlier = checkout / "data" / "program.wsp.db"  # where ./data/program.yaml's store was
    wsp("--store", str(earlier), "record", "1.1", "1", "--year", "2024")
    assert earlier.is_file()
    store = user_data_dir() / "program.wsp.db"
    status = wsp("status")
    assert status.exit_code == 0
    missing = (
        f"The measurement store {store} does not exist yet, but a store of the same programme "
        f"file is at {earlier} (where earlier versions of wsp looked); to use it, move it to "
        f"{store} or give --store {earlier}."
    )
    assert missing in status.stderr.splitlines()
    recorded = wsp("record", "1.1", "2", "--year", "2024")
    assert recorded.exit_code == 0, recorded.stderr
    created = (
        f"Created a new measurement store {store}. A store of the same programme file is also "
        f"at {earlier} (where earlier versions of wsp looked); to use it, move it to {store} or "
        f"give --store {earlier}."
    )
    assert created in recorded.stderr.splitlines()
    again = wsp("record", "1.1", "3", "--year", "2024")
    assert "earlier versions" not in again.stderr  # said once, when the store was new
    polish = wsp("--lang", "pl", "--store", str(tmp_path / "x.wsp.db"), "status")
    assert "wcześniejsze wersje" not in polish.stderr  # a store named by --store: no note


def test_the_store_beside_a_link_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = tmp_path / "real" / "prog.yaml"
    real.parent.mkdir()
    real.write_text(TEST_PROGRAM, encoding="utf-8")
    link = tmp_path / "prog.yaml"
    link.symlink_to(real)
    beside_link = tmp_path / "prog.wsp.db"
    wsp("--store", str(beside_link), "record", "1.1", "1", "--year", "2024")
    run = wsp("--lang", "pl", "-p", str(link), "record", "1.1", "1", "--year", "2023")
    assert run.exit_code == 0, run.stderr
    assert (tmp_path / "real" / "prog.wsp.db").is_file()
    assert (
        f"Utworzono nowy magazyn pomiarów {tmp_path / 'real' / 'prog.wsp.db'}. Magazyn tego "
        f"samego pliku programu jest też w {beside_link}"
    ) in run.stderr

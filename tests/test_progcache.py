"""The programme cache: a hit skips validation, any change of the file is seen at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import SHIPPED_PROGRAM
from wspolpraca_cli.cli.app import app
from wspolpraca_cli.errors import ProgramInvalid
from wspolpraca_cli.loader import load_program
from wspolpraca_cli.model import Program
from wspolpraca_cli.progcache import cache_dir, load_cached

runner = CliRunner()


def counting_loader(calls: list[Path]) -> Callable[[Path], Program]:
    def load(path: Path) -> Program:
        calls.append(path)
        return load_program(path)

    return load


def test_second_load_is_a_cache_hit(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_bytes(SHIPPED_PROGRAM.read_bytes())
    calls: list[Path] = []
    first = load_cached(path, counting_loader(calls))
    second = load_cached(path, counting_loader(calls))
    assert first == second
    assert calls == [path]
    assert len(list(cache_dir().glob("*.pickle"))) == 1


def test_a_relative_and_an_absolute_path_share_one_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "p.yaml"
    path.write_bytes(SHIPPED_PROGRAM.read_bytes())
    monkeypatch.chdir(tmp_path)
    calls: list[Path] = []
    load_cached(Path("p.yaml"), counting_loader(calls))
    load_cached(path, counting_loader(calls))
    load_cached(Path(".") / ".." / tmp_path.name / "p.yaml", counting_loader(calls))
    assert calls == [Path("p.yaml")]
    assert len(list(cache_dir().glob("*.pickle"))) == 1


def test_changed_file_is_reloaded(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_bytes(SHIPPED_PROGRAM.read_bytes())
    calls: list[Path] = []
    load_cached(path, counting_loader(calls))
    path.write_text(
        SHIPPED_PROGRAM.read_text(encoding="utf-8").replace("1/rok", "2/rok"), encoding="utf-8"
    )
    program = load_cached(path, counting_loader(calls))
    assert len(calls) == 2
    indicator = program.indicator("1.1")
    assert indicator is not None and indicator.target.value == 2


def test_invalid_file_is_never_cached(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("format: 1\nprogram: {}\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ProgramInvalid):
            load_cached(path, load_program)
    assert not list(cache_dir().glob("*.pickle"))


def test_damaged_cache_entry_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_bytes(SHIPPED_PROGRAM.read_bytes())
    load_cached(path, load_program)
    for entry in cache_dir().glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    calls: list[Path] = []
    assert load_cached(path, counting_loader(calls)).indicator("1.1") is not None
    assert calls == [path]


def test_unwritable_cache_dir_costs_only_speed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("WSP_CACHE_DIR", str(blocker / "sub"))
    result = runner.invoke(app, ["--program", str(SHIPPED_PROGRAM), "list"])
    assert result.exit_code == 0
    assert "Liczba warsztatów" in result.stdout


def test_edit_between_commands_is_seen(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_bytes(SHIPPED_PROGRAM.read_bytes())
    assert runner.invoke(app, ["--program", str(path), "list"]).exit_code == 0
    path.write_text(path.read_text(encoding="utf-8") + "bogus: 1\n", encoding="utf-8")
    result = runner.invoke(app, ["--program", str(path), "list"])
    assert result.exit_code == 2
    assert "unknown key 'bogus'" in result.stderr


def test_cached_programme_holds_only_plain_values() -> None:
    """Unpickling must not import the loader (and so PyYAML): no YAML types leak into it."""
    import pickle

    from tests.conftest import REPO

    for path in (SHIPPED_PROGRAM, REPO / "examples" / "przyklad-pelny.yaml"):
        data = pickle.dumps(load_program(path))
        assert b"wspolpraca_cli.loader" not in data
        assert b"yaml" not in data.lower().replace(b".yaml", b"")


def test_explicit_target_year_is_a_plain_int() -> None:
    import pickle

    from tests.test_loader import BASE
    from wspolpraca_cli.loader import load_text

    text = BASE.replace("target: 1/rok", "target: {kind: level, value: 30, by: 2025}")
    program = load_text(text.replace("unit: liczba", "unit: liczba"), "p.yaml").program
    assert program is not None
    assert type(program.indicators[0].target.year) is int
    assert b"wspolpraca_cli.loader" not in pickle.dumps(program)


def test_the_cache_keeps_a_bounded_number_of_programmes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wspolpraca_cli import progcache

    monkeypatch.setattr(progcache, "KEEP", 3)
    path = tmp_path / "p.yaml"
    text = SHIPPED_PROGRAM.read_text(encoding="utf-8")
    for n in range(6):
        path.write_text(text.replace("1/rok", f"{n + 1}/rok"), encoding="utf-8")
        assert load_cached(path, load_program).indicator("1.1") is not None
    assert len(list(cache_dir().glob("*.pickle"))) == 3


def test_a_shared_cache_folder_is_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pickle runs code when loaded: a folder others may write to is never read."""
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv("WSP_CACHE_DIR", str(shared))
    path = tmp_path / "p.yaml"
    path.write_bytes(SHIPPED_PROGRAM.read_bytes())
    calls: list[Path] = []
    load_cached(path, counting_loader(calls))
    load_cached(path, counting_loader(calls))
    assert calls == [path, path]
    assert not list(shared.glob("*.pickle"))

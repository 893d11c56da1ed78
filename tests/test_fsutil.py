"""Files written for people: whole or not at all, never over a file without being told to."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from wspolpraca_cli.fsutil import write_atomically


def test_writes_a_new_file_with_ordinary_permissions(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    write_atomically(path, b"abc", overwrite=False)
    assert path.read_bytes() == b"abc"
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]


def test_never_over_an_existing_file_without_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_bytes(b"keep")
    with pytest.raises(FileExistsError):
        write_atomically(path, b"new", overwrite=False)
    assert path.read_bytes() == b"keep"
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]
    write_atomically(path, b"new", overwrite=True)
    assert path.read_bytes() == b"new"


def test_a_file_that_appears_meanwhile_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check and the write are one step: a file created after wsp looked survives."""
    path = tmp_path / "r.md"
    real_link = os.link

    def someone_else_first(src: str, dst: str) -> None:
        Path(dst).write_bytes(b"theirs")
        real_link(src, dst)

    monkeypatch.setattr(os, "link", someone_else_first)
    with pytest.raises(FileExistsError):
        write_atomically(path, b"ours", overwrite=False)
    assert path.read_bytes() == b"theirs"
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]


def test_a_failure_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError):
        write_atomically(tmp_path / "r.md", b"abc", overwrite=True)
    assert list(tmp_path.iterdir()) == []

"""Odd files: only a regular file is read as a programme, opened as a store or replaced by an
output. A named pipe would block for ever, a device never ends (``/dev/zero``) or would be
replaced by a regular file (``-o /dev/null --force`` as root); each is refused unopened."""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import Wsp
from wspolpraca_cli import fsutil
from wspolpraca_cli.fsutil import (
    FileTooLarge,
    NotRegularFile,
    kind_of,
    read_regular,
    write_atomically,
)

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    """A named pipe. A helper thread is ready to write to it and close it at once, so that a
    reader that opened it (the bug) gets an empty file instead of hanging the test run."""
    path = tmp_path / "pipe.yaml"
    os.mkfifo(path)

    def writer() -> None:
        os.close(os.open(path, os.O_WRONLY))  # waits for a reader, then ends at once

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    yield path
    if thread.is_alive():  # nobody opened it: let the writer go
        os.close(os.open(path, os.O_RDONLY | os.O_NONBLOCK))
    thread.join(5)
    assert stat.S_ISFIFO(os.stat(path).st_mode)


# -- the primitives ------------------------------------------------------------------------------


def test_kind_of_names_what_a_path_is(tmp_path: Path, fifo: Path) -> None:
    plain = tmp_path / "a.txt"
    plain.write_text("x", encoding="utf-8")
    link = tmp_path / "null"
    link.symlink_to(os.devnull)
    assert kind_of(plain) == "file"
    assert kind_of(tmp_path) == "folder"
    assert kind_of(fifo) == "fifo"
    assert kind_of(link) == "device"  # a link is followed
    assert kind_of(tmp_path / "missing") is None


def test_read_regular_refuses_a_pipe_without_waiting(fifo: Path) -> None:
    with pytest.raises(NotRegularFile) as info:
        read_regular(fifo, 100)
    assert info.value.kind == "fifo"


def test_read_regular_refuses_a_device(tmp_path: Path) -> None:
    with pytest.raises(NotRegularFile) as info:
        read_regular(Path("/dev/zero"), 100)
    assert info.value.kind == "device"


def test_read_regular_stops_at_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big"
    path.write_bytes(b"x" * 1000)
    assert read_regular(path, 1000) == b"x" * 1000
    with pytest.raises(FileTooLarge) as info:
        read_regular(path, 999)
    assert info.value.size == 1000
    assert read_regular(path, 10, head=True) == b"x" * 10


def test_write_atomically_never_replaces_a_pipe(fifo: Path) -> None:
    with pytest.raises(NotRegularFile):
        write_atomically(fifo, b"data", overwrite=True)
    assert [p.name for p in fifo.parent.iterdir()] == [fifo.name]


# -- a programme ---------------------------------------------------------------------------------


def test_validate_a_pipe(wsp: Wsp, fifo: Path) -> None:
    run = wsp("validate", str(fifo))
    assert run.exit_code == 2
    assert run.stderr.splitlines()[0] == (
        f"{fifo}:1:1: this is a named pipe (FIFO), not a regular file; "
        "wsp reads a programme from a regular file only"
    )


def test_a_pipe_as_the_programme(wsp: Wsp, fifo: Path) -> None:
    for args in (["status"], ["list"], ["record", "1.1", "1", "--year", "2024"]):
        run = wsp.using(fifo)(*args)
        assert run.exit_code == 2, args
        assert "this is a named pipe (FIFO), not a regular file" in run.stderr


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_validate_a_device(wsp: Wsp, device: str) -> None:
    run = wsp("validate", device)
    assert run.exit_code == 2
    assert f"{device}:1:1: this is a device, not a regular file" in run.stderr
    polish = wsp("validate", device, lang="pl")
    assert "to jest plik urządzenia, a nie zwykły plik" in polish.stderr


# -- a store -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args", [["status"], ["check"], ["history"], ["record", "1.1", "1", "--year", "2024"]]
)
def test_a_pipe_as_the_store(wsp: Wsp, fifo: Path, args: list[str]) -> None:
    run = Wsp(wsp.program, fifo)(*args)
    assert run.exit_code == 3
    assert f"wsp: error: {fifo} is a named pipe (FIFO), not a store file." in run.stderr
    assert not fifo.with_name(fifo.name + "-wal").exists()


def test_a_device_as_the_store(wsp: Wsp) -> None:
    run = Wsp(wsp.program, Path(os.devnull))("record", "1.1", "1", "--year", "2024")
    assert run.exit_code == 3
    assert f"wsp: error: {os.devnull} is a device, not a store file." in run.stderr
    polish = Wsp(wsp.program, Path(os.devnull), lang="pl")("status")
    assert f"{os.devnull} to plik urządzenia, a nie plik magazynu." in polish.stderr


# -- an output -----------------------------------------------------------------------------------

OUTPUTS = [
    ["export", "--format", "csv"],
    ["status", "--format", "csv"],
    ["report", "--year", "2024", "--format", "md"],
    ["init"],
]


def _output_args(args: list[str], target: Path) -> list[str]:
    return [*args, str(target)] if args == ["init"] else [*args, "-o", str(target)]


@pytest.mark.parametrize("args", OUTPUTS)
@pytest.mark.parametrize("force", [False, True])
def test_a_pipe_as_the_output(wsp: Wsp, fifo: Path, args: list[str], force: bool) -> None:
    run = wsp(*_output_args(args, fifo), *(["--force"] if force else []))
    assert run.exit_code == 2
    assert run.stderr.splitlines() == [
        f"wsp: error: {fifo} is a named pipe (FIFO), not a regular file; wsp writes regular "
        "files only and will not replace it.",
        "  hint: give the name of a new file, or of a regular file to overwrite (--force)",
    ]


@pytest.mark.parametrize("args", OUTPUTS)
def test_a_link_to_a_device_as_the_output(wsp: Wsp, tmp_path: Path, args: list[str]) -> None:
    link = tmp_path / "out"
    link.symlink_to(os.devnull)
    run = wsp(*_output_args(args, link), "--force")
    assert run.exit_code == 2
    assert f"{link} is a device, not a regular file" in run.stderr
    assert link.is_symlink() and os.readlink(link) == os.devnull
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_dev_null_as_the_output_is_refused_before_any_write(
    wsp: Wsp, monkeypatch: pytest.MonkeyPatch
) -> None:
    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("wsp tried to write")

    monkeypatch.setattr(fsutil, "write_atomically", never)  # nothing is ever replaced here
    run = wsp("export", "--format", "csv", "-o", os.devnull, "--force")
    assert run.exit_code == 2
    assert f"wsp: error: {os.devnull} is a device, not a regular file" in run.stderr
    polish = wsp("export", "--format", "csv", "-o", os.devnull, "--force", lang="pl")
    assert f"{os.devnull} to plik urządzenia, a nie zwykły plik" in polish.stderr
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_a_regular_file_is_still_overwritten_with_force(wsp: Wsp, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old", encoding="utf-8")
    run = wsp("export", "-o", str(target), "--force")
    assert run.exit_code == 0, run.stderr
    assert target.read_text(encoding="utf-8") != "old"

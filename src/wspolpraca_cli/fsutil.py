"""Reading and writing a user's file safely: regular files only, limits before reading, and
writes whole or not at all, never over a file that appeared.

Only a regular file is read or replaced: a named pipe would block a read forever, a device
(``/dev/zero``) never ends, and replacing a device node (``-o /dev/null --force`` as root)
would turn it into a regular file. :func:`kind_of` tells them apart without opening anything,
and :func:`read_regular` opens without blocking and checks what it opened before reading it,
at most ``limit`` bytes of it.

One rule for every file wsp writes for a person (``init``, ``export -o``, ``report -o``): the
bytes go to a temporary file in the same folder, are flushed to the disk, and then take the
file's name in one step. Without ``overwrite`` the name is taken with a hard link, which fails
if a file of that name exists — even one created after wsp looked — so ``--force`` is the only
way to replace a file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


class NotRegularFile(OSError):
    """A path that exists and is not a regular file (``kind``: see :func:`kind_of`)."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(errno.EINVAL, f"not a regular file ({kind})", str(path))
        self.kind = kind


class FileTooLarge(OSError):
    """A file that holds more than a reader's limit (``size``: what it was found to hold)."""

    def __init__(self, path: Path, size: int) -> None:
        super().__init__(errno.EFBIG, os.strerror(errno.EFBIG), str(path))
        self.size = size


def _kind(mode: int) -> str:
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "other"


def kind_of(path: Path) -> str | None:
    """What ``path`` is, following symbolic links, without opening it: ``"file"`` (a regular
    file), ``"folder"``, ``"fifo"``, ``"device"``, ``"socket"`` or ``"other"``; None when
    nothing is there (also a dangling link). Raises OSError when it cannot be looked at."""
    try:
        return _kind(os.stat(path).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        return None


def require_regular(path: Path) -> None:
    """Raise :class:`NotRegularFile` unless ``path`` is a regular file or missing."""
    kind = kind_of(path)
    if kind is not None and kind != "file":
        raise NotRegularFile(path, kind)


def read_regular(path: Path, limit: int, *, head: bool = False) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    Opened without blocking (a named pipe does not wait for a writer) and checked before a
    byte is read: anything but a regular file raises :class:`NotRegularFile`; a file of more
    than ``limit`` bytes raises :class:`FileTooLarge`, having read at most ``limit + 1`` —
    unless ``head``, which returns its first ``limit`` bytes. Other failures raise OSError
    (FileNotFoundError for a missing file).
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(fd)
        kind = _kind(info.st_mode)
        if kind != "file":
            raise NotRegularFile(path, kind)
        if info.st_size > limit and not head:
            raise FileTooLarge(path, info.st_size)
        with os.fdopen(fd, "rb") as fh:
            fd = -1  # the file object owns it now
            data = fh.read(limit if head else limit + 1)
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > limit:  # it grew after the look at its size
        raise FileTooLarge(path, len(data))
    return data


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(path: Path, data: bytes, *, overwrite: bool) -> None:
    """Write ``data`` to ``path`` whole or not at all.

    Raises FileExistsError when ``overwrite`` is false and ``path`` exists,
    :class:`NotRegularFile` when ``path`` is there and is not a regular file (a device, a
    pipe: never replaced), and OSError for any other failure; a failure leaves no temporary
    file behind and ``path`` as it was.
    """
    with atomic_file(path, overwrite=overwrite) as fh:
        fh.write(data)


@contextlib.contextmanager
def atomic_file(path: Path, *, overwrite: bool) -> Iterator[BinaryIO]:
    """A file to write ``path`` through, a part at a time (streamed output): what is written
    goes to a temporary file, which takes ``path``'s name once the block ends without an error
    — as :func:`write_atomically`; an error (or Ctrl-C) in the block leaves ``path`` as it was
    and no temporary file behind."""
    require_regular(path)
    folder = path.parent if str(path.parent) else Path(".")
    import tempfile  # (only for a write: it imports random, 2 ms)

    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # as an ordinary new file, not mkstemp's 0600
        if overwrite:
            require_regular(path)  # once more, just before the name is taken
            os.replace(tmp, path)
            return
        try:
            os.link(tmp, path)  # fails if the name is taken, atomically
        except OSError as exc:
            if exc.errno == errno.EEXIST:
                raise
            # A file system without hard links: check, then rename (a tiny window remains).
            if path.exists():
                raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path)) from None
            os.replace(tmp, path)
            return
        os.unlink(tmp)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise

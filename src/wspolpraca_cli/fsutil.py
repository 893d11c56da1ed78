"""Writing a user's file safely: whole or not at all, and never over a file that appeared.

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
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(path: Path, data: bytes, *, overwrite: bool) -> None:
    """Write ``data`` to ``path`` whole or not at all.

    Raises FileExistsError when ``overwrite`` is false and ``path`` exists, and OSError for
    any other failure; a failure leaves no temporary file behind and ``path`` as it was.
    """
    with atomic_file(path, overwrite=overwrite) as fh:
        fh.write(data)


@contextlib.contextmanager
def atomic_file(path: Path, *, overwrite: bool) -> Iterator[BinaryIO]:
    """A file to write ``path`` through, a part at a time (streamed output): what is written
    goes to a temporary file, which takes ``path``'s name once the block ends without an error
    — as :func:`write_atomically`; an error (or Ctrl-C) in the block leaves ``path`` as it was
    and no temporary file behind."""
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # as an ordinary new file, not mkstemp's 0600
        if overwrite:
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

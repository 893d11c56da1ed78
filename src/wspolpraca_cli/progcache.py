"""A cache of validated programmes, so that reading commands skip YAML and Pydantic.

Validating a programme file imports PyYAML and Pydantic and builds the schema classes —
most of `wsp status`'s start-up time. The validated :class:`~wspolpraca_cli.model.Program`
is a tree of frozen dataclasses, so it is pickled into the user cache directory, keyed by a
hash of the file's bytes, wsp's version and Python's version. Any change of the file gives a
new key; an unreadable or stale cache entry is ignored and rewritten. Writes are atomic.
`wsp validate` never uses the cache.
"""

from __future__ import annotations

import contextlib
import os
import sys
import zlib

# The C unpickler alone: the pickle module (its Python pickler, for writing) is imported only
# when a programme is written to the cache (a millisecond of every run otherwise).
from _pickle import PicklingError, UnpicklingError
from _pickle import load as unpickle
from collections.abc import Callable, Mapping
from pathlib import Path

from wspolpraca_cli import __version__
from wspolpraca_cli.model import Program

CACHE_ENV = "WSP_CACHE_DIR"
MAX_BYTES = 32 * 1024 * 1024
"""The most of a file read here: the loader's ``MAX_FILE_BYTES`` (a larger file is left to
the loader, which refuses it; the loader is not imported here, for start-up time)."""
_FORMAT = 8
"""Bumped when the pickled programme changes shape (2: targets gained range, strict,
magnitude and change fields; 3: goals gained main and indicators, indicators goal_id
and serves; 4: a breakdown gained its values' targets; 5: indicators gained amendments; 6:
indicators gained the unit as written; 7: the programme gained planned_funds; 8: indicators
gained computed), so that no entry of an older shape is read."""


def cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    if env.get(CACHE_ENV):
        return Path(env[CACHE_ENV])
    if sys.platform == "win32":
        base = Path(env.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(env.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "wsp" / "programs"


def _key(data: bytes, where: str) -> str:
    """Two independent 32-bit checksums of the bytes, their length, and what else matters.

    (zlib is already imported at start-up; hashlib would cost a few milliseconds.)
    """
    meta = f"{_FORMAT}|{__version__}|{sys.version}|{where}".encode()
    head = zlib.crc32(meta)
    return f"{head:08x}-{zlib.crc32(data):08x}{zlib.adler32(data):08x}-{len(data):x}"


def load_cached(
    path: Path, load: Callable[[Path], Program], environ: Mapping[str, str] | None = None
) -> Program:
    """The programme at ``path``: from the cache when the file is unchanged, else ``load``-ed
    (which raises for an invalid file; nothing is cached then) and cached."""
    from wspolpraca_cli.fsutil import read_regular

    try:  # a pipe or a device is not read here, nor more of a file than a programme may hold
        data = read_regular(path, MAX_BYTES)
    except OSError:
        return load(path)  # let the loader raise its own, clear error
    try:  # one entry per file, however its path was typed (`-p prog.yaml`, its absolute path)
        where = str(path.resolve())
    except (OSError, RuntimeError):
        where = str(path)
    key = _key(data, where)
    folder = cache_dir(environ)
    if not _private(folder):
        return load(path)  # never unpickle what someone else could have written
    entry = folder / f"{key}.pickle"
    try:
        with entry.open("rb") as fh:
            program = unpickle(fh)
        if isinstance(program, Program):
            return program
    except (OSError, EOFError, UnpicklingError, AttributeError, ImportError,
            IndexError, TypeError, ValueError):  # fmt: skip
        pass  # a missing, partial or stale cache entry is just a miss
    program = load(path)
    tmp = ""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        import pickle
        import tempfile  # only on a miss: it costs `wsp status` 1.5–2.5 ms at start-up

        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".pickle")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(program, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, entry)
        _prune(folder)
    except (OSError, PicklingError, RecursionError):
        # a read-only or full cache directory only costs speed
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return program


def _private(folder: Path) -> bool:
    """Whether the cache folder (if it exists) is the user's own and not writable by others:
    a pickle runs code when loaded, so a shared folder must not feed it."""
    if not hasattr(os, "getuid"):
        return True  # Windows: the user's local application data
    try:
        info = folder.stat()
    except FileNotFoundError:
        return True  # created below, private
    except OSError:
        return False
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


KEEP = 32
"""How many cached programmes are kept (each edit of a programme file adds one)."""


def _prune(folder: Path) -> None:
    """Remove all but the :data:`KEEP` most recently written cache entries."""
    entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in entries[KEEP:]:
        old.unlink(missing_ok=True)

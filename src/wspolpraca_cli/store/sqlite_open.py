"""Opening an SQLite store file: the per-connection settings, the checks of its folder and of
its first bytes, the read-only open (immutable where the store's folder cannot be written),
upgrading an older store found by a read-only open, and telling "may not be written here" apart
from other failures."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from wspolpraca_cli.errors import StoreError
from wspolpraca_cli.i18n import t
from wspolpraca_cli.store.sqlite_schema import migrate

_SQLITE_HEADER = b"SQLite format 3\x00"


def store_error(exc: sqlite3.Error, path: Path) -> StoreError:
    """Turn an SQLite failure into one clear message (exit 3)."""
    text = str(exc).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return StoreError(t("store.full", path=path), hint=t("store.full.hint"))
    if "readonly" in text or "read-only" in text:
        return StoreError(t("store.readonly", path=path), hint=t("store.readonly.hint"))
    if "locked" in text or "busy" in text:
        return StoreError(t("store.locked", path=path), hint=t("store.locked.hint"))
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StoreError(t("store.damaged", path=path), hint=t("store.damaged.hint"))
    if "unable to open" in text:
        return StoreError(t("store.cannot_open", path=path), hint=t("store.cannot_open.hint"))
    if "disk i/o" in text:
        return StoreError(t("store.io", path=path, error=exc), hint=t("store.damaged.hint"))
    return StoreError(t("store.failed", path=path, error=exc))


def check_regular(path: Path) -> bool:
    """Whether a store file is there; raise for a folder, a pipe or a device — SQLite would
    block on a pipe for ever, and a device is no store. Looked at without opening it."""
    from wspolpraca_cli.fsutil import kind_of

    try:
        kind = kind_of(path)
    except OSError as exc:
        raise StoreError(t("store.os_error", path=path, error=exc.strerror or exc)) from None
    if kind == "folder":
        raise StoreError(t("store.is_dir", path=path), hint=t("store.not_wsp.hint"))
    if kind not in (None, "file"):
        raise StoreError(
            t("store.not_regular", path=path, kind=t(f"file.kind.{kind}")),
            hint=t("store.not_wsp.hint"),
        )
    return kind is not None


def looks_like_sqlite(path: Path) -> bool | None:
    """True/False for an SQLite file or not; None for an empty file (a new store). Raises
    OSError (:class:`~wspolpraca_cli.fsutil.NotRegularFile` for what is not a regular file)."""
    from wspolpraca_cli.fsutil import read_regular

    head = read_regular(path, len(_SQLITE_HEADER), head=True)
    if not head:
        return None
    return head == _SQLITE_HEADER


def configure(conn: sqlite3.Connection, timeout: float) -> None:
    """Per-connection settings (a hook that tests may wrap, e.g. to limit the page count)."""
    conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA trusted_schema = OFF")


def upgrade_in_place(path: Path, timeout: float) -> None:
    """Migrate an older store found by a read-only open, when the file can be written."""
    try:
        conn = sqlite3.connect(str(path), timeout=timeout, isolation_level=None)
    except sqlite3.Error:
        return
    try:
        configure(conn, timeout)
        migrate(conn, path)
    except (sqlite3.Error, StoreError):
        pass
    finally:
        conn.close()


# SQLite's primary result codes for "cannot write here" (extended codes keep them in the low byte)
_SQLITE_READONLY = 8
_SQLITE_CANTOPEN = 14


def side_files_writable(path: Path) -> bool:
    """Whether SQLite may create or write the store's side files (``-wal``, ``-shm``): its
    folder is writable (not a read-only folder or mount) and existing side files are too."""
    folder = path.resolve().parent
    if not os.access(folder, os.W_OK | os.X_OK):
        return False
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists() and not os.access(side, os.W_OK):
            return False
    return True


def write_denied(exc: sqlite3.Error, path: Path) -> bool:
    """Whether ``exc`` comes from a store that may not be written here: SQLite could not open or
    write it, and the file or its side files are not writable (read-only folder, file or mount)."""
    code = getattr(exc, "sqlite_errorcode", None)
    text = str(exc).lower()
    refused = (isinstance(code, int) and code & 0xFF in (_SQLITE_READONLY, _SQLITE_CANTOPEN)) or (
        "readonly" in text or "read-only" in text or "unable to open" in text
    )
    if not refused:
        return False
    return not side_files_writable(path) or not os.access(path, os.W_OK)


def _probe(conn: sqlite3.Connection, timeout: float) -> sqlite3.Connection:
    """Configure ``conn`` and read the store's header once (in WAL mode the first read needs
    the ``-shm`` side file): a store that cannot be read fails here. Closes it on failure."""
    try:
        configure(conn, timeout)
        conn.execute("PRAGMA user_version").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def connect_readonly(path: Path, timeout: float) -> sqlite3.Connection:
    """A read-only connection to the store at ``path``.

    A store in WAL mode needs its ``-shm`` side file even to be read; in a read-only folder (or
    on a read-only mount) SQLite cannot create it, and the plain read-only open fails. Then
    nobody can write the store there either, so it is opened as immutable (``immutable=1``:
    no side files, no locks). An immutable open ignores the ``-wal`` journal, so a non-empty
    one (left by a process that did not finish) is refused rather than read without it.
    """
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        return _probe(
            sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None), timeout
        )
    except sqlite3.Error as exc:
        if not write_denied(exc, path):
            raise
        first = exc
    wal = path.with_name(path.name + "-wal")
    try:
        pending = wal.exists() and wal.stat().st_size > 0
    except OSError:
        pending = True
    if pending:
        raise StoreError(
            t("store.readonly_wal", path=path, wal=wal), hint=t("store.readonly_wal.hint")
        ) from first
    conn = sqlite3.connect(uri + "&immutable=1", uri=True, timeout=timeout, isolation_level=None)
    return _probe(conn, timeout)


def check_folder(path: Path, create: bool) -> None:
    """The store's folder: an error when a part of it is a file; a missing folder is created
    when ``create`` (the default location), else an error naming it."""
    folder = path.parent
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if existing.exists() and not existing.is_dir():
        raise StoreError(
            t("store.folder_is_file", path=path, folder=existing),
            hint=t("store.folder_is_file.hint"),
        )
    if create or folder.is_dir():
        return
    raise StoreError(
        t("store.no_folder", path=path, folder=folder),
        hint=t("store.no_folder.hint", folder=folder),
    )

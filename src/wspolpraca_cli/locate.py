"""Where the programme file and the measurement store are.

Programme: ``--program``, else ``WSP_PROGRAM``, else ``./program.yaml``, else
``./data/program.yaml``, else the programme bundled with the package.
Store: ``--store``, else ``WSP_STORE``, else ``<programme name>.wsp.db`` beside the programme
file; for the bundled programme, ``wsp/program.wsp.db`` in the user data directory. A
``postgresql://`` (or ``postgres://``) URL names a PostgreSQL store (:func:`store_url`); any
other URL is refused; everything else is a path (an SQLite store).

The default store depends on the programme *file*, not on how it was reached: it is derived
from the file's real path (links resolved), so the bundled programme found as
``./data/program.yaml`` in a source checkout, as ``--program`` or as the fallback shares one
store, and so does a programme reached through a link. Where earlier versions looked (beside
the path as typed, the user data directory for the bundled programme) is
:func:`other_stores`, for a note when the store in use is not there yet.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

from wspolpraca_cli.records import record

PROGRAM_ENV = "WSP_PROGRAM"
STORE_ENV = "WSP_STORE"
STORE_SUFFIX = ".wsp.db"


@record
class ProgramLocation:
    path: Path
    how: str
    """'option', 'env', 'cwd' or 'bundled'."""

    @property
    def bundled(self) -> bool:
        return self.how == "bundled"


def bundled_program() -> Path:
    """The programme shipped inside the package (or the repository's, in a source checkout)."""
    here = Path(__file__).resolve().parent
    packaged = here / "data" / "program.yaml"
    if packaged.is_file():
        return packaged
    return here.parent.parent / "data" / "program.yaml"


def resolve_program(
    option: str | Path | None, environ: Mapping[str, str] | None = None, cwd: Path | None = None
) -> ProgramLocation:
    env = os.environ if environ is None else environ
    if option:
        return ProgramLocation(Path(option), "option")
    if env.get(PROGRAM_ENV):
        return ProgramLocation(Path(env[PROGRAM_ENV]), "env")
    base = cwd or Path.cwd()
    for candidate in (base / "program.yaml", base / "data" / "program.yaml"):
        if candidate.is_file():
            return ProgramLocation(candidate, "cwd")
    return ProgramLocation(bundled_program(), "bundled")


def user_data_dir(environ: Mapping[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    if sys.platform == "win32":
        base = Path(env.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(env.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "wsp"


STORE_SCHEMES = ("postgresql", "postgres")
"""The URL schemes of the stores wsp knows (anything else that is not a URL is a path)."""

_URL = r"([A-Za-z][A-Za-z0-9+.-]+)://"


def store_url(text: str | Path) -> str | None:
    """``text`` when it is a PostgreSQL URL, None when it is a path; raises UsageError (exit 2)
    for a URL of another scheme. A URL is ``scheme://…`` with a scheme of two characters or
    more, so a Windows path (``C:\\dane``, ``C://dane``) stays a path."""
    if isinstance(text, Path):
        return None
    import re

    found = re.match(_URL, text)
    if found is None:
        return None
    if found.group(1).lower() in STORE_SCHEMES:
        return text
    from wspolpraca_cli.errors import UsageError
    from wspolpraca_cli.i18n import t

    raise UsageError(
        t("store.url_scheme", scheme=found.group(1)),
        hint=t("store.url_scheme.hint", schemes=", ".join(s + "://" for s in STORE_SCHEMES)),
    )


def resolve_store(
    option: str | Path | None, program: ProgramLocation, environ: Mapping[str, str] | None = None
) -> Path | str:
    """The store in use: a path (SQLite) or a PostgreSQL URL (a ``str``)."""
    env = os.environ if environ is None else environ
    given = option if option is not None else env.get(STORE_ENV) or None
    if given is not None:
        return store_url(given) or Path(given)
    return default_store(program, env)


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def default_store(program: ProgramLocation, environ: Mapping[str, str] | None = None) -> Path:
    """The store of the programme file: ``wsp/program.wsp.db`` in the user data directory for
    the bundled programme's file (however it was reached), else ``<name>.wsp.db`` beside the
    file's real path (shown as typed when no link is involved)."""
    real = _real(program.path)
    if program.bundled or real == _real(bundled_program()):
        return user_data_dir(environ) / ("program" + STORE_SUFFIX)
    if Path(os.path.abspath(program.path)) == real:
        return program.path.with_name(program.path.stem + STORE_SUFFIX)
    return real.with_name(real.stem + STORE_SUFFIX)


def other_stores(
    program: ProgramLocation, store: Path, environ: Mapping[str, str] | None = None
) -> list[Path]:
    """Stores of the same programme file where wsp used to look and does not any more —
    beside the programme's path as typed or beside its real path, the user data directory's
    for the bundled programme — that exist (regular files, not empty), other than ``store``."""
    from wspolpraca_cli.fsutil import kind_of

    candidates = [
        program.path.with_name(program.path.stem + STORE_SUFFIX),
        _real(program.path).with_name(_real(program.path).stem + STORE_SUFFIX),
    ]
    if program.bundled:
        candidates.append(user_data_dir(environ) / ("program" + STORE_SUFFIX))
    found: list[Path] = []
    seen = {_real(store)}
    for candidate in candidates:
        real = _real(candidate)
        if real in seen:
            continue
        seen.add(real)
        try:
            if kind_of(candidate) == "file" and candidate.stat().st_size > 0:
                found.append(candidate)
        except OSError:
            continue
    return found

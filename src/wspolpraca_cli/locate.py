"""Where the programme file and the measurement store are.

Programme: ``--program``, else ``WSP_PROGRAM``, else ``./program.yaml``, else
``./data/program.yaml``, else the programme bundled with the package.
Store: ``--store``, else ``WSP_STORE``, else ``<programme name>.wsp.db`` beside the programme
file; for the bundled programme, ``wsp/program.wsp.db`` in the user data directory.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

PROGRAM_ENV = "WSP_PROGRAM"
STORE_ENV = "WSP_STORE"
STORE_SUFFIX = ".wsp.db"


@dataclass(frozen=True)
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


def resolve_store(
    option: str | Path | None, program: ProgramLocation, environ: Mapping[str, str] | None = None
) -> Path:
    env = os.environ if environ is None else environ
    if option:
        return Path(option)
    if env.get(STORE_ENV):
        return Path(env[STORE_ENV])
    if program.bundled:
        return user_data_dir(env) / ("program" + STORE_SUFFIX)
    return program.path.with_name(program.path.stem + STORE_SUFFIX)

"""Shell completion: the values a shell offers for wsp's arguments, and the scripts.

Typer answers a shell through the ``_WSP_COMPLETE`` environment variable (the scripts that
``wsp --show-completion SHELL`` prints set it); Click completes the commands and options, and
the functions here complete the values: indicator ids and other programme ids from the
programme (through the programme cache), entry ids from the store (short ids, from its uid
index). They never raise — a shell must get an empty list, not a traceback — and never create
a store. Nothing here is imported for a normal run beyond these small functions.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wspolpraca_cli.model import Program

COMPLETE_VAR = "_WSP_COMPLETE"
SHELLS = ("bash", "zsh", "fish")
_MOST = 200
"""No shell shows more than this many entry ids usefully."""


def indicator_ids(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """The programme's indicator ids starting with ``incomplete``, with their names."""
    program = _program(ctx)
    if program is None:
        return []
    return [(i.id, i.name) for i in program.indicators if i.id.startswith(incomplete)]


def recordable_ids(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """As :func:`indicator_ids`, without the computed indicators (``record`` refuses them:
    their values come from the grants register)."""
    program = _program(ctx)
    if program is None:
        return []
    return [
        (i.id, i.name)
        for i in program.indicators
        if i.computed is None and i.id.startswith(incomplete)
    ]


def programme_ids(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """Every id ``wsp show`` takes (goals, areas, actions, indicators) with its name."""
    program = _program(ctx)
    if program is None:
        return []
    pairs = [(g.id, g.name) for g in program.goals]
    pairs += [(a.id, a.name) for a in program.areas]
    pairs += [(a.id, a.name) for a in program.actions]
    pairs += [(i.id, i.name) for i in program.indicators]
    seen: set[str] = set()
    unique = []
    for pair in pairs:
        if pair[0].startswith(incomplete) and pair[0] not in seen:
            seen.add(pair[0])
            unique.append(pair)
    return unique


def entry_ids(ctx: Any, incomplete: str) -> list[str]:
    """Entry ids in the store starting with ``incomplete``: the short form (as ``record``
    prints it) until more is typed. An absent store gives nothing and stays absent."""
    try:
        from wspolpraca_cli.services.base import SHORT
        from wspolpraca_cli.store import open_store

        path = _store_path(ctx)
        if not isinstance(path, Path) or not path.is_file():  # a URL: no server asked
            return []
        with open_store(path, readonly=True, timeout=0.2) as store:
            uids = store.uids(incomplete, _MOST)
        width = max(SHORT, len(incomplete))
        return list(dict.fromkeys(uid[:width] for uid in uids))
    except Exception:
        return []


def _root_params(ctx: Any) -> dict[str, Any]:
    root = ctx.find_root() if ctx is not None else None
    return dict(getattr(root, "params", None) or {})


def _program(ctx: Any) -> Program | None:
    try:
        from wspolpraca_cli.cli.common import _validated
        from wspolpraca_cli.locate import resolve_program
        from wspolpraca_cli.progcache import load_cached

        where = resolve_program(_root_params(ctx).get("program"))
        if not where.path.is_file():
            return None
        return load_cached(where.path, _validated)
    except Exception:
        return None


def _store_path(ctx: Any) -> Path | str | None:
    from wspolpraca_cli.locate import resolve_program, resolve_store

    params = _root_params(ctx)
    return resolve_store(params.get("store"), resolve_program(params.get("program")))


def enable() -> None:
    """Let Typer answer the shells (its completion classes are registered only on demand, so
    that a normal run does not pay for them)."""
    from typer._completion_classes import completion_init

    completion_init()


def script(shell: str) -> str:
    """The completion script for ``shell`` (what ``--show-completion`` prints)."""
    from typer._completion_shared import get_completion_script

    return get_completion_script(prog_name="wsp", complete_var=COMPLETE_VAR, shell=shell)


def install(shell: str) -> Path:
    """Install the completion script for ``shell`` where that shell reads it; the path."""
    from typer._completion_shared import install as typer_install

    _, path = typer_install(shell=shell, prog_name="wsp", complete_var=COMPLETE_VAR)
    return path

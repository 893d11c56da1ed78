"""Load a programme file: YAML → located data → Pydantic → :class:`model.Program` → rules.

Every problem is collected as a :class:`Diagnostic` with ``file:line:column``, the YAML
path (``areas[0].actions[0].indicators[0].target``) and a hint; nothing is raised for bad
data until :func:`load_program` is asked for a programme. The stages are modules of this
package: :mod:`.compose` (YAML with positions and limits), :mod:`.pydantic_errors`
(validation errors as diagnostics) and :mod:`.rules` (the cross-checks, one function each).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from wspolpraca_cli import collector
from wspolpraca_cli.errors import Diagnostic, ProgramInvalid
from wspolpraca_cli.loader.compose import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_NODES,
    compose,
    format_path,
    read_text,
)
from wspolpraca_cli.loader.pydantic_errors import from_pydantic
from wspolpraca_cli.model import Program

__all__ = [
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_NODES",
    "LoadResult",
    "compose",
    "format_path",
    "load",
    "load_program",
    "load_text",
    "read_text",
]


@dataclass
class LoadResult:
    program: Program | None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.program is not None and not self.diagnostics


def load(path: str | Path, display_name: str | None = None) -> LoadResult:
    """Load and validate a programme file; collect every problem, raise only for I/O."""
    path = Path(path)
    file = display_name or str(path)
    text = read_text(path, MAX_FILE_BYTES)  # the limit as set on this package, read each call
    return load_text(text, file)


def load_text(text: str, file: str = "<string>") -> LoadResult:
    """Validate a programme's text; collect every problem (see :func:`load`)."""
    with collector.paused():  # YAML nodes, marks, values and models by the 100,000
        return _load_text(text, file)


def _load_text(text: str, file: str) -> LoadResult:
    from pydantic import ValidationError

    from wspolpraca_cli import schema
    from wspolpraca_cli.loader.rules import Document, check, raw_goal_references

    data, located = compose(text, file)
    if data is None:
        return LoadResult(None, located.errors)
    # Problems found while reading the YAML (a duplicate key, an unquoted `no:` key, a tag)
    # leave usable data behind: validate it too, so that every error comes out at once.
    early = located.errors
    try:
        doc = schema.ProgramFile.model_validate(data)
    except ValidationError as exc:
        diags = [from_pydantic(err, located, data) for err in exc.errors(include_url=False)]
        # References can be checked on the raw data too, so they are not held back until
        # the other errors are fixed.
        diags += _not_covered(raw_goal_references(data, located), diags)
        return LoadResult(None, _sorted(early + _not_covered(diags, early)))
    program = schema.to_program(doc, file)
    diags = early + _not_covered(check(Document(doc, located), program), early)
    if diags:
        return LoadResult(None, _sorted(diags))
    return LoadResult(program)


def _not_covered(diags: list[Diagnostic], early: list[Diagnostic]) -> list[Diagnostic]:
    """``diags`` without those about a value that an earlier problem already explains."""
    covered = {d.path for d in early if d.path}

    def explained(path: str) -> bool:
        return any(path == c or path.startswith((c + ".", c + "[")) for c in covered)

    return [d for d in diags if not explained(d.path)]


def load_program(path: str | Path, display_name: str | None = None) -> Program:
    result = load(path, display_name)
    if result.program is None or result.diagnostics:
        raise ProgramInvalid(result.diagnostics)
    return result.program


def _sorted(diags: list[Diagnostic]) -> list[Diagnostic]:
    return sorted(diags, key=lambda d: (d.line, d.column))

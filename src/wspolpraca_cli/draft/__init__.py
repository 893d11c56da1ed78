"""``wsp init --from FILE``: a programme file drafted from the adopted resolution's text.

:func:`read_draft` reads the file (TXT, PDF's text layer, DOCX) and finds the programme in
it (:mod:`.parse`); :func:`render_draft` settles what wsp can read — targets, frequencies,
units, the years — and writes the file (:mod:`.write`), every value wsp's loader refuses moved
into a ``# DO SPRAWDZENIA`` comment with its original text, so that the file validates as
written. Nothing here prints, prompts or exits.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

from wspolpraca_cli.draft.model import Check, Draft, Indicator
from wspolpraca_cli.draft.read import DraftInputError
from wspolpraca_cli.draft.write import (
    DRAFT_FORMAT,
    PLACEHOLDER_FREQUENCY,
    Meta,
    Rendered,
    program_years,
    render,
)
from wspolpraca_cli.errors import Diagnostic
from wspolpraca_cli.i18n import t

__all__ = [
    "DRAFT_FORMAT",
    "DraftEmpty",
    "DraftInputError",
    "Meta",
    "Rendered",
    "parse_years",
    "read_draft",
    "render_draft",
]

MAX_ROUNDS = 6
"""How often the file is validated and what the loader refused moved into comments."""


class DraftEmpty(DraftInputError):
    """A document in which no goal and no action was found (exit 2)."""


def read_draft(path: Path) -> Draft:
    """The programme found in the file at ``path``; :class:`DraftEmpty` when there is none,
    :class:`DraftInputError` when the file cannot be read."""
    from wspolpraca_cli.draft.parse import parse
    from wspolpraca_cli.draft.read import read

    draft = parse(read(path))
    if draft.usable:
        return draft
    if draft.areas:  # a table's header, but no row
        where = next((c.where for a in draft.areas for c in a.checks if c.where), None)
        located = f"{path}: {where.text()}" if where is not None else str(path)
        raise DraftEmpty(t("draft.empty_table", path=located), hint=t("draft.empty.hint"))
    raise DraftEmpty(t("draft.empty", path=path), hint=t("draft.empty.hint"))


def parse_years(text: str) -> tuple[int, int]:
    """``2021-2025`` (or one year, ``2026``) as the first and last year; ValueError else."""
    m = re.fullmatch(r"\s*(\d{4})\s*(?:[-–—.]{1,2}\s*(\d{4}))?\s*", text)
    if m is None:
        raise ValueError(text)
    first, last = int(m[1]), int(m[2] or m[1])
    if not 1990 <= first <= last <= 2200:
        raise ValueError(text)
    return first, last


def render_draft(draft: Draft, meta: Meta, this_year: int) -> Rendered:
    """The programme file for ``draft``, valid as written (see the module's text)."""
    from wspolpraca_cli.loader import load_text

    draft = copy.deepcopy(draft)
    first, last, _ = program_years(draft, meta, this_year)
    for ind in _indicators(draft):
        _settle(ind, first, last)
    rendered = render(draft, meta, this_year)
    for _ in range(MAX_ROUNDS):
        result = load_text(rendered.text, "draft.yaml")
        if result.ok:
            return rendered
        if not _refuse(draft, result.diagnostics):
            break
        rendered = render(draft, meta, this_year)
    # what the loader still refuses (a bug of the draft's): listed with the checks, where it is
    result = load_text(rendered.text, "draft.yaml")
    rendered.checks += [(d.line, d.message) for d in result.diagnostics]
    return rendered


def _indicators(draft: Draft) -> list[Indicator]:
    return [ind for area in draft.areas for act in area.actions for ind in act.indicators]


def _settle(ind: Indicator, first: int, last: int) -> None:
    """Keep of the indicator's target and frequency what wsp reads; the rest becomes a
    check with the document's words."""
    from wspolpraca_cli.draft import notation

    if ind.frequency is None:
        ind.checks.append(
            Check(
                t("draft.check.frequency_missing", placeholder=PLACEHOLDER_FREQUENCY),
                where=ind.where,
            )
        )
    elif not notation.reads_frequency(ind.frequency):
        ind.checks.append(
            Check(
                t("draft.check.frequency_unread", placeholder=PLACEHOLDER_FREQUENCY),
                ind.frequency,
                ind.where,
            )
        )
        ind.frequency = None
    if ind.target is not None and not notation.reads_target(ind.target):
        ind.checks.append(Check(t("draft.check.target_unread"), ind.target))
        ind.target = None
    if ind.target is not None:
        outside = [y for y in notation.target_years(ind.target) if not first <= y <= last]
        if outside:
            ind.checks.append(
                Check(
                    t("draft.check.target_year_outside", year=outside[0], first=first, last=last),
                    ind.target,
                )
            )
            ind.target = None
    ind.unit, ind.unit_guessed = notation.infer_unit(ind.name, ind.target)


_INDICATOR_PATH = re.compile(r"^areas\[(\d+)\]\.actions\[(\d+)\]\.indicators\[(\d+)\](?:\.(\w+))?")


def _refuse(draft: Draft, diagnostics: list[Diagnostic]) -> bool:
    """Move each value the loader refused into a check; whether any was moved."""
    moved = False
    for diagnostic in diagnostics:
        m = _INDICATOR_PATH.match(diagnostic.path)
        if m is None:
            continue
        area = draft.areas[int(m[1])] if int(m[1]) < len(draft.areas) else None
        if area is None:
            continue
        actions = [a for a in area.actions if any(i.name for i in a.indicators)]
        if int(m[2]) >= len(actions):
            continue
        named = [i for i in actions[int(m[2])].indicators if i.name]
        if int(m[3]) >= len(named):
            continue
        ind = named[int(m[3])]
        message = diagnostic.message
        key = m[4] or "target"
        if key == "target" and ind.target is not None:
            ind.checks.append(Check(t("draft.check.target_refused", reason=message), ind.target))
            ind.target = None
            ind.unit, ind.unit_guessed = _unit_again(ind)
            moved = True
        elif key == "unit" and ind.unit != "wartość":
            ind.checks.append(Check(t("draft.check.unit_refused", reason=message), ind.unit))
            ind.unit, ind.unit_guessed = "wartość", False
            moved = True
        elif key == "frequency" and ind.frequency is not None:
            ind.checks.append(
                Check(
                    t("draft.check.frequency_unread", placeholder=PLACEHOLDER_FREQUENCY),
                    ind.frequency,
                )
            )
            ind.frequency = None
            moved = True
    return moved


def _unit_again(ind: Indicator) -> tuple[str, bool]:
    from wspolpraca_cli.draft.notation import infer_unit

    return infer_unit(ind.name, None)

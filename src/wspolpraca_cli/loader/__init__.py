"""Load a programme file: YAML → located data → Pydantic → :class:`model.Program` → rules.

Every problem is collected as a :class:`Diagnostic` with ``file:line:column``, the YAML
path (``areas[0].actions[0].indicators[0].target``) and a hint; nothing is raised for bad
data until :func:`load_program` is asked for a programme. The stages are modules of this
package: :mod:`.compose` (YAML with positions and limits), :mod:`.pydantic_errors`
(validation errors as diagnostics) and :mod:`.rules` (the cross-checks, one function each).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wspolpraca_cli.errors import Diagnostic, ProgramInvalid
from wspolpraca_cli.i18n import t
from wspolpraca_cli.loader.compose import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_NODES,
    Located,
    PathKey,
    compose,
    format_path,
    read_text,
)
from wspolpraca_cli.loader.pydantic_errors import from_pydantic
from wspolpraca_cli.model import Program
from wspolpraca_cli.numbers import format_plain

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
    text = read_text(path, MAX_FILE_BYTES)  # this package's, so that it can be set here
    return load_text(text, file)


def load_text(text: str, file: str = "<string>") -> LoadResult:
    from pydantic import ValidationError

    from wspolpraca_cli import schema

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
        diags += _not_covered(_raw_references(data, located), diags)
        return LoadResult(None, _sorted(early + _not_covered(diags, early)))
    program = schema.to_program(doc, file)
    diags = early + _not_covered(_cross_check(doc, program, located), early)
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


def _cross_check(doc: Any, program: Program, located: Located) -> list[Diagnostic]:
    """Ids unique, references resolved, years inside the programme."""
    diags: list[Diagnostic] = []

    def add(path: PathKey, message: str, hint: str = "", key: bool = False) -> None:
        line, column = located.position(path, prefer_key=key)
        diags.append(Diagnostic(located.file, line, column, message, format_path(path), hint))

    goal_ids = [doc.goals.main.id, *(g.id for g in doc.goals.specific)]
    seen: dict[str, str] = {}
    for n, gid in enumerate(goal_ids):
        path: PathKey = ("goals", "main", "id") if n == 0 else ("goals", "specific", n - 1, "id")
        if gid in seen:
            add(path, t("prog.duplicate_goal", id=gid), t("prog.duplicate_goal.hint"))
        seen[gid] = "goal"
    specific = [g.id for g in doc.goals.specific]
    first, last = program.first_year, program.last_year
    area_ids: dict[str, int] = {}
    indicator_seen: dict[str, int] = {}

    def remember(seen: dict[str, int], key: str, path: PathKey) -> None:
        seen.setdefault(key, located.position(path)[0])

    def again(seen: dict[str, int], key: str) -> str:
        return t("prog.first_on_line", line=seen[key])

    from wspolpraca_cli.schema import indicator_ids
    from wspolpraca_cli.targets import TargetKind

    for a_n, area in enumerate(doc.areas):
        a_path: PathKey = ("areas", a_n)
        if area.id in area_ids:
            add(
                (*a_path, "id"),
                t("prog.duplicate_area", id=area.id) + again(area_ids, area.id),
                t("prog.duplicate_area.hint"),
            )
        remember(area_ids, area.id, (*a_path, "id"))
        for g_n, gid in enumerate(area.goals):
            if gid not in specific:
                _unresolved(add, (*a_path, "goals", g_n), gid, specific)
        lps: dict[str, int] = {}
        for c_n, act in enumerate(area.actions):
            c_path: PathKey = (*a_path, "actions", c_n)
            if act.lp in lps:
                add(
                    (*c_path, "lp"),
                    t("prog.duplicate_lp", lp=act.lp, area=area.id) + again(lps, act.lp),
                )
            remember(lps, act.lp, (*c_path, "lp"))
            for g_n, gid in enumerate(act.goals):
                if gid not in specific:
                    _unresolved(add, (*c_path, "goals", g_n), gid, specific)
            ids = indicator_ids(f"{area.id}.{act.lp}", act.indicators)
            for i_n, (ind, ind_id) in enumerate(zip(act.indicators, ids, strict=True)):
                i_path: PathKey = (*c_path, "indicators", i_n)
                if len(act.indicators) > 1 and not ind.id:
                    add(
                        i_path,
                        t("prog.indicator_id_required", action=f"{area.id}.{act.lp}"),
                        t("prog.indicator_id_required.hint", id=f"{area.id}.{act.lp}.{i_n + 1}"),
                    )
                    continue
                id_path = (*i_path, "id") if ind.id else i_path
                if ind_id in indicator_seen:
                    add(
                        id_path,
                        t("prog.duplicate_indicator", id=ind_id) + again(indicator_seen, ind_id),
                        t("prog.duplicate_indicator.hint"),
                    )
                remember(indicator_seen, ind_id, id_path)
                built = program.indicator(ind_id)
                if built is None:
                    continue
                target = built.target
                years = [y for y, _ in target.by_year]
                if target.year is not None:
                    years.append(target.year)
                for year in years:
                    if not first <= year <= last:
                        add(
                            (*i_path, "target"),
                            t("prog.target_year_outside", year=year, first=first, last=last),
                        )
                if target.kind is TargetKind.BY_YEAR:
                    missing = [y for y in range(first, last + 1) if y not in years]
                    if missing and built.frequency.per_year:
                        add(
                            (*i_path, "target"),
                            t("prog.by_year_missing", years=", ".join(map(str, missing))),
                            t("prog.by_year_missing.hint"),
                        )
                if (
                    target.per is not None
                    and built.frequency.per_year
                    and target.per.per_year > built.frequency.per_year
                ):
                    add(
                        (*i_path, "target"),
                        t("prog.per_too_often", per=t(f"prog.per.{target.per.value}")),
                        t(
                            "prog.per_too_often.hint",
                            frequency=built.frequency_text,
                            target=target,
                        ),
                    )
                values = [v for _, v in target.by_year]
                if target.value is not None:
                    values.append(target.value)
                unit = built.unit.value
                negative = [v for v in values if v < 0]
                if negative and unit != "number":
                    add(
                        (*i_path, "target"),
                        t("prog.target_negative", value=format_plain(negative[0]), unit=unit),
                    )
                fractions = [v for v in values if v != int(v)]
                if fractions and unit == "count":
                    add(
                        (*i_path, "target"),
                        t("prog.target_not_whole", value=format_plain(fractions[0])),
                        t("prog.target_not_whole.hint"),
                    )
                if target.percent and built.unit.value not in ("percent", "number"):
                    add(
                        (*i_path, "target"),
                        t("prog.percent_unit", unit=built.unit.value),
                        t("prog.percent_unit.hint"),
                    )
                if target.kind is TargetKind.MILESTONE and built.unit.value != "yesno":
                    add(
                        (*i_path, "unit"),
                        t("prog.milestone_unit"),
                        t("prog.milestone_unit.hint"),
                    )
                if ind.baseline and ind.baseline.year is not None and ind.baseline.year > last:
                    add(
                        (*i_path, "baseline", "year"),
                        t("prog.baseline_after_end", year=ind.baseline.year),
                    )
                if (
                    ind.bounds
                    and ind.bounds.min is not None
                    and ind.bounds.max is not None
                    and ind.bounds.min > ind.bounds.max
                ):
                    add((*i_path, "bounds"), t("prog.bounds_order"))
    return diags


def _raw_references(data: Any, located: Located) -> list[Diagnostic]:
    """Goal references that resolve to no specific goal, read from data that did not pass
    validation (anything of an unexpected shape is left to the validation errors)."""
    diags: list[Diagnostic] = []

    def add(path: PathKey, message: str, hint: str = "") -> None:
        line, column = located.position(path)
        diags.append(Diagnostic(located.file, line, column, message, format_path(path), hint))

    goals = data.get("goals") if isinstance(data, dict) else None
    specific = goals.get("specific") if isinstance(goals, dict) else None
    if not isinstance(specific, list):
        return []
    known = [str(g["id"]) for g in specific if isinstance(g, dict) and "id" in g]

    def refs(owner: Any, path: PathKey) -> None:
        listed = owner.get("goals") if isinstance(owner, dict) else None
        if isinstance(listed, list):
            for n, gid in enumerate(listed):
                if (
                    isinstance(gid, str | int)
                    and not isinstance(gid, bool)
                    and str(gid) not in known
                ):
                    _unresolved(add, (*path, "goals", n), str(gid), known)

    areas = data.get("areas")
    for a_n, area in enumerate(areas if isinstance(areas, list) else []):
        refs(area, ("areas", a_n))
        actions = area.get("actions") if isinstance(area, dict) else None
        for c_n, action in enumerate(actions if isinstance(actions, list) else []):
            refs(action, ("areas", a_n, "actions", c_n))
    return diags


def _unresolved(add: Any, path: PathKey, gid: str, known: list[str]) -> None:
    close = difflib.get_close_matches(gid, known, n=1, cutoff=0.5)
    hint = t("prog.did_you_mean", option=close[0]) + " " if close else ""
    hint += t("prog.specific_goals", ids=", ".join(known)) if known else t("prog.no_specific_goals")
    add(path, t("prog.unknown_goal", id=gid), hint)

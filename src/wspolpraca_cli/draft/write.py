"""Writing a draft as a programme file: YAML text with comments, and where each check is.

The file is written by hand (PyYAML writes no comments): every value is a plain scalar only
where YAML cannot misread it, else double-quoted (JSON's string syntax, which YAML reads the
same), and long texts are folded blocks (``>-``) as a person would write them. Each
:class:`~.model.Check` becomes a ``# DO SPRAWDZENIA: …`` comment where its value belongs,
with the document's own words; :class:`Rendered` lists the line of each.
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass, field

from wspolpraca_cli.draft.model import Action, Area, Check, Draft, Indicator
from wspolpraca_cli.i18n import t

DRAFT_FORMAT = 2
"""The programme file format a draft is written in (the loader reads 1 and 2). Format 2's goal
tree holds several main goals, each with its specific goals (``goals.main`` a list); with 1,
the first main goal is written and the others are kept in comments."""

MARK = "DO SPRAWDZENIA"
"""The word every check's comment starts with (one word to search for in an editor)."""

PLACEHOLDER = "(do uzupełnienia)"
"""A value the document does not give and nobody supplied (title, issuer, a name)."""

PLACEHOLDER_FREQUENCY = "raz w roku"
"""The frequency written, marked, when the document's cannot be read."""

WIDTH = 92
"""Where long texts are folded."""

_YAML_WORDS = frozenset(
    ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "tak", "nie"]
)  # tak/nie are not YAML's, but a reader might think them so
_PLAIN = re.compile(r"[^\W\d_][\w .,()/%–—„”-]*", re.UNICODE)


def several_main_goals() -> bool:
    """Whether the format written holds several main goals."""
    return DRAFT_FORMAT >= 2


@dataclass
class Meta:
    """Metadata given by options or answered in a terminal (None: not given)."""

    title: str | None = None
    issuer: str | None = None
    years: tuple[int, int] | None = None


@dataclass
class Rendered:
    text: str
    checks: list[tuple[int, str]] = field(default_factory=list)
    """Each check's line in the file and its message."""


def scalar(text: str) -> str:
    """``text`` as a YAML scalar on one line: plain where YAML reads it back unchanged as
    text (``Raz w roku``, ``1/rok``), else double-quoted."""
    if text.lower() in _YAML_WORDS or text != " ".join(text.split()) or not text:
        return json.dumps(text, ensure_ascii=False)
    if _PLAIN.fullmatch(text) or _reads_back(text):
        return text
    return json.dumps(text, ensure_ascii=False)


def _reads_back(text: str) -> bool:
    """Whether YAML reads ``text`` written plain as that very text: nothing in it that YAML
    gives a meaning, and its resolver takes it for a string (not a number, a date, null)."""
    if any(c in text for c in "#:{}[],&*!|>'\"%@`") or text[0] in "-?":
        return False
    import yaml

    tag = yaml.resolver.Resolver().resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return bool(tag == "tag:yaml.org,2002:str")


class _Out:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.checks: list[tuple[int, str]] = []

    def add(self, line: str = "") -> None:
        self.lines.append(line.rstrip())

    def key(self, indent: int, key: str, text: str, dash: bool = False) -> None:
        """``key: text`` at ``indent`` (``- key:`` with ``dash``), folded when long."""
        lead = " " * indent + ("- " if dash else "")
        one = f"{lead}{key}: {scalar(text)}"
        if len(one) <= WIDTH or len(text) < 40 or not _foldable(text):
            self.add(one)
            return
        self.add(f"{lead}{key}: >-")
        inner = " " * (indent + 2 + (2 if dash else 0))
        for part in textwrap.wrap(
            text, WIDTH - len(inner), break_long_words=False, break_on_hyphens=False
        ):
            self.add(inner + part)

    def check(self, indent: int, check: Check) -> None:
        pad = " " * indent
        where = f" ({check.where.text()})" if check.where is not None else ""
        message = f"{MARK}: {check.message}{where}"
        self.checks.append((len(self.lines) + 1, message))
        width = max(WIDTH - indent - 2, 40)
        for n, part in enumerate(textwrap.wrap(message, width, break_long_words=False)):
            self.add(f"{pad}# {'  ' if n else ''}{part}")
        if check.original:
            quoted = f"„{' '.join(check.original.split())}”"
            for part in textwrap.wrap(quoted, width - 2, break_long_words=False):
                self.add(f"{pad}#   {part}")


def _foldable(text: str) -> bool:
    """A text a folded block gives back exactly: one line, single spaces, no edge spaces."""
    return text == " ".join(text.split()) and bool(text)


def render(draft: Draft, meta: Meta, this_year: int) -> Rendered:
    """The programme file for ``draft``, with ``meta`` over what the document says."""
    out = _Out()
    from wspolpraca_cli.safe_text import one_line

    named = one_line(draft.file)  # a file's name may hold a line break: not in a comment
    for line in t("draft.file_header", file=named, format=DRAFT_FORMAT).splitlines():
        out.add(f"# {line}" if line else "#")
    out.add(f"format: {DRAFT_FORMAT}")
    out.add()
    _program(out, draft, meta, this_year)
    out.add()
    _goals(out, draft)
    out.add()
    _areas(out, draft)
    if draft.sources:
        out.add()
        out.add("sources:")
        for text in draft.sources:
            _list_text(out, 2, text)
    if draft.checks:
        out.add()
        for check in draft.checks:
            out.check(0, check)
    return Rendered("\n".join(out.lines) + "\n", out.checks)


def _list_text(out: _Out, indent: int, text: str) -> None:
    pad = " " * indent
    if len(pad) + 2 + len(text) <= WIDTH or not _foldable(text):
        out.add(f"{pad}- {scalar(text)}")
        return
    out.add(f"{pad}- >-")
    for part in textwrap.wrap(
        text, WIDTH - indent - 2, break_long_words=False, break_on_hyphens=False
    ):
        out.add(f"{pad}  {part}")


def program_years(draft: Draft, meta: Meta, this_year: int) -> tuple[int, int, bool]:
    """The programme's years: given, else the document's, else a placeholder that holds
    every year its targets name (and this year); whether they are a placeholder."""
    if meta.years is not None:
        return meta.years[0], meta.years[1], False
    if draft.years is not None:
        return draft.years[0], draft.years[1], False
    years = [y for y in draft.target_years() if 1990 <= y <= 2200] or [this_year]
    return min([*years, this_year]), max([*years, this_year]), True


def _program(out: _Out, draft: Draft, meta: Meta, this_year: int) -> None:
    out.add("program:")
    for key, given, found in (
        ("title", meta.title, draft.title),
        ("issuer", meta.issuer, draft.issuer),
    ):
        if given:
            out.key(2, key, " ".join(given.split()))
        elif found is not None:
            kind = "as_found" if found.value == " ".join(found.original.split()) else "found"
            out.check(2, Check(t(f"draft.check.{key}_{kind}"), found.original))
            out.key(2, key, found.value)
        else:
            out.check(2, Check(t(f"draft.check.{key}_missing", option=f"--{key}")))
            out.key(2, key, PLACEHOLDER)
    first, last, placeholder = program_years(draft, meta, this_year)
    if placeholder:
        out.check(2, Check(t("draft.check.years_missing")))
    out.add(f"  first_year: {first}")
    out.add(f"  last_year: {last}")
    out.add(f"  reporting_deadline: 31 maja  # {t('draft.comment.deadline')}")
    out.add("  language: pl")


def _goals(out: _Out, draft: Draft) -> None:
    out.add("goals:")
    mains = draft.main_goals
    if not mains or not mains[0].name:
        out.check(2, Check(t("draft.check.main_goal_missing")))
    if several_main_goals() and len(mains) > 1:
        out.add("  main:")  # format 2's goal tree: each main goal with its specific goals
        for main in mains:
            out.key(4, "id", main.id, dash=True)
            out.key(6, "name", main.name or PLACEHOLDER)
            if main.specific:
                out.add("      specific:")
                for goal in main.specific:
                    out.key(8, "id", goal.id, dash=True)
                    out.key(10, "name", goal.name or PLACEHOLDER)
        return
    else:
        out.add("  main:")
        main_id = mains[0].id if mains else "główny"
        out.key(4, "id", main_id or "główny")
        out.key(4, "name", (mains[0].name if mains else "") or PLACEHOLDER)
        for extra in mains[1:]:
            out.check(
                4,
                Check(
                    t("draft.check.more_main_goals", id=extra.id, format=DRAFT_FORMAT),
                    extra.name,
                    extra.where,
                ),
            )
    specific = draft.specific_goals
    if specific:
        out.add("  specific:")
        for goal in specific:
            out.key(4, "id", goal.id, dash=True)
            out.key(6, "name", goal.name or PLACEHOLDER)


def _areas(out: _Out, draft: Draft) -> None:
    if not draft.areas:
        out.add("areas: []")
        return
    out.add("areas:")
    for area in draft.areas:
        _area(out, area)


def _area(out: _Out, area: Area) -> None:
    out.key(2, "id", area.id, dash=True)
    for check in area.checks:
        out.check(4, check)
    out.key(4, "name", area.name or f"{PLACEHOLDER} {area.id}".strip())
    if area.goals:
        out.add(f"    goals: [{', '.join(scalar(g) for g in area.goals)}]")
    written = [a for a in area.actions if _writable(a)]
    for action in area.actions:
        if not _writable(action):
            for check in action.checks or [Check(t("draft.check.no_indicator"), action.name)]:
                out.check(4, check)
    if not written:
        out.add("    actions: []")
        return
    out.add("    actions:")
    for action in written:
        _action(out, area, action)


def _writable(action: Action) -> bool:
    return any(ind.name for ind in action.indicators)


def _action(out: _Out, area: Area, action: Action) -> None:
    out.key(6, "lp", action.lp, dash=True)
    for check in action.checks:
        out.check(8, check)
    out.key(8, "name", action.name or PLACEHOLDER)
    out.add("        indicators:")
    named = [ind for ind in action.indicators if ind.name]
    for ind in action.indicators:
        if not ind.name:
            out.check(
                8,
                Check(
                    t("draft.check.indicator_unnamed"),
                    " ".join(filter(None, [ind.target, ind.frequency])),
                    ind.where,
                ),
            )
    for n, ind in enumerate(named, 1):
        ind_id = f"{area.id}.{action.lp}.{n}" if len(named) > 1 else None
        _indicator(out, ind, ind_id)


def _indicator(out: _Out, ind: Indicator, ind_id: str | None) -> None:
    if ind_id is not None:
        out.key(10, "id", ind_id, dash=True)
        out.key(12, "name", ind.name)
    else:
        out.key(10, "name", ind.name, dash=True)
    for check in ind.checks:
        out.check(12, check)
    if ind.unit_guessed:
        out.check(12, Check(t("draft.check.unit_guessed", unit=ind.unit)))
    out.key(12, "unit", ind.unit)
    if ind.baseline is not None:
        from wspolpraca_cli.draft.notation import baseline_value
        from wspolpraca_cli.numbers import format_plain

        value = baseline_value(ind.baseline)
        if value is None:
            out.check(12, Check(t("draft.check.baseline_unread"), ind.baseline))
        else:
            out.add(f"            baseline: {{value: {format_plain(value)}}}")
    if ind.target is not None:
        out.key(12, "target", ind.target)
    if ind.frequency is not None:
        out.key(12, "frequency", ind.frequency)
    else:
        out.key(12, "frequency", PLACEHOLDER_FREQUENCY)

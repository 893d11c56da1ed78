"""``wsp list`` and ``wsp show``: the goal tree and one item in full, as text and JSON (the
terminal forms are in :mod:`wspolpraca_cli.render.terminal`), and an indicator's
period-by-period history under ``wsp show ID``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from wspolpraca_cli.i18n import get_language, t
from wspolpraca_cli.model import Action, Area, Goal, Indicator, Program
from wspolpraca_cli.numfmt import format_date, format_percent, format_target, format_value
from wspolpraca_cli.progress import BreakdownValue, IndicatorProgress, PeriodResult
from wspolpraca_cli.recording import frequency_name
from wspolpraca_cli.render.json_docs import dumps, indicator_history, unit_json
from wspolpraca_cli.render.status import (
    achievement_text,
    actual_text,
    audit_marks,
    breakdown_label,
    completeness_text,
    period_label,
    simple_table,
    status_word,
    sub_rows_of,
)
from wspolpraca_cli.safe_text import shown


@dataclass(frozen=True)
class ShowDocument:
    """What ``wsp show ID`` shows: one item, and for an indicator its history as of a date."""

    program: Program
    item: Indicator | Action | Area | Goal
    history: IndicatorProgress | None = None
    as_of: date | None = None


def target_display(ind: Indicator) -> str:
    """The target as the document writes it; values by year with numbers in the language's
    format (``2024: 500 000``)."""
    from wspolpraca_cli.targets import TargetKind

    if ind.target.kind is not TargetKind.BY_YEAR:
        return ind.target_text or str(ind.target)
    from wspolpraca_cli.numfmt import format_number

    pct = "%" if ind.target.percent else ""
    lang = get_language()
    return ", ".join(f"{y}: {format_number(v, lang)}{pct}" for y, v in ind.target.by_year)


def planned_funds_line(program: Program) -> str | None:
    """``Planned funds: 2024: 500 000 zł; 2025: …`` (None when the programme gives none)."""
    if not program.planned_funds:
        return None
    from wspolpraca_cli.numfmt import format_amount

    lang = get_language()
    years = "; ".join(f"{y}: {format_amount(v, lang)} zł" for y, v in program.planned_funds)
    return f"{t('label.planned_funds')}: {years}"


def serves(ids: tuple[str, ...]) -> str:
    return t("label.serves_one") if len(ids) == 1 else t("label.serves")


def goal_names(program: Program, ids: tuple[str, ...]) -> str:
    return ", ".join(f"{g})" for g in ids)


def indicator_line(ind: Indicator) -> str:
    target = target_display(ind)
    unit = f"; {t('label.unit').lower()}: {ind.unit_shown}" if ind.unit_shown else ""
    return (
        f"{ind.id}  {ind.name} — {t('label.target').lower()}: {target}{unit}; {ind.frequency_text}"
        + computed_mark(ind)
    )


def computed_mark(ind: Indicator) -> str:
    """``; obliczany z rejestru dotacji: {count: grants, where: {mode: 19a}}`` after a
    computed indicator's line in ``wsp list`` (empty for a recorded one)."""
    if ind.computed is None:
        return ""
    from wspolpraca_cli.computed import notation

    return f"; {t('label.computed').lower()}: {notation(ind.computed)}"


def computed_json(ind: Indicator) -> dict[str, Any] | None:
    """What a computed indicator computes from the grants register (None: it is recorded):
    its measure (``count``, ``sum``, ``distinct``), the column (of a sum or a distinct
    count; null for a count), whether a count counts grants only (``count: grants``) or
    every offer, the conditions (column → accepted values, as stored), the breakdown column
    and the notation as the programme file writes it."""
    query = ind.computed
    if query is None:
        return None
    from wspolpraca_cli.computed import notation

    return {
        "measure": query.measure.value,
        "column": query.column,
        "granted_only": query.granted_only,
        "where": {column: list(values) for column, values in query.where},
        "by": query.by,
        "text": notation(query),
    }


def unit_display(ind: Indicator) -> str:
    """The unit as ``wsp show`` names it: format 2's as written, with its kind (``km
    (wielkość)``); format 1's label, else its unit's name."""
    if not ind.unit_text:
        return ind.unit_label or t("unit." + ind.unit.value)
    from wspolpraca_cli.units import KIND_NAMES

    kind = t("unit.kind." + KIND_NAMES[ind.unit])
    if ind.unit_text.casefold() == kind.casefold():
        return ind.unit_text
    return f"{ind.unit_text} ({kind})"


def also_serves(program: Program, ids: tuple[str, ...]) -> str:
    """`` [służy także celowi 2.1)]`` for an indicator serving goals besides where it
    stands (empty when it serves none)."""
    if not ids:
        return ""
    word = t("label.also_serves_one") if len(ids) == 1 else t("label.also_serves")
    return f" [{word} {goal_codes(program, ids)}]"


def goal_codes(program: Program, ids: tuple[str, ...]) -> str:
    """``II, 2.1)``: main goals by their code, specific goals as the document lists them."""
    codes = []
    for gid in ids:
        goal = program.goal(gid)
        codes.append(gid if goal is not None and not goal.main else f"{gid})")
    return ", ".join(codes)


def main_goal_heading(goal: Goal) -> str:
    return f"{t('label.main_goal')} {goal.id}: {goal.name}"


def specific_goal_heading(goal: Goal) -> str:
    return f"{t('label.specific_goal')} {goal.id}) {goal.name}"


def goal_chain(program: Program, goal_id: str) -> str:
    """``I — Wzmocnienie… › 1.1) Rozwój…``: a goal with the main goal above it."""
    goal = program.goal(goal_id)
    if goal is None:  # pragma: no cover - the loader resolves every reference
        return goal_id
    if not goal.main:
        return f"{goal.id} — {goal.name}"
    main = program.goal(goal.main)
    above = f"{main.id} — {main.name} › " if main is not None else ""
    return f"{above}{goal.id}) {goal.name}"


def _tree_of_goals(program: Program) -> list[str]:
    """The goals of a goal tree with the indicators standing on them (``wsp list``)."""
    lines = [program.title]
    for main in program.main_goals:
        lines.append(main_goal_heading(main))
        lines += [f"  {_goal_indicator_line(program, ind)}" for ind in _standing_on(program, main)]
        for goal in program.specific_of(main.id):
            lines.append(f"  {specific_goal_heading(goal)}")
            lines += [
                f"    {_goal_indicator_line(program, ind)}" for ind in _standing_on(program, goal)
            ]
    return lines


def _standing_on(program: Program, goal: Goal) -> list[Indicator]:
    """The goal-level indicators under ``goal``: its own and those serving it."""
    return [i for i in program.goal_indicators if goal.id in program.served_goals(i)]


def _goal_indicator_line(program: Program, ind: Indicator) -> str:
    return indicator_line(ind) + also_serves(program, ind.serves)


def _text_tree(program: Program) -> list[str]:
    funds = planned_funds_line(program)
    lines = _text_tree_of(program)
    return [*lines[:1], funds, *lines[1:]] if funds else lines


def _text_tree_of(program: Program) -> list[str]:
    if program.is_tree:
        lines = _tree_of_goals(program)
        for area in program.areas:
            lines.append(f"{t('label.area')} {area.id}) {area.name}")
            for action in area.actions:
                served = (
                    f" [{serves(action.goals)} {goal_names(program, action.goals)}]"
                    if action.goals
                    else ""
                )
                lines.append(f"  {action.id}  {action.name}{served}")
                lines += [f"    {_goal_indicator_line(program, ind)}" for ind in action.indicators]
        return lines
    lines = [
        program.title,
        f"{t('label.main_goal')}: {program.main_goal.name}",
        f"{t('label.specific_goals')}:",
    ]
    lines += [f"  {g.id}) {g.name}" for g in program.specific_goals]
    for area in program.areas:
        lines.append(f"{t('label.area')} {area.id}) {area.name}")
        for action in area.actions:
            served = (
                f" [{serves(action.goals)} {goal_names(program, action.goals)}]"
                if action.goals
                else ""
            )
            lines.append(f"  {action.id}  {action.name}{served}")
            lines += [f"    {indicator_line(ind)}" for ind in action.indicators]
    return lines


def indicator_json(ind: Indicator) -> dict[str, Any]:
    target = ind.target
    return {
        "id": ind.id,
        "name": ind.name,
        "goal": ind.goal_id or None,
        "serves": list(ind.serves),
        "unit": ind.unit.value,
        "unit_label": ind.unit_label,
        **unit_json(ind),
        "target": {
            "text": ind.target_text or str(target),
            "kind": target.kind.value,
            "value": target.value,
            "target_max": target.upper,
            "per": target.per.value if target.per else None,
            "year": target.year,
            "by_year": {str(y): v for y, v in target.by_year},
            "percent": target.percent,
            "descending": target.descending,
        },
        "frequency": ind.frequency.value,
        "frequency_text": ind.frequency_text,
        "aggregation": ind.aggregation.value,
        "baseline": (
            {"value": ind.baseline.value, "year": ind.baseline.year} if ind.baseline else None
        ),
        "breakdowns": {b.key: [code for code, _ in b.values] for b in ind.breakdowns},
        "breakdown_targets": {
            b.key: {code: text for code, _, text in b.targets} for b in ind.breakdowns if b.targets
        },
        "bounds": {"min": ind.lower_bound, "max": ind.upper_bound},
        "department": ind.department,
        "notes": ind.notes,
        "target_history": target_history_json(ind),
        "computed": computed_json(ind),
    }


def target_history_json(ind: Indicator) -> list[dict[str, Any]]:
    """The target's history: the original and each amendment, with its resolution (empty
    without amendments)."""
    if not ind.amendments:
        return []
    first: dict[str, Any] = {
        "from": None,
        "text": ind.target_text or str(ind.target),
        "value": ind.target.value,
        "resolution": None,
    }
    return [first] + [
        {
            "from": a.from_year,
            "text": a.target_text or str(a.target),
            "value": a.target.value,
            "resolution": a.resolution,
        }
        for a in ind.amendments
    ]


def target_history_lines(program: Program, ind: Indicator) -> list[str]:
    """The target's history as lines of ``wsp show`` (none without amendments)."""
    if not ind.amendments:
        return []
    original = t(
        "show.target_original",
        target=ind.target_text or str(ind.target),
        year=program.first_year,
    )
    lines = [f"  {t('show.target_history')}", f"    {original}"]
    for a in ind.amendments:
        text = t(
            "show.target_amended",
            target=a.target_text or str(a.target),
            year=a.from_year,
            resolution=a.resolution or "—",
        )
        lines.append(f"    {text}")
    return lines


def program_json(program: Program) -> dict[str, Any]:
    return {
        "schema": 1,
        "title": program.title,
        "issuer": program.issuer,
        "first_year": program.first_year,
        "last_year": program.last_year,
        "reporting_deadline": f"{program.deadline.month:02d}-{program.deadline.day:02d}",
        "language": program.language,
        "planned_funds": {str(year): amount for year, amount in program.planned_funds},
        "main_goal": {"id": program.main_goal.id, "name": program.main_goal.name},
        "specific_goals": [
            {"id": g.id, "name": g.name, "main": g.main} for g in program.specific_goals
        ],
        "main_goals": [goal_json(program, m) for m in program.main_goals],
        "areas": [
            {
                "id": area.id,
                "name": area.name,
                "goals": list(area.goals),
                "actions": [
                    {
                        "id": a.id,
                        "lp": a.lp,
                        "name": a.name,
                        "goals": list(a.goals),
                        "indicators": [indicator_json(i) for i in a.indicators],
                    }
                    for a in area.actions
                ],
            }
            for area in program.areas
        ],
        "sources": list(program.sources),
    }


def goal_json(program: Program, goal: Goal) -> dict[str, Any]:
    """A goal with the indicators standing on it; a main goal with its specific goals."""
    item: dict[str, Any] = {
        "id": goal.id,
        "name": goal.name,
        "indicators": [indicator_json(i) for i in goal.indicators],
    }
    if goal.main:
        item["main"] = goal.main
    else:
        item["specific"] = [goal_json(program, g) for g in program.specific_of(goal.id)]
    return item


def tree_text(program: Program) -> str:
    return shown("\n".join(_text_tree(program))) + "\n"


def tree_json(program: Program) -> str:
    return dumps(program_json(program))


def _item_json(program: Program, item: Any) -> dict[str, Any]:
    from wspolpraca_cli.model import Action, Area, Indicator

    if isinstance(item, Indicator):
        return {"schema": 1, "type": "indicator", **indicator_json(item)}
    if isinstance(item, Action):
        return {
            "schema": 1, "type": "action", "id": item.id, "lp": item.lp, "name": item.name,
            "area": item.area_id, "goals": list(item.goals),
            "indicators": [indicator_json(i) for i in item.indicators],
        }  # fmt: skip
    if isinstance(item, Area):
        return {
            "schema": 1, "type": "area", "id": item.id, "name": item.name,
            "actions": [a.id for a in item.actions],
        }  # fmt: skip
    kind = "specific_goal" if item.main else "main_goal"
    data = {"schema": 1, "type": kind, **goal_json(program, item)}
    data["under"] = [i.id for i in program.under_goal(item.id)]
    return data


def _indicator_lines(program: Program, ind: Indicator) -> list[str]:
    action = program.action(ind.action_id)
    area = program.area(ind.area_id)
    none = t("label.none")
    lines = [f"{t('label.indicator')} {ind.id}: {ind.name}"]
    if program.is_tree:  # the goal chain: each goal served, under its main goal
        chain = t("label.goal_chain")
        lines += [f"  {chain}: {goal_chain(program, g)}" for g in program.served_goals(ind)]
    if action is not None:
        lines += [
            f"  {t('label.area')}: {ind.area_id}) {area.name if area else ''}",
            f"  {t('label.action')}: {ind.action_id} {action.name}",
        ]
    lines += [
        f"  {t('label.unit')}: {unit_display(ind)}",
        f"  {t('label.target')}: {target_display(ind)}",
        *target_history_lines(program, ind),
        f"  {t('label.frequency')}: {_frequency_text(ind)}",
        f"  {t('label.aggregation')}: {t('aggregation.' + ind.aggregation.value)}",
    ]
    if ind.baseline:
        year = f" ({ind.baseline.year})" if ind.baseline.year else ""
        lines.append(f"  {t('label.baseline')}: {ind.baseline.value:g}{year}")
    if ind.computed is not None:
        from wspolpraca_cli.computed import notation

        lines.append(f"  {t('label.computed')}: {notation(ind.computed)}")
    if ind.breakdowns and ind.computed is None:  # a computed one's: its ``by`` above
        for b in ind.breakdowns:
            values = ", ".join(code if code == lab else f"{code} ({lab})" for code, lab in b.values)
            lines.append(f"  {t('label.breakdowns')}: {b.label}: {values}")
            if b.targets:
                targets = ", ".join(f"{code}: {text}" for code, _, text in b.targets)
                lines.append(f"    {t('label.breakdown_targets')}: {targets}")
    if ind.lower_bound is not None or ind.upper_bound is not None:
        low = "" if ind.lower_bound is None else f"{ind.lower_bound:g}"
        high = "" if ind.upper_bound is None else f"{ind.upper_bound:g}"
        lines.append(f"  {t('label.bounds')}: {low}–{high}")
    lines.append(f"  {t('label.department')}: {ind.department or none}")
    if ind.notes:
        lines.append(f"  {t('label.notes')}: {ind.notes}")
    return lines


def _frequency_text(ind: Indicator) -> str:
    """The document's words for the frequency, with wsp's reading when they differ."""
    name = frequency_name(ind)
    if " ".join(ind.frequency_text.lower().split()) == name.lower():
        return ind.frequency_text
    return f"{ind.frequency_text} ({name})"


def _action_lines(program: Program, action: Action) -> list[str]:
    lines = [f"{t('label.action')} {action.id} ({t('label.lp')} {action.lp}): {action.name}"]
    if action.goals:
        names = [f"{g}) {goal.name}" for g in action.goals if (goal := program.goal(g))]
        lines.append(f"  {t('label.goals')}: " + "; ".join(names))
    for ind in action.indicators:
        lines.append(f"  - {indicator_line(ind)}")
    return lines


def _goal_lines(program: Program, goal: Goal) -> list[str]:
    if program.is_tree:
        return _tree_goal_lines(program, goal)
    if goal.id == program.main_goal.id:
        return [f"{t('label.main_goal')}: {goal.name}"]
    lines = [f"{t('label.specific_goal')} {goal.id}) {goal.name}"]
    for action in program.actions:
        if goal.id in action.goals:
            lines.append(f"  {action.id} {action.name}")
            lines += [f"    {indicator_line(i)}" for i in action.indicators]
    return lines


def _tree_goal_lines(program: Program, goal: Goal) -> list[str]:
    """A goal of a goal tree: its main goal (or specific goals), the indicators standing on
    it or serving it, and the actions serving it with their indicators that do."""
    if goal.main:
        lines = [specific_goal_heading(goal)]
        main = program.goal(goal.main)
        if main is not None:
            lines.append(f"  {t('label.main_goal')}: {main.id} — {main.name}")
    else:
        lines = [main_goal_heading(goal)]
        specific = program.specific_of(goal.id)
        if specific:
            lines.append(
                f"  {t('label.specific_goals')}: "
                + "; ".join(f"{g.id}) {g.name}" for g in specific)
            )
    lines += [f"  - {_goal_indicator_line(program, i)}" for i in _standing_on(program, goal)]
    for action in program.actions:
        inds = [i for i in action.indicators if goal.id in program.served_goals(i)]
        if inds:
            lines.append(f"  {action.id} {action.name}")
            lines += [f"    {_goal_indicator_line(program, i)}" for i in inds]
    return lines


def item_lines(doc: ShowDocument) -> list[str]:
    """The item's lines, control characters in its text shown escaped."""
    return [shown(line) for line in _item_lines(doc)]


def _item_lines(doc: ShowDocument) -> list[str]:
    program, item = doc.program, doc.item
    if isinstance(item, Indicator):
        return _indicator_lines(program, item)
    if isinstance(item, Action):
        return _action_lines(program, item)
    if isinstance(item, Area):
        lines = [f"{t('label.area')} {item.id}) {item.name}"]
        for action in item.actions:
            lines += ["", *_action_lines(program, action)]
        return lines
    return _goal_lines(program, item)


def show_text(doc: ShowDocument) -> str:
    lines = item_lines(doc)
    if doc.history is not None and doc.as_of is not None:
        lines += ["", render_history_plain(doc.history, doc.as_of)]
    return shown("\n".join(lines)) + "\n"


def show_json(doc: ShowDocument) -> str:
    data = _item_json(doc.program, doc.item)
    if doc.history is not None and doc.as_of is not None:
        data.update(indicator_history(doc.history, doc.program, doc.as_of))
    return dumps(data)


# -- an indicator's history -------------------------------------------------------------------
def history_lines(ip: IndicatorProgress) -> list[tuple[PeriodResult, str, BreakdownValue | None]]:
    """The history's lines: each period, followed (where it has data) by its breakdown
    values (``forma: wspólnie``), as (the result, a breakdown line's label, its value)."""
    found: list[tuple[PeriodResult, str, BreakdownValue | None]] = []
    for r in ip.periods:
        found.append((r, "", None))
        found += [(r, breakdown_label(key, v), v) for key, v in sub_rows_of(r)]
    return found


def history_rows(ip: IndicatorProgress, lang: str) -> list[list[str]]:
    """The cells of :func:`history_lines`: a breakdown value's target, achievement and
    status only where it has a target of its own."""
    ind = ip.indicator
    rows = []
    for r, label, value in history_lines(ip):
        if value is None:
            rows.append(
                [
                    period_label(r.period),
                    format_target(r.target, ind, lang),
                    actual_text(r, ind, lang),
                    achievement_text(r, lang),
                    status_word(r.status) + audit_marks(r),
                ]
            )
            continue
        own, result = value.targeted, value.result
        rows.append(
            [
                "  " + label,
                format_target(result.target, ind, lang) if own else "",
                actual_text(result, ind, lang),
                achievement_text(result, lang) if own else "",
                status_word(result.status) if own else "",
            ]
        )
    return rows


def programme_summary(ip: IndicatorProgress, lang: str) -> str:
    p = ip.programme
    ind = ip.indicator
    return t(
        "history.programme",
        period=period_label(p.period),
        actual=format_value(p.actual, ind, lang),
        target=format_target(p.target, ind, lang),
        achievement=format_percent(p.achievement, lang),
        status=status_word(p.status),
        achieved=p.periods_achieved,
        total=p.periods_with_target,
    )


def completeness_summary(ip: IndicatorProgress) -> list[str]:
    """``Dane za 3 z 4 okresów`` (``Data for 3 of 4 periods``): of the periods due, those
    with data (nothing while none is due)."""
    text = completeness_text(ip.programme)
    return [text[0].upper() + text[1:] + "."] if text else []


def baseline_summary(ip: IndicatorProgress, lang: str) -> list[str]:
    """A line on the progress from the baseline, where the programme gives one."""
    p = ip.programme
    baseline = ip.indicator.baseline
    if baseline is None or p.baseline_progress is None:
        return []
    year = f" ({baseline.year})" if baseline.year is not None else ""
    return [
        t(
            "history.baseline",
            baseline=format_value(baseline.value, ip.indicator, lang),
            year=year,
            progress=format_percent(p.baseline_progress, lang),
        )
    ]


def history_headers() -> list[str]:
    return [
        t("col.period"),
        t("col.target"),
        t("col.actual"),
        t("col.achievement"),
        t("col.status"),
    ]


def render_history_plain(ip: IndicatorProgress, as_of: date) -> str:
    lang = get_language()
    table = simple_table(history_rows(ip, lang), history_headers(), "lrrrl")
    title = t("history.title", id=ip.id, date=format_date(as_of, lang))
    text = "\n".join(
        [
            title,
            *table,
            programme_summary(ip, lang),
            *completeness_summary(ip),
            *baseline_summary(ip, lang),
        ]
    )
    return shown(text)

"""Computed indicators (issue 14): indicators whose values come from the grants register.

An indicator with ``computed:`` in the programme file carries a
:class:`~wspolpraca_cli.grants.model.GrantQuery` (:attr:`Indicator.computed`). The store
answers every such query at once (``Store.grant_aggregates``) with one aggregate per year and,
with ``by``, per group; here those answers become the same :class:`PeriodSummary` and
:class:`TagSummary` values the store computes from entries, so that the engine — and with it
status, check, report and JSON — treats a computed indicator exactly as a recorded one.

A year the register holds rows of, but none of them an indicator's, is a 0 for it (the register
says there were no such grants); a year it holds no rows of has no data. Entries recorded for an
indicator before it became computed stay in the store but do not count.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from wspolpraca_cli.aggregation import Aggregate
from wspolpraca_cli.entries import PeriodSummary, TagSummary
from wspolpraca_cli.errors import InputError
from wspolpraca_cli.grants.model import GrantAggregate, GrantQuery, Measure
from wspolpraca_cli.i18n import t
from wspolpraca_cli.model import Indicator, Program

REGISTER_YEARS = ""
"""The key of the query asking which years the register holds rows of (no indicator has an
empty id)."""


def queries(indicators: Sequence[Indicator]) -> list[GrantQuery]:
    """What to ask the store for ``indicators`` (computed ones): their queries, and the years
    the register holds rows of (none when there is nothing to ask)."""
    asked = [i.computed for i in indicators if i.computed is not None]
    if not asked:
        return []
    return [*asked, GrantQuery(key=REGISTER_YEARS, measure=Measure.COUNT)]


def summaries_of(
    program: Program, indicators: Sequence[Indicator], answers: Iterable[GrantAggregate]
) -> tuple[list[PeriodSummary], list[TagSummary]]:
    """The store's ``answers`` to :func:`queries` as one summary per (indicator, year) of the
    programme and, for an indicator with ``by``, one tag group per (indicator, year, group):
    each an aggregate of one value, in the indicator's unit (``tys. zł``: thousands)."""
    first, last = program.first_year, program.last_year
    totals: dict[tuple[str, int], float] = {}
    groups: list[GrantAggregate] = []
    years: set[int] = set()
    for a in answers:
        if not first <= a.year <= last:
            continue  # outside the programme, like entries outside it
        if a.key == REGISTER_YEARS:
            years.add(a.year)
        elif a.group is None:
            totals[(a.key, a.year)] = a.value
        else:
            groups.append(a)
    by_id = {i.id: i for i in indicators if i.computed is not None}
    summaries = []
    for ind in by_id.values():
        scale = ind.unit_scale
        for year in sorted(years | {y for k, y in totals if k == ind.id}):
            value = totals.get((ind.id, year), 0.0) / scale
            summaries.append(PeriodSummary(ind.id, str(year), Aggregate.of([value])))
    tags = []
    for a in sorted(groups, key=_group_order):
        owner = by_id.get(a.key)
        if owner is None or owner.computed is None or owner.computed.by is None:
            continue
        given = ((owner.computed.by, a.group),) if a.group else ()
        value = a.value / owner.unit_scale
        tags.append(TagSummary(a.key, str(a.year), given, Aggregate.of([value])))
    return summaries, tags


def _group_order(a: GrantAggregate) -> tuple[str, int, tuple[int, str], str]:
    """Groups by indicator and year, areas in the act's order (``1 < 1a < 2 < 16``), modes
    in the order :class:`~wspolpraca_cli.grants.model.Mode` lists them, other values as text."""
    from wspolpraca_cli.grants.areas import AREAS, area_order
    from wspolpraca_cli.grants.model import Mode

    group = a.group or ""
    modes = list(Mode)
    if group in AREAS:
        place = area_order(group)
    elif group in modes:
        place = (modes.index(Mode(group)), "")
    else:
        place = (len(AREAS) + len(modes), group)
    return a.key, a.year, place, group


def without_computed(
    summaries: Iterable[PeriodSummary], tags: Iterable[TagSummary], computed: Sequence[Indicator]
) -> tuple[list[PeriodSummary], list[TagSummary]]:
    """The store's summaries (and tag groups) of entries without those of the ``computed``
    indicators: entries recorded before an indicator became computed do not count."""
    ids = {i.id for i in computed}
    kept = [s for s in summaries if s.indicator_id not in ids]
    return kept, [g for g in tags if g.indicator_id not in ids]


def refusal(ind: Indicator) -> InputError:
    """Why ``ind``, computed from the register, takes no entries (``wsp record``, ``wsp
    correct`` and an import of entries refuse it; exit 2), with the hint to import the
    register."""
    computes = notation(ind.computed) if ind.computed is not None else ""
    return InputError(
        t("record.computed", id=ind.id, computes=computes), hint=t("record.computed.hint")
    )


def notation(query: GrantQuery) -> str:
    """What an indicator computes, as the programme file writes it:
    ``{count: grants, where: {mode: 19a, area: [1a, 16]}, by: area}``."""
    if query.measure is Measure.COUNT:
        parts = [f"count: {'grants' if query.granted_only else 'offers'}"]
    else:
        parts = [f"{query.measure.value}: {query.column}"]
    if query.where:
        conditions = ", ".join(
            f"{column}: {values[0] if len(values) == 1 else '[' + ', '.join(values) + ']'}"
            for column, values in query.where
        )
        parts.append(f"where: {{{conditions}}}")
    if query.by:
        parts.append(f"by: {query.by}")
    return "{" + ", ".join(parts) + "}"

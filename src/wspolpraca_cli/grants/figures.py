"""The register's figures of a year, for the report's financial part and ``wsp check``.

:data:`QUERIES` are what a store is asked (:meth:`Store.grant_aggregates`, SQL over the
effective rows): per year, and per area of public tasks and per mode, the offers (every row),
the grants (rows with an amount granted), the funds granted and settled; and the number of
organisations granted funds. :func:`year_figures` reads one year's answers into a
:class:`YearFigures`. Pure: no store, no output.
"""

from __future__ import annotations

from collections.abc import Iterable

from wspolpraca_cli.grants.areas import area_order
from wspolpraca_cli.grants.model import GrantAggregate, GrantQuery, Measure, Mode
from wspolpraca_cli.records import record

_MEASURES: tuple[tuple[str, Measure, str | None, bool], ...] = (
    ("offers", Measure.COUNT, None, False),
    ("grants", Measure.COUNT, None, True),
    ("granted", Measure.SUM, "granted", False),
    ("settled", Measure.SUM, "settled", False),
)
"""(name, measure, column, granted only) of each figure a group has."""
BY = ("area", "mode")
"""The columns the figures are broken down by."""
TOTAL = "total"

QUERIES: tuple[GrantQuery, ...] = (
    *(
        GrantQuery(f"{by}:{name}", measure, column, by=by, granted_only=granted_only)
        for by in BY
        for name, measure, column, granted_only in _MEASURES
    ),
    GrantQuery("organisations", Measure.DISTINCT, "organisation", granted_only=True),
)
"""Every question the figures ask a store: each figure by area and by mode (a year's total
comes with its groups), and the organisations granted funds."""

TOTALS: tuple[GrantQuery, ...] = tuple(
    GrantQuery(f"{TOTAL}:{name}", measure, column, granted_only=granted_only)
    for name, measure, column, granted_only in _MEASURES
)
"""The year's totals alone (what ``wsp check`` asks: whether a year has rows, and the funds
granted in it)."""

MODE_ORDER = tuple(Mode)
"""Modes in the report's order: open competition, art. 19a, local initiative, other."""


@record
class GroupFigures:
    """The figures of one area, one mode, or the whole year (``key`` empty)."""

    key: str
    offers: int = 0
    """Rows: offers received (a grant without an offer, under art. 19b, is a row too)."""
    grants: int = 0
    """Rows with an amount granted."""
    granted: float = 0.0
    settled: float = 0.0

    @property
    def rejected(self) -> int:
        """Offers without a grant (rejected or withdrawn)."""
        return self.offers - self.grants


@record
class YearFigures:
    """A year of the register, and the funds the programme planned for it."""

    year: int
    planned: float | None
    total: GroupFigures
    by_area: tuple[GroupFigures, ...] = ()
    """In the act's order of art. 4 ust. 1."""
    by_mode: tuple[GroupFigures, ...] = ()
    """In :data:`MODE_ORDER`."""
    organisations: int = 0
    """Organisations granted funds."""

    @property
    def has_rows(self) -> bool:
        return self.total.offers > 0


def _groups(
    values: dict[tuple[str, str | None], dict[str, float]], by: str
) -> dict[str, dict[str, float]]:
    return {
        group: figures for (b, group), figures in values.items() if b == by and group is not None
    }


def _figures(key: str, values: dict[str, float]) -> GroupFigures:
    return GroupFigures(
        key,
        int(values.get("offers", 0)),
        int(values.get("grants", 0)),
        float(values.get("granted", 0.0)),
        float(values.get("settled", 0.0)),
    )


def year_figures(
    aggregates: Iterable[GrantAggregate], year: int, planned: float | None
) -> YearFigures:
    """The figures of ``year`` from a store's answers to :data:`QUERIES` (other years' are
    left out); ``planned``, the funds the programme plans for it."""
    values: dict[tuple[str, str | None], dict[str, float]] = {}
    organisations = 0
    for a in aggregates:
        if a.year != year:
            continue
        if a.key == "organisations":
            organisations = int(a.value) if a.group is None else organisations
            continue
        by, _, name = a.key.partition(":")
        if by not in (*BY, TOTAL) or not name:
            continue
        values.setdefault((TOTAL if a.group is None else by, a.group), {})[name] = a.value
    total = _figures("", values.get((TOTAL, None), {}))
    areas = _groups(values, "area")
    modes = _groups(values, "mode")
    mode_rank = {m.value: n for n, m in enumerate(MODE_ORDER)}
    return YearFigures(
        year,
        planned,
        total,
        tuple(_figures(k, areas[k]) for k in sorted(areas, key=area_order)),
        tuple(
            _figures(k, modes[k]) for k in sorted(modes, key=lambda m: (mode_rank.get(m, 99), m))
        ),
        organisations,
    )


def years_with_rows(aggregates: Iterable[GrantAggregate]) -> set[int]:
    """The years the register has rows of (from the answers to :data:`QUERIES`)."""
    offers = ("area:offers", "mode:offers", f"{TOTAL}:offers")
    return {a.year for a in aggregates if a.key in offers and a.group is None and a.value}

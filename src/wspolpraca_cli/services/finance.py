"""The grants register's money, for ``wsp check`` (the act's limits) and ``wsp report`` (the
financial tables): read from a store through its SQL aggregates and, for the limits, the
art. 19a rows of a year only — never the whole register."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from wspolpraca_cli.model import Program

if TYPE_CHECKING:
    from wspolpraca_cli.grants.figures import YearFigures
    from wspolpraca_cli.grants.rules import YearLimits
    from wspolpraca_cli.services.base import Workspace
    from wspolpraca_cli.store.interface import Store


def years_checked(program: Program, as_of: date, year: int | None) -> list[int]:
    """The years ``wsp check`` applies the limits to: ``year``, else every year of the
    programme begun by ``as_of``."""
    if year is not None:
        return [year]
    return [y for y in program.years if date(y, 1, 1) <= as_of]


def limits_in(store: Store, program: Program, years: Sequence[int]) -> tuple[YearLimits, ...]:
    """The act's limits applied to each of ``years`` that has register rows or planned
    funds (none: an empty register, an older store, no planned funds)."""
    from wspolpraca_cli.grants.figures import TOTALS, year_figures, years_with_rows
    from wspolpraca_cli.grants.model import Mode
    from wspolpraca_cli.grants.rules import check_year

    aggregates = store.grant_aggregates(TOTALS)
    with_rows = years_with_rows(aggregates)
    found = []
    for y in years:
        planned = program.planned(y)
        if y not in with_rows and planned is None:
            continue
        rows = store.grant_rows(year=y, mode=Mode.SMALL_GRANT.value) if y in with_rows else []
        granted = year_figures(aggregates, y, planned).total.granted
        found.append(check_year(y, rows, granted, planned))
    return tuple(found)


def figures_in(store: Store, program: Program, years: Sequence[int]) -> tuple[YearFigures, ...]:
    """The register's figures of each of ``years`` that has rows or planned funds, in the
    years' order (none: the report has no financial part)."""
    from wspolpraca_cli.grants.figures import QUERIES, year_figures, years_with_rows

    aggregates = store.grant_aggregates(QUERIES)
    with_rows = years_with_rows(aggregates)
    return tuple(
        year_figures(aggregates, y, program.planned(y))
        for y in years
        if y in with_rows or program.planned(y) is not None
    )


def register_figures(ws: Workspace, years: Sequence[int]) -> tuple[YearFigures, ...]:
    """:func:`figures_in` of the workspace's store (read-only)."""
    with ws.open(readonly=True) as store:
        return figures_in(store, ws.program, years)

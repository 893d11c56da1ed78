"""The report's financial part (issue 14): what the grants register says of a year, or of each
year of a multi-year evaluation.

For the year's report: grants and amounts by area of public tasks (art. 4 ust. 1, in the act's
order) and by mode, each with the offers received and rejected, and the year's funds —
planned, granted, settled — with the organisations granted funds. For the evaluation: one row
per year. Built from :class:`~wspolpraca_cli.grants.figures.YearFigures` (a store's SQL
aggregates); every text already in the current language; :mod:`.report_layout` lays it out
for every format. A report has this part only when the register has rows for it or the
programme plans funds for it.
"""

from __future__ import annotations

from collections.abc import Sequence

from wspolpraca_cli.grants.figures import GroupFigures, YearFigures
from wspolpraca_cli.i18n import t
from wspolpraca_cli.numfmt import DASH, format_amount, format_number, format_percent
from wspolpraca_cli.records import record


@record
class Figure:
    """A number and how the report shows it; ``kind`` ``amount`` (zł), ``count`` or
    ``share`` (a fraction shown as a percentage)."""

    value: float | None
    shown: str
    kind: str


@record
class FinanceRow:
    """An area's, a mode's or the total's figures."""

    label: str
    offers: Figure
    rejected: Figure
    grants: Figure
    granted: Figure
    settled: Figure
    total: bool = False

    @property
    def figures(self) -> tuple[Figure, ...]:
        return (self.offers, self.rejected, self.grants, self.granted, self.settled)


@record
class FinancePart:
    """The financial part of a year's report."""

    year: int
    by_area: tuple[FinanceRow, ...]
    by_mode: tuple[FinanceRow, ...]
    funds: tuple[tuple[str, Figure], ...]
    """The year's funds: planned, granted, the share granted of planned, settled, the
    organisations granted funds, offers received and rejected."""


@record
class FinanceYear:
    """One year of the evaluation's financial table."""

    year: int
    figures: tuple[Figure, ...]


@record
class FinanceYears:
    """The financial table of a multi-year evaluation: a row per year."""

    rows: tuple[FinanceYear, ...]


def amount(value: float | None, lang: str) -> Figure:
    return Figure(value, format_amount(value, lang), "amount")


def count(value: int, lang: str) -> Figure:
    return Figure(value, format_number(value, lang), "count")


def share(granted: float, planned: float | None, lang: str) -> Figure:
    ratio = granted / planned if planned else None
    return Figure(ratio, format_percent(ratio, lang) if ratio is not None else DASH, "share")


def area_label(key: str) -> str:
    """``16) kultury, sztuki, ochrony dóbr kultury …`` (a point the act lacks: as stored)."""
    from wspolpraca_cli.grants.areas import area_name

    try:
        return f"{key}) {area_name(key)}"
    except KeyError:
        return key


def mode_label(key: str) -> str:
    from wspolpraca_cli.grants.model import Mode

    known = {m.value for m in Mode}
    return t(f"report.finance.mode.{key}") if key in known else key


def _row(label: str, g: GroupFigures, lang: str, total: bool = False) -> FinanceRow:
    return FinanceRow(
        label,
        count(g.offers, lang),
        count(g.rejected, lang),
        count(g.grants, lang),
        amount(g.granted, lang),
        amount(g.settled, lang),
        total,
    )


def finance_part(figures: YearFigures | None, lang: str) -> FinancePart | None:
    """The financial part of the year ``figures`` are of (None without them)."""
    if figures is None:
        return None
    total = t("report.finance.total")
    by_area = tuple(_row(area_label(g.key), g, lang) for g in figures.by_area)
    by_mode = tuple(_row(mode_label(g.key), g, lang) for g in figures.by_mode)
    if figures.has_rows:
        by_area += (_row(total, figures.total, lang, total=True),)
        by_mode += (_row(total, figures.total, lang, total=True),)
    g = figures.total
    funds = (
        (t("report.finance.planned"), amount(figures.planned, lang)),
        (t("report.finance.granted"), amount(g.granted, lang)),
        (t("report.finance.granted_share"), share(g.granted, figures.planned, lang)),
        (t("report.finance.settled"), amount(g.settled, lang)),
        (t("report.finance.organisations"), count(figures.organisations, lang)),
        (t("report.finance.offers"), count(g.offers, lang)),
        (t("report.finance.rejected"), count(g.rejected, lang)),
        (t("report.finance.grants"), count(g.grants, lang)),
    )
    return FinancePart(figures.year, by_area, by_mode, funds)


def finance_years(
    figures: Sequence[YearFigures], years: Sequence[int], lang: str
) -> FinanceYears | None:
    """The evaluation's financial table: a row for each of ``years`` (zeros for a year
    without rows) when any year has figures, else None."""
    if not figures:
        return None
    by_year = {f.year: f for f in figures}
    rows = []
    for year in years:
        f = by_year.get(year) or YearFigures(year, None, GroupFigures(""))
        g = f.total
        rows.append(
            FinanceYear(
                year,
                (
                    amount(f.planned, lang),
                    amount(g.granted, lang),
                    share(g.granted, f.planned, lang),
                    amount(g.settled, lang),
                    count(g.offers, lang),
                    count(g.rejected, lang),
                    count(g.grants, lang),
                    count(f.organisations, lang),
                ),
            )
        )
    return FinanceYears(tuple(rows))


def group_headers(first: str) -> list[str]:
    """The headers of a table by area or by mode, ``first`` naming its first column."""
    return [
        first,
        t("report.finance.col.offers"),
        t("report.finance.col.rejected"),
        t("report.finance.col.grants"),
        t("report.finance.col.granted"),
        t("report.finance.col.settled"),
    ]


def years_headers() -> list[str]:
    return [
        t("report.finance.col.year"),
        t("report.finance.col.planned"),
        t("report.finance.col.granted"),
        t("report.finance.col.granted_share"),
        t("report.finance.col.settled"),
        t("report.finance.col.offers"),
        t("report.finance.col.rejected"),
        t("report.finance.col.grants"),
        t("report.finance.col.organisations"),
    ]

"""The act's limits applied to one year of the register: what ``wsp check`` reports.

:func:`check_year` takes the effective art. 19a rows of a year, the funds granted that year
in every mode (a store's aggregate) and the funds the programme plans for it, and finds:

- an art. 19a grant above :data:`~.limits.SMALL_GRANT_AMOUNT`;
- an art. 19a task lasting longer than :data:`~.limits.SMALL_GRANT_DAYS`;
- an organisation (its KRS number when a row gives one, else its name in any case) granted
  more than :data:`~.limits.SMALL_GRANT_PER_ORGANISATION` of art. 19a grants in the year;
- art. 19a grants above :data:`~.limits.SMALL_GRANT_SHARE` of the funds planned for the year;
- funds granted above the funds planned (:data:`~.limits.PLANNED_FUNDS`).

The values come from :mod:`.limits` alone. Amounts are compared in whole grosze, so that a
sum of rows is exact. Pure: no store, no SQL, no output.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from wspolpraca_cli.grants.limits import (
    PLANNED_FUNDS,
    SMALL_GRANT_AMOUNT,
    SMALL_GRANT_DAYS,
    SMALL_GRANT_PER_ORGANISATION,
    SMALL_GRANT_SHARE,
    Limit,
)
from wspolpraca_cli.grants.model import GrantRow, Mode
from wspolpraca_cli.records import record


@record
class FindingRow:
    """A register row a finding names."""

    uid: str
    organisation: str
    title: str
    granted: float | None
    days: int | None = None


@record
class Finding:
    """One limit the register breaks in a year, and the rows that break it."""

    limit: Limit
    year: int
    value: float
    """What was found: the grant, the task's days, the organisation's art. 19a total, the
    year's art. 19a total, the funds granted."""
    bound: float
    """What the limit allows, in the same measure (zł or days): for the share, that share of
    the funds planned."""
    rows: tuple[FindingRow, ...] = ()
    """The rows at fault (none for the funds granted in every mode, which no row alone is)."""
    organisation: str = ""
    """The organisation of a per-organisation finding, as its first row names it."""
    krs: str = ""
    planned: float | None = None
    """The funds planned for the year, for the findings measured against them."""


@record
class FundsBalance:
    """The year's funds: planned (None when the programme gives none) against granted."""

    year: int
    planned: float | None
    granted: float
    small_grants: float
    """Granted under art. 19a."""

    @property
    def share(self) -> float | None:
        """Granted as a share of planned (None without planned funds or with none planned)."""
        if self.planned is None or self.planned <= 0:
            return None
        return self.granted / self.planned


@record
class YearLimits:
    """What the act's limits find in one year of the register."""

    year: int
    findings: tuple[Finding, ...]
    balance: FundsBalance


def grosze(amount: float | None) -> int:
    """An amount in zł as whole grosze (None counts as nothing)."""
    return 0 if amount is None else round(amount * 100)


def _zl(grosz: int | Fraction) -> float:
    return float(Fraction(grosz) / 100)


def is_grant(row: GrantRow) -> bool:
    """Whether ``row`` grants funds (an offer rejected or withdrawn has no grant)."""
    return grosze(row.granted) > 0


def organisation_key(row: GrantRow) -> tuple[str, str]:
    """Who a row's organisation is: its KRS number when the row gives one, else its name
    with case and spacing ignored (a row with neither is an organisation of its own: nothing
    says two such rows are one organisation's)."""
    krs = row.krs.strip()
    if krs:
        return "krs", krs
    name = " ".join(row.organisation.split()).casefold()
    return ("name", name) if name else ("row", row.uid)


def _row(row: GrantRow) -> FindingRow:
    return FindingRow(row.uid, row.organisation, row.title, row.granted, row.days)


def small_grants_of(year: int, rows: Sequence[GrantRow]) -> list[GrantRow]:
    """The art. 19a grants of ``year`` among ``rows`` (the effective ones a store gives)."""
    return [
        r
        for r in rows
        if r.year == year and r.mode is Mode.SMALL_GRANT and not r.void and is_grant(r)
    ]


def _over_amount(year: int, grants: list[GrantRow]) -> list[Finding]:
    bound = grosze(SMALL_GRANT_AMOUNT.value)
    return [
        Finding(SMALL_GRANT_AMOUNT, year, _zl(grosze(r.granted)), _zl(bound), (_row(r),))
        for r in grants
        if grosze(r.granted) > bound
    ]


def _over_days(year: int, grants: list[GrantRow]) -> list[Finding]:
    bound = SMALL_GRANT_DAYS.value
    return [
        Finding(SMALL_GRANT_DAYS, year, float(days), bound, (_row(r),))
        for r in grants
        if (days := r.days) is not None and days > bound
    ]


def _over_per_organisation(year: int, grants: list[GrantRow]) -> list[Finding]:
    bound = grosze(SMALL_GRANT_PER_ORGANISATION.value)
    by_organisation: dict[tuple[str, str], list[GrantRow]] = {}
    for r in grants:
        by_organisation.setdefault(organisation_key(r), []).append(r)
    found = []
    for (kind, key), rows in by_organisation.items():
        total = sum(grosze(r.granted) for r in rows)
        if total > bound:
            found.append(
                Finding(
                    SMALL_GRANT_PER_ORGANISATION,
                    year,
                    _zl(total),
                    _zl(bound),
                    tuple(_row(r) for r in rows),
                    organisation=rows[0].organisation,
                    krs=key if kind == "krs" else "",
                )
            )
    return found


def _over_share(year: int, grants: list[GrantRow], planned: float | None) -> list[Finding]:
    if planned is None:
        return []
    share = Fraction(repr(SMALL_GRANT_SHARE.value))
    bound = grosze(planned) * share
    total = sum(grosze(r.granted) for r in grants)
    if total <= bound:
        return []
    rows = tuple(_row(r) for r in grants)
    return [Finding(SMALL_GRANT_SHARE, year, _zl(total), _zl(bound), rows, planned=planned)]


def _over_planned(year: int, granted: float, planned: float | None) -> list[Finding]:
    if planned is None:
        return []
    bound = grosze(planned) * Fraction(repr(PLANNED_FUNDS.value))
    if grosze(granted) <= bound:
        return []
    return [Finding(PLANNED_FUNDS, year, _zl(grosze(granted)), _zl(bound), planned=planned)]


def check_year(
    year: int, small_grants: Sequence[GrantRow], granted: float, planned: float | None
) -> YearLimits:
    """The act's limits applied to ``year``: ``small_grants``, the year's effective art. 19a
    rows (others are left out); ``granted``, the funds granted in the year in every mode;
    ``planned``, the funds the programme plans for it (None: the rules measured against
    planned funds are not applied). Findings come in the order of :data:`.limits.LIMITS`,
    each rule's in the rows' order."""
    grants = small_grants_of(year, small_grants)
    findings = [
        *_over_amount(year, grants),
        *_over_days(year, grants),
        *_over_per_organisation(year, grants),
        *_over_share(year, grants, planned),
        *_over_planned(year, granted, planned),
    ]
    small = _zl(sum(grosze(r.granted) for r in grants))
    balance = FundsBalance(year, planned, _zl(grosze(granted)), small)
    return YearLimits(year, tuple(findings), balance)

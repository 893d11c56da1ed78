"""A row of the grants register, its columns and modes, and the register's aggregate queries.

A row is one offer or grant: the year, the mode (open competition, art. 19a, local
initiative, other), the area of public tasks (a point of art. 4 ust. 1), the department, the
organisation (name and KRS number), the task's title, the amounts requested, granted, settled
and returned, the contract's date and the task's start and end. Rows are append-only like
entries: a correction or a void is a new row whose ``supersedes`` names the row it replaces.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from wspolpraca_cli.records import record


class Mode(StrEnum):
    """How a grant was awarded."""

    COMPETITION = "konkurs"
    """An open competition of offers (art. 11 ust. 2, art. 13)."""
    SMALL_GRANT = "19a"
    """A small grant outside a competition (art. 19a)."""
    LOCAL_INITIATIVE = "inicjatywa"
    """A local initiative (art. 19b–19h)."""
    OTHER = "inny"
    """Any other mode (regranting, a partnership, a grant under another act)."""


_MODE_ALIASES: dict[str, Mode] = {
    **{
        name: Mode.COMPETITION
        for name in (
            "konkurs", "otwarty konkurs ofert", "otwarty konkurs", "konkurs ofert", "okk",
            "tryb konkursowy", "open competition", "competition",
        )
    },
    **{
        name: Mode.SMALL_GRANT
        for name in (
            "19a", "art. 19a", "art 19a", "art.19a", "tryb art. 19a", "tryb 19a",
            "pozakonkursowy", "tryb pozakonkursowy", "poza konkursem", "mały grant",
            "małe granty", "maly grant", "male granty", "small grant", "small grants",
        )
    },
    **{
        name: Mode.LOCAL_INITIATIVE
        for name in (
            "inicjatywa", "inicjatywa lokalna", "inicjatywy lokalne", "art. 19b",
            "local initiative",
        )
    },
    **{name: Mode.OTHER for name in ("inny", "inne", "inna", "pozostałe", "other")},
}  # fmt: skip


def _normalised(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip(".")


def parse_mode(text: str) -> Mode | None:
    """The mode ``text`` names (a mode's value or one of its usual spellings, in any case),
    or None."""
    return _MODE_ALIASES.get(_normalised(text))


def mode_aliases() -> dict[str, Mode]:
    """Every spelling :func:`parse_mode` accepts, with its mode (for hints and docs)."""
    return dict(_MODE_ALIASES)


COLUMNS = (
    "ref", "year", "mode", "area", "department", "organisation", "krs", "title", "requested",
    "granted", "settled", "returned", "contract_date", "start", "end",
)  # fmt: skip
"""The register's columns, in the template's order (their English names). ``ref`` — the
register's own number of the offer or contract — is optional: with it, a re-import of a changed
row corrects the stored row of that number instead of adding a second one."""
AMOUNT_COLUMNS = ("requested", "granted", "settled", "returned")
"""The columns that hold amounts in zł (what ``sum`` may add)."""
DATE_COLUMNS = ("contract_date", "start", "end")
GROUP_COLUMNS = ("mode", "area", "department")
"""The columns a computed indicator may break its value down by."""
FILTER_COLUMNS = ("year", "mode", "area", "department", "organisation", "krs")
"""The columns a computed indicator's ``where`` may name."""
DISTINCT_COLUMNS = ("organisation", "krs", "area", "department", "mode", "title")
"""The columns ``distinct`` may count the values of."""


@record
class GrantRow:
    """One offer or grant of the register, as stored."""

    uid: str
    """A stable identifier; an imported row's is derived from its content (idempotence)."""
    year: int
    mode: Mode
    area: str
    """The point of art. 4 ust. 1 (a key of :data:`~wspolpraca_cli.grants.areas.AREAS`)."""
    ref: str = ""
    """The register's own number of the offer or contract (``nr``), empty when not given."""
    department: str = ""
    organisation: str = ""
    krs: str = ""
    """The organisation's KRS number (ten digits), empty when it has none."""
    title: str = ""
    requested: float | None = None
    granted: float | None = None
    """None for an offer not granted (rejected or withdrawn)."""
    settled: float | None = None
    returned: float | None = None
    contract_date: date | None = None
    start: date | None = None
    end: date | None = None
    void: bool = False
    """A void row: it removes the row it supersedes from the register."""
    supersedes: str | None = None
    reason: str = ""
    recorded_by: str = ""
    recorded_at: str = ""
    seq: int = 0
    """Store-local insertion order."""

    @property
    def days(self) -> int | None:
        """How many days the task lasts, both ends counted (None without both dates)."""
        if self.start is None or self.end is None:
            return None
        return (self.end - self.start).days + 1


class Measure(StrEnum):
    """What a computed indicator measures of the register rows it selects."""

    COUNT = "count"
    """How many rows (``count: grants``: granted rows; ``count: offers``: every row)."""
    SUM = "sum"
    """The sum of an amount column."""
    DISTINCT = "distinct"
    """How many distinct values of a column (``distinct: organisation``)."""


@record
class GrantQuery:
    """What a computed indicator asks of the register: one aggregate per year (the row's
    ``year``) and, with ``by``, per value of a column as well. Rows superseded or voided do not
    count. ``granted_only`` keeps the rows with an amount granted above zero (``count:
    grants``; ``count: offers`` counts every row)."""

    key: str
    """Whose question this is (the indicator's id)."""
    measure: Measure
    column: str | None = None
    """The amount column of ``sum``, the column of ``distinct``; None for ``count``."""
    where: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(column, accepted values) pairs, all of which a row must meet (values as stored: a
    mode's value, an area's key, a year as text)."""
    by: str | None = None
    """A column of :data:`GROUP_COLUMNS` to break the value down by."""
    granted_only: bool = False


@record
class GrantAggregate:
    """One answer to a :class:`GrantQuery`: the value of one year (and one group)."""

    key: str
    year: int
    value: float
    group: str | None = None
    """The ``by`` column's value of this group; None for the year's total."""

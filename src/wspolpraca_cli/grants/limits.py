"""The limits the act sets on grants, as data (``wsp check`` applies them to the register).

The values are those of the act in force (ustawa z dnia 24 kwietnia 2003 r. o działalności
pożytku publicznego i o wolontariacie, consolidated text Dz.U. 2024 poz. 1491). When the act
changes, this module changes, and nothing else. The provisions cited are to be checked
against the consolidated text in ISAP before a report cites them (see ``docs/grants.md``).
"""

from __future__ import annotations

from wspolpraca_cli.records import record


@record
class Limit:
    """One limit: what it bounds, its value, and where the act sets it."""

    key: str
    value: float
    basis: str
    """The provision, as a report cites it (``art. 19a ust. 1``)."""


SMALL_GRANT_AMOUNT = Limit("small_grant_amount", 10_000.0, "art. 19a ust. 1 pkt 1")
"""An art. 19a grant may not exceed 10 000 zł."""
SMALL_GRANT_DAYS = Limit("small_grant_days", 90, "art. 19a ust. 1 pkt 2")
"""An art. 19a task may not last longer than 90 days."""
SMALL_GRANT_PER_ORGANISATION = Limit("small_grant_per_organisation", 20_000.0, "art. 19a ust. 2")
"""One organisation may not receive more than 20 000 zł of art. 19a grants in a year."""
SMALL_GRANT_SHARE = Limit("small_grant_share", 0.20, "art. 19a ust. 1a")
"""Art. 19a grants may not exceed 20 % of the funds planned for grants in the year."""

PLANNED_FUNDS = Limit("planned_funds", 1.0, "art. 5a ust. 4 pkt 8")
"""The funds granted in a year are not to exceed the funds the programme plans for it (the
programme states them, ``program.planned_funds``): a share of them, 1.0 being all."""

LIMITS = (
    SMALL_GRANT_AMOUNT,
    SMALL_GRANT_DAYS,
    SMALL_GRANT_PER_ORGANISATION,
    SMALL_GRANT_SHARE,
    PLANNED_FUNDS,
)
"""Every limit, in the order ``wsp check`` reports them."""

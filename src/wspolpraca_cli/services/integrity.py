"""The store's integrity: the quick check ``wsp check`` runs before it judges anything, and
the full one of ``wsp store verify``."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from wspolpraca_cli.errors import StoreError
from wspolpraca_cli.i18n import t
from wspolpraca_cli.services.base import Workspace

if TYPE_CHECKING:
    from wspolpraca_cli.store import Store


class Verification(NamedTuple):
    """What ``wsp store verify`` found."""

    location: str
    exists: bool
    """Whether anything is stored there yet (a missing store has nothing to check)."""
    problems: tuple[str, ...]
    schema_version: int
    entries: int

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_store(store: Store) -> Verification:
    """The full check of an open store: SQLite's own and wsp's rules."""
    if not store.exists:
        return Verification(store.location, False, (), 0, 0)
    problems = tuple(store.verify(full=True))
    version = entries = 0
    if not problems:  # a damaged store's figures mean nothing
        version, entries = store.schema_version(), store.count()
    return Verification(store.location, True, problems, version, entries)


def require_intact(ws: Workspace) -> None:
    """Raise :class:`StoreError` (exit 3) when the quick check finds the store damaged:
    what a damaged store reads as could pass for data (``wsp check``, the cron gate)."""
    with ws.open(readonly=True) as store:
        problems = store.verify(full=False)
    if problems:
        raise StoreError(
            t("store.quick_check_failed", path=ws.location, problem=problems[0]),
            hint=t("store.quick_check_failed.hint"),
        )

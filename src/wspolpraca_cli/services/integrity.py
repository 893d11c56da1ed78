"""The store's integrity: the quick check ``wsp check`` runs before it judges anything, and
the full one of ``wsp store verify``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from wspolpraca_cli.errors import StoreError
from wspolpraca_cli.i18n import t
from wspolpraca_cli.services.base import Workspace

if TYPE_CHECKING:
    from wspolpraca_cli.store import Store

_T = TypeVar("_T")


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
    _raise_if_damaged(ws, _quick_check(ws))


def _quick_check(ws: Workspace) -> list[str]:
    with ws.open(readonly=True) as store:
        return store.verify(full=False)


def _raise_if_damaged(ws: Workspace, problems: list[str]) -> None:
    if problems:
        raise StoreError(
            t("store.quick_check_failed", path=ws.location, problem=problems[0]),
            hint=t("store.quick_check_failed.hint"),
        )


def intact_while(ws: Workspace, work: Callable[[], _T]) -> _T:
    """What ``work()`` gives, from a store that passes the quick check: as
    :func:`require_intact` followed by ``work()``, the check run meanwhile.

    The check reads every page of the store through its own connection, in a thread: SQLite
    runs it without Python's lock, so on a second core it costs ``wsp check`` nothing (0.25 s
    at 1,000,000 entries, a quarter of the command). Its outcome comes first, as if it had
    run before: an error opening the store for it, or the damage it finds (StoreError, exit
    3), stands whatever ``work`` gave or raised; ``work``'s own error only after a passed
    check."""
    import threading

    outcome: list[list[str] | BaseException] = []

    def run() -> None:
        try:
            outcome.append(_quick_check(ws))
        except BaseException as exc:  # handed to the caller's thread
            outcome.append(exc)

    checker = threading.Thread(target=run, name="wsp-quick-check", daemon=True)
    checker.start()
    try:
        result = work()
    except Exception:
        checker.join()
        _check_outcome(ws, outcome)
        raise
    checker.join()
    _check_outcome(ws, outcome)
    return result


def _check_outcome(ws: Workspace, outcome: list[list[str] | BaseException]) -> None:
    found = outcome[0]
    if isinstance(found, BaseException):
        raise found
    _raise_if_damaged(ws, found)

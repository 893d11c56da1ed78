"""The store itself as the subject: ``wsp store copy`` (every entry from one store to another,
SQLite or PostgreSQL, all or nothing, idempotent) and ``wsp store info`` (what a store is and
holds). Stores are opened through :func:`wspolpraca_cli.store.open_store`; no SQL here."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from wspolpraca_cli.audit import Explanation, LockEvent
from wspolpraca_cli.errors import InputError, UsageError
from wspolpraca_cli.i18n import t

if TYPE_CHECKING:
    from wspolpraca_cli.store.interface import ImportSession, Store

COPY_BATCH = 2000
"""Entries read from the source and added to the target at a time (memory stays flat)."""


class CopyResult(NamedTuple):
    source: str
    target: str
    added: int
    present: int
    """Entries the target already held with the same content (a repeated copy)."""
    events_added: int = 0
    """Period locks and unlocks, explanations and withdrawals copied (the audit trail)."""
    events_present: int = 0
    grants_added: int = 0
    """Rows of the grants register copied (every version)."""
    grants_present: int = 0


class CopyConflict(InputError):
    """Entries of the source whose uid the target holds with other content (exit 2)."""


def copy_store(
    source: Path | str,
    target: Path | str,
    *,
    timeout: float,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
) -> CopyResult:
    """Copy every entry of ``source`` (records, corrections, voids: uids, times, users and
    supersessions kept), its grants register (every row's version, as stored), and then its
    audit trail (period locks, explanations), into
    ``target``, in one transaction of the target: all or nothing. An
    entry the target already has (same uid, same content) is left as it is, so a second copy
    adds nothing; the same uid with other content is :class:`CopyConflict` naming the uids,
    and nothing is stored. Read and written a batch at a time."""
    from wspolpraca_cli.store import open_store

    if _same(source, target):
        raise UsageError(t("store.copy.same", path=_shown(source)))
    with open_store(source, readonly=True, timeout=timeout) as src:
        if not src.exists:
            raise InputError(t("store.copy.no_source", path=src.location))
        with open_store(target, timeout=timeout) as dst:
            added = present = events_added = events_present = 0
            grants = _GrantsCopied(0, 0, [], None)
            conflicts: list[str] = []
            first: InputError | None = None
            entries = src.iter_entries()
            try:
                with dst.importing(dry_run=dry_run) as session:
                    while batch := list(itertools.islice(entries, COPY_BATCH)):
                        outcome = session.add(batch)
                        added += outcome.added
                        present += outcome.present
                        for index, error in outcome.rejected:
                            conflicts.append(batch[index].uid)
                            first = first or error
                        if conflicts:
                            session.discard()
                            break
                        if progress is not None:
                            progress(added + present)
                    if not conflicts:
                        grants = _copy_grants(src, session)
                        conflicts, first = grants.conflicts, grants.first
                    if not conflicts:
                        # the trail after the entries: a lock copied first would refuse them
                        trail: list[LockEvent | Explanation] = [*src.lock_events()]
                        trail += src.explanations()
                        outcome = session.add_trail(trail)
                        events_added, events_present = outcome.added, outcome.present
                        for index, error in outcome.rejected:
                            conflicts.append(trail[index].uid)
                            first = first or error
                        if conflicts:
                            session.discard()
            finally:
                close = getattr(entries, "close", None)
                if close is not None:
                    close()
            if first is not None:
                shown = ", ".join(conflicts[:6]) + (", …" if len(conflicts) > 6 else "")
                raise CopyConflict(
                    t("store.copy.conflict", target=dst.location, uids=shown, error=first.message),
                    hint=t("store.copy.conflict.hint"),
                )
            return CopyResult(
                src.location, dst.location, added, present, events_added, events_present,
                grants.added, grants.present,
            )  # fmt: skip


class _GrantsCopied(NamedTuple):
    added: int
    present: int
    conflicts: list[str]
    first: InputError | None


def _copy_grants(src: Store, session: ImportSession) -> _GrantsCopied:
    """Copy every row of the grants register of ``src`` (every version, in order) into the
    copy's transaction, after the entries and before the audit trail (a lock copied first
    would refuse the rows of its year); discards the copy when a row cannot be stored."""
    added = present = 0
    conflicts: list[str] = []
    first: InputError | None = None
    rows = src.iter_grants()
    try:
        while batch := list(itertools.islice(rows, COPY_BATCH)):
            outcome = session.add_grants(batch)
            added += outcome.added
            present += outcome.present
            for index, error in outcome.rejected:
                conflicts.append(batch[index].uid)
                first = first or error
            if conflicts:
                session.discard()
                break
    finally:
        close = getattr(rows, "close", None)
        if close is not None:
            close()
    return _GrantsCopied(added, present, conflicts, first)


def _same(a: Path | str, b: Path | str) -> bool:
    if isinstance(a, Path) and isinstance(b, Path):
        try:
            return a.resolve() == b.resolve()
        except OSError:
            return a == b
    return str(a) == str(b)


def _shown(location: Path | str) -> str:
    if isinstance(location, Path):
        return str(location)
    from wspolpraca_cli.store import shown_url

    return shown_url(location)


class StoreInfo(NamedTuple):
    """What ``wsp store info`` shows."""

    backend: str
    """``sqlite`` or ``postgresql``."""
    location: str
    """The path, or the URL with its password hidden."""
    exists: bool
    schema_version: int
    entries: int
    indicators: int
    """Indicators with at least one entry (voided ones too)."""
    grants: int = 0
    """Rows of the grants register, every version (none before schema 5)."""


def store_info(location: Path | str, *, timeout: float) -> StoreInfo:
    """Open the store at ``location`` read-only (nothing is created) and describe it."""
    from wspolpraca_cli.store import open_store

    with open_store(location, readonly=True, timeout=timeout) as store:
        if not store.exists:
            return StoreInfo(store.backend, store.location, False, 0, 0, 0)
        return StoreInfo(
            store.backend,
            store.location,
            True,
            store.schema_version(),
            store.count(),
            store.indicator_count(),
            store.grant_count(),
        )

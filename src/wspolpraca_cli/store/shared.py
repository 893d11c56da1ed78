"""What every store backend shares: entry ids, timestamps, the user, import results, uid
prefixes, the rule of what an imported entry must equal. The protocol is
:class:`wspolpraca_cli.store.interface.Store`."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from itertools import pairwise
from typing import NamedTuple, TypeVar

from wspolpraca_cli.entries import Entry
from wspolpraca_cli.errors import InputError
from wspolpraca_cli.i18n import t
from wspolpraca_cli.records import replace

DEFAULT_TIMEOUT = 10.0
"""Seconds a writer waits for another writer's lock before giving up (exit 3)."""
MIN_PREFIX = 4
"""The shortest uid prefix accepted by :meth:`Store.get`."""
AMBIGUOUS_SHOWN = 6
"""How many entries an ambiguous uid prefix names."""

_UID_PATTERN = r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}"


class EntriesRejected(InputError):
    """Entries the store refused; ``rejected`` holds (index in the input, error) pairs."""

    def __init__(
        self, rejected: list[tuple[int, InputError]], added: int = 0, present: int = 0
    ) -> None:
        first = rejected[0][1]
        super().__init__(first.message, first.hint)
        self.rejected = rejected
        self.added = added
        """How many of the other entries would have been added."""
        self.present = present


class ImportResult(NamedTuple):
    added: int
    present: int
    """Entries whose uid the store already held with the same content."""


class BatchOutcome(NamedTuple):
    """What one batch of an import did (see ``Store.importing``)."""

    added: int
    present: int
    rejected: list[tuple[int, InputError]]
    """The entries that cannot be stored: (index in the batch, why)."""


def new_uid() -> str:
    """A fresh entry id: 32 hexadecimal digits (random), shown shortened to its first 8."""
    import uuid  # imported on demand: start-up time matters for every command

    return uuid.uuid4().hex


def now_utc() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def current_user() -> str:
    """The operating-system user, for ``recorded_by``."""
    try:
        import getpass

        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no user database entry (containers)
        return os.environ.get("USER") or os.environ.get("USERNAME") or "?"


def valid_uid(uid: str) -> bool:
    match = _uid_match or _compile_uid()  # compiled on first use (an import checks every row)
    return match(uid) is not None


_uid_match: Callable[[str], re.Match[str] | None] | None = None


def _compile_uid() -> Callable[[str], re.Match[str] | None]:
    global _uid_match
    _uid_match = re.compile(_UID_PATTERN).fullmatch
    return _uid_match


def completed(entry: Entry) -> Entry:
    """``entry`` with what the store fills in: a new uid, the time and the user when empty."""
    return replace(
        entry,
        uid=entry.uid or new_uid(),
        recorded_at=entry.recorded_at or now_utc(),
        recorded_by=entry.recorded_by or current_user(),
    )


_Row = TypeVar("_Row")


def find_by_uid(
    uid: str,
    rows_of: Callable[[str], Sequence[_Row]],
    uids_from: Callable[[str], list[str]],
    *,
    ambiguous: str = "store.prefix_ambiguous",
    short: Callable[[str], None] | None = None,
    vanished: Callable[[], BaseException] | None = None,
) -> _Row | None:
    """The stored row of ``uid``, or of the one uid it is a prefix of (at least
    :data:`MIN_PREFIX` characters); None when nothing matches. ``rows_of(uid)`` reads one uid's
    rows; ``uids_from(prefix)`` reads up to ``AMBIGUOUS_SHOWN + 1`` uids starting with
    ``prefix`` (from the uid index). InputError (exit 2) for a shorter prefix — ``short`` runs
    first, for a backend's damage check — and for a prefix of several uids (message
    ``ambiguous``). A uid found by its prefix whose row is then missing is ``vanished()``
    raised, or None without it."""
    wanted = uid.strip()
    if not wanted or "\x00" in wanted:
        return None
    rows = rows_of(wanted)
    if rows:
        return rows[0]
    if len(wanted) < MIN_PREFIX:
        if short is not None:
            short(wanted)
        raise InputError(t("store.prefix_short", uid=wanted, min=MIN_PREFIX))
    uids = uids_from(wanted)
    if not uids:
        return None
    if len(uids) > 1:
        raise InputError(
            t(ambiguous, uid=wanted, found=distinct_prefixes(uids, wanted)),
            hint=t("store.prefix_ambiguous.hint"),
        )
    rows = rows_of(uids[0])
    if rows:
        return rows[0]
    if vanished is not None:
        raise vanished()
    return None


def distinct_prefixes(uids: Sequence[str], wanted: str = "", shortest: int = 8) -> str:
    """``uids`` shortened to as many characters as it takes to tell them apart (at least
    ``shortest``), comma-separated; more than :data:`AMBIGUOUS_SHOWN` end with ``…``."""
    shown = list(uids[:AMBIGUOUS_SHOWN])
    length = max(shortest, len(wanted) + 1)
    ordered = sorted(shown)
    for a, b in pairwise(ordered):
        common = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
        length = max(length, common + 1)
    text = ", ".join(u[:length] for u in shown)
    return text + (", …" if len(uids) > AMBIGUOUS_SHOWN else "")


def same_content(stored: Entry, incoming: Entry) -> bool:
    """Equal apart from the store-local ``seq``; an empty ``recorded_at``/``recorded_by`` of the
    incoming entry (a hand-written import row) matches what the store filled in."""
    return replace(stored, seq=0) == replace(
        incoming,
        seq=0,
        recorded_at=incoming.recorded_at or stored.recorded_at,
        recorded_by=incoming.recorded_by or stored.recorded_by,
    )


def entry_groups(groups: Iterable[tuple[str, Sequence[str]]]) -> list[tuple[str, tuple[str, ...]]]:
    """The groups of :meth:`~wspolpraca_cli.store.interface.Store.latest_entries` (an
    indicator and its period codes), each once and each code once, in the order given."""
    return list(dict.fromkeys((ind, tuple(dict.fromkeys(codes))) for ind, codes in groups))

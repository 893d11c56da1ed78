"""The measurement store: the :class:`Store` protocol and :func:`open_store`, which picks the
backend a location names. A path is an SQLite store (:mod:`.sqlite`), a ``postgresql://`` URL
a PostgreSQL one (:mod:`.postgres`, whose driver is imported only then); a new backend is a
module beside it and one branch in :func:`open_store`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from wspolpraca_cli.store.shared import (
    DEFAULT_TIMEOUT,
    MIN_PREFIX,
    EntriesRejected,
    ImportResult,
    distinct_prefixes,
    valid_uid,
)

if TYPE_CHECKING:
    from wspolpraca_cli.store.interface import Store

__all__ = [
    "DEFAULT_TIMEOUT",
    "MIN_PREFIX",
    "EntriesRejected",
    "ImportResult",
    "Store",
    "distinct_prefixes",
    "open_store",
    "shown_url",
    "valid_uid",
]


def open_store(
    location: str | Path,
    *,
    readonly: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    create_folders: bool = False,
) -> Store:
    """Open the store at ``location`` (and, unless ``readonly``, create and migrate it).

    ``readonly`` on a store that does not exist yet gives an empty store and creates nothing;
    ``create_folders`` lets a new store's folders be made (the default location in the user
    data directory). Raises :class:`~wspolpraca_cli.errors.StoreError` (exit 3) for anything
    that keeps the store from being used. A ``str`` that is a PostgreSQL URL opens that
    database (``create_folders`` means nothing there); another URL is UsageError (exit 2).
    """
    from wspolpraca_cli.locate import store_url

    url = store_url(location)
    if url is not None:
        try:
            from wspolpraca_cli.store.postgres import open_postgres
        except ImportError as exc:  # psycopg missing or broken in this installation
            from wspolpraca_cli.errors import StoreError
            from wspolpraca_cli.i18n import t

            raise StoreError(
                t("store.pg_no_driver", error=exc), hint=t("store.pg_no_driver.hint")
            ) from None
        return open_postgres(url, readonly=readonly, timeout=timeout)
    from wspolpraca_cli.store.sqlite import open_sqlite

    return open_sqlite(
        Path(location), readonly=readonly, timeout=timeout, create_folders=create_folders
    )


def shown_url(url: str) -> str:
    """A PostgreSQL URL as people are shown it: its password hidden."""
    from wspolpraca_cli.store.postgres_url import shown_url as hide

    return hide(url)


def __getattr__(name: str) -> Any:
    """``Store`` on demand: the protocol is for type checking, and costs start-up time."""
    if name == "Store":
        from wspolpraca_cli.store.interface import Store

        return Store
    raise AttributeError(name)

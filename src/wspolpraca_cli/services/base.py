"""What every use case works on: the :class:`Workspace` (the programme and its store)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from wspolpraca_cli.model import Program

if TYPE_CHECKING:
    from wspolpraca_cli.store import Store

SHORT = 8
"""How many characters of an entry id are shown (any unique prefix of 4 or more is accepted)."""


class Workspace(NamedTuple):
    """The programme in use and its store."""

    program: Program
    location: str
    """Where the store is, as people are shown it."""
    opener: Callable[[bool], Store]
    """Opens the store: ``opener(readonly)``."""

    def open(self, *, readonly: bool) -> Store:
        return self.opener(readonly)

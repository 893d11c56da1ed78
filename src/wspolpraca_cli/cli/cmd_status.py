"""Commands of the status issue (filled in by its module)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""


def show_indicator_history(
    ctx: typer.Context, program: object, where: object, item: object
) -> None:
    """Print an indicator's period-by-period history under ``wsp show`` (progress issue)."""

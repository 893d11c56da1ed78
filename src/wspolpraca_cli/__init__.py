"""wsp — an indicator tracker for public programmes.

The core (programme model, loader, periods, store, progress engine) is importable without
the command-line interface; :mod:`wspolpraca_cli.cli` is the only place that uses Typer.
"""

__version__ = "0.1.0"

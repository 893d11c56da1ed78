"""Parameter types of the command line that Typer's own do not cover."""

from __future__ import annotations

from typer._click.types import IntParamType

from wspolpraca_cli.numbers import parse_whole


class AsciiInt(IntParamType):
    """A whole number in ASCII digits: Click's ``int`` (the same message, ``'x' is not a
    valid int.``), which would also read ``٢٠٢٤`` and ``２０２４``."""

    # Click calls it as it calls int(), and turns its ValueError into Click's own message.
    _number_class = staticmethod(parse_whole)  # type: ignore[assignment]


ASCII_INT = AsciiInt()
"""For whole-number options such as ``--year``: ``typer.Option(..., click_type=ASCII_INT)``."""

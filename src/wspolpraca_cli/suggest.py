"""The one did-you-mean: the known words closest to one that was not recognised.

Every suggestion wsp makes — an unknown id, key, goal, column or frequency word — comes from
:func:`close_matches`, so they all agree on what "close" means.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

CUTOFF = 0.6
"""How alike (difflib's ratio, 0–1) a known word must be to be suggested: difflib's own
default. Lower lets ``co tydzień`` suggest ``corocznie`` and the column ``colour`` ``source``."""


def close_matches(
    wanted: str,
    known: Iterable[str],
    *,
    n: int = 3,
    key: Callable[[str], str] | None = None,
    cutoff: float = CUTOFF,
) -> list[str]:
    """At most ``n`` words of ``known`` that look like ``wanted``: the closest first, then
    those ``wanted`` begins with or that begin with it (``1.2`` → ``1.1``, ``1``).

    ``key`` normalises both sides before they are compared (lower case, Polish letters
    without diacritics, …); what is returned is always the known word as given, the first of
    those that normalise alike, each once. An empty ``wanted`` looks like nothing.
    """
    import difflib

    norm = key if key is not None else _same
    originals: dict[str, str] = {}
    normalised = []
    for word in known:
        normalised.append(norm(word))
        originals.setdefault(normalised[-1], word)
    target = norm(wanted)
    if not target or n < 1:
        return []
    close = difflib.get_close_matches(target, normalised, n=n, cutoff=cutoff)
    close += [k for k in normalised if k.startswith(target) or target.startswith(k)]
    return [originals[k] for k in dict.fromkeys(close)][:n]


def _same(text: str) -> str:
    return text

"""The progress engine: a programme's targets × its measurements → achievement and status.

Pure: no I/O, no printing, no clock (the as-of date is a parameter). Two ways in:

- :func:`progress` takes :class:`~wspolpraca_cli.entries.Entry` values (any order, superseded
  entries and voids included) and does everything;
- :func:`evaluate` takes per-(indicator, period) summaries — the store's ``summaries()``
  computes them in SQL (:func:`wspolpraca_cli.entries.summarise` is the pure equivalent over
  a list of entries) — so that a million entries never become Python objects.

For every indicator the engine lists its *evaluation periods* (normally the measurement
periods; the year when a per-year or by-year target is measured more often; the whole programme
for a one-off or end-of-programme measurement — except a level or milestone due in a given year,
which is judged over that year alone, see :func:`evaluation_periods`) with the target, the
actual (the indicator's
aggregation over the period's effective entries), the achievement (actual ÷ target, or
target ÷ actual for a descending indicator) and the status code of SPEC's table. It adds the
programme-level figure (``1/rok`` over 2021–2025: 5 in total and 5 years to achieve) and rolls
statuses up to actions, areas and specific goals.

The package, by concept: :mod:`.results` (what the engine returns), :mod:`.periods` (evaluation
periods, where a value counts, the target a period carries), :mod:`.engine` (the status rules
and :func:`evaluate`), :mod:`.rollups` (status counts per programme node). Everything is
importable from here.
"""

from __future__ import annotations

from wspolpraca_cli.progress.engine import (
    achievement,
    baseline_progress,
    deviation,
    evaluate,
    period_status,
    progress,
    settles_early,
    target_met,
)
from wspolpraca_cli.progress.periods import (
    due_year,
    enclosing,
    evaluation_kind,
    evaluation_periods,
    measurement_periods,
    period_deadline,
    period_target,
    placement,
    placement_key,
)
from wspolpraca_cli.progress.results import (
    NEEDS_ATTENTION,
    SHORTFALLS,
    STATUS_ORDER,
    BreakdownTotals,
    BreakdownValue,
    IndicatorProgress,
    Orphan,
    OrphanReason,
    PeriodResult,
    ProgrammeProgress,
    ProgrammeResult,
    Rollup,
    Status,
    Summary,
)
from wspolpraca_cli.progress.rollups import roll_up, summary_counts

__all__ = [
    "NEEDS_ATTENTION",
    "SHORTFALLS",
    "STATUS_ORDER",
    "BreakdownTotals",
    "BreakdownValue",
    "IndicatorProgress",
    "Orphan",
    "OrphanReason",
    "PeriodResult",
    "ProgrammeProgress",
    "ProgrammeResult",
    "Rollup",
    "Status",
    "Summary",
    "achievement",
    "baseline_progress",
    "deviation",
    "due_year",
    "enclosing",
    "evaluate",
    "evaluation_kind",
    "evaluation_periods",
    "measurement_periods",
    "period_deadline",
    "period_status",
    "period_target",
    "placement",
    "placement_key",
    "progress",
    "roll_up",
    "settles_early",
    "summary_counts",
    "target_met",
]

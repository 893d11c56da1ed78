"""The engine: an indicator's per-period summaries → the result of every evaluation period
and of the programme to date, by SPEC's status table."""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date

from wspolpraca_cli import collector
from wspolpraca_cli.aggregation import EMPTY, Aggregate
from wspolpraca_cli.entries import Entry, TagSummary, summarise, summarise_tags
from wspolpraca_cli.model import Aggregation, Indicator, Program
from wspolpraca_cli.periods import Period, PeriodKind, in_years, kind_of
from wspolpraca_cli.progress.periods import (
    due_year,
    enclosing,
    evaluation_kind,
    evaluation_periods,
    kind_positions,
    once_due,
    parse_code,
    period_deadline,
    period_target,
    period_upper,
    placement_in,
)
from wspolpraca_cli.progress.results import (
    STATUS_ORDER,
    BreakdownTotals,
    BreakdownValue,
    IndicatorProgress,
    Orphan,
    OrphanReason,
    PeriodResult,
    ProgrammeProgress,
    ProgrammeResult,
    Status,
    Summary,
)
from wspolpraca_cli.records import replace
from wspolpraca_cli.targets import Target, TargetKind

_EPSILON = 1e-9
_PER_PERIOD_KINDS = frozenset(
    {
        TargetKind.PER_PERIOD,
        TargetKind.CEILING,
        TargetKind.FLOOR,
        TargetKind.BY_YEAR,
        TargetKind.RANGE,
    }
)


# -- arithmetic -------------------------------------------------------------------------------
def achievement(actual: float | None, target: float | None, descending: bool) -> float | None:
    """actual ÷ target; target ÷ actual when descending.

    Where that division is by zero — an ascending target of 0 (``0/rok``), a descending actual
    of 0 (``≤ 20%`` with 0, ``≤ 0`` with 0) — a met target is 1.0 (100%: the best result
    there is) and an unmet one None. None also without a value or target, and for a negative
    target (no meaningful ratio)."""
    if actual is None or target is None or target < 0:
        return None
    if descending:
        if actual <= 0:
            return 1.0 if target_met(actual, target, descending) else None
        return target / actual
    if target == 0:
        return 1.0 if target_met(actual, target, descending) else None
    return actual / target


def target_met(
    actual: float,
    target: float,
    descending: bool,
    *,
    strict: bool = False,
    upper: float | None = None,
) -> bool:
    """Whether ``actual`` meets ``target``: at least it (ascending), at most it
    (``descending``), more or less than it (``strict``: ``ponad 100``, ``poniżej 5``), or
    between it and ``upper`` (a range, bounds included)."""
    tolerance = _EPSILON * max(1.0, abs(target))
    if upper is not None:
        return target - tolerance <= actual <= upper + _EPSILON * max(1.0, abs(upper))
    if descending:
        return actual < target - tolerance if strict else actual <= target + tolerance
    return actual > target + tolerance if strict else actual >= target - tolerance


def deviation(result: PeriodResult, target: Target) -> str | None:
    """On which side of its target a period's value falls when it does not meet it:
    ``below`` (under a minimum, a range's lower bound, an ascending target) or ``above``
    (over a ceiling or a range's upper bound); None when it meets it, or without a value or
    a numeric target."""
    actual, value = result.actual, result.target
    if not result.has_data or actual is None or value is None:
        return None
    upper = result.target_upper
    if target_met(actual, value, target.descending, strict=target.strict, upper=upper):
        return None
    if upper is not None:
        return "below" if actual < value else "above"
    return "above" if target.descending else "below"


def baseline_progress(
    actual: float | None, target: float | None, base: float | None
) -> float | None:
    """How far from the baseline towards the target: 0 at the baseline, 1 at the target."""
    if actual is None or target is None or base is None or math.isclose(target, base):
        return None
    return (actual - base) / (target - base)


def period_status(
    period: Period,
    *,
    target: float | None,
    actual: float | None,
    has_data: bool,
    descending: bool,
    settles_early: bool,
    as_of: date,
    deadline: date,
    strict: bool = False,
    upper: float | None = None,
) -> Status:
    """SPEC's table: the status of one period as of ``as_of``."""
    if as_of < period.start:
        return Status.NOT_STARTED
    closed = as_of > period.end
    if not has_data or actual is None:
        if not closed:
            return Status.IN_PROGRESS
        return Status.OVERDUE if as_of > deadline else Status.AWAITING
    if target is None:
        return Status.REPORTED
    met = target_met(actual, target, descending, strict=strict, upper=upper)
    if closed:
        return Status.ACHIEVED if met else Status.MISSED
    return Status.ACHIEVED if met and settles_early else Status.IN_PROGRESS


def settles_early(ind: Indicator) -> bool:
    """Whether a met target stays met while the period runs: an ascending ``sum`` or ``max``,
    a descending ``min``, a milestone."""
    if ind.target.kind is TargetKind.MILESTONE:
        return True
    if ind.target.kind is TargetKind.RANGE:
        return False  # a value inside a range can still leave it
    if ind.target.descending:
        return ind.aggregation is Aggregation.MIN
    return ind.aggregation in (Aggregation.SUM, Aggregation.MAX)


def evaluate(
    program: Program,
    summaries: Iterable[Summary],
    as_of: date,
    indicator_ids: Iterable[str] | None = None,
    tags: Iterable[TagSummary] | None = None,
) -> ProgrammeProgress:
    """Progress of every indicator (or of those in ``indicator_ids``) as of ``as_of``, from
    per-(indicator, period) summaries of the effective entries that count as of that date
    (see :func:`wspolpraca_cli.entries.summarise`). ``tags``: the same entries grouped by
    their breakdown tags as well (:func:`wspolpraca_cli.entries.summarise_tags`), for the
    indicators that declare breakdowns — their results then give each breakdown's values
    (None: the results give none)."""
    with collector.paused():
        return _evaluate(program, summaries, as_of, indicator_ids, tags)


def _evaluate(
    program: Program,
    summaries: Iterable[Summary],
    as_of: date,
    indicator_ids: Iterable[str] | None,
    tags: Iterable[TagSummary] | None = None,
) -> ProgrammeProgress:
    whole = Period(program.first_year, PeriodKind.PROGRAMME, program.last_year)
    by_indicator: dict[str, list[tuple[tuple[date, date], int | None, Summary]]] = {}
    orphans: list[Orphan] = []
    # Where a code counts depends only on the indicator's kinds of periods: worked out once per
    # (measured kind, evaluation kind, code), not once per summary (a million entries bring
    # tens of thousands of summaries, a few dozen codes) — as the position of its evaluation
    # period among those of the kind (evaluation_periods gives them in that order).
    placed: dict[tuple[PeriodKind, PeriodKind, str], tuple[bool, int | None]] = {}
    kinds: dict[str, tuple[PeriodKind, PeriodKind, Period | None]] = {}
    # A code's period, and whether it lies in the programme's years: once per code.
    codes: dict[str, tuple[Period | None, bool]] = {}
    last_id: str | None = None
    ind: Indicator | None = None
    for s in summaries:
        if s.indicator_id != last_id:  # the store gives an indicator's summaries together
            last_id = s.indicator_id
            ind = program.indicator(last_id)
        if ind is None:
            orphans.append(
                Orphan(s.indicator_id, s.period, s.count, OrphanReason.UNKNOWN_INDICATOR)
            )
            continue
        coded = codes.get(s.period)
        if coded is None:
            parsed = parse_code(s.period.strip())
            inside = parsed is not None and in_years(parsed, program.first_year, program.last_year)
            coded = codes[s.period] = (parsed, inside)
        period, inside = coded
        if period is None:
            orphans.append(Orphan(s.indicator_id, s.period, s.count, OrphanReason.BAD_PERIOD))
            continue
        if not inside:
            orphans.append(
                Orphan(s.indicator_id, s.period, s.count, OrphanReason.OUTSIDE_PROGRAMME)
            )
            continue
        found = kinds.get(ind.id)
        if found is None:
            found = kinds[ind.id] = (
                kind_of(ind.frequency),
                evaluation_kind(ind),
                once_due(ind, program),
            )
        measured, evaluated, once = found
        position: int | None
        if once is not None:  # a dated target measured once: its own rule (few indicators)
            fits = enclosing(period, measured, whole) is not None
            target = placement_in(ind, program, whole)(period) if fits else None
            fits = fits and target is not None
            position = 0 if target == once else None
        else:
            key = (measured, evaluated, s.period)
            rule = placed.get(key)
            if rule is None:
                fits = enclosing(period, measured, whole) is not None
                target = enclosing(period, evaluated, whole) if fits else None
                index = kind_positions(evaluated, program.first_year, program.last_year)
                rule = placed[key] = (fits, None if target is None else index.get(target))
            fits, position = rule
        if not fits:
            orphans.append(Orphan(s.indicator_id, s.period, s.count, OrphanReason.WRONG_FREQUENCY))
            continue
        by_indicator.setdefault(ind.id, []).append(((period.start, period.end), position, s))
    wanted = None if indicator_ids is None else set(indicator_ids)
    tagged = None if tags is None else _placed_tags(program, by_indicator, tags)
    results = tuple(
        _indicator_progress(
            ind,
            program,
            by_indicator.get(ind.id, []),
            as_of,
            whole,
            None if tagged is None else tagged.get(ind.id, []),
        )
        for ind in program.indicators
        if wanted is None or ind.id in wanted
    )
    return ProgrammeProgress(program, as_of, results, tuple(orphans))


_Placed = tuple[tuple[date, date], int | None]


def _placed_tags(
    program: Program,
    by_indicator: dict[str, list[tuple[tuple[date, date], int | None, Summary]]],
    tags: Iterable[TagSummary],
) -> dict[str, list[tuple[tuple[date, date], int | None, TagSummary]]]:
    """The tag groups of the indicators with breakdowns, each placed where its (indicator,
    period)'s summary counts (a group of a period that counts nowhere is left out, as its
    summary is listed among the orphans)."""
    found: dict[str, list[tuple[tuple[date, date], int | None, TagSummary]]] = {}
    places: dict[str, dict[str, _Placed]] = {}
    for group in tags:
        where = places.get(group.indicator_id)
        if where is None:
            ind = program.indicator(group.indicator_id)
            items = by_indicator.get(group.indicator_id, []) if ind and ind.breakdowns else []
            where = places[group.indicator_id] = {s.period: (span, n) for span, n, s in items}
        spot = where.get(group.period)
        if spot is not None:
            found.setdefault(group.indicator_id, []).append((spot[0], spot[1], group))
    return found


def progress(program: Program, entries: Iterable[Entry], as_of: date) -> ProgrammeProgress:
    """Progress of every indicator as of ``as_of``, from the store's entries (all of them:
    superseded entries, voids and entries dated after ``as_of`` are left out here)."""
    items = list(entries)
    return evaluate(program, summarise(items, as_of), as_of, tags=summarise_tags(items, as_of))


def _merged(aggregates: list[Aggregate]) -> Aggregate:
    """The aggregates merged in order, as ``EMPTY.merge(a).merge(b)…`` gives them (the same
    additions in the same order), without an aggregate for every step."""
    found = [a for a in aggregates if a.count > 0]
    if len(found) <= 1:
        return found[0] if found else EMPTY
    first = found[0]
    count, total, low, high = first.count, first.total, first.minimum, first.maximum
    for a in found[1:]:
        count += a.count
        total += a.total
        low = min(low, a.minimum)
        high = max(high, a.maximum)
    return Aggregate(count, total, low, high, found[-1].last)


def _indicator_progress(
    ind: Indicator,
    program: Program,
    items: list[tuple[tuple[date, date], int | None, Summary]],
    as_of: date,
    whole: Period,
    tagged: list[tuple[tuple[date, date], int | None, TagSummary]] | None = None,
) -> IndicatorProgress:
    """``items``: (the recorded period's start and end, the position of the evaluation
    period it counts towards among :func:`evaluation_periods`, its summary); ``tagged``: the
    same for the groups of its entries by breakdown tags (None: no breakdown values given)."""
    eval_periods = evaluation_periods(ind, program)
    sums = [EMPTY] * len(eval_periods)
    items.sort(key=lambda item: item[0])  # in period order: a later period's last value wins
    for _, position, s in items:
        if position is not None and position < len(sums):
            sums[position] = sums[position].merge(s.values)
    rows = _period_rows(ind, program, eval_periods, sums, as_of)
    programme = _programme_result(ind, program, rows, _merged(sums), as_of, whole)
    if ind.breakdowns and tagged is not None:
        rows, programme = _with_breakdowns(
            ind, program, eval_periods, rows, programme, tagged, as_of, whole
        )
    return IndicatorProgress(ind, tuple(rows), programme, ind.target.descending)


def _period_rows(
    ind: Indicator,
    program: Program,
    eval_periods: list[Period],
    sums: list[Aggregate],
    as_of: date,
    with_data: list[bool] | None = None,
) -> list[PeriodResult]:
    """The result of each evaluation period from its aggregate. ``with_data``: whether each
    period has data, where that is not the aggregate's own count (a breakdown value of a
    ``sum`` indicator without entries in a period with data is 0, not missing)."""
    descending = ind.target.descending
    early = settles_early(ind)
    base = ind.baseline.value if ind.baseline else None
    strict = ind.target.strict
    ranged = ind.target.kind is TargetKind.RANGE
    rows: list[PeriodResult] = []
    for n, (p, acc) in enumerate(zip(eval_periods, sums, strict=True)):
        target = period_target(ind, p, program)
        upper = period_upper(ind, p, program) if ranged else None
        actual = acc.value(ind.aggregation)
        deadline = period_deadline(ind, program, p)
        status = period_status(
            p,
            target=target,
            actual=actual,
            has_data=acc.count > 0 if with_data is None else with_data[n],
            descending=descending,
            settles_early=early,
            as_of=as_of,
            deadline=deadline,
            strict=strict,
            upper=upper,
        )
        rows.append(
            PeriodResult(
                ind.id,
                p,
                target,
                actual,
                acc.count,
                achievement(actual, target, descending),
                baseline_progress(actual, target, base),
                status,
                deadline,
                upper,
            )
        )
    return rows


_NO_TARGET = Target(TargetKind.NONE)


def _with_breakdowns(
    ind: Indicator,
    program: Program,
    eval_periods: list[Period],
    rows: list[PeriodResult],
    programme: ProgrammeResult,
    tagged: list[tuple[tuple[date, date], int | None, TagSummary]],
    as_of: date,
    whole: Period,
) -> tuple[list[PeriodResult], ProgrammeResult]:
    """The indicator's results with each breakdown's values: per value, the aggregate of the
    entries tagged with it (those without the breakdown: unspecified), merged into the
    evaluation periods in the order the indicator's are (so ``last`` is the period's), and
    judged like the indicator against the value's own target, if it has one."""
    tagged.sort(key=lambda item: item[0])  # stable: a period's groups stay in entry order
    summed = ind.aggregation is Aggregation.SUM
    with_data = [r.has_data for r in rows] if summed else None
    per_period: list[list[BreakdownTotals]] = [[] for _ in rows]
    whole_totals: list[BreakdownTotals] = []
    for b in ind.breakdowns:
        declared = {code for code, _ in b.values}
        sums: dict[str | None, list[Aggregate]] = {
            code: [EMPTY] * len(rows) for code, _ in b.values
        }
        for _, position, group in tagged:
            if position is None or position >= len(rows):
                continue
            given = next((v for k, v in group.tags if k == b.key), None)
            code = None if given is None else b.resolve(given) or given
            found = sums.setdefault(code, [EMPTY] * len(rows))
            found[position] = found[position].merge(group.values)
        if None not in sums:
            sums[None] = [EMPTY] * len(rows)
        else:  # the unspecified last
            sums[None] = sums.pop(None)
        period_values: list[list[BreakdownValue]] = [[] for _ in rows]
        whole_values: list[BreakdownValue] = []
        for code, accs in sums.items():
            own = None if code is None else b.target_of(code)
            target, text = own if own is not None else (_NO_TARGET, "")
            mine = None if own is None else target
            judged = replace(ind, target=target, target_text=text, baseline=None, breakdowns=())
            value_rows = _period_rows(judged, program, eval_periods, accs, as_of, with_data)
            everything = _merged(accs)
            value_whole = _programme_result(
                judged,
                program,
                value_rows,
                everything,
                as_of,
                whole,
                has_data=programme.count > 0 if summed else None,
            )
            label = "" if code is None else b.label_of(code)
            listed = code in declared
            for n, value_row in enumerate(value_rows):
                period_values[n].append(BreakdownValue(code, label, value_row, mine, text, listed))
            whole_values.append(BreakdownValue(code, label, value_whole, mine, text, listed))
        for n, values in enumerate(period_values):
            per_period[n].append(BreakdownTotals(b.key, b.label, tuple(values)))
        whole_totals.append(BreakdownTotals(b.key, b.label, tuple(whole_values)))
    new_rows = [replace(r, breakdowns=tuple(t)) for r, t in zip(rows, per_period, strict=True)]
    return new_rows, replace(programme, breakdowns=tuple(whole_totals))


def _programme_result(
    ind: Indicator,
    program: Program,
    rows: list[PeriodResult],
    everything: Aggregate,
    as_of: date,
    whole: Period,
    has_data: bool | None = None,
) -> ProgrammeResult:
    """The programme-to-date row of one indicator: progress against the programme's target
    (``status``, ``achievement``), kept apart from data completeness (``periods_due``,
    ``periods_due_with_data``) — a period without data is its own ``overdue`` row and never
    makes the programme's target ``overdue`` or ``missed``. Its actual and achievement are
    always those of the figure its status is decided on:

        - one evaluation period spanning the programme (once or at the end, undated target):
          that period's result;
        - a target in every period (``1/rok``, ``≤ 50%``, ``≥ 3``, by year): the total of the
          periods' targets and of the actual for a ``sum`` (else the target's value and the
          indicator's aggregation over every counted entry), judged like one period spanning
          the programme — ``achieved`` once met where a met target settles early (``6 / 5`` in
          the third year), else ``in_progress`` until the programme ends, then ``achieved`` or
          ``missed``; ``achieved`` also once every period with a target is. A missed year is
          its own row, and ``periods_achieved`` of ``periods_with_target`` shows it;
        - a level or milestone due in a year (``30% w 2025``, ``tak w 2025``): once the due
          period has data, or has closed, the due period's result — target, actual, count,
          achievement and status — so a value recorded for another year never makes an overdue
          or missed due period look achieved; before that, the latest reading so far with
          ``in_progress`` (``achieved`` if it meets a target that settles early, such as a
          milestone reached ahead of its year — never a level, which its year's value
          alone decides; ``not_started`` before the programme);
        - a total over the programme, or no target: the aggregation over every counted entry
          judged like one period spanning the programme.

    ``has_data``: whether the programme has data where that is not ``everything``'s count
    (a breakdown value of a ``sum`` indicator: 0 once the indicator has data).
    """
    descending = ind.target.descending
    target_kind = ind.target.kind
    upper: float | None = None
    targeted = [r for r in rows if r.target is not None]
    achieved = sum(1 for r in targeted if r.status is Status.ACHIEVED)
    per_status = {s: 0 for s in STATUS_ORDER}
    for r in rows:
        per_status[r.status] += 1
    period_counts = tuple((s, n) for s, n in per_status.items() if n)
    base = ind.baseline.value if ind.baseline else None
    actual = everything.value(ind.aggregation)
    count = everything.count
    year_due = due_year(ind, program)

    def whole_status(target: float | None, upper: float | None) -> Status:
        """The status of ``actual`` against ``target`` over the programme as one period."""
        return period_status(
            whole,
            target=target,
            actual=actual,
            has_data=count > 0 if has_data is None else has_data,
            descending=descending,
            settles_early=settles_early(ind),
            as_of=as_of,
            deadline=program.deadline.for_period(whole),
            strict=ind.target.strict,
            upper=upper,
        )

    if len(rows) == 1 and rows[0].period == whole:
        only = rows[0]
        target, status, upper = only.target, only.status, only.target_upper
    elif target_kind in _PER_PERIOD_KINDS:
        target = period_target(ind, whole, program)
        upper = period_upper(ind, whole, program)
        if ind.aggregation is Aggregation.SUM and targeted:
            target = math.fsum(r.target for r in targeted if r.target is not None)
            if upper is not None:
                upper = math.fsum(r.target_upper or 0.0 for r in targeted)
            base = None  # a baseline is a level per period, not comparable with a total
        if targeted and all(r.status is Status.ACHIEVED for r in targeted):
            status = Status.ACHIEVED
        else:
            status = whole_status(target, upper)
    elif year_due is not None:
        due = next((r for r in rows if r.target is not None), None)
        target = period_target(ind, whole, program)
        if due is not None and (due.has_data or as_of > due.period.end):
            target, actual, count, status = due.target, due.actual, due.count, due.status
        else:
            with_data = [r for r in rows if r.has_data and r.period.start <= as_of]
            if with_data:
                actual, count = with_data[-1].actual, with_data[-1].count
            status = Status.IN_PROGRESS
            if as_of < whole.start:
                status = Status.NOT_STARTED
            elif (
                target_kind is TargetKind.MILESTONE  # a level: its year alone decides
                and settles_early(ind)
                and actual is not None
                and target is not None
                and target_met(actual, target, descending)
            ):
                status = Status.ACHIEVED
    else:  # a total, a milestone by the programme's end, or no target
        target = period_target(ind, whole, program)
        status = whole_status(target, None)
    due_rows = [r for r in rows if as_of > r.deadline]
    return ProgrammeResult(
        indicator_id=ind.id,
        period=whole,
        target=target,
        actual=actual,
        count=count,
        achievement=achievement(actual, target, descending),
        baseline_progress=baseline_progress(actual, target, base),
        status=status,
        periods_with_target=len(targeted),
        periods_achieved=achieved,
        period_counts=period_counts,
        periods_due=len(due_rows),
        periods_due_with_data=sum(1 for r in due_rows if r.has_data),
        target_upper=upper,
    )

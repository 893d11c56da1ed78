"""Reading progress: status as of a date, ``wsp check``, the report's inputs."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from wspolpraca_cli.entries import Entry, PeriodSummary, TagSummary, counted
from wspolpraca_cli.errors import UsageError
from wspolpraca_cli.i18n import t
from wspolpraca_cli.model import Indicator, Program
from wspolpraca_cli.services.base import Workspace

if TYPE_CHECKING:
    from wspolpraca_cli.grants.rules import Finding, YearLimits
    from wspolpraca_cli.periods import Period, PeriodKind
    from wspolpraca_cli.progress import Orphan, PeriodResult, ProgrammeProgress
    from wspolpraca_cli.store.interface import Store


def progress_as_of(
    ws: Workspace, as_of: date, indicator_ids: Sequence[str] | None = None
) -> ProgrammeProgress:
    """Progress as of ``as_of`` (of every indicator, or of ``indicator_ids``), from the store's
    per-period aggregates (read-only: nothing is created)."""
    from wspolpraca_cli.services.audit import read_trail, with_trail

    with ws.open(readonly=True) as store:
        progress, _ = evaluated(store, ws.program, as_of, indicator_ids)
        trail = read_trail(store)
    return with_trail(progress, trail)


def evaluated(
    store: Store, program: Program, as_of: date, indicator_ids: Sequence[str] | None = None
) -> tuple[ProgrammeProgress, Sequence[PeriodSummary]]:
    """The progress as of ``as_of`` (of every indicator, or of ``indicator_ids``; without the
    audit trail) and the summaries it comes from, those of the computed indicators included.

    Every indicator's is evaluated part by part as the store hands the parts over
    (:meth:`Store.summary_parts`): a large store reads its second part while the first is
    evaluated. Each indicator's progress depends on its own summaries only, so the parts'
    results, put in programme order, are the progress of the whole."""
    from wspolpraca_cli.progress import ProgrammeProgress, evaluate

    if indicator_ids is not None:
        summaries: Sequence[PeriodSummary] = store.summaries(as_of, indicator_ids)
        tags = _tag_summaries(store, program, as_of, indicator_ids)
        summaries, tags = with_computed(store, program, summaries, tags, indicator_ids)
        return evaluate(program, summaries, as_of, indicator_ids, tags), summaries
    all_tags = _tag_summaries(store, program, as_of)
    done: list[tuple[ProgrammeProgress, Sequence[PeriodSummary]]] = []
    for part in store.summary_parts(as_of):
        if part.anew:
            done.clear()
        ids = [i.id for i in program.indicators if part.holds(i.id)]
        tags = [g for g in all_tags if part.holds(g.indicator_id)]
        summaries, tags = with_computed(store, program, part.summaries, tags, ids)
        done.append((evaluate(program, summaries, as_of, ids, tags), summaries))
    if len(done) == 1:
        progress, summaries = done[0]
        return progress, summaries
    by_id = {ip.id: ip for progress, _ in done for ip in progress.indicators}
    whole = ProgrammeProgress(
        program,
        as_of,
        tuple(by_id[i.id] for i in program.indicators if i.id in by_id),
        tuple(o for progress, _ in done for o in progress.orphans),
    )
    return whole, [s for _, part in done for s in part]


def with_computed(
    store: Store,
    program: Program,
    summaries: Sequence[PeriodSummary],
    tags: list[TagSummary],
    indicator_ids: Sequence[str] | None = None,
) -> tuple[Sequence[PeriodSummary], list[TagSummary]]:
    """The store's summaries of entries with those of the computed indicators (of
    ``indicator_ids``) in place of their entries': one per year from the grants register
    (:mod:`wspolpraca_cli.computed`), and their groups ``by`` a column as tag groups. Nothing
    is asked of the store when the programme has no computed indicator."""
    wanted = None if indicator_ids is None else set(indicator_ids)
    found = [
        i
        for i in program.indicators
        if i.computed is not None and (wanted is None or i.id in wanted)
    ]
    if not found:  # the everyday path: nothing imported, nothing asked
        return summaries, tags
    from wspolpraca_cli import computed

    kept, kept_tags = computed.without_computed(summaries, tags, found)
    answers = store.grant_aggregates(computed.queries(found))
    more, more_tags = computed.summaries_of(program, found, answers)
    return kept + more, kept_tags + more_tags


def _tag_summaries(
    store: Store, program: Program, as_of: date, indicator_ids: Sequence[str] | None = None
) -> list[TagSummary]:
    """The store's groups by breakdown tags of the indicators (of ``indicator_ids``) that
    declare breakdowns; none asked for when none does (the everyday path stays one query).
    When most of the programme's indicators do, all groups are asked for: the store reads
    them in one pass (the engine keeps those of indicators with breakdowns)."""
    wanted = None if indicator_ids is None else set(indicator_ids)
    tagged = [
        i.id
        for i in program.indicators
        if i.breakdowns and i.computed is None and (wanted is None or i.id in wanted)
    ]
    if not tagged:
        return []
    most = indicator_ids is None and len(tagged) * 2 > len(program.indicators)
    return store.tag_summaries(as_of, None if most else tagged)


class CheckResult(NamedTuple):
    """What ``wsp check`` found."""

    progress: ProgrammeProgress
    year: int | None
    rows: tuple[PeriodResult, ...]
    """Every period checked, in programme order."""
    problems: tuple[PeriodResult, ...]
    """Overdue, then missed, then awaiting (programme order within each), unexplained."""
    explained: tuple[PeriodResult, ...] = ()
    """The problems with an explanation in force (``wsp explain``), in the same order."""
    strict: bool = False
    """Whether explained shortfalls count too (``--strict``)."""
    limits: tuple[YearLimits, ...] = ()
    """The act's limits applied to the grants register, per year checked that has register
    rows or planned funds (none: the check is of the indicators alone)."""

    @property
    def findings(self) -> tuple[Finding, ...]:
        """The register's findings outside the act's limits (they make ``wsp check`` exit 1,
        as shortfalls do)."""
        return tuple(f for year in self.limits for f in year.findings)

    @property
    def shortfalls(self) -> int:
        """The shortfalls that make ``wsp check`` exit 1: those without an explanation (every
        one with ``strict``)."""
        from wspolpraca_cli.progress import SHORTFALLS

        return sum(
            1
            for r in self.rows
            if r.status in SHORTFALLS and (self.strict or r.explanation is None)
        )

    @property
    def explained_shortfalls(self) -> int:
        from wspolpraca_cli.progress import SHORTFALLS

        return sum(1 for r in self.explained if r.status in SHORTFALLS)

    @property
    def orphans(self) -> tuple[Orphan, ...]:
        return self.progress.orphans


def check(
    ws: Workspace, as_of: date, year: int | None = None, *, strict: bool = False
) -> CheckResult:
    """``wsp check``: the progress as of ``as_of``, checked (see :func:`check_progress`),
    of a store that passes SQLite's quick integrity check (else StoreError, exit 3)."""
    from wspolpraca_cli.services.integrity import intact_while

    check_year(ws.program, year)
    # The cron gate: damage that reads as data must not pass (checked while progress is read).
    return check_progress(intact_while(ws, lambda: progress_as_of(ws, as_of)), year, strict=strict)


def check_with_limits(
    ws: Workspace, as_of: date, year: int | None = None, *, strict: bool = False
) -> CheckResult:
    """``wsp check``: :func:`check`, and the act's limits applied to the grants register in
    the years checked (:func:`.finance.limits_in`; none for a store without register rows and
    a programme without planned funds)."""
    from wspolpraca_cli.services.finance import limits_in, years_checked

    result = check(ws, as_of, year, strict=strict)
    with ws.open(readonly=True) as store:
        limits = limits_in(store, ws.program, years_checked(ws.program, as_of, year))
    return result._replace(limits=limits) if limits else result


def check_progress(
    progress: ProgrammeProgress, year: int | None = None, *, strict: bool = False
) -> CheckResult:
    """The periods to check — one year's, or every period begun by the as-of date — and
    their problems: overdue, then missed, then awaiting; those explained (``wsp explain``)
    apart, unless ``strict``."""
    from wspolpraca_cli.progress import Status

    as_of = progress.as_of
    if year is None:
        rows = [
            r
            for ip in progress.indicators
            for r in ip.periods
            if r.period.start <= as_of and r.status is not Status.NOT_STARTED
        ]
    else:
        rows = progress.year_rows(year)
    order = (Status.OVERDUE, Status.MISSED, Status.AWAITING)
    found = [r for status in order for r in rows if r.status is status]
    problems = [r for r in found if strict or r.explanation is None]
    explained = [r for r in found if not strict and r.explanation is not None]
    return CheckResult(progress, year, tuple(rows), tuple(problems), tuple(explained), strict)


def report_inputs(
    ws: Workspace, as_of: date, year: int | None = None, notes: int | None = None
) -> tuple[ProgrammeProgress, list[Entry]]:
    """The progress as of ``as_of`` and the entries for the report's notes and sources: the
    ``notes`` latest entries that count in each evaluation period of ``year`` (of every year
    when None; every entry when ``notes`` is None). The progress comes from the store's
    aggregates; only the entries listed are read, whatever the store's size."""
    from wspolpraca_cli.services.audit import read_trail, with_trail

    with ws.open(readonly=True) as store:
        progress, summaries = evaluated(store, ws.program, as_of)
        progress = with_trail(progress, read_trail(store))
        groups = note_groups(ws.program, summaries, year)
        if notes is None:
            wanted = {(ind, code) for ind, codes in groups for code in codes}
            listed = (e for e in store.entries() if (e.indicator_id, e.period) in wanted)
            entries = counted(listed, as_of)
        else:  # those the store counts, in insertion order
            entries = store.latest_entries(groups, as_of, notes)
    return progress, entries


def note_groups(
    program: Program, summaries: Sequence[PeriodSummary], year: int | None
) -> list[tuple[str, tuple[str, ...]]]:
    """Per evaluation period of ``year`` (of any year when None) that has entries among
    ``summaries``, its indicator and the period codes whose entries count there, by the
    engine's placement rule (a quarter's months, say): the groups of the report's notes, each
    row listing the latest entries of its group. They follow from the programme and the
    summaries alone (not from the engine's results)."""
    from wspolpraca_cli.periods import parse_period
    from wspolpraca_cli.progress import evaluation_periods, placement, placement_key

    # Where a code counts, and whether there in the year, depends on the indicator's
    # placement key only: worked out once per (key, code) — a million entries bring tens of
    # thousands of summaries, of a few kinds of indicators and a few dozen codes.
    # per indicator id, its placement key and the indicator (None: no notes)
    keys: dict[str, tuple[PeriodKind | Period, Indicator] | None] = {}
    spots: dict[tuple[PeriodKind | Period, str], Period | None] = {}
    groups: dict[tuple[str, Period], list[str]] = {}
    for s in summaries:
        ind_id = s.indicator_id
        if ind_id not in keys:
            ind = program.indicator(ind_id)
            # a computed indicator's summaries are of the grants register, not of entries
            if ind is None or ind.computed is not None:
                keys[ind_id] = None
            else:
                keys[ind_id] = (placement_key(ind, program), ind)
        found = keys[ind_id]
        if found is None:
            continue
        key, ind = found
        code = s.period
        if (key, code) in spots:
            spot = spots[key, code]
        else:
            try:
                spot = placement(ind, program)(parse_period(code.strip()))
            except ValueError:  # not a period code: counted nowhere (an orphan)
                spot = None
            if spot is not None and spot not in evaluation_periods(ind, program):
                spot = None
            if spot is not None and year is not None:  # an evaluation period overlapping it
                spot = spot if spot.start.year <= year <= spot.end.year else None
            spots[key, code] = spot
        if spot is not None:
            groups.setdefault((ind_id, spot), []).append(code)
    return [(ind, tuple(codes)) for (ind, _), codes in groups.items()]


def check_year(program: Program, year: int | None) -> None:
    """A ``--year`` must lie inside the programme (UsageError, exit 2)."""
    from wspolpraca_cli.numfmt import years_label

    if year is not None and not program.first_year <= year <= program.last_year:
        first, last = program.first_year, program.last_year
        raise UsageError(
            t("status.year_outside", year=year, years=years_label(first, last)),
            hint=t("status.year_outside.hint", first=first, last=last),
        )

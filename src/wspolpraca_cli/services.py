"""The use cases of wsp: what each command does, with values in and results (or typed errors)
out. The command line parses options, prompts, prints and chooses exit codes; everything a
command decides lives here, so that behaviour is written once.

A use case works on a :class:`Workspace`: the programme and a way to open its store. It never
prints, prompts or exits; what needs a person's answer (an implausible value) is an error that
the caller may answer by calling again with ``confirmed=True``.

- :func:`record`, :func:`correct`, :func:`void` append entries (or, with ``dry_run``, tell what
  they would do) and return the figure ``wsp status`` shows for the period the entry counts in;
- :func:`import_entries` and :func:`export_entries` move entries in and out;
- :func:`history` lists entries with their supersessions;
- :func:`progress_as_of`, :func:`check` and :func:`report_inputs` read progress.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from wspolpraca_cli.entries import Entry, EntryKind, chains, summarise
from wspolpraca_cli.errors import Diagnostic, InputError, UsageError
from wspolpraca_cli.i18n import t
from wspolpraca_cli.model import Indicator, Program, Unit

if TYPE_CHECKING:
    from wspolpraca_cli.periods import Period
    from wspolpraca_cli.progress import Orphan, PeriodResult, ProgrammeProgress
    from wspolpraca_cli.store import Store

SHORT = 8
"""How many characters of an entry id are shown (any unique prefix of 4 or more is accepted)."""


@dataclass(frozen=True)
class Workspace:
    """The programme in use and its store."""

    program: Program
    location: str
    """Where the store is, as people are shown it."""
    opener: Callable[[bool], Store]
    """Opens the store: ``opener(readonly)``."""

    def open(self, *, readonly: bool) -> Store:
        return self.opener(readonly)


# -- progress ---------------------------------------------------------------------------------
def progress_as_of(
    ws: Workspace, as_of: date, indicator_ids: Sequence[str] | None = None
) -> ProgrammeProgress:
    """Progress as of ``as_of`` (of every indicator, or of ``indicator_ids``), from the store's
    per-period aggregates (read-only: nothing is created)."""
    from wspolpraca_cli.progress import evaluate

    with ws.open(readonly=True) as store:
        summaries = store.summaries(as_of, indicator_ids)
    return evaluate(ws.program, summaries, as_of, indicator_ids)


@dataclass(frozen=True)
class CheckResult:
    """What ``wsp check`` found."""

    progress: ProgrammeProgress
    year: int | None
    rows: tuple[PeriodResult, ...]
    """Every period checked, in programme order."""
    problems: tuple[PeriodResult, ...]
    """Overdue, then missed, then awaiting (programme order within each)."""

    @property
    def shortfalls(self) -> int:
        from wspolpraca_cli.progress import SHORTFALLS

        return sum(1 for r in self.rows if r.status in SHORTFALLS)

    @property
    def orphans(self) -> tuple[Orphan, ...]:
        return self.progress.orphans


def check(ws: Workspace, as_of: date, year: int | None = None) -> CheckResult:
    """``wsp check``: the progress as of ``as_of``, checked (see :func:`check_progress`)."""
    check_year(ws.program, year)
    return check_progress(progress_as_of(ws, as_of), year)


def check_progress(progress: ProgrammeProgress, year: int | None = None) -> CheckResult:
    """The periods to check — one year's, or every period begun by the as-of date — and
    their problems: overdue, then missed, then awaiting."""
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
    problems = [r for status in order for r in rows if r.status is status]
    return CheckResult(progress, year, tuple(rows), tuple(problems))


def report_inputs(ws: Workspace, as_of: date) -> tuple[ProgrammeProgress, list[Entry]]:
    """The progress as of ``as_of`` and every entry (for the report's notes and sources)."""
    from wspolpraca_cli.progress import evaluate

    with ws.open(readonly=True) as store:
        summaries = store.summaries(as_of)
        entries = store.entries()
    return evaluate(ws.program, summaries, as_of), entries


def check_year(program: Program, year: int | None) -> None:
    """A ``--year`` must lie inside the programme (UsageError, exit 2)."""
    from wspolpraca_cli.numfmt import years_label

    if year is not None and not program.first_year <= year <= program.last_year:
        first, last = program.first_year, program.last_year
        raise UsageError(
            t("status.year_outside", year=year, years=years_label(first, last)),
            hint=t("status.year_outside.hint", first=first, last=last),
        )


# -- the figure a change leaves ---------------------------------------------------------------
@dataclass(frozen=True)
class PeriodTotal:
    """The result ``wsp status`` shows, as of a date, for the evaluation period an entry counts
    in (the year of a monthly entry under ``12/rok``; the entry's own period most often)."""

    period: str
    actual: float | None
    count: int
    """Entries that count (0: no data; an explicit 0 is data)."""


def _total_from(progress: ProgrammeProgress, ind: Indicator, period: str) -> PeriodTotal | None:
    from wspolpraca_cli.periods import parse_period
    from wspolpraca_cli.progress import placement

    found = progress.indicator(ind.id)
    if found is None:
        return None
    try:
        evaluated = placement(ind, progress.program)(parse_period(period))
    except ValueError:
        return None
    result = found.period(evaluated) if evaluated is not None else None
    if result is None:
        return None
    return PeriodTotal(str(result.period), result.actual, result.count)


def _stored_total(
    store: Store, program: Program, ind: Indicator, period: str, today: date
) -> PeriodTotal | None:
    """The total after a change that was stored: from the store's aggregates."""
    from wspolpraca_cli.progress import evaluate

    summaries = store.summaries(today, [ind.id])
    return _total_from(evaluate(program, summaries, today, [ind.id]), ind, period)


def _would_be_total(
    store: Store, program: Program, ind: Indicator, period: str, new: Entry, today: date
) -> PeriodTotal | None:
    """The total a change would leave (a dry run): the indicator's entries with ``new`` added,
    aggregated by the same rules as the store's."""
    from wspolpraca_cli.progress import evaluate

    entries = store.entries(ind.id)
    last_seq = max((e.seq for e in entries), default=0)
    entries.append(replace(new, uid=new.uid or "dry-run", seq=last_seq + 1))
    return _total_from(evaluate(program, summarise(entries, today), today, [ind.id]), ind, period)


# -- record -----------------------------------------------------------------------------------
class Implausible(InputError):
    """A value that looks wrong (outside the programme's bounds, or far above the indicator's
    other periods). Call again with ``confirmed=True`` once a person has confirmed it."""

    def __init__(self, reasons: list[str]) -> None:
        text = "; ".join(reasons)
        super().__init__(t("record.implausible", reasons=text), hint=t("record.implausible.hint"))
        self.reasons = reasons
        self.question = t("record.implausible.ask", reasons=text)


def _check_plausible(store: Store, ind: Indicator, value: float, period: str) -> None:
    """Bounds, and ten times the largest actual of the indicator's other periods."""
    from wspolpraca_cli.recording import implausible

    actuals = {
        s.period: actual
        for s in store.summaries(indicator_ids=[ind.id])
        if (actual := s.values.value(ind.aggregation)) is not None
    }
    reasons = implausible(ind, value, period, actuals)
    if reasons:
        raise Implausible(reasons)


@dataclass(frozen=True)
class PeriodChoice:
    period: Period
    day: date | None = None
    """The date given with ``--date``."""
    current: bool = False
    """Nothing was given: the period containing today was taken."""


def choose_period(
    program: Program,
    ind: Indicator,
    *,
    year: int | None = None,
    period: str | None = None,
    day: str | None = None,
    today: date,
) -> PeriodChoice:
    """The period an entry is for: ``--year``, ``--period`` or ``--date`` (at most one), else
    the period containing today. Raises UsageError or InputError."""
    from wspolpraca_cli.dates import parse_date
    from wspolpraca_cli.recording import check_period, current_period, date_period, year_period

    if sum(x is not None for x in (year, period, day)) > 1:
        raise UsageError(t("record.one_period"), hint=t("record.period_hint"))
    if day is not None:
        the_day = parse_date(day)
        return PeriodChoice(date_period(program, ind, the_day), the_day)
    if period is not None:
        return PeriodChoice(check_period(program, ind, period))
    if year is not None:
        return PeriodChoice(year_period(program, ind, year))
    current = current_period(program, ind, today)
    if current is None:
        raise UsageError(
            t("record.no_current_period", first=program.first_year, last=program.last_year),
            hint=t("record.period_hint"),
        )
    return PeriodChoice(current, current=True)


@dataclass(frozen=True)
class Recorded:
    """What :func:`record` stored (or, in a dry run, would store)."""

    entry: Entry
    indicator: Indicator
    total: PeriodTotal | None
    dry_run: bool


def record(
    ws: Workspace,
    ind: Indicator,
    value: str,
    period: PeriodChoice,
    *,
    note: str = "",
    source: str = "",
    tags: Iterable[str] = (),
    by: str = "",
    today: date,
    dry_run: bool = False,
    confirmed: bool = False,
) -> Recorded:
    """Record ``value`` for ``ind`` in ``period``; the total is the figure ``wsp status``
    shows today for the period the entry counts in. Raises :class:`Implausible` unless
    ``confirmed``, InputError for a bad value or tag, StoreError (exit 3)."""
    from wspolpraca_cli.recording import parse_tags
    from wspolpraca_cli.values import parse_value

    number = parse_value(value, ind.unit, indicator=ind.id)
    entry = Entry(
        uid="",
        indicator_id=ind.id,
        period=str(period.period),
        value=number,
        date=period.day.isoformat() if period.day else None,
        note=note,
        source=source,
        tags=parse_tags(ind, tags),
        recorded_by=by.strip(),
    )
    with ws.open(readonly=dry_run) as store:
        if not confirmed:
            _check_plausible(store, ind, number, entry.period)
        if dry_run:
            total = _would_be_total(store, ws.program, ind, entry.period, entry, today)
            return Recorded(entry, ind, total, dry_run=True)
        stored = store.add(entry)
        total = _stored_total(store, ws.program, ind, entry.period, today)
    return Recorded(stored, ind, total, dry_run=False)


# -- correct / void ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Superseded:
    """What :func:`correct` or :func:`void` appended (or would append)."""

    old: Entry
    new: Entry
    indicator: Indicator | None
    """None for an entry of an indicator the programme no longer has."""
    total: PeriodTotal | None
    dry_run: bool

    @property
    def unit(self) -> Unit:
        return self.indicator.unit if self.indicator else Unit.NUMBER


def require_reason(reason: str | None) -> str:
    text = (reason or "").strip()
    if not text:
        raise UsageError(t("supersede.reason_required"), hint=t("supersede.reason_hint"))
    return text


def _supersedable(store: Store, text: str) -> Entry:
    """The entry ``text`` names, if it may be corrected or voided."""
    entry = store.get(text)
    if entry is None:
        raise InputError(t("entry.unknown", uid=text), hint=t("entry.unknown.hint"))
    if entry.kind is EntryKind.VOID:
        raise InputError(t("store.supersedes_void", uid=entry.uid[:SHORT]))
    successors = store.superseded_by()
    if entry.uid in successors:
        latest = entry.uid
        while latest in successors:
            latest = successors[latest]
        last = store.get(latest)
        hint = (
            t("entry.chain_voided", uid=latest[:SHORT])
            if last is not None and last.kind is EntryKind.VOID
            else t("store.already_superseded.hint", uid=latest[:SHORT])
        )
        raise InputError(t("store.already_superseded", uid=entry.uid[:SHORT]), hint=hint)
    return entry


def _supersede(
    ws: Workspace,
    entry_id: str,
    value: str | None,
    reason: str | None,
    *,
    note: str | None,
    source: str | None,
    by: str,
    today: date,
    dry_run: bool,
    confirmed: bool,
) -> Superseded:
    from wspolpraca_cli.values import parse_value

    why = require_reason(reason)
    with ws.open(readonly=dry_run) as store:
        old = _supersedable(store, entry_id)
        ind = ws.program.indicator(old.indicator_id)
        unit = ind.unit if ind else Unit.NUMBER
        number = None
        if value is not None:
            number = parse_value(value, unit, indicator=ind.id if ind else None)
            if ind is not None and not confirmed:
                _check_plausible(store, ind, number, old.period)
        new = replace(
            old,
            uid="",
            value=number,
            kind=EntryKind.CORRECTION if value is not None else EntryKind.VOID,
            note=old.note if note is None else note,
            source=old.source if source is None else source,
            recorded_by=by.strip(),
            recorded_at="",
            supersedes=old.uid,
            reason=why,
            seq=0,
        )
        total = None
        if dry_run:
            if ind is not None:
                total = _would_be_total(store, ws.program, ind, old.period, new, today)
            return Superseded(old, new, ind, total, dry_run=True)
        new = store.add(new)
        if ind is not None:
            total = _stored_total(store, ws.program, ind, old.period, today)
    return Superseded(old, new, ind, total, dry_run=False)


def correct(
    ws: Workspace,
    entry_id: str,
    value: str,
    reason: str | None,
    *,
    note: str | None = None,
    source: str | None = None,
    by: str = "",
    today: date,
    dry_run: bool = False,
    confirmed: bool = False,
) -> Superseded:
    """Append a correction of ``entry_id`` (a uid or unique prefix) with ``value``; the old entry
    stays in the history. Raises :class:`Implausible` unless ``confirmed``."""
    return _supersede(
        ws,
        entry_id,
        value,
        reason,
        note=note,
        source=source,
        by=by,
        today=today,
        dry_run=dry_run,
        confirmed=confirmed,
    )


def void(
    ws: Workspace,
    entry_id: str,
    reason: str | None,
    *,
    by: str = "",
    today: date,
    dry_run: bool = False,
) -> Superseded:
    """Append a void of ``entry_id``: it no longer counts, and stays in the history."""
    return _supersede(
        ws,
        entry_id,
        None,
        reason,
        note=None,
        source=None,
        by=by,
        today=today,
        dry_run=dry_run,
        confirmed=True,
    )


# -- history ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class History:
    chains: list[tuple[Entry, int]]
    """Entries with each chain (record → corrections → void) together, and their depth."""
    superseded_by: dict[str, str]

    def effective(self, entry: Entry) -> bool:
        return entry.kind is not EntryKind.VOID and entry.uid not in self.superseded_by


def history(ws: Workspace, ind: Indicator | None = None, period: str | None = None) -> History:
    """The entries of ``ind`` (or all), of one period when given, chains together."""
    from wspolpraca_cli.periods import parse_period
    from wspolpraca_cli.recording import check_period

    wanted = None
    if period is not None:
        if ind is not None:
            wanted = str(check_period(ws.program, ind, period))
        else:
            try:
                wanted = str(parse_period(period))
            except ValueError:
                raise InputError(t("period.invalid", period=period)) from None
    with ws.open(readonly=True) as store:
        entries = store.entries(ind.id if ind else None)
        superseded_by = store.superseded_by()
    if wanted is not None:
        entries = [e for e in entries if e.period == wanted]
    return History(chains(entries), superseded_by)


# -- export / import --------------------------------------------------------------------------
def export_entries(ws: Workspace) -> list[Entry]:
    """Every entry, corrections and voids too, in recording order."""
    with ws.open(readonly=True) as store:
        return store.entries()


class ImportRejected(InputError):
    """An import refused as a whole; ``diagnostics`` locate every bad row."""

    def __init__(self, message: str, hint: str, diagnostics: list[Diagnostic]) -> None:
        super().__init__(message, hint)
        self.diagnostics = diagnostics


@dataclass(frozen=True)
class Imported:
    added: int
    present: int
    """Entries the store already held (the same uid and content)."""
    rejected: int = 0
    problems: list[Diagnostic] = field(default_factory=list)


def import_entries(ws: Workspace, file: Path, *, dry_run: bool = False) -> Imported:
    """Import the entries of a CSV or JSON file: all or nothing, never duplicated. Raises
    :class:`ImportRejected` with every bad row located, and stores nothing, when any row is
    wrong."""
    from wspolpraca_cli.i18n.catalog_store import counted
    from wspolpraca_cli.store import EntriesRejected
    from wspolpraca_cli.transfer import read_file

    if file.is_dir():
        raise InputError(
            t("import.is_folder", path=file), hint=t("import.is_folder.hint", path=file)
        )
    if not file.is_file():
        raise InputError(t("import.no_file", path=file))
    result = read_file(file, ws.program)
    problems = list(result.problems)
    rejected = result.rejected_rows
    check_only = dry_run or bool(problems)
    added = present = 0
    # A dry run against a store that does not exist yet checks against an empty one.
    with ws.open(readonly=check_only and not Path(ws.location).exists()) as store:
        try:
            outcome = store.import_entries(result.entries, dry_run=check_only)
            added, present = len(outcome.added), len(outcome.present)
        except EntriesRejected as exc:
            added, present = exc.added, exc.present
            rejected += len(exc.rejected)
            for index, err in exc.rejected:
                problems.append(result.diagnostic(str(file), index, err.message, err.hint))
    problems.sort(key=lambda d: (d.line, d.column))
    if problems:
        raise ImportRejected(
            t(
                "import.failed",
                file=file,
                would=added,
                present=present,
                rejected=counted(rejected, result.noun),
            ),
            t("import.failed.hint_json" if result.noun == "entry" else "import.failed.hint"),
            problems,
        )
    return Imported(added, present, rejected)

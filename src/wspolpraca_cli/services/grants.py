"""The grants register's use cases: ``wsp grants import``, ``list``, ``correct`` and ``void``.

An import is all or nothing and idempotent: the file is read, checked and handed to the store
a batch at a time in one transaction (:meth:`Store.importing_grants`), rolled back at the end
when any cell was wrong; rows the store holds (the same uid: the same content) are counted
present, and a row whose ``ref`` names a stored row with other content corrects it. Rows are
append-only: a correction or a void is a new row superseding the old one, as for entries.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wspolpraca_cli.errors import Committed, Diagnostic, InputError, RowsRejected, UsageError
from wspolpraca_cli.i18n import t
from wspolpraca_cli.services.base import SHORT, Workspace

if TYPE_CHECKING:
    from wspolpraca_cli.grants.model import GrantRow
    from wspolpraca_cli.grants.read import ReadRow

BATCH = 2000
"""Rows handed to the store at a time."""
MAX_PROBLEMS = 100
"""Problems shown for a rejected import; the rest are counted ("… and N more")."""


class GrantsRejected(RowsRejected):
    """A register import refused as a whole; ``diagnostics`` locate the bad cells (the first
    :data:`MAX_PROBLEMS`, then how many more)."""


@dataclass(frozen=True)
class GrantsImported:
    """What an import did (or, in a dry run, would do)."""

    rows: int
    """Rows read."""
    added: int
    present: int
    """Rows the store already held (the same content)."""
    corrected: int | None = None
    """Of the rows added, those that corrected a stored row of the same ``ref`` (None: the
    store does not say)."""
    dry_run: bool = False
    cp1250: bool = False


def _check_file(file: Path) -> None:
    from wspolpraca_cli.fsutil import kind_of

    if file.is_dir():
        raise InputError(t("grants.import.is_folder", path=file))
    kind = kind_of(file)
    if kind is None:
        raise InputError(t("import.no_file", path=file), hint=t("grants.import.no_file.hint"))
    if kind != "file":  # a pipe or a device is never opened: it could block or never end
        raise InputError(t("import.not_regular", path=file, kind=t(f"file.kind.{kind}")))


def import_grants(
    ws: Workspace,
    file: Path,
    *,
    dry_run: bool = False,
    notify: Callable[[str], None] | None = None,
) -> GrantsImported:
    """Import the register ``file`` (CSV or XLSX): all or nothing, never twice. Raises
    :class:`GrantsRejected` with every bad cell located, storing nothing, when any row is
    wrong. ``notify`` is told first how a file that is not UTF-8 was read. A file whose wrong
    rows all sit in its first batch never opens the store for writing."""
    from wspolpraca_cli.grants.read import open_register

    _check_file(file)
    with open_register(file) as register:
        cp1250 = register.encoding == "cp1250"
        if cp1250 and notify is not None:
            notify(t("import.read_as_cp1250", file=file))
        rows = register.rows()
        first = list(itertools.islice(rows, BATCH))
        tally = _Tally(str(file))
        check_only = dry_run or (len(first) < BATCH and any(r.row is None for r in first))
        readonly = check_only and not _exists(ws)
        committed = False
        try:
            with ws.open(readonly=readonly) as store:
                with store.importing_grants(dry_run=check_only) as session:
                    batch: list[ReadRow] = []
                    for read in itertools.chain(first, rows):
                        tally.rows += 1
                        if read.row is None:
                            tally.reject(read.problems)
                            continue
                        batch.append(read)
                        if len(batch) >= BATCH:
                            tally.stored(batch, session)
                    tally.stored(batch, session)
                    if tally.rejected:
                        session.discard()
                changed = tally.added
                committed = not check_only and not tally.rejected and changed > 0
        except (Exception, KeyboardInterrupt) as exc:
            if committed:
                raise Committed(_rows(tally.added), exc) from exc
            raise
    if tally.rejected:
        shown = sorted(tally.problems, key=lambda d: (d.line, d.column))
        if tally.more:
            last = shown[-1].line if shown else 1
            shown.append(Diagnostic(str(file), last, 1, t("import.more_problems", n=tally.more)))
        raise GrantsRejected(
            t(
                "grants.import.failed",
                file=file,
                rejected=_rows(tally.rejected),
                problems=tally.count,
            ),
            t("grants.import.failed.hint"),
            shown,
        )
    return GrantsImported(
        tally.rows, tally.added, tally.present, tally.corrected, dry_run=dry_run, cp1250=cp1250
    )


def _exists(ws: Workspace) -> bool:
    """Whether the store is there (a PostgreSQL URL: the server says when it is opened)."""
    from wspolpraca_cli.locate import STORE_SCHEMES

    return ws.location.split("://", 1)[0].lower() in STORE_SCHEMES or Path(ws.location).exists()


def _rows(n: int) -> str:
    from wspolpraca_cli.i18n.catalog_store import counted

    return counted(n, "row")


class _Tally:
    """What an import has done so far: counts, and the first problems."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.rows = self.added = self.present = 0
        self.corrected: int | None = None
        self.rejected = self.more = self.count = 0
        self.problems: list[Diagnostic] = []

    def reject(self, problems: Sequence[Diagnostic]) -> None:
        self.rejected += 1
        self.count += len(problems)
        room = max(0, MAX_PROBLEMS - len(self.problems))
        self.problems.extend(problems[:room])
        self.more += max(0, len(problems) - room)

    def stored(self, batch: list[ReadRow], session: Any) -> None:
        """Hand ``batch`` (emptied) to the store."""
        if not batch:
            return
        outcome = session.add([read.row for read in batch if read.row is not None])
        # A correction (a row whose ref names a stored row with other values) is added too;
        # a store that counts them apart (``corrected``, part of ``added``) lets us say so.
        self.added += outcome.added
        corrected = getattr(outcome, "corrected", None)
        if corrected is not None:
            self.corrected = (self.corrected or 0) + corrected
        self.present += outcome.present
        for index, err in outcome.rejected:
            read = batch[index]
            problem = Diagnostic(self.file, read.line, 1, err.message, "", err.hint)
            self.reject([problem])
        batch.clear()


# -- list -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class GrantFilter:
    """What ``wsp grants list`` selects (None: any)."""

    year: int | None = None
    mode: str | None = None
    area: str | None = None
    organisation: str | None = None


@dataclass(frozen=True)
class GrantList:
    """The rows in force (or every version, with ``history``) that a filter selects."""

    store: str
    filter: GrantFilter
    rows: list[GrantRow] = field(default_factory=list)


def grant_filter(
    *,
    year: int | None = None,
    mode: str | None = None,
    area: str | None = None,
    organisation: str | None = None,
) -> GrantFilter:
    """The filter the options name, mode and area read as the register's cells are
    (UsageError, exit 2, for a mode or an area that is none)."""
    from wspolpraca_cli.grants.areas import parse_area
    from wspolpraca_cli.grants.model import parse_mode
    from wspolpraca_cli.grants.read import area_hint, mode_hint

    the_mode = the_area = None
    if mode is not None:
        found = parse_mode(mode)
        if found is None:
            raise UsageError(t("grants.read.bad_mode", value=mode), hint=mode_hint())
        the_mode = found.value
    if area is not None:
        the_area = parse_area(area)
        if the_area is None:
            raise UsageError(t("grants.read.bad_area", value=area), hint=area_hint())
    text = (organisation or "").strip() or None
    return GrantFilter(year, the_mode, the_area, text)


def list_grants(ws: Workspace, wanted: GrantFilter, *, history: bool = False) -> GrantList:
    """The register's rows in force that ``wanted`` selects, in the order they were stored
    (every version, superseded rows and voids too, with ``history``). A store that does not
    exist yet holds none."""
    with ws.open(readonly=True) as store:
        rows = store.grant_rows(
            year=wanted.year,
            mode=wanted.mode,
            area=wanted.area,
            organisation=wanted.organisation,
            effective=not history,
        )
    return GrantList(ws.location, wanted, rows)


# -- correct / void -------------------------------------------------------------------------

CORRECTABLE = (
    "ref", "year", "mode", "area", "department", "organisation", "krs", "title", "requested",
    "granted", "settled", "returned", "contract_date", "start", "end",
)  # fmt: skip
"""The fields ``wsp grants correct`` may change (each an option of the same name)."""


@dataclass(frozen=True)
class GrantSuperseded:
    old: GrantRow
    new: GrantRow
    changed: list[str]
    """The fields a correction changed, in the register's order."""
    dry_run: bool = False


def _reason(reason: str | None) -> str:
    text = (reason or "").strip()
    if not text:
        raise UsageError(t("supersede.reason_required"), hint=t("supersede.reason_hint"))
    return text


def _supersedable(store: Any, uid: str) -> GrantRow:
    old: GrantRow | None = store.get_grant(uid)
    if old is None:
        raise InputError(t("grants.unknown", uid=uid), hint=t("grants.unknown.hint"))
    if old.void:
        raise InputError(t("grants.is_void", uid=old.uid[:SHORT]))
    return old


def corrected_values(old: GrantRow, changes: dict[str, str | None]) -> dict[str, Any]:
    """The values of ``changes`` (option name → text; None: not given) read as the
    register's cells are, checked together with the old row's (start ≤ end, returned ≤
    granted). Raises InputError naming the option."""
    from wspolpraca_cli.grants import read

    given = {k: v for k, v in changes.items() if v is not None}
    unknown = [k for k in given if k not in CORRECTABLE]
    if unknown:  # pragma: no cover - the command offers only these
        raise UsageError(", ".join(unknown))
    values: dict[str, Any] = {}
    for name, text in given.items():
        try:
            values[name] = read.convert(name, text)
        except read.CellError as bad:
            option = "--" + name.replace("_", "-")
            raise InputError(
                t("grants.correct.bad_option", option=option, error=bad.message), hint=bad.hint
            ) from None
    merged = {c: values.get(c, getattr(old, c)) for c in CORRECTABLE}
    start, end = merged["start"], merged["end"]
    if start is not None and end is not None and start > end:
        raise InputError(t("grants.read.start_after_end", start=start, end=end))
    returned, granted = merged["returned"], merged["granted"]
    if returned is not None and returned > (granted or 0.0):
        raise InputError(
            t(
                "grants.read.returned_above_granted",
                returned=read.amount_text(returned),
                granted=read.amount_text(granted or 0.0),
            )
        )
    return values


def supersede_grant(
    ws: Workspace,
    uid: str,
    reason: str | None,
    *,
    changes: dict[str, str | None] | None = None,
    void: bool = False,
    by: str = "",
    dry_run: bool = False,
) -> GrantSuperseded:
    """Append a row superseding the register's row ``uid`` (a uid or unique prefix): a
    correction with ``changes`` (the old row's other values kept), or a void. The old row
    stays in the store's history. UsageError without a reason or, for a correction, without a
    change; InputError for a row that is not there, voided, superseded or a bad value;
    PeriodLocked for a year locked."""
    from wspolpraca_cli.records import replace

    why = _reason(reason)
    changes = changes or {}
    if not void and not any(v is not None for v in changes.values()):
        raise UsageError(t("grants.correct.nothing"), hint=t("grants.correct.nothing.hint"))
    with ws.open(readonly=dry_run) as store:
        old = _supersedable(store, uid)
        values = {} if void else corrected_values(old, changes)
        changed = [c for c in CORRECTABLE if c in values and values[c] != getattr(old, c)]
        if not void and not changed:
            raise UsageError(
                t("grants.correct.same", uid=old.uid[:SHORT]), hint=t("grants.correct.same.hint")
            )
        new = replace(
            old,
            **values,
            uid="",
            void=void,
            supersedes=old.uid,
            reason=why,
            recorded_by=by.strip(),
            recorded_at="",
            seq=0,
        )
        if dry_run:
            _check_year_unlocked(store, new, old)
            return GrantSuperseded(old, new, changed, dry_run=True)
        new = store.add_grant(new)
    return GrantSuperseded(old, new, changed)


def _check_year_unlocked(store: Any, *rows: GrantRow) -> None:
    """A dry run says what the write would: a lock in force on the row's year refuses it."""
    from wspolpraca_cli.services.audit import check_unlocked

    for year in dict.fromkeys(str(r.year) for r in rows):
        check_unlocked(store, year)


def stored_row(row: GrantRow) -> str:
    """A row stored, as :class:`~wspolpraca_cli.errors.Committed` names it."""
    return t("grants.stored_row", uid=row.uid[:SHORT])

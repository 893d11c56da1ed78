"""The grants register in a store (schema 5), what every backend shares: a row's columns as
the backends store them, the rules a row must meet, what one batch of an import or a copy
does (:func:`plan_batch`, from what the backend looked up for the whole batch, so that no row
costs a query of its own), and the SQL of :class:`~wspolpraca_cli.grants.model.GrantQuery`
aggregates, whose column names come from the model's lists only, never from a query's text."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from operator import attrgetter
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from wspolpraca_cli.audit import LockEvent, refuse_locked
from wspolpraca_cli.errors import InputError, StoreError
from wspolpraca_cli.grants.model import (
    AMOUNT_COLUMNS,
    COLUMNS,
    DISTINCT_COLUMNS,
    FILTER_COLUMNS,
    GROUP_COLUMNS,
    GrantAggregate,
    GrantQuery,
    GrantRow,
    Measure,
    Mode,
)
from wspolpraca_cli.i18n import t
from wspolpraca_cli.records import field, record, replace
from wspolpraca_cli.store.shared import (
    AMBIGUOUS_SHOWN,
    BatchOutcome,
    find_by_uid,
    new_uid,
    now_utc,
    valid_uid,
)

GRANTS_VERSION = 5
"""The schema version that has the grants register (an older store has no grant rows)."""

INSERT_COLUMNS = (
    "uid, ref, year, mode, area, department, organisation, krs, title, requested, granted,"
    " settled, returned, contract_date, start_date, end_date, void, supersedes, reason,"
    " recorded_by, recorded_at"
)
"""The stored columns of a row, in :func:`row_values` order (``start``/``end`` are
``start_date``/``end_date``: ``end`` is a reserved word of SQL)."""
SELECT_COLUMNS = "seq, " + INSERT_COLUMNS

_MODES = {m.value: m for m in Mode}


def row_values(row: GrantRow) -> tuple[Any, ...]:
    """A row's values in :data:`INSERT_COLUMNS` order (dates as ISO text, the mode's value)."""
    return (
        row.uid,
        row.ref,
        row.year,
        str(row.mode),
        row.area,
        row.department,
        row.organisation,
        row.krs,
        row.title,
        row.requested,
        row.granted,
        row.settled,
        row.returned,
        _iso(row.contract_date),
        _iso(row.start),
        _iso(row.end),
        bool(row.void),
        row.supersedes,
        row.reason,
        row.recorded_by,
        row.recorded_at,
    )


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _amount(value: Any) -> float | None:
    return None if value is None else float(value)


def row_from_db(row: Sequence[Any]) -> GrantRow:
    """A stored row (:data:`SELECT_COLUMNS`) as a :class:`GrantRow`; ValueError, TypeError or
    LookupError for one that cannot be (a damaged store)."""
    (seq, uid, ref, year, mode, area, department, organisation, krs, title, requested,
     granted, settled, returned, contract_date, start, end, void, supersedes, reason, by,
     at) = row  # fmt: skip
    if not isinstance(uid, str) or not isinstance(area, str):
        raise TypeError(uid)
    return GrantRow(
        uid=uid,
        year=int(year),
        mode=_MODES[mode],
        area=area,
        ref=ref,
        department=department,
        organisation=organisation,
        krs=krs,
        title=title,
        requested=_amount(requested),
        granted=_amount(granted),
        settled=_amount(settled),
        returned=_amount(returned),
        contract_date=_day(contract_date),
        start=_day(start),
        end=_day(end),
        void=bool(void),
        supersedes=supersedes,
        reason=reason,
        recorded_by=by,
        recorded_at=at,
        seq=int(seq),
    )


def completed_grant(row: GrantRow, user: str, now: str | None = None) -> GrantRow:
    """``row`` with what the store fills in: a new uid, the time and ``user`` when empty."""
    if row.uid and row.recorded_at and row.recorded_by:
        return row
    # GrantRow is frozen: the copy's fields are set at once (replace() costs 10 µs a row,
    # a tenth of a second per 10,000 rows of an import)
    copy: GrantRow = _new_row(GrantRow)
    fields = copy.__dict__
    fields.update(row.__dict__)
    fields["uid"] = row.uid or new_uid()
    fields["recorded_at"] = row.recorded_at or now or now_utc()
    fields["recorded_by"] = row.recorded_by or user
    return copy


_new_row = object.__new__


def check_grant(row: GrantRow) -> None:
    """The rules a stored row meets (the schema enforces most of them too; checked first for
    a clear message): InputError (exit 2)."""

    def invalid(error: str) -> InputError:
        return InputError(t("store.grant_invalid", uid=row.uid, error=error))

    if not valid_uid(row.uid):
        raise invalid("uid")
    if type(row.year) is not int:
        raise invalid("year")
    if row.mode not in _MODES:
        raise invalid("mode")
    if not row.area:
        raise invalid("area")
    for amount, name in ((row.requested, "requested"), (row.granted, "granted"),
                         (row.settled, "settled"), (row.returned, "returned")):  # fmt: skip
        if amount is not None and (type(amount) is bool or not math.isfinite(amount)):
            raise invalid(name)
    if row.void and row.supersedes is None:
        raise invalid("void")
    if row.supersedes is not None and (not row.supersedes or row.supersedes == row.uid):
        raise invalid("supersedes")
    texts = (row.uid, row.ref, row.area, row.department, row.organisation, row.krs, row.title,
             row.supersedes or "", row.reason, row.recorded_by, row.recorded_at)  # fmt: skip
    if "\x00" in "".join(texts):  # PostgreSQL's text cannot hold NUL
        raise invalid("NUL")


def same_register_row(a: GrantRow, b: GrantRow) -> bool:
    """The same row of the register: equal in every column of the register's file."""
    return _register_row(a) == _register_row(b)


_register_row = attrgetter(*COLUMNS)


def same_grant(stored: GrantRow, given: GrantRow) -> bool:
    """Equal apart from ``seq``; an empty ``recorded_at``/``recorded_by`` of ``given`` matches
    what the store filled in (a row copied between stores, or given again)."""
    return replace(stored, seq=0) == replace(
        given,
        seq=0,
        recorded_at=given.recorded_at or stored.recorded_at,
        recorded_by=given.recorded_by or stored.recorded_by,
    )


def refuse_superseding(
    row: GrantRow, target: GrantRow | None, superseded_by: str | None, locks: Sequence[LockEvent]
) -> None:
    """Whether ``row`` may supersede ``target`` (the stored row ``row.supersedes`` names,
    None when there is none; ``superseded_by``: the row that supersedes it already): InputError
    or :class:`~wspolpraca_cli.audit.PeriodLocked` (the target's year)."""
    uid = row.supersedes
    if target is None:
        raise InputError(t("store.grant_unknown", uid=uid))
    if target.void:
        raise InputError(t("store.grant_void", uid=uid))
    if superseded_by is not None:
        raise InputError(
            t("store.grant_superseded", uid=uid),
            hint=t("store.grant_superseded.hint", uid=superseded_by[:8]),
        )
    if locks:
        refuse_locked(locks, str(target.year))


class GrantReads:
    """The grants register's reads that both backends make alike: each backend names its
    table (``_GRANTS``) and parameter mark (``_MARK``) and gives ``_grant_query`` (the rows of a
    query of that table; none from a store without it) and ``_damaged`` (the error of a
    damaged store)."""

    _GRANTS: ClassVar[str]
    _MARK: ClassVar[str]

    if TYPE_CHECKING:

        def _grant_query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]: ...

        def _damaged(self) -> StoreError: ...

    def _grant(self, row: Sequence[Any]) -> GrantRow:
        """A stored row as a register row; one that cannot be one means a damaged store."""
        try:
            return row_from_db(row)
        except (ValueError, TypeError, LookupError):
            raise self._damaged() from None

    def get_grant(self, uid: str) -> GrantRow | None:
        """The row with this uid or with this unique uid prefix (at least 4 characters)."""
        table, mark = self._GRANTS, self._MARK
        row = find_by_uid(
            uid,
            lambda u: self._grant_query(
                f"SELECT {SELECT_COLUMNS} FROM {table} WHERE uid = {mark}", (u,)
            ),
            lambda prefix: [
                str(r[0])
                for r in self._grant_query(
                    f"SELECT uid FROM {table} WHERE uid >= {mark} AND uid < {mark}"
                    f" ORDER BY uid LIMIT {mark}",
                    (prefix, prefix + "\U0010ffff", AMBIGUOUS_SHOWN + 1),
                )
            ],
            ambiguous="store.grant_prefix_ambiguous",
            vanished=self._damaged,
        )
        return None if row is None else self._grant(row)

    def grant_rows(
        self,
        *,
        year: int | None = None,
        mode: str | None = None,
        area: str | None = None,
        organisation: str | None = None,
        effective: bool = True,
    ) -> list[GrantRow]:
        """Rows in insertion order; the effective ones (not superseded, not voids) unless
        ``effective`` is False; ``organisation`` a part of the name, in any case."""
        found = rows_sql(
            self._GRANTS, self._MARK, year=year, mode=mode, area=area, effective=effective
        )
        if found is None:
            return []
        grants = [self._grant(r) for r in self._grant_query(*found)]
        if organisation is None:
            return grants
        return [r for r in grants if matches_organisation(r, organisation)]

    def grant_count(self) -> int:
        """Rows stored, every version."""
        rows = self._grant_query(f"SELECT count(*) FROM {self._GRANTS}")
        return int(rows[0][0]) if rows else 0


@record
class GrantLookups:
    """What a backend looked up for one batch, each with one query (a few for a large batch):
    the stored rows of the batch's uids, the rows its ``supersedes`` name and which of those
    are superseded already (and by which row), and the live rows of its refs."""

    found: Mapping[str, GrantRow] = field(default_factory=dict)
    targets: Mapping[str, GrantRow] = field(default_factory=dict)
    superseded: Mapping[str, str] = field(default_factory=dict)
    live_by_ref: Mapping[str, list[GrantRow]] = field(default_factory=dict)


class _GrantBatches(Protocol):
    """A backend's import session, as a register import uses it."""

    def grant_batch(self, rows: Sequence[GrantRow], seen_refs: set[str] | None) -> BatchOutcome: ...

    def discard(self) -> None: ...


class GrantImport:
    """An import of the grants register under way, inside the write transaction of a
    backend's entries import (``Store.importing_grants``): each batch planned by
    :func:`plan_batch` against the refs this import has met."""

    def __init__(self, session: _GrantBatches) -> None:
        self._session = session
        self._refs: set[str] = set()

    def add(self, rows: Sequence[GrantRow]) -> BatchOutcome:
        """One batch (see ``GrantImportSession.add``)."""
        return self._session.grant_batch(rows, self._refs)

    def discard(self) -> None:
        """Store nothing: the transaction is rolled back at the end of the import."""
        self._session.discard()


def batch_keys(rows: Sequence[GrantRow]) -> list[str]:
    """The uids to look up for a batch: its rows' and those its rows supersede."""
    uids = [r.uid for r in rows if r.uid]
    uids += [r.supersedes for r in rows if r.supersedes]
    return list(dict.fromkeys(uids))


def refs_to_match(rows: Sequence[GrantRow], found: Mapping[str, GrantRow]) -> list[str]:
    """The refs whose live rows an import's batch needs: of its rows that supersede nothing
    and are not stored yet."""
    refs = [r.ref for r in rows if r.ref and r.supersedes is None and r.uid not in found]
    return list(dict.fromkeys(refs))


@record
class BatchPlan:
    """What to insert of one batch (in order), how many rows are present, what is refused."""

    insert: list[tuple[int, GrantRow]]
    present: int
    rejected: list[tuple[int, InputError]]
    corrected: int = 0
    """Of the rows to insert, those that correct the stored row of their ref."""


class GrantOutcome(BatchOutcome):
    """What one batch of a register import did: a :class:`BatchOutcome` (equal to one, and
    unpacked as one) that also says how many of the rows added corrected the stored row of
    their ref (``corrected``, part of ``added``)."""

    corrected: int

    def __init__(self, *_: object) -> None:
        self.corrected = 0


def outcome(added: int, plan: BatchPlan) -> GrantOutcome:
    """The outcome of a planned batch of which ``added`` rows were inserted."""
    done = GrantOutcome(added, plan.present, plan.rejected)
    done.corrected = plan.corrected  # (a row the schema refused after all: the import fails)
    return done


def plan_batch(
    rows: Sequence[GrantRow],
    lookups: GrantLookups,
    locks: Sequence[LockEvent],
    complete: Callable[[GrantRow], GrantRow],
    seen_refs: set[str] | None,
) -> BatchPlan:
    """Decide, for each row of a batch, whether it is present, added or refused.

    A row whose uid is stored is present when it is the same row (an import: the same register
    row, whatever the store filled in; a copy, ``seen_refs`` None: the same row in every field)
    and refused otherwise. An import's row with a ref and no ``supersedes`` meets the live row
    of that ref: the same register row is present, a different one is added as a correction
    superseding it; two different rows of one ref in one import, or a ref with several live
    rows, are refused. A row whose ``supersedes`` is set supersedes that row (not a void, not
    superseded already). A lock in force over the row's year (or the superseded row's) refuses
    it. ``seen_refs`` (the refs this import has met so far) grows with the batch's."""
    insert: list[tuple[int, GrantRow]] = []
    rejected: list[tuple[int, InputError]] = []
    present = corrected = 0
    added: dict[str, GrantRow] = {}  # this batch's rows, by uid
    superseded = dict(lookups.superseded)
    live = {ref: list(found) for ref, found in lookups.live_by_ref.items()}
    known: dict[str, GrantRow] = dict(lookups.targets)
    for found in live.values():
        known.update((r.uid, r) for r in found)
    importing = seen_refs is not None
    for index, given in enumerate(rows):
        stored = added.get(given.uid) or lookups.found.get(given.uid) if given.uid else None
        if stored is not None:
            same = (
                same_register_row(stored, given)
                and stored.void == given.void
                and given.supersedes in (None, stored.supersedes)
                if importing
                else same_grant(stored, given)
            )
            if same:
                present += 1
                if seen_refs is not None and given.ref and given.supersedes is None:
                    seen_refs.add(given.ref)
            else:
                rejected.append((index, InputError(t("store.grant_uid_conflict", uid=given.uid))))
            continue
        row = complete(given)
        try:
            check_grant(row)
            if seen_refs is not None and row.ref and row.supersedes is None:
                in_force = live.get(row.ref, [])
                twice = row.ref in seen_refs
                if any(same_register_row(r, row) for r in in_force) and not twice:
                    present += 1  # the register's row as stored (a correction made by hand)
                    seen_refs.add(row.ref)
                    continue
                if in_force and not any(same_register_row(r, row) for r in in_force):
                    if twice:
                        raise InputError(t("store.grant_ref_twice", ref=row.ref))
                    if len(in_force) > 1:
                        shown = ", ".join(r.uid[:8] for r in in_force[:6])
                        raise InputError(t("store.grant_ref_ambiguous", ref=row.ref, uids=shown))
                    row = replace(row, supersedes=in_force[0].uid)
                    corrected += 1
            if locks:
                refuse_locked(locks, str(row.year))
            if row.supersedes is not None:
                target = added.get(row.supersedes) or known.get(row.supersedes)
                refuse_superseding(row, target, superseded.get(row.supersedes), locks)
        except InputError as exc:
            rejected.append((index, exc))
            if row.supersedes is not None and given.supersedes is None:
                corrected -= 1  # a correction refused after its ref matched (a lock)
            continue
        if seen_refs is not None and row.ref and given.supersedes is None:
            seen_refs.add(row.ref)
        insert.append((index, row))
        added[row.uid] = row
        if row.supersedes is not None:
            superseded[row.supersedes] = row.uid
            target = added.get(row.supersedes) or known.get(row.supersedes)
            if target is not None and target.ref in live:
                live[target.ref] = [r for r in live[target.ref] if r.uid != target.uid]
        if row.ref and not row.void:
            live.setdefault(row.ref, []).append(row)
    return BatchPlan(insert, present, rejected, corrected)


# -- aggregates -------------------------------------------------------------------------------


def _column(name: str | None, allowed: tuple[str, ...]) -> str:
    """A column name for SQL: one of ``allowed`` (the model's lists), never anything else."""
    if name not in allowed:
        raise ValueError(f"not a column here: {name!r}")
    return next(c for c in allowed if c == name)


def rows_sql(
    table: str,
    mark: str,
    *,
    year: int | None,
    mode: str | None,
    area: str | None,
    effective: bool,
) -> tuple[str, list[Any]] | None:
    """The SQL (parameters written ``mark``) of ``Store.grant_rows``' rows in insertion order,
    and its parameters; None when no stored row can match (a NUL character in a value)."""
    where: list[str] = []
    params: list[Any] = []
    for column, wanted in (("year", year), ("mode", mode), ("area", area)):
        if wanted is not None:
            if column != "year" and "\x00" in str(wanted):
                return None
            where.append(f"g.{column} = {mark}")
            params.append(wanted if column == "year" else str(wanted))
    if effective:
        where.append(
            f"NOT g.void AND NOT EXISTS (SELECT 1 FROM {table} c"
            " WHERE c.supersedes = g.uid AND c.supersedes IS NOT NULL)"
        )
    condition = f" WHERE {' AND '.join(where)}" if where else ""
    return f"SELECT {SELECT_COLUMNS} FROM {table} g{condition} ORDER BY seq", params


def aggregate_sql(query: GrantQuery, table: str, mark: str) -> tuple[str, list[Any]]:
    """The SQL (parameters written ``mark``) answering ``query`` over the effective rows of
    ``table``: (year, group, value) rows, a year's total with the group NULL."""
    if query.measure is Measure.COUNT:
        value = "count(*)"
    elif query.measure is Measure.SUM:
        value = f"coalesce(sum(g.{_column(query.column, AMOUNT_COLUMNS)}), 0)"
    elif query.measure is Measure.DISTINCT:
        # an empty cell is no value (a row without a KRS number is no organisation's number)
        value = f"count(DISTINCT nullif(g.{_column(query.column, DISTINCT_COLUMNS)}, ''))"
    else:
        raise ValueError(query.measure)
    where = [
        "NOT g.void",
        f"g.uid NOT IN (SELECT s.supersedes FROM {table} s WHERE s.supersedes IS NOT NULL)",
    ]
    params: list[Any] = []
    for name, values in query.where:
        column = _column(name, FILTER_COLUMNS)
        accepted: list[Any] = list(dict.fromkeys(values))
        if column == "year":
            accepted = [int(v) for v in accepted if _integer(v)]
        if not accepted:
            where.append("1 = 0")
            continue
        where.append(f"g.{column} IN ({', '.join([mark] * len(accepted))})")
        params.extend(accepted)
    if query.granted_only:
        where.append("g.granted > 0")
    condition = " AND ".join(where)
    sql = (
        f"SELECT g.year, CAST(NULL AS TEXT), {value} FROM {table} g WHERE {condition}"
        " GROUP BY g.year"
    )
    if query.by is None:
        return sql, params
    by = _column(query.by, GROUP_COLUMNS)
    sql += (
        f" UNION ALL SELECT g.year, g.{by}, {value} FROM {table} g WHERE {condition}"
        f" GROUP BY g.year, g.{by}"
    )
    return sql, params + params


def _integer(text: str) -> bool:
    try:
        int(text)
    except (TypeError, ValueError):
        return False
    return True


def aggregates(query: GrantQuery, rows: Sequence[Sequence[Any]]) -> list[GrantAggregate]:
    """The answers of ``query`` from its SQL's rows."""
    return [
        GrantAggregate(query.key, int(year), float(value or 0), group)
        for year, group, value in rows
    ]


def ordered(found: list[GrantAggregate]) -> list[GrantAggregate]:
    """By key, year, then the year's total before its groups (in text order)."""
    return sorted(found, key=lambda a: (a.key, a.year, a.group is not None, a.group or ""))


def matches_organisation(row: GrantRow, organisation: str | None) -> bool:
    """Whether ``organisation`` (case-insensitively, a part of the name) names ``row``'s."""
    return organisation is None or organisation.casefold() in row.organisation.casefold()

"""Entries out and in: ``wsp export`` and ``wsp import`` (all or nothing, never duplicated)."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wspolpraca_cli.entries import EntryRow
from wspolpraca_cli.errors import Committed, Diagnostic, InputError, RowsRejected
from wspolpraca_cli.i18n import t
from wspolpraca_cli.i18n.catalog_store import counted
from wspolpraca_cli.services.base import Workspace

if TYPE_CHECKING:
    from wspolpraca_cli.store.interface import ImportSession, Store
    from wspolpraca_cli.transfer import Row


@contextmanager
def export_entries(ws: Workspace) -> Iterator[ExportedRows]:
    """Every entry, corrections and voids too, in recording order, as rows — read from the
    store while the block writes them out (the store is open until it ends), never all in
    memory, no object built per entry."""
    with ws.open(readonly=True) as store:
        rows = ExportedRows(store)
        try:
            yield rows
        finally:  # an export stopped midway ends its read before the store closes
            rows.close()


class ExportedRows:
    """A store's entries as rows (iterate), read when asked; or, from a store that can format
    them itself (``cell_batches``: SQLite), as the cells of a CSV export, a batch of rows at a
    time (:class:`~wspolpraca_cli.transfer.export.CellSource`)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._open: list[Iterator[Any]] = []

    def __iter__(self) -> Iterator[EntryRow]:
        rows = self._store.iter_rows()
        self._open.append(rows)
        return rows

    def cell_batches(self, **cell_format: Any) -> Iterator[list[Sequence[Any]]] | None:
        batches_of = getattr(self._store, "cell_batches", None)  # a backend may not have it
        if batches_of is None:
            return None
        batches: Iterator[list[Sequence[Any]]] = batches_of(**cell_format)
        self._open.append(batches)
        return batches

    def close(self) -> None:
        for opened in self._open:
            close = getattr(opened, "close", None)
            if close is not None:
                close()
        self._open.clear()


class ImportRejected(RowsRejected):
    """An import of entries refused as a whole; ``diagnostics`` locate every bad row."""


@dataclass(frozen=True)
class Imported:
    added: int
    present: int
    """Entries the store already held (the same uid and content)."""
    rejected: int = 0
    problems: list[Diagnostic] = field(default_factory=list)


BATCH = 2000
"""Entries handed to the store at a time: one presence query and one insert of many rows."""
MAX_PROBLEMS = 1000
"""Problems kept for the report; the rows beyond them are still checked and counted."""


def import_entries(
    ws: Workspace,
    file: Path,
    *,
    dry_run: bool = False,
    notify: Callable[[str], None] | None = None,
) -> Imported:
    """Import the entries of a CSV or JSON file: all or nothing, never duplicated. Raises
    :class:`ImportRejected` with every bad row located (the first :data:`MAX_PROBLEMS`), and
    stores nothing, when any row is wrong. ``notify`` is told, before anything else, how a
    file that is not UTF-8 was read.

    The file is read, checked and stored a batch at a time, in one transaction that is rolled
    back at the end when any row was wrong: memory does not grow with the file. A file that
    fits in one batch and has a wrong row never opens the store for writing (so a store that
    does not exist yet is not created)."""
    from wspolpraca_cli.transfer import open_entries

    if file.is_dir():
        raise InputError(
            t("import.is_folder", path=file), hint=t("import.is_folder.hint", path=file)
        )
    from wspolpraca_cli.fsutil import kind_of

    kind = kind_of(file)
    if kind is None:
        raise InputError(t("import.no_file", path=file))
    if kind != "file":  # a pipe or a device is never opened: it could block or never end
        raise InputError(t("import.not_regular", path=file, kind=t(f"file.kind.{kind}")))
    with open_entries(file, ws.program) as source:
        if source.encoding == "cp1250" and notify is not None:
            notify(t("import.read_as_cp1250", file=file))
        rows = source.rows()
        first = list(itertools.islice(rows, BATCH))
        tally = _Tally(str(file))
        check_only = dry_run or (len(first) < BATCH and any(r.entry is None for r in first))
        # A dry run against a store that does not exist yet checks against an empty one.
        readonly = check_only and not Path(ws.location).exists()
        committed = False
        try:
            with ws.open(readonly=readonly) as store:
                with store.importing(dry_run=check_only) as session:
                    batch: list[Row] = []
                    for row in itertools.chain(first, rows):
                        if row.entry is None:
                            tally.reject(row.problems)
                            continue
                        batch.append(row)
                        if len(batch) >= BATCH:
                            tally.stored(batch, session)
                    tally.stored(batch, session)
                    if tally.rejected:
                        session.discard()
                committed = not check_only and not tally.rejected and tally.added > 0
        except (Exception, KeyboardInterrupt) as exc:
            if committed:  # the rows are in the store: say so, not "interrupted"
                raise Committed(counted(tally.added, "entry"), exc) from exc
            raise
    if tally.rejected:
        problems = sorted(tally.problems, key=lambda d: (d.line, d.column))
        if tally.more:
            problems.append(
                Diagnostic(str(file), problems[-1].line, 1, t("import.more_problems", n=tally.more))
            )
        raise ImportRejected(
            t(
                "import.failed",
                file=file,
                would=tally.added,
                present=tally.present,
                rejected=counted(tally.rejected, source.noun),
            ),
            t("import.failed.hint_json" if source.noun == "entry" else "import.failed.hint"),
            problems,
        )
    return Imported(tally.added, tally.present, 0)


class _Tally:
    """What an import has done so far: counts, and the first problems."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.added = self.present = self.rejected = self.more = 0
        self.problems: list[Diagnostic] = []

    def reject(self, problems: list[Diagnostic]) -> None:
        self.rejected += 1
        room = MAX_PROBLEMS - len(self.problems)
        self.problems.extend(problems[:room])
        self.more += max(0, len(problems) - room)

    def stored(self, batch: list[Row], session: ImportSession) -> None:
        """Hand ``batch`` (emptied) to the store."""
        if not batch:
            return
        outcome = session.add([row.entry for row in batch if row.entry is not None])
        self.added += outcome.added
        self.present += outcome.present
        for index, err in outcome.rejected:
            self.reject([batch[index].diagnostic(self.file, err.message, err.hint)])
        batch.clear()

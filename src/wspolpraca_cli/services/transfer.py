"""Entries out and in: ``wsp export`` and ``wsp import`` (all or nothing, never duplicated)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from wspolpraca_cli.entries import Entry
from wspolpraca_cli.errors import Diagnostic, InputError
from wspolpraca_cli.i18n import t
from wspolpraca_cli.services.base import Workspace


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


def import_entries(
    ws: Workspace,
    file: Path,
    *,
    dry_run: bool = False,
    notify: Callable[[str], None] | None = None,
) -> Imported:
    """Import the entries of a CSV or JSON file: all or nothing, never duplicated. Raises
    :class:`ImportRejected` with every bad row located, and stores nothing, when any row is
    wrong. ``notify`` is told, before anything else, how a file that is not UTF-8 was read."""
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
    if result.encoding == "cp1250" and notify is not None:
        notify(t("import.read_as_cp1250", file=file))
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

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

from wspolpraca_cli.services.base import SHORT, Workspace
from wspolpraca_cli.services.entries import (
    History,
    Implausible,
    PeriodChoice,
    PeriodTotal,
    Recorded,
    Superseded,
    choose_period,
    correct,
    history,
    record,
    require_reason,
    void,
)
from wspolpraca_cli.services.progress import (
    CheckResult,
    check,
    check_progress,
    check_year,
    progress_as_of,
    report_inputs,
)
from wspolpraca_cli.services.transfer import (
    Imported,
    ImportRejected,
    export_entries,
    import_entries,
)

__all__ = [
    "SHORT",
    "CheckResult",
    "History",
    "Implausible",
    "ImportRejected",
    "Imported",
    "PeriodChoice",
    "PeriodTotal",
    "Recorded",
    "Superseded",
    "Workspace",
    "check",
    "check_progress",
    "check_year",
    "choose_period",
    "correct",
    "export_entries",
    "history",
    "import_entries",
    "progress_as_of",
    "record",
    "report_inputs",
    "require_reason",
    "void",
]

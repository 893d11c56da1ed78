"""The use cases of wsp: what each command does, with values in and results (or typed errors)
out. The command line parses options, prompts, prints and chooses exit codes; everything a
command decides lives here, so that behaviour is written once.

A use case works on a :class:`~.base.Workspace`: the programme and a way to open its store. It never
prints, prompts or exits; what needs a person's answer (an implausible value, a duplicate
entry) is an :class:`~wspolpraca_cli.errors.Unconfirmed` error that the caller may answer by
calling again with its ``concern`` among the ``confirmed`` ones.

- :mod:`.entries`: ``record`` and ``supersede`` (a correction or a void) append entries (or,
  with ``dry_run``, tell what they would do) and return the figure ``wsp status`` shows for
  the period the entry counts in; ``history`` lists entries with their supersessions;
- :mod:`.transfer`: ``import_entries`` and ``export_entries`` move entries in and out;
- :mod:`.progress`: ``progress_as_of``, ``check`` and ``report_inputs`` read
  progress.

A command imports the module of its use case only (start-up time is budgeted), so this package
re-exports nothing.
"""

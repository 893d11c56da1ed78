"""Moving entries out of and into the store: CSV (Excel-friendly) and JSON.

:mod:`.export` turns entries into rows and objects and writes them (and defines the format's
columns); :mod:`.import_` reads a file back and checks every row as it is read, giving entries or
located problems. Everything is importable from here.
"""

from __future__ import annotations

from wspolpraca_cli.transfer.export import (
    CSV_COLUMNS,
    INFORMATIONAL_COLUMNS,
    JSON_SCHEMA,
    REQUIRED_COLUMNS,
    csv_dialect,
    entry_json,
    entry_row,
    format_number,
    format_tags,
    to_json,
    write_csv,
    write_csv_rows,
    write_json,
    write_json_rows,
)
from wspolpraca_cli.transfer.import_ import (
    MAX_IMPORT_BYTES,
    EntryFile,
    Row,
    json_error_text,
    open_entries,
)

__all__ = [
    "CSV_COLUMNS",
    "INFORMATIONAL_COLUMNS",
    "JSON_SCHEMA",
    "MAX_IMPORT_BYTES",
    "REQUIRED_COLUMNS",
    "EntryFile",
    "Row",
    "csv_dialect",
    "entry_json",
    "entry_row",
    "format_number",
    "format_tags",
    "json_error_text",
    "open_entries",
    "to_json",
    "write_csv",
    "write_csv_rows",
    "write_json",
    "write_json_rows",
]

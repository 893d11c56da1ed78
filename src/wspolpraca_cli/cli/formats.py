"""Every document wsp prints or writes, the formats it has, and the renderer of each.

A renderer is a function ``document -> str | bytes`` (the whole text, with its final newline)
named here by ``module:function`` and imported only when that format is asked for, so that a
command pays for nothing it does not print. A format may also have a *terminal* renderer,
``(document, console) -> None``, used instead when the output is a terminal (Rich). Adding a
format is a member of the document's enum, one :class:`Format` below and its renderer.

:func:`wspolpraca_cli.cli.output.deliver` is the one place that picks the renderer and sends
its result to standard output or to the ``-o`` file.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any, NamedTuple, TypeVar

F = TypeVar("F", bound=StrEnum)


class StatusFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


class CheckFormat(StrEnum):
    text = "text"
    json = "json"


class ReportFormat(StrEnum):
    md = "md"
    html = "html"
    csv = "csv"
    xlsx = "xlsx"
    docx = "docx"
    odt = "odt"


class HistoryFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class GrantsFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


class TemplateFormat(StrEnum):
    csv = "csv"
    xlsx = "xlsx"


class ExportFormat(StrEnum):
    csv = "csv"
    json = "json"


class TreeFormat(StrEnum):
    table = "table"
    text = "text"
    json = "json"


class Format(NamedTuple):
    renderer: str
    """``module:function``: ``document -> str | bytes``."""
    terminal: str | None = None
    """``module:function``: ``(document, console) -> None``, for a terminal."""
    suffixes: tuple[str, ...] = ()
    """File extensions that mean this format for ``-o``."""
    file_only: bool = False
    """Must be written to a file (a binary or a whole-page format)."""


_R = "wspolpraca_cli.render."
_TERMINAL = _R + "terminal:"

FORMATS: Mapping[type[StrEnum], Mapping[str, Format]] = {
    StatusFormat: {
        "table": Format(_R + "status:render_plain", _TERMINAL + "render_rich", (".txt",)),
        "json": Format(_R + "json_docs:status_document", suffixes=(".json",)),
        "csv": Format(_R + "status:render_csv", suffixes=(".csv",)),
        "md": Format(_R + "status:render_md", suffixes=(".md", ".markdown")),
    },
    CheckFormat: {
        "text": Format(_R + "report_check:render_document", suffixes=(".txt",)),
        "json": Format(_R + "json_docs:check_document", suffixes=(".json",)),
    },
    ReportFormat: {
        "md": Format(_R + "report_text:render_md", suffixes=(".md", ".markdown")),
        "html": Format(_R + "report_html:render_html", suffixes=(".html", ".htm"), file_only=True),
        "csv": Format(_R + "report_text:render_csv", suffixes=(".csv",)),
        "xlsx": Format(_R + "report_xlsx:render_xlsx", suffixes=(".xlsx",), file_only=True),
        "docx": Format(_R + "report_docx:render_docx", suffixes=(".docx",), file_only=True),
        "odt": Format(_R + "report_odt:render_odt", suffixes=(".odt",), file_only=True),
    },
    HistoryFormat: {
        "table": Format(
            _R + "history:render_table", _R + "history:render_table_terminal", (".txt",)
        ),
        "json": Format(_R + "history:render_json", suffixes=(".json",)),
        "csv": Format(_R + "history:render_csv", suffixes=(".csv",)),
    },
    GrantsFormat: {
        "table": Format(
            _R + "grants_list:render_table", _R + "grants_list:render_table_terminal", (".txt",)
        ),
        "json": Format(_R + "grants_list:render_json", suffixes=(".json",)),
        "csv": Format(_R + "grants_list:render_csv", suffixes=(".csv",)),
        "md": Format(_R + "grants_list:render_md", suffixes=(".md", ".markdown")),
    },
    TemplateFormat: {
        "csv": Format("wspolpraca_cli.grants.template:render_csv", suffixes=(".csv",)),
        "xlsx": Format(
            "wspolpraca_cli.grants.template:render_xlsx", suffixes=(".xlsx",), file_only=True
        ),
    },
    ExportFormat: {
        "csv": Format(_R + "export:render_csv", suffixes=(".csv",)),
        "json": Format(_R + "export:render_json", suffixes=(".json",)),
    },
    TreeFormat: {
        "table": Format(_R + "programme:tree_text", _TERMINAL + "tree_rich", (".txt",)),
        "text": Format(_R + "programme:tree_text", suffixes=(".txt",)),
        "json": Format(_R + "programme:tree_json", suffixes=(".json",)),
    },
}
"""Per document (its format enum), the renderers of each format."""

SHOW_FORMATS: Mapping[str, Format] = {
    "table": Format(_R + "programme:show_text", _TERMINAL + "show_rich", (".txt",)),
    "text": Format(_R + "programme:show_text", suffixes=(".txt",)),
    "json": Format(_R + "programme:show_json", suffixes=(".json",)),
}
"""``wsp show`` has the formats of ``wsp list`` (:class:`TreeFormat`), with renderers of one
item."""


def format_of(chosen: StrEnum, table: Mapping[str, Format] | None = None) -> Format:
    """The format ``chosen`` (a member of a document's enum) stands for."""
    return (table if table is not None else FORMATS[type(chosen)])[chosen.value]


def load(target: str) -> Callable[..., Any]:
    """The function ``module:function`` names (imported now, not before)."""
    module, _, name = target.partition(":")
    found: Callable[..., Any] = getattr(importlib.import_module(module), name)
    return found


def suffixes(kind: type[F]) -> dict[str, F]:
    """Extension → format, for the formats of one document."""
    return {suffix: fmt for fmt in kind for suffix in FORMATS[kind][fmt.value].suffixes}

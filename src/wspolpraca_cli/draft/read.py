"""Reading a resolution's file: plain text, PDF (its text layer) or DOCX, into a
:class:`~.model.Source`.

The kind is told by the file's first bytes (``%PDF-``, a ZIP with ``word/document.xml``),
else by its extension; text is UTF-8, else Windows-1250 (what Polish offices' editors save).
Every failure is a typed error with the file's name: :class:`DraftInputError` (exit 2).
"""

from __future__ import annotations

import re
from pathlib import Path

from wspolpraca_cli.draft.model import Line, Source, Where
from wspolpraca_cli.errors import InputError
from wspolpraca_cli.i18n import t

MAX_INPUT_BYTES = 50 * 1024 * 1024
"""The largest file read (a resolution with its annexes is a few MiB at most)."""

_NOT_SHOWN = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


class DraftInputError(InputError):
    """A file that cannot be read as a resolution's text (exit 2)."""


def clean_text(text: str) -> str:
    """Text with what no YAML file may hold taken out (control characters, the byte order
    mark, Unicode's line and paragraph separators); tabs and carriage returns as spaces and
    line ends, form feeds kept (page breaks)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = text.replace("\u00ad", "")  # a soft hyphen
    return _NOT_SHOWN.sub(" ", text)


def lines_of(text: str, page: int = 0) -> list[Line]:
    """The lines of ``text``; a form feed starts a new page (numbered from ``page`` when the
    text is a PDF's, else lines are numbered as a text file's)."""
    out: list[Line] = []
    page_break = False
    for number, raw in enumerate(clean_text(text).split("\n"), 1):
        parts = raw.split("\f")
        for n, part in enumerate(parts):
            if n:
                page_break = True
                if page:
                    page += 1
            where = Where(line=number, page=page)
            if part.strip() or n == len(parts) - 1:
                out.append(Line(part.rstrip(), where, page_break))
                page_break = False
    return out


def kind_of(path: Path, head: bytes) -> str:
    """``txt``, ``pdf`` or ``docx``; a usage error for anything else."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if path.suffix.lower() in (".docx", ".docm") or b"word/" in head:
            return "docx"
        raise DraftInputError(
            t("draft.unknown_type", path=path, kind=path.suffix or "ZIP"),
            hint=t("draft.unknown_type.hint"),
        )
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "txt"  # UTF-16 with its byte order mark (Notepad's "Unicode")
    if head.lstrip().startswith(b"{\\rtf"):
        raise DraftInputError(
            t("draft.unknown_type", path=path, kind="RTF"), hint=t("draft.unknown_type.hint")
        )
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        raise DraftInputError(t("draft.pdf_damaged", path=path, error=t("draft.pdf_no_header")))
    if suffix == ".docx":
        raise DraftInputError(t("draft.docx_damaged", path=path, error=t("draft.docx_no_zip")))
    if suffix in ("", ".txt", ".text", ".md") and b"\x00" not in head[:4096]:
        return "txt"
    if suffix in (".doc", ".odt", ".rtf", ".pages", ".wpd", ".xls", ".xlsx", ".html", ".htm"):
        raise DraftInputError(
            t("draft.unknown_type", path=path, kind=suffix), hint=t("draft.unknown_type.hint")
        )
    if b"\x00" in head[:4096]:
        raise DraftInputError(
            t("draft.unknown_type", path=path, kind=suffix or "?"),
            hint=t("draft.unknown_type.hint"),
        )
    return "txt"


def read(path: Path) -> Source:
    """The document at ``path`` as lines (and tables)."""
    from wspolpraca_cli.fsutil import FileTooLarge, NotRegularFile, read_regular

    try:
        data = read_regular(path, MAX_INPUT_BYTES)
    except FileNotFoundError:
        raise DraftInputError(
            t("draft.not_found", path=path), hint=t("draft.not_found.hint")
        ) from None
    except NotRegularFile as exc:
        raise DraftInputError(
            t("draft.not_regular", path=path, kind=t(f"file.kind.{exc.kind}"))
        ) from None
    except FileTooLarge as exc:
        raise DraftInputError(
            t("draft.too_large", path=path, size=exc.size, limit=MAX_INPUT_BYTES // 2**20)
        ) from None
    except OSError as exc:
        if path.is_dir():
            raise DraftInputError(t("draft.is_folder", path=path)) from None
        raise DraftInputError(
            t("draft.cannot_read", path=path, error=exc.strerror or exc)
        ) from None
    kind = kind_of(path, data[:65536])
    if kind == "pdf":
        from wspolpraca_cli.draft.read_pdf import read_pdf

        return read_pdf(path, data)
    if kind == "docx":
        from wspolpraca_cli.draft.read_docx import read_docx

        return read_docx(path, data)
    return Source(str(path), tuple(lines_of(decode(data))))


def decode(data: bytes) -> str:
    """A text file's text: UTF-16 with its byte order mark, UTF-8 (with or without one),
    else Windows-1250."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1250", "replace")

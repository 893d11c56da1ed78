"""A PDF's text layer, page by page, through pypdf (imported here only).

A PDF whose pages carry no text (a scan) is refused with the hint that it needs OCR first;
wsp does no OCR. A damaged or encrypted file is refused with the library's reason.
"""

from __future__ import annotations

import io
from pathlib import Path

from wspolpraca_cli.draft.model import Line, Source, Where
from wspolpraca_cli.draft.read import DraftInputError, clean_text
from wspolpraca_cli.i18n import t


def read_pdf(path: Path, data: bytes) -> Source:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are not the user's
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception:
                raise DraftInputError(
                    t("draft.pdf_encrypted", path=path), hint=t("draft.pdf_encrypted.hint")
                ) from None
        pages = [page.extract_text() or "" for page in reader.pages]
    except DraftInputError:
        raise
    except (
        PyPdfError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        OSError,
        RecursionError,
        NotImplementedError,
    ) as exc:
        raise DraftInputError(
            t("draft.pdf_damaged", path=path, error=str(exc) or type(exc).__name__)
        ) from None
    if not any(text.strip() for text in pages):
        raise DraftInputError(
            t("draft.pdf_no_text", path=path, pages=len(pages)), hint=t("draft.pdf_no_text.hint")
        )
    lines: list[Line] = []
    for number, text in enumerate(pages, 1):
        for n, raw in enumerate(clean_text(text).replace("\f", "\n").split("\n"), 1):
            lines.append(Line(raw.rstrip(), Where(line=n, page=number), n == 1 and number > 1))
    return Source(str(path), tuple(lines))

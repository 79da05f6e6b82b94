"""Reading exported files back as a reader's software would: a PNG's size in pixels, the
text of PDF pages, slides and Word documents."""

from __future__ import annotations

import io
import re
import struct

import docx
import pypdf


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) from a PNG's header, which must be a PNG's."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def squash(text: str) -> str:
    """Text with all spacing removed, so line breaks chosen by a layout do not matter."""
    return re.sub(r"\s+", "", text)


def pdf_pages(data: bytes) -> list[str]:
    return [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages]


def slide_text(slide) -> str:
    """Text boxes and table cells of a slide."""
    parts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            parts.append(shape.text_frame.text)
        if shape.has_table:
            parts += [c.text for row in shape.table.rows for c in row.cells]
    return "\n".join(parts)


def word(data: bytes):
    return docx.Document(io.BytesIO(data))


def docx_text(doc) -> str:
    """Paragraphs (hyperlinks included), then table cells."""
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)

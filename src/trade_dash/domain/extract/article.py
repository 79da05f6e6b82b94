"""Reading an article: a text file, a saved web page (its main text and metadata
through trafilatura; scripts are dropped, never run), or standard input.

A text file may start with a line ``# source: Outlet, YYYY-MM-DD`` naming its outlet
and publication date; failing that, a date written as ``YYYY-MM-DD`` in its first five
lines is taken as the publication date. What cannot be read raises ``ArticleError``
with a code and its values, worded in ``wording.extract``.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Literal

MAX_BYTES = 5 * 1024 * 1024
STDIN = "-"

ArticleCode = Literal[
    "not_found",
    "is_folder",
    "unreadable",  # reason: the system's words
    "too_large",  # limit (bytes)
    "binary",
    "encoding",
    "empty",
    "no_text",  # a web page with no readable text (only scripts, say)
]


class ArticleError(Exception):
    """An article that cannot be read: the file (or ``-``), a code and its values."""

    def __init__(self, file: str, code: ArticleCode, **params: Any):
        self.file, self.code, self.params = file, code, params
        super().__init__(f"{file}: {code}")


@dataclass(frozen=True)
class Article:
    """An article's text and what is known about it."""

    text: str
    file: str
    outlet: str = ""
    published: dt.date | None = None
    title: str = ""


_SOURCE_LINE = re.compile(r"^#\s*source\s*:\s*(?P<rest>.*)$", re.IGNORECASE)
_ISO_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)")
_HTML = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<meta|<body|<!--)", re.IGNORECASE)
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.-]+)", re.IGNORECASE)
# File formats that are not text, by their first bytes.
_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\x1f\x8b",
          b"\xd0\xcf\x11\xe0", b"Rar!", b"7z\xbc\xaf", b"\x7fELF", b"MZ")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def read_article(source: str | Path | bytes, name: str | None = None,
                 stdin: BinaryIO | None = None) -> Article:
    """Read an article from a path, from ``-`` (standard input, or ``stdin``), or from
    bytes already read (a pasted article: ``name`` is what errors call it). A page is
    recognised by its ``.html``/``.htm`` name or by starting like one."""
    if isinstance(source, bytes):
        file = name or STDIN
        raw = source
        if len(raw) > MAX_BYTES:
            raise ArticleError(file, "too_large", limit=MAX_BYTES)
    elif str(source) == STDIN:
        file = name or STDIN
        raw = (stdin or sys.stdin.buffer).read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise ArticleError(file, "too_large", limit=MAX_BYTES)
    else:
        file = name or str(source)
        raw = _read_file(Path(source), file)
    page = file.lower().endswith((".html", ".htm")) or bool(_HTML.match(raw[:512]))
    if _binary(raw):
        raise ArticleError(file, "binary")
    text = _decode(raw, file, page)
    if _CONTROL.search(text[:20000]) and len(_CONTROL.findall(text)) > len(text) // 100:
        raise ArticleError(file, "binary")
    if not text.strip():
        raise ArticleError(file, "empty")
    return _page(text, file) if page else _plain(text, file)


def _read_file(path: Path, file: str) -> bytes:
    try:
        if path.is_dir():
            raise ArticleError(file, "is_folder")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ArticleError(file, "too_large", limit=MAX_BYTES)
        return path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(file, "not_found") from None
    except OSError as exc:
        raise ArticleError(file, "unreadable", reason=exc.strerror or str(exc)) from None


def _binary(raw: bytes) -> bool:
    if raw.startswith(_MAGIC):
        return True
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\x00" in raw[:8192]


def _decode(raw: bytes, file: str, page: bool) -> str:
    """UTF-8 (with or without a byte-order mark), UTF-16 with one, or for a web page the
    character set it declares; anything else is refused rather than guessed."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8-sig"]
        declared = _CHARSET.search(raw[:4096]) if page else None
        if declared:
            encodings.append(declared.group(1).decode("ascii"))
    for encoding in encodings:
        try:
            return raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise ArticleError(file, "encoding")


def _plain(text: str, file: str) -> Article:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n", 1)
    outlet, published = "", None
    header = _SOURCE_LINE.match(lines[0].strip())
    if header:
        rest = header["rest"].strip()
        date = _ISO_DATE.search(rest)
        if date:
            published = _date(date)
            rest = (rest[: date.start()] + rest[date.end():]).strip()
        outlet = rest.strip(" ,;")
        text = lines[1] if len(lines) > 1 else ""
        if not text.strip():
            raise ArticleError(file, "empty")
    if published is None:
        first = "\n".join(text.split("\n")[:5])
        date = _ISO_DATE.search(first)
        published = _date(date) if date else None
    return Article(text, file, outlet, published)


def _date(m: re.Match[str]) -> dt.date | None:
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _with_missed_paragraphs(html: str, text: str) -> str:
    """The article element's paragraphs in page order, when the main-text extraction left
    out one that holds a number (a lead above the body, a list of figures); else ``text``.
    Only element text is read: scripts and styles are not paragraphs."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(html)
    except (etree.ParserError, ValueError):
        return text
    boxes = root.xpath("//article") or root.xpath("//main")
    if not boxes:
        return text
    for code in boxes[0].xpath(".//script|.//style|.//noscript|.//template"):
        code.drop_tree()  # their text is no paragraph's (and is never run)
    paragraphs = [" ".join(p.text_content().split()) for p in boxes[0].xpath(".//p|.//li")]
    paragraphs = [p for p in paragraphs if p]
    flat = " ".join(text.split())
    if not any(p not in flat and any(c.isdigit() for c in p) for p in paragraphs):
        return text
    return "\n".join(paragraphs)


def _page(html: str, file: str) -> Article:
    import trafilatura  # imported here: only pages need it, and it is slow to import

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True,
        favor_recall=True,  # keeps lists of figures ("<ul><li>Imports ... 94.1 million")
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (getattr(doc, "text", None) or "").strip()
    text = _with_missed_paragraphs(html, text)
    if not text:
        text = trafilatura.html2txt(html).strip()
    if not text:
        raise ArticleError(file, "no_text")
    outlet = (getattr(doc, "sitename", None) or getattr(doc, "hostname", None) or "").strip()
    published = None
    date = _ISO_DATE.search(getattr(doc, "date", None) or "")
    if date:
        published = _date(date)
    title = (getattr(doc, "title", None) or "").strip()
    if title and not text.startswith(title):
        text = f"{title}\n{text}"
    return Article(text, file, outlet, published, title)

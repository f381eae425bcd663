"""Readers that turn a source (path, http(s) URL or ``-`` for standard input) into a Document.

``READERS`` maps a format name to a reader ``(data: bytes, location: str) -> Document``;
``detect_format`` names the format from the content and the file name; ``read_source`` checks the
source (exists, is a file, not empty, under the size limit), detects its format and calls the
reader; ``read_sources`` reads several and names the one that failed. Every problem with a
source raises ``InputError`` with a one-line message that names the source.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import zipfile
from collections.abc import Callable, Iterable
from io import BytesIO
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from ..errors import InputError
from ..model import Document
from ._build import clean_inline, human_size
from .docx import read_docx
from .html import html_document, read_html
from .markdown import read_markdown
from .pdf import read_pdf
from .text import read_text
from .url import DEFAULT_TIMEOUT, fetch, has_scheme, is_url

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_TIMEOUT",
    "READERS",
    "STDIN",
    "Reader",
    "detect_format",
    "read_source",
    "read_sources",
]

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
STDIN = "-"

Reader = Callable[[bytes, str], Document]

READERS: dict[str, Reader] = {
    "txt": read_text,
    "md": read_markdown,
    "html": read_html,
    "docx": read_docx,
    "pdf": read_pdf,
}

_EXTENSIONS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".mdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}
# magic numbers of files people may hand us by mistake, to name them in the error
_KNOWN_BINARY = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"{\\rtf", "an RTF document"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a program"),
)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_STDIN_NAME = "standard input"


def detect_format(data: bytes, name: str) -> str:
    """Return the format name (a key of ``READERS``) of ``data`` read from ``name``.

    The content decides where it is unambiguous (a PDF, a DOCX package, an HTML page); otherwise
    the extension does, and text without one is Markdown when it has Markdown headings, else plain
    text. Raises ``InputError`` naming ``name`` for an unsupported type, with the supported ones.
    """
    ext = _suffix(name)
    by_name = _EXTENSIONS.get(ext)
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        if _is_docx(data):
            return "docx"
        if by_name == "docx":
            return "docx"  # the reader reports what is wrong with the package
        raise InputError(f"{name}: a ZIP archive, not a document ({_supported()})")
    if data.startswith(_OLE):
        if by_name == "docx":
            raise InputError(f"{name}: DOCX is password-protected (encrypted); remove the password")
        raise InputError(f"{name}: old binary Office format (.doc); save it as .docx")
    for magic, what in _KNOWN_BINARY:
        if data.startswith(magic):
            raise InputError(f"{name}: {what}, not a supported document ({_supported()})")
    if by_name in ("pdf", "docx"):
        return by_name  # mislabelled or corrupt: the reader says so
    if _looks_html(head):
        return "html"
    if by_name is not None:
        return by_name
    if ext and not _is_url_or_stdin(name):
        raise InputError(f"{name}: unsupported file type {ext!r} ({_supported()})")
    return "md" if _looks_markdown(data[:65536]) else "txt"


def read_source(source: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Return the Document read from ``source``: a file path, an http(s) URL, or ``-`` for stdin.

    Raises ``InputError`` naming the source when it is missing, a folder, empty, binary, corrupt,
    password-protected, over ``max_bytes``, of an unsupported type, or cannot be fetched.
    """
    if max_bytes < 1:
        raise ValueError(f"max_bytes must be a positive number of bytes, got {max_bytes}")
    name = os.fspath(source)
    try:
        if name == STDIN:
            data = _read_stdin(max_bytes)
            return READERS[detect_format(data, _STDIN_NAME)](data, _STDIN_NAME)
        if has_scheme(name) or is_url(name):
            return _read_url(name, max_bytes)
        data = _read_file(Path(name), name, max_bytes)
        label = _printable(name)
        return READERS[detect_format(data, label)](data, label)
    except InputError as exc:
        message = str(exc)
        if message != clean_inline(message):  # a file name or a library's reason ran over lines
            raise InputError(clean_inline(message)) from exc
        raise


def _printable(name: str) -> str:
    """Return a file name with its undecodable bytes (lone surrogates) shown as �."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def read_sources(
    sources: Iterable[str | os.PathLike[str]], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[Document, ...]:
    """Return the Documents read from ``sources``, in order.

    Raises ``InputError`` when there are none, when standard input is named twice, or when one
    fails; then the message says which ("source 2 of 3: report.pdf: ...").
    """
    names = [os.fspath(s) for s in sources]
    if not names:
        raise InputError("no sources given")
    if names.count(STDIN) > 1:
        raise InputError("standard input ('-') can be read only once")
    documents = []
    for n, name in enumerate(names, start=1):
        try:
            documents.append(read_source(name, max_bytes=max_bytes))
        except InputError as exc:
            if len(names) == 1:
                raise
            raise InputError(f"source {n} of {len(names)}: {exc}") from exc
    return tuple(documents)


def _read_file(path: Path, name: str, max_bytes: int) -> bytes:
    try:
        if not path.exists():
            raise InputError(f"{name}: no such file")
        if path.is_dir():
            raise InputError(f"{name}: is a folder, not a file")
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"{name}: file is {human_size(size)}, over the {human_size(max_bytes)} limit"
            )
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from exc
    if len(data) > max_bytes:  # a device or a file that grew while we looked
        raise InputError(f"{name}: more than {human_size(max_bytes)}, over the limit")
    if not data.strip():
        raise InputError(f"{name}: file is empty")
    return data


def _read_stdin(max_bytes: int) -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError(f"{_STDIN_NAME}: not available")
    try:
        data = stream.read(max_bytes + 1)
    except (OSError, ValueError) as exc:  # closed, a terminal gone, not readable
        raise InputError(f"{_STDIN_NAME}: cannot read ({exc})") from exc
    if len(data) > max_bytes:
        raise InputError(f"{_STDIN_NAME}: more than {human_size(max_bytes)}, over the limit")
    if not data.strip():
        raise InputError(f"{_STDIN_NAME}: empty")
    return data


def _read_url(url: str, max_bytes: int) -> Document:
    fetched = fetch(url, max_bytes=max_bytes)
    fmt = fetched.format or detect_format(fetched.data, fetched.url)
    if fmt == "html" or (fmt == "txt" and _looks_html(fetched.data[:2048].lstrip())):
        data: bytes | str = fetched.data
        if fetched.charset:
            try:
                data = fetched.data.decode(fetched.charset)
            except (LookupError, UnicodeDecodeError):
                pass  # trafilatura guesses from the page itself
        return html_document(data, url, url=fetched.url)
    document = READERS[fmt](fetched.data, url)
    return dataclasses.replace(document, url=fetched.url)


def _suffix(name: str) -> str:
    if is_url(name):
        return PurePosixPath(urlsplit(name).path).suffix.lower()
    return Path(name).suffix.lower()


def _is_url_or_stdin(name: str) -> bool:
    return name == _STDIN_NAME or is_url(name)


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(BytesIO(data)) as package:
            return "word/document.xml" in package.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _looks_html(head: bytes) -> bool:
    start = head[:512].lower()
    return (
        start.startswith((b"<!doctype html", b"<html", b"<?xml"))
        and b"<html" in head.lower()
        or (start.startswith(b"<") and (b"<body" in head.lower() or b"<head" in head.lower()))
    )


def _looks_markdown(data: bytes) -> bool:
    lines = data.decode("utf-8", errors="ignore").splitlines()
    return any(line.startswith(("# ", "## ", "### ")) for line in lines) or any(
        line.strip() and set(line.strip()) <= {"="} and i > 0 and lines[i - 1].strip()
        for i, line in enumerate(lines)
    )


def _supported() -> str:
    return "supported: " + ", ".join(sorted(set(_EXTENSIONS)))

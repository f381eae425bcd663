"""Readers that turn a source (path, URL or standard input) into a Document.

``READERS`` maps a format name to a reader ``(data: bytes, location: str) -> Document``;
``read_source`` checks the source, detects its format and calls the reader.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..errors import InputError
from ..model import Document
from .text import read_text

__all__ = ["DEFAULT_MAX_BYTES", "READERS", "detect_format", "read_source"]

DEFAULT_MAX_BYTES = 50 * 1024 * 1024

Reader = Callable[[bytes, str], Document]

READERS: dict[str, Reader] = {
    "txt": read_text,
}

_EXTENSIONS = {".txt": "txt", ".text": "txt", "": "txt"}


def detect_format(data: bytes, name: str) -> str:
    """Return the format name of ``data`` read from ``name``, by extension then content."""
    ext = Path(name).suffix.lower()
    fmt = _EXTENSIONS.get(ext)
    if fmt is None:
        raise InputError(f"{name}: unsupported file type {ext!r} (supported: {', '.join(READERS)})")
    return fmt


def read_source(source: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Return the Document read from ``source``, a file path.

    Raises ``InputError`` naming the source when it is missing, a folder, empty, too large or of
    an unsupported type.
    """
    name = os.fspath(source)
    path = Path(name)
    if not path.exists():
        raise InputError(f"{name}: no such file")
    if path.is_dir():
        raise InputError(f"{name}: is a folder, not a file")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"{name}: file is {size:,} bytes, over the {max_bytes:,}-byte limit")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from exc
    if not data.strip():
        raise InputError(f"{name}: file is empty")
    fmt = detect_format(data, name)
    return READERS[fmt](data, name)

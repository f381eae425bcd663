"""Renderers: one module per output format, registered in ``RENDERERS``.

A renderer is ``render(plan: Plan, layout) -> bytes``; it draws only what ``plan.brief`` holds, in
its order. Text formats (json, md, html, eml) take extra keyword-only options (``author``; for
eml ``to``, ``sender``, ``stem``); ``briefgen.api`` passes them by name through ``RENDER_OPTIONS``.
"""

from __future__ import annotations

from collections.abc import Callable

from .docx import render_docx
from .eml import render_eml
from .html import render_html
from .json import render_json
from .markdown import render_md
from .pdf import render_pdf

__all__ = ["RENDERERS", "RENDER_OPTIONS", "Renderer", "render_docx", "render_pdf"]

Renderer = Callable[..., bytes]

#: Format name → renderer returning the file's bytes.
RENDERERS: dict[str, Renderer] = {
    "pdf": render_pdf,
    "docx": render_docx,
    "json": render_json,
    "md": render_md,
    "html": render_html,
    "eml": render_eml,
}

# the keyword options each format accepts beyond (plan, layout)
RENDER_OPTIONS: dict[str, tuple[str, ...]] = {
    "md": ("author",),
    "html": ("author",),
    "eml": ("to", "sender", "author", "stem"),
}

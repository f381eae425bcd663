"""Renderers: one module per format, each ``(Plan, Layout) -> bytes`` in ``RENDERERS``."""

from __future__ import annotations

from collections.abc import Callable

from briefgen.layout.spec import Layout
from briefgen.model import Plan
from briefgen.render.docx import render_docx
from briefgen.render.pdf import render_pdf

__all__ = ["RENDERERS", "render_docx", "render_pdf"]

#: Format name → renderer returning the file's bytes.
RENDERERS: dict[str, Callable[[Plan, Layout], bytes]] = {
    "docx": render_docx,
    "pdf": render_pdf,
}

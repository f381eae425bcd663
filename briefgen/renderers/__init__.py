"""Renderers: one module per output format, registered in ``RENDERERS``.

A renderer is ``render(plan: Plan, layout) -> bytes``; it draws only what ``plan.brief`` holds, in
its order. Text formats (json, md, html, eml) take extra keyword-only options (``author``; for
eml ``to``, ``sender``, ``stem``); ``briefgen.api`` passes them by name through ``RENDER_OPTIONS``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from typing import Any

__all__ = ["RENDERERS", "RENDER_OPTIONS", "Renderer", "preload", "render_docx", "render_pdf"]

Renderer = Callable[..., bytes]

# format → (module, function); a module is imported when its format is first rendered, so that
# ``briefgen layouts`` or a JSON draft never load reportlab or python-docx
_WHERE = {
    "pdf": ("pdf", "render_pdf"),
    "docx": ("docx", "render_docx"),
    "json": ("json", "render_json"),
    "md": ("markdown", "render_md"),
    "html": ("html", "render_html"),
    "eml": ("eml", "render_eml"),
}


def _real(fmt: str) -> Renderer:
    module, name = _WHERE[fmt]
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)  # type: ignore[no-any-return]


def _deferred(fmt: str) -> Renderer:
    def render(plan: Any, layout: Any, **options: Any) -> bytes:
        return _real(fmt)(plan, layout, **options)

    render.__name__ = render.__qualname__ = _WHERE[fmt][1]
    render.__doc__ = f"Return the {fmt} bytes of ``plan`` (see ``{__name__}.{_WHERE[fmt][0]}``)."
    return render


#: Format name → renderer returning the file's bytes.
RENDERERS: dict[str, Renderer] = {fmt: _deferred(fmt) for fmt in _WHERE}

# the keyword options each format accepts beyond (plan, layout)
RENDER_OPTIONS: dict[str, tuple[str, ...]] = {
    "md": ("author",),
    "html": ("author",),
    "eml": ("to", "sender", "author", "stem"),
}


def preload(formats: Iterable[str]) -> None:
    """Import the renderer modules of ``formats`` now (unknown formats are ignored)."""
    for fmt in formats:
        if fmt in _WHERE:
            _real(fmt)


def __getattr__(name: str) -> Renderer:
    if name in ("render_docx", "render_pdf"):
        return _real(name.removeprefix("render_"))
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

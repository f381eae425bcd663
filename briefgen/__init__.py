"""briefgen: turn source documents into a one-page briefing in PDF and DOCX.

The Python API is ``analyse``, ``make_brief``, ``plan``, ``render``, ``generate``, ``load_draft``
and ``render_draft`` (see ``briefgen.api``); the data records are in ``briefgen.model``; errors
in ``briefgen.errors``.
"""

from __future__ import annotations

import sys
import types

from .api import analyse, generate, load_draft, make_brief, plan, read, render, render_draft
from .errors import AnalysisError, BriefgenError, InputError, LayoutError, RenderError
from .model import Analysis, Brief, Document, Plan

__version__ = "0.1.0"


class _Package(types.ModuleType):
    """This package: importing the subpackages ``analyse`` and ``render`` (which happens on first
    use) must not rebind the API functions of the same names to those modules."""

    def __setattr__(self, name: str, value: object) -> None:
        if name in ("analyse", "render") and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

__all__ = [
    "Analysis",
    "AnalysisError",
    "Brief",
    "BriefgenError",
    "Document",
    "InputError",
    "LayoutError",
    "Plan",
    "RenderError",
    "__version__",
    "analyse",
    "generate",
    "load_draft",
    "make_brief",
    "plan",
    "read",
    "render",
    "render_draft",
]

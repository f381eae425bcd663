"""briefgen: turn source documents into a one-page briefing in PDF and DOCX.

The Python API is ``analyse``, ``make_brief``, ``plan``, ``render``, ``generate``, ``load_draft``
and ``render_draft`` (see ``briefgen.api``); the data records are in ``briefgen.model``; errors
in ``briefgen.errors``.
"""

from __future__ import annotations

from .api import analyse, generate, load_draft, make_brief, plan, read, render, render_draft
from .errors import AnalysisError, BriefgenError, InputError, LayoutError, RenderError
from .model import Analysis, Brief, Document, Plan

__version__ = "0.1.0"



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

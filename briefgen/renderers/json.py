"""The briefing's content as the editable, versioned JSON draft (see ``briefgen.draft``)."""

from __future__ import annotations

from typing import Any

from ..draft import dump_draft
from ..model import Plan

__all__ = ["render_json"]


def render_json(plan: Plan, layout: Any = None) -> bytes:
    """Return the UTF-8 JSON draft of ``plan``: its kept Brief, provenance, and what was dropped."""
    return dump_draft(plan)

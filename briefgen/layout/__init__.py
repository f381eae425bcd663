"""Layouts and the one-page fit planner: ``load_layout``, ``available_layouts``, ``fit_plan``."""

from __future__ import annotations

from briefgen.layout.fit import fit_plan
from briefgen.layout.spec import (
    DEFAULT_LAYOUT,
    BlockSpec,
    Layout,
    available_layouts,
    load_layout,
)

__all__ = ["DEFAULT_LAYOUT", "BlockSpec", "Layout", "available_layouts", "fit_plan", "load_layout"]

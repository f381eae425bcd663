"""Layouts and the one-page fit planner: ``load_layout``, ``available_layouts``, ``fit_plan``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefgen.layout.spec import (
    DEFAULT_LAYOUT,
    BlockSpec,
    Layout,
    available_layouts,
    load_layout,
)

if TYPE_CHECKING:
    from briefgen.layout.fit import fit_plan

__all__ = ["DEFAULT_LAYOUT", "BlockSpec", "Layout", "available_layouts", "fit_plan", "load_layout"]


def __getattr__(name: str) -> Any:
    # the fit planner measures with reportlab: imported when first used, not for ``layouts``
    if name == "fit_plan":
        from briefgen.layout.fit import fit_plan

        globals()["fit_plan"] = fit_plan
        return fit_plan
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""Session fixtures: every layout × input rendered once; the DOCX converted in ONE call."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from briefgen.layout import available_layouts, fit_plan, load_layout
from briefgen.layout.spec import Layout
from briefgen.model import Plan
from briefgen.renderers import RENDERERS
from tests.helpers import BRIEF_CASES
from tests.office import convert

LAYOUTS = sorted(available_layouts())
#: every input on A4, plus the extremes on US Letter ("<case>@Letter")
CASES = sorted(BRIEF_CASES) + ["seed@Letter", "words20000@Letter"]


@dataclass(frozen=True)
class Rendered:
    """One layout × input case: the plan and the files written."""

    layout: Layout
    plan: Plan
    pdf: Path
    docx: Path


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Rendered]:
    """Every built-in layout × every input of tests.helpers.BRIEF_CASES, rendered once."""
    out_dir = tmp_path_factory.mktemp("rendered")
    result = {}
    for name in LAYOUTS:
        for case in CASES:
            brief_name, _, paper = case.partition("@")
            layout = load_layout(name, paper=paper or None)
            plan = fit_plan(BRIEF_CASES[brief_name](), layout)
            paths = {}
            for fmt in ("pdf", "docx"):
                path = out_dir / f"{name}-{case.replace('@', '-')}.{fmt}"
                path.write_bytes(RENDERERS[fmt](plan, layout))
                paths[fmt] = path
            result[(name, case)] = Rendered(layout, plan, paths["pdf"], paths["docx"])
    return result


@pytest.fixture(scope="session")
def docx_as_pdf(rendered: dict[tuple[str, str], Rendered],
                tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Every rendered DOCX converted to PDF by LibreOffice headless in one batched call.

    Skips when ``soffice`` is missing, except with ``CI=true`` where that is a failure.
    """
    pdfs = convert([r.docx for r in rendered.values()], tmp_path_factory.mktemp("docx-pdf"))
    return {key: pdfs[r.docx] for key, r in rendered.items()}

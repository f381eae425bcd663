"""Stand-ins for the stages other modules own (summariser, layout, PDF/DOCX), for CLI/API tests.

The fixture ``fake_pipeline`` (import ``fake_pipeline_fixture`` to use it) replaces them through
monkeypatch, so that the workflow (files, draft, formats, config, batch) is tested on its own, fast
and without spaCy; the end-to-end tests use the real ones.
"""

from __future__ import annotations

import dataclasses
import importlib
from types import SimpleNamespace

import pytest

from briefgen.model import Plan

from .renderers.briefs import brief as seed_like_brief

__all__ = ["FakePipeline", "fake_pipeline_fixture"]

render_pkg = importlib.import_module("briefgen.renderers")
layout_pkg = importlib.import_module("briefgen.layout")
api = importlib.import_module("briefgen.api")


@dataclasses.dataclass
class FakePipeline:
    """What the fakes saw: layouts loaded, briefs planned, plans rendered per format."""

    layouts: list = dataclasses.field(default_factory=list)
    planned: list = dataclasses.field(default_factory=list)
    rendered: list = dataclasses.field(default_factory=list)
    made: list = dataclasses.field(default_factory=list)


@pytest.fixture(name="fake_pipeline")
def fake_pipeline_fixture(monkeypatch) -> FakePipeline:
    """Replace make_brief, load_layout, fit_plan and the pdf/docx renderers by recording fakes.

    The fake planner keeps only the first quote (dropping the rest: "quotes[1]"...); the fake PDF is
    ``%PDF`` then the kept key points' text, one per line, so tests can read back what was drawn.
    """
    seen = FakePipeline()

    def make_brief(docs, *, points=None, method="default", marking=None, author=None):
        seen.made.append(docs)
        return dataclasses.replace(
            seed_like_brief(), marking=marking, title=docs[0].title or seed_like_brief().title,
            author=author,
        )

    def load_layout(name=None, *, layouts_dir=None, paper=None):
        spec = SimpleNamespace(name=name or "memo", paper=paper or "a4", asked=(name, paper))
        seen.layouts.append(spec)
        return spec

    def fit_plan(brief, spec):
        seen.planned.append(brief)
        dropped = tuple(f"quotes[{i}]" for i in range(1, len(brief.quotes)))
        kept = dataclasses.replace(brief, quotes=brief.quotes[:1])
        return Plan(spec.name, spec.paper, 10.0, kept, dropped=dropped)

    def office(fmt):
        def render(plan, spec):
            seen.rendered.append((fmt, plan))
            lines = [f"%{fmt.upper()}", plan.brief.title, *(p.text for p in plan.brief.key_points)]
            return "\n".join(lines).encode("utf-8")

        return render

    monkeypatch.setattr(api, "make_brief", make_brief)
    monkeypatch.setattr(layout_pkg, "load_layout", load_layout, raising=False)
    monkeypatch.setattr(layout_pkg, "fit_plan", fit_plan, raising=False)
    monkeypatch.setitem(render_pkg.RENDERERS, "pdf", office("pdf"))
    monkeypatch.setitem(render_pkg.RENDERERS, "docx", office("docx"))
    return seen

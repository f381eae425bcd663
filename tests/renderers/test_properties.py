"""Property test: any Brief, however odd its text, plans and renders to one PDF page.

Set ``BRIEFGEN_EXAMPLES=500`` for a longer hunt than the default 20 examples.
"""

from __future__ import annotations

import io
import os

import docx
import pypdf
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.layout import fit_plan, load_layout
from briefgen.layout.text import clean
from briefgen.model import Brief, Entity, Event, Figure, KeyPoint, Quote, SourceInfo
from briefgen.renderers import RENDERERS

_text = st.text(
    alphabet=st.one_of(st.characters(codec="utf-8", exclude_categories=("Cs",)),
                       st.sampled_from(list("<>&\"'{}/ \n\t€“”—"))),
    min_size=0, max_size=120)
_opt = st.one_of(st.none(), _text)

_briefs = st.builds(
    Brief,
    title=_text,
    subject=_opt,
    bottom_line=st.lists(st.builds(KeyPoint, text=_text, score=st.floats(0, 1),
                                   sentence_index=st.integers(0, 99)), max_size=3).map(tuple),
    key_points=st.lists(st.builds(KeyPoint, text=_text, score=st.floats(0, 1),
                                  sentence_index=st.integers(0, 999), section=_opt),
                        max_size=30).map(tuple),
    quotes=st.lists(st.builds(Quote, text=_text, speaker=_opt, sentence_index=st.integers(0, 9),
                              role=_opt), max_size=6).map(tuple),
    figures=st.lists(st.builds(Figure, text=_text, value=st.none(), unit=_opt, counts=_opt,
                               sentence_index=st.integers(0, 9), qualifier=_opt),
                     max_size=6).map(tuple),
    people=st.lists(st.builds(Entity, name=_text, kind=st.just("person"), role=_opt),
                    max_size=8).map(tuple),
    events=st.lists(st.builds(Event, text=_text, sentence_index=st.integers(0, 9), date=_opt),
                    max_size=4).map(tuple),
    sources=st.lists(st.builds(SourceInfo, id=st.integers(0, 3), title=_opt, date=_opt,
                               outlet=_opt, url=_opt), max_size=3).map(tuple),
    date=_opt,
    marking=_opt,
    author=_opt,
)


@settings(max_examples=int(os.environ.get("BRIEFGEN_EXAMPLES", "20")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(brief=_briefs, layout_name=st.sampled_from(["memo", "executive", "meeting"]))
def test_any_brief_renders_to_one_page(brief, layout_name):
    layout = load_layout(layout_name)
    plan = fit_plan(brief, layout)
    pdf = RENDERERS["pdf"](plan, layout)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    docx_bytes = RENDERERS["docx"](plan, layout)
    assert docx_bytes[:2] == b"PK"
    if clean(brief.author):  # the analyst's name, whatever it holds, is the documents' author
        assert reader.metadata.author == clean(brief.author)
        core = docx.Document(io.BytesIO(docx_bytes)).core_properties
        assert core.author == core.last_modified_by == clean(brief.author)  # under 255 characters

"""PDF specifics: metadata, language, clickable source links, marking, registry."""

from __future__ import annotations

import io

import pypdf
import pytest

from briefgen.layout import fit_plan, load_layout
from briefgen.renderers import RENDERERS
from tests.helpers import SEED_URL, seed_brief


def _reader(layout_name: str = "executive") -> pypdf.PdfReader:
    layout = load_layout(layout_name)
    return pypdf.PdfReader(io.BytesIO(RENDERERS["pdf"](fit_plan(seed_brief(), layout), layout)))


def test_registry_has_pdf_and_docx():
    assert set(RENDERERS) >= {"pdf", "docx"}


def test_metadata_and_language():
    r = _reader()
    meta = r.metadata
    assert meta.title.startswith("NATO foreign ministers")
    assert meta.author == "Eurasia Review"
    assert meta.subject and "Rutte" in meta["/Keywords"]
    assert r.trailer["/Root"]["/Lang"] == "en-GB"


def test_source_link_is_clickable():
    annots = [a.get_object() for a in _reader().pages[0].get("/Annots", [])]
    uris = [a["/A"]["/URI"] for a in annots if "/A" in a]
    assert SEED_URL in uris


@pytest.mark.parametrize(("layout_name", "marked"), [("memo", True), ("executive", False)])
def test_marking_top_and_bottom(layout_name, marked):
    text = _reader(layout_name).pages[0].extract_text()
    assert (text.count("OFFICIAL") == 2) is marked


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_brief_marking_replaces_the_layouts(fmt):
    import dataclasses

    import docx

    layout = load_layout("executive")
    brief = dataclasses.replace(seed_brief(), marking="Official-Sensitive")
    plan = fit_plan(brief, layout)
    data = RENDERERS[fmt](plan, layout)
    if fmt == "pdf":
        text = pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()
        assert text.count("OFFICIAL-SENSITIVE") == 2
    else:
        doc = docx.Document(io.BytesIO(data))
        assert "OFFICIAL-SENSITIVE" in doc.sections[0].header.paragraphs[0].text

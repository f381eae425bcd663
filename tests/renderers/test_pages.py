"""Acceptance: every layout × input is one page in both formats, inside the margins, fonts
embedded, and both formats show the same items."""

from __future__ import annotations

import re

import pdfplumber
import pypdf
import pytest

from briefgen.layout.metrics import geometry
from briefgen.layout.text import big_number, clean, title_text
from tests.helpers import HOSTILE
from tests.renderers.conftest import CASES, LAYOUTS

ALL = [(layout, case) for layout in LAYOUTS for case in CASES]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _text(path, layout=None) -> str:
    """Return the text of every page; with a two-column ``layout``, also each column on its own
    (extraction interleaves lines of side-by-side columns)."""
    parts = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            parts.append(page.extract_text() or "")
            if layout is not None and layout.columns == 2:
                geo = geometry(layout)
                split = geo.left + geo.main_w + geo.gutter / 2
                for box in ((0, 0, split, page.height), (split, 0, page.width, page.height)):
                    parts.append(page.crop(box).extract_text() or "")
    return "\n".join(parts)


def _fonts(reader: pypdf.PdfReader) -> list[tuple[str, bool]]:
    out = []
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            desc = font.get("/FontDescriptor")
            if desc is None and "/DescendantFonts" in font:
                desc = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            embedded = desc is not None and any(
                k in desc.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            out.append((str(font.get("/BaseFont")), embedded))
    return out


def _kept_texts(plan) -> list[str]:
    b = plan.brief
    texts = [title_text(b.title)]
    texts += [clean(k.text) for k in b.bottom_line + b.key_points]
    texts += [clean(q.text) for q in b.quotes]
    texts += [big_number(f).big for f in b.figures]
    texts += [clean(e.name) for e in b.people]
    texts += [clean(e.text) for e in b.events]
    return texts


@pytest.mark.parametrize(("layout", "case"), ALL)
def test_pdf_is_one_page_with_fonts_embedded(rendered, layout, case):
    reader = pypdf.PdfReader(rendered[(layout, case)].pdf)
    assert len(reader.pages) == 1
    fonts = _fonts(reader)
    assert fonts, "no fonts found"
    assert all(embedded for _, embedded in fonts), fonts


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize(("layout", "case"), ALL)
def test_text_inside_margins(rendered, request, layout, case, fmt):
    r = rendered[(layout, case)]
    geo = geometry(r.layout)
    mt, mr, mb, ml = r.layout.margins
    path = r.pdf if fmt == "pdf" else request.getfixturevalue("docx_as_pdf")[(layout, case)]
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        chars = [c for c in page.chars if c["text"].strip()]
    assert chars
    tol = 0.5
    outside = [c["text"] for c in chars
               if c["x0"] < ml - tol or c["x1"] > geo.page_w - mr + tol
               or c["top"] < mt - tol or c["bottom"] > geo.page_h - mb + tol]
    assert not outside, f"{len(outside)} characters outside the margins: {''.join(outside[:40])}"


@pytest.mark.parametrize(("layout", "case"), ALL)
def test_pdf_shows_every_kept_item_and_metadata(rendered, layout, case):
    r = rendered[(layout, case)]
    text = _squash(_text(r.pdf, r.layout))
    for item in _kept_texts(r.plan):
        assert _squash(item) in text, item
    info = pypdf.PdfReader(r.pdf).metadata
    assert info.title == clean(r.plan.brief.title)
    assert info.author and info.subject is not None and info.get("/Keywords")


@pytest.mark.libreoffice
@pytest.mark.parametrize(("layout", "case"), ALL)
def test_docx_is_one_page_and_keeps_the_same_items(rendered, docx_as_pdf, layout, case):
    r = rendered[(layout, case)]
    converted = docx_as_pdf[(layout, case)]
    assert len(pypdf.PdfReader(converted).pages) == 1
    pdf_text = _squash(_text(r.pdf, r.layout))
    docx_text = _squash(_text(converted, r.layout))
    for item in _kept_texts(r.plan):
        assert _squash(item) in docx_text, item
        assert _squash(item) in pdf_text, item


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_hostile_markup_shows_literally(rendered, docx_as_pdf, layout, fmt):
    r = rendered[(layout, "hostile")]
    text = _squash(_text(r.pdf if fmt == "pdf" else docx_as_pdf[(layout, "hostile")], r.layout))
    for junk in HOSTILE:
        assert _squash(junk) in text, junk
    assert "49" not in text  # {{ 7*7 }} was never evaluated


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_unicode_survives(rendered, docx_as_pdf, layout, fmt):
    r = rendered[(layout, "unicode")]
    text = _text(r.pdf if fmt == "pdf" else docx_as_pdf[(layout, "unicode")], r.layout)
    for word in ("Министры", "Συνάντηση", "“€20bn”", "€1,250", "façade"):
        assert word in text or _squash(word) in _squash(text), word


@pytest.mark.parametrize("layout", LAYOUTS)
def test_long_inputs_drop_lowest_ranked_items(rendered, layout):
    r = rendered[(layout, "words20000")]
    assert r.plan.dropped
    b = r.plan.brief
    assert b.dropped == r.plan.dropped
    assert len(b.key_points) >= 1


@pytest.mark.parametrize(("layout", "case"), ALL)
def test_no_heading_stranded_at_a_column_foot(rendered, layout, case):
    r = rendered[(layout, case)]
    headings = [b.heading.upper() for b in r.layout.blocks if b.heading and b.name != "notes"]
    with pdfplumber.open(r.pdf) as pdf:
        page = pdf.pages[0]
        lines = page.extract_text_lines()
    found = 0
    for line in lines:
        for heading in headings:
            if not line["text"].startswith(heading):
                continue
            found += 1
            x0 = line["chars"][0]["x0"]
            below = [c for c in page.chars if c["text"].strip()
                     and 0 < c["top"] - line["bottom"] < 5 * r.plan.font_size
                     and abs(c["x0"] - x0) < 40]
            assert below, f"{heading} has nothing under it"
    assert found

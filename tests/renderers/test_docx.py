"""DOCX structure: Word styles, Arial everywhere, links, header/footer marking, properties."""

from __future__ import annotations

import io

import docx
import pytest
from docx.oxml.ns import qn

from briefgen.layout import fit_plan, load_layout
from briefgen.layout.metrics import geometry
from briefgen.renderers import RENDERERS
from tests.helpers import SEED_URL, seed_brief, unicode_brief

LAYOUTS = ["memo", "executive", "meeting"]


def _doc(layout_name: str, brief=None):
    layout = load_layout(layout_name)
    plan = fit_plan(brief or seed_brief(), layout)
    return docx.Document(io.BytesIO(RENDERERS["docx"](plan, layout))), layout, plan


def _all_paragraphs(doc):
    yield from doc.paragraphs
    for table in doc.tables:
        for cell in table._cells:
            yield from cell.paragraphs
            for inner in cell.tables:
                for c in inner._cells:
                    yield from c.paragraphs


@pytest.mark.parametrize("layout_name", LAYOUTS)
def test_geometry_matches_the_pdf(layout_name):
    doc, layout, _ = _doc(layout_name)
    sec, geo = doc.sections[0], geometry(layout)
    assert abs(sec.page_width.pt - geo.page_w) < 0.1
    assert abs(sec.page_height.pt - geo.page_h) < 0.1
    assert abs(sec.left_margin.pt - geo.left) < 0.1
    assert abs(sec.top_margin.pt - (geo.page_h - geo.top)) < 0.1
    assert abs(sec.bottom_margin.pt - geo.bottom) < 0.1


@pytest.mark.parametrize("layout_name", LAYOUTS)
def test_every_run_names_arial_for_all_scripts(layout_name):
    doc, _, _ = _doc(layout_name)
    runs = [r for p in _all_paragraphs(doc) for r in p.runs if r.text.strip()]
    assert runs
    for r in runs:
        fonts = r._r.rPr.find(qn("w:rFonts"))
        assert {fonts.get(qn(f"w:{k}")) for k in ("ascii", "hAnsi", "cs", "eastAsia")} == {"Arial"}


@pytest.mark.parametrize("layout_name", LAYOUTS)
def test_exact_line_spacing_everywhere(layout_name):
    from docx.enum.text import WD_LINE_SPACING

    doc, _, _ = _doc(layout_name)
    for p in _all_paragraphs(doc):
        rule = p.paragraph_format.line_spacing_rule or p.style.paragraph_format.line_spacing_rule
        assert rule == WD_LINE_SPACING.EXACTLY, p.text


@pytest.mark.parametrize("layout_name", LAYOUTS)
def test_real_word_styles(layout_name):
    doc, layout, plan = _doc(layout_name)
    styles = {p.style.name for p in _all_paragraphs(doc)}
    assert {"Title", "Heading 2", "List Bullet"} <= styles
    headings = [p.text for p in _all_paragraphs(doc) if p.style.name == "Heading 2"]
    shown = [b.heading for b in layout.blocks
             if b.heading and (b.name == "notes" or any(pb.name == b.name and pb.kept
                                                        for pb in plan.blocks))]
    assert headings and set(headings) == set(shown)


def test_source_link_is_clickable():
    doc, _, _ = _doc("executive")
    rels = [r for r in doc.part.rels.values() if r.reltype.endswith("/hyperlink")]
    assert [r.target_ref for r in rels] == [SEED_URL]
    assert doc.element.body.findall(".//" + qn("w:hyperlink"))


def test_marking_in_header_and_footer_and_core_properties():
    doc, layout, plan = _doc("memo")
    sec = doc.sections[0]
    assert layout.marking.upper() in sec.header.paragraphs[0].text
    assert layout.marking.upper() in sec.footer.paragraphs[0].text
    core = doc.core_properties
    assert core.title == plan.brief.title
    assert core.author == "Eurasia Review"
    assert "briefing" in core.keywords
    assert core.keywords and core.subject and core.language == layout.language


def test_unicode_kept_in_docx():
    doc, _, _ = _doc("executive", unicode_brief())
    text = "\n".join(p.text for p in _all_paragraphs(doc))
    assert "Министры" in text and "Συνάντηση" in text and "€" in text


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_output_is_deterministic(monkeypatch, fmt):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1743724800")
    layout = load_layout("executive")
    plan = fit_plan(seed_brief(), layout)
    assert RENDERERS[fmt](plan, layout) == RENDERERS[fmt](plan, layout)


@pytest.mark.parametrize(
    ("keywords", "expected"),
    [
        (("briefing", "NATO"), "briefing, NATO"),
        (("briefing", "x" * 250), "briefing"),
        (("briefing", "a" * 120, "b" * 120, "cccc"), f"briefing, {'a' * 120}, {'b' * 120}"),
        ((), ""),
    ],
)
def test_core_keywords_keep_whole_keywords_within_word_limit(keywords, expected):
    from briefgen.renderers.docx import _core_keywords

    assert _core_keywords(keywords) == expected
    assert len(_core_keywords(keywords)) <= 255


@pytest.mark.parametrize(("text", "cut"), [("Short title", False), ("T" * 300, True)])
def test_core_text_cut_to_word_limit(text, cut):
    from briefgen.renderers.docx import _core_text

    out = _core_text(text)
    assert len(out) <= 255
    assert out.endswith("…") is cut
    assert (out == text) is not cut

"""OOXML helpers: copied run properties equal python-docx's own, the package zipped once."""

from __future__ import annotations

import io
import itertools
import zipfile

import docx
import pytest
from docx.shared import Pt
from lxml import etree

from briefgen.fonts import fallback_family, split_runs
from briefgen.renderers._ooxml import FONT, add_run, rgb, save, set_fonts

STYLES = [
    dict(size=size, bold=bold, italic=italic, colour=colour, caps=caps)
    for size, (bold, italic, caps), colour in itertools.product(
        (7.0, 9.5, 10.25, 21.0),
        ((False, False, False), (True, False, False), (False, True, False), (True, True, True),
         (True, False, True)),
        (None, "#1F3A5F", "6b7280"),
    )
]


def _reference_run(p, text: str, *, size: float, bold: bool, italic: bool, colour: str | None,
                   caps: bool) -> None:
    """Add runs the slow way, through python-docx's ``Font`` setters (what ``add_run`` copies)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from briefgen.renderers._ooxml import put

    for kind, chunk in split_runs(text):
        r = p.add_run(chunk)
        f = r.font
        f.size = Pt(size)
        f.bold, f.italic = bold or None, italic or None
        if caps:
            f.all_caps = True
            letters = OxmlElement("w:spacing")
            letters.set(qn("w:val"), str(round(size * 0.06 * 20)))
            put(r._r.get_or_add_rPr(), letters, "w:rPr")
        if colour:
            f.color.rgb = rgb(colour)
        set_fonts(r._r.get_or_add_rPr(),
                  (fallback_family() or FONT) if kind == "fallback" else FONT)


def _xml(p) -> bytes:
    return etree.tostring(p._p)


@pytest.mark.parametrize("text", ["Plain words", "Vote ✓ passed ⇒ next", ""])
@pytest.mark.parametrize("style", STYLES, ids=lambda s: "-".join(str(v) for v in s.values()))
def test_add_run_equals_python_docx_setters(text, style):
    doc = docx.Document()
    fast, slow = doc.add_paragraph(), doc.add_paragraph()
    add_run(fast, text, **style)
    _reference_run(slow, text, **style)
    assert _xml(fast) == _xml(slow)


def test_runs_get_copies_not_the_cached_properties():
    doc = docx.Document()
    p = doc.add_paragraph()
    add_run(p, "one", size=9, bold=True)
    add_run(p, "two", size=9, bold=True)
    first, second = p.runs
    assert first._r.rPr is not second._r.rPr
    first.font.size = Pt(20)
    assert second.font.size == Pt(9)
    q = doc.add_paragraph()
    add_run(q, "three", size=9, bold=True)
    assert q.runs[0].font.size == Pt(9)


def test_save_gives_a_docx_with_fixed_timestamps_python_docx_reads():
    doc = docx.Document()
    add_run(doc.add_paragraph(), "Hello €", size=10, colour="#112233")
    data = save(doc)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        infos = z.infolist()
        assert infos[0].filename == "[Content_Types].xml"
        assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
        assert {i.compress_type for i in infos} == {zipfile.ZIP_DEFLATED}
        assert z.testzip() is None
    again = docx.Document(io.BytesIO(data))
    assert again.paragraphs[-1].text == "Hello €"
    assert save(docx.Document(io.BytesIO(data))) == save(again)

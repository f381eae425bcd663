"""Fonts: cached Arimo faces, fallback for scripts Arimo lacks, visible placeholders, a logo."""

from __future__ import annotations

import dataclasses
import io
import logging

import pypdf
import pytest

from briefgen import fonts
from briefgen.layout import fit_plan, load_layout
from briefgen.renderers import RENDERERS
from tests.helpers import seed_brief


def _pdf_text_and_fonts(brief, layout_name="executive"):
    layout = load_layout(layout_name)
    data = RENDERERS["pdf"](fit_plan(brief, layout), layout)
    reader = pypdf.PdfReader(io.BytesIO(data))
    page = reader.pages[0]
    names = {str(f.get_object()["/BaseFont"]) for f in page["/Resources"]["/Font"].values()}
    return page.extract_text(), names


def test_faces_are_cached_static_fonts():
    from fontTools.ttLib import TTFont

    paths = fonts.arimo_faces()
    assert set(paths) == set(fonts.FACES.values())
    weights = {name: TTFont(p)["OS/2"].usWeightClass for name, p in paths.items()}
    assert weights == {"Arimo": 400, "Arimo-Bold": 700, "Arimo-Italic": 400,
                       "Arimo-BoldItalic": 700}
    assert all("fvar" not in TTFont(p) for p in paths.values())


def test_bold_and_regular_are_distinct_faces_in_the_pdf():
    _, names = _pdf_text_and_fonts(seed_brief())
    stripped = {n.split("+", 1)[-1] for n in names}
    assert {"Arimo-Regular", "Arimo-Bold", "Arimo-Italic"} <= stripped


def test_characters_no_font_has_become_a_visible_placeholder(caplog):
    missing = "\U0001f9ff"  # NAZAR AMULET: in no font we ship or look for
    if fonts.fallback_font_for(missing):
        pytest.skip("an installed fallback font has the test character")
    brief = dataclasses.replace(seed_brief(), title=f"Amulet {missing} title")
    with caplog.at_level(logging.WARNING, logger="briefgen.fonts"):
        fonts._warn_missing.cache_clear()
        text, _ = _pdf_text_and_fonts(brief)
    assert f"Amulet {fonts.PLACEHOLDER} title" in text
    assert any("U+1F9FF" in r.getMessage() for r in caplog.records)


def test_arabic_uses_an_installed_fallback_font():
    if not fonts.fallback_font_for("\u0645"):
        pytest.skip("no installed font has Arabic")
    brief = dataclasses.replace(seed_brief(), subject="مرحبا بالعالم")
    _, names = _pdf_text_and_fonts(brief)
    assert any(not n.split("+", 1)[-1].startswith("Arimo") for n in names), names


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_layout_with_logo_renders(tmp_path, fmt):
    from PIL import Image

    Image.new("RGB", (120, 40), (31, 58, 95)).save(tmp_path / "logo.png")
    src = load_layout("memo").path
    text = open(src, encoding="utf-8").read().replace(
        '[header]\nmarking = "OFFICIAL"', '[header]\nmarking = "OFFICIAL"\nlogo = "logo.png"')
    (tmp_path / "withlogo.toml").write_text(text, encoding="utf-8")
    layout = load_layout("withlogo", layouts_dir=tmp_path)
    assert layout.logo and layout.logo.endswith("logo.png")
    data = RENDERERS[fmt](fit_plan(seed_brief(), layout), layout)
    if fmt == "pdf":
        page = pypdf.PdfReader(io.BytesIO(data)).pages[0]
        assert len(page.images) == 1
    else:
        import docx

        doc = docx.Document(io.BytesIO(data))
        assert doc.sections[0].header.part.related_parts  # the picture


def test_cache_falls_back_when_the_user_cache_is_not_writable(monkeypatch, tmp_path):
    blocked = tmp_path / "file-not-dir"
    blocked.write_text("x")
    calls = []

    def fake_instance(src, weight, dest):
        calls.append(dest.name)
        dest.write_bytes(b"font")

    monkeypatch.setattr(fonts, "_cache_dirs", lambda: iter([blocked / "sub", tmp_path / "ok"]))
    monkeypatch.setattr(fonts, "_instance", fake_instance)
    fonts.arimo_faces.cache_clear()
    try:
        paths = fonts.arimo_faces()
        assert all(p.parent == tmp_path / "ok" for p in paths.values())
        assert len(calls) == 4
        fonts.arimo_faces.cache_clear()
        fonts.arimo_faces()
        assert len(calls) == 4  # cached faces are reused, not instanced again
    finally:
        fonts.arimo_faces.cache_clear()


def test_cache_folder_is_keyed_by_arimo_version():
    folders = list(fonts._cache_dirs())
    assert len(folders) == 2
    assert all(f.name.startswith(f"arimo-{fonts._arimo_version()}-") for f in folders)

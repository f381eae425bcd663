"""The API's workflow over fake stages: formats, the JSON draft, rendering an edited draft."""

from __future__ import annotations

import email
import json
from email import policy

import pytest

from briefgen import api
from briefgen.errors import InputError, RenderError

from .fakes import fake_pipeline_fixture  # noqa: F401  (the fake_pipeline fixture)

STORY = "Ministers met in Brussels on Friday.\n\nThey agreed to meet again.\n"


@pytest.fixture
def story(tmp_path):
    path = tmp_path / "brussels-2025-04-04.txt"
    path.write_text(STORY)
    return path


def test_generate_every_format_named_after_the_source(story, tmp_path, fake_pipeline):
    out = tmp_path / "out"
    paths = api.generate(
        story,
        out,
        formats=("pdf", "docx", "json", "md", "html", "eml"),
        author="Desk",
        to="a@example.org",
    )
    assert [p.name for p in paths] == [
        f"brussels.{ext}" for ext in ("pdf", "docx", "json", "md", "html", "eml")
    ]
    draft = json.loads((out / "brussels.json").read_text())
    assert [q["speaker"] for q in draft["quotes"]] == ["Rutte"]  # what the plan kept ...
    assert draft["dropped"] == ["quotes[1]"]  # ... and what it left out
    assert "Prepared by Desk" in (out / "brussels.md").read_text()
    msg = email.message_from_bytes((out / "brussels.eml").read_bytes(), policy=policy.default)
    assert msg["To"] == "a@example.org"
    assert sorted(p.get_filename() for p in msg.iter_attachments()) == [
        "brussels.docx",
        "brussels.pdf",
    ]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"formats": ("pdf", "xls")}, "unknown format xls"),
        ({"formats": ()}, "unknown format"),
        ({"formats": ("eml",), "to": "a@b.org\nBcc: c@d.org"}, "--to"),
        ({"formats": ("eml",), "sender": "nobody"}, "--from"),
    ],
)
def test_bad_options_stop_before_any_work(story, tmp_path, fake_pipeline, kwargs, message):
    with pytest.raises(InputError, match=message):
        api.generate(story, tmp_path / "out", **kwargs)
    assert fake_pipeline.made == [] and not (tmp_path / "out").exists()


@pytest.fixture
def draft_path(story, tmp_path, fake_pipeline):
    [path] = api.generate(story, tmp_path / "drafts", formats=("json",))
    return path


def test_edited_draft_is_rendered_as_edited(draft_path, tmp_path, fake_pipeline):
    data = json.loads(draft_path.read_text())
    data["title"] = "My own title"
    data["key_points"].reverse()
    data["key_points"][0]["text"] = "Rewritten by the analyst."
    del data["key_points"][1]
    draft_path.write_text(json.dumps(data))
    paths = api.render_draft(draft_path, tmp_path / "out", formats=("pdf", "md"))
    assert [p.name for p in paths] == ["brussels.pdf", "brussels.md"]  # the draft's stem
    pdf_lines = paths[0].read_text().splitlines()
    assert pdf_lines == [
        "%PDF",
        "My own title",
        "Rewritten by the analyst.",
        data["key_points"][1]["text"],
    ]
    md = paths[1].read_text()
    assert md.index("Rewritten by the analyst.") < md.index(data["key_points"][1]["text"])


def test_draft_keeps_its_layout_unless_told(draft_path, tmp_path, fake_pipeline):
    data = json.loads(draft_path.read_text())
    data.update(layout="executive", paper="letter")
    draft_path.write_text(json.dumps(data))
    api.render_draft(draft_path, tmp_path / "a", formats=("pdf",))
    api.render_draft(draft_path, tmp_path / "b", formats=("pdf",), layout="meeting", paper="a4")
    api.render_draft(draft_path, tmp_path / "c", formats=("pdf",), layout="meeting")
    api.render_draft(draft_path, tmp_path / "d", formats=("pdf",), layout="executive")
    got = [s.asked for s in fake_pipeline.layouts[-4:]]
    assert got == [
        ("executive", "letter"),
        ("meeting", "a4"),
        ("meeting", None),
        ("executive", "letter"),
    ]  # another layout brings its own paper


def test_marking_replaces_the_drafts(draft_path, tmp_path, fake_pipeline):
    api.render_draft(draft_path, tmp_path / "out", formats=("pdf",), marking="SECRET")
    assert fake_pipeline.planned[-1].marking == "SECRET"


def test_render_refuses_to_overwrite(draft_path, tmp_path, fake_pipeline):
    api.render_draft(draft_path, tmp_path / "out", formats=("pdf",))
    with pytest.raises(RenderError, match="already exists; use --force"):
        api.render_draft(draft_path, tmp_path / "out", formats=("pdf",))
    assert api.render_draft(draft_path, tmp_path / "out", formats=("pdf",), overwrite=True)


def test_invalid_draft_writes_nothing(tmp_path, fake_pipeline):
    bad = tmp_path / "draft.json"
    bad.write_text('{"schema": "briefgen/brief", "version": 1, "title": "T", "quotes": [{}]}')
    with pytest.raises(InputError, match=r"\$\.quotes\[0\]\.text: missing"):
        api.render_draft(bad, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_api_names_stay_callable_after_every_stage_is_imported():
    """Stage packages must not shadow the API: ``briefgen.analyse`` is the function, always."""
    import briefgen
    import briefgen.analysis
    import briefgen.layout
    import briefgen.renderers
    import briefgen.summarise  # noqa: F401

    for name in ("analyse", "generate", "make_brief", "plan", "render", "read"):
        assert callable(getattr(briefgen, name)), name


@pytest.mark.parametrize("author", [None, "Night desk"], ids=["draft's", "replaced"])
def test_render_draft_puts_the_author_in_the_real_pdf_and_docx(tmp_path, author):
    import dataclasses
    import io

    import docx
    import pypdf

    from briefgen.draft import Draft

    from .renderers.briefs import brief

    draft = Draft(dataclasses.replace(brief(), author="Europe desk"), "memo", "a4")
    paths = api.render_draft(draft, tmp_path, formats=("pdf", "docx"), author=author)
    expected = author or "Europe desk"
    pdf = next(p for p in paths if p.suffix == ".pdf").read_bytes()
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert reader.metadata.author == expected
    assert f"Prepared by {expected}" in reader.pages[0].extract_text()
    core = docx.Document(next(p for p in paths if p.suffix == ".docx")).core_properties
    assert (core.author, core.last_modified_by) == (expected, expected)


def test_render_replaces_the_author_of_a_brief_or_plan():
    import io

    import pypdf

    from .renderers.briefs import brief

    pdf = api.render(brief(), "pdf", layout="executive", author="Night desk")
    assert pypdf.PdfReader(io.BytesIO(pdf)).metadata.author == "Night desk"

"""Size limits: long documents are sampled (lead, then evenly), with a note; 30 MB stays bounded.

The sampling is tested on Documents built directly (no spaCy); one run reads a real 30 MB file
end to end in a subprocess and checks its peak memory.
"""

from __future__ import annotations

import re
import resource
import subprocess
import sys
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen import limits
from briefgen.ingest._build import Part, build_document
from briefgen.limits import bound_documents, sample_document, sampled_note
from briefgen.model import Document

from .conftest import SEED, assert_complete, pdf_text, process_env


def document(sections: int, paragraphs: int, words: int = 40) -> Document:
    """Return a Document of ``sections`` headed sections of ``paragraphs`` paragraphs each."""
    parts = []
    for s in range(sections):
        parts.append(Part("heading", f"Section {s}", 2))
        for p in range(paragraphs):
            sentence = " ".join(f"s{s}p{p}w{w}" for w in range(words))
            parts.append(Part("paragraph", f"{sentence}. Second sentence of s{s}p{p} here."))
    return build_document(parts, location="long.md", format="md", title="Long report")


def assert_consistent(doc: Document) -> None:
    """Assert every block's offsets point at its text in the document."""
    for block in doc.blocks:
        assert doc.text[block.start : block.end] == block.text
    assert doc.text == "\n\n".join(b.text for b in doc.blocks)


def test_short_document_is_unchanged():
    doc = document(2, 3)
    assert sample_document(doc, len(doc.text)) is doc
    assert bound_documents([doc], len(doc.text)) == ((doc,), None)


@pytest.mark.parametrize("budget", [3_000, 10_000, 40_000])
def test_sample_keeps_the_lead_and_every_part(budget):
    doc = document(20, 30)  # about 220,000 characters
    sample = sample_document(doc, budget)
    assert_consistent(sample)
    assert len(sample.text) <= budget
    body = [b for b in sample.blocks if b.kind != "heading"]
    assert body[0].text == next(b.text for b in doc.blocks if b.kind != "heading")  # the lead
    sections = {b.section for b in body}
    assert len(sections) >= min(20, budget // 600)  # the sample spans the whole text
    last = max(int(b.section.split()[1]) for b in body)
    assert last >= 18


def test_every_kept_piece_sits_under_its_heading():
    sample = sample_document(document(30, 10), 8_000)
    current = None
    for block in sample.blocks:
        if block.kind == "heading":
            current = block.text
        else:
            assert block.section == current


@pytest.mark.parametrize(("chapter_level", "story_level"), [(1, 2), (2, 2)])
def test_a_kept_piece_keeps_the_chapter_its_heading_sits_in(chapter_level, story_level):
    """A chapter heading with stories under it (a higher level, or a heading line straight
    followed by another as plain text has them) stays with any piece of its chapter."""
    parts = []
    for c in range(3):
        parts.append(Part("heading", f"CHAPTER {c}", chapter_level))
        for s in range(12):
            parts.append(Part("heading", f"Story {c}.{s}", story_level))
            parts += [Part("paragraph", " ".join(f"c{c}s{s}p{p}w{w}" for w in range(60)) + ".")
                      for p in range(4)]
    doc = build_document(parts, location="digest.txt", format="txt")
    sample = sample_document(doc, 20_000)
    assert_consistent(sample)
    assert len(sample.text) <= 20_000
    headings = [b.text for b in sample.blocks if b.kind == "heading"]
    assert [h for h in headings if h.startswith("CHAPTER")] == ["CHAPTER 0", "CHAPTER 1",
                                                                 "CHAPTER 2"]
    chapter = None
    for block in sample.blocks:  # every story sits in its own chapter
        if block.text.startswith("CHAPTER"):
            chapter = block.text.split()[1]
        elif block.kind == "heading":
            assert block.text.split()[1].split(".")[0] == chapter


def test_an_endless_paragraph_is_cut_at_sentence_ends():
    sentence = "The committee reviewed the budget line by line and agreed on the next steps. "
    doc = build_document([Part("paragraph", sentence * 20_000)], location="one.txt", format="txt")
    sample = sample_document(doc, 20_000)
    assert_consistent(sample)
    assert 10_000 < len(sample.text) <= 20_000 and len(sample.blocks) > 5
    assert all(b.text.endswith("next steps.") for b in sample.blocks)


def test_several_sources_share_the_budget_by_length():
    small, big = document(1, 2), document(10, 50)
    docs, note = bound_documents([small, big], 20_000)
    assert docs[0] is small and len(docs[1].text) < len(big.text)
    assert sum(len(d.text) for d in docs) <= 20_000 + limits.PIECE_CHARS
    assert note is not None and "of the source" in note


@pytest.mark.parametrize(
    ("kept", "total", "note"),
    [
        (100_000, 200_000, "a sample of 100,000 of 200,000 characters (50%)"),
        (100_000, 30_000_000, "a sample of 100,000 of 30,000,000 characters (under 1%)"),
    ],
)
def test_sampled_note(kept, total, note):
    assert note in sampled_note(kept, total)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["heading", "paragraph", "list_item"]),
            st.text(min_size=1, max_size=3_000),
        ),
        min_size=1,
        max_size=40,
    ),
    st.integers(min_value=500, max_value=20_000),
)
def test_any_document_samples_to_a_consistent_one(parts, budget):
    try:
        doc = build_document([Part(k, t, 1) for k, t in parts], location="x", format="md")
    except Exception:  # headings alone, or only blank text: not a document
        return
    sample = sample_document(doc, budget)
    assert_consistent(sample)
    assert len(sample.text) <= max(budget, limits.PIECE_CHARS * 2 + 2)
    assert any(b.kind != "heading" for b in sample.blocks)


def test_long_text_briefing_says_it_was_sampled(nlp, tmp_path, monkeypatch):
    from briefgen.api import generate

    monkeypatch.setattr(limits, "MAX_ANALYSED_CHARS", 12_000)
    body = SEED.read_text(encoding="utf-8").split("\n\n", 1)[1]
    source = tmp_path / "long.txt"
    source.write_text(
        "Long report\n\n" + "\n\n".join(f"Part {i}\n\n{body}" for i in range(60)),
        encoding="utf-8",
    )
    (pdf,) = generate(source, tmp_path / "out", formats=("pdf",))
    text = " ".join(pdf_text(pdf.read_bytes()).split())
    assert "Briefing drawn from a sample of" in text


MEASURE = textwrap.dedent(
    """
    import sys
    from briefgen import limits
    from briefgen.cli import main
    limits.MAX_ANALYSED_CHARS = int(sys.argv[1])
    sys.exit(main(sys.argv[2:]))
    """
)


@pytest.mark.slow
@pytest.mark.parametrize("shape", ["sections", "hard-wrapped lines", "one line"])
def test_30_mb_text_gives_a_briefing_in_bounded_memory(shape, tmp_path):
    body = SEED.read_text(encoding="utf-8").split("\n\n", 1)[1]
    chunks, size, i = ["Thirty megabytes of news\n\n"], 0, 0
    while size < 30_000_000:
        chunk = f"Section {i}\n\n{body.replace('Rutte', f'Rutte{i % 50}')}\n\n"
        chunks.append(chunk)
        size += len(chunk)
        i += 1
    text = "".join(chunks)
    if shape == "hard-wrapped lines":  # one paragraph of 72-character lines
        text = re.sub(r"(.{1,72})(?: |$)", "\\1\n", " ".join(text.split()))
    elif shape == "one line":
        text = " ".join(text.split())
    source = tmp_path / "huge.txt"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    run = subprocess.run(
        [sys.executable, "-c", MEASURE, "20000", "make", str(source), "--out", str(out)],
        env=process_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert run.returncode == 0, run.stderr
    assert "Briefing drawn from a sample of" in run.stderr  # the warning names the sample
    assert sorted(p.suffix for p in out.iterdir()) == [".docx", ".pdf"]
    for path in out.iterdir():
        assert_complete(path)
    assert peak_mb < 1500, f"peak memory {peak_mb:.0f} MB"

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

from .conftest import SEED, pdf_text, process_env


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
def test_30_mb_text_gives_a_briefing_in_bounded_memory(tmp_path):
    body = SEED.read_text(encoding="utf-8").split("\n\n", 1)[1]
    chunks, size, i = ["Thirty megabytes of news\n\n"], 0, 0
    while size < 30_000_000:
        chunk = f"Section {i}\n\n{body.replace('Rutte', f'Rutte{i % 50}')}\n\n"
        chunks.append(chunk)
        size += len(chunk)
        i += 1
    source = tmp_path / "huge.txt"
    source.write_text("".join(chunks), encoding="utf-8")
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
    assert peak_mb < 1500, f"peak memory {peak_mb:.0f} MB"


@pytest.mark.parametrize("count", [1, 40, 41, 500])
def test_pages_to_read_keep_the_first_and_spread_the_rest(count):
    pages = limits.pages_to_read(count)
    assert pages == sorted(set(pages)) and all(0 <= p < count for p in pages)
    assert len(pages) == min(count, limits.MAX_PDF_PAGES)
    assert pages[: min(count, limits.LEAD_PAGES)] == list(range(min(count, limits.LEAD_PAGES)))
    assert pages[-1] >= count - count // limits.MAX_PDF_PAGES - 1  # reaches the end


def test_a_long_pdf_is_read_from_a_sample_of_pages(tmp_path, caplog):
    from reportlab.lib.pagesizes import A6
    from reportlab.pdfgen.canvas import Canvas

    from briefgen.ingest import read_source

    path = tmp_path / "long.pdf"
    canvas = Canvas(str(path), pagesize=A6)
    for page in range(limits.MAX_PDF_PAGES + 20):
        canvas.drawString(20, 300, f"Page marker {page} of the long report.")
        canvas.showPage()
    canvas.save()
    doc = read_source(path)
    markers = [int(m) for m in re.findall(r"Page marker (\d+)", doc.text)]
    assert markers == limits.pages_to_read(limits.MAX_PDF_PAGES + 20)
    assert f"read {limits.MAX_PDF_PAGES} of {limits.MAX_PDF_PAGES + 20} pages" in caplog.text


def test_a_docx_that_unpacks_too_far_is_refused(tmp_path, monkeypatch, capsys):
    import zipfile

    import docx

    from briefgen.cli import main

    document = docx.Document()
    document.add_paragraph("Ministers met in Brussels on Friday to discuss the summit.")
    path = tmp_path / "bomb.docx"
    document.save(str(path))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/media/padding.bin", b"\0" * 3_000_000)  # compresses to ~3 KB
    assert path.stat().st_size < 100_000
    monkeypatch.setattr(limits, "MAX_UNPACKED_BYTES", 1_000_000)
    code = main(["make", str(path), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 2 and re.search(r"DOCX unpacks to 3\.\d+ MB, over the 977 KB limit", err)
    assert err.count("\n") == 1 and not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("bulk", "error"),
    [
        ("<p>Filler paragraph of the page.</p>" * 2000, "over the 50 KB limit"),
        ("<script>var x = '" + "a" * 100_000 + "';</script>", None),  # scripts are not text
        ('<img src="data:image/png;base64,' + "A" * 100_000 + '">', None),
    ],
)
def test_html_markup_over_the_limit_is_refused(bulk, error, tmp_path, monkeypatch):
    from briefgen.errors import InputError
    from briefgen.ingest import read_source

    monkeypatch.setattr(limits, "MAX_HTML_BYTES", 50 * 1024)
    story = "<p>Ministers met in Brussels on Friday to discuss defence spending and Ukraine.</p>"
    path = tmp_path / "page.html"
    path.write_text(f"<html><body><article>{story}{bulk}</article></body></html>")
    if error is None:
        assert "Ministers met in Brussels" in read_source(path).text
    else:
        with pytest.raises(InputError, match=error):
            read_source(path)

"""Benchmark: how well PDF text comes back, pypdf vs pdfplumber vs briefgen's PDF reader.

Builds multi-page PDFs from known text (the seed's paragraphs in shuffled orders, with section
headings and a running header and footer) with four producers: reportlab (justified text),
``hyphenating`` (reportlab drawing line by line, breaking long words at line ends with a hyphen as
typesetters do), ``two-column`` (reportlab, a full-width title over two columns) and LibreOffice
(a DOCX converted headless, when ``soffice`` is installed).
Each extractor's text is compared with the truth:

- ``word_f1``: F1 of the multiset of lower-cased word tokens (broken or glued words count as
  misses), 2PR/(P+R);
- ``order``: difflib's ratio of the token sequences, 2M/T (1.0 = same words in the same order);
- ``leaked``: running header/footer lines found in the text, per page;
- ``paras``: share of true paragraphs that come back as exactly one block (briefgen only);
- ``ms/page``: extraction time per page.

Run from the repository root: ``python benchmarks/ingest_pdf.py [--docs N]``.
"""

from __future__ import annotations

import argparse
import difflib
import html
import io
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefgen.ingest import read_source  # noqa: E402
from briefgen.ingest.pdf import read_pdf  # noqa: E402

SEED = Path(__file__).resolve().parent.parent / "seeds" / "nato-foreign-ministers-2025-04-04.txt"
HEADER = "Institute for Alliance Studies · Ministerial Review"


def corpus(n: int) -> list[list[tuple[str, str]]]:
    """Return ``n`` documents as (kind, text) lists: headings and the seed's paragraphs."""
    paragraphs = [b.text for b in read_source(SEED).blocks]
    rng = random.Random(7)
    docs = []
    for d in range(n):
        items: list[tuple[str, str]] = []
        for s in range(3 + d % 3):
            items.append(("heading", f"Section {s + 1}: review of the ministerial"))
            items += [("paragraph", p) for p in rng.sample(paragraphs, k=4)]
        docs.append(items)
    return docs


def reportlab_pdf(items: list[tuple[str, str]]) -> bytes:
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["BodyText"], alignment=TA_JUSTIFY)

    def running(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.setFont("Helvetica", 8)
        canvas.drawString(72, A4[1] - 40, HEADER)
        canvas.drawString(A4[0] / 2, 30, f"Page {doc.page}")

    buffer = io.BytesIO()
    story = [
        Paragraph(html.escape(t), styles["Heading2"] if k == "heading" else body) for k, t in items
    ]
    SimpleDocTemplate(buffer, pagesize=A4).build(story, onFirstPage=running, onLaterPages=running)
    return buffer.getvalue()


def hyphenated_pdf(items: list[tuple[str, str]]) -> bytes:
    """Return a PDF drawn line by line at 60 characters, long words split with a hyphen."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    y, page = A4[1] - 90, 1

    def line(text: str, font: str, size: float, gap: float = 0) -> None:
        nonlocal y, page
        if y < 80:
            pdf.setFont("Helvetica", 8)
            pdf.drawString(72, A4[1] - 40, HEADER)
            pdf.drawString(A4[0] / 2, 30, f"Page {page}")
            pdf.showPage()
            y, page = A4[1] - 90, page + 1
        pdf.setFont(font, size)
        pdf.drawString(72, y, text)
        y -= size * 1.3 + gap

    for kind, text in items:
        if kind == "heading":
            line(text, "Helvetica-Bold", 13, 4)
            continue
        current = ""
        for word in text.split():
            if len(current) + 1 + len(word) <= 60:
                current = f"{current} {word}".strip()
                continue
            room = 60 - len(current) - 2
            if len(word) >= 8 and room >= 3 and word.isalpha():
                line(f"{current} {word[:room]}-".strip(), "Helvetica", 10)
                current = word[room:]
            else:
                line(current, "Helvetica", 10)
                current = word
        line(current, "Helvetica", 10, 8)
    pdf.setFont("Helvetica", 8)
    pdf.drawString(72, A4[1] - 40, HEADER)
    pdf.drawString(A4[0] / 2, 30, f"Page {page}")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def two_column_pdf(items: list[tuple[str, str]]) -> bytes:
    """Return a PDF with the headings and paragraphs set in two columns."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

    styles = getSampleStyleSheet()
    width, height = A4
    margin, gap = 56.0, 18.0
    column = (width - 2 * margin - gap) / 2
    frames = [
        Frame(margin + n * (column + gap), margin, column, height - 2 * margin) for n in range(2)
    ]

    def running(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.setFont("Helvetica", 8)
        canvas.drawString(margin, height - 30, HEADER)
        canvas.drawString(width / 2, 25, f"Page {doc.page}")

    buffer = io.BytesIO()
    doc = BaseDocTemplate(buffer, pagesize=A4)
    doc.addPageTemplates([PageTemplate("cols", frames, onPage=running)])
    doc.build(
        [
            Paragraph(html.escape(t), styles["Heading2" if k == "heading" else "BodyText"])
            for k, t in items
        ]
    )
    return buffer.getvalue()


def libreoffice_pdfs(docs: list[list[tuple[str, str]]], folder: Path) -> list[bytes]:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    soffice = shutil.which("soffice")
    if soffice is None:
        return []
    paths = []
    for n, items in enumerate(docs):
        document = docx.Document()
        section = document.sections[0]
        section.header.paragraphs[0].text = HEADER
        section.footer.paragraphs[0].text = "Alliance Studies review"
        for kind, text in items:
            if kind == "heading":
                document.add_heading(text, 2)
            else:
                document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paths.append(folder / f"doc{n}.docx")
        document.save(paths[-1])
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(folder), *map(str, paths)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return [p.with_suffix(".pdf").read_bytes() for p in paths]


def pypdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def pdfplumber_text(data: bytes) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def briefgen_text(data: bytes) -> str:
    return read_pdf(data, "bench.pdf").text


EXTRACTORS = {"pypdf": pypdf_text, "pdfplumber": pdfplumber_text, "briefgen": briefgen_text}


def tokens(text: str) -> list[str]:
    return re.findall(r"\w+(?:[-’']\w+)*", text.lower())


def word_f1(truth: list[str], found: list[str]) -> float:
    common = sum((Counter(truth) & Counter(found)).values())
    if not common:
        return 0.0
    precision, recall = common / len(found), common / len(truth)
    return 2 * precision * recall / (precision + recall)


def pages_of(data: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=6, help="documents per producer")
    args = parser.parse_args()
    docs = corpus(args.docs)
    with tempfile.TemporaryDirectory() as tmp:
        produced = {
            "reportlab": [reportlab_pdf(d) for d in docs],
            "hyphenating": [hyphenated_pdf(d) for d in docs],
            "two-column": [two_column_pdf(d) for d in docs],
            "libreoffice": libreoffice_pdfs(docs, Path(tmp)),
        }
    print(
        f"{'producer':<12} {'extractor':<11} {'word_f1':>7} {'order':>6} {'leaked':>7} "
        f"{'paras':>6} {'ms/page':>8}"
    )
    for producer, pdfs in produced.items():
        if not pdfs:
            print(f"{producer:<12} (skipped: producer not installed)")
            continue
        for name, extract in EXTRACTORS.items():
            f1s, orders, leaks, paras, times = [], [], [], [], []
            for items, data in zip(docs, pdfs, strict=True):
                truth_text = "\n".join(t for _, t in items)
                start = time.perf_counter()
                text = extract(data)
                pages = pages_of(data)
                times.append((time.perf_counter() - start) * 1000 / pages)
                truth, found = tokens(truth_text), tokens(text)
                f1s.append(word_f1(truth, found))
                orders.append(difflib.SequenceMatcher(None, truth, found, autojunk=False).ratio())
                leaks.append(
                    sum(text.count(s) for s in (HEADER, "Page ", "Alliance Studies review")) / pages
                )
                if name == "briefgen":
                    blocks = set(text.split("\n\n"))
                    paras.append(sum(t in blocks for _, t in items) / len(items))
            para = f"{statistics.mean(paras):6.3f}" if paras else f"{'-':>6}"
            print(
                f"{producer:<12} {name:<11} {statistics.mean(f1s):7.3f} "
                f"{statistics.mean(orders):6.3f} {statistics.mean(leaks):7.2f} {para} "
                f"{statistics.median(times):8.1f}"
            )
    print(f"SUMMARY docs={args.docs} per producer; see the table above")


if __name__ == "__main__":
    main()

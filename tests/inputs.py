"""Realistic inputs built from real news stories (``tests/data/bbc_stories.jsonl``).

Each builder writes one case's source files into a folder and returns their paths: a sectioned
report as Markdown, DOCX and PDF, several sources for one briefing, a web page full of furniture,
long inputs, and odd but valid stories. ``tests/test_acceptance_inputs.py`` runs them all.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "bbc_stories.jsonl"


@dataclass(frozen=True)
class Story:
    """One real news story: id, headline and paragraphs."""

    id: str
    title: str
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        """Return the body as plain text, paragraphs separated by blank lines."""
        return "\n\n".join(self.paragraphs)


@cache
def stories() -> dict[str, Story]:
    """Return the stories of the fixture file by id."""
    out = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        paras = tuple(p.strip() for p in row["text"].split("\n\n") if p.strip())
        out[row["id"]] = Story(row["id"], row["title"], paras)
    return out


def story(key: str) -> Story:
    """Return the story whose id is ``key``."""
    return stories()[key]


def words(text: str) -> int:
    """Return the number of words in ``text``."""
    return len(text.split())


# ---------------------------------------------------------------- a report with sections

REPORT_TITLE = "Markets review: airlines, steel and the dollar"
REPORT_INTRO = (
    "This review gathers the week's main business stories for the markets desk. "
    "Each section summarises one development and what it means for investors."
)
#: the introduction's sentences, each about the report itself
REPORT_INTRO_SENTENCES = ("This review gathers", "Each section summarises")
REPORT_SECTIONS = (
    ("Airlines", "bbc-business-004"),
    ("Steel", "bbc-business-140"),
    ("Currencies", "bbc-business-180"),
    ("Gold", "bbc-business-210"),
)


def report_sections() -> list[tuple[str, Story]]:
    """Return the report's (section heading, story) pairs."""
    return [(h, story(k)) for h, k in REPORT_SECTIONS]


def report_markdown() -> str:
    """Return the sectioned report as Markdown: a # title, ## sections, ### story headlines."""
    parts = [f"# {REPORT_TITLE}", REPORT_INTRO]
    for heading, s in report_sections():
        parts += [f"## {heading}", f"### {s.title}", *s.paragraphs]
    return "\n\n".join(parts) + "\n"


def write_report_md(folder: Path) -> list[Path]:
    """Write the report as ``report.md``."""
    path = folder / "report.md"
    path.write_text(report_markdown(), encoding="utf-8")
    return [path]


REPORT_TABLE = (
    ("Measure", "Q3 2004", "Q3 2003"),
    ("Pre-tax profit", "£75m", "£125m"),
    ("Fuel costs", "+£106m", "-"),
)


def write_report_docx(folder: Path) -> list[Path]:
    """Write the report as ``report_docx.docx``: Title and Heading 1/2 styles, a running header
    and footer, and a table of results with its caption, as a desk's Word report has."""
    import docx

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Markets desk | Weekly review | INTERNAL"
    section.footer.paragraphs[0].text = "Prepared by the markets desk. Page 1"
    document.add_heading(REPORT_TITLE, level=0)
    document.add_paragraph(REPORT_INTRO)
    for n, (heading, s) in enumerate(report_sections()):
        document.add_heading(heading, level=1)
        document.add_heading(s.title, level=2)
        for para in s.paragraphs:
            document.add_paragraph(para)
        if n == 0:
            document.add_paragraph("Table 1: British Airways results", style="Caption")
            table = document.add_table(rows=0, cols=3)
            for row in REPORT_TABLE:
                cells = table.add_row().cells
                for cell, value in zip(cells, row, strict=True):
                    cell.text = value
    path = folder / "report_docx.docx"
    document.save(str(path))
    return [path]


def _pdf(
    path: Path,
    blocks: Sequence[tuple[str, str]],
    furniture: str | None = None,
    columns: int = 1,
) -> int:
    """Write ``blocks`` (style, text) to a PDF with reportlab; return its page count.

    Styles: "title", "h1", "h2", "body". ``furniture`` is a running header; every page also gets
    a "Page N" footer, as real reports do. ``columns`` > 1 sets the text in columns, as a
    newsletter does.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        PageTemplate,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
    )

    styles = {
        "title": ParagraphStyle(
            "t", fontName="Helvetica-Bold", fontSize=22, leading=28, spaceAfter=14
        ),
        "h1": ParagraphStyle(
            "h1", fontName="Helvetica-Bold", fontSize=16, leading=20, spaceBefore=14, spaceAfter=8
        ),
        "h2": ParagraphStyle(
            "h2", fontName="Helvetica-Bold", fontSize=13, leading=16, spaceBefore=8, spaceAfter=6
        ),
        "body": ParagraphStyle("b", fontName="Times-Roman", fontSize=12, leading=17, spaceAfter=8),
    }
    pages = [0]

    def decorate(canvas, doc) -> None:  # noqa: ANN001 - reportlab's callback
        pages[0] = doc.page
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        if furniture:
            canvas.drawString(2 * cm, A4[1] - 1.2 * cm, furniture)
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"Page {doc.page}")
        canvas.restoreState()

    flow = []
    for style, text in blocks:
        flow.append(Paragraph(html.escape(text), styles[style]))
    flow.append(Spacer(1, 1))
    geometry = dict(
        pagesize=A4,
        leftMargin=2.5 * cm,
        rightMargin=2.5 * cm,
        topMargin=2.2 * cm,
        bottomMargin=2.2 * cm,
        title=blocks[0][1],
    )
    if columns > 1:
        doc = BaseDocTemplate(str(path), **geometry)
        gap = 0.8 * cm
        width = (doc.width - gap * (columns - 1)) / columns
        frames = [
            Frame(doc.leftMargin + i * (width + gap), doc.bottomMargin, width, doc.height)
            for i in range(columns)
        ]
        doc.addPageTemplates([PageTemplate("cols", frames=frames, onPage=decorate)])
        doc.build(flow)
    else:
        doc = SimpleDocTemplate(str(path), **geometry)
        doc.build(flow, onFirstPage=decorate, onLaterPages=decorate)
    return pages[0]


def report_blocks() -> list[tuple[str, str]]:
    """Return the report as (style, text) blocks."""
    blocks = [("title", REPORT_TITLE), ("body", REPORT_INTRO)]
    for heading, s in report_sections():
        blocks += [("h1", heading), ("h2", s.title)]
        blocks += [("body", p) for p in s.paragraphs]
    return blocks


def write_report_pdf(folder: Path) -> list[Path]:
    """Write the report as ``report_pdf.pdf`` (two pages or more)."""
    path = folder / "report_pdf.pdf"
    pages = _pdf(path, report_blocks(), furniture="Markets desk | Weekly review")
    assert pages >= 2, pages
    return [path]


def write_newsletter_pdf(folder: Path) -> list[Path]:
    """Write the report as a two-column newsletter PDF (three pages or more)."""
    path = folder / "newsletter.pdf"
    blocks = [(s, t) for s, t in report_blocks() if s != "title"]
    blocks.insert(0, ("h1", REPORT_TITLE))
    pages = _pdf(path, blocks, furniture="The Markets Letter | No. 12", columns=2)
    assert pages >= 2, pages
    return [path]


# ---------------------------------------------------------------- several sources

MULTI = ("bbc-politics-208", "bbc-tech-042", "bbc-business-350")


def write_multi(folder: Path) -> list[Path]:
    """Write three stories as a.txt (headline line), b.md (# headline) and c.docx (Title)."""
    import docx

    a, b, c = (story(k) for k in MULTI)
    pa = folder / "a.txt"
    pa.write_text(f"{a.title}\n\n{a.text}\n", encoding="utf-8")
    pb = folder / "b.md"
    pb.write_text(f"# {b.title}\n\n{b.text}\n", encoding="utf-8")
    document = docx.Document()
    document.add_heading(c.title, level=0)
    for para in c.paragraphs:
        document.add_paragraph(para)
    pc = folder / "c.docx"
    document.save(str(pc))
    return [pa, pb, pc]


def write_multi_overlap(folder: Path) -> list[Path]:
    """Write two reports of one event (the dollar's fall) that share whole sentences."""
    a, b = story("bbc-business-350"), story("bbc-business-180")
    shared = a.paragraphs[:2]
    pa = folder / "wire.txt"
    pa.write_text(f"{a.title}\n\n{a.text}\n", encoding="utf-8")
    pb = folder / "desk.txt"
    pb.write_text(f"{b.title}\n\n" + "\n\n".join((*shared, *b.paragraphs)) + "\n", encoding="utf-8")
    return [pa, pb]


# ---------------------------------------------------------------- a web page

HTML_STORY = "bbc-business-252"
COOKIE = "We use cookies to improve your experience. Click here to accept all cookies."
COMMENT = "This is outrageous, BT have been ripping us off for years!!! Click here to reply"


INLINE_FURNITURE = """\
      <figure><img src="/img/bt.jpg" alt="BT headquarters">
        <figcaption>BT's headquarters in London. Photograph: Reuters</figcaption></figure>
      <p><strong>Read more:</strong> <a href="/news/9">BT shares rise on regulator hopes</a></p>
      <div class="promo"><p>Sign up to our Business Daily newsletter for the latest news,
        delivered every morning.</p></div>
      <p class="ad-label">Advertisement</p>"""


def write_html(folder: Path) -> list[Path]:
    """Write a story inside a realistic news page: nav, cookie banner, byline, related, comments."""
    s = story(HTML_STORY)
    paras = [f"      <p>{html.escape(p)}</p>" for p in s.paragraphs]
    # furniture inside the article: a picture and its credit, a link, a promotion, an advert slot
    paras.insert(3, INLINE_FURNITURE)
    body = "\n".join(paras)
    nav = "".join(
        f'<li><a href="/{w.lower()}">{w}</a></li>'
        for w in ("Home", "News", "Business", "Technology", "Sport", "Weather")
    )
    related = "".join(
        f'<li><a href="/news/{i}">{html.escape(story(k).title)}</a></li>'
        for i, k in enumerate(("bbc-business-082", "bbc-business-264", "bbc-business-316"))
    )
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(s.title)} | Daily Ledger</title>
<meta property="og:title" content="{html.escape(s.title)}">
<meta property="og:site_name" content="Daily Ledger">
<meta name="author" content="Jane Whitcombe">
<meta property="article:published_time" content="2005-02-14T09:30:00Z">
<script>window.dataLayer = window.dataLayer || [];
function gtag(){{dataLayer.push(arguments);}}</script>
<style>.cookie{{position:fixed;bottom:0}} nav li{{display:inline}}</style>
</head><body>
<div class="cookie-banner" id="cookie-consent"><p>{COOKIE}</p>
  <button>Accept all</button><button>Manage settings</button></div>
<header><a class="logo" href="/">Daily Ledger</a><nav><ul>{nav}</ul></nav>
  <form><input type="search" placeholder="Search"></form></header>
<main><article>
  <h1>{html.escape(s.title)}</h1>
  <p class="byline">By Jane Whitcombe, Business reporter</p>
  <time datetime="2005-02-14T09:30:00Z">14 February 2005</time>
  <div class="share">Share this article: <a href="#">Facebook</a> <a href="#">Twitter</a>
    <a href="#">Email</a></div>
  <div class="article-body">
{body}
  </div>
</article>
<aside class="related"><h2>Related stories</h2><ul>{related}</ul></aside>
<section class="comments"><h2>Comments (3)</h2>
  <div class="comment"><p class="who">dave_1977 wrote:</p><p>{COMMENT}</p></div>
  <div class="comment"><p class="who">Sue P wrote:</p><p>Openreach is a good idea in principle.
    Sign in to comment.</p></div>
</section></main>
<footer><p>Copyright 2005 Daily Ledger Ltd. All rights reserved.</p>
  <a href="/privacy">Privacy policy</a> <a href="/terms">Terms of use</a>
  <p>Subscribe to our newsletter for the latest business news.</p></footer>
</body></html>
"""
    path = folder / "page.html"
    path.write_text(page, encoding="utf-8")
    return [path]


def write_pasted(folder: Path) -> list[Path]:
    """Write a news page as an analyst pastes it from a browser into a .txt file: skip link,
    menu, byline on two lines, share buttons, picture credits, related links, copyright."""
    s = story("bbc-business-314")
    lines = [
        "Skip to content",
        "Home | News | Business | Sport | Weather",
        s.title,
        "By Jane Whitcombe\nBusiness reporter",
        "Published 20 December 2004",
        "Share\nSave",
        s.paragraphs[0],
        "Image caption, The Yuganskneftegas unit was sold at a state auction\n"
        "Image source, Getty Images",
        *s.paragraphs[1:4],
        "Related topics\nOil\nRussia",
        *s.paragraphs[4:],
        "More on this story\nYukos bankruptcy looms - 19 Dec 2004\nGazprom denies bid plan",
        "Copyright 2025 Daily Ledger. All rights reserved.",
    ]
    path = folder / "pasted.txt"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return [path]


# ---------------------------------------------------------------- long inputs


def _bbc(kind: str) -> list[Story]:
    return [s for k, s in sorted(stories().items()) if k.startswith(f"bbc-{kind}-")]


LONG_PDF_KINDS = ("politics", "tech")
LONG_TEXT_KINDS = ("sport", "entertainment", "business")


def long_chapters(name: str) -> dict[str, list[Story]]:
    """Return the chapters of the long input ``name`` (``long_pdf``, ``long_text``): heading and
    the stories under it, in order."""
    if name == "long_pdf":
        return {f"Chapter: {k.capitalize()}": _bbc(k)[:17] for k in LONG_PDF_KINDS}
    return {k.upper(): _bbc(k) for k in LONG_TEXT_KINDS}


def write_long_pdf(folder: Path) -> list[Path]:
    """Write a 30-page report: chapters (politics, technology), a story per subsection."""
    blocks: list[tuple[str, str]] = [("title", "Annual review of politics and technology")]
    blocks.append(("body", "A review of the year's stories for the policy unit, by chapter."))
    for chapter, chapter_stories in long_chapters("long_pdf").items():
        blocks.append(("h1", chapter))
        for s in chapter_stories:
            blocks.append(("h2", s.title))
            blocks += [("body", p) for p in s.paragraphs]
    path = folder / "long_report.pdf"
    pages = _pdf(path, blocks, furniture="Policy unit | Annual review | OFFICIAL")
    assert pages >= 30, pages
    return [path]


def long_text() -> str:
    """Return a 20,000-word plain text: sport, entertainment and business stories under headings."""
    parts = ["Digest of the season's news"]
    for chapter, chapter_stories in long_chapters("long_text").items():
        parts.append(chapter)
        for s in chapter_stories:
            parts += [s.title, *s.paragraphs]
    text = "\n\n".join(parts) + "\n"
    assert words(text) >= 20_000, words(text)
    return text


def write_long_text(folder: Path) -> list[Path]:
    """Write ``long_text()`` as ``digest.txt``."""
    path = folder / "digest.txt"
    path.write_text(long_text(), encoding="utf-8")
    return [path]


# ---------------------------------------------------------------- odd but valid


def write_no_quotes(folder: Path) -> list[Path]:
    """A real story with no quotes and no figures."""
    s = story("bbc-sport-418")
    path = folder / "no_quotes.txt"
    path.write_text(f"{s.title}\n\n{s.text}\n", encoding="utf-8")
    return [path]


def write_one_paragraph(folder: Path) -> list[Path]:
    """A real story run together into one paragraph, with no headline."""
    path = folder / "one_paragraph.txt"
    path.write_text(" ".join(story("bbc-business-109").paragraphs) + "\n", encoding="utf-8")
    return [path]


def write_all_caps(folder: Path) -> list[Path]:
    """A real story under an all-caps headline."""
    s = story("bbc-business-414")
    path = folder / "all_caps.txt"
    path.write_text(f"{s.title.upper()}\n\n{s.text}\n", encoding="utf-8")
    return [path]


ALL_QUOTES = (
    "Ministers defend school meals plan",
    "“We will put fresh food on every plate in every primary school by next September,” "
    "Education Secretary Ruth Kelly told the Commons on Tuesday.",
    "“The money is there, the kitchens are being built and the cooks are being trained,” she said.",
    "“This is a gimmick dreamt up the week before an election,” said Tim Collins, the "
    "Conservative education spokesman.",
    "“Parents will judge them on what is on the plate, not on what is in a press release,” "
    "he added.",
    "“Our members have been asking for proper kitchens for ten years,” said Judy Hargadon, "
    "chief executive of the School Food Trust.",
    "“If the funding lasts, this could change a generation’s health,” said Jamie Oliver, the "
    "chef whose campaign began the debate.",
)


def write_all_quotes(folder: Path) -> list[Path]:
    """A story in which every body sentence is a direct quote with its speaker."""
    path = folder / "all_quotes.txt"
    path.write_text("\n\n".join(ALL_QUOTES) + "\n", encoding="utf-8")
    return [path]


PRESS_RELEASE = """FOR IMMEDIATE RELEASE

Northfield Water announces £240m investment in pipe renewal

LEEDS, 3 March 2025 – Northfield Water today announced a £240m programme to replace ageing \
water mains across West Yorkshire over the next five years.

Key facts:

• 1,100 kilometres of cast-iron mains will be replaced by 2030.
• Leakage is expected to fall by 18% by the end of the programme.
• Around 450 jobs will be created with local contractors.
• Work begins in Bradford and Halifax in April 2025.

“Our customers have told us that leakage is their top concern, and this programme answers \
them,” said Helen Marsh, chief executive of Northfield Water.

The programme was approved by the regulator Ofwat in February. Customers will be told of \
roadworks in their street at least two weeks before work starts.

Notes to editors:

- Northfield Water supplies 2.1 million customers in Yorkshire.
- Photographs are available on request.

Media contact: Tom Briggs, press office, 0113 496 0000, press@northfield-water.example

###
"""


def write_press_release(folder: Path) -> list[Path]:
    """A bulleted press release with its furniture (release line, contacts, ###)."""
    path = folder / "press_release.txt"
    path.write_text(PRESS_RELEASE, encoding="utf-8")
    return [path]


def _curly(text: str) -> str:
    """Return ``text`` with straight quotes made typographic, as Word would type them."""
    text = re.sub(r'(^|[\s(\[])"', "\\1“", text)
    text = text.replace('"', "”")
    text = re.sub(r"(\w)'", "\\1’", text)
    return re.sub(r"(^|\s)'", "\\1‘", text)


def write_cp1252(folder: Path) -> list[Path]:
    """A real story with curly quotes and a dash, saved as Windows-1252 (as old Word did)."""
    s = story("bbc-business-004")
    text = _curly(f"{s.title}\n\n{s.text}\n").replace(" - ", " – ")
    path = folder / "cp1252.txt"
    path.write_bytes(text.encode("cp1252"))
    return [path]


SCRIPTS = """Athens and Kyiv sign €1.2bn energy pact

Greek Prime Minister Kyriakos Mitsotakis (Κυριάκος Μητσοτάκης) and Ukrainian Energy Minister \
Herman Halushchenko (Герман Галущенко) signed a €1.2bn agreement in Athens on Monday to supply \
liquefied natural gas through the port of Alexandroupolis.

Under the deal, Greece will deliver up to 2 billion cubic metres of gas a year to Ukraine by \
2027, routed through Bulgaria and Romania. The European Investment Bank will lend €400m for a \
new pipeline link.

“This corridor makes the whole region safer,” Mitsotakis said at a joint press conference.

Halushchenko said Ukraine would pay €35 per megawatt-hour in the first year, below last \
winter's prices of more than €50.

The agreement still needs approval from the Greek parliament (Βουλή των Ελλήνων), which is \
expected to vote on 14 April. Ukraine's parliament, the Verkhovna Rada (Верховна Рада), ratified \
it last week.
"""


def write_scripts(folder: Path) -> list[Path]:
    """A story with Greek and Cyrillic names and euro amounts."""
    path = folder / "scripts.txt"
    path.write_text(SCRIPTS, encoding="utf-8")
    return [path]


def write_html_sections(folder: Path) -> list[Path]:
    """Write the sectioned report as a web page: h1 title, h2 sections, h3 story headlines."""
    parts = []
    for heading, s in report_sections():
        parts.append(f"<h2>{html.escape(heading)}</h2><h3>{html.escape(s.title)}</h3>")
        parts += [f"<p>{html.escape(p)}</p>" for p in s.paragraphs]
    page = (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{REPORT_TITLE} | Desk</title>"
        "</head><body><nav><a href='/'>Home</a> <a href='/markets'>Markets</a></nav><main>"
        f"<article><h1>{REPORT_TITLE}</h1><p>{REPORT_INTRO}</p>{''.join(parts)}</article></main>"
        "<footer><p>© 2005 The Desk. All rights reserved.</p></footer></body></html>"
    )
    path = folder / "sections.html"
    path.write_text(page, encoding="utf-8")
    return [path]


def write_multi_untitled(folder: Path) -> list[Path]:
    """Write two stories without headlines, one paragraph each, in two folders."""
    paths = []
    for n, key in enumerate(("bbc-business-109", "bbc-business-096")):
        sub = folder / f"desk{n}"
        sub.mkdir()
        path = sub / f"untitled{n}.txt"
        path.write_text(" ".join(story(key).paragraphs) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


@dataclass(frozen=True)
class Case:
    """One acceptance case: how to write its sources and what its page must show."""

    write: Callable[[Path], list[Path]]
    # headings the key points must sit under, in this order (empty: not checked)
    sections: tuple[str, ...] = ()
    # text the page must show, and text it must never show
    shows: tuple[str, ...] = ()
    hides: tuple[str, ...] = ()
    extra: dict[str, object] = field(default_factory=dict)


CASES: dict[str, Case] = {
    # a report's introduction is about the report, not the story
    "report_md": Case(write_report_md, sections=tuple(h for h, _ in REPORT_SECTIONS),
                      hides=REPORT_INTRO_SENTENCES),
    "report_docx": Case(
        write_report_docx,
        sections=tuple(h for h, _ in REPORT_SECTIONS),
        hides=("INTERNAL", "Prepared by the markets desk", "Table 1", "Pre-tax profit |",
               *REPORT_INTRO_SENTENCES),
    ),
    "report_pdf": Case(
        write_report_pdf,
        sections=tuple(h for h, _ in REPORT_SECTIONS),
        hides=("Markets desk | Weekly review", "Page 2", *REPORT_INTRO_SENTENCES),
    ),
    "newsletter_pdf": Case(
        write_newsletter_pdf,
        sections=tuple(h for h, _ in REPORT_SECTIONS),
        hides=("The Markets Letter", "No. 12", *REPORT_INTRO_SENTENCES),
    ),
    "multi": Case(write_multi, sections=tuple(story(k).title for k in MULTI)),
    "multi_overlap": Case(write_multi_overlap),
    "multi_untitled": Case(write_multi_untitled, shows=("untitled0.txt", "untitled1.txt")),
    "html_sections": Case(write_html_sections,
                          hides=("Home", "All rights reserved", *REPORT_INTRO_SENTENCES)),
    "html": Case(
        write_html,
        shows=("BT",),
        hides=(
            "cookie",
            "Click here",
            "Accept all",
            "ripping us off",
            "Sign in",
            "Copyright",
            "newsletter",
            "Share this",
            "Related stories",
            "By Jane Whitcombe",
            "Read more",
            "Sign up",
            "Advertisement",
            "Photograph: Reuters",
            "shares rise on regulator hopes",
        ),
    ),
    "pasted": Case(
        write_pasted,
        shows=("Yukos unit fetches $9bn at auction", "20 December 2004"),
        hides=(
            "Skip to",
            "Home",
            "Business reporter",
            "Image",
            "Getty",
            "Related topics",
            "bankruptcy looms",
            "Share",
            "Save",
        ),
    ),
    "long_pdf": Case(write_long_pdf, hides=("Policy unit | Annual review", "Page 1",
                                            "A review of the year's stories")),
    "long_text": Case(write_long_text),
    # the line-ups at the end of the story are lists of names, not points
    "no_quotes": Case(write_no_quotes, shows=("O'Driscoll",),
                      hides=("Murphy, Horgan", "Sheahan, Horan")),
    "one_paragraph": Case(write_one_paragraph, shows=("Lufthansa",)),
    "all_caps": Case(write_all_caps, shows=("Enron",)),
    "all_quotes": Case(write_all_quotes, shows=("Kelly", "Collins")),
    "press_release": Case(
        write_press_release,
        shows=("£240m",),
        hides=("FOR IMMEDIATE RELEASE", "###", "0113 496 0000", "Photographs are available"),
    ),
    "cp1252": Case(write_cp1252, shows=("British Airways", "Eddington")),
    "scripts": Case(write_scripts, shows=("€1.2bn", "Mitsotakis")),
}

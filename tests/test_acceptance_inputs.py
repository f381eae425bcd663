"""An analyst's inputs other than the seed, end to end through ``briefgen make``.

Real news stories (``tests/inputs.py``) made into a sectioned report (Markdown, DOCX, PDF), several
sources at once, a web page full of furniture, a 30-page PDF and a 20,000-word text, and odd but
valid stories. Every case must exit 0 with exactly one page in PDF and in DOCX (LibreOffice, one
call for the module), embedded fonts, and a page that makes sense: no heading without content, no
markup, page furniture, cookie text or byline as a point.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefgen.cli import main
from briefgen.summarise.rank import MAX_GROUPS

from .inputs import CASES, MULTI, REPORT_SECTIONS, long_chapters, story, words
from .office import convert
from .test_acceptance import unembedded_fonts

HEADINGS = {"Heading 1", "Heading 2", "Heading 3", "Title"}
# what must never reach a page, whatever the source: markup, entities, web and print furniture
GARBAGE = re.compile(
    r"<\s*/?\s*[a-z][a-z0-9]*[\s>/]|&#?\w+;|\*\*|^#+ |\]\(|click here|cookies?\b|all rights "
    r"reserved|sign in to|subscribe to|share this|^page \d+(?: of \d+)?$"
    r"|^(?-i:By [A-Z][a-z]+ [A-Z])| \| ",
    re.IGNORECASE | re.MULTILINE,
)


@dataclass(frozen=True)
class Made:
    """What one ``briefgen make`` left: exit code, PDF, DOCX, its LibreOffice PDF, the sources."""

    code: int
    pdf: Path
    docx: Path
    office_pdf: Path
    sources: tuple[Path, ...]


@pytest.fixture(scope="module")
def made(tmp_path_factory, nlp) -> dict[str, Made]:
    """Make every case's briefing once, then convert all the DOCX files in one LibreOffice call."""
    root = tmp_path_factory.mktemp("inputs")
    runs = {}
    for name, case in CASES.items():
        src = root / name / "src"
        src.mkdir(parents=True)
        out = root / name / "out"
        sources = tuple(case.write(src))
        code = main(["make", *map(str, sources), "--out", str(out), "--quiet"])
        pdf = next(out.glob("*.pdf"), out / "missing.pdf")
        docx = next(out.glob("*.docx"), out / "missing.docx")
        # LibreOffice writes every file into one folder: give each DOCX the case's name
        named = root / "docx" / f"{name}.docx"
        named.parent.mkdir(exist_ok=True)
        if docx.exists():
            named.write_bytes(docx.read_bytes())
        runs[name] = (code, pdf, docx, named, sources)
    office = convert([r[3] for r in runs.values() if r[3].exists()], root)
    return {
        name: Made(code, pdf, docx, office.get(named, root / "missing.pdf"), sources)
        for name, (code, pdf, docx, named, sources) in runs.items()
    }


def pdf_text(path: Path) -> str:
    """Return the text of a PDF's pages, one line per line."""
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def docx_blocks(path: Path) -> list[list[tuple[str, str]]]:
    """Return the DOCX's containers (body, each table cell) as lists of (style, text); a nested
    table is one ("table", its text) entry."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    containers = [document]
    for table in document.tables:
        for row in table.rows:
            containers.extend(row.cells)
    out = []
    for container in containers:
        items = []
        for child in container.iter_inner_content():
            if isinstance(child, Paragraph):
                items.append((child.style.name, child.text.strip()))
            elif isinstance(child, Table):
                text = " ".join(c.text for row in child.rows for c in row.cells)
                items.append(("table", text.strip()))
        out.append(items)
    return out


def key_point_groups(path: Path) -> dict[str, list[str]]:
    """Return the DOCX's key points by their group heading, in page order."""
    for items in docx_blocks(path):
        items = [item for item in items if item[1] or item[0] == "table"]
        if items and items[0][1].lower() == "key points":
            groups: dict[str, list[str]] = {}
            current = ""
            for style, text in items[1:]:
                if style == items[0][0]:  # the next block ("What's next") ends the points
                    break
                if style in HEADINGS:
                    current = text
                    groups[current] = []
                elif text:
                    groups.setdefault(current, []).append(text)
            return groups
    return {}


NAMES = sorted(CASES)


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", NAMES)
def test_one_page_in_both_formats_with_embedded_fonts(made, name):
    run = made[name]
    assert run.code == 0
    reader = PdfReader(run.pdf)
    assert len(reader.pages) == 1
    assert unembedded_fonts(reader) == []
    assert len(PdfReader(run.office_pdf).pages) == 1


@pytest.mark.parametrize("name", NAMES)
def test_page_shows_the_story_and_no_garbage(made, name):
    case = CASES[name]
    text = pdf_text(made[name].pdf)
    flat = " ".join(text.split())
    assert words(text) >= 80, text
    assert [m.group(0) for m in GARBAGE.finditer(text)] == []
    for wanted in case.shows:
        assert wanted in flat
    for unwanted in case.hides:
        assert unwanted not in flat


@pytest.mark.parametrize("name", NAMES)
def test_every_docx_heading_has_content(made, name):
    """No block on the page is a heading with nothing under it."""
    for items in docx_blocks(made[name].docx):
        shown = [(style, text) for style, text in items if text or style == "table"]
        for (style, text), after in pairwise([*shown, ("", "")]):
            if style in HEADINGS and style != "Title":
                # a deeper heading (a key-point group under "Key points") is content
                deeper = after[0] in HEADINGS and after[0] > style
                assert deeper or (after[0] not in HEADINGS and after[1]), f"{text!r} is empty"


@pytest.mark.parametrize(
    "name", ["report_md", "report_docx", "report_pdf", "html_sections", "newsletter_pdf"]
)
def test_report_shows_points_under_each_section(made, name):
    """Each of the report's four sections is on the page with its own points, in the report's
    order, the heaviest section with the most."""
    groups = key_point_groups(made[name].docx)
    headlines = [story(k).title for _, k in REPORT_SECTIONS]
    assert list(groups) == headlines
    assert all(groups.values())
    # the points under a heading come from that section's story
    for headline, points in groups.items():
        body = next(story(k) for _, k in REPORT_SECTIONS if story(k).title == headline).text
        for point in points:  # (a point may lose an opening "Yet" or attribution)
            assert " ".join(point.split()[1:7]).lower() in " ".join(body.split()).lower()
    # the same text as Markdown and as PDF makes the same page (the DOCX adds a table)
    if name == "report_pdf":
        assert groups == key_point_groups(made["report_md"].docx)


def test_several_sources_are_grouped_titled_and_listed(made):
    groups = key_point_groups(made["multi"].docx)
    titles = [story(k).title for k in MULTI]
    assert list(groups) == titles
    assert all(groups.values())
    footer = " ".join(pdf_text(made["multi"].pdf).split()).split("SOURCES", 1)[1]
    for title in titles:
        assert title in footer


def _tokens(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


@pytest.mark.parametrize("name", ["multi", "multi_overlap", "long_text", "long_pdf"])
def test_no_near_duplicates_on_the_page(made, name):
    """Sources that share sentences still show each fact once (bottom line and points)."""
    items = [text for group in key_point_groups(made[name].docx).values() for text in group]
    body = next(items for items in docx_blocks(made[name].docx) if items)
    items += [text for style, text in body if style == "Normal" and len(text.split()) > 8]
    sentences = [s for item in items for s in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", item)]
    sets = [_tokens(s) for s in sentences if len(s.split()) >= 6]
    for i, a in enumerate(sets):
        for b in sets[i + 1 :]:
            assert len(a & b) / len(a | b) < 0.8, (a, b)


@pytest.mark.parametrize("name", ["long_pdf", "long_text"])
def test_long_inputs_have_sensible_sections(made, name):
    """A long report's points go under its chapters (the highest heading level with a few
    groups), in the report's order, not under its dozens of story headlines one point each."""
    groups = key_point_groups(made[name].docx)
    chapters = list(long_chapters(name))
    assert 2 <= len(groups) <= MAX_GROUPS
    assert list(groups) == [c for c in chapters if c in groups]
    assert all(groups.values())
    assert sum(map(len, groups.values())) >= 2 * len(groups)


@pytest.mark.parametrize("name", ["long_pdf", "long_text"])
def test_a_chapters_points_come_from_several_of_its_stories(made, name):
    """A chapter of many stories shows points from several of them, not all from its first."""
    groups = key_point_groups(made[name].docx)
    for chapter, chapter_stories in long_chapters(name).items():
        points = groups.get(chapter, [])
        if len(points) < 2:
            continue
        homes = set()
        for point in points:
            probe = " ".join(point.split()[1:8])
            homes |= {s.id for s in chapter_stories if probe in " ".join(s.text.split())}
        assert len(homes) >= 2, (chapter, points)


def bottom_line_text(path: Path) -> str:
    """Return the DOCX's bottom line."""
    body = next(items for items in docx_blocks(path) if items)
    texts = [text for _, text in body]
    return body[texts.index("Bottom line") + 1][1]


@pytest.mark.parametrize("name", ["long_pdf", "long_text"])
def test_bottom_line_tells_one_story(made, name):
    """The bottom line of a text of many stories comes from one of them, never from two."""
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", bottom_line_text(made[name].docx))
    stories = [s for chapter in long_chapters(name).values() for s in chapter]
    homes = []
    for sentence in sentences:
        probe = " ".join(sentence.split()[1:8])
        homes.append({s.id for s in stories if probe in " ".join(s.text.split())})
    assert all(homes), sentences
    assert set.intersection(*homes), (sentences, homes)


@pytest.mark.parametrize("name", NAMES)
def test_no_group_heading_repeats_a_sentence_on_the_page(made, name):
    """A group heading cut from a sentence (a source without a title) never reads as a sentence
    the page shows again, nor as the title."""
    docx = made[name].docx
    title = next(text for style, text in docx_blocks(docx)[0] if style == "Title")
    groups = key_point_groups(docx)
    shown = [point for points in groups.values() for point in points]
    shown.append(bottom_line_text(docx))
    for heading in groups:
        if len(heading.split()) < 6:
            continue
        if heading.endswith("…"):  # a source's own title may head its group and the page
            assert heading != title
        cut = heading.rstrip("…").rstrip()
        assert not any(text.startswith(cut) for text in shown), heading


@pytest.mark.parametrize("name", NAMES)
def test_the_bottom_line_does_not_read_as_the_title_again(made, name):
    """A title cut from the lead that keeps most of it is not followed by the lead in full."""
    docx = made[name].docx
    title = next(text for style, text in docx_blocks(docx)[0] if style == "Title")
    said = re.findall(r"\w+", title.lower())
    first = re.split(r"(?<=[.!?])\s+", bottom_line_text(docx), maxsplit=1)[0]
    told = re.findall(r"\w+", first.lower())
    assert not (said and told[: len(said)] == said and len(said) >= 2 / 3 * len(told)), title


def test_press_release_keeps_its_headline_and_drops_its_furniture(made):
    text = " ".join(pdf_text(made["press_release"].pdf).split())
    title = next(t for style, t in docx_blocks(made["press_release"].docx)[0] if t)
    assert title == "Northfield Water announces £240m investment in pipe renewal"
    assert "Media contact" not in text
    assert "LEEDS," not in text  # the dateline is the release's, not a fact


@pytest.mark.parametrize("name", ["one_paragraph", "multi_untitled"])
def test_file_without_title_is_named_by_its_file_name_not_its_folder(made, name):
    text = pdf_text(made[name].pdf)
    for source in made[name].sources:
        assert source.name in text
        assert str(source.parent) not in text

"""The DOCX renderer: the same Plan as the PDF, with Word styles a user can edit.

Same page geometry (size, margins, column widths), exact line spacing equal to the PDF's leading,
paragraph spacing in points, fonts named "Arial" (ascii, hAnsi, cs, eastAsia) which Word has and
LibreOffice maps to the metric-compatible Liberation Sans, so lines break as the planner measured.
Two-column layouts are a borderless fixed-width table. Headings, bullets and quotes use Word's
built-in styles (Title, Heading 2/3, List Bullet, Quote) restyled to the layout.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx import Document
from docx.blkcntnr import BlockItemContainer
from docx.enum.text import WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from briefgen.errors import RenderError
from briefgen.layout.flow import block_items, meta_line
from briefgen.layout.metrics import Metrics, geometry, metrics
from briefgen.layout.spec import BlockSpec, Layout
from briefgen.layout.text import (
    big_number,
    clean,
    format_date,
    group_key_points,
    is_link,
    source_line,
    title_text,
)
from briefgen.model import Plan
from briefgen.renderers._ooxml import (
    FONT,
    add_run,
    border,
    cell_props,
    hyperlink,
    put,
    rgb,
    save,
    set_fonts,
    spacing,
    table_fixed,
)
from briefgen.renderers.common import generated_on, properties

__all__ = ["FONT", "TITLE_DROP", "render_docx"]

TITLE_DROP = 3.0  # points above the title, inside the top margin


def _style_document(doc: Any, layout: Layout, m: Metrics) -> None:
    st = doc.styles
    text, accent = layout.colour("text"), layout.colour("accent")
    normal = st["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(m.body)
    normal.font.color.rgb = rgb(text)
    rpr = normal.element.get_or_add_rPr()
    set_fonts(rpr)
    lang = OxmlElement("w:lang")
    for k in ("val", "eastAsia", "bidi"):
        lang.set(qn(f"w:{k}"), layout.language)
    put(rpr, lang, "w:rPr")
    spacing(normal.paragraph_format, m.lead)
    specs = {
        "Title": (m.title, m.title_lead, True, accent),
        "Heading 2": (m.head, m.head_lead, True, accent),
        "Heading 3": (m.sub, m.sub_lead, True, accent),
        "List Bullet": (m.body, m.lead, False, text),
        "Quote": (m.body, m.lead, False, text),
    }
    for name, (size, lead, bold, colour) in specs.items():
        s = st[name]
        s.font.name = FONT
        s.font.size = Pt(size)
        s.font.bold = bold
        s.font.italic = False
        s.font.color.rgb = rgb(colour)
        set_fonts(s.element.get_or_add_rPr())
        spacing(s.paragraph_format, lead)
        s.paragraph_format.left_indent = Pt(0)
        s.paragraph_format.first_line_indent = Pt(0)
        s.paragraph_format.right_indent = Pt(0)
    for name in specs:  # "don't add space between paragraphs of the same style" would eat our gaps
        ppr = st[name].element.pPr
        if ppr is not None and ppr.find(qn("w:contextualSpacing")) is not None:
            ppr.remove(ppr.find(qn("w:contextualSpacing")))
    # Title ships with a bottom border and Quote with italics & indents: keep only ours
    for name in ("Title", "Quote"):
        ppr = st[name].element.pPr
        if ppr is not None and ppr.find(qn("w:pBdr")) is not None:
            ppr.remove(ppr.find(qn("w:pBdr")))
    st["Heading 2"].font.all_caps = True
    st["Heading 2"].paragraph_format.keep_with_next = True
    st["Heading 3"].paragraph_format.keep_with_next = True


_STYLE_IDS = {"Title": "Title", "Heading 2": "Heading2", "Heading 3": "Heading3",
              "List Bullet": "ListBullet", "Quote": "Quote"}


class _Writer:
    """Writes blocks into a container (the body or a table cell), tracking the gap owed."""

    def __init__(self, box: Any, layout: Layout, m: Metrics, width: float) -> None:
        self.box, self.layout, self.m, self.width = box, layout, m, width
        self.last: Any = None  # last paragraph written, to receive a gap as space-after
        self.first = True

    def para(self, style: str | None = None) -> Any:
        if self.first and isinstance(self.box, BlockItemContainer) and self.box.paragraphs \
                and not self.box.paragraphs[0].text and len(self.box._element) == 2:
            p = self.box.paragraphs[0]  # a new cell's own empty paragraph
        else:
            p = self.box.add_paragraph()
        if style:
            # by id: python-docx's lookup by name scans every style, for every paragraph
            p._p.style = _STYLE_IDS[style]
        self.first = False
        self.last = p
        return p

    def gap(self, points: float) -> None:
        if self.last is None:
            return
        pf = self.last.paragraph_format
        pf.space_after = Pt(round((pf.space_after.pt if pf.space_after else 0) + points, 2))

    def close(self, points: float) -> None:
        """End a region with ``points`` of space: after its last paragraph, or as a spacer
        paragraph when it ended with a table."""
        if self.last is None:
            self.spacer(points)
        else:
            self.gap(points)

    def spacer(self, points: float) -> None:
        p = self.para()
        spacing(p.paragraph_format, max(points, 1.0))
        r = p.add_run("")
        r.font.size = Pt(1)

    def heading(self, text: str) -> None:
        p = self.para("Heading 2")
        add_run(p, text, size=self.m.head, bold=True, caps=True,
                colour=self.layout.colour("accent"))
        border(p, "bottom", self.m.rule, self.layout.colour("rule"), self.m.head_rule_gap)
        p.paragraph_format.space_after = Pt(self.m.head_after)

    def barred(self, p: Any) -> None:
        m = self.m
        border(p, "left", m.quote_bar, self.layout.colour("accent"), m.pad)
        p.paragraph_format.left_indent = Pt(m.pad + m.quote_bar)


def _block(w: _Writer, spec: BlockSpec, items: Sequence[Any], note_lines: int | None) -> bool:
    layout, m = w.layout, w.m
    accent, muted = layout.colour("accent"), layout.colour("muted")
    if spec.name == "notes":
        lines = spec.lines if note_lines is None else note_lines
        if lines <= 0:
            return False
        if spec.heading:
            w.heading(spec.heading)
        # a table of exact-height rows: bordered paragraphs in a row merge into one box
        table = BlockItemContainer.add_table(w.box, lines, 1, Pt(w.width))
        table_fixed(table, [w.width])
        for row in table.rows:
            tr_pr = row._tr.get_or_add_trPr()
            h = OxmlElement("w:trHeight")
            h.set(qn("w:val"), str(round(m.note_gap * 20)))
            h.set(qn("w:hRule"), "exact")
            tr_pr.append(h)
            cell = row.cells[0]
            cell_props(cell, bottom_border=layout.colour("rule"))
            spacing(cell.paragraphs[0].paragraph_format, 1.0)
        w.last = None
        return True
    if not items:
        return False
    if spec.heading:
        w.heading(spec.heading)
    name = spec.name
    if name == "bottom_line":
        p = w.para()
        spacing(p.paragraph_format, m.lede_lead)
        add_run(p, " ".join(clean(k.text) for k in items), size=m.lede)
        w.barred(p)
    elif name == "key_points":
        groups = group_key_points(items)
        for gi, (section, points) in enumerate(groups):
            if section is not None:
                p = w.para("Heading 3")
                add_run(p, section, size=m.sub, bold=True, colour=accent)
                w.gap(m.item_gap)
            for i, k in enumerate(points):
                p = w.para("List Bullet")
                pf = p.paragraph_format
                pf.left_indent, pf.first_line_indent = Pt(m.bullet_indent), Pt(-m.bullet_indent)
                add_run(p, clean(k.text), size=m.body)
                if i < len(points) - 1 or gi < len(groups) - 1:
                    w.gap(m.item_gap)
    elif name == "quotes":
        for i, q in enumerate(items):
            p = w.para("Quote")
            add_run(p, f"“{clean(q.text)}”", size=m.body, italic=True)
            p.add_run().add_break()
            who = clean(q.speaker) if q.speaker else "speaker not identified"
            add_run(p, "— ", size=m.small, colour=muted)
            add_run(p, who, size=m.small, colour=muted, bold=True)
            if q.speaker and q.role:
                add_run(p, f", {clean(q.role)}", size=m.small, colour=muted)
            w.barred(p)
            if i < len(items) - 1:
                w.gap(m.item_gap)
    elif name == "figures":
        wide = w.width > 300
        cols = [w.width * 0.36, w.width * 0.64] if wide else [w.width]
        table = BlockItemContainer.add_table(w.box, len(items), len(cols), Pt(w.width))
        table_fixed(table, cols)
        for row, fig in zip(table.rows, items, strict=True):
            bn = big_number(fig)
            cells = row.cells
            for c in cells:
                cell_props(c, fill=layout.colour("box"), pad=m.pad, middle=wide)
            p = cells[0].paragraphs[0]
            spacing(p.paragraph_format, m.big_lead if bn.numeric else m.sub_lead)
            if bn.qualifier:
                add_run(p, bn.qualifier + " ", size=m.small, colour=muted)
            add_run(p, bn.big, size=m.big if bn.numeric else m.sub, bold=True, colour=accent)
            if bn.rest and bn.rest.lower() not in clean(fig.counts).lower():
                add_run(p, " " + bn.rest, size=m.small, colour=muted)
            lp = cells[-1].paragraphs[0] if wide else cells[0].add_paragraph()
            spacing(lp.paragraph_format, m.small_lead, before=0 if wide else m.label_gap)
            add_run(lp, clean(fig.counts or bn.rest or fig.text), size=m.small)
        w.last = None
    elif name == "people":
        for i, e in enumerate(items):
            p = w.para()
            add_run(p, clean(e.name), size=m.body, bold=True)
            if e.role:
                add_run(p, f" — {clean(e.role)}", size=m.body, colour=muted)
            if i < len(items) - 1:
                w.gap(m.item_gap)
    elif name == "events":
        for i, ev in enumerate(items):
            p = w.para("List Bullet")
            pf = p.paragraph_format
            pf.left_indent, pf.first_line_indent = Pt(m.bullet_indent), Pt(-m.bullet_indent)
            when = format_date(ev.date)
            if when:
                add_run(p, when, size=m.body, bold=True)
                add_run(p, " · ", size=m.body)
            add_run(p, clean(ev.text), size=m.body)
            if i < len(items) - 1:
                w.gap(m.item_gap)
    elif name == "sources":
        for i, s in enumerate(items):
            p = w.para()
            spacing(p.paragraph_format, m.small_lead)
            desc, url = source_line(s)
            add_run(p, desc, size=m.small, colour=muted)
            if url:
                add_run(p, " · ", size=m.small, colour=muted)
                if is_link(url):
                    hyperlink(p, url, m.small, layout.colour("link"))
                else:
                    add_run(p, url, size=m.small, colour=muted)
            if i < len(items) - 1:
                w.gap(m.item_gap)
    return True


def _region(w: _Writer, plan: Plan, layout: Layout, region: str) -> None:
    note_lines = next((b.kept for b in plan.blocks if b.name == "notes"), None)
    shown = False
    for spec in layout.region_blocks(region):
        items = block_items(plan.brief, spec.name)
        if spec.name != "notes" and not items:
            continue
        if shown:
            if w.last is None:
                w.spacer(w.m.block_gap)
            else:
                w.gap(w.m.block_gap)
        shown = _block(w, spec, items, note_lines) or shown


def _header_footer(doc: Any, layout: Layout, footer: str) -> None:
    """Put the marking (and logo) in the page header and the footer line in the page footer, at
    the same place as the PDF's bands inside the margins."""
    sec = doc.sections[0]
    geo = geometry(layout)
    mt, _, mb, _ = layout.margins
    sec.header_distance = Pt(mt)
    sec.footer_distance = Pt(mb)
    marking_colour = layout.colour("marking")
    if geo.band_top <= 0:
        _footer(sec, layout, geo.full_w, footer)
        return  # an empty header would still take a line above the body in LibreOffice
    hp = sec.header.paragraphs[0]
    spacing(hp.paragraph_format, 10)
    stops = hp.paragraph_format.tab_stops
    stops.add_tab_stop(Pt(geo.full_w / 2), WD_TAB_ALIGNMENT.CENTER)
    stops.add_tab_stop(Pt(geo.full_w), WD_TAB_ALIGNMENT.RIGHT)
    if layout.marking:
        hp.add_run("\t")
        add_run(hp, layout.marking.upper(), size=8.5, bold=True, colour=marking_colour)
    if layout.logo:
        hp.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
        hp.add_run("\t" if layout.marking else "\t\t")
        try:
            hp.add_run().add_picture(layout.logo, height=Pt(geo.band_top - 8))
        except Exception as exc:  # python-docx raises its own errors, OSError, ZeroDivisionError
            why = str(exc) or "not an image python-docx can read"
            raise RenderError(f"{layout.path}: cannot read logo {layout.logo}: {why}") from exc
    _footer(sec, layout, geo.full_w, footer)


def _footer(sec: Any, layout: Layout, width: float, footer: str) -> None:
    fp = sec.footer.paragraphs[0]
    spacing(fp.paragraph_format, 10)
    fp.paragraph_format.tab_stops.add_tab_stop(Pt(width / 2), WD_TAB_ALIGNMENT.CENTER)
    add_run(fp, footer, size=7, colour=layout.colour("muted"))
    if layout.marking:
        fp.add_run("\t")
        add_run(fp, layout.marking.upper(), size=8.5, bold=True, colour=layout.colour("marking"))


def render_docx(plan: Plan, layout: Layout) -> bytes:
    """Return the DOCX bytes of ``plan`` laid out with ``layout`` (same geometry as the PDF)."""
    layout = layout.for_brief(plan.brief.marking)
    geo, m = geometry(layout), metrics(layout, plan.font_size)
    props = properties(plan, layout)
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Pt(geo.page_w), Pt(geo.page_h)
    _, mr, _, ml = layout.margins
    sec.top_margin, sec.right_margin = Pt(geo.page_h - geo.top), Pt(mr)
    sec.bottom_margin, sec.left_margin = Pt(geo.bottom), Pt(ml)
    _style_document(doc, layout, m)
    _header_footer(doc, layout, props.footer)
    body = doc._body
    # the default document holds no paragraph; the writer adds them
    w = _Writer(body, layout, m, geo.full_w)
    brief = plan.brief
    p = w.para("Title")
    add_run(p, title_text(brief.title), size=m.title, bold=True,
         colour=layout.colour("accent"))
    # exact line spacing lets a large title's ascenders rise above the line box, i.e. above the
    # top margin; the PDF's first baseline sits lower, so this only catches the DOCX up
    p.paragraph_format.space_before = Pt(TITLE_DROP)
    if brief.subject:
        w.gap(m.item_gap)
        p = w.para()
        add_run(p, "Subject: ", size=m.body, bold=True)
        add_run(p, clean(brief.subject), size=m.body)
    meta = meta_line(brief, layout)
    if meta:
        w.gap(m.item_gap)
        p = w.para()
        spacing(p.paragraph_format, m.meta_lead)
        add_run(p, meta, size=m.meta, colour=layout.colour("muted"))
    border(w.last, "bottom", 1.4, layout.colour("accent"), m.item_gap * 1.5)
    w.gap(m.item_gap * 1.5 + m.region_gap)
    if layout.region_blocks("top") and any(
            block_items(brief, b.name) for b in layout.region_blocks("top")):
        _region(w, plan, layout, "top")
        w.gap(m.region_gap) if w.last is not None else w.spacer(m.region_gap)
    if layout.columns == 2:
        half = geo.gutter / 2
        widths = [geo.main_w, half, half, geo.side_w]
        table = BlockItemContainer.add_table(body, 1, 4, Pt(geo.full_w))
        table_fixed(table, widths)
        cells = table.rows[0].cells
        cell_props(cells[1], right_border=layout.colour("rule"))
        for cell, region, width in ((cells[0], "main", geo.main_w), (cells[3], "side", geo.side_w)):
            cw = _Writer(cell, layout, m, width)
            _region(cw, plan, layout, region)
            if not cell.paragraphs:
                cell.add_paragraph()
            if cell._tc[-1].tag == qn("w:tbl"):
                _Writer(cell, layout, m, width).spacer(1.0)
        w.last = None
        w.spacer(m.region_gap)
    else:
        _region(w, plan, layout, "main")
        w.gap(m.region_gap) if w.last is not None else w.spacer(m.region_gap)
    _region(w, plan, layout, "footer")
    if not body._element.findall(qn("w:p")) or body._element[-2].tag != qn("w:p"):
        w.spacer(1.0)

    core = doc.core_properties
    core.title, core.author = _property(props.title), _property(props.author)
    core.subject, core.keywords = _property(props.subject), _property(", ".join(props.keywords))
    core.language = _property(layout.language)
    core.comments = "Generated by briefgen"
    core.last_modified_by = _property(props.prepared_by or "briefgen")
    when = generated_on().replace(tzinfo=None)
    core.created = core.modified = core.last_printed = when
    core.revision = 1
    return save(doc)


def _property(value: str) -> str:
    """Return ``value`` cut to the 255 characters a DOCX core property holds."""
    return value if len(value) <= 255 else value[:254] + "…"


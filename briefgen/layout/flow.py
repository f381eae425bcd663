"""reportlab flowables for each block of a Brief: what the planner measures and the PDF draws.

Every item is one flowable (never split); gaps are explicit ``Spacer``s so that a region's height is
the plain sum of its flowables' heights, and the DOCX can mirror it paragraph by paragraph.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from briefgen.fonts import register_fonts
from briefgen.layout.metrics import Metrics, geometry, metrics
from briefgen.layout.spec import BlockSpec, Layout, render_line
from briefgen.layout.text import (
    attribute,
    big_number,
    clean,
    format_date,
    group_key_points,
    is_link,
    markup,
    source_line,
    title_text,
)
from briefgen.model import Brief

__all__ = [
    "BlockHeading",
    "NoteLines",
    "Rule",
    "block_flowables",
    "block_items",
    "header_flowables",
    "region_flowables",
    "styles",
]


#: Points kept free at the right of every paragraph: reportlab's rounded font metrics fit a line
#: up to ~0.5 pt wider than Word/LibreOffice would, so the DOCX could break a line more than the
#: PDF; wrapping the PDF a little narrower keeps the DOCX's lines no more than the plan's.
WRAP_SLACK = 1.5


def block_items(brief: Brief, name: str) -> tuple[Any, ...]:
    """Return the ranked items of block ``name`` of ``brief`` (``notes`` has none)."""
    return tuple(getattr(brief, name, ()) or ()) if name != "notes" else ()


class BlockHeading(Flowable):
    """A block's heading: small bold capitals in the accent colour over a hairline rule."""

    def __init__(self, text: str, m: Metrics, accent: str, rule: str) -> None:
        super().__init__()
        self.text, self.m, self.accent, self.rule_colour = text.upper(), m, accent, rule

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        self.height = self.m.head_lead + self.m.head_rule_gap + self.m.rule + self.m.head_after
        return aw, self.height

    def draw(self) -> None:
        c, m = self.canv, self.m
        c.saveState()
        base = self.height - m.head_lead + (m.head_lead - m.head) / 2 + m.head * 0.22
        t = c.beginText(0, base)
        t.setFont("Arimo-Bold", m.head)
        t.setCharSpace(m.head * 0.06)
        t.setFillColor(HexColor(self.accent))
        t.textOut(self.text)
        c.drawText(t)
        y = self.height - m.head_lead - m.head_rule_gap
        c.setStrokeColor(HexColor(self.rule_colour))
        c.setLineWidth(m.rule)
        c.line(0, y, self.width, y)
        c.restoreState()


class Rule(Flowable):
    """A horizontal rule of ``weight`` with ``space`` above and below."""

    def __init__(self, weight: float, colour: str, space: float) -> None:
        super().__init__()
        self.weight, self.colour, self.space = weight, colour, space

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        self.height = self.space * 2 + self.weight
        return aw, self.height

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setStrokeColor(HexColor(self.colour))
        self.canv.setLineWidth(self.weight)
        y = self.space + self.weight / 2
        self.canv.line(0, y, self.width, y)
        self.canv.restoreState()


class NoteLines(Flowable):
    """``lines`` ruled lines for handwritten notes, ``gap`` apart."""

    def __init__(self, lines: int, gap: float, colour: str) -> None:
        super().__init__()
        self.lines, self.gap, self.colour = lines, gap, colour

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        self.height = self.lines * self.gap
        return aw, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setStrokeColor(HexColor(self.colour))
        c.setLineWidth(0.5)
        for i in range(self.lines):
            c.line(0, i * self.gap, self.width, i * self.gap)
        c.restoreState()


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of one layout at one base size."""

    m: Metrics
    body: ParagraphStyle
    bullet: ParagraphStyle
    lede: ParagraphStyle
    sub: ParagraphStyle
    small: ParagraphStyle
    title: ParagraphStyle
    meta: ParagraphStyle
    big: ParagraphStyle
    label: ParagraphStyle


@functools.lru_cache(maxsize=256)
def styles(layout: Layout, size: float) -> Styles:
    """Return the paragraph styles for ``layout`` at base size ``size``."""
    register_fonts()
    m = metrics(layout, size)
    text = HexColor(layout.colour("text"))
    base = ParagraphStyle("body", fontName="Arimo", fontSize=m.body, leading=m.lead,
                          textColor=text, spaceBefore=0, spaceAfter=0, splitLongWords=1,
                          rightIndent=WRAP_SLACK,
                          allowWidows=1, allowOrphans=1)

    def derive(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return Styles(
        m=m,
        body=base,
        bullet=derive("bullet", leftIndent=m.bullet_indent, bulletIndent=0,
                      bulletFontName="Arimo-Bold", bulletFontSize=m.body,
                      bulletColor=HexColor(layout.colour("accent"))),
        lede=derive("lede", fontSize=m.lede, leading=m.lede_lead),
        sub=derive("sub", fontName="Arimo-Bold", fontSize=m.sub, leading=m.sub_lead,
                   textColor=HexColor(layout.colour("accent"))),
        small=derive("small", fontSize=m.small, leading=m.small_lead,
                     textColor=HexColor(layout.colour("muted"))),
        title=derive("title", fontName="Arimo-Bold", fontSize=m.title, leading=m.title_lead,
                     textColor=HexColor(layout.colour("accent"))),
        meta=derive("meta", fontSize=m.meta, leading=m.meta_lead,
                    textColor=HexColor(layout.colour("muted"))),
        big=derive("big", fontName="Arimo-Bold", fontSize=m.big, leading=m.big_lead,
                   textColor=HexColor(layout.colour("accent"))),
        label=derive("label", fontSize=m.small, leading=m.small_lead),
    )


def _p(text: str, style: ParagraphStyle, **kw: Any) -> Paragraph:
    return Paragraph(text, style, **kw)


def header_flowables(brief: Brief, layout: Layout, size: float) -> list[Flowable]:
    """Return the header: title, subject, meta line (outlet · date) and a rule."""
    st = styles(layout, size)
    out: list[Flowable] = [_p(markup(title_text(brief.title)), st.title)]
    if brief.subject:
        out.append(Spacer(0, st.m.item_gap))
        out.append(_p(f"<b>Subject:</b> {markup(brief.subject)}", st.body))
    meta = meta_line(brief, layout)
    if meta:
        out.append(Spacer(0, st.m.item_gap))
        out.append(_p(markup(meta), st.meta))
    out.append(Rule(1.4, layout.colour("accent"), st.m.item_gap * 1.5))
    return out


#: Longest line a ``subline`` template may give (it wraps under the title).
MAX_SUBLINE = 300


def meta_line(brief: Brief, layout: Layout | None = None) -> str:
    """Return the plain meta line under the title: the layout's ``subline`` template rendered
    with the brief's values, else the outlets and the source date."""
    if layout is not None and layout.subline:
        from briefgen.templating import brief_context

        context = brief_context(brief, layout=layout.name, marking=layout.marking)
        return clean(render_line(layout, "subline", context))[:MAX_SUBLINE]
    outlets: list[str] = []
    for s in brief.sources:
        o = clean(s.outlet or s.author)
        if o and o not in outlets:
            outlets.append(o)
    parts = [", ".join(outlets[:3]) + (" and others" if len(outlets) > 3 else "")]
    parts.append(format_date(brief.date))
    return " · ".join(p for p in parts if p)


def _quote_markup(q: Any, small: float, muted: str) -> str:
    who = markup(q.speaker) if q.speaker else "speaker not identified"
    role = f", {markup(q.role)}" if q.speaker and q.role else ""
    return (f"<i>“{markup(q.text)}”</i><br/>"
            f'<font size="{small}" color="{muted}">— <b>{who}</b>{role}</font>')


def _bar(flow: Flowable, colour: str, m: Metrics, background: str | None = None) -> Table:
    t = Table([[flow]], colWidths=None)
    cmds: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), "Arimo"),  # else reportlab references Helvetica
        ("LEFTPADDING", (0, 0), (-1, -1), m.pad + m.quote_bar),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("LINEBEFORE", (0, 0), (0, -1), m.quote_bar, HexColor(colour)),
    ]
    if background:
        cmds.append(("BACKGROUND", (0, 0), (-1, -1), HexColor(background)))
    t.setStyle(TableStyle(cmds))
    return t


def _figure(fig: Any, layout: Layout, st: Styles, width: float) -> Flowable:
    m = st.m
    bn = big_number(fig)
    muted = layout.colour("muted")
    small = f'<font name="Arimo" size="{m.small}" color="{muted}">'
    head = f"{small}{markup(bn.qualifier)} </font>" if bn.qualifier else ""
    tail = f"{small} {markup(bn.rest)}</font>" \
        if bn.rest and bn.rest.lower() not in clean(fig.counts).lower() else ""
    big = _p(f"{head}{markup(bn.big)}{tail}", st.big if bn.numeric else st.sub)
    label = _p(markup(fig.counts or bn.rest or fig.text), st.label)
    box = HexColor(layout.colour("box"))
    pad = m.pad
    if width > 300:
        cols = [width * 0.36, width * 0.64]
        t = Table([[big, label]], colWidths=cols)
        valign = "MIDDLE"
    else:
        cols = [width]
        t = Table([[big], [label]], colWidths=cols)
        valign = "TOP"
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), "Arimo"),
        ("BACKGROUND", (0, 0), (-1, -1), box),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, 0), pad),
        ("TOPPADDING", (0, 1), (-1, -1), m.label_gap),  # stacked: the label under the number
        ("BOTTOMPADDING", (0, -1), (-1, -1), pad),
        ("VALIGN", (0, 0), (-1, -1), valign),
    ]))
    return t


def item_flowables(name: str, items: Sequence[Any], layout: Layout, size: float,
                   width: float) -> list[Flowable]:
    """Return one flowable per item (plus section sub-headings for key points)."""
    st = styles(layout, size)
    m = st.m
    accent, muted = layout.colour("accent"), layout.colour("muted")
    out: list[Flowable] = []
    if name == "bottom_line":
        text = " ".join(markup(p.text) for p in items)
        out.append(_bar(_p(text, st.lede), accent, m))
    elif name == "key_points":
        for section, points in group_key_points(items):
            if section is not None:
                out.append(_p(markup(section), st.sub))
            for p in points:
                out.append(_p(markup(p.text), st.bullet, bulletText="•"))
    elif name == "quotes":
        for q in items:
            out.append(_bar(_p(_quote_markup(q, m.small, muted), st.body), accent, m))
    elif name == "figures":
        out.extend(_figure(f, layout, st, width) for f in items)
    elif name == "people":
        for e in items:
            role = f' <font color="{muted}">— {markup(e.role)}</font>' if e.role else ""
            out.append(_p(f"<b>{markup(e.name)}</b>{role}", st.body))
    elif name == "events":
        for ev in items:
            when = format_date(ev.date)
            lead = f"<b>{markup(when)}</b> · " if when else ""
            out.append(_p(f"{lead}{markup(ev.text)}", st.bullet, bulletText="•"))
    elif name == "sources":
        link = layout.colour("link")
        for s in items:
            desc, url = source_line(s)
            tail = ""
            if url and is_link(url):
                tail = f' · <a href="{attribute(url)}" color="{link}">{markup(url)}</a>'
            elif url:
                tail = f" · {markup(url)}"
            out.append(_p(f"{markup(desc)}{tail}", st.small))
    return out


def _spaced(items: list[Flowable], gap: float, name: str) -> list[Flowable]:
    out: list[Flowable] = []
    for i, f in enumerate(items):
        out.append(f)
        nxt = items[i + 1] if i + 1 < len(items) else None
        if nxt is not None:
            # figures stack into one box; a section heading sits closer to its first bullet
            if name == "figures":
                continue
            out.append(Spacer(0, gap))
    return out


def block_flowables(spec: BlockSpec, items: Sequence[Any], layout: Layout, size: float,
                    width: float, note_lines: int | None = None) -> list[Flowable]:
    """Return the heading and items of one block, or [] when it has nothing to show."""
    st = styles(layout, size)
    m = st.m
    if spec.name == "notes":
        lines = spec.lines if note_lines is None else note_lines
        if lines <= 0:
            return []
        body: list[Flowable] = [NoteLines(lines, m.note_gap, layout.colour("rule"))]
    else:
        if not items:
            return []
        body = _spaced(item_flowables(spec.name, items, layout, size, width), m.item_gap,
                       spec.name)
    if spec.heading:
        return [BlockHeading(spec.heading, m, layout.colour("accent"), layout.colour("rule")),
                *body]
    return body


def region_flowables(brief: Brief, layout: Layout, region: str, size: float,
                     note_lines: int | None = None) -> list[Flowable]:
    """Return the flowables of ``region`` for the items kept in ``brief``."""
    width = geometry(layout).width(region)
    m = metrics(layout, size)
    out: list[Flowable] = []
    for spec in layout.region_blocks(region):
        flows = block_flowables(spec, block_items(brief, spec.name), layout, size, width,
                                note_lines)
        if flows:
            if out:
                out.append(Spacer(0, m.block_gap))
            out.extend(flows)
    return out


def height(flows: Sequence[Flowable], width: float) -> float:
    """Return the stacked height of ``flows`` at ``width``."""
    total = 0.0
    for f in flows:
        _, h = f.wrap(width, 1e6)
        total += h + f.getSpaceBefore() + f.getSpaceAfter()
    return total

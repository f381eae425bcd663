"""The PDF renderer: draws a Plan on one page with reportlab, Arimo embedded."""

from __future__ import annotations

import io

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame

from briefgen.errors import RenderError
from briefgen.fonts import FALLBACK_NAME, register_fonts, split_runs
from briefgen.layout.flow import header_flowables, height, region_flowables
from briefgen.layout.metrics import geometry, metrics
from briefgen.layout.spec import Layout
from briefgen.model import Plan
from briefgen.renderers.common import properties

__all__ = ["render_pdf"]


def _notes(plan: Plan) -> int | None:
    return next((b.kept for b in plan.blocks if b.name == "notes"), None)


def _place(canvas: Canvas, flows: list, x: float, y_top: float, w: float, h: float,
           what: str) -> None:
    frame = Frame(x, y_top - h, w, h, leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0, showBoundary=0)
    frame.addFromList(flows, canvas)
    if flows:
        raise RenderError(f"the plan does not fit the page: {what} overflows")


def render_pdf(plan: Plan, layout: Layout) -> bytes:
    """Return the PDF bytes of ``plan`` drawn with ``layout`` (one page, fonts embedded)."""
    layout = layout.for_brief(plan.brief.marking)
    register_fonts()
    geo, size = geometry(layout), plan.font_size
    m = metrics(layout, size)
    props = properties(plan, layout)
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(geo.page_w, geo.page_h), invariant=1, lang=layout.language,
               pageCompression=1, initialFontName="Arimo", initialFontSize=size)
    c.setTitle(props.title)
    c.setAuthor(props.author)
    c.setSubject(props.subject)
    c.setKeywords(", ".join(props.keywords))
    c.setCreator("briefgen")
    _margins(c, layout, props.footer)

    brief = plan.brief
    fuzz = 2.0  # frames get a hair more than the measured height; the planner's reserve covers it
    header = header_flowables(brief, layout, size)
    y = geo.top
    h = height(header, geo.full_w)
    _place(c, header, geo.left, y, geo.full_w, h + fuzz, "the header")
    y -= h + m.region_gap
    top = region_flowables(brief, layout, "top", size)
    if top:
        h = height(top, geo.full_w)
        _place(c, top, geo.left, y, geo.full_w, h + fuzz, "the top region")
        y -= h + m.region_gap
    foot = region_flowables(brief, layout, "footer", size)
    bottom = geo.bottom
    if foot:
        h = height(foot, geo.full_w)
        _place(c, foot, geo.left, geo.bottom + h + fuzz / 2, geo.full_w, h + fuzz, "the footer")
        bottom += h + m.region_gap
    body_h = y - bottom
    main = region_flowables(brief, layout, "main", size, _notes(plan))
    _place(c, main, geo.left, y, geo.main_w, body_h, "the main column")
    if layout.columns == 2:
        side = region_flowables(brief, layout, "side", size, _notes(plan))
        _place(c, side, geo.left + geo.main_w + geo.gutter, y, geo.side_w, body_h, "the side panel")
        c.saveState()
        c.setStrokeColor(HexColor(layout.colour("rule")))
        c.setLineWidth(0.5)
        x = geo.left + geo.main_w + geo.gutter / 2
        c.line(x, y, x, bottom + m.region_gap / 2)
        c.restoreState()
    c.showPage()
    c.save()
    return buf.getvalue()


def _margins(c: Canvas, layout: Layout, footer: str) -> None:
    """Draw the handling marking at the top and bottom, the logo and the footer line, in the
    bands the geometry keeps for them inside the margins."""
    geo = geometry(layout)
    mt, _, mb, _ = layout.margins
    c.saveState()
    if layout.marking:
        c.setFont("Arimo-Bold", 8.5)
        c.setFillColor(HexColor(layout.colour("marking")))
        text = layout.marking.upper()
        c.drawCentredString(geo.page_w / 2, geo.page_h - mt - 7.5, text)
        c.drawCentredString(geo.page_w / 2, mb + 2.5, text)
    c.setFont("Arimo", 7)
    c.setFillColor(HexColor(layout.colour("muted")))
    _draw_line(c, geo.left, mb + 2.5, footer, 7)
    if layout.logo:
        from reportlab.lib.utils import ImageReader

        try:
            img = ImageReader(layout.logo)
            iw, ih = img.getSize()
        except Exception as exc:
            raise RenderError(f"{layout.path}: cannot read logo {layout.logo}: {exc}") from exc
        lh = geo.band_top - 8
        lw = min(lh * iw / ih, 140.0)
        lh = lw * ih / iw
        c.drawImage(img, geo.right - lw, geo.page_h - mt - lh, lw, lh, mask="auto")
    c.restoreState()


def _draw_line(c: Canvas, x: float, y: float, text: str, size: float) -> None:
    """Draw ``text`` from ``x`` in Arimo, switching to the fallback font for characters Arimo
    lacks (and a placeholder for those no font has), as the page's paragraphs do."""
    for kind, run in split_runs(text):
        font = FALLBACK_NAME if kind == "fallback" else "Arimo"
        c.setFont(font, size)
        c.drawString(x, y, run)
        x += c.stringWidth(run, font, size)

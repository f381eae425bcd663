"""Type sizes and spacing derived from a layout and a base size: one table both renderers obey.

The PDF and the DOCX read every size, leading and gap from ``Metrics`` so that the page the planner
measured in reportlab is the page Word or LibreOffice lays out (exact line spacing, points only).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from briefgen.layout.spec import Layout

__all__ = ["FOOTER_BAND", "LOGO_BAND", "MARKING_BAND", "Geometry", "Metrics", "geometry",
           "metrics"]

MARKING_BAND = 16.0
LOGO_BAND = 32.0
FOOTER_BAND = 14.0


@dataclass(frozen=True)
class Metrics:
    """Sizes in points for one base font size."""

    body: float
    lead: float
    small: float
    small_lead: float
    head: float
    head_lead: float
    head_rule_gap: float
    head_after: float
    sub: float
    sub_lead: float
    title: float
    title_lead: float
    meta: float
    meta_lead: float
    lede: float
    lede_lead: float
    big: float
    big_lead: float
    label_gap: float
    pad: float
    item_gap: float
    block_gap: float
    region_gap: float
    bullet_indent: float
    quote_bar: float
    rule: float
    note_gap: float


@functools.lru_cache(maxsize=256)
def metrics(layout: Layout, size: float) -> Metrics:
    """Return the sizes for ``layout`` at base size ``size``."""
    r = layout.leading
    s = size
    head = round(s * 0.84, 2)
    small = round(s * 0.86, 2)
    title = round(s * layout.title_scale, 2)
    lede = round(s * 1.08, 2)
    big = round(s * 2.3, 2)
    return Metrics(
        body=s, lead=round(s * r, 2),
        small=small, small_lead=round(small * r, 2),
        head=head, head_lead=round(head * 1.3, 2), head_rule_gap=2.0,
        head_after=round(s * 0.55, 2),
        sub=s, sub_lead=round(s * r, 2),
        title=title, title_lead=round(title * 1.15, 2),
        meta=small, meta_lead=round(small * 1.35, 2),
        lede=lede, lede_lead=round(lede * r, 2),
        big=big, big_lead=round(big * 1.08, 2), label_gap=round(s * 0.25, 2),
        pad=round(s * 0.55, 2),
        item_gap=round(s * 0.42, 2),
        block_gap=round(s * 1.15, 2),
        region_gap=round(s * 1.1, 2),
        bullet_indent=round(s * 1.2, 2),
        quote_bar=1.6,
        rule=0.6,
        note_gap=round(s * 2.0, 2),
    )


@dataclass(frozen=True)
class Geometry:
    """Page geometry in points (origin bottom left): the content box and the column widths."""

    page_w: float
    page_h: float
    left: float
    right: float
    top: float
    bottom: float
    full_w: float
    main_w: float
    side_w: float
    gutter: float
    band_top: float
    band_bottom: float

    def width(self, region: str) -> float:
        """Return the width of ``region``."""
        return {"main": self.main_w, "side": self.side_w}.get(region, self.full_w)

    @property
    def content_h(self) -> float:
        """Height of the content box between the margins."""
        return self.top - self.bottom


@functools.lru_cache(maxsize=64)
def geometry(layout: Layout) -> Geometry:
    """Return the page geometry of ``layout``."""
    pw, ph = layout.page_size
    mt, mr, mb, ml = layout.margins
    full = pw - ml - mr
    gutter = layout.gutter_mm * 72 / 25.4
    if layout.columns == 2:
        side = round((full - gutter) * layout.side_width, 2)
        main = round(full - gutter - side, 2)
    else:
        side, main = 0.0, full
    # bands inside the margins for the marking and logo (top) and the footer line (bottom), so
    # that every piece of text stays within the margins
    band_top = LOGO_BAND if layout.logo else (MARKING_BAND if layout.marking else 0.0)
    band_bottom = FOOTER_BAND
    return Geometry(pw, ph, ml, pw - mr, ph - mt - band_top, mb + band_bottom, full, main, side,
                    gutter, band_top, band_bottom)

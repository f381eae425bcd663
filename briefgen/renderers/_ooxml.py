"""OOXML helpers for the DOCX renderer: schema-ordered properties, fonts, spacing, borders, runs,
links and fixed tables (python-docx covers none of these at the level the page plan needs)."""

from __future__ import annotations

import functools
import io
import zipfile
from collections.abc import Sequence
from copy import deepcopy
from typing import Any

from docx.enum.text import WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.simpletypes import ST_HexColor, ST_HpsMeasure
from docx.shared import Pt, RGBColor

from briefgen.fonts import fallback_family, split_runs
from briefgen.layout.text import strip_controls

__all__ = [
    "FONT",
    "ORDER",
    "add_run",
    "border",
    "cell_props",
    "hyperlink",
    "put",
    "rgb",
    "save",
    "set_fonts",
    "spacing",
    "table_fixed",
]

FONT = "Arial"

# Child order the OOXML schema requires (Word rejects files whose property children are out of
# order, even where LibreOffice does not mind).
ORDER = {
    "w:pPr": ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
              "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs",
              "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
              "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
              "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
              "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
              "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
              "w:sectPr", "w:pPrChange"),
    "w:rPr": ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps",
              "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint",
              "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing",
              "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
              "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
              "w:eastAsianLayout", "w:specVanish", "w:oMath"),
    "w:tblPr": ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual",
                "w:tblStyleRowBandSize", "w:tblStyleColBandSize", "w:tblW", "w:jc",
                "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout",
                "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription"),
    "w:tcPr": ("w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders",
               "w:shd", "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign",
               "w:hideMark"),
}


def put(parent: Any, child: Any, kind: str) -> Any:
    """Insert ``child`` into the ``kind`` properties ``parent`` in schema order (replacing one
    of the same tag) and return it."""
    order = ORDER[kind]
    tag = next(t for t in order if qn(t) == child.tag)
    old = parent.find(child.tag)
    if old is not None:
        parent.remove(old)
    parent.insert_element_before(child, *order[order.index(tag) + 1:])
    return child


def rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def set_fonts(rpr: Any, name: str = FONT) -> None:
    """Name ``name`` for all four scripts, dropping theme fonts that would override it."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = put(rpr, OxmlElement("w:rFonts"), "w:rPr")
    for attr in list(fonts.attrib):
        fonts.attrib.pop(attr)
    for key in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{key}"), name)


def spacing(pf: Any, line: float, before: float = 0.0, after: float = 0.0) -> None:
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(line)
    pf.space_before = Pt(round(before, 2))
    pf.space_after = Pt(round(after, 2))
    pf.widow_control = False


def border(p: Any, side: str, size_pt: float, colour: str, space_pt: float) -> None:
    ppr = p._p.get_or_add_pPr()
    bdr = ppr.find(qn("w:pBdr"))
    if bdr is None:
        bdr = put(ppr, OxmlElement("w:pBdr"), "w:pPr")
    el = OxmlElement(f"w:{side}")
    el.set(qn("w:val"), "single")
    el.set(qn("w:sz"), str(max(2, round(size_pt * 8))))
    el.set(qn("w:space"), str(max(0, round(space_pt))))
    el.set(qn("w:color"), colour.lstrip("#").upper())
    bdr.append(el)


def add_run(p: Any, text: str, *, size: float, bold: bool = False, italic: bool = False,
            colour: str | None = None, caps: bool = False) -> None:
    """Add ``text`` to ``p`` in runs, switching font for characters Arial-compatible faces lack."""
    for kind, chunk in split_runs(strip_controls(text)):
        r = p.add_run(chunk)
        font = (fallback_family() or FONT) if kind == "fallback" else FONT
        r._r.insert(0, deepcopy(_run_properties(size, bool(bold), bool(italic), colour or None,
                                                bool(caps), font)))


@functools.lru_cache(maxsize=256)
def _run_properties(size: float, bold: bool, italic: bool, colour: str | None, caps: bool,
                    font: str) -> Any:
    """Return the ``w:rPr`` of a run, children in schema order: what setting python-docx's
    ``Font`` properties one by one makes, built once per style (a tenth of the time) for
    ``add_run`` to copy. Callers must copy it, never insert it."""
    rpr = OxmlElement("w:rPr")
    set_fonts(rpr, font)
    for tag, on in (("w:b", bold), ("w:i", italic), ("w:caps", caps)):
        if on:
            rpr.append(OxmlElement(tag))
    if colour:
        rpr.append(OxmlElement("w:color", attrs={qn("w:val"): ST_HexColor.convert_to_xml(
            rgb(colour))}))
    if caps:  # the PDF's letter-spacing of headings
        rpr.append(OxmlElement("w:spacing", attrs={qn("w:val"): str(round(size * 0.06 * 20))}))
    rpr.append(OxmlElement("w:sz", attrs={qn("w:val"): ST_HpsMeasure.convert_to_xml(Pt(size))}))
    return rpr


def hyperlink(p: Any, url: str, size: float, colour: str) -> None:
    rid = p.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    r = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    set_fonts(rpr)
    for tag, val in (("w:color", colour.lstrip("#").upper()), ("w:sz", str(round(size * 2))),
                     ("w:szCs", str(round(size * 2)))):
        el = OxmlElement(tag)
        el.set(qn("w:val"), val)
        rpr.append(el)
    u = OxmlElement("w:u")
    u.set(qn("w:val"), "single")
    rpr.append(u)
    r.append(rpr)
    t = OxmlElement("w:t")
    t.text = "".join(chunk for _, chunk in split_runs(url))
    t.set(qn("xml:space"), "preserve")
    r.append(t)
    link.append(r)
    p._p.append(link)



def table_fixed(table: Any, widths: Sequence[float], margins: float = 0.0) -> None:
    tbl = table._tbl
    tblpr = tbl.tblPr
    for tag, attrs in (("w:tblLayout", {"w:type": "fixed"}),
                       ("w:tblW", {"w:w": str(round(sum(widths) * 20)), "w:type": "dxa"}),
                       ("w:tblInd", {"w:w": "0", "w:type": "dxa"})):
        el = OxmlElement(tag)
        for k, v in attrs.items():
            el.set(qn(k), v)
        put(tblpr, el, "w:tblPr")
    put(tblpr, _margins("w:tblCellMar", margins), "w:tblPr")
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    put(tblpr, borders, "w:tblPr")
    grid = tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths, strict=False):
        col.set(qn("w:w"), str(round(w * 20)))
    for row in table.rows:
        for cell, w in zip(row.cells, widths, strict=False):
            cell.width = Pt(w)


def _margins(tag: str, points: float) -> Any:
    """Return a ``tag`` element giving all four sides a margin of ``points``."""
    mar = OxmlElement(tag)
    for side in ("top", "left", "bottom", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(round(points * 20)))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    return mar


def cell_props(cell: Any, *, fill: str | None = None, pad: float | None = None,
                right_border: str | None = None, bottom_border: str | None = None,
                middle: bool = False) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    if fill:
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), fill.lstrip("#").upper())
        put(tcpr, shd, "w:tcPr")
    if right_border or bottom_border:
        b = OxmlElement("w:tcBorders")
        for side, colour in (("bottom", bottom_border), ("right", right_border)):
            if colour:
                el = OxmlElement(f"w:{side}")
                el.set(qn("w:val"), "single")
                el.set(qn("w:sz"), "4")
                el.set(qn("w:color"), colour.lstrip("#").upper())
                b.append(el)
        put(tcpr, b, "w:tcPr")
    if pad is not None:
        put(tcpr, _margins("w:tcMar", pad), "w:tcPr")
    if middle:
        v = OxmlElement("w:vAlign")
        v.set(qn("w:val"), "center")
        put(tcpr, v, "w:tcPr")


class _FixedZip:
    """The zip writer python-docx's ``PackageWriter`` writes parts to, with fixed timestamps (so
    equal input gives equal bytes) and fast compression (the parts are small)."""

    def __init__(self, out: io.BytesIO) -> None:
        self._zip = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED)

    def write(self, pack_uri: Any, blob: bytes) -> None:
        fixed = zipfile.ZipInfo(pack_uri.membername, date_time=(1980, 1, 1, 0, 0, 0))
        fixed.compress_type = zipfile.ZIP_DEFLATED
        fixed.external_attr = 0o644 << 16
        # level 1: the parts are small, and speed matters more than a few bytes
        self._zip.writestr(fixed, blob, compresslevel=1)

    def close(self) -> None:
        self._zip.close()


def save(doc: Any) -> bytes:
    """Return the DOCX bytes of ``doc``: python-docx's parts in its order, zipped once by
    ``_FixedZip`` (``Document.save`` would compress them, only for us to unzip and zip them
    again with fixed timestamps)."""
    package = doc.part.package
    for part in package.parts:
        part.before_marshal()
    out = io.BytesIO()
    writer = _FixedZip(out)
    PackageWriter._write_content_types_stream(writer, package.parts)
    PackageWriter._write_pkg_rels(writer, package.rels)
    PackageWriter._write_parts(writer, package.parts)
    writer.close()
    return out.getvalue()

"""Layout specs: the frozen ``Layout`` read from ``layouts/<name>.toml`` (or YAML) and validated.

A layout file names the page (paper, margins in mm), fonts (base and minimum size), colours, header
(marking, logo, a ``subline`` template), footer (a ``text`` template), regions (one or two
columns, side panel width), the blocks in each region (in file order) with their heading, minimum
and maximum items, and the fit options (drop order, reserve). Every error names the file and the
key. Templates are checked on load and rendered in ``briefgen.templating``'s sandbox with the
Brief's values only; a logo must be a PNG, JPEG or GIF file inside the layout's folder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import tomllib

import briefgen
from briefgen.errors import LayoutError

__all__ = [
    "BLOCK_NAMES",
    "DEFAULT_LAYOUT",
    "PAPER_SIZES",
    "REGIONS",
    "BlockSpec",
    "Layout",
    "available_layouts",
    "builtin_layouts_dir",
    "load_layout",
    "render_line",
]

DEFAULT_LAYOUT = "executive"
MM = 72 / 25.4
#: Page sizes in points, keyed by the canonical paper name.
PAPER_SIZES: dict[str, tuple[float, float]] = {"A4": (595.2756, 841.8898), "Letter": (612.0, 792.0)}
_PAPER_ALIASES = {"a4": "A4", "letter": "Letter", "us-letter": "Letter", "usletter": "Letter"}
#: Blocks a layout may place; ``notes`` is an empty ruled box for handwriting.
BLOCK_NAMES = (
    "bottom_line", "key_points", "quotes", "figures", "people", "events", "sources", "notes",
)
#: Regions: ``top`` spans the page under the header, ``main``/``side`` are the body columns,
#: ``footer`` spans the page above the bottom margin.
REGIONS = ("top", "main", "side", "footer")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class BlockSpec:
    """Where a block goes and how many of its items it shows (``min`` kept before shrinking)."""

    name: str
    region: str
    heading: str | None
    min: int = 1
    max: int = 6
    lines: int = 6  # notes only: ruled lines kept at least


@dataclass(frozen=True)
class Layout:
    """A validated layout; sizes in points unless named ``*_mm``."""

    name: str
    description: str
    path: str
    paper: str = "A4"
    margins_mm: tuple[float, float, float, float] = (16.0, 16.0, 16.0, 16.0)  # t r b l
    base_size: float = 9.5
    min_size: float = 7.0
    leading: float = 1.28
    title_scale: float = 1.9
    colours: tuple[tuple[str, str], ...] = ()
    marking: str | None = None
    logo: str | None = None
    columns: int = 1
    side_width: float = 0.34
    gutter_mm: float = 7.0
    blocks: tuple[BlockSpec, ...] = ()
    drop_order: tuple[str, ...] = ()
    reserve: float = 6.0
    language: str = "en-GB"
    subline: str | None = None  # template of the line under the title (``[header] subline``)
    footer: str | None = None  # template of the footer line (``[footer] text``)

    @property
    def page_size(self) -> tuple[float, float]:
        """The page's width and height in points."""
        return PAPER_SIZES[self.paper]

    @property
    def margins(self) -> tuple[float, float, float, float]:
        """Margins in points: top, right, bottom, left."""
        t, r, b, lft = self.margins_mm
        return (t * MM, r * MM, b * MM, lft * MM)

    def colour(self, key: str) -> str:
        """Return the colour ``key`` as ``#rrggbb``."""
        return dict(self.colours).get(key, _DEFAULT_COLOURS[key])

    def block(self, name: str) -> BlockSpec | None:
        """Return the spec of block ``name``, or None when the layout does not show it."""
        return next((b for b in self.blocks if b.name == name), None)

    def for_brief(self, marking: str | None) -> Layout:
        """Return this layout with the brief's own handling ``marking``, when it has one."""
        from briefgen.layout.text import clean

        marking = clean(marking)
        return replace(self, marking=marking) if marking and marking != self.marking else self

    def region_blocks(self, region: str) -> tuple[BlockSpec, ...]:
        """Return the blocks of ``region`` in page order."""
        return tuple(b for b in self.blocks if b.region == region)


_DEFAULT_COLOURS = {
    "text": "#1b1f24",
    "accent": "#1f3a5f",
    "muted": "#5a6470",
    "rule": "#c5ccd4",
    "box": "#edf1f5",
    "marking": "#a3121f",
    "link": "#1f4e8c",
}


def builtin_layouts_dir() -> Path:
    """Return the folder of the built-in layouts (the wheel's, else the repo's)."""
    packaged = Path(briefgen.__file__).parent / "_layouts"
    if packaged.is_dir():
        return packaged
    return Path(briefgen.__file__).resolve().parent.parent / "layouts"


def _layout_files(folder: Path) -> dict[str, Path]:
    files: dict[str, Path] = {}
    if folder.is_dir():
        for p in sorted(folder.iterdir()):
            if p.suffix.lower() in (".toml", ".yaml", ".yml") and p.stem not in files:
                files[p.stem] = p
    return files


def _search(layouts_dir: str | Path | None) -> dict[str, Path]:
    found = _layout_files(builtin_layouts_dir())
    if layouts_dir is not None:
        folder = Path(layouts_dir)
        if not folder.is_dir():
            raise LayoutError(f"layouts folder not found: {folder}")
        found.update(_layout_files(folder))  # user layouts override built-ins of the same name
    return found


def available_layouts(layouts_dir: str | Path | None = None) -> dict[str, str]:
    """Return the layouts found (built-in, then ``layouts_dir``) as name → description."""
    out: dict[str, str] = {}
    for name, path in _search(layouts_dir).items():
        try:
            out[name] = load_layout(str(path)).description
        except LayoutError as exc:
            out[name] = f"(invalid: {exc})"
    return out


def load_layout(
    name_or_path: str | None = None,
    *,
    layouts_dir: str | Path | None = None,
    paper: str | None = None,
) -> Layout:
    """Return the layout named ``name_or_path`` (a built-in or user name, or a file path).

    None means ``DEFAULT_LAYOUT``; ``paper`` ("A4" or "Letter") overrides the file's page size.
    Raises ``LayoutError`` naming the file and key when the layout is unknown or invalid.
    """
    name = name_or_path or DEFAULT_LAYOUT
    candidate = Path(name)
    looks_like_path = candidate.suffix.lower() in (".toml", ".yaml", ".yml") or any(
        sep in name for sep in ("/", "\\"))
    if looks_like_path:
        if not candidate.is_file():
            raise LayoutError(f"layout file not found: {candidate}")
        path = candidate
    else:
        found = _search(layouts_dir)
        if name not in found:
            valid = ", ".join(sorted(found)) or "none"
            raise LayoutError(f"unknown layout {name!r}; valid layouts: {valid}")
        path = found[name]
    layout = _parse(path, _read(path))
    if paper is not None:
        layout = replace(layout, paper=_paper(paper, f"{path}: --paper"))
    return layout


def _read(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LayoutError(f"{path}: cannot read layout: {exc.strerror}") from exc
    try:
        if path.suffix.lower() == ".toml":
            data = tomllib.loads(raw.decode("utf-8-sig"))
        else:
            try:
                import yaml
            except ImportError as exc:
                raise LayoutError(f"{path}: YAML layouts need PyYAML: pip install pyyaml") from exc
            data = yaml.safe_load(raw.decode("utf-8-sig"))
    except LayoutError:
        raise
    except Exception as exc:  # tomllib/yaml/unicode errors all mean "not a valid file"
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise LayoutError(f"{path}: not valid {path.suffix[1:].upper()}: {first}") from exc
    if not isinstance(data, dict):
        raise LayoutError(f"{path}: a layout must be a table of keys")
    return data


class _Reader:
    """Pull typed values out of a nested dict, naming ``file: key`` in every error."""

    def __init__(self, path: Path, data: dict[str, Any], prefix: str = "") -> None:
        self.path, self.data, self.prefix = path, data, prefix
        self.seen: set[str] = set()

    def fail(self, key: str, msg: str) -> LayoutError:
        return LayoutError(f"{self.path}: key '{self.prefix}{key}': {msg}")

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = None) -> Any:
        self.seen.add(key)
        if key not in self.data:
            return default
        value = self.data[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if isinstance(value, bool) and bool not in kinds:
            raise self.fail(key, f"expected {_kind_name(kinds)}, got {value!r}")
        if float in kinds and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kinds):
            raise self.fail(key, f"expected {_kind_name(kinds)}, got {value!r}")
        return value

    def number(self, key: str, default: float, lo: float, hi: float) -> float:
        value = self.get(key, float, default)
        if not lo <= value <= hi:
            raise self.fail(key, f"must be between {lo:g} and {hi:g}, got {value:g}")
        return float(value)

    def integer(self, key: str, default: int, lo: int, hi: int) -> int:
        value = self.get(key, int, default)
        if not lo <= value <= hi:
            raise self.fail(key, f"must be between {lo} and {hi}, got {value}")
        return int(value)

    def table(self, key: str) -> _Reader:
        value = self.get(key, dict, {})
        return _Reader(self.path, value, f"{self.prefix}{key}.")

    def done(self) -> None:
        unknown = sorted(set(self.data) - self.seen)
        if unknown:
            known = ", ".join(sorted(self.seen))
            raise self.fail(unknown[0], f"unknown key (known here: {known})")


def _kind_name(kinds: tuple[type, ...]) -> str:
    names = {str: "a string", float: "a number", int: "an integer", bool: "true or false",
             dict: "a table", list: "a list"}
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def _paper(value: str, where: str) -> str:
    canonical = _PAPER_ALIASES.get(str(value).strip().lower())
    if canonical is None:
        raise LayoutError(f"{where}: paper must be A4 or Letter, got {value!r}")
    return canonical


def _parse(path: Path, data: dict[str, Any]) -> Layout:
    top = _Reader(path, data)
    name = top.get("name", str, path.stem)
    description = top.get("description", str, "")
    language = top.get("language", str, "en-GB")

    page = top.table("page")
    paper = _paper(page.get("paper", str, "A4"), f"{path}: key 'page.paper'")
    margins = page.get("margins", list, [16, 16, 16, 16])
    if len(margins) != 4 or not all(
        isinstance(m, (int, float)) and not isinstance(m, bool) and 5 <= m <= 60 for m in margins
    ):
        raise page.fail("margins", f"expected 4 numbers of 5 to 60 mm (top right bottom left), "
                                   f"got {margins!r}")
    page.done()

    fonts = top.table("fonts")
    base = fonts.number("base_size", 9.5, 6, 16)
    floor = fonts.number("min_size", 7.0, 5, 16)
    if floor > base:
        raise fonts.fail("min_size", f"must not exceed base_size ({base:g}), got {floor:g}")
    leading = fonts.number("leading", 1.28, 1.0, 2.0)
    title_scale = fonts.number("title_scale", 1.9, 1.0, 4.0)
    fonts.done()

    colours_r = top.table("colours")
    colours: dict[str, str] = {}
    for key in list(colours_r.data):
        if key not in _DEFAULT_COLOURS:
            colours_r.seen.add(key)
            raise colours_r.fail(key, f"unknown colour (known: {', '.join(_DEFAULT_COLOURS)})")
        value = colours_r.get(key, str)
        if not _COLOUR.match(value):
            raise colours_r.fail(key, f"expected a colour like '#1f3a5f', got {value!r}")
        colours[key] = value.lower()
    colours_r.done()

    header = top.table("header")
    marking = header.get("marking", str, None) or None
    logo = header.get("logo", str, None) or None
    if logo is not None:
        logo = _logo(path, logo, header)
    subline = _template(header, "subline")
    header.done()

    footer_r = top.table("footer")
    footer = _template(footer_r, "text")
    footer_r.done()

    regions = top.table("regions")
    columns = regions.integer("columns", 1, 1, 2)
    side_width = regions.number("side_width", 0.34, 0.2, 0.5)
    gutter = regions.number("gutter", 7.0, 2, 30)
    regions.done()

    blocks_r = top.table("blocks")
    blocks: list[BlockSpec] = []
    for bname in list(blocks_r.data):
        if bname not in BLOCK_NAMES:
            blocks_r.seen.add(bname)
            raise blocks_r.fail(bname, f"unknown block (known: {', '.join(BLOCK_NAMES)})")
        b = blocks_r.table(bname)
        region = b.get("region", str, "main")
        if region not in REGIONS or (region == "side" and columns == 1):
            allowed = [r for r in REGIONS if columns == 2 or r != "side"]
            raise b.fail("region", f"expected one of {', '.join(allowed)}, got {region!r}")
        heading = b.get("heading", str, None)
        lo = b.integer("min", 1, 0, 50)
        hi = b.integer("max", 6, 0, 100)
        if lo > hi:
            raise b.fail("min", f"must not exceed max ({hi}), got {lo}")
        lines = b.integer("lines", 6, 0, 60)
        b.done()
        blocks.append(BlockSpec(bname, region, heading, lo, hi, lines))
    blocks_r.done()
    if not blocks:
        raise top.fail("blocks", "a layout needs at least one block")

    fit = top.table("fit")
    default_order = [b.name for b in reversed(blocks) if b.name != "notes"]
    order = fit.get("drop_order", list, default_order)
    names = {b.name for b in blocks}
    for item in order:
        if item not in names:
            raise fit.fail("drop_order", f"{item!r} is not a block of this layout")
    order = list(order) + [n for n in default_order if n not in order]
    reserve = fit.number("reserve", 6.0, 0, 72)
    fit.done()
    top.done()

    return Layout(
        name=name, description=description, path=str(path), paper=paper,
        margins_mm=tuple(float(m) for m in margins),  # type: ignore[arg-type]
        base_size=base, min_size=floor, leading=leading, title_scale=title_scale,
        colours=tuple(sorted(colours.items())), marking=marking, logo=logo, columns=columns,
        side_width=side_width,
        gutter_mm=gutter, blocks=tuple(blocks), drop_order=tuple(order), reserve=reserve,
        language=language, subline=subline, footer=footer,
    )


#: Largest logo file, and most pixels of a logo image.
MAX_LOGO_BYTES = 5 * 1024 * 1024
MAX_LOGO_PIXELS = 25_000_000


def _logo(path: Path, logo: str, header: _Reader) -> str:
    """Return the logo's absolute path: a PNG, JPEG or GIF image inside the layout's folder."""
    folder = path.parent.resolve()
    logo_path = (folder / logo).resolve()  # symbolic links resolved: they cannot lead out
    if not logo_path.is_relative_to(folder):
        raise header.fail("logo", f"must be a file in the layout's folder {folder}, got {logo!r}")
    if not logo_path.is_file():
        raise header.fail("logo", f"image not found: {logo_path}")
    if logo_path.stat().st_size > MAX_LOGO_BYTES:
        raise header.fail("logo", f"image larger than {MAX_LOGO_BYTES // 1024 // 1024} MB")
    try:
        from PIL import Image

        with Image.open(logo_path) as image:
            kind, (width, height) = image.format, image.size
    except Exception as exc:  # PIL raises many types on files that are not images
        raise header.fail("logo", f"not an image: {logo_path} ({type(exc).__name__})") from exc
    if kind not in ("PNG", "JPEG", "GIF"):
        raise header.fail("logo", f"expected a PNG, JPEG or GIF image, got {kind}")
    if width * height > MAX_LOGO_PIXELS or not width or not height:
        raise header.fail("logo", f"image of {width} × {height} pixels is too large or empty")
    return str(logo_path)


def _template(table: _Reader, key: str) -> str | None:
    """Return the template at ``key`` of ``table`` (None when absent), checked for syntax."""
    from briefgen.templating import check_template

    source = table.get(key, str, None) or None
    if source is not None:
        check_template(source, where=f"{table.path}: key '{table.prefix}{key}'")
    return source


def render_line(layout: Layout, which: str, context: dict[str, str]) -> str:
    """Return the layout's ``which`` template ("subline" or "footer") rendered with ``context``.

    Raises ``LayoutError`` naming the file and key when the template fails or is over budget.
    """
    from briefgen.templating import render_template

    key = "header.subline" if which == "subline" else "footer.text"
    source = layout.subline if which == "subline" else layout.footer
    return render_template(source or "", context, where=f"{layout.path}: key '{key}'")

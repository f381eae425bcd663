"""Fonts: static Arimo faces instanced from fontpkg-arimo, cached, registered with reportlab.

Arimo ships as a variable font; reportlab embeds only static TrueType faces, so fontTools' instancer
makes Regular, Bold, Italic and BoldItalic once and caches them under
``platformdirs.user_cache_dir("briefgen")/fonts/arimo-<version>/`` (a temp dir when that is not
writable), written atomically. Characters Arimo lacks (CJK, Arabic...) are drawn with a system font
that has them when one is installed, else replaced by a visible placeholder with a warning.
"""

from __future__ import annotations

import functools
import logging
import os
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from briefgen.errors import RenderError

__all__ = [
    "FACES",
    "PLACEHOLDER",
    "FontSet",
    "arimo_faces",
    "covered",
    "fallback_family",
    "fallback_font_for",
    "register_fonts",
    "split_runs",
]

log = logging.getLogger(__name__)

#: reportlab font names of the four faces, keyed by (bold, italic).
FACES: dict[tuple[bool, bool], str] = {
    (False, False): "Arimo",
    (True, False): "Arimo-Bold",
    (False, True): "Arimo-Italic",
    (True, True): "Arimo-BoldItalic",
}
_SOURCES = {
    "Arimo": ("Arimo[wght].ttf", 400),
    "Arimo-Bold": ("Arimo[wght].ttf", 700),
    "Arimo-Italic": ("Arimo-Italic[wght].ttf", 400),
    "Arimo-BoldItalic": ("Arimo-Italic[wght].ttf", 700),
}
#: Shown in place of a character no installed font can draw.
PLACEHOLDER = "\u25a1"  # WHITE SQUARE, which Arimo has: visibly a stand-in, never a silent box
FALLBACK_NAME = "BriefgenFallback"

# Fonts tried, in order, for characters Arimo lacks (first that exists and has the character).
_FALLBACK_CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "C:/Windows/Fonts/arialuni.ttf",
)

_lock = threading.Lock()
_CACHE_FORMAT = 3  # bump when the instancing changes, so stale caches are not reused
_fallback_broken = False


@dataclass(frozen=True)
class FontSet:
    """The registered reportlab font names: the four faces and the fallback (None if absent)."""

    regular: str
    bold: str
    italic: str
    bold_italic: str
    fallback: str | None


def _arimo_version() -> str:
    from importlib.metadata import version

    try:
        return version("fontpkg-arimo")
    except Exception:  # pragma: no cover - metadata missing in odd installs
        return "unknown"


def _cache_dirs() -> Iterator[Path]:
    sub = Path("fonts") / f"arimo-{_arimo_version()}-{_CACHE_FORMAT}"
    try:
        import platformdirs

        yield Path(platformdirs.user_cache_dir("briefgen")) / sub
    except Exception:  # pragma: no cover - platformdirs is a dependency, but be forgiving
        pass
    yield Path(tempfile.gettempdir()) / "briefgen-cache" / sub


def _instance(src: Path, weight: int, dest: Path) -> None:
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    font = TTFont(src)
    static = instancer.instantiateVariableFont(font, {"wght": weight}, updateFontNames=False)
    _rename(static, dest.stem, weight)
    fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=dest.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            static.save(fh)
        os.replace(tmp, dest)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _rename(font: object, ps_name: str, weight: int) -> None:
    """Give an instance its own names: PDF viewers tell faces apart by PostScript name."""
    style = {"Arimo": "Regular", "Arimo-Bold": "Bold", "Arimo-Italic": "Italic",
             "Arimo-BoldItalic": "Bold Italic"}[ps_name]
    name = font["name"]  # type: ignore[index]
    for nid, value in ((1, "Arimo"), (2, style), (4, f"Arimo {style}"),
                       (6, "Arimo-Regular" if ps_name == "Arimo" else ps_name),
                       (16, "Arimo"), (17, style)):
        name.setName(value, nid, 3, 1, 0x409)
        name.setName(value, nid, 1, 0, 0)
    os2 = font["OS/2"]  # type: ignore[index]
    os2.usWeightClass = weight
    bold, italic = "Bold" in style, "Italic" in style
    regular = not bold and not italic
    os2.fsSelection = (os2.fsSelection & ~0b1100001) | (bold << 5) | italic | (regular << 6)
    font["head"].macStyle = bold | (italic << 1)  # type: ignore[index]


@functools.lru_cache(maxsize=1)
def arimo_faces() -> dict[str, Path]:
    """Return the paths of the static Arimo faces, instancing them into the cache on first use.

    Raises ``RenderError`` when fontpkg-arimo is missing or no cache directory is writable.
    """
    try:
        import fontpkg_arimo
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise RenderError("fontpkg-arimo is not installed: pip install fontpkg-arimo") from exc
    files = Path(fontpkg_arimo.ROOT) / "files"
    errors: list[str] = []
    for folder in _cache_dirs():
        paths = {name: folder / f"{name}.ttf" for name in _SOURCES}
        if all(p.is_file() and p.stat().st_size > 0 for p in paths.values()):
            return paths
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with _lock:
                for name, (src, weight) in _SOURCES.items():
                    if not paths[name].is_file():
                        log.info("instancing %s (wght=%d) into %s", src, weight, folder)
                        _instance(files / src, weight, paths[name])
            return paths
        except OSError as exc:
            errors.append(f"{folder}: {exc}")
    raise RenderError("cannot cache the Arimo fonts: " + "; ".join(errors))


@functools.lru_cache(maxsize=1)
def _arimo_cmap() -> frozenset[int]:
    from fontTools.ttLib import TTFont

    font = TTFont(arimo_faces()["Arimo"], lazy=True)
    return frozenset(font.getBestCmap())


@functools.lru_cache(maxsize=1)
def _fallback() -> tuple[str, frozenset[int], int] | None:
    """Return (path, cmap, subfont index) of the first installed fallback font, or None."""
    from fontTools.ttLib import TTFont

    extra = os.environ.get("BRIEFGEN_FALLBACK_FONT")
    for path in ((extra,) if extra else ()) + _FALLBACK_CANDIDATES:
        if not path or not os.path.isfile(path):
            continue
        try:
            font = TTFont(path, fontNumber=0, lazy=True)
            if "glyf" not in font:  # reportlab embeds TrueType outlines only
                continue
            return path, frozenset(font.getBestCmap()), 0
        except Exception:  # a broken system font is not our problem: try the next one
            continue
    return None


@functools.lru_cache(maxsize=1)
def fallback_family() -> str | None:
    """Return the family name of the installed fallback font (what a DOCX names), or None."""
    from fontTools.ttLib import TTFont

    fb = _fallback()
    if fb is None:
        return None
    try:
        return str(TTFont(fb[0], fontNumber=fb[2], lazy=True)["name"].getDebugName(1))
    except Exception:
        return None


def covered(char: str) -> bool:
    """Return True when Arimo has a glyph for ``char`` (whitespace and controls count)."""
    return ord(char) in _arimo_cmap() or char in "\n\t\r"


def fallback_font_for(char: str) -> bool:
    """Return True when an installed fallback font can draw ``char``."""
    fb = _fallback()
    return fb is not None and not _fallback_broken and ord(char) in fb[1]


def split_runs(text: str) -> list[tuple[str, str]]:
    """Return ``text`` as runs of ("main" | "fallback", text); uncovered ones become PLACEHOLDER.

    The first missing character is warned about once; the others are logged at debug level.
    """
    runs: list[tuple[str, str]] = []
    for ch in text:
        if covered(ch):
            kind = "main"
        elif fallback_font_for(ch):
            kind = "fallback"
        else:
            _warn_missing(ch)
            kind, ch = "main", PLACEHOLDER
        if runs and runs[-1][0] == kind:
            runs[-1] = (kind, runs[-1][1] + ch)
        else:
            runs.append((kind, ch))
    return runs


@functools.lru_cache(maxsize=512)
def _warn_missing(ch: str) -> None:
    # one warning per process (a Chinese text lacks thousands of characters); the rest at debug
    if _warn_missing.cache_info().currsize == 0:
        log.warning("no installed font has %r (U+%04X) and the like: shown as %s; install a font "
                    "that covers them (e.g. Debian's fonts-noto-cjk)", ch, ord(ch), PLACEHOLDER)
    else:
        log.debug("no installed font has %r (U+%04X)", ch, ord(ch))


@functools.lru_cache(maxsize=1)
def register_fonts() -> FontSet:
    """Return the FontSet after registering Arimo (and a fallback font, if any) with reportlab."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    paths = arimo_faces()
    for name, path in paths.items():
        pdfmetrics.registerFont(TTFont(name, str(path)))
    for (bold, italic), name in FACES.items():
        addMapping("Arimo", int(bold), int(italic), name)
    fallback = None
    fb = _fallback()
    if fb is not None:
        try:
            pdfmetrics.registerFont(TTFont(FALLBACK_NAME, fb[0], subfontIndex=fb[2]))
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(FALLBACK_NAME, bold, italic, FALLBACK_NAME)
            fallback = FALLBACK_NAME
        except Exception as exc:  # unusable font file: fall back to placeholders
            global _fallback_broken
            log.warning("fallback font %s unusable: %s", fb[0], exc)
            _fallback_broken = True
    return FontSet("Arimo", "Arimo-Bold", "Arimo-Italic", "Arimo-BoldItalic", fallback)

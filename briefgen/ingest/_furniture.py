"""Page furniture in text: what a web page or a release holds around the story, not the story.

Shared by the HTML reader (short paragraphs left after extraction) and the plain-text reader
(text an analyst pasted from a browser: "Skip to content", a menu, "Share", picture credits,
"Related topics", copyright lines).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ._build import clean_inline

__all__ = [
    "FURNITURE_PHRASE",
    "drop_pasted_furniture",
    "is_boilerplate",
    "is_furniture_line",
    "strip_furniture_phrases",
]

_BOILERPLATE = re.compile(
    r"^(?:advertisement|sponsored( content)?|read more|related( articles?| stories)?|share( this)?"
    r"( (article|story|page))?|follow us.*|(sign up|subscribe|register)\b.*\b(newsletter|updates|"
    r"inbox|email|free|alerts?|digest)\b.*)$"
    r"|\bwe use cookies\b|\b(accept|manage|reject)( all)? cookies\b|\bcookie (policy|settings)\b"
    r"|\ball rights reserved\b|^©|^copyright\b"
    r"|^(read more|read next|also read|see also|related|more on this story)\s*:",
    re.IGNORECASE,
)
# a line that is a page's control, not its text ("Share", "Skip to content", "Image source, ...")
_CONTROL_LINE = re.compile(
    r"^(?:skip to (?:main )?(?:content|navigation)|menu|search|share|save|print|e-?mail|close"
    r"|sign in|log in|subscribe|advert|back to top|listen to this article.*|watch|comments?"
    r"(?: \(\d+\))?|(?:image|media|video|photo|picture) (?:caption|source|credit)s?\b.*)$",
    re.IGNORECASE,
)
# the heading of a page's list of links: it and the short lines under it are not the story
_LINK_LIST = re.compile(
    r"^(?:related (?:topics|stories|articles|content|links|internet links)|more on this story"
    r"|more from [\w ]{1,30}|you may also like|recommended(?: for you)?|most (?:read|popular)"
    r"|top stories|latest (?:news|stories)|elsewhere on [\w ]{1,30}|around the [\w ]{1,20})$",
    re.IGNORECASE,
)
# a page's instruction to its reader left inside a paragraph when the page was flattened to text
# ("Scroll down for video Natalia Moon (pictured) learned ..."): never the story, wherever it is
FURNITURE_PHRASE = re.compile(
    r"\b(?:scroll (?:down|up)(?: (?:for|to (?:see|watch|view|read)))?(?: (?:the|a|our|more))?"
    r" (?:videos?|pictures?|photos?|images?|gallery|more)"
    r"|(?:click|tap) (?:here|on (?:the|this|these) (?:images?|photos?|pictures?|videos?))"
    r"(?: (?:above|below))? to (?:watch|see|view|play)(?: (?:the|a|more))?"
    r" (?:videos?|pictures?|photos?|images?|gallery)"
    r"|watch the video (?:below|above)"
    # a shop widget's link, capitalised, before the next sentence ("Visit site Like the ...")
    r"|(?-i:Visit site)(?=\s+[A-Z]))\b[.:]?",
    re.IGNORECASE,
)
_MENU_ITEM_WORDS = 3
_MENU_ITEMS = 3
_LINK_WORDS = 12


def is_boilerplate(text: str) -> bool:
    """Return True when ``text`` is a short call to action or notice rather than article text
    ("Read more", "All rights reserved", "Scroll down for video")."""
    text = clean_inline(text)
    return len(text) <= 300 and (
        bool(_BOILERPLATE.search(text)) or not strip_furniture_phrases(text).strip(" .:")
    )


def strip_furniture_phrases(text: str) -> str:
    """Return ``text`` without the ``FURNITURE_PHRASE``s in it ("Scroll down for video"), the
    spaces around each closed up; the rest is unchanged."""
    if not FURNITURE_PHRASE.search(text):
        return text
    out = FURNITURE_PHRASE.sub(" ", text)
    return re.sub(r"(?<=\S) {2,}(?=\S)", " ", out).strip() if out.strip() else ""


def _is_menu(line: str) -> bool:
    items = [i.strip() for i in re.split(r"\s[|•·»]\s|\t", line)]
    return len(items) >= _MENU_ITEMS and all(
        i and len(i.split()) <= _MENU_ITEM_WORDS and not i.endswith(".") for i in items
    )


def is_furniture_line(line: str) -> bool:
    """Return True when the whole of ``line`` is page furniture: a control ("Share"), a menu
    ("Home | News | Business"), a picture credit, a notice ("All rights reserved")."""
    line = clean_inline(line)
    return bool(line) and (
        bool(_CONTROL_LINE.match(line)) or _is_menu(line) or is_boilerplate(line)
    )


def _is_link_line(line: str) -> bool:
    """Return True for a short line that reads as a link's title: no sentence end."""
    words = line.split()
    return 0 < len(words) <= _LINK_WORDS and not re.search(r"[a-z]{2,}[.!?][\"”’']?$", line)


def drop_pasted_furniture(lines: Sequence[str]) -> list[str]:
    """Return ``lines`` without whole lines of page furniture, and without the link lists a page
    ends with ("Related topics" and the short link lines under it). Blank lines stay, so
    paragraphs keep their bounds."""
    out: list[str] = []
    in_links = False
    for line in lines:
        text = line.strip()
        if not text:
            out.append(line)
            continue
        if _LINK_LIST.match(clean_inline(text)):
            in_links = True
            continue
        if in_links and _is_link_line(text):
            continue
        in_links = False
        if not is_furniture_line(text):
            out.append(strip_furniture_phrases(line) if FURNITURE_PHRASE.search(line) else line)
    return out

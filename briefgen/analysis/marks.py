"""Quote marks paired into quoted spans, on the raw text.

Straight and curly double quotes, curly and straight single quotes (apostrophes told apart by their
neighbours: "don’t", "rock ’n’ roll", "the players’ union"), and the British convention of a quote
running over paragraphs with an opening mark on each and a closing mark only on the last. Pairs
never cross a paragraph, and a quote is never cut at a sentence boundary.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["CLOSE_MARKS", "OPEN_MARKS", "QuoteSpan", "inside", "quote_spans"]

OPEN_MARKS = {"“": "d", "‘": "s", '"': "d", "'": "s", "„": "d", "«": "d"}
CLOSE_MARKS = {"”": "d", "’": "s", '"': "d", "'": "s", "“": "d", "»": "d"}
_WORD = re.compile(r"[\w’']+")


@dataclass(frozen=True)
class QuoteSpan:
    """A span of text between quote marks: ``start``/``end`` exclude the marks.

    ``closed`` is False when the paragraph ended (or a new quote opened) before a closing mark.
    """

    start: int
    end: int
    closed: bool = True


def _is_opener(text: str, i: int) -> bool:
    ch = text[i]
    if ch not in OPEN_MARKS:
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace() and ch not in "“‘" or after.isdigit():  # ’90s, '03
        return False
    if ch in "“‘„«":
        return not before.isalnum()
    return before.isspace() or before in "([{—–-:;,/…" or i == 0 or before in "“‘"


_CONTRACTIONS = frozenset({"s", "t", "re", "ve", "ll", "d", "m", "n", "em", "cause", "til", "tis"})


def _possessive(text: str, i: int) -> bool:
    """Return True when the mark at ``i`` may be a plural possessive ("players’ union")."""
    return text[i] in "’'" and i > 0 and text[i - 1] in "sz" and text[i + 1:i + 2] == " " and \
        text[i + 2:i + 3].islower()


def _is_closer(text: str, i: int, hi: int | None = None) -> bool:
    """Return True when the mark at ``i`` can close a quote; an ambiguous "s’ " closes only when no
    other closing mark follows before the next quote opens (or ``hi``, the paragraph's end)."""
    ch = text[i]
    if ch not in CLOSE_MARKS:
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace():
        return False
    if ch in "’'":
        if after.isalpha():
            # an apostrophe inside a word (don’t, rock ’n’ roll, O’Toole); "number’of" is a
            # closing mark with its space lost, when no other closing mark follows
            tail = re.match(r"[a-z]+", text[i + 1:i + 8])
            if not before.isalpha() or tail is None or tail.group(0) in _CONTRACTIONS or \
                    hi is None or text[i + 1].isupper():
                return False
            return not _closer_ahead(text, i + 1, hi, CLOSE_MARKS[ch])
        if _possessive(text, i):
            return hi is not None and not _closer_ahead(text, i + 1, hi, CLOSE_MARKS[ch])
    return not after.isalnum() or ch in "”»"


def _closer_ahead(text: str, i: int, hi: int, kind: str) -> bool:
    """Return True when a clear closing mark of ``kind`` comes before the next opening mark."""
    hi = min(hi, i + 600)
    for j in range(i, hi):
        ch = text[j]
        if OPEN_MARKS.get(ch) == kind and _is_opener(text, j) and text[j - 1].isspace():
            return False
        if CLOSE_MARKS.get(ch) == kind and not _possessive(text, j) and _is_closer(text, j):
            return True
    return False


def quote_spans(text: str) -> list[QuoteSpan]:
    """Return the quoted spans of ``text`` (outermost only), in order.

    Pairs run within a paragraph (a newline ends an open quote there, as when a quote goes on over
    paragraphs); a new opening mark of the same kind while a quote is open ends the open one.
    """
    spans: list[QuoteSpan] = []
    pos = 0
    for para in re.finditer(r"[^\n]+", text):
        pos = para.start()
        spans.extend(_spans_in(text, pos, para.end()))
    return spans


def _spans_in(text: str, lo: int, hi: int) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    open_at = -1
    kind = ""
    i = lo
    while i < hi:
        ch = text[i]
        if open_at < 0:
            if _is_opener(text, i):
                open_at, kind = i, OPEN_MARKS[ch]
        elif CLOSE_MARKS.get(ch) == kind and _is_closer(text, i, hi) and i > open_at + 1:
            out.append(QuoteSpan(open_at + 1, i, True))
            open_at = -1
        elif OPEN_MARKS.get(ch) == kind and _is_opener(text, i) and ch != "'" and (
            text[i - 1].isspace()
        ):
            # a fresh opening mark: the open quote ran to the end of its (lost) paragraph
            end = i
            while end > open_at + 1 and text[end - 1].isspace():
                end -= 1
            if text[end - 1] in ":,":
                # "… needed entertaining. Redwood said: ‘…": the lost paragraph ended at the
                # last full stop; the rest introduces the new quote
                stop = max(text.rfind(". ", open_at, end), text.rfind("? ", open_at, end),
                           text.rfind("! ", open_at, end))
                end = stop + 1 if stop > open_at else open_at + 1
            if end > open_at + 1:
                out.append(QuoteSpan(open_at + 1, end, False))
            open_at = i
        i += 1
    if open_at >= 0:
        end = hi
        while end > open_at + 1 and text[end - 1].isspace():
            end -= 1
        # an unclosed quote runs to the paragraph's end only when it reads as speech
        if end - open_at > 20:
            out.append(QuoteSpan(open_at + 1, end, False))
    return out


def inside(char: int, spans: Sequence[QuoteSpan]) -> bool:
    """Return True when ``char`` falls in one of ``spans`` (sorted, as ``quote_spans`` returns
    them) or on its quote marks."""
    i = bisect.bisect_right(spans, char, key=lambda s: s.start - 1) - 1
    return i >= 0 and spans[i].start - 1 <= char <= spans[i].end

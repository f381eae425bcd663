"""Run-on sentences: picture captions glued to the story with no full stop between them.

A page flattened to text (a Daily Mail story, say) keeps its captions in the body without their
punctuation: "... moved to the Philippines in 2012 after struggling to find work as an actress in
Australia Natalia Moon is also a model ... in the Philippines The risk paid off as the 23-year-old
landed a role." The sentence splitter sees one 80-word sentence. The seams are clause restarts: a
capitalised determiner, pronoun, preposition or conjunction that opens a new clause right after a
word with no punctuation ("Philippines The risk paid off"), where running text would have a
lower-case word ("the risk") and a title would go on in capitals ("The Aviator", "Gone With the
Wind" after a capitalised word).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..ingest._furniture import FURNITURE_PHRASE

__all__ = [
    "caption_run",
    "clause_restarts",
    "ends_sentence",
    "last_clause",
    "list_numbered",
    "missed_breaks",
    "name_seams",
    "story_part",
    "without_list_number",
]

# words that open a clause and that running text writes in lower case mid-sentence; "I", names
# and honorifics ("said Mr Evans") are capitalised anywhere and tell nothing, nor do words that
# also name things ("BBC Radio 4's Today programme", "Spain's Under 20 side")
_OPENERS = (
    "The|A|An|This|These|Those|That|His|Her|Their|Its|Our|My|Your|Some|Many|Most|Several|Such"
    "|Each|Every|Both|All|Another|Other|He|She|They|It|We|You|There|Here|In|On|At|With|After|Before"
    "|When|While|As|During|Despite|Following|Since|Although|Though|If|Because|Once|Until|From"
    "|For|Over|Among|Amid|Earlier|Later|Last|Yesterday|Then|Also|Meanwhile"
    "|However|But|And|Or|So|Yet"
    # a participle opening a clause ("... to Syria Asked why he was there, he said ...")
    "|Asked|Speaking|Writing|Talking|According|Responding|Commenting|Explaining|Pictured"
    "|Getting|Having|Being"
)
# openers that are never a title's or a name's first word after a lower-case word: a preposition,
# pronoun or conjunction ("... with a bucket hat In India, ..."); "The", "A" may be ("the film
# The Aviator"), so they need a lower-case word after them
_CLAUSE_WORDS = (
    "He|She|They|It|We|In|On|At|With|After|Before|When|While|During|Despite|Since|Although"
    "|Though|If|Because|Until|Among|Amid|But|And|Not"
)
# words that introduce a quote without a colon ("he told MailOnline 'We ...'" has a name before)
_SAYS = frozenset(
    """said says say told tells tell added adds explained wrote writes insisted warned replied
    asked admitted claimed declared stated tweeted posted joked revealed continued concluded
    mean means meant""".split()
)
# a word after which a title may follow ("the film In Bruges", "read On the Road")
_TITLE_FOLLOWS = frozenset(
    """film films movie song songs album book novel show series programme program magazine
    newspaper paper play musical single track called titled named dubbed read watch watched
    starred starring hit""".split()
)
# a seam: the previous word ends with no punctuation: a letter or digit, or a closing quote or
# bracket that does not follow a full stop or comma ("... Cold War.” He welcomed" is two)
_AFTER_WORD = r"(?<=[\w'’\")”])(?<![.!?,;:…]['’\")”])"
_RESTART = re.compile(
    # then a capitalised opener, the next word in lower case (or a number: "The 23-year-old")
    _AFTER_WORD + r"\s+(?=(?P<opener>" + _OPENERS + r")(?:['’](?:s|re|ve|ll|d))?"
    r"\s+(?P<next>[a-z][\w'’-]*|\d))"
    # after a lower-case word, a clause word and a capital ("... bucket hat In India, ...")
    r"|(?<=[a-z]{3})\s+(?=(?P<clause>" + _CLAUSE_WORDS + r")\s+[A-Z])"
    # a sentence adverb and its comma ("... defeat in London However, after being sent ...")
    r"|" + _AFTER_WORD + r"\s+(?=(?:However|Meanwhile|Yesterday|Earlier|Later|Instead|Still"
    r"|Nevertheless|Elsewhere|Incredibly|Initially|Eventually|Previously),\s)"
    # a quote opening after a caption ("... win against Manchester City 'We have liaised ...")
    r"|(?<=[a-z0-9)])\s+(?=(?P<quote>['‘\"“])[A-Z][\w'’]*\s+[a-z])"
    # a caption's picture cue and the next sentence ("... chocolate cake, pictured above
    # Detectives are expected to ...")
    # a label in capitals: a product list's next field ("... from Boots CLAIMS: First ...")
    r"|(?<=[a-z0-9)])\s+(?=(?P<caps>[A-Z][A-Z'’&-]+(?:\s+[A-Z][A-Z'’&-]+){1,3}"
    r"|[A-Z][A-Z'’&-]{4,}):\s+[A-Z'‘\"“])"
    r"|(?<=\bpictured)(?:\s+(?:above|below|left|right|here|inset))?\s+(?=[A-Z][a-z])"
    # or a caption's label, one to three words and a colon ("... in Arlington, Virginia Caught
    # red-faced: Incredibly, McHenry ...")
    # (a capitalised word, the others in lower case: not a title such as "Door in the Mountain:
    # New and Collected Poems", "CSI: Miami", and not a quote's introduction)
    r"|" + _AFTER_WORD
    + r"\s+(?=(?P<label>[A-Z][a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2}):\s+[A-Z])"
)
_BEFORE_NAME = frozenset("the a an of in on for to at by and with from".split())
# "infra-red A rays", "from A to B", "Nurse A with her training": a letter, not an article, when
# a function word follows it
_LETTER_USE = frozenset("to with and or of in on at for by from as is was".split())
# a plural noun after "A": "rays", "cells", "bonds" (not "bus", "boss", "crisis", "series")
_PLURAL = re.compile(r"^[a-z]{2,}[^su'’]s$")
_MIN_PIECE_WORDS = 4
_END = re.compile(r"[.!?][\"'”’)]*$")


def _inside_quote(text: str) -> bool:
    """Return True when ``text`` ends inside a double quotation (a title or a quoted phrase)."""
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”")


def ends_sentence(text: str) -> bool:
    """Return True when ``text`` ends as a sentence does: a full stop, question or exclamation
    mark, an ellipsis or a closing quote. A caption does not, so a sentence that stops without
    one in the middle of a paragraph was a caption glued to the text."""
    return bool(re.search(r"(?:[.!?…][\"'”’)\]]*|[\"”’'])$", text.rstrip()))


#: a quoted phrase of at most this many words, without a sentence's punctuation, is a title or
#: a name ("'Over the Rainbow'"), not a statement
_SHORT_QUOTE_WORDS = 5


def _short_quote(text: str) -> bool:
    """Return True when ``text`` opens a quote that closes within ``_SHORT_QUOTE_WORDS`` words
    with no punctuation before its closing mark."""
    close = "”\"" if text[:1] in "“\"" else "’'"
    m = re.match(r".([^" + close + r"]*)[" + close + r"](?=\s|$|[.,;:!?)])", text)
    if m is None:
        return False
    inner = m.group(1).rstrip()
    return len(inner.split()) <= _SHORT_QUOTE_WORDS and not inner.endswith((".", ",", "!", "?"))


def clause_restarts(text: str) -> tuple[int, ...]:
    """Return the character offsets in ``text`` where a glued-on clause starts (see the module's
    docstring): after a word with no punctuation, a capitalised opener ("The", "She", "With")
    followed by a lower-case word or a number. Both sides of a seam hold ``_MIN_PIECE_WORDS``
    words or more, so a short phrase ("Times They Are A Changin") does not count."""
    out: list[int] = []
    last = 0
    for m in _RESTART.finditer(text):
        head = text[: m.start()].split()
        if head and head[-1].isupper() and len(head[-1]) > 1:
            continue  # a heading in capitals ("STARTED The first ...") is another matter
        if m.group("label") and head and (
                head[-1].lower() in _BEFORE_NAME
                # "Frida Kahlo: The Gisèle Freund Photographs", "Going Clear: Scientology"
                or head[-1][:1].isupper() and " " not in m.group("label")):
            continue
        if _inside_quote(text[: m.start()]):
            continue
        if m.group("clause") and (head[-1] in _TITLE_FOLLOWS | _NAME_FOLLOWS
                                  or not head[-1].islower()):
            continue  # "his award for It Happened One Night"
        if m.group("quote") and (head[-1].lower() in _SAYS | _NAME_FOLLOWS | _TITLE_FOLLOWS
                                 or _short_quote(text[m.end() :])):
            continue  # "medical advances mean "I don't know ..."", "were 'Over the Rainbow'"
        if m.group("opener") in ("A", "An") and text[m.end("opener")] in "'’":
            continue  # "Nurse A's evidence"
        if m.group("opener") in ("A", "An") and (m.group("next") in _LETTER_USE
                                                 or _PLURAL.search(m.group("next"))):
            continue  # "infra-red A rays": a letter naming a kind, no article before a plural
        before = text[last : m.start()].split()
        if len(before) < _MIN_PIECE_WORDS or len(text[m.end() :].split()) < _MIN_PIECE_WORDS:
            continue
        out.append(m.end())
        last = m.end()
    return tuple(out)


def last_clause(text: str) -> tuple[str, int] | None:
    """Return the sentence at the end of a run-on ``text`` and its offset in ``text``, or None
    when ``text`` is captions only (its last piece has no full stop either).

    Text without restarts comes back whole at offset 0. The pieces before the last restart are
    captions: they never end in a full stop, which is what glued them on.
    """
    cuts = clause_restarts(text)
    if not cuts:
        return text, 0
    tail = text[cuts[-1] :]
    if not _END.search(tail.rstrip()):
        return None
    return tail, cuts[-1]


# Captions also run on where a name opens the next one ("... at Sandown on Saturday Wright is now
# a pundit ... as a professional McCoy is a huge Arsenal supporter"). A name after a word is
# common in running text too ("said Mr Evans", "chancellor Oliver Letwin said"), so these weaker
# seams only count in a long sentence, and two of them at least.
_NAME_SEAM = re.compile(
    r"(?<=[a-z0-9])\s+(?=(?P<run>(?:[A-Z][\w'’.-]*\s+){1,4}"
    # a role between a team and a name: "Villa goalkeeper Brad Guzan lost"
    r"(?:[a-z]+\s+(?:[A-Z][\w'’.-]*\s+){1,3})?(?:\([a-z ]+\)\s+)?(?:[a-z]+ly\s+)?"
    r"(?:is|was|are|were|has|had|have|will|would|can|could|may|might|must|should|did|does"
    r"|(?:has|had|is|was|did|does|wo|ca)n[’']t|says|said|[a-z]+ed|[a-z]{3,}s"
    r"|lost|won|took|made|told|went|came|gave|got|left|led|met|ran|saw|sat|shot|stood|struck"
    r"|wore|wrote|became|began|brought|built|caught|held|kept|knew|paid|sent|spent|found)\b))"
)
# words after which a name is the object or the next item, not a new clause
_NAME_FOLLOWS = frozenset(
    """a an the of to in on at by for from with into onto about after before between through
    during against without within across among upon via than like and or but nor so yet as that
    which who whom whose when while where because if although though since until unless said
    says told tells say called named dubbed titled including include includes included
    featuring starring played plays beat beats beating versus vs v""".split()
)
#: a sentence longer than this with ``MIN_NAME_SEAMS`` name seams is a run of captions
CAPTION_RUN_WORDS = 40
MIN_NAME_SEAMS = 2


def name_seams(text: str) -> tuple[int, ...]:
    """Return the offsets in ``text`` where a capitalised name and a verb follow a word with no
    punctuation ("on Saturday Wright is now", "season Liverpool boss Brendan Rodgers hasn't"),
    unless that word is one a name follows in running text (``_NAME_FOLLOWS``: "said", "with")."""
    out: list[int] = []
    last = 0
    for m in _NAME_SEAM.finditer(text):
        if m.start() < last:
            continue  # inside the name run of the seam before ("Man City Crystal Palace boss")
        head = text[: m.start()].split()
        if len(text[last : m.start()].split()) < _MIN_PIECE_WORDS:
            continue  # "Glenn Murray is mobbed": a name's own words
        if head[-1].lower() not in _NAME_FOLLOWS:
            out.append(m.start())
            last = m.end("run")
    return tuple(out)


def caption_run(text: str) -> bool:
    """Return True when ``text`` reads as picture captions run together: longer than
    ``CAPTION_RUN_WORDS`` words with ``MIN_NAME_SEAMS`` name seams or more (``name_seams``)."""
    return len(text.split()) > CAPTION_RUN_WORDS and len(name_seams(text)) >= MIN_NAME_SEAMS


def story_part(text: str) -> tuple[str, int] | None:
    """Return the part of sentence ``text`` that is the story, and its offset in ``text``: without
    a leading furniture phrase ("Scroll down for video") and without the captions glued on before
    its last clause (``last_clause``). None when nothing of it is the story, or when what is left
    is still a run of captions (``caption_run``)."""
    start = 0
    m = FURNITURE_PHRASE.match(text)
    if m:
        start = m.end() + len(text[m.end() :]) - len(text[m.end() :].lstrip())
    piece = last_clause(text[start:])
    if piece is None or not piece[0].strip() or caption_run(piece[0]):
        return None
    return piece[0], start + piece[1]


# Abbreviations whose full stop is not a sentence's end: titles and ranks before a name, and
# shortenings of common words ("approx.", "etc." may end a sentence, but rarely a news one)
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof rev sen rep gov gen col capt cpt lt sgt spc cpl pvt maj adm cmdr det
    insp supt st jr sr co corp inc ltd bros no nos vs etc approx est dept govt fig figs vol
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    ft mt ave rd blvd""".split()
)
# a full stop, spaces and a capitalised word going on in lower case: a sentence may start there
_BREAK = re.compile(r"(?<=\w)\.\s+(?=[A-Z][a-z'’]*\s+[a-z\d])")
# an amount with a unit written on ("£1m", "$4.5bn", "10km", "5kg"): the tokenizer reads "m."
# as an abbreviation and runs two sentences into one
_AMOUNT = re.compile(r"^[£$€¥]?\d[\d,.]*[a-zA-Z]{0,3}$")


def _open_quote(text: str) -> bool:
    """Return True when ``text`` ends inside a quotation in double or single marks."""
    if _inside_quote(text):
        return True
    opens = len(re.findall(r"(?:^|[\s(\[—–-])['‘](?=\w)", text))
    closes = len(re.findall(r"(?<=[\w.!?,])['’](?=\s|$|[.,;:!?)])", text))
    return opens > closes


def missed_breaks(text: str) -> tuple[int, ...]:
    """Return the offsets in ``text`` where a sentence starts that the sentence splitter ran
    into the one before: after a full stop that ends an amount ("... more than £1m. The rules
    ...") or a lower-case word that is no abbreviation, before a capitalised word and a
    lower-case one. Initials ("J. Allard", "U.S."), titles ("Dr. Kuhar", "Spc. Barnes") and
    breaks inside a quotation (the speaker's own sentences) are none. Both sides hold
    ``_MIN_PIECE_WORDS`` words or more."""
    out: list[int] = []
    last = 0
    for m in _BREAK.finditer(text):
        word = text[: m.start()].split()[-1].lstrip("([\"'‘“")
        plain = word.lower().rsplit("-", 1)[-1]
        if not (_AMOUNT.match(word) or (word.islower() and len(plain) > 2
                                        and plain not in _ABBREVIATIONS)):
            continue
        if "." in word or _open_quote(text[: m.start()]):
            continue
        if (len(text[last : m.start()].split()) < _MIN_PIECE_WORDS
                or len(text[m.end() :].split()) < _MIN_PIECE_WORDS):
            continue
        out.append(m.end())
        last = m.end()
    return tuple(out)


# a list item's number left at the end of the item before ("... favourite snacks 2.") or at the
# start of its own ("6 He starts every morning ...")
_END_NUMBER = re.compile(r"(?<=[A-Za-z,'’)])\s+(\d{1,2})\.$")
_START_NUMBER = re.compile(r"^(\d{1,2})(?:[.)]?\s+(?=[A-Z'‘\"“])|[.)]$)")
#: a list's numbers follow each other within this many sentences
LIST_REACH = 3


def list_numbered(texts: Sequence[str]) -> set[int]:
    """Return the positions in ``texts`` (a source's sentences in order) of the sentences that
    end with a list item's number: a flattened numbered list glues each number to the item
    before ("Twizzlers are his favourite snacks 2. Ramen noodle soup is ... 3."). A number
    ending a sentence counts when a sentence within ``LIST_REACH`` before or after ends or
    starts with the number before or after it; a lone one is the sentence's own ("... at
    number 20.")."""
    ends: dict[int, int] = {}
    starts: dict[int, int] = {}
    for i, text in enumerate(texts):
        stripped = text.strip()
        m = _END_NUMBER.search(stripped)
        if m:
            ends[i] = int(m.group(1))
        m = _START_NUMBER.match(stripped)
        if m:
            starts[i] = int(m.group(1))
    out = set()
    for i, n in ends.items():
        for j in range(max(0, i - LIST_REACH), i + LIST_REACH + 1):
            if j == i:
                continue
            step = 1 if j > i else -1
            if ends.get(j) == n + step or (j > i and starts.get(j) == n + 1):
                out.add(i)
                break
    return out


def without_list_number(text: str) -> str:
    """Return ``text`` without the list number at its end ("... snacks 2." -> "... snacks")."""
    m = _END_NUMBER.search(text.rstrip())
    return text.rstrip()[: m.start()] if m else text

"""Builders that make a Brief directly, without spaCy: the seed by hand, and synthetic ones.

``seed_brief()`` is what an analyst would put on the page for the seed article
(``seeds/nato-foreign-ministers-2025-04-04.example.md``) plus lower-ranked extras, so the planner
has more than fits. ``synthetic_brief(words)`` makes a ranked Brief from a synthetic article of
about ``words`` words; ``hostile_brief()`` and ``unicode_brief()`` carry markup and non-ASCII text.
"""

from __future__ import annotations

import random

from briefgen.model import Brief, Entity, Event, Figure, KeyPoint, Quote, SourceInfo

__all__ = ["BRIEF_CASES", "hostile_brief", "seed_brief", "synthetic_brief", "unicode_brief"]

SEED_URL = "https://www.eurasiareview.com/04042025-nato-foreign-ministers-meeting/"


def _kp(text: str, score: float, idx: int, section: str | None = None, source: int = 0) -> KeyPoint:
    return KeyPoint(text=text, score=score, sentence_index=idx, section=section, source=source)


def seed_brief() -> Brief:
    """Return the seed article's Brief as an analyst would rank it."""
    bottom = _kp(
        "NATO Foreign Ministers wrapped up two days of meetings in Brussels on Friday "
        "(4 April 2025), focusing on preparations for the upcoming NATO Summit in The Hague, "
        "defence investment, burden sharing, Allied support to Ukraine, and cooperation with "
        "partners.", 1.0, 0)
    points = (
        _kp("Rutte commended “the biggest increase in defence spending on the European side of "
            "NATO since the end of the Cold War”.", 0.95, 3),
        _kp("Allies have pledged more than 20 billion euros in military assistance to Ukraine in "
            "the first quarter of 2025.", 0.93, 12),
        _kp("Ministers met Indo-Pacific partners Australia, Japan, the Republic of Korea and New "
            "Zealand.", 0.9, 6),
        _kp("In the NATO-Ukraine Council, ministers met Ukrainian Foreign Minister Andrii Sybiha, "
            "joined by the EU’s High Representative Kaja Kallas.", 0.88, 9),
        _kp("The North Atlantic Council and Kallas discussed NATO-EU cooperation, defence "
            "industrial capacity, the Western Balkans and support for Ukraine.", 0.85, 13),
        _kp("Rutte welcomed US Secretary of State Marco Rubio to his first ministerial.", 0.7, 4),
        _kp("The North Atlantic Council met for a working lunch on defence investment and the "
            "Summit in The Hague.", 0.6, 5),
        _kp("Rutte said NATO remains the cornerstone of transatlantic security and global "
            "stability.", 0.55, 14),
    )
    quotes = (
        Quote("We have to make sure that whenever a ceasefire or a peace deal is reached, that it "
              "is enduring, that it is lasting.", "Rutte", 10, role="NATO Secretary General"),
        Quote("The security of the Indo-Pacific and the Euro-Atlantic is more connected than ever "
              "before.", "Rutte", 7, role="NATO Secretary General"),
        Quote("Through the years, working together, Allies have delivered security through "
              "strength.", "Rutte", 15, role="NATO Secretary General"),
        Quote("This poses risks to us all.", "Rutte", 8, role="NATO Secretary General"),
    )
    figures = (
        Figure("more than 20 billion euros", 20e9, "EUR",
               "military assistance pledged by Allies to Ukraine, Q1 2025", 12,
               qualifier="more than"),
        Figure("four", 4.0, "partners", "Indo-Pacific partners at the meeting (Australia, Japan, "
               "Republic of Korea, New Zealand)", 6),
        Figure("two days", 2.0, "days", "of meetings in Brussels", 0),
    )
    people = (
        Entity("Rutte", "person", "NATO Secretary General"),
        Entity("Marco Rubio", "person", "US Secretary of State"),
        Entity("Andrii Sybiha", "person", "Ukrainian Foreign Minister"),
        Entity("Kaja Kallas", "person",
               "EU High Representative for Foreign Affairs and Security Policy"),
        Entity("North Atlantic Council", "org", None),
    )
    events = (Event("NATO Summit, The Hague", 0, None, upcoming=True),)
    sources = (SourceInfo(0, "NATO Foreign Ministers meet in Brussels", "2025-04-04", None,
                          "Eurasia Review", SEED_URL),)
    return Brief(
        title="NATO foreign ministers prepare the Hague Summit: defence spending, Ukraine, "
              "Indo-Pacific partners",
        bottom_line=(bottom,), key_points=points, quotes=quotes, figures=figures, people=people,
        events=events, sources=sources, date="2025-04-04",
        subject="NATO Foreign Ministers’ meeting, Brussels, 3–4 April 2025")


_WORDS = ("alliance defence budget ministers agreed council regional security partners support "
          "industrial capacity investment summit cooperation policy spending forces training "
          "operations border report committee review strategy funding programme delegation "
          "sanctions energy supply infrastructure resilience cyber maritime exercise").split()
_NAMES = ("Maria Lindqvist", "Jonas Albrecht", "Ana Sousa", "Pieter de Vries", "Elena Popescu",
          "Tomasz Nowak", "Claire Dubois", "Hiroshi Tanaka", "Grace Okafor", "Luca Bianchi")
_ROLES = ("Minister of Defence", "Foreign Minister", "Chair of the Military Committee",
          "Deputy Secretary General", "Ambassador to NATO", "Director of Policy Planning")


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(_WORDS) for _ in range(n)]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def synthetic_brief(words: int, seed: int = 1) -> Brief:
    """Return a Brief ranked from a synthetic article of about ``words`` words.

    Sentences average 22 words; a section every ~400 words; quotes, figures, people and events
    scale with length, so long inputs have far more items than fit.
    """
    rng = random.Random(seed * 100003 + words)
    n_sent = max(3, words // 22)
    sections = max(1, words // 400)
    points = []
    for i in range(n_sent):
        sec = (f"Section {1 + i * sections // n_sent}: {rng.choice(_WORDS)}"
               if sections > 1 else None)
        points.append(_kp(_sentence(rng, rng.randint(8, 40)), rng.random(), i, sec))
    points.sort(key=lambda p: -p.score)
    quotes = tuple(
        Quote(_sentence(rng, rng.randint(6, 45)), rng.choice(_NAMES + (None,)), i * 7,
              role=rng.choice(_ROLES)) for i in range(max(1, words // 180)))
    figures = tuple(
        Figure(rng.choice(("more than 20 billion euros", "2 per cent", "about 4,000 troops",
                           "$1.2 trillion", "32 Allies", "nearly 300,000")), None, None,
               _sentence(rng, rng.randint(3, 14)).rstrip("."), i * 5)
        for i in range(max(1, words // 300)))
    people = tuple(Entity(rng.choice(_NAMES) + f" {i}", "person", rng.choice(_ROLES + (None,)))
                   for i in range(max(1, words // 250)))
    events = tuple(Event(_sentence(rng, rng.randint(4, 12)), i, f"2025-0{1 + i % 9}-1{i % 9}",
                         upcoming=True) for i in range(max(1, words // 1000)))
    sources = tuple(SourceInfo(i, f"Report {i}: " + _sentence(rng, 6), "2025-04-04", None,
                               "The Outlet", f"https://example.org/{'a' * 30}/{i}")
                    for i in range(1 + min(2, words // 5000)))
    return Brief(
        title=f"Synthetic briefing of about {words} words: " + _sentence(rng, 6).rstrip("."),
        bottom_line=tuple(_kp(_sentence(rng, 30), 1.0 - i / 10, i) for i in range(3)),
        key_points=tuple(points), quotes=quotes, figures=figures, people=people, events=events,
        sources=sources, date="2025-04-04", subject="Synthetic subject line")


HOSTILE = ("AT&T", "<b", "<font size=40>", "{{ 7*7 }}", "</para>", "&amp;", "<a href='x'>")


def hostile_brief() -> Brief:
    """Return a Brief whose every field carries reportlab/HTML/template markup."""
    junk = " ".join(HOSTILE)
    b = seed_brief()
    return Brief(
        title="AT&T <b says {{ 7*7 }}", subject=f"<font size=40>Subject</font> {junk}",
        bottom_line=(_kp(f"The bottom line is {junk} and nothing else.", 1.0, 0),),
        key_points=tuple(_kp(f"Point {i} mentions {h} literally.", 1 - i / 10, i + 1)
                         for i, h in enumerate(HOSTILE)),
        quotes=(Quote(f"We said {junk}", "O'Brien & <Sons>", 9, role="<i>CEO</i>"),),
        figures=(Figure("more than 20 billion euros", 2e10, "EUR", f"counts {junk}", 3,
                        qualifier="more than"),),
        people=(Entity("<b>Bold</b> & Co", "org", "{{ role }}"),),
        events=(Event(f"Meeting <font size=40> {junk}", 4, "2025-05-01", True),),
        sources=(SourceInfo(0, "Title <b", "2025-04-04", None, "AT&T News",
                            "https://example.org/a?x=1&y=<2>\"q\""),),
        date=b.date)


def unicode_brief() -> Brief:
    """Return a Brief in Cyrillic, Greek, with curly quotes, € and dashes."""
    return Brief(
        title="Встреча министров — Συνάντηση υπουργών: “€20bn” für die Ukraine",
        subject="Министры иностранных дел НАТО · Υπουργοί Εξωτερικών",
        bottom_line=(_kp("Министры обсудили оборонные расходы; οι υπουργοί συζήτησαν την άμυνα "
                         "— “more than €20bn” pledged.", 1.0, 0),),
        key_points=tuple(_kp(t, 1 - i / 10, i + 1) for i, t in enumerate((
            "Союзники обязались выделить более 20 миллиардов евро.",
            "Η ασφάλεια της Ευρώπης είναι «πιο συνδεδεμένη» από ποτέ.",
            "Curly ‘single’ and “double” quotes, en–dash and em—dash, ellipsis…",
            "Prices in € and £: €1,250 ≈ £1,050; 25 °C; naïve café façade."))),
        quotes=(Quote("Мы должны обеспечить прочный мир.", "Андрей Сибига", 5,
                      role="Министр иностранных дел Украины"),),
        figures=(Figure("более 20 миллиардов евро", 2e10, "EUR", "военная помощь", 1),),
        people=(Entity("Κάγια Κάλας", "person", "Ύπατη Εκπρόσωπος"),),
        events=(Event("Саммит НАТО в Гааге", 6, None, True),),
        sources=(SourceInfo(0, "Источник “новости”", "2025-04-04", None, "Ευρασία",
                            "https://example.org/ünïcode"),),
        date="2025-04-04")


#: Named inputs every layout is tested with.
BRIEF_CASES = {
    "seed": seed_brief,
    "words100": lambda: synthetic_brief(100),
    "words1000": lambda: synthetic_brief(1000),
    "words5000": lambda: synthetic_brief(5000),
    "words20000": lambda: synthetic_brief(20000),
    "hostile": hostile_brief,
    "unicode": unicode_brief,
}

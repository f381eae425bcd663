"""Number patterns and values: the vocabulary of figures.

``NUMBER_CORE`` finds the core of a figure on raw text (money "£75m", percentages, digits and
number words, ordinals, fractions, scores, lap times, ages); ``parse_value`` reads the number it
means and ``unit_of`` its unit. Dates, clock times and phone numbers have their own patterns so
that the figure finder can leave them out.
"""

from __future__ import annotations

import re

__all__ = ["AGE", "CONVERSION", "CURRENCIES", "CUR_PRE", "DATE_CODE", "DIGITS", "EXCHANGE_RATE",
    "MEASURE_WORDS", "MONTHS", "NUMBER_CORE", "NUMBER_IDIOMS", "ORDINAL_PLACE", "ORDINAL_VALUES",
    "PHONE", "QUALIFIERS", "QUALIFIER_RE", "RESULT_WORDS", "SCALE", "SCALES", "SPAN_AFTER",
    "TIME_AFTER", "UNIT_AFTER", "WORD_VALUES", "idiom_after", "parse_value", "plural", "unit_of",
    "words_value"]

_SMALL = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
WORD_VALUES: dict[str, float] = {w: float(i) for i, w in enumerate(_SMALL)}
WORD_VALUES.update({w: float(20 + 10 * i) for i, w in enumerate(_TENS)})
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
}
_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth fortieth "
    "fiftieth hundredth"
).split()
ORDINAL_VALUES = {w: float(i + 1) for i, w in enumerate(_ORDINALS[:20])}
ORDINAL_VALUES.update({"thirtieth": 30.0, "fortieth": 40.0, "fiftieth": 50.0, "hundredth": 100.0})
_FRACTIONS = {"half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25,
              "quarters": 0.25, "tenth": 0.1, "tenths": 0.1, "fifth": 0.2, "fifths": 0.2,
              "hundredths": 0.01, "thousandths": 0.001}
_UNICODE_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}

CURRENCIES = {
    "£": "GBP", "$": "USD", "€": "EUR", "¥": "JPY", "₹": "INR", "₽": "RUB",
    "us$": "USD", "a$": "AUD", "c$": "CAD", "nz$": "NZD", "hk$": "HKD", "r$": "BRL",
    "euro": "EUR", "euros": "EUR", "dollar": "USD", "dollars": "USD", "pound": "GBP",
    "pounds": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "rupee": "INR", "rupees": "INR", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB",
    "rubles": "RUB", "francs": "CHF", "franc": "CHF", "pence": "pence", "p": "pence",
    "cents": "cents", "cent": "cents", "won": "KRW", "naira": "NGN", "rand": "ZAR",
}
# qualifier phrases before a number, longest first so that "more than" beats "more"
QUALIFIERS = sorted(
    """more than|less than|fewer than|over|under|about|around|nearly|almost|up to|at least|at most|
    some|roughly|approximately|approx.|an estimated|estimated|as many as|as much as|as few as|
    in excess of|first|last|next|past|final|top|just over|just under|close to|a record|
    a further|another|only|just|all|
    well over|well above|more than a|upwards of|below|above|no more than|no fewer than|
    no less than|between|from|a total of|a mere|barely|nearly|some|circa|c.""".replace("\n", "")
    .split("|"),
    key=len, reverse=True,
)
QUALIFIER_RE = re.compile(
    r"(?i)(?:^|(?<=\W))(" + "|".join(re.escape(q.strip()) for q in QUALIFIERS if q.strip())
    + r")\s+$"
)
_NUMWORD = (
    r"(?:(?:" + "|".join(_TENS) + r")(?:[-\s](?:" + "|".join(_SMALL[1:10]) + r"))?|"
    + "|".join(sorted(_SMALL, key=len, reverse=True)) + r")"
)
SCALE = r"(?:hundred|thousand|million|billion|trillion|bn|mn|m|k|tn|trn)"
_SCALE_WORD = r"(?:hundred|thousand|million|billion|trillion)"
CUR_PRE = r"(?:US\$|A\$|C\$|NZ\$|HK\$|R\$|[£$€¥₹₽])"
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
#: what "3 in 10 games" spans: a count in a span, not a share ("one in seven")
_SPAN_NOUNS = (r"(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|games?|"
               r"matches|attempts?|starts?|appearances?|races?|seasons?|outings?|tests?)")
SPAN_AFTER = re.compile(r"(?i)\s" + _SPAN_NOUNS + r"\b")
NUMBER_CORE = re.compile(
    r"(?ix)(?<![\w.,/])(?:"
    # money with a symbol: £5.14billion, $4.5bn, €20 billion, £75m
    rf"(?P<money>{CUR_PRE}\s?(?:{DIGITS})(?:\s?(?:{SCALE})\b)?)"
    # measures written as times with decimals (lap times 1:35.782), scores 2-1
    r"|(?P<laptime>\d{1,2}:\d{2}\.\d+)"
    r"|(?P<pctrange>(?<!\d-)\d+(?:\.\d+)?\s?[-–]\s?\d+(?:\.\d+)?\s?(?:%|per\s?cent))"
    r"|(?P<decade>\b(?:in|into)\s(?:his|her|their|its)\s(?:early\s|mid-?|late\s)?[1-9]0s\b)"
    r"|(?P<kin>\b(?:great-)?(?:grand)?(?:father|mother|dad|mum|mom|parent)[\s-]of[\s-]"
    rf"{_NUMWORD}\b)"
    r"|(?P<times>\b(?:twice|thrice|once)\s(?:a|per|every)\s(?:day|week|month|year)\b)"
    rf"|(?P<aword>\b(?:half\s)?(?:a|an)\s(?:few\s)?(?:hundred|thousand|million|billion)\b"
    rf"(?:\sand\s{_NUMWORD}(?![a-z]))?)"
    r"|(?P<fora>(?<=\bfor\s)a\s(?:single\s)?(?:day|week|fortnight|month|year|decade)\b)"
    # a share: "one in seven", "2 out of 10" (not "3 in 10 years": a count and a span)
    rf"|(?P<proportion>\b(?:\d{{1,3}}|{_NUMWORD})\s(?:in|out\sof)\s(?:\d{{1,3}}|{_NUMWORD})\b"
    r"(?!\s" + _SPAN_NOUNS + r"\b|[-–/.,]\d))"
    r"|(?P<score>(?<!\d-)\b\d{1,2}\s?[-–]\s?\d{1,2}\b(?![-–/]\d|\s?(?:am|pm|%)|[a-z]))"
    # digits with fractions, scales, percent, ordinal suffixes, hyphenated units
    rf"|(?P<num>(?:{DIGITS})[½¼¾⅓⅔]?(?:\s?(?:%|per\s?cent|percent)|\s?(?:{SCALE})\b|p\b)?"
    r"(?:st|nd|rd|th)?)"
    r"|(?P<frac>[½¼¾⅓⅔])"
    # ordinals, compound ones too: "fifth", "twenty-first"
    r"|(?P<ordinal>\b(?:(?:" + "|".join(_TENS) + r")-)?(?:" + "|".join(_ORDINALS) + r")\b)"
    # words: "three and a half thousand", "twenty-five", "two-and-a-half", "two-thirds",
    # "one hundred and twenty", "two thousand five hundred"
    rf"|(?P<words>\b{_NUMWORD}(?![a-z])(?:[\s-](?:and[\s-])?a[\s-]half\b)?"
    rf"(?:[\s-]{SCALE}\b(?:(?:\sand\s|[\s-]){_NUMWORD}(?![a-z])(?:[\s-]{_SCALE_WORD}\b)?)*)?"
    r"(?:[-\s](?:thirds?|quarters?|halves|half|tenths|hundredths|thousandths|fifths)\b)?"
    r"(?:\s?(?:%|per\s?cent\b|percent\b))?)"
    r"|(?P<vague>\b(?:a\s)?(?:dozens|dozen|hundreds|thousands|millions|billions|scores)\b)"
    r"|(?P<halfword>\b(?:half|a\squarter|three\squarters|a\sthird|two-thirds|a\stenth)\b)"
    r")"
)
MONTHS = (
    "january february march april may june july august september october november december jan "
    "feb mar apr jun jul aug sep sept oct nov dec"
).split()
TIME_AFTER = re.compile(r"(?i)^\s?(?:am|pm|a\.m\.|p\.m\.|gmt|bst|cet|est|et|pt|utc|hrs)\b")
DATE_CODE = re.compile(r"\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")
PHONE = re.compile(r"(?:\+\d[\d\s().-]{7,}\d|\(?0\d{2,4}\)?[\s-]\d{3,4}[\s-]?\d{3,4})")
_CUR_WORD = (r"(?:euros?|dollars?|pounds?|yen|yuan|pence|cents?|francs?|rupees?|roubles?|rubles?|"
             r"sterling)")
UNIT_AFTER = re.compile(r"(?i)^[\s-]?(?:(?:per\s?cent|percent|%)|" + _CUR_WORD + r"\b)")
_UNIT = (r"(?:km|kg|cm|mm|m|ft|in|mph|kph|lbs?|g|ml|mg|kw|mw|gw|oz|yds?|l|"
         r"(?:sq\s)?(?:miles?|kilometres?|kilometers?|metres?|meters?|feet|foot|inches|yards?|"
         r"kilos?|kilograms?|tonnes?|tons?|pounds?|ounces?|litres?|liters?|gallons?|acres?|"
         r"hectares?|square\s(?:miles|metres|meters|feet|kilometres)))")
_AMOUNT = (rf"(?:(?:about|around|roughly|some|nearly|almost|approx\.|c\.|just\sunder|just\sover|"
           rf"over|under|more\sthan|less\sthan)\s)?(?:{CUR_PRE}\s?(?:{DIGITS})(?:\s?{SCALE}\b)?"
           rf"|(?:{DIGITS})(?:\s?{SCALE}\b)?\s?(?:{_CUR_WORD}|{_UNIT})\b)")
#: a conversion in brackets right after a figure: "($527.61m; £274.73m)", "(16km)", "(about
#: $23m or 17m euros)": the same figure in other currencies or units
CONVERSION = re.compile(
    rf"\s?\(\s?{_AMOUNT}(?:\s?(?:[;:,/]|\bor\b|\band\b)\s?{_AMOUNT})*\s?\)", re.IGNORECASE)
#: what an exchange rate is a price of: "$1.354 to the euro", "$1.93 against the dollar"
EXCHANGE_RATE = re.compile(
    r"\s(?:per|to\s(?:the|one|a|each)|against\s(?:the|a))\s(?:(?:us|u\.s\.|single|common|"
    r"japanese|chinese|swiss|british)\s)?(?:euro|dollar|pound|yen|yuan|franc|rouble|ruble|rupee|"
    r"greenback|sterling)s?\b", re.IGNORECASE)
AGE = re.compile(r"(?i)^[\s-](?:year|yr)s?[\s-]old\b|^\s(?:years?\s)?old\b")
MEASURE_WORDS = {"second", "seconds", "minute", "minutes", "hour", "hours", "day", "days",
                  "week", "weeks", "month", "months", "year", "years", "decade", "decades",
                  "million", "billion", "thousand", "hundred", "per", "percent", "times",
                  "mile", "miles", "metre", "metres", "meter", "meters", "km", "kg", "tonnes",
                  "ounces", "feet", "ft", "inches", "pounds", "euros", "dollars"}
#: words that, glued by a hyphen to a number word, make an adjective of kind, not a count:
#: "two-bit", "two-way", "second-hand", "first-class", "third-party", "one-liner"
NUMBER_IDIOMS = frozenset(
    "bit bits way hand class rate party parties liner liners horse trick stop size tier tiered "
    "off on up down over out and for to all dimensional fold ply".split())
#: words after a hyphen that keep a count approximate, not an adjective: "thirty-odd", "forty-plus"
_APPROX_AFTER = frozenset({"odd", "plus", "something", "year", "years"})


def idiom_after(number: str, word: str) -> bool:
    """Return True when number word ``number`` glued by a hyphen to ``word`` makes a compound
    adjective rather than a count: "two-bit", "one-off", "one-sided", "two-faced", "zero-hours",
    "second-hand". A unit noun after the hyphen ("three-year", "four-man") keeps the count."""
    number, word = number.lower(), word.lower()
    if word in _APPROX_AFTER or word in WORD_VALUES or word in SCALES or word in _FRACTIONS:
        return False
    if number == "zero" or word in NUMBER_IDIOMS:
        return True
    if number == "one" and word in {"time", "man", "shot", "hit"}:
        return True  # "one-time" (former), "one-man show", "one-shot", "one-hit wonder"
    # a participle-like adjective: "one-sided", "two-faced", "three-legged", "two-pronged"
    return len(word) > 3 and word.endswith("ed") and word not in {"hundred", "seed", "bed",
                                                                   "speed", "need"}


#: words that make a pair of numbers a match result: "won 3-1", "a 2-0 win", "the score at 1-1"
RESULT_WORDS = frozenset(
    "win wins won winning winner victory victories triumph beat beats beaten beating defeat "
    "defeats defeated lose loses lost losing loss draw draws drew drawn lead leads led leading "
    "trail trails trailed trailing thrash thrashed thrashing rout routed drubbing edge edged "
    "result results scoreline score scored comeback hammered crushed stunned battered "
    "overcame overcome reverse".split())


ORDINAL_PLACE = {"place", "position", "spot", "seed", "time", "consecutive", "straight",
                  "largest", "biggest", "highest", "lowest", "best", "worst", "greatest",
                  "fastest", "most", "least", "richest", "busiest", "round", "title", "pole",
                  "row", "term", "successive", "quarter", "half"}



def parse_value(core: str) -> float | None:
    """Return the number a figure's core text means ("£5.14billion" -> 5.14e9), or None if vague.

    >>> parse_value("more than 20 billion euros")
    20000000000.0
    """
    s = core.lower().replace(",", "").replace("per cent", "%").replace("percent", "%")
    for ch, v in _UNICODE_FRACTIONS.items():
        s = re.sub(rf"(\d*){ch}", lambda m, v=v: str((float(m.group(1)) if m.group(1) else 0) + v),
                   s)
    m = re.search(r"\d+(?:\.\d+)?", s)
    if m:
        value = float(m.group(0))
        rest = s[m.end():]
        scale = re.match(r"\s?(hundred|thousand|million|billion|trillion|bn|mn|m|k|tn)\b", rest)
        if scale:
            value *= SCALES[scale.group(1)]
        return value
    return words_value(re.findall(r"[a-z]+", s))


def words_value(words: list[str]) -> float | None:
    """Return the number that number words mean, or None when they hold none.

    Tens and units add ("twenty two", "twenty first" -> 21), "hundred" multiplies what comes
    before it, a larger scale closes a group ("two thousand five hundred" -> 2500), "and" joins
    ("one hundred and twenty" -> 120), "a half" adds 0.5, a plural fraction divides
    ("two thirds"), and "a third" or "a quarter" alone is a fraction where a bare "third" is an
    ordinal.

    >>> words_value(["three", "hundred", "and", "forty", "five"])
    345.0
    """
    total = 0.0
    current: float | None = None
    for i, w in enumerate(words):
        prev = words[i - 1] if i else ""
        if w in WORD_VALUES:
            current = (current or 0.0) + WORD_VALUES[w]
        elif w in {"hundred", "hundredth"} and (current is not None or prev in {"a", "an"}):
            current = (current if current is not None else 1.0) * 100  # "a hundred and fifty"
        elif w in SCALES and w not in {"m", "k", "b", "hundred"} and (
                current is not None or total or prev in {"a", "an"}):
            total += (current if current is not None else 1.0) * SCALES[w]
            current = None
        elif w == "half" and prev == "a":
            current = (current or 0.0) + 0.5
        elif w in _FRACTIONS and current is not None and w != "second" and \
                not (w in ORDINAL_VALUES and current % 10 == 0 and current >= 20):
            current *= _FRACTIONS[w]
        elif w in _FRACTIONS and current is None and not total and (
                w in {"half", "halves"} or prev in {"a", "one"} and w in {"quarter", "third",
                                                                          "tenth", "fifth"}):
            current = _FRACTIONS[w]
        elif w in ORDINAL_VALUES and (current is None and not total or current is not None
                                      and ORDINAL_VALUES[w] < 10 and current % 10 == 0):
            current = (current or 0.0) + ORDINAL_VALUES[w]
        elif w == "dozen":
            current = (current if current is not None else 1.0) * 12
    if current is None and not total:
        return None
    return total + (current or 0.0)


def unit_of(text: str, noun: str | None) -> str | None:
    low = text.lower()
    for sym in ("us$", "a$", "c$", "nz$", "hk$", "r$", "£", "$", "€", "¥", "₹", "₽"):
        if sym in low:
            return CURRENCIES[sym]
    if "%" in low or "per cent" in low or "percent" in low:
        return "%"
    for w in re.findall(r"[a-z]+", low):
        if w in CURRENCIES and w not in {"p"}:
            return CURRENCIES[w]
    if re.search(r"\d+(?:\.\d+)?p\b", low):
        return "pence"
    glued = re.search(r"\d(ft|km|kg|cm|mm|mph|kph|lbs?|ml|mg|kw|mw|gw|oz)\b", low)
    if glued:
        return glued.group(1)
    if re.search(r"year[\s-]old|years old|aged", low):
        return "years"
    if re.fullmatch(r"\d{1,2}\s?[-–]\s?\d{1,2}", low.strip()):
        return "score"
    if re.fullmatch(r"\d{1,2}:\d{2}\.\d+", low.strip()):
        return "s"
    return noun


_IRREGULAR = {"man": "men", "woman": "women", "person": "people", "foot": "feet",
              "child": "children", "tooth": "teeth", "mouse": "mice", "series": "series",
              "sheep": "sheep", "fish": "fish", "deer": "deer", "aircraft": "aircraft"}


def plural(noun: str, count: float | None = None) -> str:
    """Return ``noun`` in the plural ("minute" -> "minutes", "match" -> "matches", "man" ->
    "men"), or as it is when ``count`` is one."""
    low = noun.lower()
    if count == 1 or not low.isalpha():
        return noun
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    if re.search(r"(?:s|x|z|ch|sh)$", low):
        return noun + "es"
    if re.search(r"[^aeiou]y$", low):
        return noun[:-1] + "ies"
    return noun + "s"

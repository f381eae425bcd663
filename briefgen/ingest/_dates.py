"""Reading a calendar date out of the ways sources write one, as ISO ``YYYY-MM-DD``."""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["find_date", "iso_date"]

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_PATTERNS = (
    # 2025-04-04, 2025/04/04, 2025-04-04T10:00Z, PDF's D:20250404120000
    re.compile(r"(?<!\d)(?:D:)?(?P<year>\d{4})(?P<sep>[-/]?)(?P<mon>\d{2})(?P=sep)(?P<day>\d{2})"),
    # 4 April 2025, 4th Apr. 2025
    re.compile(r"(?<!\d)(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b"),
    # April 4, 2025
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b"),
)


def find_date(text: str) -> str | None:
    """Return the first valid calendar date written in ``text`` as ISO ``YYYY-MM-DD``, or None."""
    found: list[tuple[int, str]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text.lower()):
            parts = match.groupdict()
            month = int(parts["mon"]) if parts.get("mon") else _MONTHS[parts["month"]]
            try:
                day = dt.date(int(parts["year"]), month, int(parts["day"]))
            except ValueError:
                continue
            found.append((match.start(), day.isoformat()))
            break
    return min(found)[1] if found else None


def iso_date(value: object) -> str | None:
    """Return ``value`` (a date, datetime or date string) as ISO ``YYYY-MM-DD``, or None."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, str):
        return find_date(value)
    return None

"""Cleaning document metadata: placeholder values that tools write by default mean "unknown"."""

from __future__ import annotations

import re

from ._build import clean_inline

__all__ = ["GENERATOR_DEFAULTS", "real_value"]

# what authoring tools and libraries write when nobody filled the field in
GENERATOR_DEFAULTS = frozenset(
    {
        "",
        "anonymous",
        "untitled",
        "unspecified",
        "unknown",
        "none",
        "author",
        "user",
        "admin",
        "administrator",
        "owner",
        "python-docx",
        "microsoft office user",
        "word document",
        "title",
        "document",
        "presentation",
        "(anonymous)",
        "(untitled)",
    }
)
_FILE_TITLE = re.compile(
    r"^(?:microsoft \w+ - )?.*\.(?:docx?|pdf|rtf|odt|txt|html?|indd|tex)$", re.I
)


def real_value(value: object) -> str | None:
    """Return ``value`` cleaned, or None when it is empty, a tool's default or a file name."""
    if not isinstance(value, str):
        return None
    text = clean_inline(value)
    if text.casefold() in GENERATOR_DEFAULTS or _FILE_TITLE.match(text):
        return None
    return text

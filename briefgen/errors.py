"""The exception tree of briefgen.

    BriefgenError            anything briefgen raises on purpose; the CLI prints it on one line
    ├── InputError           a source cannot be read: missing, empty, binary, too large, unsupported
    ├── AnalysisError        the text could not be analysed (no sentences, model missing)
    ├── LayoutError          a layout file is invalid, unknown, or cannot hold the page
    ├── RenderError          an output could not be written (exists, read-only, disk full)
    └── TimeLimitError       a run went past its wall-time budget (nothing was written)

Every other exception is a bug.
"""

from __future__ import annotations

__all__ = [
    "AnalysisError",
    "BriefgenError",
    "InputError",
    "LayoutError",
    "RenderError",
    "TimeLimitError",
]


class BriefgenError(Exception):
    """Base of every error briefgen raises on purpose."""

    exit_code = 1


class InputError(BriefgenError):
    """A source cannot be read or is not usable (exit code 2)."""

    exit_code = 2


class AnalysisError(BriefgenError):
    """The text could not be analysed."""


class LayoutError(BriefgenError):
    """A layout is unknown or invalid; the message names the file and key (exit code 2)."""

    exit_code = 2


class RenderError(BriefgenError):
    """An output file could not be written."""


class TimeLimitError(BriefgenError):
    """A run went past its wall-time budget (``--time-limit``); nothing was written."""

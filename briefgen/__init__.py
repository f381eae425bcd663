"""briefgen: turn source documents into a one-page briefing in PDF and DOCX."""

from __future__ import annotations

__version__ = "0.1.0"

"""The briefing as an e-mail ready to send (RFC 5322 ``.eml``), with the PDF and DOCX attached.

Subject: the briefing's title. Body: the bottom line and key points, as plain text and as HTML.
Attachments: the formats of ``ATTACHMENTS`` that ``briefgen.renderers.RENDERERS`` holds. The message
carries ``X-Unsent: 1`` so that mail programs open it as a draft to send. Header values come from
untrusted text: whitespace is collapsed, so a newline in a title cannot add a header.
"""

from __future__ import annotations

import logging
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formatdate, getaddresses, make_msgid
from typing import Any

from ..errors import InputError
from ..files import slugify
from ..model import Brief, Plan
from ._content import byline, clean, sections
from .common import generated_on, with_author
from .html import html_page

__all__ = ["ATTACHMENTS", "check_addresses", "render_eml", "text_body"]

log = logging.getLogger("briefgen")

# header lines up to RFC 5322's hard limit: Python folds a long subject at 78 by moving all of it
# to a continuation line, which readers then show with a leading space
_POLICY = SMTP.clone(max_line_length=998)
_MAX_SUBJECT = 250

ATTACHMENTS = {
    "pdf": ("application", "pdf"),
    "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
}


def check_addresses(value: str, *, option: str = "--to") -> str:
    """Return ``value``, one or more comma-separated e-mail addresses, checked.

    Raises ``InputError`` naming ``option`` when an address is malformed or holds a line break.
    """
    if any(c in value for c in "\r\n\0"):
        raise InputError(f"{option}: an address may not contain a line break")
    pairs = getaddresses([value])
    if not pairs or any("@" not in addr or " " in addr for _, addr in pairs):
        raise InputError(f"{option}: not an e-mail address: {value!r}")
    for _, addr in pairs:
        local, _, domain = addr.rpartition("@")
        try:
            Address(addr_spec=addr)
        except (ValueError, IndexError, HeaderParseError) as exc:
            raise InputError(f"{option}: not an e-mail address: {addr!r}") from exc
        if not local or not domain:
            raise InputError(f"{option}: not an e-mail address: {addr!r}")
    return value


def _subject(title: str) -> str:
    subject = clean(title) or "Briefing"
    if len(subject) > _MAX_SUBJECT:
        subject = subject[: _MAX_SUBJECT - 1].rsplit(" ", 1)[0] + "…"
    return subject


def text_body(brief: Brief, *, author: str | None = None) -> str:
    """Return the plain-text body: title, bottom line and key points (by section), signed by
    ``author``, else by the brief's own author."""
    author = brief.author if author is None else author
    lines = [clean(brief.marking)] if brief.marking else []
    lines.append(clean(brief.title))
    if byline(brief):
        lines.append(byline(brief))
    if brief.bottom_line:
        lines += ["", "BOTTOM LINE", " ".join(clean(p.text) for p in brief.bottom_line)]
    if brief.key_points:
        lines += ["", "KEY POINTS"]
        groups = sections(brief.key_points)
        for name, points in groups:
            if name and len(groups) > 1:
                lines += ["", name]
            lines += [f"- {clean(p.text)}" for p in points]
    if author:
        lines += ["", f"Prepared by {clean(author)}"]
    if brief.marking:
        lines += ["", clean(brief.marking)]
    return "\n".join(lines) + "\n"


def render_eml(
    plan: Plan,
    layout: Any = None,
    *,
    to: str | None = None,
    sender: str | None = None,
    author: str | None = None,
    stem: str | None = None,
) -> bytes:
    """Return the e-mail of ``plan`` as RFC 5322 bytes (CRLF line ends).

    ``to`` and ``sender`` fill the To and From headers when given; ``stem`` names the attachments
    (``<stem>.pdf``), the title's slug when None.
    """
    from . import RENDERERS

    plan = with_author(plan, author)  # the attached PDF and DOCX name the author too
    brief = plan.brief
    message = EmailMessage(policy=_POLICY)
    message["Subject"] = _subject(brief.title)
    if sender:
        message["From"] = check_addresses(sender, option="--from")
    if to:
        message["To"] = check_addresses(to, option="--to")
    message["Date"] = formatdate(generated_on().timestamp(), usegmt=True)
    message["Message-ID"] = make_msgid(domain="briefgen.invalid")
    message["X-Unsent"] = "1"
    message.set_content(text_body(brief))
    message.add_alternative(html_page(brief, full=False), subtype="html")
    name = stem or slugify(brief.title) or "briefing"
    attached = []
    for fmt, (maintype, subtype) in ATTACHMENTS.items():
        renderer = RENDERERS.get(fmt)
        if renderer is None:
            continue
        data = renderer(plan, layout)
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=f"{name}.{fmt}")
        attached.append(fmt)
    if len(attached) < len(ATTACHMENTS):
        missing = ", ".join(f for f in ATTACHMENTS if f not in attached)
        log.warning("e-mail made without its %s attachment (no such renderer installed)", missing)
    return message.as_bytes()

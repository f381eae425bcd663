"""E-mail: subject, plain and HTML bodies, the PDF and DOCX attached, no header injection."""

from __future__ import annotations

import email
import importlib
from email import policy

import pytest

from briefgen.errors import InputError
from briefgen.renderers.eml import check_addresses, render_eml

from .briefs import brief, plan

render_pkg = importlib.import_module("briefgen.renderers")


@pytest.fixture
def fake_office(monkeypatch):
    """Register fake pdf and docx renderers that say which plan they drew."""
    seen = []

    def fake(fmt):
        def render(the_plan, layout):
            seen.append((fmt, the_plan.brief.title, layout))
            return f"%{fmt} of {the_plan.brief.title}".encode()

        return render

    monkeypatch.setitem(render_pkg.RENDERERS, "pdf", fake("pdf"))
    monkeypatch.setitem(render_pkg.RENDERERS, "docx", fake("docx"))
    return seen


def read(data: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(data, policy=policy.default)


def test_message_has_subject_bodies_and_both_attachments(fake_office):
    data = render_eml(
        plan(), "LAYOUT", to="desk@example.org", sender="A <a@example.org>", stem="2025-04-04-nato"
    )
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    msg = read(data)
    assert msg["Subject"] == "NATO foreign ministers prepare the Hague Summit"
    assert msg["To"] == "desk@example.org" and msg["From"] == "A <a@example.org>"
    assert msg["X-Unsent"] == "1" and msg["Date"] and msg["Message-ID"]
    text = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    for body in (text, html):
        assert "Bottom line" in body or "BOTTOM LINE" in body
        assert "20 billion euros to Ukraine" in body and "Kaja Kallas" in body
        assert "This poses risks" not in body  # the body is bottom line and key points only
    files = {part.get_filename(): part for part in msg.iter_attachments()}
    assert sorted(files) == ["2025-04-04-nato.docx", "2025-04-04-nato.pdf"]
    assert files["2025-04-04-nato.pdf"].get_content_type() == "application/pdf"
    assert files["2025-04-04-nato.pdf"].get_content() == b"%pdf of " + plan().brief.title.encode()
    assert [s[0] for s in fake_office] == ["pdf", "docx"] and fake_office[0][2] == "LAYOUT"


def test_without_office_renderers_the_message_has_no_attachment(monkeypatch, caplog):
    monkeypatch.delitem(render_pkg.RENDERERS, "pdf", raising=False)
    monkeypatch.delitem(render_pkg.RENDERERS, "docx", raising=False)
    msg = read(render_eml(plan()))
    assert list(msg.iter_attachments()) == []
    assert "without its pdf, docx attachment" in caplog.text
    assert "To" not in msg and "From" not in msg


@pytest.mark.parametrize(
    "title",
    [
        "Evil\r\nBcc: victim@example.org",
        "Evil\nBcc: victim@example.org",
        "Ünïcødé — “quoted” €20bn" + " very long" * 20,
    ],
)
def test_title_cannot_inject_headers(fake_office, title):
    data = render_eml(plan(brief(title=title)))
    msg = read(data)
    assert "Bcc" not in msg
    assert msg["Subject"] == " ".join(title.split())
    assert max(len(line) for line in data.split(b"\r\n")) <= 998


@pytest.mark.parametrize("words", [12, 40, 400])
def test_long_subject_reads_back_without_a_leading_space(fake_office, words):
    title = " ".join(f"word{i}" for i in range(words))
    subject = read(render_eml(plan(brief(title=title))))["Subject"]
    assert subject == title or (len(subject) <= 250 and subject.endswith("…"))
    assert title.startswith(subject.rstrip("…")) and not subject.startswith(" ")


@pytest.mark.parametrize(
    "value",
    [
        "a@example.org\r\nBcc: b@example.org",
        "a@example.org\nBcc: b@example.org",
        "nobody",
        "a b@example.org",
        "@example.org",
        "",
    ],
)
def test_bad_addresses_are_refused(value):
    with pytest.raises(InputError, match="--to"):
        check_addresses(value)


@pytest.mark.parametrize(
    "value", ["a@example.org", "A. Analyst <a@example.org>", "a@example.org, b@example.org"]
)
def test_good_addresses_pass(value):
    assert check_addresses(value) == value

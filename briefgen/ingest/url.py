"""Fetching a source over http(s): with a timeout, a size limit, and no other URL schemes.

The fetched bytes are read by the reader their content type (or content) names, usually HTML.
"""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urljoin, urlsplit

from ..errors import InputError
from ._build import human_size

__all__ = ["DEFAULT_TIMEOUT", "Fetched", "fetch", "has_scheme", "is_url"]

DEFAULT_TIMEOUT = 20.0
#: A download may take this many times the timeout in all.
TOTAL_TIME_FACTOR = 3
USER_AGENT = "briefgen/0.1 (+https://pypi.org/project/briefgen/)"
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_MEDIA_FORMATS = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "text/plain": "txt",
    "text/markdown": "md",
    "text/x-markdown": "md",
}


@dataclass(frozen=True)
class Fetched:
    """A fetched resource: its bytes, final URL, declared format (or None) and charset (or None)."""

    data: bytes
    url: str
    format: str | None
    charset: str | None


def has_scheme(source: str) -> bool:
    """Return True when ``source`` starts like a URL (``scheme://``)."""
    return bool(_SCHEME.match(source))


def is_url(source: str) -> bool:
    """Return True when ``source`` is an http or https URL."""
    return urlsplit(source).scheme.lower() in ("http", "https") and has_scheme(source)


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) only, saying so plainly when one points elsewhere."""

    def http_error_302(self, req, fp, code, msg, headers):  # type: ignore[no-untyped-def]
        location = headers.get("Location") or headers.get("URI")
        if location and not is_url(urljoin(req.full_url, location)):
            fp.close()
            raise InputError(f"{req.full_url}: redirected to {location}, which is not http(s)")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def fetch(url: str, *, max_bytes: int, timeout: float = DEFAULT_TIMEOUT) -> Fetched:
    """Return the resource at the http(s) ``url``, at most ``max_bytes`` long.

    Each wait is bounded by ``timeout`` and the whole download by ``TOTAL_TIME_FACTOR`` times it.
    Raises ``InputError`` naming the URL for another scheme, an HTTP error, a timeout, an
    unreachable host, an empty body or a body over ``max_bytes``.
    """
    if not is_url(url):
        scheme = urlsplit(url).scheme or "no scheme"
        raise InputError(f"{url}: unsupported URL scheme {scheme!r} (only http and https)")
    # the timeout bounds each wait; the deadline bounds the whole body (a server trickling one
    # byte at a time never trips the timeout)
    deadline = time.monotonic() + TOTAL_TIME_FACTOR * timeout
    opener = urllib.request.build_opener(_HttpOnlyRedirects)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with opener.open(request, timeout=timeout) as response:
            headers: Message = response.headers
            length = headers.get("Content-Length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise InputError(
                    f"{url}: {human_size(int(length))}, over the {human_size(max_bytes)} limit"
                )
            data = _read_capped(response, max_bytes, url, deadline, timeout)
            final = response.geturl()
    except urllib.error.HTTPError as exc:
        exc.close()
        reason = " ".join(str(exc.reason).split())  # urllib's redirect-loop reason spans lines
        raise InputError(f"{url}: HTTP error {exc.code} {reason}") from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise InputError(f"{url}: no answer within {timeout:g} s") from exc
        raise InputError(f"{url}: cannot fetch ({exc.reason})") from exc
    except TimeoutError as exc:
        raise InputError(f"{url}: no answer within {timeout:g} s") from exc
    except (OSError, ValueError) as exc:
        raise InputError(f"{url}: cannot fetch ({exc})") from exc
    if not data.strip():
        raise InputError(f"{url}: the server sent an empty page")
    media = headers.get_content_type().lower() if headers.get("Content-Type") else ""
    return Fetched(data, final, _MEDIA_FORMATS.get(media), headers.get_content_charset())


def _read_capped(
    response: object, max_bytes: int, url: str, deadline: float, timeout: float
) -> bytes:
    chunks: list[bytes] = []
    total = 0
    # read1 returns what one receive brings, so the deadline is checked while a trickle lasts
    read = getattr(response, "read1", None) or response.read  # type: ignore[attr-defined]
    while True:
        if time.monotonic() > deadline:
            raise InputError(
                f"{url}: took longer than {TOTAL_TIME_FACTOR * timeout:g} s to download"
            )
        chunk = read(min(65536, max_bytes + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > max_bytes:
            raise InputError(f"{url}: more than {human_size(max_bytes)}, over the limit")

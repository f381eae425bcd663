"""Hostile web servers: a trickle that never ends, a lying Content-Length, endless redirects, a
redirect to another scheme. Each ends in a one-line InputError within the fetch's time budget.

The server is a local ``http.server`` on 127.0.0.1 in a thread, never the network.
"""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator

import pytest

from briefgen.errors import InputError
from briefgen.ingest.url import fetch

PAGE = b"<html><body><p>" + b"Ministers met in Brussels on Friday. " * 20 + b"</p></body></html>"


class Hostile(http.server.BaseHTTPRequestHandler):
    """Serve the hostile behaviours by path."""

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        if self.path == "/trickle":  # one byte every 0.1 s: each read is quick, the whole is not
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(600):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass
        elif self.path == "/flood":  # no length announced, far more than allowed
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                self.wfile.write(PAGE * 2000)
            except OSError:
                pass
        elif self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", f"/loop{len(self.path)}")
            self.end_headers()
        elif self.path == "/to-ftp":
            self.send_response(301)
            self.send_header("Location", "ftp://example.org/x")
            self.end_headers()
        elif self.path == "/to-data":
            self.send_response(307)
            self.send_header("Location", "data:text/html,<p>hi</p>")
            self.end_headers()
        elif self.path == "/hang":  # headers never come
            time.sleep(5)
        else:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """Return the base URL of the hostile server, running for this module."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_page_is_fetched(server):
    assert fetch(f"{server}/page", max_bytes=100_000, timeout=2).data == PAGE


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/trickle", "no answer within|took longer than"),
        ("/hang", "no answer within"),
        ("/flood", "over the limit"),
        ("/loop", "redirect"),
        ("/to-ftp", "not http"),
        ("/to-data", "not http"),
    ],
)
def test_hostile_server_gives_one_line_input_error(path, message, server):
    with pytest.raises(InputError, match=message) as info:
        fetch(f"{server}{path}", max_bytes=5_000, timeout=1.0)
    assert "\n" not in str(info.value)

"""Fixtures for the ingest tests: a local HTTP server on 127.0.0.1."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {}

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        status, headers, body = self.routes.get(self.path, (404, {}, b"not found"))
        if status == 0:  # a server that never answers: hold the connection
            threading.Event().wait(5)
            return
        self.send_response(status)
        for key, value in headers.items():
            if value:  # an empty value leaves the header out
                self.send_header(key, value)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def http_site() -> Iterator[tuple[str, dict[str, tuple[int, dict[str, str], bytes]]]]:
    """A local HTTP server on 127.0.0.1: (base URL, routes {path: (status, headers, body)})."""
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
    handler = type("Handler", (_Handler,), {"routes": routes})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", routes
    finally:
        server.shutdown()
        server.server_close()

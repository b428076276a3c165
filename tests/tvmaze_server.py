"""A local stand-in for TVmaze: an HTTP server on 127.0.0.1 that replays the answers in
tests/data/tvmaze/, for the tests of lookup, add and refresh.

`tvmaze` (a pytest fixture) starts one per test in a thread, points
WATCHTUI_TVMAZE_URL at it (so the commands a test runs, in process or not, ask
it) and gives the test its `TVmaze` to script: which answer each request gets,
a 429 before it, a slow answer, a redirect; and which requests came in.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote_plus

import pytest

FIXTURES = Path(__file__).parent / "data" / "tvmaze"
CACHE_CONTROL = "public, max-age=3600"

__all__ = ["FIXTURES", "Reply", "TVmaze", "fixture", "refused_url", "tvmaze"]


def fixture(name: str) -> Any:
    """A fixture's JSON, to change before serving it."""
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


class TVmaze:
    """The server's script: each request (path and query, decoded) to its replies in turn;
    the last reply repeats."""

    def __init__(self) -> None:
        self.routes: dict[str, list[Reply]] = {}
        self.requests: list[str] = []
        self.url = ""

    def reply(
        self,
        request: str,
        data: Any = None,
        *,
        status: int = 200,
        file: str | None = None,
        headers: dict[str, str] | None = None,
        delay: float = 0.0,
        then: bool = False,
    ) -> None:
        """Answer `request` (`/shows/1?embed[]=seasons`) with JSON data, a fixture file, or
        an empty body; `then` queues this reply after the ones already set."""
        if file is not None:
            body = (FIXTURES / file).read_bytes()
        elif data is not None:
            body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        else:
            body = b""
        sent = {"Cache-Control": CACHE_CONTROL, "Content-Type": "application/json; charset=UTF-8"}
        sent.update(headers or {})
        answer = Reply(status, body, sent, delay)
        if then:
            self.routes.setdefault(request, []).append(answer)
        else:
            self.routes[request] = [answer]

    def redirect(self, request: str, to: str, status: int = 301) -> None:
        self.reply(request, status=status, headers={"Location": to})

    def show(self, tvmaze_id: int, data: Any = None, **kw: Any) -> None:
        """Answer the request for a show with its embeds (the fixture file by default)."""
        request = f"/shows/{tvmaze_id}?embed[]=seasons&embed[]=cast&embed[]=episodes"
        if data is None:
            kw.setdefault("file", f"show_{tvmaze_id}_embedded.json")
        self.reply(request, data, **kw)

    def count(self, prefix: str) -> int:
        return sum(1 for request in self.requests if request.startswith(prefix))

    def next_reply(self, request: str) -> Reply:
        replies = self.routes.get(request)
        if not replies:
            return Reply(404, b"", {"Cache-Control": CACHE_CONTROL})
        return replies.pop(0) if len(replies) > 1 else replies[0]


def _handler(script: TVmaze) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            request = unquote_plus(self.path)
            script.requests.append(request)
            reply = script.next_reply(request)
            if reply.delay:
                time.sleep(reply.delay)
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            with contextlib.suppress(OSError):  # the client gave up waiting (a timeout test)
                self.wfile.write(reply.body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that hung up is what the timeout tests do


@pytest.fixture
def tvmaze(monkeypatch: pytest.MonkeyPatch) -> Iterator[TVmaze]:
    script = TVmaze()
    server = _Server(("127.0.0.1", 0), _handler(script))
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    script.url = f"http://127.0.0.1:{server.server_address[1]}"
    monkeypatch.setenv("WATCHTUI_TVMAZE_URL", script.url)
    monkeypatch.setenv("WATCHTUI_TVMAZE_TIMEOUT", "2")
    # The user's time zone, for airstamps: UTC, here and in the commands a test starts.
    zone = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    try:
        yield script
    finally:
        server.shutdown()
        server.server_close()
        if zone is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = zone
        time.tzset()


def refused_url() -> str:
    """An address on 127.0.0.1 where nothing listens: a connection there is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"

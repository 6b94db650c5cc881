"""Plain HTTP and websocket requests to a running server, as a probe (or an attacker) sends
them: no browser, no redirects followed, cookies only where the test gives them."""

from __future__ import annotations

import http.client
import re
from dataclasses import dataclass
from http.cookies import Morsel, SimpleCookie
from urllib.parse import urlparse

from netedu.server.identity import LEARNER_COOKIE, new_learner_token
from netedu.settings import PLAYER_NOTEBOOK
from tests.support.aio import run
from tests.support.server import Server

__all__ = ["PLAYER", "Reply", "kernel_of", "learner_cookie", "request", "websocket_status"]

PLAYER = f"voila/render/{PLAYER_NOTEBOOK}"


@dataclass
class Reply:
    status: int
    headers: http.client.HTTPMessage
    body: str

    @property
    def cookies(self) -> dict[str, Morsel]:
        """The cookies the response sets, by name."""
        found: dict[str, Morsel] = {}
        for header in self.headers.get_all("Set-Cookie") or []:
            found.update(SimpleCookie(header))
        return found

    def set_cookie_header(self, name: str) -> str:
        """The raw ``Set-Cookie`` header for ``name`` (its attributes as the browser gets them)."""
        return next(h for h in self.headers.get_all("Set-Cookie") or [] if h.startswith(f"{name}="))


def learner_cookie(token: str | None = None) -> str:
    return f"{LEARNER_COOKIE}={token or new_learner_token()}"


def request(
    server: Server,
    path: str,
    *,
    method: str = "GET",
    cookie: str = "",
    headers: dict[str, str] | None = None,
    body: str | bytes | None = None,
    timeout: float = 120,
) -> Reply:
    """One request, sent as written: ``path`` is not normalized or re-encoded."""
    url = urlparse(server.url)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=timeout)
    try:
        sent = dict(headers or {})
        if cookie:
            sent["Cookie"] = cookie
        connection.request(method, "/" + path.lstrip("/"), body=body, headers=sent)
        response = connection.getresponse()
        return Reply(response.status, response.headers, response.read().decode("utf-8", "replace"))
    finally:
        connection.close()


def kernel_of(page: Reply) -> str:
    """The id of the kernel a Voila page was given."""
    found = re.search(r'"kernelId":\s*"([0-9a-f-]{36})"', page.body)
    if not found:
        raise AssertionError(f"no kernel in the page (status {page.status}): {page.body[:300]}")
    return found.group(1)


def websocket_status(server: Server, kernel_id: str, *, cookie: str = "", headers: dict[str, str] | None = None, path: str = "") -> int:
    """The HTTP status of opening a kernel's websocket (101: it opened; the socket is then closed
    at once). ``path`` replaces the kernel channels route (e.g. ``voila/query/<id>``)."""
    from tornado.httpclient import HTTPClientError, HTTPRequest
    from tornado.websocket import websocket_connect

    target = path or f"api/kernels/{kernel_id}/channels?session_id=probe"
    sent = dict(headers or {})
    if cookie:
        sent["Cookie"] = cookie

    async def attempt() -> int:
        try:
            ws = await websocket_connect(HTTPRequest(server.url.replace("http", "ws", 1) + target, headers=sent, connect_timeout=30))
        except HTTPClientError as err:
            return err.code
        ws.close()
        return 101

    return run(attempt())

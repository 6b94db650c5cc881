"""The educator key (issue 12, finding 5): the probe sent 300 wrong keys in 0.7 s with no
throttle, each one written to the server log; the educator cookie held the key itself; ``_xsrf``
had no SameSite, no cookie was ever ``Secure``."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
import tornado.web

from netedu.server.handlers import secured
from netedu.server.identity import EDUCATOR_COOKIE
from tests.browser.conftest import serve_test_course
from tests.support.aio import run
from tests.support.probe import PLAYER, learner_cookie, request
from tests.support.server import Server, free_port

KEY = "educator-key-for-the-security-tests"
WRONG = "not-the-key-" + "x" * 12


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with serve_test_course(tmp_path_factory.mktemp("educator"), env={"NETEDU_EDUCATOR_KEY": KEY}) as server:
        yield server


def test_the_educator_cookie_holds_a_session_token_never_the_key(served) -> None:
    opened = request(served, "educator", method="POST", body=f"key={KEY}", headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert opened.status == 302
    session = opened.cookies[EDUCATOR_COOKIE].value
    assert KEY not in session and len(session) > 40
    header = opened.set_cookie_header(EDUCATOR_COOKIE)
    assert "HttpOnly" in header and "SameSite=Lax" in header and "Secure" not in header  # plain HTTP here
    topics = request(served, "topics", cookie=f"{EDUCATOR_COOKIE}={session}")
    assert "Educator view is on" in topics.body
    assert "Educator view is on" not in request(served, "topics", cookie=f"{EDUCATOR_COOKIE}={KEY}").body  # the key is no cookie


def test_the_key_never_appears_in_a_page_a_log_line_or_a_referer(served) -> None:
    via_link = request(served, f"educator?key={KEY}")
    assert via_link.status == 302 and via_link.headers["Referrer-Policy"] == "no-referrer"
    session = via_link.cookies[EDUCATOR_COOKIE].value
    educator = f"{EDUCATOR_COOKIE}={session}; {learner_cookie()}"
    for path in ("topics", PLAYER, "voila/render/01_alpha.ipynb"):
        page = request(served, path, cookie=educator)
        assert page.status == 200 and KEY not in page.body, path
        assert page.headers["Referrer-Policy"] == "no-referrer"
    request(served, f"educator?key={WRONG}")
    log = served.log_path.read_text()
    assert KEY not in log and WRONG not in log
    assert "a wrong educator key from 127.0.0.1" in log


def test_wrong_keys_are_rate_limited_per_client(tmp_path) -> None:
    with serve_test_course(tmp_path, env={"NETEDU_EDUCATOR_KEY": KEY}) as server:
        statuses = [request(server, f"educator?key={WRONG}{n}").status for n in range(8)]
        assert statuses[:5] == [403] * 5 and set(statuses[5:]) == {429}
        paused = request(server, f"educator?key={KEY}")  # even the right key waits now
        assert paused.status == 429 and int(paused.headers["Retry-After"]) > 0
        assert "Too many wrong keys from this computer" in paused.body
        assert EDUCATOR_COOKIE not in paused.cookies
        assert "educator key attempts from 127.0.0.1 are paused" in server.log_path.read_text()


def test_the_xsrf_and_learner_cookies_are_samesite(served) -> None:
    page = request(served, PLAYER)
    for name in ("_xsrf", "netedu_learner"):
        assert "SameSite=Lax" in page.set_cookie_header(name), name


def test_cookies_are_secure_when_the_page_is_served_over_https() -> None:
    """Behind TLS (a reverse proxy that says so, as JupyterHub's does) every cookie netedu sets
    is ``Secure``; over plain HTTP it cannot be, or the browser would drop it."""
    from tornado.httpclient import AsyncHTTPClient
    from tornado.httpserver import HTTPServer

    @secured
    class SetsACookie(tornado.web.RequestHandler):
        def get(self) -> None:
            self.set_cookie("netedu_learner", "x" * 32, httponly=True)
            self.finish("ok")

    async def cookies(proto: str) -> str:
        port = free_port()
        server = HTTPServer(tornado.web.Application([("/", SetsACookie)]), xheaders=True)
        server.listen(port, "127.0.0.1")
        try:
            reply = await AsyncHTTPClient(force_instance=True).fetch(f"http://127.0.0.1:{port}/", headers={"X-Forwarded-Proto": proto})
            return reply.headers["Set-Cookie"]
        finally:
            server.stop()
            await asyncio.sleep(0)

    assert "Secure" in run(cookies("https")) and "SameSite=Lax" in run(cookies("https"))
    assert "Secure" not in run(cookies("http"))

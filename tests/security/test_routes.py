"""What the server serves, and with which headers (issue 12, findings 5 and 6; point 6's REST
and traversal probes).

The probe found ``/voila/api/contents`` listing the notebooks folder, and Voila's routes (the
player, topic pages, slides, ``/``, static files, 404) without netedu's headers; the player's
and topic pages' CSP had no ``script-src``. No route may hand out a file outside its allowlist:
``data/questions/*.yaml`` holds the answer keys."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import serve_test_course
from tests.browser.test_player import open_player
from tests.support.probe import PLAYER, learner_cookie, request
from tests.support.server import Server

#: Text that appears in the test course's question file (an answer key's explanation).
KEY_TEXT = "WRONG-ONE-EXPLANATION"
NOT_SERVED = [
    "api/kernels",
    "api/sessions",
    "api/contents",
    "api/contents/data",
    "voila/api/contents",
    "voila/api/contents/01_alpha.ipynb",
    "api/kernelspecs",
    "api/terminals",
    "api/config/notebook",
    "lab",
    "tree",
    "voila/tree",
    "voila/tree/",
    "notebooks/01_alpha.ipynb",
    "files/data/questions/alpha.yaml",
]
FILE_ROUTES = [
    "voila/files/",
    "voila/static/",
    "voila/templates/netedu/static/",
    "voila/labextensions/",
    "voila/api/themes/",
    "netedu/static/",
    "voila/render/",
    "slides/",
]
TARGET = "data/questions/alpha.yaml"
ESCAPES = [
    "../" + TARGET,
    "../../" + TARGET,
    "../../../../../../etc/passwd",
    "%2e%2e/" + TARGET,
    "%2e%2e%2f" + TARGET.replace("/", "%2f"),
    "..%2f..%2f" + TARGET,
    "%252e%252e%252f" + TARGET,
    "..%5c..%5c" + TARGET,
    "....//....//" + TARGET,
    "%c0%ae%c0%ae/" + TARGET,
    "/" + "../" * 8 + "etc/passwd",
    TARGET,
]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with serve_test_course(tmp_path_factory.mktemp("routes")) as server:
        yield server


@pytest.mark.parametrize("path", NOT_SERVED)
def test_no_jupyter_api_listing_or_editor_is_served(served, path: str) -> None:
    reply = request(served, path, cookie=learner_cookie())
    assert reply.status in (403, 404, 405), (path, reply.status)
    assert KEY_TEXT not in reply.body and "01_alpha.ipynb" not in reply.body


@pytest.mark.parametrize("route", FILE_ROUTES)
def test_no_file_route_hands_out_a_file_outside_its_allowlist(served, route: str) -> None:
    for escape in ESCAPES:
        reply = request(served, route + escape, cookie=learner_cookie())
        assert reply.status != 200 or (KEY_TEXT not in reply.body and "root:x:0:0" not in reply.body), (route + escape, reply.status)
        assert KEY_TEXT not in reply.body and "root:x:0:0" not in reply.body, route + escape


ROUTES_WITH_HEADERS = [
    "",
    "topics",
    "educator",
    PLAYER,
    "voila/render/01_alpha.ipynb",
    "slides/01_alpha.ipynb",
    "netedu/static/landing.css",
    "voila/static/voila.js",
    "no/such/page",
    "voila/render/no-such.ipynb",
]


@pytest.mark.parametrize("path", ROUTES_WITH_HEADERS)
def test_every_route_carries_netedus_headers_and_a_csp_with_script_src(served, path: str) -> None:
    reply = request(served, path, cookie=learner_cookie())
    csp = reply.headers.get("Content-Security-Policy", "")
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp.split("script-src", 1)[1].split(";")[0], (path, csp)
    assert "object-src 'none'" in csp and "frame-ancestors 'self'" in csp
    assert reply.headers.get("X-Content-Type-Options") == "nosniff", path
    assert reply.headers.get("Referrer-Policy") == "no-referrer", path


def test_the_pages_run_under_their_csp_without_a_violation(browser: Browser, served) -> None:
    """The player, a topic page and the slides work with the CSP enforced, without a single
    violation, and a script slipped into the page does not run."""
    context = browser.new_context()
    context.add_init_script(
        "window.__violations = [];"
        "document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    page = context.new_page()
    open_player(page, served, "?topic=alpha")
    expect(page.locator(".netedu-inline-question").first).to_be_visible()
    assert page.evaluate("window.__violations") == []
    page.evaluate(
        "() => { const d = document.createElement('div');"
        " d.innerHTML = '<img src=x onerror=\"window.__ran = true\">'; document.body.appendChild(d); }"
    )
    page.wait_for_timeout(300)
    assert page.evaluate("window.__ran === undefined")
    assert any("script-src" in v for v in page.evaluate("window.__violations"))

    for path, ready in (("voila/render/01_alpha.ipynb", ".netedu-inline-question"), ("slides/01_alpha.ipynb", ".reveal .slides section")):
        page.goto(served.url + path)
        expect(page.locator(ready).first).to_be_visible(timeout=90_000)
        page.wait_for_timeout(500)
        assert page.evaluate("window.__violations") == [], path
    context.close()

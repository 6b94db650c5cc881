"""A kernel's id is not a credential; one browser does not take the room (issue 12, findings 2
and 4).

The probe found that with a kernel's id and no cookie at all a client could open its
websocket, drive its widgets, read the educator's room tally, and DELETE it; that
``/voila/query/<pooled kernel id>`` had no authentication, so a client connecting first
received the next learner's whole Cookie header; that one cookie opened 50 player pages and got
50 kernels while others waited; and that kernels whose page never connected lived for hours."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import run_axe, serve_test_course
from tests.support.probe import PLAYER, kernel_of, learner_cookie, request, websocket_status
from tests.support.server import Server


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with serve_test_course(tmp_path_factory.mktemp("kernels"), None, "--pool-size", "1") as server:
        yield server


@pytest.fixture
def learners_kernel(served) -> tuple[str, str]:
    """A learner's cookie and the kernel their player page was given."""
    cookie = learner_cookie()
    return cookie, kernel_of(request(served, PLAYER, cookie=cookie))


def _alive(server: Server, kernel_id: str, cookie: str) -> bool:
    return request(server, f"api/kernels/{kernel_id}", cookie=cookie).status == 200


def test_a_kernels_websocket_opens_for_its_learner_only(served, learners_kernel) -> None:
    cookie, kernel_id = learners_kernel
    assert websocket_status(served, kernel_id) == 403  # no cookie at all
    assert websocket_status(served, kernel_id, cookie=learner_cookie()) == 403  # another learner
    assert websocket_status(served, kernel_id, cookie=cookie) == 101


def test_a_kernels_rest_endpoints_and_deletion_are_its_learners_only(served, learners_kernel) -> None:
    cookie, kernel_id = learners_kernel
    stranger = learner_cookie()
    xsrf = request(served, PLAYER, cookie=stranger).cookies["_xsrf"].value  # a page of the stranger's own
    for who in ("", stranger):
        assert request(served, f"api/kernels/{kernel_id}", cookie=who).status == 403
        assert request(served, f"api/kernels/{kernel_id}", method="DELETE", cookie=who).status == 403
        shutdown = request(
            served,
            f"voila/api/shutdown/{kernel_id}",
            method="POST",
            body="",
            cookie=f"{who}; _xsrf={xsrf}",
            headers={"X-XSRFToken": xsrf},
        )
        assert shutdown.status == 403
    assert _alive(served, kernel_id, cookie)


def test_only_the_kernel_itself_can_read_its_learners_request(served, learners_kernel) -> None:
    """``/voila/query/<id>`` hands out the request information (the learner's id, the page's
    query): only a client holding the kernel's secret may connect."""
    _, kernel_id = learners_kernel
    for cookie in ("", learner_cookie()):
        assert websocket_status(served, kernel_id, cookie=cookie, path=f"voila/query/{kernel_id}") == 403
    guessed = {"X-Netedu-Kernel-Secret": "not-the-secret"}
    assert websocket_status(served, kernel_id, headers=guessed, path=f"voila/query/{kernel_id}") == 403
    assert websocket_status(served, str(uuid.uuid4()), headers=guessed, path=f"voila/query/{uuid.uuid4()}") == 403


def test_one_browser_holds_a_few_kernels_and_the_newest_page_wins(served) -> None:
    """The same learner opening the player in tab after tab: their oldest kernels are shut
    down, so they hold at most three (each new page works)."""
    cookie = learner_cookie()
    kernels = [kernel_of(request(served, PLAYER, cookie=cookie)) for _ in range(5)]
    assert len(set(kernels)) == 5
    time.sleep(1)
    alive = [k for k in kernels if _alive(served, k, cookie)]
    assert alive == kernels[-3:]
    assert websocket_status(served, kernels[-1], cookie=cookie) == 101


def test_beyond_the_servers_limit_a_new_learner_is_told_the_room_is_full(browser: Browser, tmp_path: Path) -> None:
    with serve_test_course(tmp_path, None, "--max-kernels", "2", "--pool-size", "0", ready_path="topics") as app:
        first, second = learner_cookie(), learner_cookie()
        assert request(app, PLAYER, cookie=first).status == 200
        assert request(app, PLAYER, cookie=second).status == 200
        assert request(app, PLAYER, cookie=first).status == 200  # a learner already in is never turned away

        page = browser.new_context().new_page()
        response = page.goto(app.url)
        assert response is not None and response.status == 503
        expect(page.get_by_role("heading", level=1)).to_have_text("The room is full")
        expect(page.get_by_text("Educational, not medical advice.")).to_be_visible()
        expect(page.get_by_role("link", name="Try again")).to_be_visible()
        assert run_axe(page) == []
        assert "the room is full" in app.log_path.read_text()
        page.context.close()


def test_the_room_full_page_escapes_the_address_it_links_back_to(tmp_path: Path) -> None:
    """The Try again link repeats the request's own address, escaped."""
    with serve_test_course(tmp_path, None, "--max-kernels", "1", "--pool-size", "0", ready_path="topics") as app:
        assert request(app, PLAYER, cookie=learner_cookie()).status == 200
        full = request(app, PLAYER + '?topic="><script>alert(1)</script>', cookie=learner_cookie())
        assert full.status == 503 and "<script>alert(1)" not in full.body
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in full.body

"""Learners never collapse into one identity (issue 12, finding 1).

The probe found that a learner cookie too short, too long or with odd characters was kept and
its kernel served the shared learner ``anonymous``; that a valid cookie beside any cookie
Python's cookie parser rejects became ``anonymous`` too; and that a fresh browser with the
cookie ``zzz`` saw another person's progress. Now the server validates the cookie (replacing a
bad one), tells the kernel only the learner id it made, and a served kernel has no fallback."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from netedu.server.identity import LEARNER_COOKIE, LEARNER_HEADER, learner_id, new_learner_token, valid_learner_token
from netedu.store.sql import SqlStore
from tests.browser.conftest import serve_test_course
from tests.browser.test_player import open_player
from tests.support.aio import run
from tests.support.probe import PLAYER, kernel_of, request
from tests.support.server import Server
from tests.support.voila_client import Kernel, answer_first_question

MALFORMED = ["zzz", "A" * 15, "A" * 65, "abc%20def" * 3, "Zm9v.YmFy.YmF6cXV4cXV1eA", "<script>x</script>"]
UNPARSEABLE_NEIGHBOURS = ["x=a b", 'j={"a": 1, "b": [2]}', "c=café", "d=\\x00\\x01", "e"]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, str]]:
    folder = tmp_path_factory.mktemp("identity")
    url = f"sqlite:///{folder / 'answers.sqlite'}"
    with serve_test_course(folder, env={"NETEDU_DATABASE_URL": url}) as server:
        yield server, url


@pytest.mark.parametrize("value", MALFORMED)
def test_a_malformed_learner_cookie_is_replaced_by_a_valid_one(served, value: str) -> None:
    server, _ = served
    page = request(server, PLAYER, cookie=f"{LEARNER_COOKIE}={value}")
    assert page.status == 200
    issued = page.cookies[LEARNER_COOKIE].value
    assert issued != value and valid_learner_token(issued)
    assert "HttpOnly" in page.set_cookie_header(LEARNER_COOKIE) and "SameSite=Lax" in page.set_cookie_header(LEARNER_COOKIE)


def test_a_valid_cookie_is_kept_beside_cookies_pythons_parser_rejects(served) -> None:
    server, _ = served
    token = new_learner_token()
    cookie = "; ".join([*UNPARSEABLE_NEIGHBOURS, f"{LEARNER_COOKIE}={token}"])
    page = request(server, PLAYER, cookie=cookie)
    assert page.status == 200 and LEARNER_COOKIE not in page.cookies  # kept, not replaced


def _answer_as(server: Server, cookie: str, forged: str | None = None) -> None:
    """Open the player's alpha topic with ``cookie`` (and a forged learner header), answer."""
    headers = {LEARNER_HEADER: forged} if forged else {}
    page = request(server, PLAYER + "?topic=alpha", cookie=cookie, headers=headers)
    kernel_id = kernel_of(page)

    async def answer() -> None:
        kernel = await Kernel.connect(server.url, kernel_id, cookie)
        try:
            await kernel.load_widgets()
            for _ in range(100):  # the topic's questions are built just after the page
                if kernel.find(kind="choice"):
                    break
                await asyncio.sleep(0.1)
                await kernel.load_widgets()
            await answer_first_question(kernel)
        finally:
            await kernel.close()

    run(answer())


def test_the_kernel_learns_its_learner_from_the_server_never_from_the_browser(served) -> None:
    """The answer is the cookie's learner's, whatever the browser claims in the header the
    server sets for the kernel, and whatever other cookies it sends."""
    server, url = served
    token, someone_else = new_learner_token(), learner_id(new_learner_token())
    _answer_as(server, "; ".join([*UNPARSEABLE_NEIGHBOURS, f"{LEARNER_COOKIE}={token}"]), forged=someone_else)
    store = SqlStore(url)
    try:
        learners = {event.learner for event in store.room_answers("alpha-single", "")}
    finally:
        store.close()
    assert learner_id(token) in learners
    assert someone_else not in learners and "anonymous" not in learners


def test_two_browsers_with_the_same_bad_cookie_do_not_share_progress(browser: Browser, tmp_path: Path) -> None:
    """The probe's reproduction: a fresh browser with cookie ``zzz`` saw another's progress."""
    with serve_test_course(tmp_path) as app:
        pages = []
        for _ in range(2):
            context = browser.new_context()
            context.add_cookies([{"name": LEARNER_COOKIE, "value": "zzz", "url": app.url}])
            pages.append(context.new_page())
        first, fresh = pages
        open_player(first, app, "?topic=alpha")
        question = first.locator(".netedu-inline-question").first
        question.get_by_role("radio", name="The second option").check()
        question.get_by_role("button", name="Check answer").click()
        expect(question.locator(".netedu-verdict")).to_be_visible()
        open_player(first, app)
        expect(first.locator(".netedu-topic-card").first).not_to_contain_text("Not started")

        open_player(fresh, app)
        expect(fresh.locator(".netedu-topic-card").first).to_contain_text("Not started · 2 questions")
        assert {c["value"] for c in first.context.cookies() if c["name"] == LEARNER_COOKIE} != {
            c["value"] for c in fresh.context.cookies() if c["name"] == LEARNER_COOKIE
        }
        for page in pages:
            page.context.close()

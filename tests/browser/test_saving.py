"""Nothing lost, in the real app: a write the store refuses is said at once beside the answer,
kept, retried and saved once; a demo without a store says so on every page."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from netedu.settings import NOT_SAVED_NOTICE
from netedu.widgets.saving import NOT_SAVED, SAVED, SAVED_NOWHERE
from tests.browser.conftest import FIRST_LOAD, run_axe, serve_test_course
from tests.support.readonly import writes_fail
from tests.support.server import Server


@pytest.fixture(scope="module")
def demo_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with serve_test_course(tmp_path_factory.mktemp("demo"), None, "--no-store", "--pool-size", "1") as server:
        yield server


def test_a_demo_without_a_store_says_on_every_page_that_answers_are_not_saved(page: Page, demo_app: Server) -> None:
    for path in ("topics", "educator", "slides/01_alpha.ipynb", "voila/render/01_alpha.ipynb", ""):
        page.goto(demo_app.url + path)
        expect(page.get_by_text(NOT_SAVED_NOTICE)).to_be_visible(timeout=FIRST_LOAD)
    page.goto(demo_app.url + "voila/render/01_alpha.ipynb")
    question = page.locator(".netedu-inline-question")
    question.get_by_role("radio", name="The second option").check(timeout=FIRST_LOAD)
    question.get_by_role("button", name="Check answer").click()
    expect(question.get_by_text(SAVED_NOWHERE)).to_be_visible()  # never "saved" when it is not


@pytest.fixture
def frames(page: Page) -> list[bytes]:
    """Every websocket frame the page receives (what the kernel sends the learner)."""
    seen: list[bytes] = []

    def watch(ws) -> None:
        ws.on("framereceived", lambda payload: seen.append(payload if isinstance(payload, bytes) else payload.encode()))

    page.on("websocket", watch)
    return seen


def test_answers_the_database_refuses_are_said_kept_retried_and_saved_once(page: Page, tmp_path: Path, frames) -> None:
    database = tmp_path / "store" / "progress.sqlite"
    with serve_test_course(tmp_path, env={"NETEDU_DATABASE_URL": f"sqlite:///{database}"}) as server:
        page.goto(server.url + "voila/render/01_alpha.ipynb")
        inline = page.locator(".netedu-inline-question")
        in_quiz = page.locator(".netedu-quiz .netedu-question").first
        inline.get_by_role("radio", name="The second option").check(timeout=FIRST_LOAD)
        with writes_fail(database):  # mid-session: the server's connections are open
            inline.get_by_role("button", name="Check answer").click()
            expect(inline.locator(".netedu-verdict")).to_contain_text("✓ Correct")  # graded and shown
            expect(inline.get_by_text(NOT_SAVED)).to_be_visible()  # at once, beside the answer
            retry = inline.get_by_role("button", name="Try saving again")
            expect(retry).to_be_visible()
            in_quiz.locator("input").first.check()
            in_quiz.get_by_role("button", name="Check answer").click()
            expect(in_quiz.get_by_text(NOT_SAVED)).to_be_visible()
            assert run_axe(page) == [], "answers not saved"
            retry.click()  # still refused: still offered
            expect(retry).to_be_visible()
            expect(page.get_by_text(SAVED)).to_have_count(0)
        try:
            retry.click(timeout=5_000)  # the learner's retry (unless the kernel's own came first)
        except PlaywrightTimeoutError:
            pass
        expect(inline.get_by_text(SAVED)).to_be_visible(timeout=60_000)
        expect(retry).to_have_count(0)
        expect(in_quiz.get_by_text(SAVED)).to_be_visible(timeout=60_000)  # the kernel's own retries, no click
        log = server.log_path.read_text()
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        kept = db.execute("SELECT question_id, event_id, count(*) FROM answers GROUP BY event_id").fetchall()
    assert len(kept) == 2 and all(event_id and n == 1 for _, event_id, n in kept)  # each exactly once, under its key
    # The server's output says what failed, in lines without SQL or a path...
    failed = [line for line in log.splitlines() if "could not record" in line]
    assert failed and all(re.search(r"OperationalError: (disk I/O error|attempt to write a readonly database)", line) for line in failed)
    kernel = [line for line in log.splitlines() if "[netedu kernel" in line and "was not saved" in line]
    assert kernel and "alpha-single" in kernel[0]
    for line in failed + kernel:
        assert "INSERT" not in line and str(tmp_path) not in line and "Traceback" not in line
    # ... and the learner never saw a traceback, SQL or a path.
    received = b"".join(frames)
    for secret in (b"Traceback", b"INSERT INTO", b"sqlite3.", str(tmp_path).encode()):
        assert secret not in received, secret
    body = page.locator("body").inner_text()
    assert "INSERT" not in body and str(tmp_path) not in body

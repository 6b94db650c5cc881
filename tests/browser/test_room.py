"""The educator sees the room's answers live, under the question on their own screen."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import run_axe, serve_test_course
from tests.browser.test_player import open_player

KEY = "educator-key-for-the-tests"


def answer_alpha(page: Page, option: str) -> None:
    question = page.locator(".netedu-inline-question").first
    question.get_by_role("radio", name=option).check()
    question.get_by_role("button", name="Check answer").click()
    expect(question.locator(".netedu-verdict")).to_be_visible()


def learner(browser: Browser, app, option: str) -> Page:
    page = browser.new_context().new_page()
    open_player(page, app, "?topic=alpha")
    answer_alpha(page, option)
    return page


def test_the_educator_shows_the_rooms_answers_live_then_marks_the_right_one(browser: Browser, tmp_path: Path) -> None:
    env = {"NETEDU_EDUCATOR_KEY": KEY, "NETEDU_DATABASE_URL": f"sqlite:///{tmp_path / 'room.sqlite'}"}
    with serve_test_course(tmp_path, env=env) as app:
        first = learner(browser, app, "The second option")
        second = learner(browser, app, "The first option")
        expect(second.locator(".netedu-room")).to_have_count(0)  # learners never get the panel
        expect(second.get_by_role("button", name="Show the room's answers")).to_have_count(0)

        educator = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        educator.goto(app.url + f"educator?key={KEY}")
        expect(educator.get_by_role("status")).to_contain_text("Educator view is on in this browser")
        open_player(educator, app, "?topic=alpha")
        panel = educator.locator(".netedu-inline-question").first.locator(".netedu-room")
        expect(panel).to_contain_text("only you see this")
        panel.get_by_role("button", name="Show the room's answers").click()
        results = panel.locator(".netedu-room-results")
        expect(results).to_contain_text("2 learners answered")
        rows = results.locator("tbody tr")
        expect(rows.filter(has_text="The second option")).to_contain_text("1 (50%)")
        expect(results).not_to_contain_text("right answer")

        third = learner(browser, app, "The second option")  # the count follows, without a reload
        expect(results).to_contain_text("3 learners answered", timeout=15_000)
        expect(rows.filter(has_text="The second option")).to_contain_text("2 (67%)")
        panel.get_by_role("button", name="Mark the right answer").click()
        expect(rows.filter(has_text="✓ right answer")).to_have_count(1)
        expect(rows.filter(has_text="✓ right answer")).to_contain_text("The second option")
        expect(results).to_contain_text("2 fully right, 1 not right.")
        assert run_axe(educator) == [], "educator view"

        panel.get_by_role("button", name="Start a new round").click()
        expect(results).to_contain_text("0 learners answered")

        educator.goto(app.url + "slides/01_alpha.ipynb")  # presenting: the slides carry it too
        expect(educator.locator(".reveal .netedu-room").first).to_be_attached(timeout=60_000)
        first.goto(app.url + "slides/01_alpha.ipynb")
        expect(first.locator(".reveal .netedu-response").first).to_be_attached(timeout=60_000)
        expect(first.locator(".netedu-room")).to_have_count(0)
        for page in (first, second, third, educator):
            page.context.close()


def test_a_wrong_educator_key_is_refused(page: Page, tmp_path: Path) -> None:
    with serve_test_course(tmp_path, env={"NETEDU_EDUCATOR_KEY": KEY}) as app:
        response = page.goto(app.url + "educator?key=not-the-right-key")
        assert response is not None and response.status == 403
        expect(page.get_by_role("alert")).to_contain_text("That key is not this server's educator key")
        expect(page.locator(".notice")).to_contain_text("Educational, not medical advice.")
        assert run_axe(page) == []
        page.goto(app.url + "topics")
        expect(page.get_by_text("Educator view is on")).to_have_count(0)

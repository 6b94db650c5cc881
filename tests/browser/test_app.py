"""A trainee's path through the real Voila app in headless Chromium: the test sees what they see."""

from __future__ import annotations

import html
import re

import pytest
from playwright.sync_api import Page, expect

from netedu.content import load_content
from netedu.render import markdown_inline
from tests.browser.conftest import FIRST_LOAD, REPO, run_axe


def plain(md: str) -> str:
    """What a screen reader says for an option label written in Markdown."""
    return html.unescape(re.sub(r"<[^>]+>", "", markdown_inline(md))).strip()


def option(scope, text: str, multiple: bool):
    return scope.get_by_role("checkbox" if multiple else "radio", name=plain(text), exact=True)


@pytest.fixture(scope="module")
def content():
    return load_content(REPO)


def first_topic(content):
    return next(iter(content.topics.values()))


def open_topic(page: Page, app, topic) -> None:
    page.goto(app.url + "topics")
    page.get_by_role("link", name=topic.title, exact=True).click()
    expect(page.locator(".netedu-quiz")).to_be_visible(timeout=FIRST_LOAD)


def test_course_map_lists_every_topic_with_the_disclaimer(page: Page, app, content, external_requests) -> None:
    page.goto(app.url + "topics")
    expect(page.get_by_role("heading", level=1)).to_have_text(content.course.title)
    expect(page.get_by_text("Educational, not medical advice.").first).to_be_visible()
    topics = page.locator("li.topic")
    expect(topics).to_have_count(len(content.topics))
    for i, topic in enumerate(content.topics.values()):
        link = topics.nth(i).get_by_role("link", name=topic.title, exact=True)
        expect(link).to_have_attribute("href", f"/voila/render/course.ipynb?topic={topic.id}")
        expect(topics.nth(i).get_by_role("link", name=f"On its own page: {topic.title}")).to_have_attribute(
            "href", f"/voila/render/{topic.notebook}"
        )
        expect(topics.nth(i).get_by_role("link", name=f"Slides: {topic.title}")).to_have_attribute("href", f"/slides/{topic.notebook}")
        expect(topics.nth(i)).to_contain_text(f"{len(content.questions[topic.id])} questions")
    expect(page.get_by_role("link", name="Open the course")).to_have_attribute("href", "/voila/render/course.ipynb")
    assert run_axe(page) == []
    assert external_requests == []


def test_trainee_answers_wrongly_then_rightly_and_the_score_follows(page: Page, app, content, external_requests) -> None:
    topic = first_topic(content)
    open_topic(page, app, topic)
    quiz = page.locator(".netedu-quiz")
    status = quiz.locator(".netedu-quiz-status")
    expect(status).to_contain_text(f"Question 1 of {len(content.questions[topic.id])}")
    expect(status).to_contain_text("0 correct of 0 answered")

    first, second = content.questions[topic.id][:2]
    wrong = next(o for o in first.options if not o.correct)
    check = quiz.get_by_role("button", name="Check answer")
    expect(quiz).not_to_contain_text(plain(wrong.explanation)[:40])  # no key in the page yet
    check.click()  # nothing chosen yet: a hint, not a mark
    expect(quiz.locator(".netedu-hint-message")).to_contain_text("Choose an answer before checking")
    option(quiz, wrong.text, first.type == "multiple").check()
    check.click()
    expect(quiz.get_by_text("Your answer: incorrect")).to_be_visible()
    expect(quiz).to_contain_text(plain(wrong.explanation)[:40])
    expect(quiz.locator(".netedu-cite").first).to_be_visible()
    expect(status).to_contain_text("0 correct of 1 answered")

    quiz.get_by_role("button", name="Next question").click()
    expect(status).to_contain_text("Question 2 of")
    for o in second.options:
        if o.correct:
            option(quiz, o.text, second.type == "multiple").check()
    quiz.get_by_role("button", name="Check answer").click()
    expect(quiz.locator(".netedu-verdict")).to_contain_text("Correct")
    expect(status).to_contain_text("1 correct of 2 answered")
    assert external_requests == []


def test_topic_page_has_no_serious_accessibility_violations(page: Page, app, content) -> None:
    topic = first_topic(content)
    open_topic(page, app, topic)
    assert run_axe(page) == [], "before answering"
    quiz = page.locator(".netedu-quiz")
    question = content.questions[topic.id][0]
    wrong = next(o for o in question.options if not o.correct)
    option(quiz, wrong.text, question.type == "multiple").check()
    quiz.get_by_role("button", name="Check answer").click()
    expect(quiz.get_by_text("Your answer: incorrect")).to_be_visible()
    assert run_axe(page) == [], "after a wrong answer"


def test_every_page_shows_the_disclaimer_and_loads_nothing_from_outside(page: Page, app, content, external_requests) -> None:
    for page_ in [content.course.start_page.notebook, *(t.notebook for t in content.topics.values())]:
        page.goto(f"{app.url}voila/render/{page_}")
        expect(page.locator(".netedu-banner")).to_contain_text("Educational, not medical advice.", timeout=FIRST_LOAD)
        expect(page.locator("#rendered_cells blockquote").first).to_contain_text("not medical advice", timeout=FIRST_LOAD)
    assert external_requests == []


def test_files_other_than_images_are_refused(page: Page, app) -> None:
    for path in ("voila/files/01_what_are_nets.ipynb", "voila/files/../data/course.yaml", "voila/tree"):
        response = page.request.get(app.url + path)
        assert response.status in (403, 404), (path, response.status)


def test_speaker_notes_are_not_shown_to_learners(page: Page, broken_app) -> None:
    page.goto(broken_app.url + "voila/render/01_alpha.ipynb")
    expect(page.get_by_text("Alpha is a thing")).to_be_visible(timeout=FIRST_LOAD)
    expect(page.locator("body")).not_to_contain_text("SPEAKER-NOTE-ALPHA")


def test_broken_content_gets_a_clear_message_not_a_traceback(page: Page, broken_app) -> None:
    page.goto(broken_app.url)  # the course player
    expect(page.get_by_role("alert").filter(has_text="This course could not be loaded.")).to_be_visible(timeout=FIRST_LOAD)
    expect(page.locator("body")).not_to_contain_text("Traceback")
    page.goto(broken_app.url + "topics")  # the educator's course map lists the problems
    expect(page.get_by_role("heading", level=1)).to_have_text("The course cannot be shown yet")
    expect(page.locator(".problems")).to_contain_text("data/questions/alpha.yaml:")
    page.goto(broken_app.url + "voila/render/01_alpha.ipynb")
    message = page.locator(".netedu-unavailable").first
    expect(message).to_contain_text("could not be loaded", timeout=FIRST_LOAD)
    expect(page.locator("body")).not_to_contain_text("Traceback")

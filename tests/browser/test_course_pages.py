"""Every topic of the real course, three ways: in the player, on its own page, and as slides."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from netedu.content import load_content
from tests.browser.conftest import FIRST_LOAD, REPO, run_axe

TOPICS = list(load_content(REPO).topics.values())


@pytest.mark.parametrize("topic", TOPICS, ids=[t.id for t in TOPICS])
def test_topic_in_the_player_on_its_own_and_as_slides(page: Page, app, topic, external_requests) -> None:
    page.goto(f"{app.url}?topic={topic.id}")
    view = page.locator(".netedu-view")
    expect(view.get_by_role("heading", level=1, name=topic.title)).to_be_visible(timeout=FIRST_LOAD)
    expect(view.locator(".netedu-quiz")).to_be_visible()
    expect(view.locator(".netedu-unavailable")).to_have_count(0)  # every question and explorer built
    expect(view.locator(".netedu-explorer")).to_have_count(len(topic.explorers))
    for n in range(len(topic.explorers)):
        expect(view.locator(".netedu-explorer").nth(n)).to_be_visible()
    assert run_axe(page) == [], "player"

    page.goto(f"{app.url}voila/render/{topic.notebook}")
    expect(page.locator(".netedu-quiz")).to_be_visible(timeout=FIRST_LOAD)
    expect(page.locator(".netedu-unavailable")).to_have_count(0)
    expect(page.locator("#rendered_cells blockquote").first).to_contain_text("not medical advice")
    assert run_axe(page) == [], "own page"

    page.goto(f"{app.url}slides/{topic.notebook}")
    slides = page.locator(".reveal .slides > section")
    expect(slides.first).to_be_visible(timeout=FIRST_LOAD)
    assert slides.count() >= 8, "slide breaks are authored"
    assert page.locator("aside.notes").count() >= 3, "speaker notes are authored"
    expect(page.locator(".netedu-slides-notice")).to_be_visible()
    page.keyboard.press("ArrowRight")
    expect(page.locator(".reveal .slides > section.present")).not_to_contain_text(topic.title)
    assert external_requests == []

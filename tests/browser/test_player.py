"""The course player in the real app: one kernel for the whole course, as a learner uses it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import FIRST_LOAD, run_axe, serve_test_course
from tests.support.server import Server, free_port


@pytest.fixture(scope="module")
def player_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("player")
    with serve_test_course(folder) as server:
        yield server


def open_player(page: Page, app: Server, query: str = "") -> None:
    page.goto(app.url + query)
    expect(page.locator(".netedu-player")).to_be_visible(timeout=FIRST_LOAD)


def test_landing_is_the_course_map_with_progress(page: Page, player_app, external_requests) -> None:
    open_player(page, player_app)
    assert page.url.endswith("/voila/render/course.ipynb")
    expect(page.get_by_role("heading", level=1, name="Test course")).to_be_visible()
    cards = page.locator(".netedu-topic-card")
    expect(cards).to_have_count(2)
    expect(cards.first).to_contain_text("Not started · 2 questions")
    expect(page.get_by_role("navigation", name="Course")).to_be_visible()
    expect(page).to_have_title(re.compile("^Contents · Test course"))
    assert run_axe(page) == []
    assert external_requests == []


def test_navigation_links_back_forward_and_focus(page: Page, player_app) -> None:
    open_player(page, player_app)
    kernels_before = page.evaluate("JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId")
    page.get_by_role("link", name="Alpha topic").click()
    expect(page.get_by_role("heading", level=1, name="Alpha topic")).to_be_focused()
    expect(page).to_have_url(re.compile(r"\?topic=alpha$"))
    page.get_by_role("navigation", name="Topic navigation").get_by_role("link", name="Next: Beta topic →").click()
    expect(page.get_by_role("heading", level=1, name="Beta topic")).to_be_visible()
    page.go_back()
    expect(page.get_by_role("heading", level=1, name="Alpha topic")).to_be_visible()
    expect(page).to_have_url(re.compile(r"\?topic=alpha$"))
    page.go_back()
    expect(page.get_by_role("heading", level=1, name="Test course")).to_be_visible()
    page.go_forward()
    expect(page.get_by_role("heading", level=1, name="Alpha topic")).to_be_visible()
    same_kernel = page.evaluate("JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId")
    assert same_kernel == kernels_before  # every move happened in the one kernel


def test_deep_links_open_a_topic_and_a_section(page: Page, player_app) -> None:
    open_player(page, player_app, "?topic=beta&section=every-kind")
    expect(page.get_by_role("heading", level=1, name="Beta topic")).to_be_visible()
    expect(page.locator("#sec-every-kind")).to_be_focused()
    open_player(page, player_app, "?view=progress")
    expect(page.get_by_role("heading", level=1, name="My progress")).to_be_visible()
    open_player(page, player_app, "?topic=does-not-exist")
    expect(page.get_by_role("heading", level=1, name="Test course")).to_be_visible()


def test_speaker_notes_and_generated_navigation_stay_out_of_the_player(page: Page, player_app) -> None:
    open_player(page, player_app, "?topic=alpha")
    expect(page.get_by_text("Alpha is a thing")).to_be_visible()
    expect(page.locator(".netedu-player")).not_to_contain_text("SPEAKER-NOTE-ALPHA")
    expect(page.locator(".netedu-player")).not_to_contain_text("← Previous: Start here")  # the notebook's own nav


def test_topic_and_dashboard_views_are_accessible(page: Page, player_app, external_requests) -> None:
    open_player(page, player_app, "?topic=beta")
    expect(page.locator(".netedu-quiz")).to_be_visible()
    assert run_axe(page) == [], "topic"
    page.get_by_role("link", name="My progress").click()
    expect(page.get_by_role("heading", level=1, name="My progress")).to_be_visible()
    assert run_axe(page) == [], "progress"
    page.get_by_role("link", name="Start here").first.click()
    expect(page.get_by_role("heading", level=1, name="Start here")).to_be_visible()
    assert run_axe(page) == [], "start page"
    assert external_requests == []


def answer_alpha_wrongly(page: Page) -> None:
    question = page.locator(".netedu-inline-question").first
    question.get_by_role("radio", name="The first option").check()
    question.get_by_role("button", name="Check answer").click()
    expect(question.get_by_text("Your answer: incorrect")).to_be_visible()


def test_progress_survives_a_server_restart_then_review_brings_back_the_miss(browser, tmp_path: Path) -> None:
    port = free_port()
    database = {"NETEDU_DATABASE_URL": f"sqlite:///{tmp_path / 'kept.sqlite'}"}
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    with serve_test_course(tmp_path / "a", port=port, env=database) as first:
        open_player(page, first, "?topic=alpha")
        answer_alpha_wrongly(page)
    # The server (and every kernel) is gone; a new one starts on the same database.
    with serve_test_course(tmp_path / "b", port=port, env=database) as second:
        open_player(page, second)
        expect(page.locator(".netedu-topic-card").first).to_contain_text("1 of 2 questions answered · 0 right")
        expect(page.get_by_role("link", name="Continue where you left off: Alpha topic")).to_be_visible()
        page.get_by_role("link", name="My progress").click()
        expect(page.locator(".netedu-player")).to_contain_text("1 question where your latest answer was not right.")
        page.get_by_role("button", name="Start the review").click()
        review = page.locator(".netedu-quiz")
        expect(review).to_contain_text("Review of missed questions")
        expect(review).to_contain_text("Question 1 of 1")
        review.get_by_role("radio", name="The second option").check()
        review.get_by_role("button", name="Check answer").click()
        expect(review.locator(".netedu-verdict")).to_contain_text("✓ Correct")
        assert run_axe(page) == [], "review"
        # A different browser is a different learner: none of this is theirs.
        stranger = browser.new_context().new_page()
        open_player(stranger, second)
        expect(stranger.locator(".netedu-topic-card").first).to_contain_text("Not started")
        stranger.context.close()
    context.close()


def test_a_lost_connection_is_shown_to_the_learner(browser, tmp_path: Path) -> None:
    page = browser.new_context().new_page()
    server = serve_test_course(tmp_path).start()
    try:
        open_player(page, server)
        notice = page.get_by_role("alert").filter(has_text="The connection to the course server was lost")
        expect(notice).to_be_hidden()
    finally:
        server.stop()
    expect(notice).to_be_visible(timeout=30_000)
    expect(notice.get_by_role("button", name="Reload the page")).to_be_visible()
    page.context.close()


def test_slides_render_and_advance_offline(page: Page, player_app, external_requests) -> None:
    page.goto(player_app.url + "slides/02_beta.ipynb")
    expect(page.locator(".reveal .slides > section").first).to_be_visible(timeout=FIRST_LOAD)
    slides = page.locator(".reveal .slides > section")
    assert slides.count() >= 5
    expect(page.locator(".netedu-slides-notice")).to_contain_text("Educational, not medical advice.")
    expect(page.locator(".reveal .slides > section.present")).to_contain_text("Beta topic")
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"#/1"))
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"#/3"))
    expect(page.locator(".reveal .slides > section.present .netedu-response").first).to_be_visible()
    assert run_axe(page) == [], "slides"
    assert external_requests == []
    page.goto(player_app.url + "slides/01_alpha.ipynb")
    expect(page.locator(".reveal .slides section").first).to_be_visible(timeout=FIRST_LOAD)
    expect(page.locator("aside.notes")).to_contain_text("SPEAKER-NOTE-ALPHA")  # for the presenter's view
    expect(page.get_by_text("SPEAKER-NOTE-ALPHA")).to_be_hidden()


def test_questions_answered_right_weeks_ago_come_back_as_due_again(browser, tmp_path: Path) -> None:
    import datetime as dt

    from netedu.server.identity import LEARNER_COOKIE, learner_id
    from netedu.store.events import AnswerEvent
    from netedu.store.sql import SqlStore

    token = "spaced-review-learner-0001"
    learner = learner_id(token)
    url = f"sqlite:///{tmp_path / 'spaced.sqlite'}"
    store = SqlStore(url)
    weeks_ago = (dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=21)).isoformat(timespec="milliseconds")
    store.record(
        AnswerEvent(
            learner=learner,
            question_id="alpha-single",
            topic_id="alpha",
            mode="tutor",
            response=["right-one"],
            correct=True,
            score=1.0,
            max_score=1.0,
            timestamp=weeks_ago,
        )
    )
    store.close()
    with serve_test_course(tmp_path / "course", env={"NETEDU_DATABASE_URL": url}) as app:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.add_cookies([{"name": LEARNER_COOKIE, "value": token, "url": app.url}])
        page = context.new_page()
        open_player(page, app)
        banner = page.locator(".netedu-due")
        expect(banner).to_contain_text("1 question you got right before is due again.")
        banner.get_by_role("link", name="Review them now").click()
        expect(page.get_by_role("heading", level=2, name="Due again")).to_be_focused()
        expect(page).to_have_url(re.compile(r"\?view=progress&section=due-again$"))
        page.get_by_role("button", name="Review what is due").click()
        review = page.locator(".netedu-quiz")
        expect(review).to_contain_text("Due again · Question 1 of 1")
        review.get_by_role("radio", name="The second option").check()
        review.get_by_role("button", name="Check answer").click()
        expect(review.locator(".netedu-verdict")).to_contain_text("✓ Correct")
        assert run_axe(page) == [], "spaced review"
        page.get_by_role("link", name="Contents").first.click()
        expect(page.get_by_role("heading", level=1, name="Test course")).to_be_visible()
        expect(page.locator(".netedu-due")).to_have_count(0)  # answered again: it waits longer now
        page.get_by_role("link", name="My progress").click()
        expect(page.locator(".netedu-player")).to_contain_text("Nothing is due again now. Next: 1 question in")
        context.close()


def test_the_question_bank_downloads_as_an_anki_deck(page: Page, player_app, tmp_path: Path, external_requests) -> None:
    import sqlite3
    import zipfile

    open_player(page, player_app)
    section = page.get_by_role("heading", level=2, name="Revise anywhere")
    expect(section).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="download the Anki deck").click()
    assert download.value.suggested_filename == "netedu.apkg"
    deck = tmp_path / "deck.apkg"
    download.value.save_as(deck)
    with zipfile.ZipFile(deck) as z:
        z.extract("collection.anki2", tmp_path)
    db = sqlite3.connect(tmp_path / "collection.anki2")
    fronts = [row[0].split("\x1f")[0] for row in db.execute("select flds from notes")]
    db.close()
    assert len(fronts) == 8 and any("Which option is right?" in f for f in fronts)
    page.goto(player_app.url + "topics")  # the educators' course map links to it too
    expect(page.get_by_role("link", name="an Anki deck to download")).to_have_attribute("href", "/export/netedu.apkg")
    assert external_requests == []


def test_the_deck_download_of_broken_content_is_a_clear_error_not_a_stale_file(broken_app) -> None:
    import urllib.error
    import urllib.request

    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(broken_app.url + "export/netedu.apkg", timeout=60)
    assert caught.value.code == 503

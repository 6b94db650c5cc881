"""The course player: one widget, every topic, moving by links, back and forward."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import netedu
from netedu.content import load_content
from netedu.player import PlayerWidget, Route
from netedu.store.memory import MemoryStore
from netedu.store.sql import SqlStore
from netedu.widgets import CaseWidget, QuestionWidget, QuizWidget
from tests.support.answers import T0, answer_at
from tests.widgets.helpers import RIGHT


@pytest.fixture
def store(tmp_path: Path) -> SqlStore:
    s = SqlStore(f"sqlite:///{tmp_path / 'progress.sqlite'}")
    yield s
    s.close()


def player(course: Path, store: SqlStore, learner: str = "ada", query: str = "") -> PlayerWidget:
    return PlayerWidget(load_content(course), learner=learner, store=store, query=query)


def shown_text(p: PlayerWidget) -> str:
    def walk(w):
        yield getattr(w, "value", "") if isinstance(getattr(w, "value", ""), str) else ""
        for child in getattr(w, "children", ()):
            yield from walk(child)

    return " ".join(walk(p._main))


def test_opens_on_the_contents_with_every_topic(course, store) -> None:
    p = player(course, store)
    assert p.view == "contents" and p.router.url == "?"
    text = shown_text(p)
    assert "Alpha topic" in text and "Beta topic" in text and "Not started" in text
    assert 'href="?topic=beta"' in text and "Educational, not medical advice." in text
    assert 'aria-current="page"' in p._top.value
    assert p.router.title.startswith("Contents ·") and p.router.focus == ""  # a fresh page starts at its top


def test_a_deep_link_opens_the_topic_and_section(course, store) -> None:
    p = player(course, store, query="?topic=beta&section=no-such-section")
    assert (p.view, p.topic) == ("topic", "beta") and p.router.url == "?topic=beta"  # unknown section dropped
    widgets = p._main.children[0].children
    assert sum(isinstance(w, (QuestionWidget, CaseWidget)) for w in widgets) == 6
    assert isinstance(widgets[-1], QuizWidget) and widgets[-1].mode == "exam"
    assert "Topic 2 of 2" in widgets[0].value and "Answer every kind of question." in widgets[0].value


def test_a_deep_link_to_a_section_focuses_it(course, store) -> None:
    p = player(course, store, query="?topic=beta&section=every-kind")
    assert p.router.url == "?topic=beta&section=every-kind" and p.router.focus == "sec-every-kind"


def test_links_back_and_forward_move_between_views_in_one_kernel(course, store) -> None:
    p = player(course, store)
    p.router.url = "?topic=alpha"  # the page reports a click on a link
    assert p.topic == "alpha" and p.router.focus == "sec-title" and "Alpha topic ·" in p.router.title
    assert "Next: Beta topic" in p._bottom.value and "Previous" not in p._bottom.value
    first_view = p._main.children[0]
    p.router.url = "?topic=beta"
    assert p.topic == "beta" and "Previous: Alpha topic" in p._bottom.value
    p.router.url = "?topic=alpha"  # back
    assert p._main.children[0] is first_view  # kept: answers stay on screen
    p.router.url = "?topic=nope"
    assert p.view == "contents"


def test_answers_are_saved_for_this_learner_and_shown_on_the_contents(course, store) -> None:
    p = player(course, store, learner="ada", query="?topic=alpha")
    q = next(w for w in p._main.children[0].children if isinstance(w, QuestionWidget))
    q.value = ["wrong-one"]
    q.check_button.click()
    assert store.latest("ada", ["alpha-single"])["alpha-single"].correct is False
    p.go(Route())
    assert "1 of 2 questions answered" in shown_text(p)
    other = player(course, store, learner="grace")
    assert "Not started" in shown_text(other) and "1 of 2 questions answered" not in shown_text(other)


def test_continue_where_you_left_off(course, store) -> None:
    p = player(course, store, learner="ada")
    assert "Start here" in shown_text(p)
    p.go(Route("topic", "beta"))
    again = player(course, store, learner="ada")
    assert "Continue where you left off: Beta topic" in shown_text(again)


def test_progress_dashboard_and_review_of_what_was_missed(course, store) -> None:
    p = player(course, store, learner="ada", query="?topic=alpha")
    q = next(w for w in p._main.children[0].children if isinstance(w, QuestionWidget))
    q.value = ["wrong-one"]
    q.check_button.click()
    p.go(Route("progress"))
    text = shown_text(p)
    assert "My progress" in text and "By learning objective, weakest first" in text
    assert "1 question where your latest answer was not right." in text
    start = p._main.children[1].children[0]
    start.click()
    review = p._main.children[1].children[0]
    assert isinstance(review, QuizWidget) and review.mode == "review"
    assert [x.id for x in review.questions] == ["alpha-single"]


def test_an_empty_dashboard_says_how_to_begin(course, store) -> None:
    p = player(course, store, query="?view=progress")
    assert "You have not answered any questions yet." in shown_text(p)


def test_the_start_page_is_inside_the_player(course, store) -> None:
    p = player(course, store, query="?view=start")
    assert "Welcome." in shown_text(p) and "Begin: Alpha topic" in p._bottom.value


def test_netedu_course_in_a_notebook_returns_the_player(course, monkeypatch) -> None:
    monkeypatch.delenv("QUERY_STRING", raising=False)
    w = netedu.course(root=course)
    assert isinstance(w, PlayerWidget) and w.learner == "anonymous"


def test_the_learner_is_the_one_the_server_named_for_the_page(course, monkeypatch) -> None:
    from netedu.server.identity import LEARNER_HEADER, header_env, learner_id

    learner = learner_id("Zm9vYmFyYmF6cXV4cXV1eDEyMzQ")
    monkeypatch.setenv(header_env(LEARNER_HEADER), learner)
    monkeypatch.setenv("QUERY_STRING", "topic=beta")
    w = netedu.course(root=course)
    assert w.learner == learner and w.topic == "beta"
    monkeypatch.setenv("JUPYTERHUB_USER", "dr-ada")
    assert netedu.course(root=course).learner == "dr-ada"


def _text(p: PlayerWidget) -> str:
    def walk(w):
        value = getattr(w, "value", "")
        yield value if isinstance(value, str) else ""
        for child in getattr(w, "children", ()):
            yield from walk(child)

    return " ".join(walk(p._main))


def test_the_player_shows_what_is_due_and_opens_the_spaced_review(course: Path) -> None:
    content = load_content(course)
    store = MemoryStore()
    now = dt.datetime.now(dt.timezone.utc)  # answers given in the player are stamped with the real time
    store.events += [answer_at("alpha-single", True, now - dt.timedelta(days=30)), answer_at("beta-tf", True, now - dt.timedelta(hours=1))]
    p = PlayerWidget(content, learner="ada", store=store, now=lambda: now)
    assert "1 question you got right before is due again." in _text(p)
    p.go(Route("progress", section="due-again"))
    assert p.router.focus == "sec-due-again"
    assert "1 question due again now." in _text(p)
    start = next(
        w for w in p._main.children if getattr(w, "children", None) and getattr(w.children[0], "description", "") == "Review what is due"
    )
    start.children[0].click()
    quiz = start.children[0]
    assert isinstance(quiz, QuizWidget) and quiz.mode == "spaced" and [q.id for q in quiz.questions] == ["alpha-single"]
    quiz.current.value = RIGHT["alpha-single"]
    quiz.current.check_button.click()
    p.go(Route())
    assert "due again" not in _text(p)
    p.go(Route("progress"))
    assert "Nothing is due again now. Next: 1 question in 2 days." in _text(p)


def test_a_learner_with_nothing_right_yet_is_told_how_the_schedule_fills(course: Path) -> None:
    content = load_content(course)
    store = MemoryStore()
    store.events.append(answer_at("alpha-single", False, T0))
    p = PlayerWidget(content, learner="ada", store=store, query="?view=progress", now=lambda: T0)
    assert "Nothing yet: questions you answer right in the topics will be scheduled here." in _text(p)
    assert "due again" not in _text(PlayerWidget(content, learner="ada", store=store, now=lambda: T0)).lower()

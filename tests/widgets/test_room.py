"""RoomPanel: the room's answers under a question, on the educator's screen only."""

from __future__ import annotations

from pathlib import Path

import pytest

from netedu.content import load_content
from netedu.store.memory import MemoryStore
from netedu.widgets import QuestionWidget, QuizContext
from tests.learning.test_room import answer


@pytest.fixture
def content(course: Path):
    return load_content(course)


def test_a_learner_never_gets_the_room_panel(content) -> None:
    ctx = QuizContext.from_content(content, topic_id="alpha", learner="ada", store=MemoryStore(), educator=False)
    assert QuestionWidget(content.question("alpha-single"), ctx).room_panel is None


def test_the_educator_panel_shows_the_room_live_marks_the_answer_and_starts_a_new_round(content) -> None:
    sink = MemoryStore()
    ctx = QuizContext.from_content(content, topic_id="alpha", learner="teacher", store=sink, educator=True)
    w = QuestionWidget(content.question("alpha-single"), ctx)
    panel = w.room_panel
    assert panel is not None and panel.results.value == "" and panel.mark.disabled
    for learner, choice in (("a", "right-one"), ("b", "wrong-one"), ("teacher", "wrong-one")):
        sink.record(answer(learner, "alpha-single", [choice]))
    panel.toggle.click()
    assert panel.ticker.active and not panel.mark.disabled
    assert "2 learners answered" in panel.results.value  # the educator's own answer is not the room's
    assert "✓ right answer" not in panel.results.value
    sink.record(answer("c", "alpha-single", ["right-one"]))
    panel.ticker._handle_custom_msg({"event": "tick"}, [])  # what the page's timer sends
    assert "3 learners answered" in panel.results.value
    panel.mark.click()
    assert "✓ right answer" in panel.results.value and panel.mark.description == "Hide the right answer"
    panel.again.click()
    assert "0 learners answered" in panel.results.value and "✓" not in panel.results.value
    panel.toggle.click()
    assert panel.results.value == "" and not panel.ticker.active

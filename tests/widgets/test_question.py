"""The question widget, driven as a learner would: choose (``.value``), then ``.click()``."""

from __future__ import annotations

import json
from pathlib import Path

import ipywidgets as ipw
import pytest

from netedu.content import load_content
from netedu.widgets import QuestionWidget, SafeHTML
from netedu.widgets.guard import FRIENDLY_ERROR


@pytest.fixture
def content(course: Path):
    return load_content(course)


def make(content, qid: str) -> QuestionWidget:
    return QuestionWidget(content.question(qid), content.references_for)


def synced_state(widget: ipw.Widget) -> str:
    """Everything the kernel has sent to the browser about this widget and its children."""
    states = []

    def walk(w: ipw.Widget) -> None:
        # _esm/_css are the anywidget's static code and styles, the same for every question
        state = {k: v for k, v in w.get_state().items() if k not in {"_esm", "_css"}}
        states.append(state)
        for child in getattr(w, "children", ()):
            walk(child)

    walk(widget)
    return json.dumps(states, default=str)


def test_nothing_is_preselected_and_check_waits_for_a_choice(content) -> None:
    w = make(content, "alpha-single")
    assert w.value == () and w.check_button.disabled
    w.value = ["wrong-one"]
    assert not w.check_button.disabled


def test_wrong_then_feedback_marks_every_option(content) -> None:
    w = make(content, "alpha-single")
    w.value = ["wrong-one"]
    w.check_button.click()
    assert w.answered and not w.correct and w.score == 0.0 and w.max_score == 1.0
    marks = w._choices.marks
    assert [m["status"] for m in marks] == ["chosen-wrong", "missed", "rightly-left"]
    assert "WRONG-ONE-EXPLANATION" in marks[0]["html"]
    assert w._choices.disabled and w.check_button.disabled
    assert w._choices.announcement.startswith("Incorrect.")


def test_right_answer_scores(content) -> None:
    w = make(content, "alpha-multiple")
    w.value = ["yes-a", "yes-c"]
    w.check_button.click()
    assert w.answered and w.correct and w.score == 1.0
    assert "✓ Correct" in w._feedback.value


def test_answer_key_is_not_in_the_synced_state_before_checking(content) -> None:
    for qid in ("alpha-single", "alpha-multiple"):
        question = content.question(qid)
        w = make(content, qid)
        w.value = [question.options[0].id]
        state = synced_state(w)
        for option in question.options:
            assert option.explanation not in state
            assert option.id not in state  # authored ids can hint at the answer
        assert question.explanation is None or question.explanation not in state
        assert '"correct"' not in state and "chosen-" not in state and "missed" not in state
        w.check_button.click()
        after = synced_state(w)
        assert question.options[0].explanation in after  # and now it is there


def test_a_second_click_changes_nothing(content) -> None:
    w = make(content, "alpha-single")
    w.value = ["right-one"]
    w.check_button.click()
    w._choices.selected = ["o0"]  # a stale browser tries to change the locked answer
    w.check_button.click()
    assert w.correct and w.verdict.response == ("right-one",)


def test_unknown_option_in_value_is_refused(content) -> None:
    w = make(content, "alpha-single")
    with pytest.raises(ValueError, match="unknown option 'nope'"):
        w.value = ["nope"]


def test_browser_sent_garbage_is_dropped(content) -> None:
    w = make(content, "alpha-single")
    w._choices.selected = ["o9", "<script>", "o1"]
    assert w.value == ("right-one",)
    w._choices.selected = ["o0", "o1"]  # two radio answers: the last one wins
    assert w.value == ("right-one",)


def test_a_failing_callback_shows_a_friendly_message(content, monkeypatch, caplog) -> None:
    w = make(content, "alpha-single")
    w.value = ["right-one"]
    monkeypatch.setattr("netedu.widgets.question.grade", lambda *a: 1 / 0)
    w.check_button.click()
    assert FRIENDLY_ERROR in w._feedback.value
    assert "ZeroDivisionError" in caplog.text and "Traceback" not in w._feedback.value
    assert not w.answered


def test_safe_html_sanitizes_every_assignment() -> None:
    box = SafeHTML()
    box.value = '<p onclick="x()">hi</p><script>alert(1)</script>'
    assert box.value == "<p>hi</p>"


def test_authored_markup_in_stems_and_options_is_sanitized(course: Path) -> None:
    path = course / "data/questions/alpha.yaml"
    text = path.read_text().replace("stem: Which option is right?", "stem: 'Which <img src=x onerror=alert(1)> is right?'")
    text = text.replace("text: The first option", "text: '<script>alert(1)</script>First'")
    path.write_text(text)
    content = load_content(course)
    w = make(content, "alpha-single")
    state = synced_state(w)
    assert "onerror" not in state and "<script" not in state
    assert "First" in w._choices.options[0]["html"]

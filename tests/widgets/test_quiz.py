"""The topic quiz: one question at a time, a running score, built lazily."""

from __future__ import annotations

from pathlib import Path

import pytest

import netedu
from netedu.content import load_content
from netedu.widgets import QuizWidget


@pytest.fixture
def quiz(course: Path) -> QuizWidget:
    return netedu.quiz("alpha", root=course)


def test_starts_on_the_first_question_with_a_zero_score(quiz: QuizWidget) -> None:
    assert isinstance(quiz, QuizWidget)
    assert quiz.index == 0 and quiz.answered == 0 and quiz.max_score == 2.0
    assert quiz.previous_button.disabled and not quiz.next_button.disabled
    assert "Question 1 of 2" in quiz._status.value
    assert "0 correct of 0 answered" in quiz._status.value


def test_running_score_follows_the_answers(quiz: QuizWidget) -> None:
    quiz.current.value = ["wrong-one"]
    quiz.current.check_button.click()
    assert (quiz.answered, quiz.correct, quiz.score) == (1, 0, 0.0)
    assert "0 correct of 1 answered" in quiz._status.value
    quiz.next_button.click()
    assert quiz.index == 1 and "Question 2 of 2" in quiz._status.value and quiz.next_button.disabled
    quiz.current.value = ["yes-a", "yes-c"]
    quiz.current.check_button.click()
    assert (quiz.answered, quiz.correct, quiz.score) == (2, 1, 1.0)
    assert "Finished: 1 of 2 correct." in quiz._status.value


def test_going_back_keeps_the_checked_answer(quiz: QuizWidget) -> None:
    quiz.current.value = ["right-one"]
    quiz.current.check_button.click()
    quiz.next_button.click()
    quiz.previous_button.click()
    assert quiz.index == 0 and quiz.current.answered and quiz.current.value == ("right-one",)


def test_questions_are_built_only_when_shown(quiz: QuizWidget) -> None:
    assert list(quiz._views) == [0]
    quiz.next_button.click()
    assert sorted(quiz._views) == [0, 1]


def test_unknown_topic_or_question_gives_a_message_not_a_traceback(course: Path) -> None:
    box = netedu.quiz("no-such-topic", root=course)
    assert "could not be loaded" in box.value and "no-such-topic" in box.value
    box = netedu.question("no-such-question", root=course)
    assert "could not be loaded" in box.value


def test_broken_content_gives_a_message_listing_the_problem(course: Path) -> None:
    path = course / "data/questions/alpha.yaml"
    path.write_text(path.read_text().replace("difficulty: core", "difficulty: impossible"))
    box = netedu.quiz("alpha", root=course)
    assert "could not be loaded" in box.value
    assert "data/questions/alpha.yaml:" in box.value and "difficulty" in box.value


def test_inline_question_is_one_question_widget(course: Path) -> None:
    w = netedu.question("alpha-multiple", root=course)
    assert w.question.id == "alpha-multiple" and "netedu-inline-question" in w._dom_classes
    assert load_content(course).question("alpha-multiple") is w.question

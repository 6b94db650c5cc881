"""Grading is pure Python: every verdict follows from the question and the response."""

from __future__ import annotations

from pathlib import Path

import pytest

from netedu.content import load_content
from netedu.grading import ResponseError, grade


@pytest.fixture
def questions(course: Path):
    content = load_content(course)
    return content.question("alpha-single"), content.question("alpha-multiple")


def test_single_right_and_wrong(questions) -> None:
    single, _ = questions
    right = grade(single, ["right-one"])
    assert right.correct and right.score == 1.0 and right.max_score == 1.0
    wrong = grade(single, ["wrong-one"])
    assert not wrong.correct and wrong.score == 0.0
    assert {o.option_id: o.status for o in wrong.options} == {
        "wrong-one": "chosen-wrong",
        "right-one": "missed",
        "wrong-two": "rightly-left",
    }


def test_multiple_needs_exactly_the_correct_set(questions) -> None:
    _, multiple = questions
    assert grade(multiple, ["yes-a", "yes-c"]).correct
    assert grade(multiple, ["yes-c", "yes-a"]).correct  # order does not matter
    partial = grade(multiple, ["yes-a"])
    assert not partial.correct and partial.chosen_correct == 1 and partial.total_correct == 2
    over = grade(multiple, ["yes-a", "yes-c", "no-b"])
    assert not over.correct
    assert {o.option_id: o.status for o in over.options}["no-b"] == "chosen-wrong"


@pytest.mark.parametrize(
    "response, message",
    [([], "choose an answer"), (["nope"], "unknown option 'nope'"), (["right-one", "wrong-one"], "exactly one")],
)
def test_bad_responses_are_explained(questions, response, message) -> None:
    single, _ = questions
    with pytest.raises(ResponseError, match=message):
        grade(single, response)


def test_repeated_choices_count_once(questions) -> None:
    single, _ = questions
    assert grade(single, ["right-one", "right-one"]).response == ("right-one",)

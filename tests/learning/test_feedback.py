"""Feedback says right and wrong in words and icons, explains every option, item or row, and cites."""

from __future__ import annotations

from pathlib import Path

import pytest

from netedu.content import load_content
from netedu.learning.feedback import answer_summary, feedback_for
from netedu.learning.grading import grade


@pytest.fixture
def content(course: Path):
    return load_content(course)


def fb(content, qid, response):
    q = content.question(qid)
    return feedback_for(q, grade(q, response), content.references_for)


def test_every_option_is_explained_and_cited(content) -> None:
    f = fb(content, "alpha-single", ["wrong-one"])
    assert [m.status for m in f.marks] == ["chosen-wrong", "missed", "rightly-left"]
    assert "Your answer: incorrect" in f.marks[0].html and "✗" in f.marks[0].html
    assert "Correct answer (not chosen)" in f.marks[1].html
    assert "WRONG-ONE-EXPLANATION" in f.marks[0].html
    assert "Ontario Health (Cancer Care Ontario), 2024" in f.marks[1].html  # option's own source wins
    assert "Rindi et al., 2018" in f.marks[0].html
    assert "KEY-POINT-SINGLE" in f.summary_html and "Not quite" in f.summary_html
    assert "https://doi.org/10.1038/s41379-018-0110-y" in f.summary_html
    assert f.announcement.startswith("Incorrect.")


def test_multiple_answer_summary_counts_choices(content) -> None:
    f = fb(content, "alpha-multiple", ["yes-a", "no-b"])
    assert "You chose 1 of 2 correct options and 1 incorrect." in f.summary_html
    right = fb(content, "alpha-multiple", ["yes-a", "yes-c"])
    assert "✓ Correct" in right.summary_html and right.announcement.startswith("Correct.")


def test_true_false_and_hotspot_name_the_answer(content) -> None:
    tf = fb(content, "beta-tf", ["true"])
    assert "The answer is: False." in tf.summary_html
    assert "TF-TRUE-EXPLANATION" in tf.marks[0].html and "TF-FALSE-EXPLANATION" in tf.marks[1].html
    hot = fb(content, "beta-hotspot", ["left-box"])
    assert "The answer is: Middle box." in hot.summary_html
    assert {m.key for m in hot.marks} == {"left-box", "middle-box", "right-box"}


def test_numeric_feedback_gives_value_answer_range_hint_and_method(content) -> None:
    f = fb(content, "beta-numeric", "2 %")
    assert "You answered 2 %; the answer is 12 % (answers from 11 to 13 % are accepted)." in f.summary_html
    assert "NUMERIC-HINT-LOW" in f.summary_html and "NUMERIC-EXPLANATION" in f.summary_html
    assert f.marks == ()


def test_ordering_feedback_says_where_each_item_belongs(content) -> None:
    f = fb(content, "beta-ordering", ["step-two", "step-one", "step-three", "step-four"])
    by_key = {m.key: m for m in f.marks}
    assert "You put it at 2; it belongs at 1" in by_key["step-one"].html
    assert "In the right place (3)" in by_key["step-three"].html and "ORDER-THREE" in by_key["step-three"].html
    assert "◐ Partly right" in f.summary_html and "2 of 4 items in the right place" in f.summary_html
    assert f.announcement.startswith("Partly right.")


def test_matching_feedback_shows_each_cell(content) -> None:
    answer = {"insulinoma": ["Insulin", "Supervised fast"], "gastrinoma": ["Gastrin", "Urine 5-HIAA"], "vipoma": ["VIP", "Plasma VIP"]}
    f = fb(content, "beta-matching", answer)
    gastrinoma = next(m for m in f.marks if m.key == "gastrinoma")
    assert "Partly right: Gastrinoma" in gastrinoma.html
    assert "Key test: you chose Urine 5-HIAA (incorrect; the match is Fasting gastrin)" in gastrinoma.html
    assert "5 of 6 matches right." in f.summary_html


def test_an_unanswered_question_shows_the_answer(content) -> None:
    html = answer_summary(content.question("beta-ordering"), content.references_for)
    assert "Not answered" in html and "1. First step; 2. Second step" in html
    assert "12 %" in answer_summary(content.question("beta-numeric"), content.references_for)
    assert "Insulinoma → Insulin, Supervised fast" in answer_summary(content.question("beta-matching"), content.references_for)

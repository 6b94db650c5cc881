"""Feedback says right and wrong in words and icons, explains every option, and cites."""

from __future__ import annotations

from pathlib import Path

from netedu.content import load_content
from netedu.feedback import feedback_for
from netedu.grading import grade


def test_every_option_is_explained_and_cited(course: Path) -> None:
    content = load_content(course)
    q = content.question("alpha-single")
    fb = feedback_for(q, grade(q, ["wrong-one"]), content.references_for)
    assert [o.status for o in fb.options] == ["chosen-wrong", "missed", "rightly-left"]
    assert "Your answer: incorrect" in fb.options[0].html and "✗" in fb.options[0].html
    assert "Correct answer (not chosen)" in fb.options[1].html
    assert "WRONG-ONE-EXPLANATION" in fb.options[0].html
    # an option's own reference wins over the question's
    assert "Ontario Health (Cancer Care Ontario), 2024" in fb.options[1].html
    assert "Rindi et al., 2018" in fb.options[0].html
    assert "KEY-POINT-SINGLE" in fb.summary_html and "Not quite" in fb.summary_html
    assert "https://doi.org/10.1038/s41379-018-0110-y" in fb.summary_html
    assert fb.announcement.startswith("Incorrect.")


def test_multiple_answer_summary_counts_choices(course: Path) -> None:
    content = load_content(course)
    q = content.question("alpha-multiple")
    fb = feedback_for(q, grade(q, ["yes-a", "no-b"]), content.references_for)
    assert "You chose 1 of 2 correct options and 1 incorrect." in fb.summary_html
    right = feedback_for(q, grade(q, ["yes-a", "yes-c"]), content.references_for)
    assert "✓ Correct" in right.summary_html and right.announcement.startswith("Correct.")

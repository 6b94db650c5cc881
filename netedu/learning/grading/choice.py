"""Grade choosing: single and multiple answer, true/false, and hotspot regions."""

from __future__ import annotations

from collections.abc import Sequence

from netedu.content.questions import Hotspot, MultipleChoice, SingleChoice, TrueFalse
from netedu.learning.grading.verdict import Mark, ResponseError, Verdict

__all__ = ["grade_choice"]

Choosing = SingleChoice | MultipleChoice | TrueFalse | Hotspot


def _status(chosen: bool, correct: bool) -> str:
    if chosen:
        return "chosen-correct" if correct else "chosen-wrong"
    return "missed" if correct else "rightly-left"


def grade_choice(question: Choosing, response: Sequence[str]) -> Verdict:
    """Right when exactly the correct options are chosen (all-or-nothing, marks per option)."""
    if isinstance(response, str):
        response = [response]
    chosen = tuple(dict.fromkeys(response))
    known = {o.id for o in question.options}
    if unknown := [c for c in chosen if c not in known]:
        raise ResponseError(f"unknown option {unknown[0]!r} for question {question.id!r}")
    if not chosen:
        raise ResponseError(
            "choose an answer before checking" if not isinstance(question, Hotspot) else "choose a region of the picture before checking"
        )
    if not isinstance(question, MultipleChoice) and len(chosen) != 1:
        raise ResponseError("choose exactly one answer")
    marks = tuple(Mark(o.id, _status(o.id in chosen, o.correct)) for o in question.options)
    correct = all(m.status in ("chosen-correct", "rightly-left") for m in marks)
    return Verdict(question.id, list(chosen), correct, float(correct), question.max_score, marks)

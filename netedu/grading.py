"""Grade a learner's response to a question: pure functions, no widgets, no I/O."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from .content.models import MultipleChoice, Question, SingleChoice

__all__ = ["OptionVerdict", "ResponseError", "Verdict", "grade"]

OptionStatus = Literal["chosen-correct", "chosen-wrong", "missed", "rightly-left"]


class ResponseError(ValueError):
    """The response cannot be graded (nothing chosen, an unknown option, two for one)."""


@dataclass(frozen=True)
class OptionVerdict:
    """What happened to one option: whether the learner chose it and whether it is correct."""

    option_id: str
    chosen: bool
    is_correct: bool

    @property
    def status(self) -> OptionStatus:
        if self.chosen:
            return "chosen-correct" if self.is_correct else "chosen-wrong"
        return "missed" if self.is_correct else "rightly-left"


@dataclass(frozen=True)
class Verdict:
    """The result of grading one response."""

    question_id: str
    response: tuple[str, ...]
    correct: bool
    score: float
    max_score: float
    options: tuple[OptionVerdict, ...]

    @property
    def chosen_correct(self) -> int:
        return sum(o.chosen and o.is_correct for o in self.options)

    @property
    def total_correct(self) -> int:
        return sum(o.is_correct for o in self.options)


def _choice(question: SingleChoice | MultipleChoice, response: Sequence[str]) -> Verdict:
    chosen = tuple(dict.fromkeys(response))  # keep order, drop repeats
    known = {o.id for o in question.options}
    if unknown := [c for c in chosen if c not in known]:
        raise ResponseError(f"unknown option {unknown[0]!r} for question {question.id!r}")
    if not chosen:
        raise ResponseError("choose an answer before checking")
    if isinstance(question, SingleChoice) and len(chosen) != 1:
        raise ResponseError("choose exactly one answer")
    verdicts = tuple(OptionVerdict(o.id, o.id in chosen, o.correct) for o in question.options)
    correct = all(v.chosen == v.is_correct for v in verdicts)
    return Verdict(question.id, chosen, correct, float(correct), float(question.max_score), verdicts)


def grade(question: Question, response: Sequence[str]) -> Verdict:
    """Grade ``response`` (the chosen option ids) against ``question``.

    Single answer: right when the one chosen option is the correct one. Multiple answer: right
    only when exactly the correct options are chosen (all-or-nothing), with per-option detail.

    >>> from netedu.content.models import SingleChoice
    >>> q = SingleChoice.model_validate({"id": "q", "type": "single", "objective": "o",
    ...     "difficulty": "core", "stem": "?", "references": ["r"], "options": [
    ...     {"id": "a", "text": "A", "correct": True, "explanation": "Yes."},
    ...     {"id": "b", "text": "B", "correct": False, "explanation": "No."}]})
    >>> grade(q, ["b"]).correct
    False
    """
    if isinstance(question, (SingleChoice, MultipleChoice)):
        return _choice(question, response)
    raise TypeError(f"cannot grade a {type(question).__name__}")

"""Grade a learner's response to any question type: pure functions, no widgets, no I/O."""

from __future__ import annotations

from typing import Any

from netedu.content.questions import Hotspot, Matching, MultipleChoice, Numeric, Ordering, Question, SingleChoice, TrueFalse
from netedu.learning.grading.arrange import grade_matching, grade_ordering
from netedu.learning.grading.choice import grade_choice
from netedu.learning.grading.numeric import grade_numeric, parse_number
from netedu.learning.grading.verdict import Mark, ResponseError, Verdict

__all__ = ["Mark", "ResponseError", "Verdict", "grade", "parse_number"]


def grade(question: Question, response: Any) -> Verdict:
    """Grade ``response`` against ``question``.

    Responses by type: option ids (single, multiple, true-false: ``["true"]``, hotspot: the
    region id); the typed text (numeric); item ids in the learner's order (ordering); a mapping
    of row id to one choice per column (matching). A case is graded part by part.

    >>> from netedu.content import load_content
    >>> from netedu.settings import find_root
    >>> question = load_content(find_root()).question("wan-net-vs-nec")
    >>> verdict = grade(question, ["net-g3", "nec-high-grade"])
    >>> verdict.correct, verdict.count("chosen-correct", "missed")
    (False, 3)
    """
    if isinstance(question, (SingleChoice, MultipleChoice, TrueFalse, Hotspot)):
        return grade_choice(question, response)
    if isinstance(question, Numeric):
        return grade_numeric(question, response)
    if isinstance(question, Ordering):
        return grade_ordering(question, response)
    if isinstance(question, Matching):
        return grade_matching(question, response)
    raise TypeError(f"a {type(question).__name__} is graded part by part, not as a whole")

"""What grading returns: a verdict with a mark for every option, item, row or region."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Mark", "ResponseError", "Verdict"]


class ResponseError(ValueError):
    """The response cannot be graded; the message is a hint the learner can act on."""


@dataclass(frozen=True)
class Mark:
    """How one option, item, row or region fared.

    ``status`` is one of: ``chosen-correct``, ``chosen-wrong``, ``missed``, ``rightly-left``
    (choices); ``in-place``, ``out-of-place`` (ordering); ``row-right``, ``row-partial``,
    ``row-wrong`` (matching). ``detail`` holds type-specific facts (positions, cells).
    """

    key: str
    status: str
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Verdict:
    """The result of grading one response."""

    question_id: str
    response: Any  # JSON-serializable: what the learner answered
    correct: bool
    score: float
    max_score: float
    marks: tuple[Mark, ...] = ()
    value: float | None = None  # a numeric answer, parsed
    hint: str | None = None  # feedback for a common wrong numeric answer

    def count(self, *statuses: str) -> int:
        return sum(m.status in statuses for m in self.marks)

"""Answer events for tests: what a learner's kernel would have recorded."""

from __future__ import annotations

import datetime as dt
from typing import Any

from netedu.store.events import AnswerEvent, stamp

#: A fixed moment the spaced-review tests count from.
T0 = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.timezone.utc)


def answer_at(question_id: str, correct: bool, when: dt.datetime, learner: str = "ada", response: Any = None) -> AnswerEvent:
    """An answer given at ``when``, fully right or wrong."""
    return AnswerEvent(
        learner=learner,
        question_id=question_id,
        topic_id=None,
        mode="tutor",
        response=response,
        correct=correct,
        score=float(correct),
        max_score=1.0,
        timestamp=stamp(when),
    )


def answer_now(learner: str, question_id: str, correct: bool = False, response: Any = ("a",), when: str | None = None) -> AnswerEvent:
    """An answer given now (or at the ISO time ``when``)."""
    fields = dict(
        learner=learner, question_id=question_id, topic_id="t", mode="tutor", correct=correct, score=float(correct), max_score=1.0
    )
    response = list(response) if isinstance(response, tuple) else response
    return AnswerEvent(timestamp=when, response=response, **fields) if when else AnswerEvent.now(response=response, **fields)

"""LearnerRecord: what one learner answered, missed and has due again, and where they were."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from netedu.content import Content, Question, gradable
from netedu.learning.progress import Progress, summarize
from netedu.learning.spaced import Schedule, schedule
from netedu.store.events import AnswerEvent
from netedu.store.protocol import Store

__all__ = ["LAST_TOPIC", "LearnerRecord", "part_ids"]

#: The learner-state key of the last topic a learner opened ("continue where you left off").
LAST_TOPIC = "last_topic"


def part_ids(questions: Sequence[Question]) -> list[str]:
    """The ids that record answers: every question's, or each part's for a case."""
    return [p.id for q in questions for p in gradable(q)]


class LearnerRecord:
    """One learner's record in a store; every question about a learner's past asks it.

    >>> from netedu.store import MemoryStore
    >>> record = LearnerRecord(MemoryStore(), "ada")
    >>> record.remember_topic("staging"); record.last_topic()
    'staging'
    """

    def __init__(self, store: Store, learner: str):
        self.store, self.learner = store, learner

    def answers(self) -> list[AnswerEvent]:
        """Every answer this learner gave, oldest first."""
        return self.store.answers(self.learner)

    def latest(self, questions: Sequence[Question]) -> dict[str, AnswerEvent]:
        """The latest answer to each of ``questions`` (to each part of a case) answered so far."""
        return self.store.latest(self.learner, part_ids(questions))

    def missed(self, questions: Sequence[Question]) -> list[Question]:
        """The questions whose latest answer was not right (for a case: any part)."""
        latest = self.latest(questions)
        return [q for q in questions if any(p.id in latest and not latest[p.id].correct for p in gradable(q))]

    def schedule(self, questions: Sequence[Question], now: dt.datetime) -> Schedule:
        """When each question answered right comes back (see :mod:`netedu.learning.spaced`)."""
        return schedule(questions, self.answers(), now)

    def due(self, questions: Sequence[Question], now: dt.datetime) -> list[Question]:
        """The questions due again now, longest overdue first."""
        by_id = {q.id: q for q in questions}
        return [by_id[qid] for qid in self.schedule(questions, now).due]

    def progress(self, content: Content) -> Progress:
        """Progress by topic and objective, from the latest answers."""
        return summarize(content, self.latest([q for bank in content.questions.values() for q in bank]))

    def last_topic(self) -> str | None:
        """The topic this learner opened last (``None``: none yet)."""
        return self.store.get_state(self.learner, LAST_TOPIC)

    def remember_topic(self, topic_id: str) -> None:
        self.store.set_state(self.learner, LAST_TOPIC, topic_id)

"""Spaced review: questions a learner got right come back after growing gaps, so they stay known.

Every answer a learner gave is replayed, oldest first, through the FSRS scheduler (the ``fsrs``
package, as used by Anki): a right answer counts as *Good*, anything else as *Again*. A
question is **due again** when its latest answer was right and its scheduled date has passed.
Questions whose latest answer was wrong are not scheduled here: they are "what I missed",
reviewed at once (see :meth:`netedu.learning.record.LearnerRecord.missed`).

A case vignette is one unit: it is due when any of its parts is due, and waits while any part
was last answered wrongly (it is then under review as missed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from fsrs import Card, Rating, Scheduler

from netedu.content import Question, gradable
from netedu.store.events import AnswerEvent, parse_stamp

__all__ = ["Schedule", "replay", "schedule"]

# No same-day learning steps: a course is not a flashcard deck, and a learner who has just read
# the explanation does not need the question again ten minutes later. No fuzzing: the same
# answers always give the same dates (a learner's schedule is reproducible and testable).
_SCHEDULER = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)


def _when(event: AnswerEvent) -> dt.datetime:
    return parse_stamp(event.timestamp)


def replay(events: Iterable[AnswerEvent]) -> dict[str, tuple[Card, bool]]:
    """Each answered question's FSRS card after all its answers, and whether the latest was right."""
    out: dict[str, tuple[Card, bool]] = {}
    for event in sorted(events, key=_when):
        card = out[event.question_id][0] if event.question_id in out else Card(card_id=1)
        card, _log = _SCHEDULER.review_card(card, Rating.Good if event.correct else Rating.Again, review_datetime=_when(event))
        out[event.question_id] = (card, event.correct)
    return out


@dataclass(frozen=True)
class Schedule:
    """When each question (a case counts once) comes back for this learner."""

    due: tuple[str, ...]  # due now, longest overdue first
    upcoming: tuple[tuple[str, dt.datetime], ...]  # not due yet, soonest first

    @property
    def next_due(self) -> dt.datetime | None:
        """When the next question not yet due comes due (``None``: none is waiting)."""
        return self.upcoming[0][1] if self.upcoming else None

    def due_by(self, when: dt.datetime) -> int:
        """How many questions will be due at ``when`` (those due now included)."""
        return len(self.due) + sum(1 for _, at in self.upcoming if at <= when)


def schedule(questions: Sequence[Question], events: Iterable[AnswerEvent], now: dt.datetime) -> Schedule:
    """The spaced-review schedule of ``questions`` from a learner's ``events``, as of ``now``."""
    cards = replay(events)
    dates: list[tuple[str, dt.datetime]] = []
    for q in questions:
        parts = gradable(q)
        answered = [cards[p.id] for p in parts if p.id in cards]
        if not answered or not all(right for _, right in answered):
            continue  # never tried, or missed: not in the spaced review
        dates.append((q.id, min(card.due for card, _ in answered)))
    dates.sort(key=lambda item: item[1])
    return Schedule(
        due=tuple(qid for qid, at in dates if at <= now),
        upcoming=tuple((qid, at) for qid, at in dates if at > now),
    )

"""A learner's progress, summarized from their latest answers: by topic and by objective."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from netedu.content import Content, gradable
from netedu.store.events import AnswerEvent

__all__ = ["ObjectiveProgress", "Progress", "Score", "TopicProgress", "summarize"]


@dataclass(frozen=True)
class Score:
    """Answers and points over a set of questions."""

    answered: int
    correct: int
    score: float
    max_score: float
    total: int  # questions there are to answer

    @property
    def percent(self) -> int | None:
        """Share of points earned on the questions answered (``None`` if none answered)."""
        return round(100 * self.score / self.max_score) if self.max_score else None


@dataclass(frozen=True)
class TopicProgress(Score):
    topic_id: str
    title: str


@dataclass(frozen=True)
class ObjectiveProgress(Score):
    topic_id: str
    objective_id: str
    text: str


@dataclass(frozen=True)
class Progress:
    topics: tuple[TopicProgress, ...]
    objectives: tuple[ObjectiveProgress, ...]
    missed: tuple[str, ...]  # question ids whose latest answer was not right

    @property
    def weakest(self) -> tuple[ObjectiveProgress, ...]:
        """Objectives with answers, lowest share first (ties: fewer answered first)."""
        tried = [o for o in self.objectives if o.answered]
        return tuple(sorted(tried, key=lambda o: (o.percent, o.answered)))

    @property
    def answered(self) -> int:
        return sum(t.answered for t in self.topics)


def _tally(questions: list, latest: Mapping[str, AnswerEvent]) -> tuple[int, int, float, float, int]:
    answered = correct = 0
    score = max_score = 0.0
    for q in questions:
        event = latest.get(q.id)
        if event is not None:
            answered += 1
            correct += event.correct
            score += event.score
            max_score += event.max_score
    return answered, correct, score, max_score, len(questions)


def summarize(content: Content, latest: Mapping[str, AnswerEvent]) -> Progress:
    """Progress from each question's latest answer (a case counts through its parts)."""
    topics, objectives, missed = [], [], []
    for topic in content.topics.values():
        parts = [p for q in content.questions[topic.id] for p in gradable(q)]
        topics.append(TopicProgress(*_tally(parts, latest), topic_id=topic.id, title=topic.title))
        for objective in topic.objectives:
            mine = [q for q in parts if q.objective == objective.id]
            objectives.append(ObjectiveProgress(*_tally(mine, latest), topic_id=topic.id, objective_id=objective.id, text=objective.text))
        missed += [q.id for q in parts if q.id in latest and not latest[q.id].correct]
    return Progress(tuple(topics), tuple(objectives), tuple(missed))

"""Progress summaries: by topic, by objective (weakest first), and what was missed."""

from __future__ import annotations

from pathlib import Path

from netedu.content import load_content
from netedu.learning.progress import summarize
from netedu.store.events import AnswerEvent


def event(qid: str, correct: bool, score: float | None = None) -> AnswerEvent:
    return AnswerEvent.now(
        learner="ada",
        question_id=qid,
        topic_id=None,
        mode="tutor",
        response=[],
        correct=correct,
        score=float(correct) if score is None else score,
        max_score=1.0,
    )


def test_nothing_answered(course: Path) -> None:
    p = summarize(load_content(course), {})
    assert p.answered == 0 and p.weakest == () and p.missed == ()
    alpha = p.topics[0]
    assert (alpha.topic_id, alpha.answered, alpha.total, alpha.percent) == ("alpha", 0, 2, None)


def test_topics_objectives_and_missed(course: Path) -> None:
    content = load_content(course)
    latest = {
        "alpha-single": event("alpha-single", True),
        "alpha-multiple": event("alpha-multiple", False),
        "beta-ordering": event("beta-ordering", False, 0.5),
        "beta-case-one": event("beta-case-one", True),  # a case counts through its parts
    }
    p = summarize(content, latest)
    alpha, beta = p.topics
    assert (alpha.answered, alpha.correct, alpha.percent) == (2, 1, 50)
    assert (beta.answered, beta.total, beta.correct) == (2, 7, 1)  # 5 questions + 2 case parts
    assert beta.percent == 75
    assert [o.objective_id for o in p.weakest] == ["obj-two", "obj-b", "obj-one"]
    assert set(p.missed) == {"alpha-multiple", "beta-ordering"}

"""LearnerRecord: what one learner answered, missed and has due, and where they were."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from netedu.content import load_content
from netedu.learning.record import LearnerRecord
from netedu.store.memory import MemoryStore
from netedu.widgets import QuizContext
from tests.support.answers import T0, answer_at


def test_a_case_with_a_missed_part_is_in_the_review_of_what_was_missed(course: Path) -> None:
    content = load_content(course)
    store = MemoryStore()
    store.events.append(answer_at("beta-case-two", False, T0))
    ctx = QuizContext.from_content(content, topic_id="beta", learner="ada", store=store)
    assert [q.id for q in ctx.record.missed(content.questions["beta"])] == ["beta-case"]


def test_a_record_answers_latest_missed_due_and_last_visit(course: Path) -> None:
    content = load_content(course)
    store = MemoryStore()
    store.events += [
        answer_at("alpha-single", False, T0),
        answer_at("alpha-single", True, T0 + dt.timedelta(hours=1)),
        answer_at("alpha-multiple", False, T0),
        answer_at("alpha-single", False, T0, learner="grace"),
    ]
    record = LearnerRecord(store, "ada")
    alpha = content.questions["alpha"]
    assert {qid: e.correct for qid, e in record.latest(alpha).items()} == {"alpha-single": True, "alpha-multiple": False}
    assert [q.id for q in record.missed(alpha)] == ["alpha-multiple"]
    assert [q.id for q in record.due(alpha, T0 + dt.timedelta(days=60))] == ["alpha-single"]
    assert record.due(alpha, T0 + dt.timedelta(hours=2)) == []
    progress = record.progress(content)
    assert progress.answered == 2 and progress.missed == ("alpha-multiple",)
    assert record.last_topic() is None
    record.remember_topic("beta")
    assert record.last_topic() == "beta" and LearnerRecord(store, "grace").last_topic() is None

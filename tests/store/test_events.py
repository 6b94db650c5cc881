"""Answer events and the one clock format every stored time uses."""

from __future__ import annotations

import datetime as dt

from netedu.store.events import AnswerEvent, latest_per_learner, parse_stamp, stamp


def test_stamps_sort_as_time_does_and_never_repeat_in_a_process() -> None:
    stamps = [stamp() for _ in range(2000)]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    older = "2026-12-07T09:30:00.642+00:00"  # a release-0.1 stamp (milliseconds) sorts with the new ones
    assert older < stamp(parse_stamp(older) + dt.timedelta(microseconds=1))


def test_a_stamp_without_a_zone_is_read_as_utc() -> None:
    assert parse_stamp("2026-12-07T09:30:00").tzinfo == dt.timezone.utc


def test_the_latest_answer_of_each_learner_in_the_order_they_first_answered() -> None:
    def event(learner: str, response: str) -> AnswerEvent:
        return AnswerEvent.now(
            learner=learner, question_id="q", topic_id=None, mode="tutor", response=response, correct=False, score=0, max_score=1
        )

    latest = latest_per_learner([event("ada", "a"), event("bo", "b"), event("ada", "c")])
    assert [(e.learner, e.response) for e in latest] == [("ada", "c"), ("bo", "b")]

"""Spaced review: questions answered right return after growing gaps; missed ones are not here."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from netedu.content import load_content
from netedu.learning.spaced import Schedule, replay, schedule
from netedu.store.events import AnswerEvent
from tests.support.answers import T0, answer_at

answer = answer_at


def due_date(events: list[AnswerEvent], question_id: str) -> dt.datetime:
    return replay(events)[question_id][0].due


def test_a_right_answer_comes_back_after_days_and_each_further_right_answer_waits_longer() -> None:
    first = [answer("q", True, T0)]
    gap1 = due_date(first, "q") - T0
    assert dt.timedelta(days=1) <= gap1 <= dt.timedelta(days=4)
    second = [*first, answer("q", True, T0 + gap1)]
    gap2 = due_date(second, "q") - (T0 + gap1)
    third = [*second, answer("q", True, T0 + gap1 + gap2)]
    gap3 = due_date(third, "q") - (T0 + gap1 + gap2)
    assert gap1 < gap2 < gap3


def test_a_question_once_missed_comes_back_sooner_than_one_always_right() -> None:
    always = [answer("q", True, T0), answer("q", True, T0 + dt.timedelta(days=2))]
    lapsed = [answer("q", False, T0), answer("q", True, T0 + dt.timedelta(days=2))]
    assert due_date(lapsed, "q") < due_date(always, "q")


def test_the_schedule_is_the_same_every_time_and_order_of_arrival_does_not_matter() -> None:
    events = [answer("a", True, T0), answer("b", True, T0 + dt.timedelta(hours=5)), answer("a", True, T0 + dt.timedelta(days=3))]
    assert replay(events) == replay(list(reversed(events)))


def test_timestamps_without_a_zone_are_read_as_utc() -> None:
    aware = answer("q", True, T0)
    naive = dataclasses.replace(aware, timestamp=T0.replace(tzinfo=None).isoformat())
    assert due_date([aware], "q") == due_date([naive], "q")


def test_due_and_upcoming_with_missed_and_untried_questions_left_out(course: Path) -> None:
    content = load_content(course)
    questions = content.questions["alpha"] + content.questions["beta"]
    events = [
        answer("alpha-single", True, T0),  # due first
        answer("beta-tf", True, T0 + dt.timedelta(days=1)),  # due a day later
        answer("alpha-multiple", False, T0),  # missed: belongs to "review what I missed"
    ]
    first = due_date(events, "alpha-single")
    plan = schedule(questions, events, now=T0 + dt.timedelta(hours=1))
    assert plan.due == () and [q for q, _ in plan.upcoming] == ["alpha-single", "beta-tf"]
    assert plan.next_due == first
    later = schedule(questions, events, now=first)
    assert later.due == ("alpha-single",) and [q for q, _ in later.upcoming] == ["beta-tf"]
    assert later.due_by(due_date(events, "beta-tf")) == 2
    assert schedule(questions, [], now=T0) == Schedule((), ())


def test_a_case_is_one_unit_due_when_any_part_is_due_and_held_while_a_part_is_missed(course: Path) -> None:
    content = load_content(course)
    questions = content.questions["beta"]
    one_part = [answer("beta-case-one", True, T0)]
    later = T0 + dt.timedelta(days=30)
    assert "beta-case" in schedule(questions, one_part, now=later).due
    both = [*one_part, answer("beta-case-two", False, T0)]
    assert "beta-case" not in schedule(questions, both, now=later).due
    assert "beta-case" not in [q for q, _ in schedule(questions, both, now=later).upcoming]

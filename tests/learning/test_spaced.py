"""Spaced review: questions answered right return after growing gaps; missed ones are not here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from netedu.content import load_content
from netedu.store.events import AnswerEvent, MemorySink
from netedu.player import PlayerWidget, Route, parse_route
from netedu.player.views import _from_now
from netedu.learning.spaced import Schedule, replay, schedule
from netedu.widgets import QuizContext, QuizWidget
from netedu.widgets.quiz import due_again, missed_questions
from tests.widgets.helpers import RIGHT

T0 = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.timezone.utc)


def answer(question_id: str, correct: bool, when: dt.datetime, learner: str = "ada") -> AnswerEvent:
    return AnswerEvent(
        learner=learner, question_id=question_id, topic_id=None, mode="tutor", response=None,
        correct=correct, score=float(correct), max_score=1.0, timestamp=when.isoformat(timespec="milliseconds"),
    )


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
    naive = AnswerEvent(**{**aware.to_dict(), "timestamp": T0.replace(tzinfo=None).isoformat()})
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


def test_spaced_mode_asks_only_what_is_due_and_records_its_answers_as_spaced(course: Path) -> None:
    content = load_content(course)
    sink = MemorySink()
    long_ago = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=60)
    sink.events += [answer("alpha-single", True, long_ago), answer("alpha-multiple", False, long_ago)]
    ctx = QuizContext.from_content(content, "alpha", learner="ada", sink=sink)
    quiz = QuizWidget(content.questions["alpha"], ctx, label="Due again", mode="spaced")
    assert [q.id for q in quiz.questions] == ["alpha-single"]
    quiz.current.value = RIGHT["alpha-single"]
    quiz.current.check_button.click()
    assert sink.events[-1].mode == "spaced" and sink.events[-1].correct
    assert due_again(content.questions["alpha"], ctx) == []  # just answered: not due again now
    nothing = QuizWidget(content.questions["alpha"], QuizContext.from_content(content, "alpha", learner="grace", sink=sink), label="x", mode="spaced")
    assert nothing.questions == () and "Nothing is due again yet" in nothing._slot.children[0].value


def test_a_case_with_a_missed_part_is_in_the_review_of_what_was_missed(course: Path) -> None:
    content = load_content(course)
    sink = MemorySink()
    sink.events.append(answer("beta-case-two", False, T0))
    ctx = QuizContext.from_content(content, "beta", learner="ada", sink=sink)
    assert [q.id for q in missed_questions(content.questions["beta"], ctx)] == ["beta-case"]


@pytest.mark.parametrize(
    "wait, words",
    [({"minutes": 5}, "in less than an hour"), ({"hours": 3}, "in about 3 hours"), ({"hours": 26}, "tomorrow"),
     ({"days": 4}, "in 4 days"), ({"days": 23}, "in 3 weeks")],
)
def test_waits_are_said_in_words(wait, words) -> None:
    assert _from_now(T0 + dt.timedelta(**wait), T0) == words


def test_progress_routes_keep_a_known_section_only() -> None:
    assert parse_route("?view=progress&section=due-again") == Route("progress", section="due-again")
    assert parse_route(Route("progress", section="due-again").query) == Route("progress", section="due-again")
    assert parse_route("?view=progress&section=<b>") == Route("progress")


def _text(p: PlayerWidget) -> str:
    def walk(w):
        value = getattr(w, "value", "")
        yield value if isinstance(value, str) else ""
        for child in getattr(w, "children", ()):
            yield from walk(child)

    return " ".join(walk(p._main))


def test_the_player_shows_what_is_due_and_opens_the_spaced_review(course: Path) -> None:
    content = load_content(course)
    sink = MemorySink()
    now = dt.datetime.now(dt.timezone.utc)  # answers given in the player are stamped with the real time
    sink.events += [answer("alpha-single", True, now - dt.timedelta(days=30)), answer("beta-tf", True, now - dt.timedelta(hours=1))]
    p = PlayerWidget(content, learner="ada", sink=sink, now=lambda: now)
    assert "1 question you got right before is due again." in _text(p)
    p.go(Route("progress", section="due-again"))
    assert p.router.focus == "sec-due-again"
    assert "1 question due again now." in _text(p)
    start = next(w for w in p._main.children if getattr(w, "children", None) and getattr(w.children[0], "description", "") == "Review what is due")
    start.children[0].click()
    quiz = start.children[0]
    assert isinstance(quiz, QuizWidget) and quiz.mode == "spaced" and [q.id for q in quiz.questions] == ["alpha-single"]
    quiz.current.value = RIGHT["alpha-single"]
    quiz.current.check_button.click()
    p.go(Route())
    assert "due again" not in _text(p)
    p.go(Route("progress"))
    assert "Nothing is due again now. Next: 1 question in 2 days." in _text(p)


def test_a_learner_with_nothing_right_yet_is_told_how_the_schedule_fills(course: Path) -> None:
    content = load_content(course)
    sink = MemorySink()
    sink.events.append(answer("alpha-single", False, T0))
    p = PlayerWidget(content, learner="ada", sink=sink, query="?view=progress", now=lambda: T0)
    assert "Nothing yet: questions you answer right in the topics will be scheduled here." in _text(p)
    assert "due again" not in _text(PlayerWidget(content, learner="ada", sink=sink, now=lambda: T0)).lower()

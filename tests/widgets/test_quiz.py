"""Quizzes in tutor, exam and review modes, driven through their buttons."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import netedu
from netedu.content import load_content
from netedu.store.events import AnswerEvent
from netedu.store.memory import MemoryStore
from netedu.widgets import CaseWidget, QuizContext, QuizWidget
from tests.support.answers import answer_at
from tests.widgets.helpers import RIGHT, context


@pytest.fixture
def content(course: Path):
    return load_content(course)


def beta_quiz(content, **kw) -> QuizWidget:
    ctx = kw.pop("ctx", None) or context(content, topic="beta")
    return QuizWidget(content.questions["beta"], ctx, label="Beta", **kw)


# --- tutor --------------------------------------------------------------------------------


@pytest.fixture
def quiz(course: Path) -> QuizWidget:
    return netedu.quiz("alpha", root=course)


def test_starts_on_the_first_question_with_a_zero_score(quiz: QuizWidget) -> None:
    assert isinstance(quiz, QuizWidget)
    assert quiz.index == 0 and quiz.answered == 0 and quiz.max_score == 2.0
    assert quiz.previous_button.disabled and not quiz.next_button.disabled
    assert "Question 1 of 2" in quiz._status.value and "0 correct of 0 answered" in quiz._status.value
    assert quiz.finish_button not in quiz._nav.children  # only exams can be finished


def test_running_score_follows_the_answers(quiz: QuizWidget) -> None:
    quiz.current.value = ["wrong-one"]
    quiz.current.check_button.click()
    assert (quiz.answered, quiz.correct, quiz.score) == (1, 0, 0.0)
    assert "0 correct of 1 answered" in quiz._status.value
    quiz.next_button.click()
    assert quiz.index == 1 and "Question 2 of 2" in quiz._status.value and quiz.next_button.disabled
    quiz.current.value = ["yes-a", "yes-c"]
    quiz.current.check_button.click()
    assert (quiz.answered, quiz.correct, quiz.score) == (2, 1, 1.0)
    assert "Finished: 1 of 2 correct." in quiz._status.value


def test_tutor_keeps_the_authored_order_and_builds_lazily(quiz: QuizWidget) -> None:
    assert [q.id for q in quiz.questions] == ["alpha-single", "alpha-multiple"]
    assert list(quiz._views) == [0]
    quiz.next_button.click()
    quiz.previous_button.click()
    assert sorted(quiz._views) == [0, 1]


def test_every_type_in_one_quiz_scores_partial_credit(content) -> None:
    quiz = beta_quiz(content, shuffle_questions=False)
    assert quiz.max_score == 7.0  # five questions + a case of two parts
    for i, q in enumerate(quiz.questions):
        quiz._show(i)
        view = quiz.current
        if isinstance(view, CaseWidget):
            view.parts[0].value = ["urine"]
            view.parts[0].check_button.click()
            view.parts[1].value = ["false"]
            view.parts[1].check_button.click()
        elif q.id == "beta-ordering":
            view.value = ["step-two", "step-one", "step-three", "step-four"]  # 5 of 6 pairs
            view.check_button.click()
        else:
            view.value = RIGHT[q.id]
            view.check_button.click()
    assert quiz.answered == 6 and quiz.correct == 5
    assert quiz.score == pytest.approx(6 + 5 / 6, abs=1e-3)


# --- exam ---------------------------------------------------------------------------------


def test_exam_saves_without_feedback_then_finishes_with_results(content) -> None:
    ctx = context(content, topic="alpha")
    quiz = QuizWidget(content.questions["alpha"], ctx, label="Alpha", mode="exam", shuffle_questions=False)
    assert quiz.finish_button in quiz._nav.children and "Exam" in quiz._status.value
    quiz.current.value = ["wrong-one"]
    quiz.current.check_button.click()
    assert quiz.answered == 1
    assert quiz.current.adapter.widget.marks == [] and "1 of 2 answers saved" in quiz._status.value
    assert [e.mode for e in ctx.store.events] == ["exam"]  # saved answers are recorded at once
    quiz.next_button.click()
    quiz.current.value = ["yes-a", "yes-c"]  # chosen but not saved: finishing saves it
    quiz.finish_button.click()
    assert quiz.finished and quiz.answered == 2 and quiz.score == 1.0
    assert "You scored 1 of 2 points (50%)" in quiz._results.value
    assert "✗ Incorrect" in quiz._results.value and "✓ Correct" in quiz._results.value
    first = quiz._view(0)
    assert first.locked and first.adapter.widget.marks  # every question now shows its feedback
    assert "Exam finished: 1 of 2 points." in quiz._status.value
    assert len(ctx.store.events) == 2


def test_exam_with_a_time_limit_ends_by_itself(content) -> None:
    now = [1000.0]
    quiz = beta_quiz(content, mode="exam", time_limit=1, clock=lambda: now[0])
    assert "Time left: 1:00" in quiz._timer.value
    now[0] += 30
    quiz.tick()
    assert "Time left: 0:30" in quiz._timer.value and quiz.time_left() == 30
    tf = next(i for i, q in enumerate(quiz.questions) if q.id == "beta-tf")
    quiz._show(tf)
    quiz.current.value = ["false"]
    quiz.current.check_button.click()
    now[0] += 31
    quiz.next_button.click() if quiz.index < len(quiz.questions) - 1 else quiz.previous_button.click()
    assert quiz.finished and "Time is up" in quiz._results.value and "Time is up" in quiz._timer.value
    assert quiz.score == 1.0 and "– Not answered" in quiz._results.value
    for i in range(len(quiz.questions)):
        assert quiz._view(i).revealed


@pytest.mark.parametrize("bad", [dict(mode="tutor", time_limit=5), dict(mode="exam", time_limit=0), dict(mode="quiz")])
def test_bad_mode_settings_are_refused(content, bad) -> None:
    with pytest.raises(ValueError):
        beta_quiz(content, **bad)


def test_bad_mode_from_a_notebook_is_a_message(course: Path) -> None:
    box = netedu.quiz("alpha", mode="practice", root=course)
    assert "could not be loaded" in box.value and "unknown quiz mode" in box.value


# --- order and review ---------------------------------------------------------------------


def test_exam_order_is_seeded_per_learner(content) -> None:
    def order(learner):
        return [q.id for q in beta_quiz(content, mode="exam", ctx=context(content, learner=learner, topic="beta")).questions]

    assert order("ada") == order("ada")
    assert len({tuple(order(f"learner-{n}")) for n in range(10)}) > 1


def test_review_shows_only_what_the_learner_last_got_wrong(content) -> None:
    ctx = context(content, learner="ada", topic="beta")
    store = ctx.store

    def answered(qid, correct):
        store.record(
            AnswerEvent.now(
                learner="ada",
                question_id=qid,
                topic_id="beta",
                mode="tutor",
                response=[],
                correct=correct,
                score=float(correct),
                max_score=1.0,
            )
        )

    answered("beta-tf", False)
    answered("beta-numeric", False)
    answered("beta-numeric", True)  # later put right: not missed any more
    answered("beta-hotspot", True)
    store.record(
        AnswerEvent.now(
            learner="someone-else",
            question_id="beta-matching",
            topic_id="beta",
            mode="tutor",
            response={},
            correct=False,
            score=0,
            max_score=1,
        )
    )
    review = beta_quiz(content, mode="review", ctx=ctx)
    assert [q.id for q in review.questions] == ["beta-tf"]
    assert "Review of missed questions" in review._status.value
    review.current.value = ["false"]
    review.current.check_button.click()
    assert review.current.adapter.widget.marks  # review gives feedback at once
    assert beta_quiz(content, mode="review", ctx=ctx).questions == ()  # nothing left to review


def test_review_with_nothing_missed_says_so(content) -> None:
    review = beta_quiz(content, mode="review")
    assert review.questions == () and "Nothing to review" in review._slot.children[0].value
    assert review.previous_button.disabled and review.next_button.disabled


# --- from notebooks -----------------------------------------------------------------------


def test_unknown_topic_or_question_gives_a_message_not_a_traceback(course: Path) -> None:
    box = netedu.quiz("no-such-topic", root=course)
    assert "could not be loaded" in box.value and "no-such-topic" in box.value
    assert "could not be loaded" in netedu.question("no-such-question", root=course).value


def test_broken_content_gives_a_message_listing_the_problem(course: Path) -> None:
    path = course / "data/questions/alpha.yaml"
    path.write_text(path.read_text().replace("difficulty: core", "difficulty: impossible"))
    box = netedu.quiz("alpha", root=course)
    assert "could not be loaded" in box.value
    assert "data/questions/alpha.yaml:" in box.value and "difficulty" in box.value


def test_inline_questions_and_cases(course: Path) -> None:
    w = netedu.question("alpha-multiple", root=course)
    assert w.question.id == "alpha-multiple" and "netedu-inline-question" in w._dom_classes
    assert isinstance(netedu.question("beta-case", root=course), CaseWidget)
    part = netedu.question("beta-case-one", root=course)
    assert part.question.id == "beta-case-one"


def test_spaced_mode_asks_only_what_is_due_and_records_its_answers_as_spaced(course: Path) -> None:
    content = load_content(course)
    store = MemoryStore()
    long_ago = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=60)
    store.events += [answer_at("alpha-single", True, long_ago), answer_at("alpha-multiple", False, long_ago)]
    ctx = QuizContext.from_content(content, topic_id="alpha", learner="ada", store=store)
    quiz = QuizWidget(content.questions["alpha"], ctx, label="Due again", mode="spaced")
    assert [q.id for q in quiz.questions] == ["alpha-single"]
    quiz.current.value = RIGHT["alpha-single"]
    quiz.current.check_button.click()
    assert store.events[-1].mode == "spaced" and store.events[-1].correct
    assert ctx.record.due(content.questions["alpha"], dt.datetime.now(dt.timezone.utc)) == []  # just answered: not due again now
    nothing = QuizWidget(
        content.questions["alpha"],
        QuizContext.from_content(content, topic_id="alpha", learner="grace", store=store),
        label="x",
        mode="spaced",
    )
    assert nothing.questions == () and "Nothing is due again yet" in nothing._slot.children[0].value


def test_an_exam_counts_as_saved_only_the_answers_the_store_has(content) -> None:
    class Down(MemoryStore):
        def record(self, event):
            raise OSError(28, "No space left on device")

    ctx = context(content, topic="alpha").with_(store=Down())
    quiz = QuizWidget(content.questions["alpha"], ctx, label="Quiz: Alpha", mode="exam")
    quiz.current.adapter.widget.selected = ["k0"]
    quiz.current.check_button.click()
    assert "0 of 2 answers saved. 1 not saved yet." in quiz._status.value

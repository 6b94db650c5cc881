"""QuestionWidget: one question of any type; the learner answers, submits, and reads why."""

from __future__ import annotations

import logging
from typing import Any, Literal

import traitlets

from netedu.content.questions import Question
from netedu.learning.feedback import answer_summary, feedback_for
from netedu.learning.grading import ResponseError, Verdict, grade
from netedu.render import escape
from netedu.store.events import AnswerEvent
from netedu.widgets.adapters import adapter_for
from netedu.widgets.context import QuizContext
from netedu.widgets.guard import friendly
from netedu.widgets.html import SafeHTML
from netedu.widgets.response import ResponseWidget
from netedu.widgets.room import RoomPanel
from netedu.widgets.shared import VBox
from netedu.words import sentence

__all__ = ["Mode", "QuestionWidget", "SubmitButton"]

log = logging.getLogger("netedu")
Mode = Literal["tutor", "exam", "review", "spaced"]
NOT_SAVED = "Your answer is shown here but could not be saved. Please tell your instructor; do not reload the page yet."


class SubmitButton:
    """The answer control's submit button, seen from Python: ``click()`` submits as the
    learner's click does; ``description`` and ``disabled`` are what the page shows."""

    def __init__(self, control: ResponseWidget):
        self._control = control

    @property
    def description(self) -> str:
        return self._control.submit_label

    @description.setter
    def description(self, text: str) -> None:
        self._control.submit_label = text

    @property
    def disabled(self) -> bool:
        return self._control.submit_disabled

    @disabled.setter
    def disabled(self, value: bool) -> None:
        self._control.submit_disabled = value

    def click(self) -> None:
        self._control.submit()


class QuestionWidget(VBox):
    """One question, graded in Python when the learner submits.

    *tutor*, *review* and *spaced* modes show feedback at once ("Check answer"); *exam* mode locks the
    answer in silently ("Save answer") until :meth:`reveal`. Tests drive it like a learner:
    set ``.value``, then ``check_button.click()``.
    """

    answered = traitlets.Bool(False, help="True once an answer was submitted.")
    correct = traitlets.Bool(False, help="Whether the submitted answer was right.")
    score = traitlets.Float(0.0, help="Points earned by the submitted answer.")
    max_score = traitlets.Float(1.0, help="Points available for this question.")

    def __init__(self, question: Question, ctx: QuizContext, *, mode: Mode = "tutor", label: str = "", **kwargs: Any):
        self.question, self.ctx, self.mode = question, ctx, mode
        self.verdict: Verdict | None = None
        self.revealed = False
        self.adapter = adapter_for(question, ctx)
        # The control's own button: its request carries the answer on screen. It is never
        # disabled before answering (a disabled button cannot be focused); checking with
        # nothing chosen gets a hint instead.
        self.adapter.widget.submit_label = "Save answer" if mode == "exam" else "Check answer"
        self.check_button = SubmitButton(self.adapter.widget)
        self._feedback = SafeHTML()
        self._feedback.add_class("netedu-feedback")
        self.adapter.on_change(self._on_change)
        self.adapter.widget.on_submit(self._on_submit)
        children = [self.adapter.widget, self._feedback]
        # On the educator's screen only: the room's answers to this question, live.
        room = ctx.room
        self.room_panel = RoomPanel(question, room, educator=ctx.learner, order=self.adapter.shown_ids) if room is not None else None
        if self.room_panel is not None:
            children.append(self.room_panel)
        if label:
            children.insert(0, SafeHTML(f'<p class="netedu-part-label"><strong>{escape(label)}</strong></p>'))
        super().__init__(children, **kwargs)
        self.add_class("netedu-question")
        self.max_score = question.max_score

    @property
    def value(self) -> Any:
        """The learner's response as ids (what grading takes)."""
        return self.adapter.response()

    @value.setter
    def value(self, response: Any) -> None:
        self.adapter.set_response(response)

    @property
    def locked(self) -> bool:
        return self.adapter.widget.disabled

    def show_error(self, message: str) -> None:
        self._feedback.value = f'<p class="netedu-error" role="alert">{escape(message)}</p>'

    def _on_change(self) -> None:
        if not self.answered and "netedu-hint-message" in self._feedback.value:
            self._feedback.value = ""  # the learner is acting on the hint

    @friendly
    def _on_submit(self) -> None:
        if self.answered or self.locked:
            return
        try:
            verdict = grade(self.question, self.value)
        except ResponseError as err:
            hint = sentence(str(err))
            self.adapter.show_error(hint)
            self._feedback.value = f'<p class="netedu-hint-message" role="alert">{escape(hint)}</p>'
            return
        self.verdict = verdict
        saved = self._record(verdict)
        self.adapter.widget.disabled = True
        self.check_button.disabled = True
        if self.mode == "exam":
            self.check_button.description = "Answer saved"
            note = "Answer saved. You will see the feedback when you finish." if saved else NOT_SAVED
            self._feedback.value = f'<p class="netedu-saved">{escape(note)}</p>'  # the live region speaks it
            self.adapter.widget.announcement = note
        else:
            self.check_button.description = "Answer checked"
            self.reveal()
            if not saved:
                self._feedback.value += f'<p class="netedu-error" role="alert">{escape(NOT_SAVED)}</p>'
        self.score = verdict.score
        self.correct, self.answered = verdict.correct, True  # last: observers see the final state

    def _record(self, verdict: Verdict) -> bool:
        event = AnswerEvent.now(
            learner=self.ctx.learner,
            question_id=self.question.id,
            topic_id=self.ctx.topic_id,
            mode=self.mode,
            response=verdict.response,
            correct=verdict.correct,
            score=verdict.score,
            max_score=verdict.max_score,
        )
        try:
            self.ctx.store.record(event)
        except Exception:
            log.exception("netedu: could not record the answer to %s", self.question.id)
            return False
        return True

    def submit_pending(self) -> None:
        """Submit an answer the learner gave but did not save (used when an exam ends)."""
        if not self.answered and not self.locked and self.adapter.touched and self.adapter.has_answer():
            self._on_submit()

    def lock(self) -> None:
        """No more answers: the exam is over."""
        self.adapter.widget.disabled = True
        self.check_button.disabled = True

    def reveal(self) -> None:
        """Show the feedback (or, if unanswered, the answer)."""
        self.revealed = True
        if self.verdict is None:
            self.lock()
            self.check_button.description = "Not answered"
            self._feedback.value = answer_summary(self.question, self.ctx.references)
            return
        feedback = feedback_for(self.question, self.verdict, self.ctx.references)
        self.adapter.show(feedback)
        self._feedback.value = feedback.summary_html
        self.adapter.widget.announcement = feedback.announcement

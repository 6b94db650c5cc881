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
from netedu.store.outbox import outbox_for
from netedu.widgets.adapters import adapter_for
from netedu.widgets.context import QuizContext
from netedu.widgets.guard import friendly
from netedu.widgets.html import SafeHTML
from netedu.widgets.response import ResponseWidget
from netedu.widgets.room import RoomPanel
from netedu.widgets.saving import NOT_SAVED, SAVED_EXAM, SaveNote, in_kernel_loop
from netedu.widgets.shared import VBox
from netedu.words import sentence

__all__ = ["NOT_SAVED", "Mode", "QuestionWidget", "SubmitButton"]

log = logging.getLogger("netedu")
Mode = Literal["tutor", "exam", "review", "spaced"]


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
    saved = traitlets.Bool(False, help="True once the store has the submitted answer (its commit returned).")

    def __init__(self, question: Question, ctx: QuizContext, *, mode: Mode = "tutor", label: str = "", **kwargs: Any):
        self.question, self.ctx, self.mode = question, ctx, mode
        self.verdict: Verdict | None = None
        self.event: AnswerEvent | None = None  # the submitted answer, as the store keeps it
        self.save_note: SaveNote | None = None  # made when the learner submits
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
        self.adapter.widget.on_refuse(self._on_refuse)
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

    def _on_refuse(self, message: str) -> None:
        """The page sent an answer that is not one (e.g. an ordering that is not the list):
        nothing is graded or saved; the learner is told why."""
        hint = sentence(message)
        self.adapter.show_error(hint)
        self._feedback.value = f'<p class="netedu-hint-message" role="alert">{escape(hint)}</p>'

    @friendly
    def _on_submit(self) -> None:
        if self.answered or self.locked:
            return
        try:
            verdict = grade(self.question, self.value)
        except ResponseError as err:
            self._on_refuse(str(err))
            return
        self.verdict = verdict
        self.event = self._event(verdict)
        self.save_note = SaveNote(self.event.event_id, exam=self.mode == "exam")
        self.save_note.on_retry(self._on_retry)
        after = self.children.index(self.adapter.widget) + 1
        self.children = [*self.children[:after], self.save_note, *self.children[after:]]  # beside the answer
        outbox = outbox_for(self.ctx.store)
        saved = outbox.send(self.event, on_saved=in_kernel_loop(self._on_saved_later))
        self.adapter.widget.disabled = True
        self.check_button.disabled = True
        if self.mode == "exam":
            self._feedback.value = ""
            self.adapter.widget.announcement = SAVED_EXAM if saved else NOT_SAVED
        else:
            self.check_button.description = "Answer checked"
            self.reveal()
        self._show_saved(saved)
        self.score = verdict.score
        self.correct, self.answered = verdict.correct, True  # last: observers see the final state

    def _event(self, verdict: Verdict) -> AnswerEvent:
        """The answer as the store keeps it, with its idempotency key (made now, once)."""
        return AnswerEvent.now(
            learner=self.ctx.learner,
            question_id=self.question.id,
            topic_id=self.ctx.topic_id,
            mode=self.mode,
            response=verdict.response,
            correct=verdict.correct,
            score=verdict.score,
            max_score=verdict.max_score,
        )

    def _show_saved(self, saved: bool) -> None:
        if self.save_note is None or self.saved:
            return
        self.save_note.show("saved" if saved else "not-saved")
        if self.mode == "exam":
            self.check_button.description = "Answer saved" if saved else "Not saved yet"
        self.saved = saved

    def _on_saved_later(self) -> None:
        """The outbox's retry got the answer into the store."""
        self._show_saved(True)

    @friendly
    def _on_retry(self) -> None:
        """The learner's **Try saving again**."""
        if self.event is not None and not self.saved:
            self._show_saved(outbox_for(self.ctx.store).retry(self.event.event_id))

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

"""QuizWidget: a bank of questions, one at a time, in tutor, exam, review or spaced mode."""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Sequence
from typing import Any

import ipywidgets as ipw
import traitlets

from netedu.content.questions import Case, Question
from netedu.learning.seeded import shuffled
from netedu.render import escape
from netedu.store.events import utc_now
from netedu.widgets.case import CaseWidget
from netedu.widgets.context import QuizContext
from netedu.widgets.guard import friendly
from netedu.widgets.html import SafeHTML
from netedu.widgets.question import Mode, QuestionWidget
from netedu.widgets.shared import Button, HBox, VBox, auto_width

__all__ = ["QuizWidget"]

log = logging.getLogger("netedu")
QuestionView = QuestionWidget | CaseWidget


def _clock_text(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    return f"{seconds // 60}:{seconds % 60:02d}"


class QuizWidget(VBox):
    """Pages through questions (built when first shown) and keeps the score.

    * ``tutor``: feedback after each answer; questions in the authored order.
    * ``exam``: answers are saved without feedback; *Finish exam* (or the end of the time
      limit) locks everything and shows a results summary, then every question's feedback.
    * ``review``: only the questions this learner last got wrong, with feedback.
    * ``spaced``: only the questions this learner got right whose spaced-review date has come
      (they return after growing gaps so they stay known), with feedback.

    Question order is shuffled per learner in exam and review modes (``shuffle_questions``
    overrides); a reload shows the same order.
    """

    index = traitlets.Int(0, help="Position of the visible question (0-based).")
    answered = traitlets.Int(0, help="How many questions have been submitted.")
    correct = traitlets.Int(0, help="How many submitted answers were right.")
    score = traitlets.Float(0.0, help="Points earned so far.")
    max_score = traitlets.Float(0.0, help="Points available in the whole quiz.")
    finished = traitlets.Bool(False, help="True once an exam is over.")

    def __init__(
        self,
        questions: Sequence[Question],
        ctx: QuizContext,
        *,
        label: str,
        mode: Mode = "tutor",
        time_limit: float | None = None,
        shuffle_questions: bool | None = None,
        clock: Callable[[], float] = time.monotonic,
        now: dt.datetime | None = None,
        **kwargs: Any,
    ):
        if mode not in ("tutor", "exam", "review", "spaced"):
            raise ValueError(f"unknown quiz mode {mode!r}: use 'tutor', 'exam', 'review' or 'spaced'")
        if time_limit is not None and (mode != "exam" or time_limit <= 0):
            raise ValueError("a time limit (in minutes, more than 0) is only for exam mode")
        self.ctx, self.mode, self._label, self._clock = ctx, mode, label, clock
        if mode == "review":
            questions = ctx.record.missed(questions)
        elif mode == "spaced":
            questions = ctx.record.due(questions, now or utc_now())
        if shuffle_questions if shuffle_questions is not None else mode != "tutor":
            questions = shuffled(questions, ctx.learner, ctx.topic_id or "", mode, "questions")
        self.questions = tuple(questions)
        self._views: dict[int, QuestionView] = {}
        self._deadline = clock() + time_limit * 60 if time_limit else None
        self._status = SafeHTML()
        self._status.add_class("netedu-quiz-status")
        self._timer = SafeHTML()
        self._timer.add_class("netedu-timer")
        self._slot = VBox()
        self.previous_button = Button(description="Previous question", tooltip="Previous question", layout=auto_width())
        self.next_button = Button(description="Next question", tooltip="Next question", layout=auto_width())
        self.finish_button = Button(description="Finish exam", tooltip="Finish exam", layout=auto_width())
        for button, name in ((self.previous_button, "previous"), (self.next_button, "next"), (self.finish_button, "finish")):
            button.add_class(f"netedu-{name}")
        self.previous_button.on_click(self._on_previous)
        self.next_button.on_click(self._on_next)
        self.finish_button.on_click(self._on_finish)
        nav = [self.previous_button, self.next_button] + ([self.finish_button] if mode == "exam" else [])
        self._nav = HBox(nav)
        self._nav.add_class("netedu-quiz-nav")
        self._results = SafeHTML()
        self._results.add_class("netedu-results")
        self._error = SafeHTML()
        top = [self._status] + ([self._timer] if self._deadline else [])
        super().__init__([*top, self._results, self._slot, self._nav, self._error], **kwargs)
        self.add_class("netedu-quiz")
        self.max_score = float(sum(q.max_score for q in self.questions))
        self._ticker = None
        if not self.questions:
            self._empty()
            return
        self._show(0)
        if self._deadline:
            self._start_ticker()

    # --- paging --------------------------------------------------------------------------

    @property
    def current(self) -> QuestionView:
        return self._view(self.index)

    def _view(self, i: int) -> QuestionView:
        if i not in self._views:
            q = self.questions[i]
            view: QuestionView = (
                CaseWidget(q, self.ctx, mode=self.mode) if isinstance(q, Case) else QuestionWidget(q, self.ctx, mode=self.mode)
            )
            view.observe(self._on_answered, names=["answered", "score"])
            for part in getattr(view, "parts", [view]):  # "saved" only once the store has it
                part.observe(self._on_answered, names="saved")
            if self.finished:
                view.lock()
                view.reveal()
            self._views[i] = view
        return self._views[i]

    def _show(self, i: int) -> None:
        self.index = i
        self._slot.children = (self._view(i),)
        self.previous_button.disabled = i == 0
        self.next_button.disabled = i == len(self.questions) - 1
        self._update_status()

    def _empty(self) -> None:
        if self.mode == "review":
            message = "Nothing to review here: you have not got any of these questions wrong (or not tried them yet)."
        elif self.mode == "spaced":
            message = "Nothing is due again yet: questions you got right come back after a few days."
        else:
            message = "This quiz has no questions yet."
        self._slot.children = (SafeHTML(f'<p class="netedu-empty">{escape(message)}</p>'),)
        for button in (self.previous_button, self.next_button, self.finish_button):
            button.disabled = True
        self._status.value = f"<p><strong>{escape(self._label)}</strong></p>"

    def _update_status(self) -> None:
        total = len(self.questions)
        if self.finished:
            progress = f"Exam finished: {self.score:g} of {self.max_score:g} points."
        elif self.mode == "exam":
            saved = sum(all(p.saved for p in getattr(v, "parts", [v])) for v in self._views.values() if v.answered)
            progress = f"{saved} of {total} answers saved." + (f" {self.answered - saved} not saved yet." if self.answered > saved else "")
        elif self.answered == total:
            progress = f"Finished: {self.correct} of {total} correct."
        else:
            progress = f"Score so far: {self.correct} correct of {self.answered} answered."
        mode = {"tutor": "", "exam": " · Exam", "review": " · Review of missed questions", "spaced": " · Due again"}[self.mode]
        self._status.value = (
            f"<p><strong>{escape(self._label)}</strong>{escape(mode)} · Question {self.index + 1} of {total}"
            f' · <span class="netedu-score">{escape(progress)}</span></p>'
        )

    def _on_answered(self, _change: dict) -> None:
        views = [v for v in self._views.values() if v.answered or v.score]
        self.score = sum(v.score for v in views)
        self.correct = sum(v.correct for v in self._views.values() if v.answered)
        self.answered = sum(v.answered for v in self._views.values())
        self._update_status()

    def show_error(self, message: str) -> None:
        self._error.value = f'<p class="netedu-error" role="alert">{escape(message)}</p>'

    @friendly
    def _on_previous(self, _button: ipw.Button | None = None) -> None:
        self.tick()
        if self.index > 0:
            self._show(self.index - 1)

    @friendly
    def _on_next(self, _button: ipw.Button | None = None) -> None:
        self.tick()
        if self.index < len(self.questions) - 1:
            self._show(self.index + 1)

    # --- exam ----------------------------------------------------------------------------

    @friendly
    def _on_finish(self, _button: ipw.Button | None = None) -> None:
        self.finish()

    def finish(self, *, timed_out: bool = False) -> None:
        """End the exam: save answers given but not saved, lock everything, show the results."""
        if self.finished or self.mode != "exam":
            return
        self._stop_ticker()
        views = [self._view(i) for i in range(len(self.questions))]
        for view in views:
            view.submit_pending()
            view.lock()
        self.finished = True
        for view in views:
            view.reveal()
        self.finish_button.disabled = True
        self._on_answered({})
        self._results.value = self._results_html(views, timed_out)
        if self._deadline:
            self._timer.value = '<p class="netedu-timer-text">Time is up.</p>' if timed_out else ""
        self._show(self.index)

    def _results_html(self, views: list[QuestionView], timed_out: bool) -> str:
        rows = []
        for n, view in enumerate(views, start=1):
            if not view.answered:
                result = "– Not answered"
            elif view.correct:
                result = "✓ Correct"
            elif view.score:
                result = f"◐ Partly right ({view.score:g} of {view.max_score:g})"
            else:
                result = "✗ Incorrect"
            rows.append(f"<tr><td>{n}</td><td>{escape(result)}</td><td>{view.score:g} / {view.max_score:g}</td></tr>")
        lead = "Time is up: your saved answers were marked." if timed_out else "Your exam is marked."
        return (
            f'<section class="netedu-results-box" aria-label="Exam results"><p role="status"><strong>{escape(lead)}</strong> '
            f"You scored {self.score:g} of {self.max_score:g} points ({self.score / self.max_score:.0%}).</p>"
            '<table><thead><tr><th scope="col">Question</th><th scope="col">Result</th><th scope="col">Points</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>"
            "<p>Use <em>Previous question</em> and <em>Next question</em> to review each question with its feedback.</p></section>"
        )

    def time_left(self) -> float | None:
        """Seconds left before an exam's time limit, or ``None`` without one."""
        return None if self._deadline is None else max(0.0, self._deadline - self._clock())

    def tick(self) -> None:
        """Update the countdown; finish the exam when time is up."""
        left = self.time_left()
        if left is None or self.finished:
            return
        if left <= 0:
            self.finish(timed_out=True)
        else:
            self._timer.value = f'<p class="netedu-timer-text">Time left: {_clock_text(left)}</p>'

    def _start_ticker(self) -> None:
        self.tick()
        try:
            from tornado.ioloop import PeriodicCallback

            self._ticker = PeriodicCallback(self._safe_tick, 1000)
            self._ticker.start()
        except RuntimeError:  # no event loop (plain Python): the countdown moves on interaction
            self._ticker = None

    def _safe_tick(self) -> None:
        try:
            self.tick()
        except Exception:  # never let the timer break the kernel's loop
            log.exception("netedu: the exam timer failed")
            self._stop_ticker()

    def _stop_ticker(self) -> None:
        if self._ticker is not None:
            self._ticker.stop()
            self._ticker = None

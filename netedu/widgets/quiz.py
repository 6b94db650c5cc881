"""QuizWidget: a topic's question bank, one question at a time, with a running score."""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as ipw
import traitlets

from ..content.models import Question
from ..render import escape
from .guard import friendly
from .html import SafeHTML
from .question import QuestionWidget, ReferenceLookup

__all__ = ["QuizWidget"]


class QuizWidget(ipw.VBox):
    """Pages through questions (built when first shown) and keeps the score.

    ``next_button.click()`` / ``previous_button.click()`` move; ``current`` is the visible
    :class:`QuestionWidget`.
    """

    index = traitlets.Int(0, help="Position of the visible question (0-based).")
    answered = traitlets.Int(0, help="How many questions have been checked.")
    correct = traitlets.Int(0, help="How many checked answers were right.")
    score = traitlets.Float(0.0, help="Points earned so far.")
    max_score = traitlets.Float(0.0, help="Points available in the whole quiz.")

    def __init__(self, questions: Sequence[Question], references: ReferenceLookup, *, label: str, **kwargs):
        if not questions:
            raise ValueError("a quiz needs at least one question")
        self.questions = tuple(questions)
        self._references = references
        self._views: dict[int, QuestionWidget] = {}
        self._status = SafeHTML()
        self._status.add_class("netedu-quiz-status")
        self._slot = ipw.VBox()
        self.previous_button = ipw.Button(description="Previous question", tooltip="Previous question")
        self.next_button = ipw.Button(description="Next question", tooltip="Next question")
        self.previous_button.add_class("netedu-previous")
        self.next_button.add_class("netedu-next")
        self.previous_button.on_click(self._on_previous)
        self.next_button.on_click(self._on_next)
        nav = ipw.HBox([self.previous_button, self.next_button])
        nav.add_class("netedu-quiz-nav")
        self._error = SafeHTML()
        self._label = label
        super().__init__([self._status, self._slot, nav, self._error], **kwargs)
        self.add_class("netedu-quiz")
        self.max_score = float(sum(q.max_score for q in self.questions))
        self._show(0)

    @property
    def current(self) -> QuestionWidget:
        return self._view(self.index)

    def _view(self, i: int) -> QuestionWidget:
        if i not in self._views:
            view = QuestionWidget(self.questions[i], self._references)
            view.observe(self._on_answered, names="answered")
            self._views[i] = view
        return self._views[i]

    def _show(self, i: int) -> None:
        self.index = i
        self._slot.children = (self._view(i),)
        self.previous_button.disabled = i == 0
        self.next_button.disabled = i == len(self.questions) - 1
        self._update_status()

    def _update_status(self) -> None:
        total = len(self.questions)
        if self.answered == total:
            progress = f"Finished: {self.correct} of {total} correct."
        else:
            progress = f"Score so far: {self.correct} correct of {self.answered} answered."
        self._status.value = (
            f'<p><strong>{escape(self._label)}</strong> · Question {self.index + 1} of {total}'
            f' · <span class="netedu-score">{escape(progress)}</span></p>'
        )

    def _on_answered(self, _change: dict) -> None:
        views = [v for v in self._views.values() if v.answered]
        self.score = sum(v.score for v in views)
        self.correct = sum(v.correct for v in views)
        self.answered = len(views)
        self._update_status()

    def show_error(self, message: str) -> None:
        self._error.value = f'<p class="netedu-error" role="alert">{escape(message)}</p>'

    @friendly
    def _on_previous(self, _button: ipw.Button | None = None) -> None:
        if self.index > 0:
            self._show(self.index - 1)

    @friendly
    def _on_next(self, _button: ipw.Button | None = None) -> None:
        if self.index < len(self.questions) - 1:
            self._show(self.index + 1)

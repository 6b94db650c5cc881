"""QuestionWidget: one question; the learner answers, checks, and reads why."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as ipw
import traitlets

from ..content.models import MultipleChoice, Question, Reference
from ..feedback import feedback_for
from ..grading import ResponseError, Verdict, grade
from ..render import escape, markdown, markdown_inline
from .choice import ChoiceGroupWidget
from .guard import friendly
from .html import SafeHTML

__all__ = ["QuestionWidget"]

ReferenceLookup = Callable[[tuple[str, ...]], list[Reference]]


class QuestionWidget(ipw.VBox):
    """One single- or multiple-answer question, graded in Python when the learner checks.

    Tests drive it like a learner: set ``.value`` to option ids, then ``check_button.click()``.
    """

    answered = traitlets.Bool(False, help="True once an answer was checked.")
    correct = traitlets.Bool(False, help="Whether the checked answer was right.")
    score = traitlets.Float(0.0, help="Points earned by the checked answer.")
    max_score = traitlets.Float(1.0, help="Points available for this question.")

    def __init__(
        self,
        question: Question,
        references: ReferenceLookup,
        *,
        on_verdict: Callable[[Verdict], None] | None = None,
        **kwargs,
    ):
        self.question = question
        self.verdict: Verdict | None = None
        self._references = references
        self._on_verdict = on_verdict
        self._keys = {f"o{i}": option.id for i, option in enumerate(question.options)}
        multiple = isinstance(question, MultipleChoice)
        self._choices = ChoiceGroupWidget(
            legend_html=markdown(question.stem),
            hint="Select all that apply." if multiple else "Choose one answer.",
            options=[{"key": k, "html": markdown_inline(question.options[i].text)} for i, k in enumerate(self._keys)],
            multiple=multiple,
        )
        self.check_button = ipw.Button(
            description="Check answer", disabled=True, button_style="primary", tooltip="Check your answer"
        )
        self.check_button.add_class("netedu-check")
        self._feedback = SafeHTML()
        self._feedback.add_class("netedu-feedback")
        self._choices.observe(self._on_select, names="selected")
        self.check_button.on_click(self._on_check)
        super().__init__([self._choices, self.check_button, self._feedback], **kwargs)
        self.add_class("netedu-question")
        self.max_score = float(question.max_score)

    @property
    def value(self) -> tuple[str, ...]:
        """The ids of the chosen options."""
        return tuple(self._keys[k] for k in self._choices.selected)

    @value.setter
    def value(self, option_ids: tuple[str, ...] | list[str]) -> None:
        by_id = {v: k for k, v in self._keys.items()}
        unknown = [o for o in option_ids if o not in by_id]
        if unknown:
            raise ValueError(f"unknown option {unknown[0]!r} for question {self.question.id!r}")
        self._choices.selected = [by_id[o] for o in option_ids]

    def show_error(self, message: str) -> None:
        self._feedback.value = f'<p class="netedu-error" role="alert">{escape(message)}</p>'

    def _on_select(self, change: dict) -> None:
        self.check_button.disabled = self.answered or not change["new"]

    @friendly
    def _on_check(self, _button: ipw.Button | None = None) -> None:
        if self.answered:
            return
        try:
            verdict = grade(self.question, self.value)
        except ResponseError as err:
            self.show_error(str(err).capitalize() + ".")
            return
        feedback = feedback_for(self.question, verdict, self._references)
        self._choices.marks = [{"status": f.status, "html": f.html} for f in feedback.options]
        self._choices.disabled = True
        self.check_button.disabled = True
        self.check_button.description = "Answer checked"
        self._feedback.value = feedback.summary_html
        self._choices.announcement = feedback.announcement
        self.verdict = verdict
        self.score = verdict.score
        self.correct, self.answered = verdict.correct, True  # last: observers see the final state
        if self._on_verdict is not None:
            self._on_verdict(verdict)


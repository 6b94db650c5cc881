"""CaseWidget: a clinical vignette whose questions are revealed one after another."""

from __future__ import annotations

from typing import Any

import traitlets

from netedu.content.questions import Case
from netedu.render import markdown
from netedu.widgets.context import QuizContext
from netedu.widgets.html import SafeHTML
from netedu.widgets.question import Mode, QuestionWidget
from netedu.widgets.shared import VBox

__all__ = ["CaseWidget"]


class CaseWidget(VBox):
    """The case's stem stays on screen; part *n + 1* appears once part *n* is answered."""

    answered = traitlets.Bool(False, help="True once every part was submitted.")
    correct = traitlets.Bool(False, help="Whether every part was right.")
    score = traitlets.Float(0.0, help="Points earned over all parts.")
    max_score = traitlets.Float(1.0, help="Points available over all parts.")

    def __init__(self, case: Case, ctx: QuizContext, *, mode: Mode = "tutor", **kwargs: Any):
        self.question = case
        n = len(case.parts)
        self.parts = [QuestionWidget(p, ctx, mode=mode, label=f"Part {i} of {n}") for i, p in enumerate(case.parts, 1)]
        stem = SafeHTML(f'<div class="netedu-case-stem"><p class="netedu-case-label"><strong>Case</strong></p>{markdown(case.stem)}</div>')
        self._stem = stem
        for part in self.parts:
            part.observe(self._on_part, names="answered")
        super().__init__([stem, self.parts[0]], **kwargs)
        self.add_class("netedu-case")
        self.max_score = case.max_score

    @property
    def shown(self) -> int:
        """How many parts are on screen."""
        return len(self.children) - 1

    def _on_part(self, _change: dict) -> None:
        done = [p for p in self.parts if p.answered]
        self.score = sum(p.score for p in done)
        if self.shown < len(self.parts) and self.parts[self.shown - 1].answered:
            self.children = (*self.children, self.parts[self.shown])
        if len(done) == len(self.parts):
            self.correct = all(p.correct for p in done)
            self.answered = True

    @property
    def revealed(self) -> bool:
        return all(p.revealed for p in self.parts)

    def submit_pending(self) -> None:
        for part in self.parts[: self.shown]:
            part.submit_pending()

    def lock(self) -> None:
        for part in self.parts:
            part.lock()

    def reveal(self) -> None:
        self.children = (self._stem, *self.parts)
        for part in self.parts:
            part.reveal()

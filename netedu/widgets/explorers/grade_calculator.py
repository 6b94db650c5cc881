"""GradeCalculatorWidget: predict the WHO 2019 grade, then see it with the criterion that decided."""

from __future__ import annotations

from typing import Any

import traitlets

from netedu.explorers.grade_calculator import FIELDS, evaluate
from netedu.widgets.context import QuizContext
from netedu.widgets.form import FormWidget
from netedu.widgets.shared import VBox

__all__ = ["GradeCalculatorWidget"]


class GradeCalculatorWidget(VBox):
    """The learner gives Ki-67, mitoses and differentiation, predicts, then reveals."""

    label = traitlets.Unicode("", help="The grade shown after the last reveal.")
    predicted_right = traitlets.Bool(False, help="Whether the last prediction matched.")

    def __init__(self, _data: None, ctx: QuizContext, **kwargs: Any):
        self.ctx = ctx
        self.form = FormWidget(
            legend_html="<strong>Grade calculator (WHO 2019, digestive system)</strong>",
            hint="Enter what a pathology report might say, predict the grade, then reveal it. Either number may be left blank.",
            fields=FIELDS,
            submit_label="Reveal the grade",
        )
        self.form.on_submit(self._on_submit)
        super().__init__([self.form], **kwargs)
        self.add_class("netedu-explorer")

    def _on_submit(self, values: dict[str, str]) -> None:
        outcome = evaluate(values, self.ctx.references)
        self.form.show(outcome)
        if outcome.label:
            self.predicted_right = outcome.predicted_right
            self.label = outcome.label

"""Ki67CountingWidget: estimate the Ki-67 index of a generated field, then see the true count."""

from __future__ import annotations

import itertools
from typing import Any

from netedu.explorers.ki67_counting import MicroscopeField, evaluate, make_field, picture_html
from netedu.learning.seeded import seeded_rng
from netedu.widgets.context import QuizContext
from netedu.widgets.form import FormWidget
from netedu.widgets.html import SafeHTML
from netedu.widgets.shared import Button, VBox

__all__ = ["Ki67CountingWidget"]


class Ki67CountingWidget(VBox):
    """A field of tumour cells; the learner estimates, compares, and may ask for a new field."""

    def __init__(self, _data: None, ctx: QuizContext, **kwargs: Any):
        self.ctx = ctx
        first = seeded_rng(ctx.learner, "ki67-counting").randrange(1_000_000)
        self._seeds = itertools.count(first)
        self.field: MicroscopeField = make_field(next(self._seeds))
        self._picture = SafeHTML(picture_html(self.field))
        self.form = FormWidget(
            legend_html="<strong>Ki-67 counting exercise</strong>",
            hint="Brown nuclei are Ki-67-positive, blue ones negative. Estimate the index, then compare with the true count.",
            fields=[{"key": "estimate", "label": "Your estimate of the Ki-67 index", "kind": "number", "unit": "%"}],
            submit_label="Compare with the count",
        )
        self.form.on_submit(lambda values: self.form.show(evaluate(self.field, values, self.ctx.references)))
        self.new_button = Button(description="Show me another field", tooltip="Show me another field")
        self.new_button.add_class("netedu-secondary")
        self.new_button.on_click(lambda _b: self.new_field())
        super().__init__([self._picture, self.form, self.new_button], **kwargs)
        self.add_class("netedu-explorer")

    def new_field(self) -> None:
        self.field = make_field(next(self._seeds))
        self.form.result_html, self.form.errors, self.form.values = "", {}, {}
        self._picture.value = picture_html(self.field)
        self.form.announcement = "A new field is shown."

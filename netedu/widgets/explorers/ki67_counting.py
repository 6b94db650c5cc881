"""Ki67CountingWidget: estimate the Ki-67 index of a generated field, then see the true count."""

from __future__ import annotations

import itertools
from typing import Any

import ipywidgets as ipw

from netedu.learning.grading import ResponseError, parse_number
from netedu.medicine.ki67 import Field, field_svg, judge, make_field
from netedu.learning.seeded import seeded_rng
from netedu.render import escape
from netedu.widgets.context import QuizContext
from netedu.widgets.form import FormWidget
from netedu.widgets.html import SafeHTML
from netedu.widgets.explorers.common import sources

__all__ = ["Ki67CountingWidget"]


class Ki67CountingWidget(ipw.VBox):
    """A field of tumour cells; the learner estimates, compares, and may ask for a new field."""

    def __init__(self, ctx: QuizContext, **kwargs: Any):
        self.ctx = ctx
        first = seeded_rng(ctx.learner, "ki67-counting").randrange(1_000_000)
        self._seeds = itertools.count(first)
        self.field: Field = make_field(next(self._seeds))
        self._picture = SafeHTML()
        self.form = FormWidget(
            legend_html="<strong>Ki-67 counting exercise</strong>",
            hint="Brown nuclei are Ki-67-positive, blue ones negative. Estimate the index, then compare with the true count.",
            fields=[{"key": "estimate", "label": "Your estimate of the Ki-67 index", "kind": "number", "unit": "%"}],
            submit_label="Compare with the count",
        )
        self.form.on_submit(self._on_submit)
        self.new_button = ipw.Button(description="Show me another field", tooltip="Show me another field")
        self.new_button.add_class("netedu-secondary")
        self.new_button.on_click(lambda _b: self.new_field())
        super().__init__([self._picture, self.form, self.new_button], **kwargs)
        self.add_class("netedu-explorer")
        self._draw()

    def _draw(self) -> None:
        f = self.field
        self._picture.value = (
            f'<figure class="netedu-figure"><img src="{field_svg(f)}" width="{f.width}" height="{f.height}" '
            f'alt="A generated microscope field of {f.total} tumour cell nuclei; some are stained brown '
            f'(Ki-67-positive) and they crowd together in one area, the hot spot.">'
            "<figcaption>Blue: Ki-67-negative nuclei. Brown: Ki-67-positive nuclei.</figcaption></figure>"
            "<details><summary>Cannot see the picture?</summary>"
            f"<p>In this field, {f.positive} of {f.total} nuclei are brown. Work out the index from these counts.</p></details>"
        )

    def new_field(self) -> None:
        self.field = make_field(next(self._seeds))
        self.form.result_html = ""
        self.form.errors = {}
        self.form.values = {}
        self._draw()
        self.form.announcement = "A new field is shown."

    def _on_submit(self, values: dict[str, str]) -> None:
        try:
            estimate = parse_number(values.get("estimate", ""), "%", ("percent",))
            verdict = judge(self.field, estimate)
        except (ResponseError, ValueError) as err:
            message = str(err)[:1].upper() + str(err)[1:] + "."
            self.form.errors = {"estimate": message}
            self.form.announcement = message
            return
        self.form.errors = {}
        f = self.field
        off = verdict.difference
        closeness = "spot on" if abs(off) < 0.5 else f"{abs(off):.1f} points {'high' if off > 0 else 'low'}"
        if verdict.same_grade:
            grade = f"Both give {verdict.grade_true}."
        else:
            grade = (
                f"Your estimate would give {verdict.grade_by_estimate}, the count gives {verdict.grade_true}: "
                "near a cut-off, counting rather than eyeballing changes the grade."
            )
        text = (
            f"{f.positive} of {f.total} nuclei are brown: the index is {verdict.true_index:.1f}%. "
            f"You estimated {estimate:g}% ({closeness}). {grade}"
        )
        self.form.result_html = (
            f"<p><strong>{escape(text)}</strong></p>"
            "<p>WHO counts at least 500 cells in the hot spots, the areas of highest labelling, because "
            "the index varies across a tumour.</p>" + sources(self.ctx, "who-digestive-2019")
        )
        self.form.announcement = text

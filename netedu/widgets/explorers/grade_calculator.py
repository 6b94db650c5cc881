"""GradeCalculatorWidget: predict the WHO 2019 grade, then see it with the criterion that decided."""

from __future__ import annotations

from typing import Any

import ipywidgets as ipw
import traitlets

from netedu.learning.grading import ResponseError, parse_number
from netedu.medicine.pathology import who_grade
from netedu.render import escape
from netedu.widgets.context import QuizContext
from netedu.widgets.form import FormWidget
from netedu.widgets.explorers.common import sources

__all__ = ["GradeCalculatorWidget"]

LABELS = ("NET G1", "NET G2", "NET G3", "NEC")


class GradeCalculatorWidget(ipw.VBox):
    """The learner gives Ki-67, mitoses and differentiation, predicts, then reveals."""

    label = traitlets.Unicode("", help="The grade shown after the last reveal.")
    predicted_right = traitlets.Bool(False, help="Whether the last prediction matched.")

    def __init__(self, ctx: QuizContext, **kwargs: Any):
        self.ctx = ctx
        self.form = FormWidget(
            legend_html="<strong>Grade calculator (WHO 2019, digestive system)</strong>",
            hint="Enter what a pathology report might say, predict the grade, then reveal it. Either number may be left blank.",
            fields=[
                {"key": "ki67", "label": "Ki-67 index", "kind": "number", "unit": "%"},
                {"key": "mitoses", "label": "Mitotic count", "kind": "number", "unit": "per 2 mm²"},
                {"key": "differentiation", "label": "Differentiation", "kind": "choice",
                 "options": [{"value": "well", "label": "Well differentiated"}, {"value": "poor", "label": "Poorly differentiated"}]},
                {"key": "prediction", "label": "Your prediction", "kind": "choice",
                 "options": [{"value": v, "label": v} for v in LABELS]},
            ],
            submit_label="Reveal the grade",
        )
        self.form.on_submit(self._on_submit)
        super().__init__([self.form], **kwargs)
        self.add_class("netedu-explorer")

    def _number(self, values: dict, key: str, unit: str | None, errors: dict) -> float | None:
        text = values.get(key, "").strip()
        if not text:
            return None
        try:
            return parse_number(text, unit, ("percent",) if unit == "%" else ())
        except ResponseError as err:
            errors[key] = str(err)[:1].upper() + str(err)[1:] + "."
            return None

    def _on_submit(self, values: dict[str, str]) -> None:
        errors: dict[str, str] = {}
        ki67 = self._number(values, "ki67", "%", errors)
        mitoses = self._number(values, "mitoses", None, errors)
        differentiation = values.get("differentiation")
        prediction = values.get("prediction")
        if differentiation not in ("well", "poor"):
            errors["differentiation"] = "Choose the differentiation."
        if prediction not in LABELS:
            errors["prediction"] = "Predict first: choose the grade you expect."
        result = None
        if not errors:
            try:
                result = who_grade(ki67=ki67, mitoses=mitoses, differentiation=differentiation)  # type: ignore[arg-type]
            except ValueError as err:
                message = str(err)[:1].upper() + str(err)[1:] + "."
                errors["mitoses" if message.startswith("Mitotic") else "ki67"] = message
        self.form.errors = errors
        if result is None:
            self.form.result_html = ""
            self.form.announcement = "Please correct: " + " ".join(errors.values())
            return
        right = prediction == result.label
        verdict = "✓ Your prediction was right." if right else f"✗ You predicted {prediction}."
        self.form.result_html = (
            f'<p class="netedu-verdict {"netedu-verdict-correct" if right else "netedu-verdict-wrong"}"><strong>WHO 2019 grade: {escape(result.label)}</strong> · {escape(verdict)}</p>'
            f"<p>{escape(result.reason)}</p>{sources(self.ctx, 'who-digestive-2019')}"
        )
        self.form.announcement = f"WHO 2019 grade: {result.label}. {verdict} {result.reason}"
        self.predicted_right = right
        self.label = result.label

"""Grade calculator: the learner enters what a pathology report might say, predicts the WHO 2019
grade, then reveals it with the criterion that decided (pure logic over
:func:`netedu.medicine.pathology.who_grade`; no data file).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from netedu.explorers.forms import FormOutcome, read_number
from netedu.learning.feedback import ReferenceLookup, cite
from netedu.medicine.pathology import who_grade
from netedu.render import escape
from netedu.words import sentence

__all__ = ["FIELDS", "LABELS", "REFERENCES", "GradeOutcome", "evaluate"]

LABELS = ("NET G1", "NET G2", "NET G3", "NEC")
REFERENCES = ("who-digestive-2019",)
FIELDS = [
    {"key": "ki67", "label": "Ki-67 index", "kind": "number", "unit": "%"},
    {"key": "mitoses", "label": "Mitotic count", "kind": "number", "unit": "per 2 mm²"},
    {
        "key": "differentiation",
        "label": "Differentiation",
        "kind": "choice",
        "options": [{"value": "well", "label": "Well differentiated"}, {"value": "poor", "label": "Poorly differentiated"}],
    },
    {"key": "prediction", "label": "Your prediction", "kind": "choice", "options": [{"value": v, "label": v} for v in LABELS]},
]


@dataclass(frozen=True)
class GradeOutcome(FormOutcome):
    """A revealed grade (``label``, empty if the form had problems) and whether the prediction matched."""

    label: str = ""
    predicted_right: bool = False


def evaluate(values: Mapping[str, str], references: ReferenceLookup) -> GradeOutcome:
    """Grade what the learner entered and judge their prediction.

    >>> evaluate({"ki67": "12", "mitoses": "1", "differentiation": "well", "prediction": "NET G2"}, lambda ids: []).label
    'NET G2'
    """
    errors: dict[str, str] = {}
    ki67 = read_number(values, "ki67", "%", errors, required=False)
    mitoses = read_number(values, "mitoses", None, errors, required=False)
    differentiation, prediction = values.get("differentiation"), values.get("prediction")
    if differentiation not in ("well", "poor"):
        errors["differentiation"] = "Choose the differentiation."
    if prediction not in LABELS:
        errors["prediction"] = "Predict first: choose the grade you expect."
    if not errors:
        try:
            result = who_grade(ki67=ki67, mitoses=mitoses, differentiation=differentiation)  # type: ignore[arg-type]
        except ValueError as err:
            message = sentence(str(err))
            errors["mitoses" if message.startswith("Mitotic") else "ki67"] = message
    if errors:
        return GradeOutcome(**vars(FormOutcome.problems(errors)))
    right = prediction == result.label
    verdict = "✓ Your prediction was right." if right else f"✗ You predicted {prediction}."
    css = "netedu-verdict-correct" if right else "netedu-verdict-wrong"
    html = (
        f'<p class="netedu-verdict {css}"><strong>WHO 2019 grade: {escape(result.label)}</strong> · {escape(verdict)}</p>'
        f"<p>{escape(result.reason)}</p>{cite(references(REFERENCES))}"
    )
    return GradeOutcome({}, html, f"WHO 2019 grade: {result.label}. {verdict} {result.reason}", result.label, right)

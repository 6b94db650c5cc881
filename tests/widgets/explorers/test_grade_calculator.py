"""GradeCalculatorWidget, driven from Python as the page would drive it."""

from __future__ import annotations

import pytest

from netedu.widgets.explorers.grade_calculator import GradeCalculatorWidget


def test_grade_calculator_reveals_the_grade_and_judges_the_prediction(build) -> None:
    w = build("grade-calculator")
    assert isinstance(w, GradeCalculatorWidget)
    w.form.submit({"ki67": "12 %", "mitoses": "1", "differentiation": "well", "prediction": "NET G1"})
    assert w.label == "NET G2" and not w.predicted_right
    assert "WHO 2019 grade: NET G2" in w.form.result_html and "the Ki-67 index decides" in w.form.result_html
    assert w.form.announcement.startswith("WHO 2019 grade: NET G2.")
    w.form.submit({"ki67": "35", "mitoses": "", "differentiation": "poor", "prediction": "NEC"})
    assert w.label == "NEC" and w.predicted_right


@pytest.mark.parametrize(
    "values, field, words",
    [
        ({"ki67": "150", "differentiation": "well", "prediction": "NET G3"}, "ki67", "cannot be more than 100%"),
        ({"ki67": "lots", "differentiation": "well", "prediction": "NET G3"}, "ki67", "Type a number"),
        ({"mitoses": "-2", "differentiation": "well", "prediction": "NET G1"}, "mitoses", "cannot be negative"),
        ({"ki67": "5", "differentiation": "well"}, "prediction", "Predict first"),
        ({"ki67": "5", "prediction": "NET G2"}, "differentiation", "Choose the differentiation"),
        ({"differentiation": "well", "prediction": "NET G2"}, "ki67", "give the Ki-67 index, the mitotic count, or both"),
    ],
)
def test_grade_calculator_explains_bad_input(build, values, field, words) -> None:
    w = build("grade-calculator")
    w.form.submit(values)
    assert words.lower() in w.form.errors[field].lower() and w.form.result_html == "" and w.label == ""

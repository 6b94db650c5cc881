"""The grade calculator's form logic (the WHO rules themselves: tests/medicine/test_pathology.py)."""

from __future__ import annotations

from netedu.explorers.grade_calculator import evaluate


def test_the_grade_and_the_prediction_are_judged(content) -> None:
    outcome = evaluate({"ki67": "12 %", "mitoses": "1", "differentiation": "well", "prediction": "NET G1"}, content.references_for)
    assert (outcome.label, outcome.predicted_right) == ("NET G2", False) and "✗ You predicted NET G1." in outcome.html
    assert "World Health Organization" in outcome.html or "WHO" in outcome.html


def test_blank_numbers_are_allowed_but_one_is_needed() -> None:
    outcome = evaluate({"ki67": "", "mitoses": "", "differentiation": "well", "prediction": "NET G1"}, lambda ids: [])
    assert outcome.label == "" and outcome.errors == {"ki67": "Give the Ki-67 index, the mitotic count, or both."}

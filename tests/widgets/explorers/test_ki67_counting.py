"""Ki67CountingWidget, driven from Python as the page would drive it."""

from __future__ import annotations

from netedu.widgets.explorers.ki67_counting import Ki67CountingWidget


def test_ki67_exercise_compares_the_estimate_and_offers_a_new_field(build) -> None:
    w = build("ki67-counting")
    assert isinstance(w, Ki67CountingWidget) and "<img" in w._picture.value and "alt=" in w._picture.value
    truth = w.field.index
    w.form.submit({"estimate": f"{truth:.1f}"})
    assert f"{w.field.positive} of {w.field.total} nuclei are brown" in w.form.result_html
    first = w.field
    w.new_button.click()
    assert w.field != first and w.form.result_html == ""
    w.form.submit({"estimate": "two hundred"})
    assert "Type a number" in w.form.errors["estimate"]
    same_learner = build("ki67-counting")
    assert same_learner.field == first  # seeded per learner: a reload shows the same field

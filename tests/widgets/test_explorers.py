"""The explorer widgets, driven from Python as the page would drive them."""

from __future__ import annotations

from pathlib import Path

import pytest

from netedu.content import load_content
from netedu.widgets.explorers import explorer
from netedu.widgets.explorers import (
    BodyMapWidget,
    GradeCalculatorWidget,
    IncidenceWidget,
    Ki67CountingWidget,
    SymptomMatcherWidget,
    SyndromeExplorerWidget,
)
from tests.widgets.helpers import context

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def content():
    return load_content(REPO)


def build(content, name):
    return explorer(name, content, context(content))


def test_grade_calculator_reveals_the_grade_and_judges_the_prediction(content) -> None:
    w = build(content, "grade-calculator")
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
def test_grade_calculator_explains_bad_input(content, values, field, words) -> None:
    w = build(content, "grade-calculator")
    w.form.submit(values)
    assert words.lower() in w.form.errors[field].lower() and w.form.result_html == "" and w.label == ""


def test_ki67_exercise_compares_the_estimate_and_offers_a_new_field(content) -> None:
    w = build(content, "ki67-counting")
    assert isinstance(w, Ki67CountingWidget) and "<img" in w._picture.value and "alt=" in w._picture.value
    truth = w.field.index
    w.form.submit({"estimate": f"{truth:.1f}"})
    assert f"{w.field.positive} of {w.field.total} nuclei are brown" in w.form.result_html
    first = w.field
    w.new_button.click()
    assert w.field != first and w.form.result_html == ""
    w.form.submit({"estimate": "two hundred"})
    assert "Type a number" in w.form.errors["estimate"]
    same_learner = build(content, "ki67-counting")
    assert same_learner.field == first  # seeded per learner: a reload shows the same field


def test_body_map_shows_an_organs_nets(content) -> None:
    w = build(content, "body-map")
    assert isinstance(w, BodyMapWidget) and not w.map.show_submit
    w.choose("pancreas")
    assert "Pancreatic NETs" in w.details.value and "Pancreas" in w.map.announcement
    w.map.selected = "not-an-organ"
    assert w.map.selected == ""  # garbage from the page is dropped


def test_syndrome_explorer_starts_on_the_first_and_switches(content) -> None:
    w = build(content, "syndrome-explorer")
    assert isinstance(w, SyndromeExplorerWidget)
    first, second = content.explorers["syndrome-explorer"].syndromes[:2]
    assert first.name in w.card.value
    w.choose(second.id)
    assert second.name in w.card.value and second.gene in w.choice.announcement


def test_symptom_matcher_updates_as_findings_are_picked(content) -> None:
    w = build(content, "symptom-matcher")
    assert isinstance(w, SymptomMatcherWidget) and len(w.groups) >= 2
    data = content.explorers["symptom-matcher"]
    syndrome = data.syndromes[0]
    w.pick(*(link.finding for link in syndrome.findings))
    assert syndrome.name in w.results.value and "syndromes fit" in " ".join(g.announcement for g in w.groups)
    w.pick()
    assert "Choose findings above" in w.results.value


def test_incidence_widget_draws_a_chart_and_its_table(content) -> None:
    w = build(content, "incidence-trends")
    assert isinstance(w, IncidenceWidget)
    (output,) = w.plot.outputs
    figure = output["data"]["application/vnd.plotly.v1+json"]
    assert figure["config"]["displayModeBar"] is False and figure["data"][0]["type"] == "scatter"
    assert "<caption>" in w.table.value
    w.show(2)
    assert w.plot.outputs[0]["data"]["application/vnd.plotly.v1+json"]["data"][0]["type"] == "bar"


def test_unknown_or_undeclared_explorers_are_refused(content, course) -> None:
    with pytest.raises(KeyError, match="no explorer 'x-ray'"):
        build(content, "x-ray")
    small = load_content(course)
    with pytest.raises(KeyError, match="has no data"):
        explorer("body-map", small, context(small))
    import netedu

    assert "could not be loaded" in netedu.explore("body-map", root=course).value

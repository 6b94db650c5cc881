"""The Ki-67 counting exercise's logic: generated fields, their picture, and the verdict."""

from __future__ import annotations

import base64

import pytest

from netedu.explorers.ki67_counting import evaluate, field_svg, make_field, picture_html
from netedu.medicine.ki67 import judge


def test_a_field_is_the_same_for_the_same_seed_and_has_the_asked_index() -> None:
    a, b = make_field(42, target=12), make_field(42, target=12)
    assert a == b and a.total == 520
    assert a.index == pytest.approx(12, abs=0.2)
    assert make_field(43, target=12) != a
    for target in (0, 2.5, 19, 100):
        assert make_field(1, target=target).index == pytest.approx(target, abs=0.2)


def test_positive_cells_crowd_into_a_hot_spot() -> None:
    field = make_field(7, target=10)
    positives = [c for c in field.cells if c.positive]
    cx = sum(c.x for c in positives) / len(positives)
    cy = sum(c.y for c in positives) / len(positives)
    spread_pos = sum(((c.x - cx) ** 2 + (c.y - cy) ** 2) ** 0.5 for c in positives) / len(positives)
    spread_all = sum(((c.x - cx) ** 2 + (c.y - cy) ** 2) ** 0.5 for c in field.cells) / field.total
    assert spread_pos < 0.8 * spread_all


def test_the_picture_is_a_plain_svg_and_judging_compares_grades() -> None:
    field = make_field(3, target=2.5)
    svg = base64.b64decode(field_svg(field).split(",", 1)[1]).decode()
    assert svg.count("<circle") == field.total and "<script" not in svg and svg.count("#7a4a12") == field.positive
    verdict = judge(field.index, 4)
    assert verdict.grade_true == "NET G1" and verdict.grade_by_estimate == "NET G2" and not verdict.same_grade
    assert verdict.difference == pytest.approx(4 - field.index)
    with pytest.raises(ValueError, match="0 to 100"):
        judge(field.index, 140)
    with pytest.raises(ValueError):
        make_field(1, target=120)


def test_the_picture_gives_its_counts_to_learners_who_cannot_see_it() -> None:
    field = make_field(5, target=9)
    html = picture_html(field)
    assert f"{field.positive} of {field.total} nuclei are brown" in html and 'alt="A generated microscope field' in html


def test_an_estimate_near_a_cut_off_says_the_grade_would_change(content) -> None:
    field = make_field(3, target=2.5)
    outcome = evaluate(field, {"estimate": "4"}, content.references_for)
    assert not outcome.errors and "would give NET G2, the count gives NET G1" in outcome.announcement
    assert "at least 500 cells" in outcome.html and "Source" in outcome.html
    bad = evaluate(field, {"estimate": "lots"}, content.references_for)
    assert bad.errors == {"estimate": "Type a number, e.g. 3 or 2.5."} and bad.html == ""

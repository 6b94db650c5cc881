"""Grading is pure Python: every verdict follows from the question and the response."""

from __future__ import annotations

from pathlib import Path

import pytest

from netedu.content import load_content
from netedu.learning.grading import ResponseError, grade, parse_number


@pytest.fixture
def content(course: Path):
    return load_content(course)


def statuses(verdict) -> dict[str, str]:
    return {m.key: m.status for m in verdict.marks}


# --- choosing ------------------------------------------------------------------------------


def test_single_right_and_wrong(content) -> None:
    single = content.question("alpha-single")
    right = grade(single, ["right-one"])
    assert right.correct and right.score == 1.0 and right.max_score == 1.0
    wrong = grade(single, ["wrong-one"])
    assert not wrong.correct and wrong.score == 0.0
    assert statuses(wrong) == {"wrong-one": "chosen-wrong", "right-one": "missed", "wrong-two": "rightly-left"}


def test_multiple_needs_exactly_the_correct_set(content) -> None:
    multiple = content.question("alpha-multiple")
    assert grade(multiple, ["yes-a", "yes-c"]).correct
    assert grade(multiple, ["yes-c", "yes-a"]).correct  # order does not matter
    partial = grade(multiple, ["yes-a"])
    assert not partial.correct and partial.count("chosen-correct") == 1 and partial.count("missed") == 1
    over = grade(multiple, ["yes-a", "yes-c", "no-b"])
    assert not over.correct and statuses(over)["no-b"] == "chosen-wrong"


@pytest.mark.parametrize(
    "response, message",
    [([], "choose an answer"), (["nope"], "unknown option 'nope'"), (["right-one", "wrong-one"], "exactly one")],
)
def test_bad_choice_responses_are_explained(content, response, message) -> None:
    with pytest.raises(ResponseError, match=message):
        grade(content.question("alpha-single"), response)


def test_true_false_is_graded_with_its_own_explanations(content) -> None:
    tf = content.question("beta-tf")
    assert grade(tf, ["false"]).correct
    wrong = grade(tf, ["true"])
    assert not wrong.correct and statuses(wrong) == {"true": "chosen-wrong", "false": "missed"}
    assert [o.explanation for o in tf.options] == ["TF-TRUE-EXPLANATION.", "TF-FALSE-EXPLANATION."]


def test_hotspot_is_one_region(content) -> None:
    hot = content.question("beta-hotspot")
    assert grade(hot, ["middle-box"]).correct
    assert statuses(grade(hot, ["left-box"]))["middle-box"] == "missed"
    with pytest.raises(ResponseError, match="choose a region"):
        grade(hot, [])


# --- numbers -------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["12", "12.0", "12 %", "12%", " 12,0 ", "11", "13", "+12", "12 percent", "12\u00a0%"])
def test_numeric_accepts_the_ways_people_write_it(content, text) -> None:
    verdict = grade(content.question("beta-numeric"), text)
    assert verdict.correct, text


@pytest.mark.parametrize(
    "text, hint",
    [
        ("", "type a number before checking"),
        ("twelve", "type a number, e.g. 3 or 2.5"),
        ("12 mm", "give the answer in % (you wrote 'mm')"),
        ("250", "250 % is not possible here: give a number from 0 to 100 %"),
        ("-5", "is not possible here"),
        ("1,200", "without a thousands separator"),
        ("1e5", "give the answer in %"),
        ("nan", "type a number"),
        ("12; DROP TABLE answers", "give the answer in %"),
        ("<script>alert(1)</script>", "type a number"),
    ],
)
def test_numeric_nonsense_gets_a_hint_not_a_traceback(content, text, hint) -> None:
    with pytest.raises(ResponseError, match=hint.replace("(", r"\(").replace(")", r"\)")):
        grade(content.question("beta-numeric"), text)


def test_numeric_tolerance_and_common_error_hints(content) -> None:
    q = content.question("beta-numeric")
    assert not grade(q, "13.5").correct
    low = grade(q, "2")
    assert not low.correct and low.value == 2.0 and low.hint == "NUMERIC-HINT-LOW."
    assert grade(q, "40").hint is None


def test_parse_number_without_a_unit_rejects_trailing_text() -> None:
    assert parse_number("3.5") == 3.5 and parse_number("−2") == -2.0 and parse_number(".5") == 0.5
    with pytest.raises(ResponseError, match="type only the number"):
        parse_number("3 cm")


# --- ordering and matching ----------------------------------------------------------------

ORDER = ["step-one", "step-two", "step-three", "step-four"]


def test_ordering_partial_credit_counts_pairs(content) -> None:
    q = content.question("beta-ordering")
    assert grade(q, ORDER).correct and grade(q, ORDER).score == 1.0
    reversed_ = grade(q, ORDER[::-1])
    assert not reversed_.correct and reversed_.score == 0.0
    one_swap = grade(q, ["step-two", "step-one", "step-three", "step-four"])
    assert one_swap.score == pytest.approx(5 / 6, abs=1e-4)
    assert statuses(one_swap) == {"step-one": "out-of-place", "step-two": "out-of-place", "step-three": "in-place", "step-four": "in-place"}
    assert {m.key: m.detail["position"] for m in one_swap.marks}["step-one"] == 2


@pytest.mark.parametrize(
    "response, why",
    [
        (ORDER[:3], "lists 3 of the 4 items"),
        (ORDER + ["step-five"], "1 item that this question does not have"),
        (["step-one", "step-one", "step-two", "step-three"], "more than once"),
        (ORDER + ["step-one"], "more than once"),
        (["x", *ORDER[1:]], "1 item that this question does not have"),
        ([1, 2, 3, 4], "not a list of the items"),
        ("step-one", "not a list of the items"),
        (None, "not a list of the items"),
        ([], "lists 0 of the 4 items"),
    ],
)
def test_a_malformed_ordering_is_refused_saying_why_never_graded(content, response, why) -> None:
    with pytest.raises(ResponseError, match=f"{why}.*put every item in the list in order"):
        grade(content.question("beta-ordering"), response)


RIGHT = {"insulinoma": ["Insulin", "Supervised fast"], "gastrinoma": ["Gastrin", "Fasting gastrin"], "vipoma": ["VIP", "Plasma VIP"]}


def test_matching_partial_credit_counts_cells(content) -> None:
    q = content.question("beta-matching")
    assert grade(q, RIGHT).correct
    half = {**RIGHT, "vipoma": ["Glucagon", "Plasma VIP"], "gastrinoma": ["Gastrin", "Urine 5-HIAA"]}
    verdict = grade(q, half)
    assert not verdict.correct and verdict.score == pytest.approx(4 / 6, abs=1e-4)
    assert statuses(verdict) == {"insulinoma": "row-right", "gastrinoma": "row-partial", "vipoma": "row-partial"}
    assert q.choices(0) == ("Gastrin", "Glucagon", "Insulin", "VIP")


def test_matching_incomplete_or_unknown_choices_are_explained(content) -> None:
    q = content.question("beta-matching")
    with pytest.raises(ResponseError, match="still to do: VIPoma"):
        grade(q, {k: v for k, v in RIGHT.items() if k != "vipoma"})
    with pytest.raises(ResponseError, match="not one of the choices for Hormone"):
        grade(q, {**RIGHT, "vipoma": ["Adrenaline", "Plasma VIP"]})


def test_a_case_is_graded_part_by_part(content) -> None:
    with pytest.raises(TypeError, match="part by part"):
        grade(content.question("beta-case"), [])
    assert grade(content.question("beta-case-one"), ["urine"]).correct

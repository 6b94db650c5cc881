"""who_grade against the WHO 2019 table, at and around every boundary."""

from __future__ import annotations

import math

import pytest

from netedu.medicine.pathology import who_grade

# (Ki-67 %, grade) at and around the 3% and 20% boundaries and the ends of the scale
KI67 = [
    (0, "NET G1"),
    (2.9, "NET G1"),
    (2.99, "NET G1"),
    (3, "NET G2"),
    (3.01, "NET G2"),
    (12, "NET G2"),
    (19.9, "NET G2"),
    (20, "NET G2"),
    (20.01, "NET G3"),
    (20.1, "NET G3"),
    (55, "NET G3"),
    (100, "NET G3"),
]
# (mitoses per 2 mm², grade) at and around 2 and 20
MITOSES = [
    (0, "NET G1"),
    (1, "NET G1"),
    (1.9, "NET G1"),
    (2, "NET G2"),
    (2.1, "NET G2"),
    (10, "NET G2"),
    (19.9, "NET G2"),
    (20, "NET G2"),
    (20.1, "NET G3"),
    (21, "NET G3"),
    (150, "NET G3"),
]


@pytest.mark.parametrize("ki67, label", KI67)
def test_ki67_alone(ki67, label) -> None:
    result = who_grade(ki67=ki67)
    assert result.label == label and result.decided_by == "ki67" and result.by_mitoses is None
    assert "only one measure" in result.reason


@pytest.mark.parametrize("mitoses, label", MITOSES)
def test_mitoses_alone(mitoses, label) -> None:
    result = who_grade(mitoses=mitoses)
    assert result.label == label and result.decided_by == "mitoses"


@pytest.mark.parametrize("ki67, k_label", KI67)
@pytest.mark.parametrize("mitoses, m_label", MITOSES)
def test_the_higher_grade_wins_for_every_pair(ki67, k_label, mitoses, m_label) -> None:
    result = who_grade(ki67=ki67, mitoses=mitoses)
    assert result.label == max(k_label, m_label)  # "NET G1" < "NET G2" < "NET G3"
    if k_label == m_label:
        assert result.decided_by == "both" and "both give" in result.reason
    else:
        assert result.decided_by == ("ki67" if k_label > m_label else "mitoses")
        assert "The higher grade applies" in result.reason


def test_the_reason_names_the_deciding_criterion() -> None:
    r = who_grade(ki67=12, mitoses=1)
    assert r.reason == (
        "Ki-67 12% is 3% to 20% (G2), but 1 mitoses per 2 mm² is fewer than 2 (G1). "
        "The higher grade applies, so the Ki-67 index decides: NET G2."
    )
    r = who_grade(ki67=2, mitoses=25)
    assert "so the mitotic count decides: NET G3" in r.reason and "not NEC" in r.reason


@pytest.mark.parametrize("ki67, mitoses", [(1, 0), (35, 5), (90, 80), (None, 30)])
def test_poorly_differentiated_is_always_nec(ki67, mitoses) -> None:
    r = who_grade(ki67=ki67, mitoses=mitoses, differentiation="poor")
    assert r.label == "NEC" and r.decided_by == "differentiation" and "high grade by definition" in r.reason


def test_a_well_differentiated_tumour_with_high_ki67_is_net_g3_not_nec() -> None:
    r = who_grade(ki67=35, mitoses=8)
    assert r.label == "NET G3" and "not NEC" in r.reason


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"ki67": -0.1}, "Ki-67 index cannot be negative"),
        ({"ki67": 100.5}, "cannot be more than 100%"),
        ({"ki67": 250}, "cannot be more than 100%"),
        ({"mitoses": -3}, "mitotic count cannot be negative"),
        ({"ki67": math.nan}, "must be a number"),
        ({"ki67": math.inf}, "must be a number"),
        ({"ki67": "12"}, "must be a number"),
        ({"mitoses": True}, "must be a number"),
        ({}, "give the Ki-67 index, the mitotic count, or both"),
        ({"ki67": 5, "differentiation": "moderate"}, "differentiation must be 'well' or 'poor'"),
    ],
)
def test_impossible_input_is_refused_with_a_message(kwargs, message) -> None:
    with pytest.raises(ValueError, match=message):
        who_grade(**kwargs)

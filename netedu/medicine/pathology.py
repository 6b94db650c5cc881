"""WHO 2019 grading of digestive-system neuroendocrine neoplasms: a pure function, for teaching.

Thresholds (WHO Classification of Tumours, Digestive System Tumours, 5th ed., 2019):

=========  ===============  ==================  ============
Category   Differentiation  Mitoses per 2 mm²   Ki-67 index
=========  ===============  ==================  ============
NET G1     well             < 2                 < 3 %
NET G2     well             2 to 20             3 to 20 %
NET G3     well             > 20                > 20 %
NEC        poor             (high grade by definition)
=========  ===============  ==================  ============

When the mitotic count and the Ki-67 index point to different grades, the higher grade applies.
This is an educational tool, not a diagnostic one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

__all__ = ["GradeResult", "who_grade"]

Label = Literal["NET G1", "NET G2", "NET G3", "NEC"]
_ORDER = {"G1": 1, "G2": 2, "G3": 3}


@dataclass(frozen=True)
class GradeResult:
    """The grade, and why."""

    label: Label
    reason: str
    by_ki67: str | None  # "G1", "G2" or "G3", or None if Ki-67 was not given (or not used)
    by_mitoses: str | None
    decided_by: Literal["differentiation", "ki67", "mitoses", "both"]


def _check(name: str, value: float | None, upper: float | None, unit: str) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(f"{name} must be a number, got {value!r}")
    if value < 0:
        raise ValueError(f"{name} cannot be negative (got {value:g}{unit})")
    if upper is not None and value > upper:
        raise ValueError(f"{name} cannot be more than {upper:g}{unit} (got {value:g}{unit})")


def _ki67_grade(ki67: float) -> str:
    return "G1" if ki67 < 3 else ("G2" if ki67 <= 20 else "G3")


def _mitoses_grade(mitoses: float) -> str:
    return "G1" if mitoses < 2 else ("G2" if mitoses <= 20 else "G3")


_RANGE = {
    "ki67": {"G1": "below 3%", "G2": "3% to 20%", "G3": "above 20%"},
    "mitoses": {"G1": "fewer than 2", "G2": "2 to 20", "G3": "more than 20"},
}


def who_grade(*, ki67: float | None = None, mitoses: float | None = None, differentiation: Literal["well", "poor"] = "well") -> GradeResult:
    """Grade a digestive-system neuroendocrine neoplasm by WHO 2019.

    ``ki67`` is the index in percent (0–100); ``mitoses`` the count per 2 mm²; at least one of
    them is needed for a well-differentiated tumour. Impossible input raises ``ValueError``.

    >>> who_grade(ki67=12, mitoses=1).label
    'NET G2'
    >>> who_grade(ki67=12, mitoses=1).decided_by
    'ki67'
    >>> who_grade(ki67=35, differentiation="poor").label
    'NEC'
    >>> who_grade(ki67=-1)
    Traceback (most recent call last):
    ...
    ValueError: Ki-67 index cannot be negative (got -1%)
    """
    if differentiation not in ("well", "poor"):
        raise ValueError(f"differentiation must be 'well' or 'poor', got {differentiation!r}")
    _check("Ki-67 index", ki67, 100, "%")
    _check("mitotic count", mitoses, None, " per 2 mm²")
    if differentiation == "poor":
        return GradeResult(
            "NEC",
            "A poorly differentiated neoplasm is a neuroendocrine carcinoma (NEC), high grade by "
            "definition, whatever its Ki-67 index or mitotic count.",
            None,
            None,
            "differentiation",
        )
    if ki67 is None and mitoses is None:
        raise ValueError("give the Ki-67 index, the mitotic count, or both")
    by_ki67 = _ki67_grade(ki67) if ki67 is not None else None
    by_mitoses = _mitoses_grade(mitoses) if mitoses is not None else None
    grades = [g for g in (by_ki67, by_mitoses) if g]
    grade = max(grades, key=_ORDER.__getitem__)
    parts = []
    if by_ki67:
        parts.append(f"Ki-67 {ki67:g}% is {_RANGE['ki67'][by_ki67]} ({by_ki67})")
    if by_mitoses:
        parts.append(f"{mitoses:g} mitoses per 2 mm² is {_RANGE['mitoses'][by_mitoses]} ({by_mitoses})")
    if by_ki67 and by_mitoses and by_ki67 != by_mitoses:
        decided = "ki67" if _ORDER[by_ki67] > _ORDER[by_mitoses] else "mitoses"
        which = "Ki-67 index" if decided == "ki67" else "mitotic count"
        reason = f"{parts[0]}, but {parts[1]}. The higher grade applies, so the {which} decides: NET {grade}."
    elif by_ki67 and by_mitoses:
        decided = "both"
        reason = f"{parts[0]} and {parts[1]}: both give NET {grade}."
    else:
        decided = "ki67" if by_ki67 else "mitoses"
        reason = f"{parts[0]}: NET {grade} (only one measure was given; a report should include both)."
    if grade == "G3":
        reason += " A well-differentiated tumour with a high proliferation rate is NET G3, not NEC."
    return GradeResult(f"NET {grade}", reason, by_ki67, by_mitoses, decided)  # type: ignore[arg-type]

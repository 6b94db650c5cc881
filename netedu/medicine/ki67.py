"""The Ki-67 index: the share of tumour cell nuclei that stain for Ki-67, and the grade it gives.

WHO 2019 counts at least 500 cells in the hot spots (the areas of highest labelling), because
the index varies across a tumour. Pure functions, for teaching.
"""

from __future__ import annotations

from dataclasses import dataclass

from netedu.medicine.pathology import who_grade

__all__ = ["MIN_CELLS_COUNTED", "Judgement", "judge", "ki67_index"]

#: WHO 2019: count at least this many cells in the hot spots.
MIN_CELLS_COUNTED = 500


def ki67_index(positive: int, total: int) -> float:
    """The Ki-67 index in percent.

    >>> ki67_index(26, 520)
    5.0
    """
    if total <= 0 or not 0 <= positive <= total:
        raise ValueError(f"cannot take {positive} positive nuclei out of {total}")
    return 100 * positive / total


@dataclass(frozen=True)
class Judgement:
    """An estimated index against the counted one, and the grade each would give."""

    estimate: float
    true_index: float
    grade_by_estimate: str
    grade_true: str

    @property
    def difference(self) -> float:
        return self.estimate - self.true_index

    @property
    def same_grade(self) -> bool:
        return self.grade_by_estimate == self.grade_true


def judge(true_index: float, estimate: float) -> Judgement:
    """Compare an estimated index with the counted one, and the grades each would give.

    >>> judge(2.5, 4).grade_by_estimate, judge(2.5, 4).grade_true
    ('NET G2', 'NET G1')
    """
    if not 0 <= estimate <= 100:
        raise ValueError("a Ki-67 index is a percentage from 0 to 100")
    return Judgement(estimate, true_index, who_grade(ki67=estimate).label, who_grade(ki67=true_index).label)

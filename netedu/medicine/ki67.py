"""A Ki-67 counting exercise: a generated field of tumour cells, some stained, and the verdict.

Pure logic: the field is data (cell positions and stains) drawn by a widget; the same seed
always gives the same field.
"""

from __future__ import annotations

import base64
import math
import random
from dataclasses import dataclass

from netedu.medicine.pathology import who_grade

__all__ = ["Cell", "Field", "Judgement", "field_svg", "judge", "make_field"]


@dataclass(frozen=True)
class Cell:
    x: float
    y: float
    r: float
    positive: bool


@dataclass(frozen=True)
class Field:
    width: int
    height: int
    cells: tuple[Cell, ...]

    @property
    def total(self) -> int:
        return len(self.cells)

    @property
    def positive(self) -> int:
        return sum(c.positive for c in self.cells)

    @property
    def index(self) -> float:
        """The true Ki-67 index in percent."""
        return 100 * self.positive / self.total


def make_field(seed: int, *, cells: int = 520, target: float | None = None, width: int = 640, height: int = 420) -> Field:
    """A field of about ``cells`` nuclei; about ``target`` % are Ki-67-positive (chosen from
    1–30 % when not given), crowded into a hot spot as in real tumours.
    """
    rng = random.Random(seed)
    target = rng.choice([1.5, 2.5, 4, 6, 9, 12, 16, 19, 22, 27]) if target is None else target
    if not 0 <= target <= 100:
        raise ValueError(f"target index must be between 0 and 100, got {target}")
    cols = max(1, round(math.sqrt(cells * width / height)))
    rows = max(1, math.ceil(cells / cols))
    step_x, step_y = width / cols, height / rows
    spots = []
    for row in range(rows):
        for col in range(cols):
            if len(spots) == cells:
                break
            x = (col + 0.5) * step_x + rng.uniform(-0.25, 0.25) * step_x
            y = (row + 0.5) * step_y + rng.uniform(-0.25, 0.25) * step_y
            spots.append((x, y, min(step_x, step_y) * rng.uniform(0.28, 0.38)))
    hot_x, hot_y = rng.uniform(0.2, 0.8) * width, rng.uniform(0.25, 0.75) * height
    # Cells nearer the hot spot are likelier to be stained; the most likely ones are stained
    # until the field holds the target share.
    weight = [rng.random() * math.exp(-math.hypot(x - hot_x, y - hot_y) / (0.35 * width)) for x, y, _ in spots]
    n_positive = round(target / 100 * len(spots))
    stained = set(sorted(range(len(spots)), key=weight.__getitem__, reverse=True)[:n_positive])
    return Field(width, height, tuple(Cell(round(x, 1), round(y, 1), round(r, 1), i in stained) for i, (x, y, r) in enumerate(spots)))


def field_svg(field: Field) -> str:
    """The field as an SVG ``data:`` URI: blue nuclei, brown Ki-67-positive ones."""
    circles = "".join(
        f'<circle cx="{c.x}" cy="{c.y}" r="{c.r}" fill="{"#7a4a12" if c.positive else "#9db4d8"}" '
        f'stroke="{"#4a2a06" if c.positive else "#5a77a3"}" stroke-width="0.8"/>'
        for c in field.cells
    )
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {field.width} {field.height}">'
        f'<rect width="{field.width}" height="{field.height}" fill="#f4efe6"/>{circles}</svg>'
    )
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("ascii")).decode("ascii")


@dataclass(frozen=True)
class Judgement:
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


def judge(field: Field, estimate: float) -> Judgement:
    """Compare an estimated index with the true count, and the grades each would give."""
    if not 0 <= estimate <= 100:
        raise ValueError("a Ki-67 index is a percentage from 0 to 100")
    return Judgement(estimate, field.index, who_grade(ki67=estimate).label, who_grade(ki67=field.index).label)

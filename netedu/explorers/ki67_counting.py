"""Ki-67 counting exercise: a generated microscope field of tumour cells, some stained; the
learner estimates the index and compares it with the true count (no data file).

The field is data (cell positions and stains) that the widget draws; the same seed always
gives the same field.
"""

from __future__ import annotations

import base64
import math
import random
from collections.abc import Mapping
from dataclasses import dataclass

from netedu.explorers.forms import FormOutcome, read_number
from netedu.learning.feedback import ReferenceLookup, cite
from netedu.medicine.ki67 import MIN_CELLS_COUNTED, judge, ki67_index
from netedu.render import escape
from netedu.words import sentence

__all__ = ["REFERENCES", "Cell", "MicroscopeField", "evaluate", "field_svg", "make_field", "picture_html"]

REFERENCES = ("who-digestive-2019",)


@dataclass(frozen=True)
class Cell:
    x: float
    y: float
    r: float
    positive: bool


@dataclass(frozen=True)
class MicroscopeField:
    """A field of nuclei, some Ki-67-positive."""

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
        return ki67_index(self.positive, self.total)


def make_field(seed: int, *, cells: int = 520, target: float | None = None, width: int = 640, height: int = 420) -> MicroscopeField:
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
    return MicroscopeField(
        width, height, tuple(Cell(round(x, 1), round(y, 1), round(r, 1), i in stained) for i, (x, y, r) in enumerate(spots))
    )


def field_svg(field: MicroscopeField) -> str:
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


def picture_html(field: MicroscopeField) -> str:
    """The field as a figure with a caption, and its counts for learners who cannot see it."""
    return (
        f'<figure class="netedu-figure"><img src="{field_svg(field)}" width="{field.width}" height="{field.height}" '
        f'alt="A generated microscope field of {field.total} tumour cell nuclei; some are stained brown '
        f'(Ki-67-positive) and they crowd together in one area, the hot spot.">'
        "<figcaption>Blue: Ki-67-negative nuclei. Brown: Ki-67-positive nuclei.</figcaption></figure>"
        "<details><summary>Cannot see the picture?</summary>"
        f"<p>In this field, {field.positive} of {field.total} nuclei are brown. Work out the index from these counts.</p></details>"
    )


def evaluate(field: MicroscopeField, values: Mapping[str, str], references: ReferenceLookup) -> FormOutcome:
    """Compare the learner's estimate with the count, and say whether the grade would differ."""
    errors: dict[str, str] = {}
    estimate = read_number(values, "estimate", "%", errors)
    if estimate is not None:
        try:
            verdict = judge(field.index, estimate)
        except ValueError as err:
            errors["estimate"] = sentence(str(err))
    if errors:
        return FormOutcome(errors, "", next(iter(errors.values())))
    off = verdict.difference
    closeness = "spot on" if abs(off) < 0.5 else f"{abs(off):.1f} points {'high' if off > 0 else 'low'}"
    if verdict.same_grade:
        grade = f"Both give {verdict.grade_true}."
    else:
        grade = (
            f"Your estimate would give {verdict.grade_by_estimate}, the count gives {verdict.grade_true}: "
            "near a cut-off, counting rather than eyeballing changes the grade."
        )
    text = (
        f"{field.positive} of {field.total} nuclei are brown: the index is {verdict.true_index:.1f}%. "
        f"You estimated {estimate:g}% ({closeness}). {grade}"
    )
    html = (
        f"<p><strong>{escape(text)}</strong></p>"
        f"<p>WHO counts at least {MIN_CELLS_COUNTED} cells in the hot spots, the areas of highest labelling, because "
        "the index varies across a tumour.</p>" + cite(references(REFERENCES))
    )
    return FormOutcome({}, html, text)

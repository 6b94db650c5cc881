"""Marker interference checker: which test results a patient's medicines, foods and conditions
would distort, in which direction, and what to do.

Data: ``data/explorers/marker-checker.yaml`` (:class:`MarkerCheckerData`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import Field, model_validator

from netedu.content.base import Model, Slug, Text, unique_ids
from netedu.learning.feedback import ReferenceLookup, cite
from netedu.render import escape, markdown, sanitize
from netedu.words import plural

__all__ = ["Distortion", "Effect", "Interferer", "Marker", "MarkerCheckerData", "check", "results_html"]


class Marker(Model):
    """A test result that can be distorted."""

    id: Slug
    name: Text
    sample: Text = Field(description="e.g. 'serum', '24-hour urine'")


class Effect(Model):
    """How something a patient takes, eats or has changes a marker's result."""

    marker: Slug
    direction: Literal["raises", "lowers"]
    how: Text = Field(description="Why it changes the result")
    what_to_do: Text = Field(description="What to do about it (teaching, not a protocol)")
    references: Annotated[tuple[Slug, ...], Field(min_length=1)]


class Interferer(Model):
    """A medicine, food or condition, and what it does to which results."""

    id: Slug
    label: Text
    kind: Literal["medicine", "food", "condition"]
    effects: Annotated[tuple[Effect, ...], Field(min_length=1)]


class MarkerCheckerData(Model):
    """``data/explorers/marker-checker.yaml``: the markers, and what interferes with them."""

    markers: Annotated[tuple[Marker, ...], Field(min_length=2)]
    interferers: Annotated[tuple[Interferer, ...], Field(min_length=4)]

    @model_validator(mode="after")
    def _links_resolve(self) -> MarkerCheckerData:
        unique_ids("marker", [m.id for m in self.markers])
        unique_ids("interferer", [i.id for i in self.interferers])
        known = {m.id for m in self.markers}
        for item in self.interferers:
            if unknown := [e.marker for e in item.effects if e.marker not in known]:
                raise ValueError(f"{item.id!r} names unknown marker {unknown[0]!r}")
        return self


@dataclass(frozen=True)
class Distortion:
    """One picked interferer's effect on one marker."""

    interferer: Interferer
    effect: Effect


def check(data: MarkerCheckerData, picked: Iterable[str]) -> dict[str, list[Distortion]]:
    """Marker id -> what distorts it, for the picked interferers (markers in the file's order)."""
    chosen = set(picked)
    out: dict[str, list[Distortion]] = {m.id: [] for m in data.markers}
    for item in data.interferers:
        if item.id in chosen:
            for effect in item.effects:
                out[effect.marker].append(Distortion(item, effect))
    return {k: v for k, v in out.items() if v}


def results_html(data: MarkerCheckerData, found: dict[str, list[Distortion]], references: ReferenceLookup) -> str:
    """The distorted results, each with what distorts it, how, what to do, and the sources."""
    if not found:
        return sanitize(
            '<p class="netedu-empty">Tick the patient\'s medicines, foods and conditions: '
            "any test result they would distort appears here.</p>"
        )
    markers = {m.id: m for m in data.markers}
    parts = [
        f"<p><strong>{plural(len(found), 'test result')} could be distorted.</strong> "
        "Teaching aid: check your laboratory's own instructions.</p>"
    ]
    for marker_id, items in found.items():
        marker = markers[marker_id]
        rows = "".join(
            f"<li><strong>{escape(d.interferer.label)}</strong> — "
            f"{'falsely raises' if d.effect.direction == 'raises' else 'falsely lowers'} it "
            f"({'▲' if d.effect.direction == 'raises' else '▼'}). {markdown(d.effect.how)}"
            f"<p><strong>What to do:</strong> {escape(d.effect.what_to_do)}</p>{cite(references(d.effect.references))}</li>"
            for d in items
        )
        parts.append(
            f'<section class="netedu-card-section"><h3>{escape(marker.name)} ({escape(marker.sample)})</h3><ul>{rows}</ul></section>'
        )
    return sanitize("".join(parts))

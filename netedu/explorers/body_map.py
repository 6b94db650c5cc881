"""Body map: click an organ on a drawing of the body to see the NETs that arise there.

Data: ``data/explorers/body-map.yaml`` (:class:`BodyMapData`). Logic: the organ's card.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import Field, model_validator

from netedu.content.base import ImageName, Model, Slug, Text, unique_ids
from netedu.learning.feedback import ReferenceLookup, cite
from netedu.render import escape, markdown_inline, sanitize

__all__ = ["FAMILY", "BodyMapData", "Organ", "OrganNet", "organ_html"]

FAMILY = {
    "gastrointestinal": "Gastrointestinal (GI) NETs",
    "lung": "Lung NETs",
    "pancreas": "Pancreatic NETs",
    "other": "Other neuroendocrine tumours",
}


class OrganNet(Model):
    """A kind of NET that arises in an organ."""

    name: Text
    behaviour: Text = Field(description="How it usually behaves (indolent, aggressive ...)")
    share: Text | None = Field(None, description="Its share of NETs, with the population it comes from")
    presentation: Text = Field(description="How it usually comes to attention")
    key_facts: Annotated[tuple[Text, ...], Field(min_length=1)]
    references: Annotated[tuple[Slug, ...], Field(min_length=1)]


class Organ(Model):
    """An organ on the body map: its region on the drawing and its NETs."""

    id: Slug
    name: Text
    family: Literal["gastrointestinal", "lung", "pancreas", "other"]
    shape: Literal["rect", "circle", "polygon"]
    coords: tuple[float, ...]
    nets: Annotated[tuple[OrganNet, ...], Field(min_length=1)]


class BodyMapData(Model):
    """``data/explorers/body-map.yaml``: the drawing and its organs."""

    image: ImageName
    alt: Text
    organs: Annotated[tuple[Organ, ...], Field(min_length=2)]

    @model_validator(mode="after")
    def _unique_organs(self) -> BodyMapData:
        unique_ids("organ", [o.id for o in self.organs])
        return self

    def image_regions(self) -> Iterator[tuple[tuple[str | int, ...], str, str, tuple[float, ...]]]:
        """Each organ's region on the drawing: where it sits in the file, its id, shape and coords
        (the content loader checks that each lies inside the image)."""
        for k, organ in enumerate(self.organs):
            yield ("organs", k, "coords"), organ.id, organ.shape, organ.coords


def organ_html(organ: Organ, references: ReferenceLookup) -> str:
    """The organ's card: each of its NETs, how it behaves and presents, key facts, sources."""
    parts = [f'<h3 class="netedu-card-title">{escape(organ.name)}</h3><p class="netedu-card-family">{escape(FAMILY[organ.family])}</p>']
    for net in organ.nets:
        facts = "".join(f"<li>{markdown_inline(f)}</li>" for f in net.key_facts)
        share = f"<dt>Share of NETs</dt><dd>{markdown_inline(net.share)}</dd>" if net.share else ""
        parts.append(
            f'<section class="netedu-card-section"><h4>{escape(net.name)}</h4><dl>'
            f"<dt>How it behaves</dt><dd>{markdown_inline(net.behaviour)}</dd>{share}"
            f"<dt>How it presents</dt><dd>{markdown_inline(net.presentation)}</dd></dl>"
            f"<p><strong>Key facts</strong></p><ul>{facts}</ul>{cite(references(net.references))}</section>"
        )
    return sanitize("".join(parts))

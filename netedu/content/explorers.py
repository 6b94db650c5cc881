"""Data behind the guided-exploration widgets, validated like every other content file.

Each explorer reads one file in ``data/explorers/`` (YAML, or CSV for figures); every fact in
it cites ``data/references.yaml``.
"""

from __future__ import annotations

import csv
import io
from typing import Annotated, Literal

from pydantic import Field, model_validator

from netedu.medicine.staging import SITES
from netedu.content.base import Model, Slug, Text, duplicates
from netedu.content.explorers_care import ImagingFile, InterferenceFile, TrialFile, WalkThrough
from netedu.content.questions import ImageName

__all__ = [
    "BodyMap",
    "CODE_REFERENCES",
    "EXPLORERS",
    "EpiRow",
    "Finding",
    "Organ",
    "OrganNet",
    "Presentation",
    "PresentationFile",
    "Syndrome",
    "SyndromeFile",
    "parse_epi_csv",
]


def _unique(kind: str, ids: list[str]) -> None:
    if dupes := duplicates(ids):
        raise ValueError(f"{kind} id used more than once: {', '.join(dupes)}")


# --- body map: where NETs arise ------------------------------------------------------------


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


class BodyMap(Model):
    """``data/explorers/body-map.yaml``."""

    image: ImageName
    alt: Text
    organs: Annotated[tuple[Organ, ...], Field(min_length=2)]

    @model_validator(mode="after")
    def _unique_organs(self) -> BodyMap:
        _unique("organ", [o.id for o in self.organs])
        return self


# --- hereditary syndromes ------------------------------------------------------------------


class Syndrome(Model):
    id: Slug
    name: Text
    gene: Text
    inheritance: Text
    nets: Annotated[tuple[Text, ...], Field(min_length=1, description="Associated neuroendocrine tumours")]
    other_tumours: tuple[Text, ...] = ()
    other_features: tuple[Text, ...] = ()
    suspect_when: Annotated[tuple[Text, ...], Field(min_length=1, description="Clues that should prompt referral")]
    references: Annotated[tuple[Slug, ...], Field(min_length=1)]


class SyndromeFile(Model):
    """``data/explorers/syndromes.yaml``."""

    syndromes: Annotated[tuple[Syndrome, ...], Field(min_length=2)]

    @model_validator(mode="after")
    def _unique_syndromes(self) -> SyndromeFile:
        _unique("syndrome", [s.id for s in self.syndromes])
        return self


# --- findings and the syndromes they point to ---------------------------------------------


class Finding(Model):
    id: Slug
    label: Text
    kind: Literal["symptom", "sign", "test"]


class FindingLink(Model):
    finding: Slug
    why: Text = Field(description="Why the syndrome causes this finding")


class Presentation(Model):
    """A clinical syndrome and the findings it explains."""

    id: Slug
    name: Text
    findings: Annotated[tuple[FindingLink, ...], Field(min_length=2)]
    next_steps: Text = Field(description="What to do next to confirm it (teaching, not a protocol)")
    references: Annotated[tuple[Slug, ...], Field(min_length=1)]


class PresentationFile(Model):
    """``data/explorers/presentations.yaml``."""

    findings: Annotated[tuple[Finding, ...], Field(min_length=4)]
    syndromes: Annotated[tuple[Presentation, ...], Field(min_length=3)]

    @model_validator(mode="after")
    def _links_resolve(self) -> PresentationFile:
        _unique("finding", [f.id for f in self.findings])
        _unique("syndrome", [s.id for s in self.syndromes])
        known = {f.id for f in self.findings}
        for s in self.syndromes:
            if unknown := [link.finding for link in s.findings if link.finding not in known]:
                raise ValueError(f"syndrome {s.id!r} links unknown finding {unknown[0]!r}")
        return self


# --- published figures (CSV) ---------------------------------------------------------------


class EpiRow(Model):
    """One published figure; every row names its source."""

    series: Slug = Field(description="Rows of one series are drawn as one line or one set of bars")
    place: Text = Field(description="Population, e.g. 'United States (SEER)' or 'Ontario'")
    period: Text = Field(description="Years the figure covers, e.g. '1973-2012' or '2012'")
    x: Text = Field(description="The category or year on the chart's x axis")
    measure: Text = Field(description="e.g. 'Age-adjusted incidence'")
    value: float
    unit: Text = Field(description="e.g. 'per 100,000 per year' or '%'")
    reference: Slug
    note: str = ""


def parse_epi_csv(text: str) -> list[tuple[int, dict[str, str]]]:
    """The CSV's rows as ``(line, row)`` pairs (the header is line 1)."""
    reader = csv.DictReader(io.StringIO(text))
    return [(reader.line_num, row) for row in reader]


#: Every explorer a topic may use: its data file in ``data/explorers/`` and the model of the
#: file (or of one CSV row), or ``None`` for an explorer that is pure logic.
EXPLORERS: dict[str, tuple[str, type[Model]] | None] = {
    "body-map": ("body-map.yaml", BodyMap),
    "syndrome-explorer": ("syndrome-explorer.yaml", SyndromeFile),
    "symptom-matcher": ("symptom-matcher.yaml", PresentationFile),
    "incidence-trends": ("incidence-trends.csv", EpiRow),
    "grade-calculator": None,
    "ki67-counting": None,
    "marker-checker": ("marker-checker.yaml", InterferenceFile),
    "imaging-chooser": ("imaging-chooser.yaml", ImagingFile),
    "tnm-stager": None,
    "evidence-explorer": ("evidence-explorer.yaml", TrialFile),
    "prrt-walkthrough": ("prrt-walkthrough.yaml", WalkThrough),
}

#: The references that explorers built from rules in code (not from a data file) cite; the
#: course must hold each of them, so ``netedu check`` reports any that are missing.
CODE_REFERENCES: dict[str, tuple[str, ...]] = {
    "grade-calculator": ("who-digestive-2019",),
    "ki67-counting": ("who-digestive-2019",),
    "tnm-stager": tuple(dict.fromkeys(ref for site in SITES.values() for ref in site["references"])),
}

"""Data behind the diagnosis and treatment explorers (marker interferences, imaging choices,
pivotal trials, the PRRT walk-through), validated like every other content file."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from netedu.content.base import Model, Slug, Text, duplicates
from netedu.content.questions import Option

__all__ = [
    "Effect",
    "Headline",
    "ImagingFile",
    "ImagingScenario",
    "ImagingTest",
    "InterferenceFile",
    "Interferer",
    "Marker",
    "TestRating",
    "Trial",
    "TrialFile",
    "WalkStep",
    "WalkThrough",
]


def _unique(kind: str, ids: list[str]) -> None:
    if dupes := duplicates(ids):
        raise ValueError(f"{kind} id used more than once: {', '.join(dupes)}")


# --- marker interference checker ------------------------------------------------------------


class Marker(Model):
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
    id: Slug
    label: Text
    kind: Literal["medicine", "food", "condition"]
    effects: Annotated[tuple[Effect, ...], Field(min_length=1)]


class InterferenceFile(Model):
    """``data/explorers/interferences.yaml``."""

    markers: Annotated[tuple[Marker, ...], Field(min_length=2)]
    interferers: Annotated[tuple[Interferer, ...], Field(min_length=4)]

    @model_validator(mode="after")
    def _links_resolve(self) -> InterferenceFile:
        _unique("marker", [m.id for m in self.markers])
        _unique("interferer", [i.id for i in self.interferers])
        known = {m.id for m in self.markers}
        for item in self.interferers:
            if unknown := [e.marker for e in item.effects if e.marker not in known]:
                raise ValueError(f"{item.id!r} names unknown marker {unknown[0]!r}")
        return self


# --- imaging chooser --------------------------------------------------------------------------


class ImagingTest(Model):
    id: Slug
    name: Text
    what_it_shows: Text
    references: Annotated[tuple[Slug, ...], Field(min_length=1)]


class TestRating(Model):
    test: Slug
    rating: Literal["best", "useful", "not-useful"]
    why: Text
    references: tuple[Slug, ...] = ()


class ImagingScenario(Model):
    id: Slug
    title: Text
    situation: Text = Field(description="The clinical situation")
    question: Text = Field(description="The question imaging must answer here")
    ratings: Annotated[tuple[TestRating, ...], Field(min_length=2)]
    references: Annotated[tuple[Slug, ...], Field(min_length=1)]


class ImagingFile(Model):
    """``data/explorers/imaging.yaml``: every scenario rates every test."""

    tests: Annotated[tuple[ImagingTest, ...], Field(min_length=3)]
    scenarios: Annotated[tuple[ImagingScenario, ...], Field(min_length=3)]

    @model_validator(mode="after")
    def _every_test_rated(self) -> ImagingFile:
        _unique("test", [t.id for t in self.tests])
        _unique("scenario", [s.id for s in self.scenarios])
        tests = {t.id for t in self.tests}
        for scenario in self.scenarios:
            rated = [r.test for r in scenario.ratings]
            if set(rated) != tests or len(rated) != len(tests):
                missing = sorted(tests - set(rated)) or sorted(set(rated) - tests)
                raise ValueError(f"scenario {scenario.id!r} must rate every test once (check: {', '.join(missing) or 'repeats'})")
            if not any(r.rating == "best" for r in scenario.ratings):
                raise ValueError(f"scenario {scenario.id!r} needs at least one test rated 'best'")
        return self


# --- evidence explorer --------------------------------------------------------------------------


class Headline(Model):
    """The trial's headline result, for the chart."""

    measure: Text = Field(description="e.g. 'Median progression-free survival (months)'")
    treatment: float
    control: float | None = None
    hazard_ratio: float | None = None


#: Where a trial's patients' tumours arose: a single site, or a group a trial enrolled as a whole
#: (``netedu.explorers.evidence_explorer.SITE_GROUPS`` says which sites each group covers).
TrialSite = Literal["pancreas", "midgut", "hindgut", "lung", "unknown primary", "gastrointestinal", "extra-pancreatic", "gastroenteropancreatic"]
#: The WHO grade enrolled; "well-differentiated" for trials that did not report grades.
TrialGrade = Literal["G1", "G2", "G3", "well-differentiated"]


class Trial(Model):
    id: Slug
    name: Text = Field(description="Acronym or short name, e.g. CLARINET")
    drug: Text
    drug_class: Literal["somatostatin-analogue", "mtor-inhibitor", "tyrosine-kinase-inhibitor", "chemotherapy", "radionuclide"]
    sites: Annotated[tuple[TrialSite, ...], Field(min_length=1)]
    grades: Annotated[tuple[TrialGrade, ...], Field(min_length=1)]
    phase: Text
    population: Text
    arms: Annotated[tuple[Text, ...], Field(min_length=1)]
    primary_endpoint: Text
    result: Text = Field(description="The result with its numbers")
    headline: Headline
    references: Annotated[tuple[Slug, ...], Field(min_length=1)]


class TrialFile(Model):
    """``data/explorers/trials.yaml``."""

    trials: Annotated[tuple[Trial, ...], Field(min_length=3)]

    @model_validator(mode="after")
    def _unique_trials(self) -> TrialFile:
        _unique("trial", [t.id for t in self.trials])
        return self


# --- PRRT eligibility walk-through --------------------------------------------------------------


class WalkStep(Model):
    id: Slug
    title: Text
    finding: Text = Field(description="What the case shows at this step")
    question: Text
    options: Annotated[tuple[Option, ...], Field(min_length=2, max_length=5)]
    reasoning: Text = Field(description="The reasoning, shown once the learner has answered")

    @model_validator(mode="after")
    def _one_correct(self) -> WalkStep:
        _unique("option", [o.id for o in self.options])
        if sum(o.correct for o in self.options) != 1:
            raise ValueError(f"step {self.id!r} needs exactly one correct option")
        return self


class WalkThrough(Model):
    """``data/explorers/prrt-walkthrough.yaml``: a teaching case, step by step."""

    title: Text
    case: Text = Field(description="The patient, as the walk-through opens")
    steps: Annotated[tuple[WalkStep, ...], Field(min_length=3)]
    closing: Text
    references: Annotated[tuple[Slug, ...], Field(min_length=1)]

    @model_validator(mode="after")
    def _unique_steps(self) -> WalkThrough:
        _unique("step", [s.id for s in self.steps])
        return self

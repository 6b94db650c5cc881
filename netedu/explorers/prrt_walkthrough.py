"""PRRT walk-through: a teaching case worked step by step (is this patient a candidate for
peptide receptor radionuclide therapy?), shown with the quiz engine's case view.

Data: ``data/explorers/prrt-walkthrough.yaml`` (:class:`PrrtWalkthroughData`).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from netedu.content.base import Model, Slug, Text, unique_ids
from netedu.content.questions import Case, Option, SingleChoice
from netedu.words import sentence

__all__ = ["PrrtWalkthroughData", "WalkStep", "as_case"]


class WalkStep(Model):
    """One step: what the case shows now, the question, and the reasoning behind the answer."""

    id: Slug
    title: Text
    finding: Text = Field(description="What the case shows at this step")
    question: Text
    options: Annotated[tuple[Option, ...], Field(min_length=2, max_length=5)]
    reasoning: Text = Field(description="The reasoning, shown once the learner has answered")

    @model_validator(mode="after")
    def _one_correct(self) -> WalkStep:
        unique_ids("option", [o.id for o in self.options])
        if sum(o.correct for o in self.options) != 1:
            raise ValueError(f"step {self.id!r} needs exactly one correct option")
        return self


class PrrtWalkthroughData(Model):
    """``data/explorers/prrt-walkthrough.yaml``: a teaching case, step by step."""

    title: Text
    case: Text = Field(description="The patient, as the walk-through opens")
    steps: Annotated[tuple[WalkStep, ...], Field(min_length=3)]
    closing: Text
    references: Annotated[tuple[Slug, ...], Field(min_length=1)]

    @model_validator(mode="after")
    def _unique_steps(self) -> PrrtWalkthroughData:
        unique_ids("step", [s.id for s in self.steps])
        return self


def as_case(walk: PrrtWalkthroughData, *, case_id: str = "walkthrough") -> Case:
    """The walk-through as a :class:`Case`: its steps become single-answer parts whose key point
    is the step's reasoning."""
    parts = [
        SingleChoice(
            id=f"{case_id}-{step.id}",
            type="single",
            objective=case_id,
            difficulty="core",
            stem=f"**{sentence(step.title)}** {step.finding}\n\n{step.question}",
            options=step.options,
            references=walk.references,
            explanation=step.reasoning,
            shuffle=False,
        )
        for step in walk.steps
    ]
    return Case(
        id=case_id, type="case", objective=case_id, difficulty="core", stem=walk.case, references=walk.references, parts=tuple(parts)
    )

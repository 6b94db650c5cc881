"""A step-by-step teaching case (the PRRT eligibility walk-through) as a case question, so the
quiz engine's case view reveals one step after another and explains every option."""

from __future__ import annotations

from netedu.content.explorers_care import WalkThrough
from netedu.content.questions import Case, SingleChoice

__all__ = ["as_case", "sentence"]


def sentence(title: str) -> str:
    """The title ending in one full stop (or its own ? or !)."""
    title = title.rstrip()
    return title if title.endswith((".", "?", "!", ":")) else title + "."


def as_case(walk: WalkThrough, *, case_id: str = "walkthrough") -> Case:
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

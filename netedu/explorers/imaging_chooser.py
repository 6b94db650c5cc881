"""Imaging chooser: a scenario asks imaging a question; the learner picks tests and sees why each
is the best choice, useful, or no help here.

Data: ``data/explorers/imaging-chooser.yaml`` (:class:`ImagingChooserData`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import Field, model_validator

from netedu.content.base import Model, Slug, Text, unique_ids
from netedu.learning.feedback import ReferenceLookup, cite
from netedu.render import escape, markdown, sanitize

__all__ = [
    "Assessment",
    "ImagingChooserData",
    "ImagingRating",
    "ImagingScenario",
    "ImagingTest",
    "assess",
    "rating_html",
    "summary_html",
    "summary_text",
]

_WORDS = {"best": "Best choice here", "useful": "Useful, but not first", "not-useful": "Does not answer this question"}


class ImagingTest(Model):
    """A test a learner can ask for, and what it shows (told with the feedback)."""

    id: Slug
    name: Text
    what_it_shows: Text
    references: Annotated[tuple[Slug, ...], Field(min_length=1)]


class ImagingRating(Model):
    """How well one test answers one scenario's question, and why."""

    test: Slug
    rating: Literal["best", "useful", "not-useful"]
    why: Text
    references: tuple[Slug, ...] = ()


class ImagingScenario(Model):
    """A clinical situation and the question imaging must answer in it."""

    id: Slug
    title: Text
    situation: Text = Field(description="The clinical situation")
    question: Text = Field(description="The question imaging must answer here")
    ratings: Annotated[tuple[ImagingRating, ...], Field(min_length=2)]
    references: Annotated[tuple[Slug, ...], Field(min_length=1)]


class ImagingChooserData(Model):
    """``data/explorers/imaging-chooser.yaml``: every scenario rates every test."""

    tests: Annotated[tuple[ImagingTest, ...], Field(min_length=3)]
    scenarios: Annotated[tuple[ImagingScenario, ...], Field(min_length=3)]

    @model_validator(mode="after")
    def _every_test_rated(self) -> ImagingChooserData:
        unique_ids("test", [t.id for t in self.tests])
        unique_ids("scenario", [s.id for s in self.scenarios])
        tests = {t.id for t in self.tests}
        for scenario in self.scenarios:
            rated = [r.test for r in scenario.ratings]
            if set(rated) != tests or len(rated) != len(tests):
                missing = sorted(tests - set(rated)) or sorted(set(rated) - tests)
                raise ValueError(f"scenario {scenario.id!r} must rate every test once (check: {', '.join(missing) or 'repeats'})")
            if not any(r.rating == "best" for r in scenario.ratings):
                raise ValueError(f"scenario {scenario.id!r} needs at least one test rated 'best'")
        return self


@dataclass(frozen=True)
class Assessment:
    """The learner's picks for one scenario, judged against its ratings."""

    scenario: ImagingScenario
    picked: tuple[str, ...]

    def status(self, test_id: str) -> str:
        """A mark in the quiz's vocabulary, so the answer controls show it the same way."""
        rating = next(r.rating for r in self.scenario.ratings if r.test == test_id)
        chosen = test_id in self.picked
        if rating == "best":
            return "chosen-correct" if chosen else "missed"
        if rating == "not-useful":
            return "chosen-wrong" if chosen else "rightly-left"
        return "chosen-correct" if chosen else "rightly-left"

    @property
    def best_found(self) -> int:
        return sum(r.rating == "best" and r.test in self.picked for r in self.scenario.ratings)

    @property
    def best_total(self) -> int:
        return sum(r.rating == "best" for r in self.scenario.ratings)

    @property
    def unhelpful_picked(self) -> int:
        return sum(r.rating == "not-useful" and r.test in self.picked for r in self.scenario.ratings)


def assess(data: ImagingChooserData, scenario_id: str, picked: Iterable[str]) -> Assessment:
    """Judge the picked tests for a scenario (unknown test ids are ignored)."""
    scenario = next((s for s in data.scenarios if s.id == scenario_id), None)
    if scenario is None:
        raise KeyError(f"no imaging scenario {scenario_id!r}")
    known = {t.id for t in data.tests}
    return Assessment(scenario, tuple(p for p in dict.fromkeys(picked) if p in known))


def rating_html(data: ImagingChooserData, a: Assessment, test_id: str, references: ReferenceLookup) -> str:
    """One test's feedback: its rating here and why, then what the test shows, with sources."""
    rating = next(r for r in a.scenario.ratings if r.test == test_id)
    test = next(t for t in data.tests if t.id == test_id)
    chosen = "You chose it. " if test_id in a.picked else ""
    return sanitize(
        f'<div class="netedu-mark"><strong>{escape(chosen + _WORDS[rating.rating])}</strong></div>'
        f"{markdown(rating.why)}<p><strong>What it shows:</strong> {escape(test.what_it_shows)}</p>"
        f"{cite(references(rating.references or test.references))}"
    )


def summary_text(a: Assessment) -> str:
    """How the learner did, in one sentence, e.g. "You chose 1 of the 2 best tests."."""
    if a.best_total == 1:
        found = "You chose the best test" if a.best_found else "You did not choose the best test"
    else:
        found = f"You chose {a.best_found} of the {a.best_total} best tests"
    return found + (f" and {a.unhelpful_picked} that would not answer this question." if a.unhelpful_picked else ".")


def summary_html(a: Assessment, references: ReferenceLookup) -> str:
    """The summary sentence, with the scenario's sources."""
    return sanitize(
        f"<p><strong>{escape(summary_text(a))}</strong> Each test is now marked with why.</p>{cite(references(a.scenario.references))}"
    )

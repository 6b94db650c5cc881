"""Which imaging answers a scenario's question, judged against the learner's picks (pure logic)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from netedu.content.explorers_care import ImagingFile, ImagingScenario
from netedu.content.models import Reference
from netedu.learning.feedback import cite
from netedu.render import escape, markdown, sanitize

__all__ = ["Assessment", "assess", "summary_html", "summary_text", "test_feedback_html"]

_WORDS = {"best": "Best choice here", "useful": "Useful, but not first", "not-useful": "Does not answer this question"}


@dataclass(frozen=True)
class Assessment:
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


def assess(data: ImagingFile, scenario_id: str, picked: Iterable[str]) -> Assessment:
    scenario = next((s for s in data.scenarios if s.id == scenario_id), None)
    if scenario is None:
        raise KeyError(f"no imaging scenario {scenario_id!r}")
    known = {t.id for t in data.tests}
    return Assessment(scenario, tuple(p for p in dict.fromkeys(picked) if p in known))


def test_feedback_html(a: Assessment, test_id: str, references: Callable[[tuple[str, ...]], list[Reference]]) -> str:
    rating = next(r for r in a.scenario.ratings if r.test == test_id)
    chosen = "You chose it. " if test_id in a.picked else ""
    return sanitize(
        f'<div class="netedu-mark"><strong>{escape(chosen + _WORDS[rating.rating])}</strong></div>'
        f"{markdown(rating.why)}{cite(references(rating.references))}"
    )


def summary_text(a: Assessment) -> str:
    """How the learner did, in one sentence, e.g. "You chose 1 of the 2 best tests."."""
    if a.best_total == 1:
        found = "You chose the best test" if a.best_found else "You did not choose the best test"
    else:
        found = f"You chose {a.best_found} of the {a.best_total} best tests"
    return found + (f" and {a.unhelpful_picked} that would not answer this question." if a.unhelpful_picked else ".")


def summary_html(a: Assessment, references: Callable[[tuple[str, ...]], list[Reference]]) -> str:
    return sanitize(f"<p><strong>{escape(summary_text(a))}</strong> Each test is now marked with why.</p>{cite(references(a.scenario.references))}")

"""ImagingChooserWidget: a scenario asks a question; the learner picks tests and sees why."""

from __future__ import annotations

from typing import Any

import traitlets

from netedu.explorers.imaging_chooser import ImagingChooserData, assess, rating_html, summary_html, summary_text
from netedu.render import escape, markdown
from netedu.widgets.context import QuizContext
from netedu.widgets.explorers.common import chooser
from netedu.widgets.html import SafeHTML
from netedu.widgets.response import ChoiceResponse
from netedu.widgets.shared import VBox

__all__ = ["ImagingChooserWidget"]


class ImagingChooserWidget(VBox):
    """A scenario chooser, the situation, the tests to pick, and the reasoning once checked."""

    best_found = traitlets.Int(0, help="Best tests the learner picked in the last check.")

    def __init__(self, data: ImagingChooserData, ctx: QuizContext, **kwargs: Any):
        self.data, self.ctx = data, ctx
        self.scenarios = chooser(
            "<strong>Imaging chooser:</strong> choose a scenario.",
            "Each scenario asks imaging a different question.",
            ((s.id, s.title) for s in data.scenarios),
            self._on_scenario,
        )
        self.situation = SafeHTML()
        self.situation.add_class("netedu-card")
        self.tests = ChoiceResponse(
            hint="Select the tests you would ask for, then check.",
            options=[{"key": t.id, "html": escape(t.name)} for t in data.tests],
            multiple=True,
            submit_label="Show the reasoning",
        )
        self.tests.on_submit(self._on_check)
        self.summary = SafeHTML()
        super().__init__([self.scenarios, self.situation, self.tests, self.summary], **kwargs)
        self.add_class("netedu-explorer")
        self.choose(data.scenarios[0].id)

    @property
    def scenario_id(self) -> str:
        return self.scenarios.selected[0]

    def choose(self, scenario_id: str) -> None:
        self.scenarios.selected = [scenario_id]

    def _on_scenario(self, change: dict) -> None:
        if not change["new"]:
            return
        s = next(x for x in self.data.scenarios if x.id == change["new"][0])
        self.situation.value = (
            f"<p><strong>{escape(s.title)}.</strong></p>{markdown(s.situation)}<p><strong>The question:</strong> {escape(s.question)}</p>"
        )
        self.tests.prompt_html = f"<strong>Which tests answer it?</strong> {escape(s.question)}"
        self.tests.marks, self.tests.selected, self.tests.disabled, self.tests.submit_disabled = [], [], False, False
        self.tests.announcement = ""
        self.summary.value = ""
        self.scenarios.announcement = f"Scenario: {s.title}. {s.question}"

    def _on_check(self) -> None:
        if not self.tests.selected:
            self.tests.announcement = "Choose at least one test first."
            self.summary.value = '<p class="netedu-hint-message" role="alert">Choose at least one test first.</p>'
            return
        a = assess(self.data, self.scenario_id, self.tests.selected)
        self.tests.marks = [
            {"key": t.id, "status": a.status(t.id), "html": rating_html(self.data, a, t.id, self.ctx.references)} for t in self.data.tests
        ]
        self.tests.disabled = self.tests.submit_disabled = True
        self.summary.value = summary_html(a, self.ctx.references) + "<p>Choose another scenario to try again.</p>"
        self.tests.announcement = f"{summary_text(a)} Each test is now marked with why."
        self.best_found = a.best_found

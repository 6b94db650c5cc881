"""SymptomMatcherWidget: pick findings; see which syndromes fit them, and why."""

from __future__ import annotations

from typing import Any

from netedu.explorers.symptom_matcher import SymptomMatcherData, match, results_html
from netedu.widgets.context import QuizContext
from netedu.widgets.explorers.common import CheckboxGroups
from netedu.widgets.html import SafeHTML
from netedu.widgets.shared import VBox
from netedu.words import plural

__all__ = ["SymptomMatcherWidget"]

_GROUPS = (("symptom", "Symptoms"), ("sign", "Signs"), ("test", "Test results"))


class SymptomMatcherWidget(VBox):
    """Groups of findings to tick, and the syndromes that explain them, best fit first."""

    def __init__(self, data: SymptomMatcherData, ctx: QuizContext, **kwargs: Any):
        self.data, self.ctx = data, ctx
        self.picker = CheckboxGroups(
            (
                (title, "Select all that your patient has.", [(f.id, f.label) for f in data.findings if f.kind == kind])
                for kind, title in _GROUPS
            ),
            self._on_pick,
        )
        self.groups = self.picker.groups
        intro = SafeHTML(
            "<p><strong>Symptom-to-syndrome matcher.</strong> Pick findings; the syndromes that explain them appear below, best fit first.</p>"
        )
        self.results = SafeHTML(results_html(data, [], ctx.references))
        self.results.add_class("netedu-card")
        super().__init__([intro, self.picker, self.results], **kwargs)
        self.add_class("netedu-explorer")

    @property
    def picked(self) -> list[str]:
        return self.picker.picked

    def pick(self, *finding_ids: str) -> None:
        self.picker.pick(*finding_ids)

    def _on_pick(self, change: dict) -> None:
        matches = match(self.data, self.picked)
        self.results.value = results_html(self.data, matches, self.ctx.references)
        if matches:
            best = ", ".join(m.syndrome.name for m in matches[:3])
            change["owner"].announcement = f"{plural(len(matches), 'syndrome fits', 'syndromes fit')}. Best fit: {best}."
        else:
            change["owner"].announcement = "No syndrome fits the findings chosen."

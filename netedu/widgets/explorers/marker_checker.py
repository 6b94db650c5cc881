"""MarkerCheckerWidget: tick a patient's medicines, foods and conditions; see which test results
they would distort, in which direction, and what to do."""

from __future__ import annotations

from typing import Any

from netedu.explorers.marker_checker import MarkerCheckerData, check, results_html
from netedu.widgets.context import QuizContext
from netedu.widgets.explorers.common import CheckboxGroups
from netedu.widgets.html import SafeHTML
from netedu.widgets.shared import VBox

__all__ = ["MarkerCheckerWidget"]

_GROUPS = (("medicine", "Medicines"), ("food", "Foods"), ("condition", "Conditions"))


class MarkerCheckerWidget(VBox):
    """Groups of interferers to tick, and the results they would distort."""

    def __init__(self, data: MarkerCheckerData, ctx: QuizContext, **kwargs: Any):
        self.data, self.ctx = data, ctx
        self.picker = CheckboxGroups(
            (
                (title, "Select all the patient takes, eats or has.", [(i.id, i.label) for i in data.interferers if i.kind == kind])
                for kind, title in _GROUPS
            ),
            self._on_pick,
        )
        self.groups = self.picker.groups
        intro = SafeHTML(
            "<p><strong>Marker interference checker.</strong> Which results would this patient's medicines, foods and conditions distort?</p>"
        )
        self.results = SafeHTML(results_html(data, {}, ctx.references))
        self.results.add_class("netedu-card")
        super().__init__([intro, self.picker, self.results], **kwargs)
        self.add_class("netedu-explorer")

    def pick(self, *ids: str) -> None:
        self.picker.pick(*ids)

    def _on_pick(self, change: dict) -> None:
        found = check(self.data, self.picker.picked)
        self.results.value = results_html(self.data, found, self.ctx.references)
        names = {m.id: m.name for m in self.data.markers}
        change["owner"].announcement = (
            f"Could be distorted: {', '.join(names[m] for m in found)}." if found else "No result would be distorted by what is ticked."
        )

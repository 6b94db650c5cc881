"""SymptomMatcherWidget: pick findings; see which syndromes fit them, and why."""

from __future__ import annotations

from typing import Any

import ipywidgets as ipw

from ...content.explorers import PresentationFile
from ...matcher import match, results_html
from ...render import escape
from ..context import QuizContext
from ..html import SafeHTML
from ..response import ChoiceResponse

__all__ = ["SymptomMatcherWidget"]

_GROUPS = (("symptom", "Symptoms"), ("sign", "Signs"), ("test", "Test results"))


class SymptomMatcherWidget(ipw.VBox):
    def __init__(self, data: PresentationFile, ctx: QuizContext, **kwargs: Any):
        self.data, self.ctx = data, ctx
        self.groups: list[ChoiceResponse] = []
        for kind, title in _GROUPS:
            findings = [f for f in data.findings if f.kind == kind]
            if not findings:
                continue
            group = ChoiceResponse(
                prompt_html=f"<strong>{escape(title)}</strong>",
                hint="Select all that your patient has.",
                options=[{"key": f.id, "html": escape(f.label)} for f in findings],
                multiple=True,
                show_submit=False,
            )
            group.observe(self._on_pick, names="selected")
            self.groups.append(group)
        intro = SafeHTML("<p><strong>Symptom-to-syndrome matcher.</strong> Pick findings; the syndromes that explain them appear below, best fit first.</p>")
        self.results = SafeHTML(results_html(data, [], ctx.references))
        self.results.add_class("netedu-card")
        box = ipw.HBox(self.groups)
        box.add_class("netedu-matcher-groups")
        super().__init__([intro, box, self.results], **kwargs)
        self.add_class("netedu-explorer")

    @property
    def picked(self) -> list[str]:
        return [key for group in self.groups for key in group.selected]

    def pick(self, *finding_ids: str) -> None:
        for group in self.groups:
            keys = {o["key"] for o in group.options}
            group.selected = [f for f in finding_ids if f in keys]

    def _on_pick(self, change: dict) -> None:
        matches = match(self.data, self.picked)
        self.results.value = results_html(self.data, matches, self.ctx.references)
        if matches:
            best = ", ".join(m.syndrome.name for m in matches[:3])
            change["owner"].announcement = f"{len(matches)} syndromes fit. Best fit: {best}."
        else:
            change["owner"].announcement = "No syndrome fits the findings chosen."

"""PrrtWalkthroughWidget: a teaching case worked step by step (the PRRT eligibility walk-through)."""

from __future__ import annotations

from typing import Any

from netedu.explorers.prrt_walkthrough import PrrtWalkthroughData, as_case
from netedu.render import escape, markdown
from netedu.store.memory import MemoryStore
from netedu.widgets.case import CaseWidget
from netedu.widgets.context import QuizContext
from netedu.widgets.html import SafeHTML
from netedu.widgets.shared import VBox
from netedu.words import sentence

__all__ = ["PrrtWalkthroughWidget"]


class PrrtWalkthroughWidget(VBox):
    """The case, its steps revealed one after another, and what the team weighs at the end."""

    def __init__(self, walk: PrrtWalkthroughData, ctx: QuizContext, **kwargs: Any):
        self.walk = walk
        # Practice, not assessment: the steps are not recorded as answers to course questions.
        practice = ctx.with_(store=MemoryStore(), educator=False)
        banner = SafeHTML(
            f'<p class="netedu-notice"><strong>{escape(sentence(walk.title))}</strong> A teaching case, worked step by step: '
            "not a clinical decision tool. Real decisions are made by the patient's team.</p>"
        )
        self.case = CaseWidget(as_case(walk, case_id="walkthrough"), practice)
        self.closing = SafeHTML()
        self.case.observe(self._on_done, names="answered")
        super().__init__([banner, self.case, self.closing], **kwargs)
        self.add_class("netedu-explorer")

    def _on_done(self, change: dict) -> None:
        if change["new"]:
            self.closing.value = f'<div class="netedu-keypoint"><strong>What the team weighs:</strong> {markdown(self.walk.closing)}</div>'

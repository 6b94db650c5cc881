"""SyndromeExplorerWidget: choose a hereditary syndrome; see its gene, tumours and red flags."""

from __future__ import annotations

from typing import Any

import ipywidgets as ipw

from ...content.explorers import SyndromeFile
from ...render import escape
from ...syndromes import compare_html, syndrome_html
from ..context import QuizContext
from ..html import SafeHTML
from ..response import ChoiceResponse

__all__ = ["SyndromeExplorerWidget"]


class SyndromeExplorerWidget(ipw.VBox):
    def __init__(self, data: SyndromeFile, ctx: QuizContext, **kwargs: Any):
        self.ctx = ctx
        self._by_id = {s.id: s for s in data.syndromes}
        self.choice = ChoiceResponse(
            prompt_html="<strong>Syndrome explorer:</strong> choose a hereditary syndrome.",
            hint="Its gene, inheritance, tumours and when to suspect it appear below.",
            options=[{"key": s.id, "html": escape(s.name)} for s in data.syndromes],
            show_submit=False,
        )
        self.card = SafeHTML()
        self.card.add_class("netedu-card")
        self.table = SafeHTML(compare_html(data.syndromes))
        self.choice.observe(self._on_choose, names="selected")
        super().__init__([self.choice, self.card, self.table], **kwargs)
        self.add_class("netedu-explorer")
        self.choose(data.syndromes[0].id)

    def choose(self, syndrome_id: str) -> None:
        self.choice.selected = [syndrome_id]

    def _on_choose(self, change: dict) -> None:
        if not change["new"]:
            return
        s = self._by_id[change["new"][0]]
        self.card.value = syndrome_html(s, self.ctx.references)
        self.choice.announcement = f"{s.name}: gene {s.gene}. Details are shown below."

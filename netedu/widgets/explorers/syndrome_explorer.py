"""SyndromeExplorerWidget: choose a hereditary syndrome; see its gene, tumours and red flags."""

from __future__ import annotations

from typing import Any

from netedu.explorers.syndrome_explorer import SyndromeExplorerData, compare_html, syndrome_html
from netedu.widgets.context import QuizContext
from netedu.widgets.explorers.common import chooser
from netedu.widgets.html import SafeHTML
from netedu.widgets.shared import VBox

__all__ = ["SyndromeExplorerWidget"]


class SyndromeExplorerWidget(VBox):
    """A syndrome chooser, the chosen syndrome's card, and a table comparing all."""

    def __init__(self, data: SyndromeExplorerData, ctx: QuizContext, **kwargs: Any):
        self.ctx = ctx
        self._by_id = {s.id: s for s in data.syndromes}
        self.choice = chooser(
            "<strong>Syndrome explorer:</strong> choose a hereditary syndrome.",
            "Its gene, inheritance, tumours and when to suspect it appear below.",
            ((s.id, s.name) for s in data.syndromes),
            self._on_choose,
        )
        self.card = SafeHTML()
        self.card.add_class("netedu-card")
        self.table = SafeHTML(compare_html(data.syndromes))
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

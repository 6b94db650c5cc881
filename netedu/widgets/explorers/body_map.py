"""BodyMapWidget: click an organ on a drawing of the body to see the NETs that arise there."""

from __future__ import annotations

from typing import Any

from netedu.explorers.body_map import BodyMapData, organ_html
from netedu.widgets.context import QuizContext
from netedu.widgets.html import SafeHTML
from netedu.widgets.response import HotspotResponse
from netedu.widgets.shared import VBox

__all__ = ["BodyMapWidget"]


class BodyMapWidget(VBox):
    """The drawing (its organs form a radio group) and the chosen organ's card."""

    def __init__(self, data: BodyMapData, ctx: QuizContext, **kwargs: Any):
        self.data, self.ctx = data, ctx
        self._organs = {o.id: o for o in data.organs}
        uri, box = ctx.image(data.image)
        self.map = HotspotResponse(
            prompt_html="<strong>Body map:</strong> choose an organ to see the NETs that arise there.",
            hint="Click an organ, or Tab to the drawing and move with the arrow keys.",
            image=uri,
            viewbox=list(box),
            alt=data.alt,
            regions=[{"key": o.id, "label": o.name, "shape": o.shape, "coords": list(o.coords)} for o in data.organs],
            show_submit=False,
        )
        self.details = SafeHTML('<p class="netedu-empty">Nothing chosen yet.</p>')
        self.details.add_class("netedu-card")
        self.map.observe(self._on_choose, names="selected")
        super().__init__([self.map, self.details], **kwargs)
        self.add_class("netedu-explorer")

    def choose(self, organ_id: str) -> None:
        self.map.selected = organ_id

    def _on_choose(self, change: dict) -> None:
        organ = self._organs.get(change["new"])
        if organ is None:
            return
        self.details.value = organ_html(organ, self.ctx.references)
        nets = ", ".join(n.name for n in organ.nets)
        self.map.announcement = f"{organ.name}: {nets}. Details are below the drawing."

"""RouterWidget: the player's link to the page URL, browser history, focus and connection."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import anywidget
import traitlets

from netedu.widgets.inputs import PageInputs
from netedu.widgets.shared import plain_layout

__all__ = ["RouterWidget"]

_HERE = Path(__file__).parent


class RouterWidget(PageInputs, anywidget.AnyWidget):
    """Invisible, apart from a notice when the connection to the kernel is lost. The page sets
    only ``url`` (back, forward, an in-player link)."""

    page_inputs = ("url",)

    _esm = _HERE / "router.js"
    _css = _HERE / "player.css"

    url = traitlets.Unicode("?", help="The view as a URL query, e.g. '?topic=epidemiology'.").tag(sync=True)
    title = traitlets.Unicode("", help="The page title for this view.").tag(sync=True)
    focus = traitlets.Unicode("", help="Id of the element to focus once the view is shown.").tag(sync=True)

    def __init__(self, **kwargs: Any):
        kwargs.setdefault("layout", plain_layout())
        super().__init__(**kwargs)
        self.on_msg(self._on_custom_msg)

    def _on_custom_msg(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("event") == "ping":
            self.send({"event": "pong"})

    @traitlets.validate("url")
    def _bounded(self, proposal: dict) -> str:
        value = str(proposal["value"])[:300]
        return value if value.startswith("?") or value == "" else "?"

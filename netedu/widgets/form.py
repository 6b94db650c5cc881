"""FormWidget: a small accessible form (number boxes, radio groups) answered in Python."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import anywidget
import traitlets

from netedu.render import sanitize

__all__ = ["FormWidget"]

_HERE = Path(__file__).parent


class FormWidget(anywidget.AnyWidget):
    """Fields are ``{"key", "label", "kind": "number", "unit"}`` or ``{"key", "label",
    "kind": "choice", "options": [{"value", "label"}]}``. ``on_submit(handler)`` receives the
    values (strings) the learner submitted; the handler sets ``errors`` or ``result_html``.
    Tests call ``submit({...})`` as the page does.
    """

    _esm = (_HERE / "dom.js").read_text() + (_HERE / "form.js").read_text()
    _css = _HERE / "response.css"

    legend_html = traitlets.Unicode("", help="What the form is for (sanitized HTML).").tag(sync=True)
    hint = traitlets.Unicode("", help="Plain-text instruction.").tag(sync=True)
    fields = traitlets.List(traitlets.Dict(), help="The fields, in order.").tag(sync=True)
    values = traitlets.Dict(help="The last submitted values, shown again after a rebuild.").tag(sync=True)
    errors = traitlets.Dict(help="{field key: plain-text problem}.").tag(sync=True)
    submit_label = traitlets.Unicode("Submit", help="The button's text.").tag(sync=True)
    result_html = traitlets.Unicode("", help="The answer (sanitized HTML).").tag(sync=True)
    announcement = traitlets.Unicode("", help="Text for the polite live region.").tag(sync=True)

    def __init__(self, **kwargs: Any):
        super().__init__(**kwargs)
        self._handlers: list[Callable[[dict[str, str]], None]] = []
        self.on_msg(self._on_custom_msg)

    def on_submit(self, handler: Callable[[dict[str, str]], None]) -> None:
        self._handlers.append(handler)

    def submit(self, values: dict[str, Any]) -> None:
        """Submit ``values`` as the learner's button does."""
        keys = {f["key"] for f in self.fields}
        clean = {k: str(v)[:64] for k, v in values.items() if k in keys}
        self.values = clean
        for handler in self._handlers:
            handler(clean)

    def _on_custom_msg(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("event") == "submit" and isinstance(content.get("values"), dict):
            self.submit(content["values"])

    @traitlets.validate("legend_html", "result_html")
    def _clean(self, proposal: dict) -> str:
        return sanitize(proposal["value"])

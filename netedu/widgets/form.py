"""FormWidget: a small accessible form (number boxes, radio groups) answered in Python."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import traitlets

from netedu.explorers.forms import FormOutcome
from netedu.render import sanitize
from netedu.widgets.controls import ControlWidget

__all__ = ["FormWidget"]


class FormWidget(ControlWidget):
    """Fields are ``{"key", "label", "kind": "number", "unit"}`` or ``{"key", "label",
    "kind": "choice", "options": [{"value", "label"}]}``. ``on_submit(handler)`` receives the
    values (strings) the learner submitted; the handler sets ``errors`` or ``result_html``.
    Tests call ``submit({...})`` as the page does.
    """

    kind = traitlets.Unicode("form").tag(sync=True)
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

    def show(self, outcome: FormOutcome) -> None:
        """Show what a submit led to: per-field problems, or the result, and announce it."""
        self.errors = outcome.errors
        self.result_html = outcome.html
        self.announcement = outcome.announcement

    def _on_custom_msg(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("event") == "submit" and isinstance(content.get("values"), dict):
            self.submit(content["values"])

    @traitlets.validate("legend_html", "result_html")
    def _clean(self, proposal: dict) -> str:
        return sanitize(proposal["value"])

"""ChoiceGroupWidget: an accessible group of radio buttons or checkboxes (anywidget)."""

from __future__ import annotations

from pathlib import Path

import anywidget
import traitlets

from ..render import sanitize

__all__ = ["ChoiceGroupWidget"]

_HERE = Path(__file__).parent


class ChoiceGroupWidget(anywidget.AnyWidget):
    """A fieldset whose legend is the question and whose options are native inputs.

    Options are sent as ``{"key", "html"}`` only: no correctness, no explanation. After a
    check, ``marks`` carries per-option feedback and ``announcement`` is spoken by a live region.
    """

    _esm = _HERE / "choice.js"
    _css = _HERE / "choice.css"

    legend_html = traitlets.Unicode("", help="The question, as sanitized HTML.").tag(sync=True)
    hint = traitlets.Unicode("", help="Plain-text instruction, e.g. 'Select all that apply.'").tag(sync=True)
    options = traitlets.List(traitlets.Dict(), help="[{key, html}] in display order.").tag(sync=True)
    multiple = traitlets.Bool(False, help="Checkboxes (True) or radio buttons (False).").tag(sync=True)
    selected = traitlets.List(traitlets.Unicode(), help="Keys of the chosen options.").tag(sync=True)
    disabled = traitlets.Bool(False, help="True once the answer is locked in.").tag(sync=True)
    marks = traitlets.List(traitlets.Dict(), help="[{status, html}] per option after a check.").tag(sync=True)
    announcement = traitlets.Unicode("", help="Text for the polite live region.").tag(sync=True)

    @traitlets.validate("legend_html")
    def _clean_legend(self, proposal: dict) -> str:
        return sanitize(proposal["value"])

    @traitlets.validate("options")
    def _clean_options(self, proposal: dict) -> list[dict]:
        return [{"key": str(o["key"]), "html": sanitize(o["html"])} for o in proposal["value"]]

    @traitlets.validate("marks")
    def _clean_marks(self, proposal: dict) -> list[dict]:
        return [{"status": str(m["status"]), "html": sanitize(m["html"])} for m in proposal["value"]]

    @traitlets.validate("selected")
    def _known_keys(self, proposal: dict) -> list[str]:
        keys = {o["key"] for o in self.options}
        chosen = [k for k in dict.fromkeys(proposal["value"]) if k in keys]
        if not self.multiple and len(chosen) > 1:
            chosen = chosen[-1:]
        return chosen

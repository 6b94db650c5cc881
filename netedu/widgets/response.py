"""The answer controls (anywidget): one ES module renders every kind; Python checks what
the browser sends back and never sends the answer key before the learner submits.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import traitlets

from netedu.learning.grading.arrange import order_problem
from netedu.render import sanitize
from netedu.widgets.controls import ControlWidget

__all__ = [
    "ChoiceResponse",
    "HotspotResponse",
    "MatchingResponse",
    "NumericResponse",
    "OrderingResponse",
    "ResponseWidget",
]


def _keys(entries: list[dict]) -> set[str]:
    return {str(e["key"]) for e in entries}


class ResponseWidget(ControlWidget):
    """What every answer control shares: the question as the fieldset's legend, a hint, marks
    shown after submitting, a live region, and a ``submit`` request (Enter in a text box).
    """

    prompt_html = traitlets.Unicode("", help="The question, as sanitized HTML (the legend).").tag(sync=True)
    hint = traitlets.Unicode("", help="Plain-text instruction, e.g. 'Choose one answer.'").tag(sync=True)
    disabled = traitlets.Bool(False, help="True once the answer is locked in.").tag(sync=True)
    marks = traitlets.List(traitlets.Dict(), help="[{key, status, html}] after submitting.").tag(sync=True)
    announcement = traitlets.Unicode("", help="Text for the polite live region.").tag(sync=True)
    submit_label = traitlets.Unicode("Check answer", help="The submit button's text.").tag(sync=True)
    submit_disabled = traitlets.Bool(False, help="True once nothing more can be submitted.").tag(sync=True)
    show_submit = traitlets.Bool(True, help="False where choosing is enough (explorers).").tag(sync=True)

    #: The traits holding this kind's answer; a submit request from the page carries them.
    answer_traits: tuple[str, ...] = ()

    @property
    def page_inputs(self) -> tuple[str, ...]:  # type: ignore[override]
        """The page may set the answer and nothing else (never the question, options or marks)."""
        return self.answer_traits

    def __init__(self, **kwargs: Any):
        super().__init__(**kwargs)
        self._submit_handlers: list[Callable[[], None]] = []
        self._refuse_handlers: list[Callable[[str], None]] = []
        self.on_msg(self._on_custom_msg)

    def on_submit(self, handler: Callable[[], None]) -> None:
        """Call ``handler`` when the learner submits (the button, or Enter in a text box)."""
        self._submit_handlers.append(handler)

    def on_refuse(self, handler: Callable[[str], None]) -> None:
        """Call ``handler(message)`` when the page submits an answer that is not one (see
        :meth:`refusal`): nothing is submitted then."""
        self._refuse_handlers.append(handler)

    def refusal(self, answer: dict) -> str | None:
        """Why the ``answer`` a submit request carries is not an answer of this kind (``None``:
        it is, or this kind's traits drop what they do not know and grading says what is missing)."""
        return None

    def submit(self) -> None:
        """Submit as the learner's button does (tests and Python callers)."""
        if not self.submit_disabled:
            for handler in self._submit_handlers:
                handler()

    def _on_custom_msg(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("event") == "submit":
            answer = content.get("answer")
            if isinstance(answer, dict):
                why = self.refusal(answer)
                if why is not None and not self.submit_disabled:
                    for handler in self._refuse_handlers:
                        handler(f"this answer could not be read ({why}), so nothing was graded or saved: check it and submit again")
                    return
                for name in self.answer_traits:
                    if name in answer:
                        try:
                            setattr(self, name, answer[name])  # validated like any update
                        except traitlets.TraitError:
                            pass
            self.submit()

    @traitlets.validate("prompt_html")
    def _clean_prompt(self, proposal: dict) -> str:
        return sanitize(proposal["value"])

    @traitlets.validate("marks")
    def _clean_marks(self, proposal: dict) -> list[dict]:
        return [{"key": str(m["key"]), "status": str(m["status"]), "html": sanitize(m["html"])} for m in proposal["value"]]


class ChoiceResponse(ResponseWidget):
    """Radio buttons (one answer) or checkboxes (all that apply)."""

    kind = traitlets.Unicode("choice").tag(sync=True)
    answer_traits = ("selected",)
    options = traitlets.List(traitlets.Dict(), help="[{key, html}] in display order.").tag(sync=True)
    multiple = traitlets.Bool(False, help="Checkboxes (True) or radio buttons (False).").tag(sync=True)
    selected = traitlets.List(traitlets.Unicode(), help="Keys of the chosen options.").tag(sync=True)

    @traitlets.validate("options")
    def _clean_options(self, proposal: dict) -> list[dict]:
        return [{"key": str(o["key"]), "html": sanitize(o["html"])} for o in proposal["value"]]

    @traitlets.validate("selected")
    def _known(self, proposal: dict) -> list[str]:
        chosen = [k for k in dict.fromkeys(proposal["value"]) if k in _keys(self.options)]
        return chosen if self.multiple else chosen[-1:]


class NumericResponse(ResponseWidget):
    """A labelled text box for a number, with its unit beside it."""

    kind = traitlets.Unicode("numeric").tag(sync=True)
    answer_traits = ("text",)
    label = traitlets.Unicode("Your answer", help="The text box's label.").tag(sync=True)
    unit = traitlets.Unicode("", help="The unit shown after the box.").tag(sync=True)
    text = traitlets.Unicode("", help="What the learner typed.").tag(sync=True)
    error = traitlets.Unicode("", help="Why the text is not an answer yet (plain text).").tag(sync=True)

    @traitlets.validate("text")
    def _bounded(self, proposal: dict) -> str:
        return proposal["value"][:64]


class OrderingResponse(ResponseWidget):
    """A list the learner reorders with Move up / Move down buttons."""

    kind = traitlets.Unicode("ordering").tag(sync=True)
    answer_traits = ("order",)
    items = traitlets.List(traitlets.Dict(), help="[{key, html}].").tag(sync=True)
    order = traitlets.List(traitlets.Unicode(), help="Keys in the learner's current order.").tag(sync=True)

    @traitlets.validate("items")
    def _clean_items(self, proposal: dict) -> list[dict]:
        return [{"key": str(i["key"]), "html": sanitize(i["html"])} for i in proposal["value"]]

    @traitlets.validate("order")
    def _permutation(self, proposal: dict) -> list[str]:
        order = list(proposal["value"])
        return order if order_problem(sorted(_keys(self.items)), order) is None else list(self.order)

    def refusal(self, answer: dict) -> str | None:
        """A submitted order must list every item once: one that does not is refused, never
        graded as the order on screen."""
        return order_problem(sorted(_keys(self.items)), answer["order"]) if "order" in answer else None


class MatchingResponse(ResponseWidget):
    """A table with one select box per row and column."""

    kind = traitlets.Unicode("matching").tag(sync=True)
    answer_traits = ("selection",)
    columns = traitlets.List(traitlets.Unicode(), help="Column headings.").tag(sync=True)
    rows = traitlets.List(traitlets.Dict(), help="[{key, html}] prompts.").tag(sync=True)
    choices = traitlets.List(traitlets.List(traitlets.Dict()), help="Per column: [{key, text}].").tag(sync=True)
    selection = traitlets.Dict(help="{row key: [choice key per column]}.").tag(sync=True)

    @traitlets.validate("rows")
    def _clean_rows(self, proposal: dict) -> list[dict]:
        return [{"key": str(r["key"]), "html": sanitize(r["html"])} for r in proposal["value"]]

    @traitlets.validate("selection")
    def _known(self, proposal: dict) -> dict:
        rows = _keys(self.rows)
        out = {}
        for row, values in dict(proposal["value"]).items():
            if row in rows and isinstance(values, (list, tuple)):
                out[row] = [
                    v if isinstance(v, str) and v in _keys(self.choices[col]) else ""
                    for col, v in enumerate(list(values)[: len(self.columns)])
                ]
        return out


class HotspotResponse(ResponseWidget):
    """A picture whose regions form a radio group."""

    kind = traitlets.Unicode("hotspot").tag(sync=True)
    answer_traits = ("selected",)
    image = traitlets.Unicode("", help="The drawing, as a data: URI.").tag(sync=True)
    viewbox = traitlets.List(traitlets.Float(), help="[x, y, width, height].").tag(sync=True)
    alt = traitlets.Unicode("", help="What the picture shows, for screen readers.").tag(sync=True)
    regions = traitlets.List(traitlets.Dict(), help="[{key, label, shape, coords}].").tag(sync=True)
    selected = traitlets.Unicode("", help="Key of the chosen region.").tag(sync=True)

    @traitlets.validate("image")
    def _svg_only(self, proposal: dict) -> str:
        value = proposal["value"]
        if value and not value.startswith("data:image/svg+xml;base64,"):
            raise traitlets.TraitError("a hotspot image must be an SVG data: URI")
        return value

    @traitlets.validate("selected")
    def _known(self, proposal: dict) -> str:
        return proposal["value"] if proposal["value"] in _keys(self.regions) else ""

"""Connect each question type to its answer control: display order (seeded per learner),
position keys instead of ids in the browser, and the learner's response back as ids.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from netedu.content.questions import Hotspot, Matching, MultipleChoice, Numeric, Ordering, Question, TrueFalse
from netedu.learning.feedback import Feedback
from netedu.learning.seeded import shuffled
from netedu.render import markdown, markdown_inline
from netedu.widgets.context import QuizContext
from netedu.widgets.response import ChoiceResponse, HotspotResponse, MatchingResponse, NumericResponse, OrderingResponse, ResponseWidget

__all__ = ["Adapter", "adapter_for"]


class Adapter:
    """The bridge between one question and its control. ``response()`` is what grading takes."""

    widget: ResponseWidget
    watch: str  # the control's trait that changes when the learner answers

    def __init__(self, question: Question, ctx: QuizContext):
        self.question = question
        self.ctx = ctx
        self._to_key: dict[str, str] = {}
        self._to_id: dict[str, str] = {}
        self.touched = False  # whether the learner has changed the answer control

    def _keyed(self, ids: list[str]) -> list[str]:
        for n, ident in enumerate(ids):
            self._to_key[ident], self._to_id[f"k{n}"] = f"k{n}", ident
        return [self._to_key[i] for i in ids]

    @property
    def shown_ids(self) -> list[str]:
        """The option, item or row ids in the order this learner's screen shows them."""
        return list(self._to_key)

    def _order(self, entries: tuple, *, shuffle: bool = True, differ: bool = False) -> list:
        if not shuffle:
            return list(entries)
        return shuffled(entries, self.ctx.learner, self.question.id, "order", differ=differ)

    def response(self) -> Any:
        raise NotImplementedError

    def set_response(self, value: Any) -> None:
        raise NotImplementedError

    def has_answer(self) -> bool:
        raise NotImplementedError

    def show(self, feedback: Feedback) -> None:
        self.widget.marks = [{"key": self._to_key[m.key], "status": m.status, "html": m.html} for m in feedback.marks]

    def show_error(self, message: str) -> None:
        self.widget.announcement = message

    def on_change(self, callback: Callable[[], None]) -> None:
        def changed(_change: dict) -> None:
            self.touched = True
            callback()

        self.widget.observe(changed, names=self.watch)

    def _known(self, ids: list[str]) -> list[str]:
        if unknown := [i for i in ids if i not in self._to_key]:
            raise ValueError(f"unknown id {unknown[0]!r} for question {self.question.id!r}")
        return [self._to_key[i] for i in ids]


class ChoiceAdapter(Adapter):
    watch = "selected"

    def __init__(self, question, ctx):
        super().__init__(question, ctx)
        multiple = isinstance(question, MultipleChoice)
        shuffle = getattr(question, "shuffle", False) and not isinstance(question, TrueFalse)
        options = self._order(question.options, shuffle=shuffle)
        keys = self._keyed([o.id for o in options])
        hint = (
            "Select all that apply."
            if multiple
            else ("Is the statement true or false?" if isinstance(question, TrueFalse) else "Choose one answer.")
        )
        self.widget = ChoiceResponse(
            prompt_html=markdown(question.stem),
            hint=hint,
            options=[{"key": k, "html": markdown_inline(o.text)} for k, o in zip(keys, options, strict=True)],
            multiple=multiple,
        )

    def response(self) -> list[str]:
        return [self._to_id[k] for k in self.widget.selected]

    def set_response(self, value: list[str]) -> None:
        self.widget.selected = self._known(list(value))

    def has_answer(self) -> bool:
        return bool(self.widget.selected)


class NumericAdapter(Adapter):
    watch = "text"

    def __init__(self, question: Numeric, ctx):
        super().__init__(question, ctx)
        self.widget = NumericResponse(
            prompt_html=markdown(question.stem),
            hint="Type a number" + (f" in {question.unit}" if question.unit else "") + ", then check.",
            label=question.label,
            unit=question.unit or "",
        )

    def response(self) -> str:
        return self.widget.text

    def set_response(self, value: str) -> None:
        self.widget.text = str(value)

    def has_answer(self) -> bool:
        return bool(self.widget.text.strip())

    def show(self, feedback: Feedback) -> None:
        self.widget.error = ""

    def show_error(self, message: str) -> None:
        self.widget.error = message
        self.widget.announcement = message

    def on_change(self, callback: Callable[[], None]) -> None:
        def changed(_change: dict) -> None:
            self.touched = True
            self.widget.error = ""
            callback()

        self.widget.observe(changed, names="text")


class OrderingAdapter(Adapter):
    watch = "order"

    def __init__(self, question: Ordering, ctx):
        super().__init__(question, ctx)
        # Shown shuffled, never in the answer's order; keys follow the shown order, so neither
        # the list sent to the browser nor its keys give the answer away.
        shown = self._order(question.items, differ=True)
        keys = self._keyed([i.id for i in shown])
        self.widget = OrderingResponse(
            prompt_html=markdown(question.stem),
            hint="Put the items in order: use the Move up and Move down buttons, then check.",
            items=[{"key": k, "html": markdown_inline(i.text)} for k, i in zip(keys, shown, strict=True)],
            order=keys,
        )

    def response(self) -> list[str]:
        return [self._to_id[k] for k in self.widget.order]

    def set_response(self, value: list[str]) -> None:
        self.widget.order = self._known(list(value))

    def has_answer(self) -> bool:
        return True  # the list always has an order; checking it as shown is an answer


class MatchingAdapter(Adapter):
    watch = "selection"

    def __init__(self, question: Matching, ctx):
        super().__init__(question, ctx)
        rows = self._order(question.rows)
        keys = self._keyed([r.id for r in rows])
        self._choice_key: list[dict[str, str]] = []
        self._choice_text: list[dict[str, str]] = []
        choices = []
        for col in range(len(question.columns)):
            texts = question.choices(col)
            self._choice_key.append({t: f"c{col}-{n}" for n, t in enumerate(texts)})
            self._choice_text.append({f"c{col}-{n}": t for n, t in enumerate(texts)})
            choices.append([{"key": f"c{col}-{n}", "text": t} for n, t in enumerate(texts)])
        self.widget = MatchingResponse(
            prompt_html=markdown(question.stem),
            hint="Choose a match in every box, then check.",
            columns=list(question.columns),
            rows=[{"key": k, "html": markdown_inline(r.prompt)} for k, r in zip(keys, rows, strict=True)],
            choices=choices,
        )

    def response(self) -> dict[str, list[str]]:
        out = {}
        for key, values in self.widget.selection.items():
            out[self._to_id[key]] = [self._choice_text[c].get(v, "") for c, v in enumerate(values)]
        return out

    def set_response(self, value: dict[str, list[str]]) -> None:
        selection = {}
        for row_id, texts in value.items():
            (key,) = self._known([row_id])
            selection[key] = [self._choice_key[c][t] for c, t in enumerate(texts)]
        self.widget.selection = selection

    def has_answer(self) -> bool:
        width = len(self.question.columns)
        filled = [v for v in self.widget.selection.values() if len([c for c in v if c]) == width]
        return len(filled) == len(self.question.rows)


class HotspotAdapter(Adapter):
    watch = "selected"

    def __init__(self, question: Hotspot, ctx):
        super().__init__(question, ctx)
        keys = self._keyed([r.id for r in question.regions])
        uri, box = ctx.image(question.image)
        self.widget = HotspotResponse(
            prompt_html=markdown(question.stem),
            hint="Click a region of the picture, or Tab to it and use the arrow keys; then check.",
            image=uri,
            viewbox=list(box),
            alt=question.alt,
            regions=[
                {"key": k, "label": r.label, "shape": r.shape, "coords": list(r.coords)}
                for k, r in zip(keys, question.regions, strict=True)
            ],
        )

    def response(self) -> list[str]:
        return [self._to_id[self.widget.selected]] if self.widget.selected else []

    def set_response(self, value: list[str]) -> None:
        (key,) = self._known(list(value)[:1])
        self.widget.selected = key

    def has_answer(self) -> bool:
        return bool(self.widget.selected)


_ADAPTERS: dict[type, type[Adapter]] = {
    Numeric: NumericAdapter,
    Ordering: OrderingAdapter,
    Matching: MatchingAdapter,
    Hotspot: HotspotAdapter,
}


def adapter_for(question: Question, ctx: QuizContext) -> Adapter:
    """The adapter for ``question``'s type (single, multiple and true/false share one)."""
    return _ADAPTERS.get(type(question), ChoiceAdapter)(question, ctx)

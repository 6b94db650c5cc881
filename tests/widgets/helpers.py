"""Helpers for driving widgets in tests."""

from __future__ import annotations

import json

import ipywidgets as ipw

from netedu.store.memory import MemoryStore
from netedu.widgets import QuizContext


def context(content, learner: str = "ada", topic: str | None = None) -> QuizContext:
    return QuizContext.from_content(content, learner=learner, store=MemoryStore(), topic_id=topic)


def synced_state(widget: ipw.Widget) -> str:
    """Everything the kernel has sent to the browser about this widget and its children
    (minus the anywidget's static code and styles, which are the same for every question)."""
    states = []

    def walk(w: ipw.Widget) -> None:
        states.append({k: v for k, v in w.get_state().items() if k not in {"_esm", "_css"}})
        for child in getattr(w, "children", ()):
            walk(child)
        for attr in ("adapter",):
            inner = getattr(w, attr, None)
            if inner is not None and inner.widget not in getattr(w, "children", ()):
                walk(inner.widget)

    walk(widget)
    return json.dumps(states, default=str)


#: A right answer to each question of the test course (as ``QuestionWidget.value`` takes it).
RIGHT = {
    "alpha-single": ["right-one"],
    "alpha-multiple": ["yes-a", "yes-c"],
    "beta-tf": ["false"],
    "beta-numeric": "12 %",
    "beta-ordering": ["step-one", "step-two", "step-three", "step-four"],
    "beta-matching": {
        "insulinoma": ["Insulin", "Supervised fast"],
        "gastrinoma": ["Gastrin", "Fasting gastrin"],
        "vipoma": ["VIP", "Plasma VIP"],
    },
    "beta-hotspot": ["middle-box"],
}

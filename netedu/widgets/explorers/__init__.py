"""The explorer widgets, one module per explorer, named as its logic module in netedu.explorers.

:func:`build_explorer` builds the one a notebook asks for; widget modules are imported only
then, so a kernel loads only the explorers its learner opens.
"""

from __future__ import annotations

import importlib

import ipywidgets as ipw

from netedu.content import Content
from netedu.explorers import explorer
from netedu.widgets.context import QuizContext

__all__ = ["build_explorer"]


def build_explorer(explorer_id: str, content: Content, ctx: QuizContext) -> ipw.Widget:
    """The explorer ``explorer_id``, built from the course's data (``KeyError`` if unknown, or
    if no topic declares it, so its data was never loaded)."""
    spec = explorer(explorer_id)
    if spec.data is not None and explorer_id not in content.explorers:
        raise KeyError(f"explorer {explorer_id!r} has no data: add it to a topic's explorers in data/topics/")
    widget = getattr(importlib.import_module(spec.widget_module), spec.widget)
    return widget(content.explorers.get(explorer_id), ctx)

"""ControlWidget: the base of every answer control and form, sharing one ES module and one stylesheet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import anywidget
import traitlets

from netedu.widgets.inputs import PageInputs
from netedu.widgets.shared import plain_layout

__all__ = ["ControlWidget"]

_HERE = Path(__file__).parent


class ControlWidget(PageInputs, anywidget.AnyWidget):
    """``controls.js`` renders every kind (``kind`` says which); ``controls.css`` styles them.

    anywidget injects a class's stylesheet once per anywidget id, and gives each class its own
    id; the control classes share one, so a page of 300 questions of six kinds holds the
    stylesheet once. Both files are loaded from their paths, so ``ANYWIDGET_HMR=1`` reloads
    them while you edit. The page may set only a control's :attr:`page_inputs` (none for a
    form, whose values come with its submit request).
    """

    _esm = _HERE / "controls.js"
    _css = _HERE / "controls.css"
    ASSETS_ID = "netedu.widgets.controls"

    kind = traitlets.Unicode(help="Which control to render.").tag(sync=True)

    def __init__(self, **kwargs: Any):
        kwargs.setdefault("layout", plain_layout())
        super().__init__(**{**kwargs, "_anywidget_id": self.ASSETS_ID})  # set before the page sees the widget

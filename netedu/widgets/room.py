"""RoomPanel: under a question, on the educator's screen only, the room's answers, live."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import anywidget
import traitlets

from netedu.content.questions import Question
from netedu.learning.room import default_since, tally, tally_html
from netedu.store.protocol import Store
from netedu.widgets.html import SafeHTML
from netedu.widgets.inputs import PageInputs
from netedu.widgets.shared import Button, HBox, VBox, auto_width, plain_layout

__all__ = ["RoomPanel", "Ticker"]

log = logging.getLogger("netedu")


class Ticker(PageInputs, anywidget.AnyWidget):
    """Asks the kernel to refresh every ``interval_ms`` while ``active`` and the page is visible:
    the page drives the refresh, so nothing runs once the educator has closed it."""

    _esm = Path(__file__).parent / "ticker.js"
    active = traitlets.Bool(False, help="Whether the page should ask for refreshes.").tag(sync=True)
    interval_ms = traitlets.Int(2000, help="How often to ask, in milliseconds.").tag(sync=True)

    def __init__(self, on_tick, **kwargs: Any):
        kwargs.setdefault("layout", plain_layout())
        super().__init__(**kwargs)
        self.on_msg(lambda _w, content, _b: on_tick() if isinstance(content, dict) and content.get("event") == "tick" else None)


def _button(text: str, cls: str) -> Button:
    button = Button(description=text, layout=auto_width())
    button.add_class("netedu-room-button")
    button.add_class(cls)
    return button


class RoomPanel(VBox):
    """The educator's controls for one question: show the room's answers (refreshed live),
    mark the right answer when the room is ready, and start a new round to ask again."""

    def __init__(
        self, question: Question, source: Store, *, educator: str, order: Sequence[str] = (), interval_ms: int = 2000, **kwargs: Any
    ):
        self.question, self.source, self.educator, self.order = question, source, educator, tuple(order)
        self.shown = False
        self.show_right = False
        self.toggle = _button("Show the room's answers", "netedu-room-toggle")
        self.mark = _button("Mark the right answer", "netedu-room-mark")
        self.again = _button("Start a new round", "netedu-room-again")
        self.mark.disabled = self.again.disabled = True
        self.toggle.on_click(lambda _b: self.set_shown(not self.shown))
        self.mark.on_click(lambda _b: self.set_show_right(not self.show_right))
        self.again.on_click(lambda _b: self.new_round())
        self.results = SafeHTML()
        self.results.add_class("netedu-room-results")
        self.ticker = Ticker(self.refresh, interval_ms=interval_ms)
        bar = HBox([self.toggle, self.mark, self.again])
        bar.add_class("netedu-room-bar")
        label = SafeHTML('<p class="netedu-room-label"><strong>Educator view:</strong> only you see this.</p>')
        super().__init__([label, bar, self.results, self.ticker], **kwargs)
        self.add_class("netedu-room")

    def refresh(self) -> None:
        if not self.shown:
            return
        try:
            started = self.source.round_start(self.question.id)
            events = [e for e in self.source.room_answers(self.question.id, started or default_since()) if e.learner != self.educator]
            html = tally_html(tally(self.question, events, self.order), since=started, show_right=self.show_right)
        except Exception:  # a busy or unreachable store must not break the question above
            log.exception("netedu: the room's answers to %s could not be read", self.question.id)
            html = '<p class="netedu-error" role="alert">The room\'s answers could not be read just now; trying again.</p>'
        if html != self.results.value:
            self.results.value = html

    def set_shown(self, shown: bool) -> None:
        self.shown = shown
        self.toggle.description = "Hide the room's answers" if shown else "Show the room's answers"
        self.mark.disabled = self.again.disabled = not shown
        self.ticker.active = shown
        if shown:
            self.refresh()
        else:
            self.results.value = ""

    def set_show_right(self, show: bool) -> None:
        self.show_right = show
        self.mark.description = "Hide the right answer" if show else "Mark the right answer"
        self.refresh()

    def new_round(self) -> None:
        self.source.start_round(self.question.id)
        self.set_show_right(False)

"""SaveNote: beside a submitted answer, whether the store has it, and a Retry button until it does."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, Literal

import ipywidgets as ipw
import traitlets

from netedu.render import escape
from netedu.settings import answers_saved
from netedu.widgets.html import SafeHTML
from netedu.widgets.shared import HBox, auto_width

__all__ = ["NOT_SAVED", "SAVED", "SAVED_EXAM", "SAVED_NOWHERE", "SaveNote", "in_kernel_loop"]

SAVED = "✓ Answer saved."
SAVED_EXAM = "Answer saved. You will see the feedback when you finish."
#: Under ``netedu serve --no-store``: the server kept it, but only in memory.
SAVED_NOWHERE = "Answer kept until the server stops (demo mode: answers are not saved)."
NOT_SAVED = (
    "Your answer was not saved yet. It stays on this page and is tried again automatically; "
    "do not reload the page. If this message stays, tell your instructor."
)
State = Literal["saved", "not-saved"]


class SaveNote(HBox):
    """What the store did with one submitted answer: "saved" only once its commit returned;
    until then a message and a **Try saving again** button (its clicks go to ``on_retry``).

    >>> note = SaveNote("e1"); note.show("not-saved"); note.state, note.retry_button.description
    ('not-saved', 'Try saving again')
    >>> note.show("saved"); note.state, len(note.children)
    ('saved', 1)
    """

    state = traitlets.Unicode("", help="'saved' once the store has the answer, 'not-saved' until then.").tag(sync=True)
    event_id = traitlets.Unicode("", help="The answer's idempotency key (what the store keeps it under).").tag(sync=True)

    def __init__(self, event_id: str, *, exam: bool = False, **kwargs: Any):
        self.exam = exam
        self._note = SafeHTML()
        self.retry_button = ipw.Button(description="Try saving again", layout=auto_width())
        self.retry_button.add_class("netedu-retry")
        super().__init__([self._note], event_id=event_id, **kwargs)
        self.add_class("netedu-save-note")

    def on_retry(self, handler: Callable[[], None]) -> None:
        self.retry_button.on_click(lambda _button: handler())

    def show(self, state: State) -> None:
        if state == "saved":
            text = (SAVED_EXAM if self.exam else SAVED) if answers_saved() else SAVED_NOWHERE
            self._note.value = f'<p class="netedu-saved" role="status">{escape(text)}</p>'
            self.children = [self._note]
        else:
            self._note.value = f'<p class="netedu-error netedu-not-saved" role="alert">{escape(NOT_SAVED)}</p>'
            self.children = [self._note, self.retry_button]
        self.retry_button.disabled = state == "saved"
        self.state = state


def in_kernel_loop(callback: Callable[[], None]) -> Callable[[], None]:
    """``callback``, made callable from any thread: in a kernel (called from one of its message
    handlers) it then runs in the kernel's event loop, which sends widget messages; elsewhere
    (tests, plain Python) it runs at once, in the calling thread."""
    from IPython import get_ipython

    if getattr(get_ipython(), "kernel", None) is None:
        return callback
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return callback
    return lambda: loop.call_soon_threadsafe(callback)

"""Outbox: answers the store could not take yet, kept and tried again (with backoff) until it
does or the kernel ends (the learner left).

A write that fails (disk full, the database gone, a lock that outlasted the store's own
retries) does not lose the answer: the widget says it is not saved yet and offers a Retry
button, and the outbox keeps trying in a background thread, 1 s after the failure, then 2, 4, …
up to every 30 s. Each try sends the same answer with the same ``event_id``, so an answer whose
write did reach the database before the failure is still kept once.

>>> from netedu.store.memory import MemoryStore
>>> Outbox(MemoryStore(), background=False).pending
[]
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from netedu.store.events import AnswerEvent
from netedu.store.failures import describe
from netedu.store.protocol import Store

__all__ = ["FIRST_PAUSE", "LONGEST_PAUSE", "Outbox", "outbox_for"]

log = logging.getLogger("netedu")
#: Seconds before the first automatic retry, and the longest pause between two (doubling).
FIRST_PAUSE, LONGEST_PAUSE = 1.0, 30.0


@dataclass
class _Pending:
    event: AnswerEvent
    on_saved: Callable[[], None]
    pause: float
    due: float
    attempts: int = 1


class Outbox:
    """Sends answers to ``store``; keeps each one it could not send and tries it again.

    ``background=False``: no thread (tests try again by calling :meth:`retry` or
    :meth:`retry_due`).
    """

    def __init__(self, store: Store, *, first_pause: float = FIRST_PAUSE, longest_pause: float = LONGEST_PAUSE, background: bool = True):
        self.store = store
        self.first_pause, self.longest_pause, self.background = first_pause, longest_pause, background
        self._pending: dict[str, _Pending] = {}
        self._wake = threading.Condition()
        self._thread: threading.Thread | None = None

    @property
    def pending(self) -> list[AnswerEvent]:
        """The answers not saved yet, oldest first."""
        with self._wake:
            return [p.event for p in self._pending.values()]

    def send(self, event: AnswerEvent, on_saved: Callable[[], None]) -> bool:
        """Record ``event`` now: ``True`` once the store has it. Else ``False``, and it is kept
        and tried again until the store takes it; ``on_saved()`` is called then (in the
        outbox's thread, or in the caller's for :meth:`retry`)."""
        try:
            self.store.record(event)
            return True
        except Exception as err:
            self._keep(_Pending(event, on_saved, self.first_pause, 0.0), err)
            return False

    def retry(self, event_id: str) -> bool:
        """Try one kept answer again now (the learner's Retry button): ``True`` once it is
        saved (also if it was saved in the meantime)."""
        with self._wake:
            item = self._pending.pop(event_id, None)
        return True if item is None else self._attempt(item, reset=True)

    def retry_due(self) -> None:
        """Try again every kept answer whose pause is over (what the background thread does)."""
        now = time.monotonic()
        with self._wake:
            due = [self._pending.pop(key) for key, item in list(self._pending.items()) if item.due <= now]
        for item in due:
            self._attempt(item)

    def _attempt(self, item: _Pending, *, reset: bool = False) -> bool:
        item.attempts += 1
        try:
            self.store.record(item.event)
        except Exception as err:
            if reset:
                item.pause = self.first_pause
            self._keep(item, err)
            return False
        log.warning(
            "netedu: the answer to %s (event %s) is saved now, at attempt %d", item.event.question_id, item.event.event_id, item.attempts
        )
        item.on_saved()
        return True

    def _keep(self, item: _Pending, err: Exception) -> None:
        # One line for the server's log: what failed, never the SQL, its values or a path.
        log.warning(
            "netedu: the answer to %s (event %s) was not saved (attempt %d: %s); trying again in %g s",
            item.event.question_id,
            item.event.event_id,
            item.attempts,
            describe(err),
            item.pause,
        )
        item.due = time.monotonic() + item.pause
        item.pause = min(item.pause * 2, self.longest_pause)
        with self._wake:
            self._pending[item.event.event_id] = item
            if self.background and self._thread is None:
                self._thread = threading.Thread(target=self._run, name="netedu-outbox", daemon=True)
                self._thread.start()
            self._wake.notify()

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._pending:
                    self._wake.wait()
                wait = min(p.due for p in self._pending.values()) - time.monotonic()
                if wait > 0:
                    self._wake.wait(wait)
                    continue
            try:
                self.retry_due()
            except Exception:  # a bug in a callback must not end the retries of the others
                log.exception("netedu: the outbox failed")


_outboxes: dict[Store, Outbox] = {}
_outboxes_lock = threading.Lock()


def outbox_for(store: Store) -> Outbox:
    """The one outbox of ``store`` in this process (made on first use; a kernel has one store)."""
    with _outboxes_lock:
        outbox = _outboxes.get(store)
        if outbox is None:
            outbox = _outboxes[store] = Outbox(store)
        return outbox

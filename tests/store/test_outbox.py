"""The outbox keeps an answer the store could not take and tries it again, with the same
event_id, until the store takes it: once."""

from __future__ import annotations

import threading
import time

from netedu.store.memory import MemoryStore
from netedu.store.outbox import Outbox, outbox_for
from tests.support.answers import answer_now


class Flaky(MemoryStore):
    """A store that fails while ``down`` is set, and counts what it was sent."""

    def __init__(self) -> None:
        super().__init__()
        self.down = True
        self.sent: list[str] = []

    def record(self, event) -> None:
        self.sent.append(event.event_id)
        if self.down:
            raise OSError(28, "No space left on device")
        super().record(event)


def test_a_store_that_takes_the_answer_saves_it_at_once() -> None:
    store = MemoryStore()
    called = []
    assert Outbox(store, background=False).send(answer_now("ada", "q1"), lambda: called.append(1))
    assert len(store.events) == 1 and called == []


def test_an_answer_not_taken_is_kept_and_saved_once_when_the_learner_retries(caplog) -> None:
    store, saved = Flaky(), []
    outbox = Outbox(store, background=False)
    event = answer_now("ada", "q1")
    assert not outbox.send(event, lambda: saved.append(event.event_id))
    assert not outbox.retry(event.event_id)  # still down
    assert outbox.pending == [event] and saved == []
    store.down = False
    assert outbox.retry(event.event_id)
    assert outbox.retry(event.event_id)  # already saved: nothing sent again
    assert store.events == [event] and saved == [event.event_id] and outbox.pending == []
    assert store.sent == [event.event_id] * 3  # every try carried the same key
    failures = [r.getMessage() for r in caplog.records if "not saved" in r.getMessage()]
    assert failures and all("OSError: No space left on device" in line for line in failures)


def test_the_background_thread_tries_again_with_growing_pauses_until_the_store_takes_it() -> None:
    store, saved = Flaky(), threading.Event()
    outbox = Outbox(store, first_pause=0.05, longest_pause=0.2)
    event = answer_now("ada", "q1")
    assert not outbox.send(event, saved.set)
    time.sleep(0.5)
    assert not saved.is_set() and 3 <= len(store.sent) <= 6  # 0.05, 0.1, 0.2, 0.2 ...
    store.down = False
    assert saved.wait(2)
    assert store.events == [event] and outbox.pending == []


def test_one_outbox_per_store() -> None:
    store = MemoryStore()
    assert outbox_for(store) is outbox_for(store) and outbox_for(MemoryStore()) is not outbox_for(store)

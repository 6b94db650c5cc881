"""MemoryStore: the whole store protocol in this process's memory (tests, practice, one-off use)."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any

from netedu.store.events import AnswerEvent, latest_per_learner
from netedu.store.protocol import RoundsInState

__all__ = ["MemoryStore"]


class MemoryStore(RoundsInState):
    """Keeps events and state in memory; nothing survives the process.

    >>> store = MemoryStore()
    >>> store.set_state("ada", "last_topic", "staging"); store.get_state("ada", "last_topic")
    'staging'
    """

    def __init__(self) -> None:
        self.events: list[AnswerEvent] = []
        self._state: dict[tuple[str, str], Any] = {}
        self._kept: set[str] = set()

    def record(self, event: AnswerEvent) -> None:
        """Keep one answer, once (an ``event_id`` kept already is not kept again)."""
        if event.event_id and event.event_id in self._kept:
            return
        self._kept.add(event.event_id)
        self.events.append(event)

    def answers(self, learner: str) -> list[AnswerEvent]:
        return [e for e in self.events if e.learner == learner]

    def latest(self, learner: str, question_ids: Iterable[str]) -> dict[str, AnswerEvent]:
        wanted = set(question_ids)
        out: dict[str, AnswerEvent] = {}
        for event in self.events:
            if event.learner == learner and event.question_id in wanted:
                out[event.question_id] = event
        return out

    def room_answers(self, question_id: str, since: str) -> list[AnswerEvent]:
        return latest_per_learner(e for e in self.events if e.question_id == question_id and e.timestamp > since)

    def get_state(self, learner: str, key: str, default: Any = None) -> Any:
        return copy.deepcopy(self._state.get((learner, key), default))

    def set_state(self, learner: str, key: str, value: Any) -> None:
        self._state[(learner, key)] = copy.deepcopy(value)

    def close(self) -> None:
        pass

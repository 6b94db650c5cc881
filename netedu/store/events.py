"""Answer events: every submission is reported to a pluggable sink, so storage (the progress
store, a workshop's live view) records answers without the widgets knowing about it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any, Protocol, runtime_checkable

__all__ = ["AnswerEvent", "EventSink", "MemorySink", "RoomSource", "get_sink", "set_sink"]

log = logging.getLogger("netedu")


@dataclass(frozen=True)
class AnswerEvent:
    """One submitted answer."""

    learner: str
    question_id: str
    topic_id: str | None
    mode: str
    response: Any  # JSON-serializable
    correct: bool
    score: float
    max_score: float
    timestamp: str  # ISO 8601, UTC

    @classmethod
    def now(cls, **fields: Any) -> AnswerEvent:
        return cls(timestamp=_stamp(), **fields)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class EventSink(Protocol):
    """Where answer events go. ``latest`` lets review mode find what a learner missed; a sink
    that also has ``answers(learner)`` (every answer, oldest first) gives spaced review the
    whole history (without it, only the latest answers are scheduled)."""

    def record(self, event: AnswerEvent) -> None: ...

    def latest(self, learner: str, question_ids: Iterable[str]) -> dict[str, AnswerEvent]: ...


@runtime_checkable
class RoomSource(Protocol):
    """Where the educator's view reads the room's answers: every learner's latest answer to a
    question, and when the question's current round began."""

    def room_answers(self, question_id: str, since: str) -> list[AnswerEvent]: ...

    def round_start(self, question_id: str) -> str | None: ...

    def start_round(self, question_id: str) -> str: ...


def _stamp() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")


def latest_per_learner(events: Iterable[AnswerEvent]) -> list[AnswerEvent]:
    """The last of each learner's events (``events`` oldest first), in the order learners first answered."""
    out: dict[str, AnswerEvent] = {}
    for event in events:
        out[event.learner] = event
    return list(out.values())


class MemorySink:
    """Keeps events in this kernel's memory (the default until a store is configured)."""

    def __init__(self) -> None:
        self.events: list[AnswerEvent] = []
        self.rounds: dict[str, str] = {}

    def room_answers(self, question_id: str, since: str) -> list[AnswerEvent]:
        return latest_per_learner(e for e in self.events if e.question_id == question_id and e.timestamp > since)

    def round_start(self, question_id: str) -> str | None:
        return self.rounds.get(question_id)

    def start_round(self, question_id: str) -> str:
        self.rounds[question_id] = stamp = _stamp()
        return stamp

    def record(self, event: AnswerEvent) -> None:
        self.events.append(event)

    def answers(self, learner: str) -> list[AnswerEvent]:
        """Every answer of ``learner``, oldest first."""
        return [e for e in self.events if e.learner == learner]

    def latest(self, learner: str, question_ids: Iterable[str]) -> dict[str, AnswerEvent]:
        wanted = set(question_ids)
        out: dict[str, AnswerEvent] = {}
        for event in self.events:
            if event.learner == learner and event.question_id in wanted:
                out[event.question_id] = event
        return out


_sink: EventSink | None = None


def get_sink() -> EventSink:
    """The sink widgets report to when none is given: the progress store (see
    :mod:`netedu.store.sql`), or this kernel's memory if the store cannot be opened.
    """
    global _sink
    if _sink is None:
        try:
            from netedu.store.sql import ProgressStore

            _sink = ProgressStore()
        except Exception:
            log.exception("netedu: the progress store cannot be opened; answers are kept in memory only")
            _sink = MemorySink()
    return _sink


def set_sink(sink: EventSink | None) -> EventSink | None:
    """Make ``sink`` the default (``None``: the store, opened on next use); returns the previous."""
    global _sink
    previous, _sink = _sink, sink
    return previous

"""Answer events: every submitted answer, as the store keeps it; and the one UTC clock format."""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["AnswerEvent", "latest_per_learner", "new_event_id", "parse_stamp", "stamp", "utc_now"]


def utc_now() -> dt.datetime:
    """Now, in UTC."""
    return dt.datetime.now(dt.timezone.utc)


_last = dt.datetime.min.replace(tzinfo=dt.timezone.utc)
_lock = threading.Lock()


def stamp(when: dt.datetime | None = None) -> str:
    """An ISO 8601 UTC timestamp to the microsecond: how every time is stored and compared
    (as text, which sorts as time does).

    Without ``when``: now, and always later than the last stamp this process made, so an
    answer and the round an educator starts just after it never share a moment.

    >>> stamp(dt.datetime(2026, 12, 7, 9, 30, tzinfo=dt.timezone.utc))
    '2026-12-07T09:30:00.000000+00:00'
    >>> stamp() < stamp()
    True
    """
    global _last
    if when is not None:
        return when.astimezone(dt.timezone.utc).isoformat(timespec="microseconds")
    with _lock:
        now = max(utc_now(), _last + dt.timedelta(microseconds=1))
        _last = now
    return now.isoformat(timespec="microseconds")


def parse_stamp(text: str) -> dt.datetime:
    """A stored timestamp as an aware datetime (one without a zone is taken as UTC)."""
    when = dt.datetime.fromisoformat(text)
    return when if when.tzinfo else when.replace(tzinfo=dt.timezone.utc)


def new_event_id() -> str:
    """A new submission's idempotency key: made once when the learner submits, sent again by
    every retry, so the store keeps the answer once however often it is sent.

    >>> len(new_event_id()), new_event_id() != new_event_id()
    (32, True)
    """
    return uuid.uuid4().hex


@dataclass(frozen=True)
class AnswerEvent:
    """One submitted answer (``event_id``: its idempotency key, see :func:`new_event_id`)."""

    learner: str
    question_id: str
    topic_id: str | None
    mode: str
    response: Any  # JSON-serializable
    correct: bool
    score: float
    max_score: float
    timestamp: str  # ISO 8601, UTC (see stamp())
    event_id: str = field(default_factory=new_event_id)  # "" for answers kept before there were ids

    @classmethod
    def now(cls, **fields: Any) -> AnswerEvent:
        """An event stamped with the current time."""
        return cls(timestamp=stamp(), **fields)


def latest_per_learner(events: Iterable[AnswerEvent]) -> list[AnswerEvent]:
    """The last of each learner's events (``events`` oldest first), in the order learners first answered."""
    out: dict[str, AnswerEvent] = {}
    for event in events:
        out[event.learner] = event
    return list(out.values())

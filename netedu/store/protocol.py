"""The store protocol: every method any part of netedu calls on a store, typed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol, runtime_checkable

from netedu.store.events import AnswerEvent, stamp

__all__ = ["ROOM", "RoundsInState", "Store"]

#: The owner of the room's own state (round starts); learner ids are "anon-..." or a hub user.
ROOM = "netedu-room"


@runtime_checkable
class Store(Protocol):
    """Where answers and a little learner state are kept, for every learner.

    Each call is about one learner or one question; learners never see each other's answers
    (the room's tally reads counts only). :class:`netedu.store.memory.MemoryStore` and
    :class:`netedu.store.sql.SqlStore` implement all of it.
    """

    # --- answers ---------------------------------------------------------------------------

    def record(self, event: AnswerEvent) -> None:
        """Keep one answer; raise if it could not be kept (the widget then says so)."""

    def answers(self, learner: str) -> list[AnswerEvent]:
        """Every answer of ``learner``, oldest first."""

    def latest(self, learner: str, question_ids: Iterable[str]) -> dict[str, AnswerEvent]:
        """The latest answer of ``learner`` to each of ``question_ids`` they have answered."""

    # --- the room (the educator's view) ----------------------------------------------------

    def room_answers(self, question_id: str, since: str) -> list[AnswerEvent]:
        """Each learner's latest answer to ``question_id`` given after ``since`` (ISO, UTC)."""

    def round_start(self, question_id: str) -> str | None:
        """When the educator last started a new round of ``question_id`` (``None``: never)."""

    def start_round(self, question_id: str) -> str:
        """Count only answers given from now on (to ask the room again); returns the start."""

    # --- learner state ---------------------------------------------------------------------

    def get_state(self, learner: str, key: str, default: Any = None) -> Any:
        """A value kept for ``learner`` under ``key`` (JSON), or ``default``."""

    def set_state(self, learner: str, key: str, value: Any) -> None:
        """Keep a JSON value for ``learner`` under ``key``."""

    def close(self) -> None:
        """Release the store's connections."""


class RoundsInState:
    """The educator's rounds, kept as the room's own learner state (for stores to inherit)."""

    def get_state(self, learner: str, key: str, default: Any = None) -> Any:  # pragma: no cover - provided by the store
        raise NotImplementedError

    def set_state(self, learner: str, key: str, value: Any) -> None:  # pragma: no cover - provided by the store
        raise NotImplementedError

    def round_start(self, question_id: str) -> str | None:
        """When the educator last started a new round of ``question_id`` (``None``: never)."""
        return self.get_state(ROOM, f"round:{question_id}")

    def start_round(self, question_id: str) -> str:
        """Count only answers given from now on (to ask the room again after a discussion)."""
        started = stamp()
        self.set_state(ROOM, f"round:{question_id}", started)
        return started

"""What a question widget needs from outside: references, images, the learner, the store."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from netedu.content.loader import Content
from netedu.learning.feedback import ReferenceLookup
from netedu.learning.record import LearnerRecord
from netedu.store.protocol import Store

__all__ = ["QuizContext"]


def _no_image(_name: str) -> tuple[str, tuple[float, float, float, float]]:
    return "", (0.0, 0.0, 100.0, 100.0)


@dataclass(frozen=True)
class QuizContext:
    """Everything a question widget uses besides its question; widgets never read files and
    never open a store themselves: whoever builds them says which store and learner."""

    references: ReferenceLookup
    learner: str
    store: Store
    image: Callable[[str], tuple[str, tuple[float, float, float, float]]] = _no_image
    topic_id: str | None = None
    educator: bool = False  # questions then show the room's answers

    @property
    def record(self) -> LearnerRecord:
        """This learner's record in the store."""
        return LearnerRecord(self.store, self.learner)

    @property
    def room(self) -> Store | None:
        """Where the room's answers come from, for the educator only."""
        return self.store if self.educator else None

    def with_(self, **changes) -> QuizContext:
        """A copy with some fields changed, e.g. ``ctx.with_(topic_id="staging")``."""
        return dataclasses.replace(self, **changes)

    @classmethod
    def from_content(
        cls, content: Content, *, learner: str, store: Store, topic_id: str | None = None, educator: bool = False
    ) -> QuizContext:
        return cls(
            references=content.references_for, image=content.image, learner=learner, store=store, topic_id=topic_id, educator=educator
        )

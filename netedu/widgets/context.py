"""What a question widget needs from outside: references, images, the learner, the sink."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from netedu.content.loader import Content
from netedu.content.models import Reference
from netedu.server.identity import is_educator
from netedu.store.events import EventSink, RoomSource, get_sink
from netedu.learning.seeded import current_learner

__all__ = ["QuizContext"]


@dataclass(frozen=True)
class QuizContext:
    """Everything a question widget uses besides its question; widgets never read files."""

    references: Callable[[tuple[str, ...]], list[Reference]]
    image: Callable[[str], tuple[str, tuple[float, float, float, float]]] = field(
        default=lambda name: ("", (0.0, 0.0, 100.0, 100.0))
    )
    learner: str = field(default_factory=current_learner)
    sink: EventSink = field(default_factory=get_sink)
    topic_id: str | None = None
    educator: bool = field(default_factory=is_educator)  # questions then show the room's answers

    @property
    def room(self) -> RoomSource | None:
        """Where the room's answers come from, for the educator only."""
        return self.sink if self.educator and isinstance(self.sink, RoomSource) else None

    @classmethod
    def from_content(cls, content: Content, topic_id: str | None = None, **kwargs) -> QuizContext:
        return cls(references=content.references_for, image=content.image, topic_id=topic_id, **kwargs)

"""What the explorer widgets share."""

from __future__ import annotations

from ...feedback import cite
from ..context import QuizContext

__all__ = ["sources"]


def sources(ctx: QuizContext, *ids: str) -> str:
    """Linked citations for ``ids`` that exist in the course's references (sanitized HTML)."""
    found = []
    for ref_id in ids:
        try:
            found.extend(ctx.references((ref_id,)))
        except KeyError:
            continue
    return cite(found)

"""Shared building blocks of the content models: the base model and the id and text types."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints

__all__ = ["Difficulty", "ImageName", "Model", "NotebookName", "Slug", "Text", "duplicates", "surname", "unique_ids"]

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", min_length=1, max_length=80),
]
"""A stable id: lower-case words joined by hyphens (``ki67-hot-spot``). Never derived from text,
so fixing a typo in a question does not orphan saved progress."""

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
ImageName = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*\.svg$")]
"""A drawing in ``data/images/`` that a question or an explorer points at."""
NotebookName = Annotated[str, StringConstraints(pattern=r"^\d{2}_[a-z0-9_]+\.ipynb$")]
Difficulty = Literal["foundation", "core", "advanced"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def duplicates(ids: list[str]) -> list[str]:
    seen: set[str] = set()
    return sorted({i for i in ids if i in seen or seen.add(i)})


def unique_ids(kind: str, ids: list[str]) -> None:
    """Raise ``ValueError`` naming any id used more than once (for model validators).

    >>> unique_ids("option", ["a", "b", "a"])
    Traceback (most recent call last):
    ...
    ValueError: option id used more than once: a
    """
    if dupes := duplicates(ids):
        raise ValueError(f"{kind} id used more than once: {', '.join(dupes)}")


def surname(author: str) -> str:
    """``"La Rosa S"`` -> ``"La Rosa"``; an organisation's name is kept whole."""
    parts = author.split()
    if len(parts) > 1 and parts[-1].isupper() and len(parts[-1]) <= 3:
        return " ".join(parts[:-1])
    return author

"""Orders seeded per learner (questions, options, items), so a reload shows the same order."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from typing import TypeVar

__all__ = ["seeded_rng", "shuffled"]

T = TypeVar("T")


def seeded_rng(learner: str, *keys: str) -> random.Random:
    """A random generator that gives the same sequence for the same learner and keys.

    >>> seeded_rng("ada", "q1").random() == seeded_rng("ada", "q1").random()
    True
    """
    digest = hashlib.sha256("\x1f".join((learner, *keys)).encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def shuffled(items: Sequence[T], learner: str, *keys: str, differ: bool = False) -> list[T]:
    """``items`` in an order fixed for this learner and keys; with ``differ``, never the given
    order (for an ordering question, the given order is the answer).

    >>> shuffled([1, 2, 3], "ada", "q") == shuffled([1, 2, 3], "ada", "q")
    True
    >>> shuffled([1, 2], "ada", "q", differ=True)
    [2, 1]
    """
    out = list(items)
    seeded_rng(learner, *keys).shuffle(out)
    if differ and len(out) > 1 and out == list(items):
        out = out[1:] + out[:1]
    return out

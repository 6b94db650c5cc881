"""Who the learner is, and orders (questions, options) seeded per learner so a reload keeps them."""

from __future__ import annotations

import hashlib
import os
import random
import re
from collections.abc import Sequence
from http.cookies import CookieError, SimpleCookie
from typing import TypeVar

__all__ = ["LEARNER_COOKIE", "current_learner", "learner_from_cookie", "seeded_rng", "shuffled"]

LEARNER_COOKIE = "netedu_learner"
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")

T = TypeVar("T")


def learner_from_cookie(header: str) -> str | None:
    """The learner id for a ``Cookie`` header holding netedu's learner cookie, or ``None``.

    The store keeps a hash of the cookie, never the cookie itself, so a copy of the database
    cannot be used to act as a learner.

    >>> learner_from_cookie("netedu_learner=AAAAAAAAAAAAAAAAAAAAAAAA").startswith("anon-")
    True
    >>> learner_from_cookie("netedu_learner=short") is None
    True
    """
    try:
        morsel = SimpleCookie(header).get(LEARNER_COOKIE)
    except CookieError:
        return None
    if morsel is None or not _TOKEN.match(morsel.value):
        return None
    return "anon-" + hashlib.sha256(morsel.value.encode("ascii")).hexdigest()[:32]


def current_learner() -> str:
    """Who this kernel serves: the JupyterHub user; else ``$NETEDU_LEARNER``; else the learner
    cookie of the page that started the kernel (``netedu serve``); else ``anonymous``.
    """
    return (
        os.environ.get("JUPYTERHUB_USER")
        or os.environ.get("NETEDU_LEARNER")
        or learner_from_cookie(os.environ.get("HTTP_COOKIE", ""))
        or "anonymous"
    )


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

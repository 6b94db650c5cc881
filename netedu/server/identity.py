"""Who a page belongs to: the learner (an unguessable cookie, or the hub user) and the educator.

Learner: ``netedu serve`` gives every browser an HttpOnly ``netedu_learner`` cookie; the store
keeps a hash of it, never the cookie itself, so a copy of the database cannot be used to act as
a learner. Under JupyterHub the learner is the hub user.

Educator: ``netedu serve`` has an educator key (``--educator-key``, ``$NETEDU_EDUCATOR_KEY``, or a
random one printed when the server starts). Opening ``/educator?key=<key>`` gives that browser
an HttpOnly cookie; kernels see the page's cookies (Voila passes them on) and compare a hash of
the cookie with the hash the server put in their environment. Learners never see the key, and
the kernels never hold it.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from http.cookies import CookieError, SimpleCookie

from netedu.settings import EDUCATOR_KEY_HASH_ENV, HUB_USER_ENV, LEARNER_ENV, REQUEST_COOKIE_ENV

__all__ = [
    "EDUCATOR_COOKIE",
    "LEARNER_COOKIE",
    "MIN_KEY_LENGTH",
    "current_learner",
    "is_educator",
    "key_hash",
    "learner_from_cookie",
    "new_key",
    "new_learner_token",
]

LEARNER_COOKIE = "netedu_learner"
EDUCATOR_COOKIE = "netedu_educator"
MIN_KEY_LENGTH = 12
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


def _cookie(header: str, name: str) -> str | None:
    try:
        morsel = SimpleCookie(header).get(name)
    except CookieError:
        return None
    return morsel.value if morsel is not None else None


# --- learners --------------------------------------------------------------------------------


def new_learner_token() -> str:
    """A fresh learner cookie value."""
    return secrets.token_urlsafe(24)


def learner_from_cookie(header: str) -> str | None:
    """The learner id for a ``Cookie`` header holding netedu's learner cookie, or ``None``.

    >>> learner_from_cookie("netedu_learner=AAAAAAAAAAAAAAAAAAAAAAAA").startswith("anon-")
    True
    >>> learner_from_cookie("netedu_learner=short") is None
    True
    """
    value = _cookie(header, LEARNER_COOKIE)
    if value is None or not _TOKEN.match(value):
        return None
    return "anon-" + hashlib.sha256(value.encode("ascii")).hexdigest()[:32]


def current_learner() -> str:
    """Who this kernel serves: the JupyterHub user; else ``$NETEDU_LEARNER``; else the learner
    cookie of the page that started the kernel (``netedu serve``); else ``anonymous``.
    """
    return (
        os.environ.get(HUB_USER_ENV)
        or os.environ.get(LEARNER_ENV)
        or learner_from_cookie(os.environ.get(REQUEST_COOKIE_ENV, ""))
        or "anonymous"
    )


# --- the educator ----------------------------------------------------------------------------


def new_key() -> str:
    """A fresh unguessable educator key."""
    return secrets.token_urlsafe(12)


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def is_educator(cookie_header: str | None = None) -> bool:
    """Whether the page this kernel serves (or the request with ``cookie_header``) was opened
    by the educator.

    >>> os.environ[EDUCATOR_KEY_HASH_ENV] = key_hash("a-long-educator-key")
    >>> is_educator("netedu_educator=a-long-educator-key"), is_educator("netedu_educator=guess")
    (True, False)
    >>> del os.environ[EDUCATOR_KEY_HASH_ENV]
    """
    expected = os.environ.get(EDUCATOR_KEY_HASH_ENV, "")
    if not expected:
        return False
    header = os.environ.get(REQUEST_COOKIE_ENV, "") if cookie_header is None else cookie_header
    value = _cookie(header, EDUCATOR_COOKIE)
    if value is None or len(value) < MIN_KEY_LENGTH:
        return False
    return hmac.compare_digest(key_hash(value), expected)

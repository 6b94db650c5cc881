"""Who may see the room's answers: the educator, who opened the server's educator link.

``netedu serve`` has an educator key (``--educator-key``, ``$NETEDU_EDUCATOR_KEY``, or a random
one printed when the server starts). Opening ``/educator?key=<key>`` gives that browser an
HttpOnly cookie; kernels see the page's cookies (Voila passes them on) and compare a hash of
the cookie with the hash the server put in their environment. Learners never see the key, and
the kernels never hold it.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from http.cookies import CookieError, SimpleCookie

__all__ = ["EDUCATOR_COOKIE", "KEY_HASH_ENV", "KEY_ENV", "is_educator", "key_hash", "new_key"]

EDUCATOR_COOKIE = "netedu_educator"
KEY_ENV = "NETEDU_EDUCATOR_KEY"
KEY_HASH_ENV = "NETEDU_EDUCATOR_KEY_SHA256"
MIN_KEY_LENGTH = 12


def new_key() -> str:
    """A fresh unguessable educator key."""
    return secrets.token_urlsafe(12)


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def is_educator(cookie_header: str | None = None) -> bool:
    """Whether the page this kernel serves was opened by the educator.

    >>> os.environ[KEY_HASH_ENV] = key_hash("a-long-educator-key")
    >>> is_educator("netedu_educator=a-long-educator-key"), is_educator("netedu_educator=guess")
    (True, False)
    """
    expected = os.environ.get(KEY_HASH_ENV, "")
    if not expected:
        return False
    header = os.environ.get("HTTP_COOKIE", "") if cookie_header is None else cookie_header
    try:
        morsel = SimpleCookie(header).get(EDUCATOR_COOKIE)
    except CookieError:
        return False
    if morsel is None or len(morsel.value) < MIN_KEY_LENGTH:
        return False
    return hmac.compare_digest(key_hash(morsel.value), expected)

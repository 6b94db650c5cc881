"""Who a page belongs to: the learner (an unguessable cookie, or the hub user) and the educator.

Learner: ``netedu serve`` gives every browser an HttpOnly ``netedu_learner`` cookie (a random
token, replaced when it is missing or malformed). The server turns it into a learner id (a
hash: the store never holds the cookie, so a copy of the database cannot be used to act as a
learner) and hands the kernel only that id, in a request header it sets itself
(:data:`LEARNER_HEADER`; a copy sent by the browser is dropped). The kernel never sees the
browser's cookies. Under JupyterHub the learner is the hub user.

Educator: ``netedu serve`` has an educator key (``--educator-key``, ``$NETEDU_EDUCATOR_KEY``, or a
random one printed when the server starts). Opening ``/educator?key=<key>`` gives that browser
an HttpOnly cookie holding a signed session token (:class:`EducatorSessions`), never the key;
the server checks it on each page request and tells the page's kernel the role in
:data:`ROLE_HEADER`. Learners never see the key, and kernels never hold it.

In a course served by ``netedu serve`` there is no shared fallback learner: a kernel that was
not told its learner says so (:class:`UnknownLearner`) rather than mix learners' progress.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import time
from collections import deque

from netedu.settings import HUB_USER_ENV, LEARNER_ENV, SERVED_ENV

__all__ = [
    "EDUCATOR_COOKIE",
    "KERNEL_SECRET_HEADER",
    "LEARNER_COOKIE",
    "LEARNER_HEADER",
    "MIN_KEY_LENGTH",
    "ROLE_HEADER",
    "EducatorSessions",
    "Throttle",
    "UnknownLearner",
    "current_learner",
    "header_env",
    "is_educator",
    "is_learner_id",
    "key_hash",
    "learner_id",
    "new_key",
    "new_learner_token",
    "valid_learner_token",
]

LEARNER_COOKIE = "netedu_learner"
EDUCATOR_COOKIE = "netedu_educator"
#: Request headers the server sets on a page request, for the page's kernel (Voila passes them
#: on as ``HTTP_X_NETEDU_...``); the browser's own copies are removed first.
LEARNER_HEADER = "X-Netedu-Learner"
ROLE_HEADER = "X-Netedu-Role"
#: The header a kernel sends its secret in, to fetch its learner's request information.
KERNEL_SECRET_HEADER = "X-Netedu-Kernel-Secret"
MIN_KEY_LENGTH = 12
#: A learner cookie: URL-safe base64 of 12 to 48 random bytes (netedu issues 24; earlier
#: versions' cookies stay valid, so nobody loses their progress on an upgrade).
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
_LEARNER_ID = re.compile(r"^anon-[0-9a-f]{32}$")


class UnknownLearner(RuntimeError):
    """A kernel of a served course was not told whose it is."""


def header_env(header: str) -> str:
    """The environment variable Voila puts a request header in (RFC 3875).

    >>> header_env(LEARNER_HEADER)
    'HTTP_X_NETEDU_LEARNER'
    """
    return "HTTP_" + header.upper().replace("-", "_")


# --- learners --------------------------------------------------------------------------------


def new_learner_token() -> str:
    """A fresh learner cookie value (192 random bits)."""
    return secrets.token_urlsafe(24)


def valid_learner_token(value: str | None) -> bool:
    """Whether ``value`` is a learner cookie netedu could have issued.

    >>> valid_learner_token(new_learner_token()), valid_learner_token("zzz"), valid_learner_token(None)
    (True, False, False)
    """
    return value is not None and bool(_TOKEN.match(value))


def learner_id(token: str | None) -> str | None:
    """The learner id for a learner cookie value, or ``None`` if it is not one.

    >>> learner_id("A" * 32).startswith("anon-"), learner_id("short")
    (True, None)
    """
    if not valid_learner_token(token):
        return None
    return "anon-" + hashlib.sha256(token.encode("ascii")).hexdigest()[:32]


def is_learner_id(value: str | None) -> bool:
    """Whether ``value`` has the form of an id :func:`learner_id` makes."""
    return value is not None and bool(_LEARNER_ID.match(value))


def current_learner() -> str:
    """Who this kernel serves: the JupyterHub user; else ``$NETEDU_LEARNER``; else the learner
    id the server gave the page's request; else, outside a served course (a notebook opened in
    JupyterLab), ``anonymous``. In a served course a kernel without a learner raises
    :class:`UnknownLearner`.
    """
    if hub := os.environ.get(HUB_USER_ENV):
        return hub
    if fixed := os.environ.get(LEARNER_ENV):
        return fixed
    given = os.environ.get(header_env(LEARNER_HEADER))
    if is_learner_id(given):
        return given
    if os.environ.get(SERVED_ENV) == "1":
        raise UnknownLearner("this page was not told who its learner is; reload the page to carry on")
    return "anonymous"


# --- the educator ----------------------------------------------------------------------------


def new_key() -> str:
    """A fresh unguessable educator key."""
    return secrets.token_urlsafe(12)


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def is_educator() -> bool:
    """Whether the server told this kernel its page was opened by the educator."""
    return os.environ.get(header_env(ROLE_HEADER)) == "educator"


class EducatorSessions:
    """Educator session tokens: ``<expiry>.<nonce>.<signature>``, signed with a secret this server
    process drew at start and the key's hash. A token proves the key was given, without holding
    it; changing the key or restarting the server ends every session.

    >>> sessions = EducatorSessions(key_hash("a-long-educator-key"))
    >>> token = sessions.issue()
    >>> sessions.valid(token), sessions.valid(token[:-1] + "x"), EducatorSessions(key_hash("a-long-educator-key")).valid(token)
    (True, False, False)
    """

    def __init__(self, key_digest: str, *, lifetime_s: float = 2 * 24 * 3600, clock=time.time):
        self.key_digest, self.lifetime_s, self.clock = key_digest, lifetime_s, clock
        self._secret = secrets.token_bytes(32)

    def _sign(self, payload: str) -> str:
        return hmac.new(self._secret, f"{self.key_digest}|{payload}".encode(), hashlib.sha256).hexdigest()

    def issue(self) -> str:
        payload = f"{int(self.clock() + self.lifetime_s)}.{secrets.token_urlsafe(12)}"
        return f"{payload}.{self._sign(payload)}"

    def valid(self, token: str | None) -> bool:
        if not token or token.count(".") != 2:
            return False
        expiry, nonce, signature = token.split(".")
        if not expiry.isdigit() or int(expiry) < self.clock():
            return False
        return hmac.compare_digest(signature, self._sign(f"{expiry}.{nonce}"))

    def key_matches(self, key: str) -> bool:
        return bool(key) and hmac.compare_digest(key_hash(key), self.key_digest)


class Throttle:
    """At most ``limit`` failures per client in any ``window_s`` seconds.

    >>> t = Throttle(limit=2, window_s=60, clock=lambda: 0.0)
    >>> t.failed("10.0.0.5"), t.failed("10.0.0.5"), t.blocked("10.0.0.5"), t.blocked("10.0.0.6")
    (1, 2, True, False)
    """

    def __init__(self, *, limit: int = 5, window_s: float = 60.0, clock=time.monotonic):
        self.limit, self.window_s, self.clock = limit, window_s, clock
        self._failures: dict[str, deque[float]] = {}

    def _recent(self, client: str) -> deque[float]:
        times = self._failures.setdefault(client, deque())
        while times and times[0] <= self.clock() - self.window_s:
            times.popleft()
        if not times:
            self._failures.pop(client, None)
        return times

    def blocked(self, client: str) -> bool:
        return len(self._recent(client)) >= self.limit

    def failed(self, client: str) -> int:
        """Count a failure; how many this client has in the window now."""
        times = self._recent(client)
        times.append(self.clock())
        self._failures[client] = times
        return len(times)

    def retry_after(self, client: str) -> int:
        times = self._recent(client)
        return max(1, int(times[0] + self.window_s - self.clock()) + 1) if times else 0

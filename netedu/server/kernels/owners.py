"""KernelOwners: which learner each kernel was started or taken for, and each kernel's secret.

A kernel's id is not a credential. Every route that reaches a kernel (its websocket, its REST
endpoints, Voila's shutdown) checks that the request carries the cookie of the learner the
kernel belongs to; a kernel nobody has taken yet (a warm one in the pool) belongs to no one.
The kernel itself fetches its learner's request information with a secret only it and the
server know (it is in the kernel's environment from its start), so nobody else can read it.

A learner holds at most :attr:`KernelOwners.per_learner` kernels (a browser with many tabs
open does not take a kernel each: the oldest are let go), and the server at most
:attr:`KernelOwners.limit` learner kernels in all, beyond which a new learner is told the room
is full.
"""

from __future__ import annotations

import contextvars
import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ["DEFAULT_PER_LEARNER", "KernelOwners", "Ownership", "default_limit", "requesting_learner"]

DEFAULT_PER_LEARNER = 3
#: The learner of the page request being served (set by the page handler, read where Voila
#: hands that request a kernel).
requesting_learner: contextvars.ContextVar[str | None] = contextvars.ContextVar("netedu_requesting_learner", default=None)


def default_limit(*, forked: bool, available_bytes: int | None = None) -> int:
    """Learner kernels this machine can hold: its available memory, less 1 GiB for the system
    and the server, over what a learner's kernel holds (about 40 MB forked, 110 MB ordinary;
    see docs/performance.md), and never fewer than 10.

    >>> default_limit(forked=True, available_bytes=5 * 2**30), default_limit(forked=False, available_bytes=5 * 2**30)
    (102, 37)
    """
    if available_bytes is None:
        import psutil

        available_bytes = psutil.virtual_memory().available
    per_kernel = (40 if forked else 110) * 2**20
    return max(10, (available_bytes - 2**30) // per_kernel)


@dataclass
class Ownership:
    learner: str
    since: float
    connected: bool = False  # whether its page has opened the kernel's websocket


@dataclass
class KernelOwners:
    """The server's record of kernels and learners (see the module docstring)."""

    limit: int = 200
    per_learner: int = DEFAULT_PER_LEARNER
    clock: Callable[[], float] = time.monotonic
    _owners: dict[str, Ownership] = field(default_factory=dict)
    _secrets: dict[str, str] = field(default_factory=dict)

    # --- secrets ---------------------------------------------------------------------------

    @staticmethod
    def new_secret() -> str:
        return secrets.token_urlsafe(24)

    def remember_secret(self, kernel_id: str, secret: str) -> None:
        self._secrets[kernel_id] = secret

    def secret_matches(self, kernel_id: str, secret: str | None) -> bool:
        expected = self._secrets.get(kernel_id)
        return bool(expected and secret) and hmac.compare_digest(expected, secret)

    # --- owners ----------------------------------------------------------------------------

    def take(self, kernel_id: str, learner: str) -> None:
        """``kernel_id`` now serves ``learner``."""
        self._owners[kernel_id] = Ownership(learner, self.clock())

    def owner(self, kernel_id: str) -> str | None:
        found = self._owners.get(kernel_id)
        return found.learner if found else None

    def may_use(self, kernel_id: str, learner: str | None) -> bool:
        return learner is not None and self.owner(kernel_id) == learner

    def connected(self, kernel_id: str) -> None:
        if kernel_id in self._owners:
            self._owners[kernel_id].connected = True

    def forget(self, kernel_id: str) -> None:
        self._owners.pop(kernel_id, None)
        self._secrets.pop(kernel_id, None)

    def kernels_of(self, learner: str) -> list[str]:
        """The learner's kernels, oldest first."""
        return [k for k, o in sorted(self._owners.items(), key=lambda kv: kv[1].since) if o.learner == learner]

    def __len__(self) -> int:
        return len(self._owners)

    # --- the budget ------------------------------------------------------------------------

    def room_is_full(self, learner: str) -> bool:
        """Whether a new kernel for ``learner`` would go beyond the server's limit (a learner who
        holds kernels already is never turned away: their oldest makes room)."""
        return not self.kernels_of(learner) and len(self._owners) >= self.limit

    def to_let_go(self, learner: str) -> list[str]:
        """The learner's kernels to shut down before they take another, oldest first."""
        mine = self.kernels_of(learner)
        return mine[: max(0, len(mine) - self.per_learner + 1)]

    def never_connected(self, older_than_s: float) -> list[str]:
        """Kernels handed to a page that has not opened them within ``older_than_s`` seconds."""
        now = self.clock()
        return [k for k, o in self._owners.items() if not o.connected and now - o.since > older_than_s]

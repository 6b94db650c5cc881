"""BackgroundTurn: work a learner did not ask for yet waits its turn, one kernel at a time.

Building the topic a learner will likely open next is done while they read, and costs
tens of milliseconds. With a room of learners who all opened the same topic at once, every
kernel would start that work at the same moment and the room's clicks and answers would wait
behind it. The kernels of one server therefore take turns: a turn is an exclusive lock on one
file (``fcntl.flock``, released by the kernel when its work is done, or by the system if it
dies), and a kernel that finds it taken tries again a little later. The work then fills the
gaps between what learners ask for, on at most one of the machine's cores.

Outside ``netedu serve`` (a notebook in JupyterLab, a test), or where there is no ``flock``,
every turn is granted at once.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

from netedu.settings import BACKGROUND_LOCK_ENV

__all__ = ["BackgroundTurn"]

try:
    import fcntl
except ImportError:  # Windows: no turns to take
    fcntl = None  # type: ignore[assignment]


class BackgroundTurn:
    """One machine-wide turn for background work, at the lock file ``path`` (``None``: always
    granted).

    >>> turn = BackgroundTurn(None)
    >>> with turn.take() as granted:
    ...     granted
    True
    """

    def __init__(self, path: str | None):
        self.path = path
        self._fd: int | None = None

    @classmethod
    def from_env(cls) -> BackgroundTurn:
        """The turn ``netedu serve`` gives its kernels (set in their environment)."""
        return cls(os.environ.get(BACKGROUND_LOCK_ENV) or None)

    @contextlib.contextmanager
    def take(self) -> Iterator[bool]:
        """Try to take the turn without waiting: yields whether it was granted, and gives it
        back on leaving the block."""
        if self.path is None or fcntl is None:
            yield True
            return
        if self._fd is None:  # opened in the kernel itself: a descriptor shared with another process would share its lock too
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(self._fd, fcntl.LOCK_UN)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

"""When to refill the pool of warm kernels: never while the room is arriving or the machine is busy.

Voila refills its pool a fixed delay after each kernel is taken; in a workshop, learners keep
arriving past that delay and the refill starts new kernels while the room is working, on the
same two cores. :class:`RefillGate` lets a refill start only once no learner has arrived for
``quiet_s`` seconds *and* the machine's CPU use is below ``busy_percent``; refills then go one
at a time, each checking again.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

__all__ = ["RefillGate"]


def _machine_cpu_percent() -> float:
    import psutil

    return psutil.cpu_percent(interval=None)  # since the previous call: the gate calls it each second


@dataclass
class RefillGate:
    """Holds refills back until the room is quiet and the machine is idle.

    >>> now = [0.0]
    >>> gate = RefillGate(quiet_s=30, busy_percent=50, clock=lambda: now[0], cpu=lambda: 10.0)
    >>> gate.arrived(); gate.may_refill()
    (False, 'a learner arrived 0 s ago')
    >>> now[0] = 31; gate.may_refill()
    (True, '')
    """

    quiet_s: float = 30.0
    busy_percent: float = 50.0
    clock: Callable[[], float] = time.monotonic
    cpu: Callable[[], float] = _machine_cpu_percent
    check_every_s: float = 1.0
    last_arrival: float | None = None
    _lock: asyncio.Lock | None = field(default=None, repr=False)

    def arrived(self) -> None:
        """A learner has just taken a warm kernel."""
        self.last_arrival = self.clock()

    def may_refill(self) -> tuple[bool, str]:
        """Whether a refill may start now, and if not, why."""
        if self.last_arrival is not None:
            since = self.clock() - self.last_arrival
            if since < self.quiet_s:
                return False, f"a learner arrived {since:.0f} s ago"
        busy = self.cpu()
        if busy >= self.busy_percent:
            return False, f"the machine is busy ({busy:.0f}% CPU)"
        return True, ""

    async def wait(self, sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        """Return when a refill may start; refills pass one at a time."""
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            self.cpu()  # start the CPU measurement window
            while True:
                await sleep(self.check_every_s)
                ok, _why = self.may_refill()
                if ok:
                    return

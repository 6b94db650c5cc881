"""Many learners' kernels at once: worker processes, spawned as kernels are, released together."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["all_here", "at_once"]

_barrier = None  # the one every worker of this process's pool waits at (set when it starts)


def _arm(barrier: Any) -> None:
    global _barrier
    _barrier = barrier


def all_here() -> None:
    """In a worker: wait until every other worker got here too, so that they go on at once."""
    _barrier.wait()


def at_once(work: Callable[[Any], Any], jobs: Sequence[Any], *, timeout: float = 240) -> list[Any]:
    """``[work(job) for job in jobs]``, each in a process of its own (a module-level ``work``,
    which may call :func:`all_here`); an error in any of them is raised here."""
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(len(jobs), initializer=_arm, initargs=(ctx.Barrier(len(jobs), timeout=timeout),)) as pool:
        return pool.map(work, jobs, chunksize=1)

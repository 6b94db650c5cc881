"""Simulated learners speaking Voila's websocket protocol, without a browser: the workshop
benchmark's client (``bench/workshop_load.py``), imported rather than copied."""

from __future__ import annotations

import sys
from pathlib import Path

_BENCH = str(Path(__file__).resolve().parents[2] / "bench")
sys.path.insert(0, _BENCH)
try:
    from workshop_load import Kernel, Learner, first
finally:
    sys.path.remove(_BENCH)

__all__ = ["Kernel", "Learner", "first"]

"""netedu: an interactive Jupyter and Voila course on neuroendocrine tumours.

Notebooks call ``netedu.quiz("topic-id")`` and ``netedu.question("question-id")``.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["__version__", "course", "explore", "question", "quiz"]


def __getattr__(name: str) -> Any:
    # Widgets load only when a notebook asks for them, so `netedu check` stays fast.
    if name in {"course", "explore", "question", "quiz"}:
        from netedu import api

        return getattr(api, name)
    raise AttributeError(f"module 'netedu' has no attribute {name!r}")

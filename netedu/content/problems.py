"""Content problems, reported all at once as ``file:line: field.path: message``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["ContentError", "Problem", "format_path"]


def format_path(path: Iterable[str | int]) -> str:
    """Dotted field path with list indices in brackets.

    >>> format_path(["questions", 3, "options", 0, "explanation"])
    'questions[3].options[0].explanation'
    """
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one content file, at one line."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


class ContentError(Exception):
    """Raised when the course content has problems; holds every one of them."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems: list[Problem] = sorted(set(problems))
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{count} content {noun}:\n" + "\n".join(map(str, self.problems)))

"""Defaults and where netedu finds its course: one place for every setting."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "DEFAULT_HOST",
    "DEFAULT_PORT",
    "DISCLAIMER",
    "DISCLAIMER_LEAD",
    "Paths",
    "find_root",
    "paths",
]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8866

#: Shown on every page: the landing page, every notebook (generated header cell) and the app chrome.
DISCLAIMER = (
    "For learning only: do not use this course to make decisions about a patient's care. "
    "Follow your local guidelines and the clinical team responsible for the patient."
)
DISCLAIMER_LEAD = "Educational, not medical advice."

_PACKAGE_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Paths:
    """The folders of one netedu course checkout."""

    root: Path

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def notebooks(self) -> Path:
        return self.root / "notebooks"

    @property
    def course_file(self) -> Path:
        return self.data / "course.yaml"


def _looks_like_root(path: Path) -> bool:
    return (path / "data" / "course.yaml").is_file()


def find_root(start: Path | None = None) -> Path:
    """Find the course checkout: ``$NETEDU_ROOT``, else upwards from ``start`` (default: the
    working directory), else the folder above the installed package.

    >>> find_root().joinpath("data", "course.yaml").is_file()
    True
    """
    env = os.environ.get("NETEDU_ROOT")
    if env:
        return Path(env).expanduser().resolve()
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if _looks_like_root(candidate):
            return candidate
    if _looks_like_root(_PACKAGE_DIR.parent):
        return _PACKAGE_DIR.parent
    raise FileNotFoundError(
        "Cannot find the course content (a folder holding data/course.yaml). "
        "Run netedu from inside the netedu checkout or set NETEDU_ROOT to it."
    )


def paths(root: Path | str | None = None) -> Paths:
    """The :class:`Paths` of the course at ``root`` (found with :func:`find_root` if omitted)."""
    return Paths(Path(root).resolve() if root is not None else find_root())

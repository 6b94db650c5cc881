"""How content finds explorers: what they register under the ``netedu.explorers`` entry point.

The content layer knows an explorer only by what the loader needs: its id, the model of its
data file, the file's format and the references its rules in code cite. netedu registers its
own (:data:`netedu.explorers.REGISTRY`) in ``pyproject.toml``; an explorer in another package
plugs in the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from importlib.metadata import entry_points
from typing import Protocol

from pydantic import BaseModel

__all__ = ["ENTRY_POINT_GROUP", "ExplorerSpec", "registered_explorers"]

ENTRY_POINT_GROUP = "netedu.explorers"


class ExplorerSpec(Protocol):
    """What the content loader needs to know of an explorer."""

    @property
    def id(self) -> str: ...
    @property
    def data(self) -> type[BaseModel] | None: ...
    @property
    def data_file(self) -> str | None: ...
    @property
    def data_format(self) -> str: ...
    @property
    def references(self) -> tuple[str, ...]: ...


@lru_cache(maxsize=1)
def registered_explorers() -> Mapping[str, ExplorerSpec]:
    """Every explorer registered under the ``netedu.explorers`` entry point group, by id."""
    found: dict[str, ExplorerSpec] = {}
    for point in entry_points(group=ENTRY_POINT_GROUP):
        found.update(point.load())
    return found

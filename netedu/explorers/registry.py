"""The explorer registry's entry type: one explorer, declared once, with one name everywhere."""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from typing import Literal

from pydantic import BaseModel

__all__ = ["Explorer"]


@dataclass(frozen=True)
class Explorer:
    """One guided explorer, as a notebook opens it with ``netedu.explore("<id>")``.

    Its id is its one name: its data file is ``data/explorers/<id>.yaml`` (or ``.csv``), its
    logic (data model and pure functions) is the module ``netedu.explorers.<id with _>`` and its
    widget lives in ``netedu.widgets.explorers.<id with _>``, built as ``widget(data, ctx)``.
    """

    id: str
    title: str
    logic: ModuleType
    widget: str  # the widget class's name in its widget module
    data: type[BaseModel] | None = None  # the model of the data file (of one row, for CSV); None: no data file
    data_format: Literal["yaml", "csv"] = "yaml"
    references: tuple[str, ...] = ()  # sources cited by rules that live in code (the data cites its own)
    charts: bool = False  # whether it draws charts (the player loads the chart renderer ahead of it)

    @property
    def module(self) -> str:
        """The name of its logic and widget modules: the id with underscores."""
        return self.id.replace("-", "_")

    @property
    def data_file(self) -> str | None:
        """Its file in ``data/explorers/``, or ``None`` if it needs no data."""
        return f"{self.id}.{self.data_format}" if self.data is not None else None

    @property
    def widget_module(self) -> str:
        return f"netedu.widgets.explorers.{self.module}"

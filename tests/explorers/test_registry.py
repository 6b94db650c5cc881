"""Every explorer in the registry carries its one name everywhere: id, data file, logic, widget, tests."""

from __future__ import annotations

import importlib

import pytest

from netedu.explorers import REGISTRY
from tests.conftest import REPO


@pytest.mark.parametrize("explorer_id", sorted(REGISTRY))
def test_each_explorer_carries_one_name_everywhere(explorer_id: str) -> None:
    spec = REGISTRY[explorer_id]
    assert spec.logic.__name__ == f"netedu.explorers.{spec.module}"
    widget = getattr(importlib.import_module(f"netedu.widgets.explorers.{spec.module}"), spec.widget)
    assert widget.__module__ == spec.widget_module
    assert (REPO / "tests/widgets/explorers" / f"test_{spec.module}.py").is_file(), "each widget has its own test module"
    if spec.data is not None:
        assert (REPO / "data/explorers" / spec.data_file).is_file()
        assert spec.data.__module__ == spec.logic.__name__, "the data model lives with the explorer's logic"


def test_every_data_file_belongs_to_a_registered_explorer() -> None:
    files = {p.name for p in (REPO / "data/explorers").iterdir()}
    assert files == {e.data_file for e in REGISTRY.values() if e.data_file}


def test_the_content_loader_finds_the_registry_through_its_entry_point() -> None:
    from netedu.content.registry import registered_explorers

    assert dict(registered_explorers()) == REGISTRY

"""Explorer widgets are built as a notebook builds them, on the real course or on small data."""

from __future__ import annotations

from pathlib import Path

import pytest

from netedu.content import load_content
from netedu.widgets.explorers import build_explorer
from tests.conftest import REPO
from tests.widgets.helpers import context


@pytest.fixture(scope="package")
def content():
    return load_content(REPO)


@pytest.fixture
def build(content):
    """``build(explorer_id)``: the explorer as ``netedu.explore`` builds it for learner ada."""
    return lambda explorer_id: build_explorer(explorer_id, content, context(content))


@pytest.fixture
def ctx(course: Path):
    """A learner's context on the small test course (for explorers given small data)."""
    return context(load_content(course))

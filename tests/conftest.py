"""Shared fixtures: the repository, and a small valid course to break in tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # tests.support is importable from every test

from tests.support.course import write_course  # noqa: E402


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """A valid test course in a fresh folder; tests edit its files to break it."""
    return synced(write_course(tmp_path / "course"))


def synced(root: Path) -> Path:
    """Generate a course's navigation cells and player notebook, as ``netedu nav`` does."""
    from netedu.content import load_content
    from netedu.content.notebooks import pages, sync_notebook, sync_player

    content = load_content(root)
    for page in pages(content):
        sync_notebook(root / "notebooks" / page.notebook, content, page, write=True)
    sync_player(content, write=True)
    return root


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO

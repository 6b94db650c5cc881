"""The real course's content, loaded once for the explorer logic tests."""

from __future__ import annotations

import pytest

from netedu.content import load_content
from tests.conftest import REPO


@pytest.fixture(scope="package")
def content():
    return load_content(REPO)

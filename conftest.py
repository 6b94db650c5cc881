"""Applies to every test, including nbval's notebook runs."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True, scope="session")
def _progress_in_a_temporary_database(tmp_path_factory: pytest.TempPathFactory):
    """No test (nor any kernel or server a test starts) writes to the user's own progress."""
    import os

    from netedu.store import events

    url = f"sqlite:///{tmp_path_factory.mktemp('progress') / 'progress.sqlite'}"
    previous = os.environ.get("NETEDU_DATABASE_URL")
    os.environ["NETEDU_DATABASE_URL"] = url
    events.set_sink(None)
    yield url
    events.set_sink(None)
    if previous is None:
        os.environ.pop("NETEDU_DATABASE_URL", None)
    else:
        os.environ["NETEDU_DATABASE_URL"] = previous

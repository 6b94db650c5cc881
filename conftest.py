"""Applies to every test, including nbval's notebook runs."""

from __future__ import annotations

import pytest

# Alembic's environment script runs only inside Alembic; revisions are tested by running them.
collect_ignore_glob = ["netedu/store/migrations/*"]


@pytest.fixture(autouse=True, scope="session")
def _progress_in_a_temporary_database(tmp_path_factory: pytest.TempPathFactory):
    """No test (nor any kernel or server a test starts) writes to the user's own progress."""
    import os

    from netedu.store import set_default_store

    url = f"sqlite:///{tmp_path_factory.mktemp('progress') / 'progress.sqlite'}"
    previous = os.environ.get("NETEDU_DATABASE_URL")
    os.environ["NETEDU_DATABASE_URL"] = url
    set_default_store(None)
    yield url
    set_default_store(None)
    if previous is None:
        os.environ.pop("NETEDU_DATABASE_URL", None)
    else:
        os.environ["NETEDU_DATABASE_URL"] = previous

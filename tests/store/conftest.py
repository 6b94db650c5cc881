"""The SQL stores' databases: a SQLite file, or a fresh database on a real PostgreSQL server.

Without PostgreSQL the PostgreSQL tests skip, saying how to install it; under CI (``$CI`` set,
as ``.ci/run`` does) they fail instead, so a CI machine can never pass by skipping them.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.postgres import PostgresServer, require_postgresql

_names = itertools.count()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A PostgreSQL server for this test session, started on first use, deleted at the end."""
    with PostgresServer.running(require_postgresql()) as server:
        yield server


@pytest.fixture
def postgresql_url(postgres_server: PostgresServer) -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database, dropped after the test."""
    name = f"netedu_test_{os.getpid()}_{next(_names)}"
    yield postgres_server.create_database(name)
    postgres_server.drop_database(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def sql_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database on each SQL backend in turn (the server starts only if needed)."""
    if request.param == "postgresql":
        return request.getfixturevalue("postgresql_url")
    return f"sqlite:///{tmp_path / 'p.sqlite'}"

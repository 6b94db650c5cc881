"""The default store: opened on first use, from the configured URL. Outside a served course a
database that cannot be opened leaves memory (and says so); in a served course, never."""

from __future__ import annotations

from pathlib import Path

import pytest

from netedu.settings import SERVED_ENV, STORE_SOCKET_ENV
from netedu.store import default_store, open_store, set_default_store
from netedu.store.failures import StoreUnavailable
from netedu.store.memory import MemoryStore
from netedu.store.sql import SqlStore


def _unopenable(tmp_path: Path) -> str:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where a folder should be")
    return f"sqlite:///{blocker / 'sub' / 'p.sqlite'}"


@pytest.fixture
def fresh(monkeypatch):
    monkeypatch.delenv(SERVED_ENV, raising=False)
    monkeypatch.delenv(STORE_SOCKET_ENV, raising=False)
    previous = set_default_store(None)
    yield
    set_default_store(previous)


def test_outside_a_served_course_a_store_that_cannot_open_falls_back_to_memory_and_says_so(fresh, monkeypatch, tmp_path, caplog) -> None:
    monkeypatch.setenv("NETEDU_DATABASE_URL", _unopenable(tmp_path))
    assert isinstance(default_store(), MemoryStore)
    assert "cannot open the progress store" in caplog.text and "memory only" in caplog.text


def test_a_served_course_never_falls_back_to_memory(fresh, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv(SERVED_ENV, "1")
    monkeypatch.setenv("NETEDU_DATABASE_URL", f"sqlite:///{tmp_path / 'fine.sqlite'}")
    with pytest.raises(StoreUnavailable, match="no progress store"):
        default_store()


def test_a_store_that_cannot_open_says_where_and_why(tmp_path) -> None:
    url = _unopenable(tmp_path)
    with pytest.raises(StoreUnavailable) as caught:
        open_store(url)
    assert str(caught.value) == f"cannot open the progress store at {url}: NotADirectoryError: Not a directory"


def test_a_store_that_cannot_take_a_write_is_refused_when_asked(tmp_path) -> None:
    from tests.support.readonly import writes_fail

    path = tmp_path / "p.sqlite"
    url = f"sqlite:///{path}"
    running = open_store(url)  # another server, say, has the database open (its WAL file exists)
    running.set_state("ada", "k", 1)
    try:
        with writes_fail(path):
            open_store(url).close()  # it opens and reads...
            with pytest.raises(StoreUnavailable, match=r"OperationalError: (disk I/O error|attempt to write a readonly database)"):
                open_store(url, check_writes=True)  # ... but cannot take a write
        open_store(url, check_writes=True).close()
    finally:
        running.close()


def test_the_default_store_is_the_configured_database(fresh, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("NETEDU_DATABASE_URL", f"sqlite:///{tmp_path / 'default.sqlite'}")
    store = default_store()
    assert isinstance(store, SqlStore) and "default.sqlite" in store.url
    assert default_store() is store  # opened once

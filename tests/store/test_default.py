"""The default store: opened on first use, from the configured URL; memory if it cannot open."""

from __future__ import annotations

from netedu.store import default_store, set_default_store
from netedu.store.memory import MemoryStore
from netedu.store.sql import SqlStore


def test_a_store_that_cannot_open_falls_back_to_memory(monkeypatch, tmp_path, caplog) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where a folder should be")
    monkeypatch.setenv("NETEDU_DATABASE_URL", f"sqlite:///{blocker / 'sub' / 'p.sqlite'}")
    previous = set_default_store(None)
    try:
        assert isinstance(default_store(), MemoryStore)
        assert "cannot be opened" in caplog.text
    finally:
        set_default_store(previous)


def test_the_default_store_is_the_configured_database(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("NETEDU_DATABASE_URL", f"sqlite:///{tmp_path / 'default.sqlite'}")
    previous = set_default_store(None)
    try:
        store = default_store()
        assert isinstance(store, SqlStore) and "default.sqlite" in store.url
        assert default_store() is store  # opened once
    finally:
        set_default_store(previous)

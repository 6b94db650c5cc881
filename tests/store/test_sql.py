"""The progress store keeps every answer, per learner, even with many kernels writing at once."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from netedu.store.sql import SqlStore
from tests.support.answers import answer_now

answer = answer_now


@pytest.fixture
def store(tmp_path: Path) -> SqlStore:
    s = SqlStore(f"sqlite:///{tmp_path / 'p.sqlite'}")
    yield s
    s.close()


def test_sqlite_runs_in_wal_mode(store, tmp_path) -> None:
    store.record(answer("ada", "q1", True))
    with sqlite3.connect(tmp_path / "p.sqlite") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def _writer(args: tuple[str, int, int]) -> int:
    url, worker, n = args
    s = SqlStore(url)
    for i in range(n):
        s.record(answer(f"learner-{worker}", f"q{i}", i % 2 == 0))
    s.close()
    return n


def test_many_kernels_writing_at_once_lose_nothing(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'busy.sqlite'}"
    SqlStore(url).close()
    workers, each = 12, 25
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        written = pool.map(_writer, [(url, w, each) for w in range(workers)])
    assert sum(written) == workers * each
    with sqlite3.connect(tmp_path / "busy.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == workers * each
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    s = SqlStore(url)
    assert len(s.answers("learner-3")) == each


def test_round_starts_are_kept_for_the_next_page_and_restarts(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'room.sqlite'}"
    began = SqlStore(url).start_round("q1")
    assert SqlStore(url).round_start("q1") == began

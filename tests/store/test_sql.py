"""The progress store keeps every answer, per learner, even with many kernels writing at once."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from netedu.store import events
from netedu.store.events import AnswerEvent, MemorySink
from netedu.store.sql import ProgressStore


def answer(learner: str, qid: str, correct: bool, response=("a",)) -> AnswerEvent:
    return AnswerEvent.now(learner=learner, question_id=qid, topic_id="t", mode="tutor", response=list(response), correct=correct, score=float(correct), max_score=1.0)


@pytest.fixture
def store(tmp_path: Path) -> ProgressStore:
    s = ProgressStore(f"sqlite:///{tmp_path / 'p.sqlite'}")
    yield s
    s.close()


def test_answers_come_back_latest_first_per_question(store) -> None:
    store.record(answer("ada", "q1", False, ["b"]))
    store.record(answer("ada", "q1", True, ["a"]))
    store.record(answer("ada", "q2", False))
    latest = store.latest("ada", ["q1", "q2", "q3"])
    assert set(latest) == {"q1", "q2"} and latest["q1"].correct and latest["q1"].response == ["a"]
    assert [e.question_id for e in store.answers("ada")] == ["q1", "q1", "q2"]


def test_learners_never_see_each_others_answers(store) -> None:
    store.record(answer("ada", "q1", True))
    store.record(answer("grace", "q1", False))
    assert [e.learner for e in store.answers("ada")] == ["ada"]
    assert store.latest("grace", ["q1"])["q1"].correct is False
    assert store.answers("someone-who-guessed") == []


def test_learner_state_round_trips(store) -> None:
    assert store.get_state("ada", "last_topic") is None
    store.set_state("ada", "last_topic", {"topic": "epidemiology", "section": "incidence"})
    store.set_state("ada", "last_topic", {"topic": "what-are-nets"})
    assert store.get_state("ada", "last_topic") == {"topic": "what-are-nets"}
    assert store.get_state("grace", "last_topic", "none") == "none"


def test_responses_of_every_shape_round_trip(store) -> None:
    store.record(answer("ada", "m", True, response=()))
    event = AnswerEvent.now(learner="ada", question_id="match", topic_id=None, mode="exam", response={"row": ["A", "B"]}, correct=False, score=0.5, max_score=1.0)
    store.record(event)
    back = store.latest("ada", ["match"])["match"]
    assert back.response == {"row": ["A", "B"]} and back.score == 0.5 and back.topic_id is None and back.mode == "exam"


def test_sqlite_runs_in_wal_mode(store, tmp_path) -> None:
    store.record(answer("ada", "q1", True))
    with sqlite3.connect(tmp_path / "p.sqlite") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def _writer(args: tuple[str, int, int]) -> int:
    url, worker, n = args
    s = ProgressStore(url)
    for i in range(n):
        s.record(answer(f"learner-{worker}", f"q{i}", i % 2 == 0))
    s.close()
    return n


def test_many_kernels_writing_at_once_lose_nothing(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'busy.sqlite'}"
    ProgressStore(url).close()
    workers, each = 12, 25
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        written = pool.map(_writer, [(url, w, each) for w in range(workers)])
    assert sum(written) == workers * each
    with sqlite3.connect(tmp_path / "busy.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == workers * each
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    s = ProgressStore(url)
    assert len(s.answers("learner-3")) == each


def test_a_store_that_cannot_open_falls_back_to_memory(monkeypatch, tmp_path, caplog) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where a folder should be")
    monkeypatch.setenv("NETEDU_DATABASE_URL", f"sqlite:///{blocker / 'sub' / 'p.sqlite'}")
    previous = events.set_sink(None)
    try:
        assert isinstance(events.get_sink(), MemorySink)
        assert "cannot be opened" in caplog.text
    finally:
        events.set_sink(previous)


def test_the_default_sink_is_the_store(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("NETEDU_DATABASE_URL", f"sqlite:///{tmp_path / 'default.sqlite'}")
    previous = events.set_sink(None)
    try:
        sink = events.get_sink()
        assert isinstance(sink, ProgressStore) and "default.sqlite" in sink.url
    finally:
        events.set_sink(previous)

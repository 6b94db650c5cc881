"""The store protocol, as every store keeps it: the same tests run on the memory store, SQLite,
PostgreSQL, and a kernel's RemoteStore talking to the server's store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from netedu.learning.room import default_since
from netedu.store import Store
from netedu.store.events import AnswerEvent, stamp, utc_now
from netedu.store.memory import MemoryStore
from netedu.store.remote import RemoteStore
from netedu.store.sql import SqlStore
from tests.support.answers import answer_now as answer
from tests.support.store_service import serving


@pytest.fixture(params=["memory", "sqlite", "postgresql", "remote"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "remote":  # a kernel's view of the server's store (SQLite) under netedu serve
        with serving(SqlStore(f"sqlite:///{tmp_path / 'p.sqlite'}")) as service:
            s = RemoteStore(service.path)
            yield s
            s.close()
        service.store.close()
        return
    if request.param == "memory":
        s = MemoryStore()
    elif request.param == "sqlite":
        s = SqlStore(f"sqlite:///{tmp_path / 'p.sqlite'}")
    else:  # a new database on the session's PostgreSQL server (see conftest.py)
        s = SqlStore(request.getfixturevalue("postgresql_url"))
    yield s
    s.close()


def test_every_store_implements_the_whole_protocol(store) -> None:
    assert isinstance(store, Store)
    missing = [
        name
        for name in ("record", "answers", "latest", "room_answers", "round_start", "start_round", "get_state", "set_state", "close")
        if not callable(getattr(store, name, None))
    ]
    assert missing == []


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
    event = AnswerEvent.now(
        learner="ada",
        question_id="match",
        topic_id=None,
        mode="exam",
        response={"row": ["A", "B"]},
        correct=False,
        score=0.5,
        max_score=1.0,
    )
    store.record(event)
    back = store.latest("ada", ["match"])["match"]
    assert back.response == {"row": ["A", "B"]} and back.score == 0.5 and back.topic_id is None and back.mode == "exam"


def test_the_room_is_each_learners_latest_answer_since_the_round_began(store) -> None:
    old = stamp(utc_now() - dt.timedelta(days=2))
    store.record(answer("ada", "q1", response=["a"], when=old))
    store.record(answer("ada", "q1", response=["b"]))
    store.record(answer("bo", "q1", response=["a"]))
    store.record(answer("bo", "q2", response=["z"]))
    store.record(answer("bo", "q1", response=["c"]))
    latest = store.room_answers("q1", default_since())
    assert [(e.learner, e.response) for e in latest] == [("ada", ["b"]), ("bo", ["c"])]
    assert len(store.room_answers("q1", "2000-01-01T00:00:00.000+00:00")) == 2  # one per learner, however far back
    assert store.round_start("q1") is None
    began = store.start_round("q1")
    assert store.round_start("q1") == began and store.room_answers("q1", began) == []
    store.record(answer("cy", "q1", response=["a"]))
    assert [e.learner for e in store.room_answers("q1", began)] == ["cy"]


def test_state_is_a_copy_not_a_reference(store) -> None:
    value = {"topic": "staging"}
    store.set_state("ada", "last_topic", value)
    value["topic"] = "changed after saving"
    got = store.get_state("ada", "last_topic")
    got["topic"] = "changed after reading"
    assert store.get_state("ada", "last_topic") == {"topic": "staging"}


def test_an_answer_sent_twice_with_its_event_id_is_kept_once(store) -> None:
    """A retry (after a lost reply, a crash, the learner's Retry button) sends the same answer
    with the same event_id: every store takes it as kept, without a second row."""
    event = answer("ada", "q1", True)
    store.record(event)
    store.record(event)
    other = answer("ada", "q1", False)  # the learner answering again: a new submission
    store.record(other)
    kept = store.answers("ada")
    assert [e.event_id for e in kept] == [event.event_id, other.event_id]
    assert kept[0] == event

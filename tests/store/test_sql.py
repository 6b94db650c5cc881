"""The progress store keeps every answer, per learner, even with many kernels writing at once,
on SQLite and on PostgreSQL."""

from __future__ import annotations

import sqlite3
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, func, select, text
from sqlalchemy.exc import IntegrityError, OperationalError

from netedu.store import sql
from netedu.store.sql import AnswerRow, SqlStore, WriteOutcomeUnknown, may_retry
from tests.support.answers import answer_now
from tests.support.kernels import all_here, at_once

answer = answer_now

#: 40 learners' kernels, each its own process and store, answering 25 questions at once.
WRITERS, EACH = 40, 25


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqlStore]:
    s = SqlStore(f"sqlite:///{tmp_path / 'p.sqlite'}")
    yield s
    s.close()


def test_sqlite_runs_in_wal_mode(store, tmp_path) -> None:
    store.record(answer("ada", "q1", True))
    with sqlite3.connect(tmp_path / "p.sqlite") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def _writer(args: tuple[str, int, int]) -> int:
    """One kernel: open its own store, wait for every other, then answer ``n`` questions."""
    url, worker, n = args
    s = SqlStore(url)
    all_here()
    for i in range(n):
        s.record(answer(f"learner-{worker}", f"w{worker}-q{i}", i % 2 == 0))
    s.close()
    return n


def test_forty_kernels_writing_at_once_lose_and_duplicate_nothing(sql_url: str) -> None:
    SqlStore(sql_url).close()
    written = at_once(_writer, [(sql_url, w, EACH) for w in range(WRITERS)])
    assert sum(written) == WRITERS * EACH
    s = SqlStore(sql_url)
    try:
        with s.engine.connect() as connection:
            per_marker = dict(connection.execute(select(AnswerRow.question_id, func.count()).group_by(AnswerRow.question_id)).all())
        expected = {f"w{w}-q{i}" for w in range(WRITERS) for i in range(EACH)}
        assert sorted(expected - set(per_marker)) == []  # none lost
        assert {marker: n for marker, n in per_marker.items() if n != 1} == {}  # none stored twice
        assert set(per_marker) == expected
        assert [e.question_id for e in s.answers("learner-3")] == [f"w3-q{i}" for i in range(EACH)]  # in the order given
    finally:
        s.close()
    if sql_url.startswith("sqlite"):
        with sqlite3.connect(sql_url.removeprefix("sqlite:///")) as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _set_state(args: tuple[str, int]) -> int:
    """One of a learner's kernels: save 50 new values under the same keys the others use."""
    url, worker = args
    s = SqlStore(url)
    all_here()
    for i in range(50):
        s.set_state("ada", f"key-{i}", worker)
    s.close()
    return worker


def test_kernels_saving_the_same_new_state_at_once_all_succeed(sql_url: str) -> None:
    """A learner with several tabs open (or the educator starting a round on two servers):
    kernels saving under a key nobody has used yet, at the same moment, all succeed."""
    SqlStore(sql_url).close()
    assert at_once(_set_state, [(sql_url, w) for w in range(8)]) == list(range(8))
    s = SqlStore(sql_url)
    try:
        assert all(s.get_state("ada", f"key-{i}") in range(8) for i in range(50))
    finally:
        s.close()


def test_round_starts_are_kept_for_the_next_page_and_restarts(sql_url: str) -> None:
    first = SqlStore(sql_url)
    began = first.start_round("q1")
    first.close()
    second = SqlStore(sql_url)
    try:
        assert second.round_start("q1") == began
    finally:
        second.close()


def test_state_saves_on_a_database_without_upsert_by_reading_then_writing(store, monkeypatch) -> None:
    monkeypatch.setattr(sql, "_upsert", lambda dialect, row: None)
    store.set_state("ada", "last_topic", "staging")
    store.set_state("ada", "last_topic", "grading")
    assert store.get_state("ada", "last_topic") == "grading"


def test_a_plain_postgresql_url_uses_psycopg_3(postgresql_url: str) -> None:
    store = SqlStore(postgresql_url.replace("postgresql+psycopg://", "postgresql://"))
    try:
        assert store.engine.dialect.driver == "psycopg"
        store.record(answer("ada", "q1", True))
        assert len(store.answers("ada")) == 1
    finally:
        store.close()


def test_postgresql_without_its_driver_says_what_to_install(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if it were not installed
    with pytest.raises(ImportError, match=r"pip install 'netedu\[postgres\]'"):
        SqlStore("postgresql://netedu@/netedu?host=/nowhere")


# --- PostgreSQL: a lost connection never loses an answer nor keeps it twice -----------------


def _kill_the_connection_once(store: SqlStore, hook: str, when: Callable[..., bool]) -> list[str]:
    """Terminate the store's own server connection the first time ``hook`` fires and ``when``
    says so (as a failover or an administrator would); returns every statement the store sent."""
    admin = create_engine(store.engine.url, isolation_level="AUTOCOMMIT")
    sent: list[str] = []
    killed = []

    def kill(conn) -> None:
        pid = conn.connection.dbapi_connection.info.backend_pid
        with admin.connect() as c:
            c.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
            while c.execute(text("SELECT count(*) FROM pg_stat_activity WHERE pid = :pid"), {"pid": pid}).scalar():
                time.sleep(0.01)
        killed.append(pid)

    @event.listens_for(store.engine, "before_cursor_execute")
    def _sent(conn, cursor, statement, *args) -> None:
        sent.append(statement)
        if hook == "execute" and not killed and when(statement):
            kill(conn)

    @event.listens_for(store.engine, "commit")
    def _commit(conn) -> None:
        if hook == "commit" and not killed:
            kill(conn)

    return sent


def _inserts(sent: list[str]) -> int:
    return sum(statement.startswith("INSERT INTO answers") for statement in sent)


def test_postgresql_tries_again_when_the_connection_is_lost_before_commit(postgresql_url: str) -> None:
    store = SqlStore(postgresql_url)
    try:
        sent = _kill_the_connection_once(store, "execute", lambda statement: statement.startswith("INSERT INTO answers"))
        store.record(answer("ada", "q1", True))
        assert _inserts(sent) == 2  # the first never reached the table
        assert [e.question_id for e in store.answers("ada")] == ["q1"]
    finally:
        store.close()


def test_postgresql_never_tries_again_when_the_connection_is_lost_during_commit(postgresql_url: str) -> None:
    """The server may have committed before the reply was lost: trying again could keep the answer twice."""
    store = SqlStore(postgresql_url)
    try:
        sent = _kill_the_connection_once(store, "commit", lambda statement: True)
        with pytest.raises(WriteOutcomeUnknown, match="lost while committing"):
            store.record(answer("ada", "q1", True))
        assert _inserts(sent) == 1
        store.record(answer("ada", "q2", True))  # the store carries on with a new connection
        assert [e.question_id for e in store.answers("ada")] == ["q2"]  # (here the commit never arrived)
    finally:
        store.close()


def _pg_error(cls_name: str) -> OperationalError:
    import psycopg.errors

    return OperationalError("INSERT INTO answers ...", {}, getattr(psycopg.errors, cls_name)("from the server"))


@pytest.mark.parametrize("committing", [False, True])
def test_postgresql_tries_again_after_a_serialization_failure_or_deadlock(committing: bool) -> None:
    pytest.importorskip("psycopg")
    assert may_retry(_pg_error("SerializationFailure"), "postgresql", committing=committing)
    assert may_retry(_pg_error("DeadlockDetected"), "postgresql", committing=committing)


def test_postgresql_does_not_try_again_after_a_mistake_in_the_write() -> None:
    pytest.importorskip("psycopg")
    import psycopg.errors

    duplicate = IntegrityError("INSERT INTO answers ...", {}, psycopg.errors.UniqueViolation("duplicate key"))
    assert not may_retry(duplicate, "postgresql", committing=False)
    assert not may_retry(_pg_error("AdminShutdown"), "postgresql", committing=True)


def test_a_write_that_fails_raises_and_the_same_answer_is_kept_once_when_it_can_write_again(store, tmp_path) -> None:
    from tests.support.readonly import writes_fail

    store.record(answer("ada", "q0", True))  # the store's connection is open, as in a server
    event = answer("ada", "q1", True)
    with writes_fail(tmp_path / "p.sqlite"):
        with pytest.raises(OperationalError, match="disk I/O error|readonly"):
            store.record(event)
    store.record(event)
    store.record(event)  # a second retry of the same submission
    assert [e.question_id for e in store.answers("ada")] == ["q0", "q1"]
    with sqlite3.connect(tmp_path / "p.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("SELECT count(*) FROM answers WHERE event_id = ?", (event.event_id,)).fetchone()[0] == 1

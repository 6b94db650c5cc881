"""The progress store: every answer event and a little learner state, kept with SQLAlchemy.

SQLite by default (one file in the user's data directory, WAL journal, writes in
``BEGIN IMMEDIATE`` transactions with a busy timeout, so 60 learners' kernels can write at
once); any SQLAlchemy URL (e.g. PostgreSQL, for several servers) through ``NETEDU_DATABASE_URL``
or ``netedu serve --database-url``. The store is an :class:`~netedu.store.events.EventSink`.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Index, String, Text, create_engine, event, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from netedu.store.events import AnswerEvent, latest_per_learner

__all__ = ["ProgressStore", "default_database_url"]

log = logging.getLogger("netedu")
ENV_URL = "NETEDU_DATABASE_URL"
ROOM = "netedu-room"  # the learner_state owner of the room's settings (not a learner id: those are "anon-..." or a hub user)


class _Base(DeclarativeBase):
    pass


class _Answer(_Base):
    __tablename__ = "answers"
    id: Mapped[int] = mapped_column(primary_key=True)
    learner: Mapped[str] = mapped_column(String(128))
    question_id: Mapped[str] = mapped_column(String(80))
    topic_id: Mapped[str | None] = mapped_column(String(80))
    mode: Mapped[str] = mapped_column(String(16))
    response: Mapped[str] = mapped_column(Text)
    correct: Mapped[bool]
    score: Mapped[float]
    max_score: Mapped[float]
    answered_at: Mapped[str] = mapped_column(String(40))

    __table_args__ = (
        Index("ix_answers_learner_question", "learner", "question_id", "id"),
        Index("ix_answers_question_time", "question_id", "answered_at"),
    )

    def to_event(self) -> AnswerEvent:
        return AnswerEvent(
            **{name: getattr(self, name) for name in _SAME},
            response=json.loads(self.response),
            timestamp=self.answered_at,
        )


# Fields an answer event and its row share as they are.
_SAME = ("learner", "question_id", "topic_id", "mode", "correct", "score", "max_score")


class _State(_Base):
    __tablename__ = "learner_state"
    learner: Mapped[str] = mapped_column(String(128), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[str] = mapped_column(String(40))


def default_database_url() -> str:
    """``$NETEDU_DATABASE_URL``, else a SQLite file in the user's data directory."""
    if url := os.environ.get(ENV_URL):
        return url
    folder = platformdirs.user_data_path("netedu")
    return f"sqlite:///{folder / 'progress.sqlite'}"


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # let SQLAlchemy's begin event issue BEGIN
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=15000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # A read-then-write deferred transaction fails at once with SQLITE_BUSY_SNAPSHOT,
        # whatever the timeout: writes take the lock up front and wait for it instead.
        immediate = conn.get_execution_options().get("netedu_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


class ProgressStore:
    """Answers and learner state for every learner; each call is about one learner."""

    def __init__(self, url: str | None = None):
        self.url = url or default_database_url()
        if self.url.startswith("sqlite:///") and not self.url.startswith("sqlite:///:memory:"):
            Path(self.url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        self.engine = create_engine(self.url, pool_pre_ping=True)
        if self.engine.dialect.name == "sqlite":
            _sqlite_setup(self.engine)
        _Base.metadata.create_all(self.engine)
        for index in _Answer.__table__.indexes:  # stores made by an earlier version lack newer indexes
            index.create(self.engine, checkfirst=True)

    def __repr__(self) -> str:
        return f"ProgressStore({self.engine.url.render_as_string(hide_password=True)!r})"

    def _write(self, rows: Iterable[_Base], retries: int = 5) -> None:
        rows = list(rows)
        for attempt in range(retries):
            try:
                with Session(self.engine.execution_options(netedu_write=True)) as session, session.begin():
                    session.add_all(rows)
                    return
            except OperationalError as err:
                if attempt == retries - 1 or "locked" not in str(err).lower():
                    raise
                time.sleep(0.05 * 2**attempt)
                rows = [_copy(r) for r in rows]

    # --- the event sink ------------------------------------------------------------------

    def record(self, event: AnswerEvent) -> None:
        """Keep one answer; raises if it could not be stored (the widget says so)."""
        row = _Answer(
            **{name: getattr(event, name) for name in _SAME},
            response=json.dumps(event.response),
            answered_at=event.timestamp,
        )
        self._write([row])

    def latest(self, learner: str, question_ids: Iterable[str]) -> dict[str, AnswerEvent]:
        """The latest answer of ``learner`` to each of ``question_ids`` they have answered."""
        wanted = set(question_ids)
        out: dict[str, AnswerEvent] = {}
        for answer in self._answers(learner):
            if answer.question_id in wanted:
                out[answer.question_id] = answer
        return out

    def answers(self, learner: str) -> list[AnswerEvent]:
        """Every answer of ``learner``, oldest first."""
        return self._answers(learner)

    def _answers(self, learner: str) -> list[AnswerEvent]:
        with Session(self.engine) as session:
            rows = session.scalars(select(_Answer).where(_Answer.learner == learner).order_by(_Answer.id))
            return [row.to_event() for row in rows]

    # --- the room (for the educator's view) -------------------------------------------------

    def room_answers(self, question_id: str, since: str) -> list[AnswerEvent]:
        """Each learner's latest answer to ``question_id`` given after ``since`` (ISO, UTC)."""
        with Session(self.engine) as session:
            rows = session.scalars(
                select(_Answer).where(_Answer.question_id == question_id, _Answer.answered_at > since).order_by(_Answer.id)
            )
            return latest_per_learner(row.to_event() for row in rows)

    def round_start(self, question_id: str) -> str | None:
        """When the educator last started a new round of ``question_id`` (``None``: never)."""
        return self.get_state(ROOM, f"round:{question_id}")

    def start_round(self, question_id: str) -> str:
        """Count only answers given from now on (to ask the room again after a discussion)."""
        stamp = dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")
        self.set_state(ROOM, f"round:{question_id}", stamp)
        return stamp

    # --- learner state ---------------------------------------------------------------------

    def get_state(self, learner: str, key: str, default: Any = None) -> Any:
        with Session(self.engine) as session:
            row = session.get(_State, (learner, key))
            return json.loads(row.value) if row else default

    def set_state(self, learner: str, key: str, value: Any) -> None:
        stamp = dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")
        for attempt in range(5):
            try:
                with Session(self.engine.execution_options(netedu_write=True)) as session, session.begin():
                    session.merge(_State(learner=learner, key=key, value=json.dumps(value), updated_at=stamp))
                    return
            except OperationalError as err:
                if attempt == 4 or "locked" not in str(err).lower():
                    raise
                time.sleep(0.05 * 2**attempt)

    def close(self) -> None:
        self.engine.dispose()


def _copy(row: _Base) -> _Base:
    """A fresh, unattached copy of a row (after a failed transaction)."""
    cls = type(row)
    return cls(**{c.key: getattr(row, c.key) for c in cls.__table__.columns if c.key != "id"})

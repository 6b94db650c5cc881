"""SqlStore: every answer event and a little learner state, kept with SQLAlchemy.

SQLite by default (one file in the user's data folder, WAL journal, writes in
``BEGIN IMMEDIATE`` transactions with a busy timeout, so 60 learners' kernels can write at
once); any SQLAlchemy URL (e.g. PostgreSQL, for several servers) through
``NETEDU_DATABASE_URL`` or ``netedu serve --database-url``. The tables are created and upgraded
by the Alembic migrations in :mod:`netedu.store.migrations` when a store opens.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Index, String, Text, create_engine, event, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from netedu.store import migrations
from netedu.store.events import AnswerEvent, latest_per_learner, stamp
from netedu.store.protocol import RoundsInState

__all__ = ["SqlStore"]

log = logging.getLogger("netedu")
T = TypeVar("T")


class Base(DeclarativeBase):
    """The tables' metadata (the migrations create them; this maps them)."""


class AnswerRow(Base):
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


class StateRow(Base):
    __tablename__ = "learner_state"
    learner: Mapped[str] = mapped_column(String(128), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[str] = mapped_column(String(40))


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


def retrying(write: Callable[[], T], *, attempts: int = 5, pause: float = 0.05) -> T:
    """Run ``write``; if the database is locked (another kernel is writing), wait a little
    longer each time and try again. Any other error, or the last attempt's, is raised."""
    for attempt in range(attempts):
        try:
            return write()
        except OperationalError as err:
            if attempt == attempts - 1 or "locked" not in str(err).lower():
                raise
            time.sleep(pause * 2**attempt)
    raise AssertionError("unreachable")  # pragma: no cover


class SqlStore(RoundsInState):
    """Answers and learner state for every learner, in one SQL database (see the module)."""

    def __init__(self, url: str):
        self.url = url
        if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        self.engine = create_engine(url, pool_pre_ping=True)
        if self.engine.dialect.name == "sqlite":
            _sqlite_setup(self.engine)
        migrations.upgrade(self.engine)

    def __repr__(self) -> str:
        return f"SqlStore({self.engine.url.render_as_string(hide_password=True)!r})"

    def _session(self, *, write: bool = False) -> Session:
        return Session(self.engine.execution_options(netedu_write=True) if write else self.engine)

    # --- answers ---------------------------------------------------------------------------

    def record(self, event: AnswerEvent) -> None:
        """Keep one answer; raises if it could not be stored (the widget says so)."""

        def write() -> None:
            row = AnswerRow(
                **{name: getattr(event, name) for name in _SAME},
                response=json.dumps(event.response),
                answered_at=event.timestamp,
            )
            with self._session(write=True) as session, session.begin():
                session.add(row)

        retrying(write)

    def answers(self, learner: str) -> list[AnswerEvent]:
        """Every answer of ``learner``, oldest first."""
        with self._session() as session:
            rows = session.scalars(select(AnswerRow).where(AnswerRow.learner == learner).order_by(AnswerRow.id))
            return [row.to_event() for row in rows]

    def latest(self, learner: str, question_ids: Iterable[str]) -> dict[str, AnswerEvent]:
        """The latest answer of ``learner`` to each of ``question_ids`` they have answered."""
        wanted = set(question_ids)
        return {e.question_id: e for e in self.answers(learner) if e.question_id in wanted}

    # --- the room (for the educator's view) -------------------------------------------------

    def room_answers(self, question_id: str, since: str) -> list[AnswerEvent]:
        """Each learner's latest answer to ``question_id`` given after ``since`` (ISO, UTC)."""
        with self._session() as session:
            rows = session.scalars(
                select(AnswerRow).where(AnswerRow.question_id == question_id, AnswerRow.answered_at > since).order_by(AnswerRow.id)
            )
            return latest_per_learner(row.to_event() for row in rows)

    # --- learner state ---------------------------------------------------------------------

    def get_state(self, learner: str, key: str, default: Any = None) -> Any:
        with self._session() as session:
            row = session.get(StateRow, (learner, key))
            return json.loads(row.value) if row else default

    def set_state(self, learner: str, key: str, value: Any) -> None:
        def write() -> None:
            with self._session(write=True) as session, session.begin():
                session.merge(StateRow(learner=learner, key=key, value=json.dumps(value), updated_at=stamp()))

        retrying(write)

    def close(self) -> None:
        self.engine.dispose()

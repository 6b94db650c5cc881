"""SqlStore: every answer event and a little learner state, kept with SQLAlchemy.

SQLite by default (one file in the user's data folder, WAL journal, writes in
``BEGIN IMMEDIATE`` transactions with a busy timeout, so 60 learners' kernels can write at
once); any SQLAlchemy URL (e.g. PostgreSQL, for several servers) through
``NETEDU_DATABASE_URL`` or ``netedu serve --database-url``. ``postgresql://`` URLs use psycopg 3
(``pip install 'netedu[postgres]'``). The tables are created and upgraded by the Alembic
migrations in :mod:`netedu.store.migrations` when a store opens.

Every write is one statement in a transaction of its own, tried again only when the failure
certainly left nothing behind (see :func:`may_retry`). Each answer carries its idempotency key
(``event_id``, unique in the table): an answer sent again, by a retry or after an unknown
outcome, is taken as already kept, so it is never kept twice.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import Index, String, Text, create_engine, event, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from sqlalchemy.sql import Executable

from netedu.store import migrations
from netedu.store.events import AnswerEvent, latest_per_learner, stamp
from netedu.store.protocol import ROOM, RoundsInState

__all__ = ["SqlStore", "WriteOutcomeUnknown", "may_retry", "safe_url"]

log = logging.getLogger("netedu")
#: How often a write that failed safely is tried, and the first pause between (doubling).
ATTEMPTS, PAUSE = 5, 0.05


def safe_url(url: str) -> str:
    """A database URL fit to print: its password hidden.

    >>> safe_url("postgresql://netedu:s3cret@db.example.org/netedu")
    'postgresql://netedu:***@db.example.org/netedu'
    >>> safe_url("not a url")
    'not a url'
    """
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # not a URL SQLAlchemy reads: nothing in it is a password field
        return url


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
    event_id: Mapped[str | None] = mapped_column(String(64))  # NULL: kept before answers had ids

    __table_args__ = (
        Index("ix_answers_learner_question", "learner", "question_id", "id"),
        Index("ix_answers_question_time", "question_id", "answered_at"),
        Index("ux_answers_event_id", "event_id", unique=True),
    )

    def to_event(self) -> AnswerEvent:
        return AnswerEvent(
            **{name: getattr(self, name) for name in _SAME},
            response=json.loads(self.response),
            timestamp=self.answered_at,
            event_id=self.event_id or "",
        )


# Fields an answer event and its row share as they are.
_SAME = ("learner", "question_id", "topic_id", "mode", "correct", "score", "max_score")


class StateRow(Base):
    __tablename__ = "learner_state"
    learner: Mapped[str] = mapped_column(String(128), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[str] = mapped_column(String(40))


def _switch_to_wal(cursor: Any) -> None:
    """Put the database in WAL mode. On a new file, kernels opening it at the same moment race to
    switch it, and SQLite answers "locked" at once, without waiting (it would deadlock): wait a
    little and try again; once one has switched it, the others find it done."""
    for attempt in range(ATTEMPTS * 2):
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as err:
            if attempt == ATTEMPTS * 2 - 1 or "locked" not in str(err).lower():
                raise
            time.sleep(PAUSE * (attempt + 1))


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # let SQLAlchemy's begin event issue BEGIN
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA busy_timeout=15000")
        _switch_to_wal(cursor)
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # A read-then-write deferred transaction fails at once with SQLITE_BUSY_SNAPSHOT,
        # whatever the timeout: writes take the lock up front and wait for it instead.
        immediate = conn.get_execution_options().get("netedu_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


#: PostgreSQL's "your transaction was rolled back because of another one, try again":
#: serialization failure and deadlock (SQLSTATE class 40).
PG_ROLLED_BACK = frozenset({"40001", "40P01"})


class WriteOutcomeUnknown(RuntimeError):
    """The connection was lost while the database committed a write: it may have been kept.

    Such a write is not tried again, since trying again could keep it twice.
    """


def may_retry(err: DBAPIError, dialect: str, *, committing: bool) -> bool:
    """Whether a failed write certainly left nothing behind, so that trying again is safe.

    SQLite: the database was locked by another writer (a local database has no lost replies).
    PostgreSQL: the server rolled the transaction back because of another one (serialization
    failure, deadlock), whenever that happens; or the connection failed (lost, refused, the
    server restarting) before COMMIT was sent, as an uncommitted transaction dies with its
    connection. A connection lost *during* COMMIT is ambiguous: never tried again.

    >>> from sqlalchemy.exc import OperationalError
    >>> locked = OperationalError("INSERT ...", {}, Exception("database is locked"))
    >>> may_retry(locked, "sqlite", committing=True), may_retry(locked, "mysql", committing=False)
    (True, False)
    """
    if dialect == "sqlite":
        return isinstance(err, OperationalError) and "locked" in str(err).lower()
    if dialect == "postgresql":
        sqlstate = getattr(err.orig, "sqlstate", None) or getattr(err.orig, "pgcode", None)  # psycopg 3, psycopg2
        return sqlstate in PG_ROLLED_BACK or (not committing and isinstance(err, OperationalError))
    return False


def _on_conflict_insert(dialect: str, table: type[Base], row: dict[str, Any]) -> Any:
    """``INSERT ... ON CONFLICT`` into ``table`` (``None`` on a database without it)."""
    dialects = {"sqlite": sqlite, "postgresql": postgresql}
    return dialects[dialect].insert(table).values(**row) if dialect in dialects else None


def _upsert(dialect: str, row: dict[str, Any]) -> Executable | None:
    """A statement that inserts a learner_state row or updates the one with the same learner and
    key (``None`` on a database without ``INSERT ... ON CONFLICT``)."""
    statement = _on_conflict_insert(dialect, StateRow, row)
    if statement is None:
        return None
    return statement.on_conflict_do_update(
        index_elements=["learner", "key"], set_={"value": statement.excluded.value, "updated_at": statement.excluded.updated_at}
    )


def _insert_once(dialect: str, row: dict[str, Any]) -> Executable | None:
    """A statement that inserts an answer unless one with the same ``event_id`` is kept already
    (``None`` on a database without ``INSERT ... ON CONFLICT``)."""
    statement = _on_conflict_insert(dialect, AnswerRow, row)
    return None if statement is None else statement.on_conflict_do_nothing(index_elements=["event_id"])


class SqlStore(RoundsInState):
    """Answers and learner state for every learner, in one SQL database (see the module)."""

    def __init__(self, url: str):
        self.url = url
        if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        parsed = make_url(url)
        if parsed.drivername == "postgresql":  # psycopg 3, whichever driver SQLAlchemy defaults to
            parsed = parsed.set(drivername="postgresql+psycopg")
        try:
            self.engine = create_engine(parsed, pool_pre_ping=True)
        except ImportError as err:
            if parsed.get_backend_name() != "postgresql":
                raise
            raise ImportError(f"PostgreSQL needs the psycopg driver: pip install 'netedu[postgres]' ({err})") from err
        if self.engine.dialect.name == "sqlite":
            _sqlite_setup(self.engine)
        migrations.upgrade(self.engine)

    def __repr__(self) -> str:
        return f"SqlStore({safe_url(self.url)!r})"

    def _session(self) -> Session:
        return Session(self.engine)

    def _write(self, work: Callable[[Connection], object]) -> None:
        """Run ``work`` (one write) in a transaction of its own, trying again while that is safe."""
        writer, dialect = self.engine.execution_options(netedu_write=True), self.engine.dialect.name
        for attempt in range(ATTEMPTS):
            committing = False
            try:
                with writer.connect() as connection:
                    work(connection)
                    committing = True
                    connection.commit()
                return
            except DBAPIError as err:
                if attempt < ATTEMPTS - 1 and may_retry(err, dialect, committing=committing):
                    log.info("netedu: write failed (%s), trying again", type(err.orig).__name__)
                    time.sleep(PAUSE * 2**attempt)
                    continue
                if committing and err.connection_invalidated:
                    raise WriteOutcomeUnknown(f"the connection to the database was lost while committing: {err}") from err
                raise

    # --- answers ---------------------------------------------------------------------------

    def check_writable(self) -> None:
        """Raise if the database cannot take a write now (a row written, then rolled back)."""
        probe = {"learner": ROOM, "key": "netedu-write-check", "value": "null", "updated_at": stamp()}
        with self.engine.execution_options(netedu_write=True).connect() as connection:
            connection.execute(insert(StateRow).values(**probe))
            connection.rollback()

    def record(self, event: AnswerEvent) -> None:
        """Keep one answer, once: an answer whose ``event_id`` is kept already is not kept again
        (a retry of a write that did reach the database). Raises if it could not be stored."""
        values = {name: getattr(event, name) for name in _SAME}
        values.update(response=json.dumps(event.response), answered_at=event.timestamp, event_id=event.event_id or None)
        once = _insert_once(self.engine.dialect.name, values)
        try:
            self._write(lambda connection: connection.execute(once if once is not None else insert(AnswerRow).values(**values)))
        except IntegrityError:  # a database without ON CONFLICT: the same answer, kept already?
            if not event.event_id or not self._kept(event.event_id):
                raise

    def _kept(self, event_id: str) -> bool:
        with self._session() as session:
            return session.scalar(select(AnswerRow.id).where(AnswerRow.event_id == event_id)) is not None

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
        """Keep a JSON value for ``learner`` under ``key``, in one upsert: kernels saving the same
        new key at once all succeed (a read-then-insert would fail all but one on PostgreSQL)."""
        row = {"learner": learner, "key": key, "value": json.dumps(value), "updated_at": stamp()}
        upsert = _upsert(self.engine.dialect.name, row)

        def write(connection: Connection) -> None:
            if upsert is not None:
                connection.execute(upsert)
                return
            # Another database: update, else insert (kernels saving the same new key may race).
            mine = (StateRow.learner == learner) & (StateRow.key == key)
            if not connection.execute(update(StateRow).where(mine).values(value=row["value"], updated_at=row["updated_at"])).rowcount:
                connection.execute(insert(StateRow).values(**row))

        self._write(write)

    def close(self) -> None:
        self.engine.dispose()

"""The store's schema is Alembic's: databases of every release open and upgrade, nothing lost,
on SQLite and on PostgreSQL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from netedu.store import migrations
from netedu.store.sql import SqlStore
from tests.support.kernels import all_here, at_once

FIXTURE = Path(__file__).parent / "fixtures" / "progress-0.1.sql"


def restore(dump: Path, target: Path) -> Path:
    with sqlite3.connect(target) as db:
        db.executescript(dump.read_text(encoding="utf-8"))
    return target


#: The answers table's columns in release 0.1 (later revisions add others).
ANSWER_COLUMNS_0_1 = "id, learner, question_id, topic_id, mode, response, correct, score, max_score, answered_at"


def rows(path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as db:
        return {
            "answers": db.execute(f"SELECT {ANSWER_COLUMNS_0_1} FROM answers ORDER BY id").fetchall(),
            "learner_state": db.execute("SELECT * FROM learner_state ORDER BY learner, key").fetchall(),
        }


def tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_head_names_the_newest_revision() -> None:
    config = Config()
    config.set_main_option("script_location", str(migrations.HERE))
    assert ScriptDirectory.from_config(config).get_current_head() == migrations.HEAD


def test_a_database_written_by_release_0_1_upgrades_without_losing_or_altering_one_answer(tmp_path: Path) -> None:
    """SQLite only: the fixture is a dump of a real 0.1 SQLite file (0.1 ran on SQLite; its
    ``sqlite3`` dump is SQLite's SQL, which PostgreSQL would not load as it stands). The same
    adoption of a database without a version table is tested on both backends below."""
    path = restore(FIXTURE, tmp_path / "progress.sqlite")
    before = rows(path)
    assert len(before["answers"]) == 256 and len(before["learner_state"]) == 5
    store = SqlStore(f"sqlite:///{path}")
    try:
        with store.engine.connect() as connection:
            assert migrations.current_revision(connection) == migrations.HEAD
        assert rows(path) == before
        learner = before["answers"][0][1]
        answers = store.answers(learner)
        assert len(answers) == sum(1 for row in before["answers"] if row[1] == learner)
        assert {type(a.response) for a in answers} == {list, str, dict}  # every response shape reads back
        assert store.get_state(learner, "last_topic") == "what-are-nets"
        assert {a.event_id for a in answers} == {""}  # kept before answers had ids
    finally:
        store.close()


def test_an_old_database_without_the_newer_index_gets_it(tmp_path: Path) -> None:
    """SQLite only, as it starts from the release-0.1 SQLite dump (see above)."""
    path = restore(FIXTURE, tmp_path / "old.sqlite")
    with sqlite3.connect(path) as db:
        db.execute("DROP INDEX ix_answers_question_time")
    SqlStore(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as db:
        names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"ix_answers_question_time", "ix_answers_learner_question"} <= names


def test_a_database_made_before_alembic_is_adopted_keeping_its_rows(sql_url: str) -> None:
    """Release 0.1 created its tables itself, with no version table (and no index by question)."""
    engine = create_engine(sql_url)
    try:
        migrations.upgrade(engine)
        with engine.begin() as connection:
            connection.execute(text("DROP TABLE alembic_version"))
            connection.execute(text("DROP INDEX ix_answers_question_time"))
            connection.execute(
                text(
                    "INSERT INTO answers (learner, question_id, topic_id, mode, response, correct, score, max_score, answered_at)"
                    " VALUES ('ada', 'q1', 't', 'tutor', '[\"a\"]', true, 1.0, 1.0, '2026-01-01T00:00:00.000+00:00')"
                )
            )
    finally:
        engine.dispose()
    store = SqlStore(sql_url)
    try:
        with store.engine.connect() as connection:
            assert migrations.current_revision(connection) == migrations.HEAD
            indexes = {index["name"] for index in inspect(connection).get_indexes("answers")}
        assert "ix_answers_question_time" in indexes
        assert [(e.question_id, e.response) for e in store.answers("ada")] == [("q1", ["a"])]
    finally:
        store.close()


def test_upgrade_downgrade_upgrade_round_trips(sql_url: str) -> None:
    engine = create_engine(sql_url)
    try:
        migrations.upgrade(engine)
        assert {"answers", "learner_state", "alembic_version"} <= tables(sql_url)
        migrations.downgrade(engine, "base")
        assert tables(sql_url) - {"alembic_version"} == set()
        migrations.upgrade(engine)
        assert {"answers", "learner_state"} <= tables(sql_url)
    finally:
        engine.dispose()
    store = SqlStore(sql_url)
    try:
        assert store.answers("anyone") == []
    finally:
        store.close()


def _open(url: str) -> str:
    """One kernel: wait for every other, then open the store at the same moment."""
    all_here()
    store = SqlStore(url)
    store.close()
    return "ok"


def _version_rows(url: str) -> list[tuple]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT version_num FROM alembic_version")).all()
    finally:
        engine.dispose()


def test_many_kernels_opening_a_new_database_at_once_migrate_it_once(sql_url: str) -> None:
    assert at_once(_open, [sql_url] * 8) == ["ok"] * 8
    assert _version_rows(sql_url) == [(migrations.HEAD,)]
    assert {"answers", "learner_state"} <= tables(sql_url)


def test_a_store_at_the_newest_revision_opens_without_migrating(sql_url: str, monkeypatch) -> None:
    SqlStore(sql_url).close()
    import alembic.command

    monkeypatch.setattr(alembic.command, "upgrade", lambda *a, **k: pytest.fail("migrated a database already at the newest revision"))
    SqlStore(sql_url).close()


def test_revision_0002_gives_answers_a_unique_event_id_and_keeps_the_old_ones(sql_url: str) -> None:
    engine = create_engine(sql_url)
    try:
        migrations.upgrade(engine, "0001")
        with engine.begin() as connection:
            for n in range(2):  # two answers of before: no event_id, which the unique index allows
                connection.execute(
                    text(
                        "INSERT INTO answers (learner, question_id, topic_id, mode, response, correct, score, max_score, answered_at)"
                        f" VALUES ('ada', 'q{n}', 't', 'tutor', '[\"a\"]', true, 1.0, 1.0, '2026-01-01T00:00:00.000+00:00')"
                    )
                )
        migrations.upgrade(engine)
        with engine.connect() as connection:
            unique = {index["name"]: index["unique"] for index in inspect(connection).get_indexes("answers")}
    finally:
        engine.dispose()
    assert unique["ux_answers_event_id"]
    store = SqlStore(sql_url)
    try:
        assert [(e.question_id, e.event_id) for e in store.answers("ada")] == [("q0", ""), ("q1", "")]
    finally:
        store.close()

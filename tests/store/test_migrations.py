"""The store's schema is Alembic's: databases of every release open and upgrade, nothing lost."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect

from netedu.store import migrations
from netedu.store.sql import SqlStore

FIXTURE = Path(__file__).parent / "fixtures" / "progress-0.1.sql"


def restore(dump: Path, target: Path) -> Path:
    with sqlite3.connect(target) as db:
        db.executescript(dump.read_text(encoding="utf-8"))
    return target


def rows(path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as db:
        return {
            "answers": db.execute("SELECT * FROM answers ORDER BY id").fetchall(),
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
    finally:
        store.close()


def test_an_old_database_without_the_newer_index_gets_it(tmp_path: Path) -> None:
    path = restore(FIXTURE, tmp_path / "old.sqlite")
    with sqlite3.connect(path) as db:
        db.execute("DROP INDEX ix_answers_question_time")
    SqlStore(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as db:
        names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"ix_answers_question_time", "ix_answers_learner_question"} <= names


def test_upgrade_downgrade_upgrade_round_trips(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'round.sqlite'}"
    engine = create_engine(url)
    try:
        migrations.upgrade(engine)
        assert {"answers", "learner_state", "alembic_version"} <= tables(url)
        migrations.downgrade(engine, "base")
        assert tables(url) - {"alembic_version"} == set()
        migrations.upgrade(engine)
        assert {"answers", "learner_state"} <= tables(url)
    finally:
        engine.dispose()
    store = SqlStore(url)
    try:
        assert store.answers("anyone") == []
    finally:
        store.close()


def _open(url: str) -> str:
    store = SqlStore(url)
    store.close()
    return "ok"


def test_many_kernels_opening_a_new_database_at_once_migrate_it_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.sqlite'}"
    with multiprocessing.get_context("spawn").Pool(8) as pool:
        assert pool.map(_open, [url] * 8) == ["ok"] * 8
    with sqlite3.connect(tmp_path / "fresh.sqlite") as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [(migrations.HEAD,)]


def test_a_store_at_the_newest_revision_opens_without_migrating(tmp_path: Path, monkeypatch) -> None:
    url = f"sqlite:///{tmp_path / 'p.sqlite'}"
    SqlStore(url).close()
    import alembic.command

    monkeypatch.setattr(alembic.command, "upgrade", lambda *a, **k: pytest.fail("migrated a database already at the newest revision"))
    SqlStore(url).close()

"""The progress store's schema, as Alembic migrations, run when a store opens.

A store at the newest revision opens without importing Alembic (kernels stay light); any
other is upgraded inside one locked transaction, so many kernels opening the same database at
once migrate it once. A database written before netedu used Alembic (no version table) is
adopted by the baseline revision, which creates only what is missing.

New revision: ``alembic -c netedu/store/migrations/alembic.ini revision -m "what changes"``,
then set :data:`HEAD` to its id (a test checks the two agree).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

__all__ = ["HEAD", "current_revision", "upgrade"]

HERE = Path(__file__).resolve().parent
#: The newest revision in versions/.
HEAD = "0002"
VERSION_TABLE = "alembic_version"


def current_revision(connection: Connection) -> str | None:
    """The database's revision (``None``: never migrated)."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def _config(connection: Connection):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(HERE))
    config.attributes["connection"] = connection
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database to ``revision`` (default: the newest)."""
    with engine.connect() as connection:
        if revision == "head" and current_revision(connection) == HEAD:
            return
    from alembic import command

    with engine.execution_options(netedu_write=True).begin() as connection:
        if engine.dialect.name == "postgresql":  # one migrator at a time across servers
            connection.execute(text("SELECT pg_advisory_xact_lock(7260331)"))
        command.upgrade(_config(connection), revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Take the database back to ``revision`` (``"base"``: no tables). Data in dropped tables is lost."""
    from alembic import command

    with engine.execution_options(netedu_write=True).begin() as connection:
        command.downgrade(_config(connection), revision)

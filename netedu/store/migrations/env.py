"""Alembic's environment for netedu: migrations run on the connection the store hands over."""

from __future__ import annotations

from alembic import context

from netedu.store.sql import Base

connection = context.config.attributes.get("connection")
if connection is None:  # the alembic command line (e.g. 'alembic revision'): use the configured URL
    from sqlalchemy import create_engine

    engine = create_engine(context.config.get_main_option("sqlalchemy.url") or "sqlite:///:memory:")
    connection = engine.connect()

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()

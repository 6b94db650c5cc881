"""Answers get an idempotency key: ``event_id``, unique, made when the learner submits.

A retry of an answer that did reach the database (its reply lost to a crash or a dropped
connection) sends the same key and is taken as kept, so an answer is never kept twice. Answers
kept before this revision have none (NULL, which a unique index allows many times).

Revision ID: 0002
Revises: 0001
Created: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Only what is missing, as the baseline does: a database without a version table that was
    # in fact written by this revision is adopted without error.
    inspector = sa.inspect(op.get_bind())
    if "event_id" not in {column["name"] for column in inspector.get_columns("answers")}:
        op.add_column("answers", sa.Column("event_id", sa.String(64), nullable=True))
    if "ux_answers_event_id" not in {index["name"] for index in inspector.get_indexes("answers")}:
        op.create_index("ux_answers_event_id", "answers", ["event_id"], unique=True)


def downgrade() -> None:
    op.drop_index("ux_answers_event_id", table_name="answers")
    with op.batch_alter_table("answers") as batch:
        batch.drop_column("event_id")

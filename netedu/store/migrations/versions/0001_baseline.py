"""Baseline: the answers and learner_state tables of netedu 0.1.

A database written before netedu used Alembic already has them (perhaps without the newer
index on answers by question and time): only what is missing is created, and no row changes.

Revision ID: 0001
Revises:
Created: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

INDEXES = {
    "ix_answers_learner_question": ["learner", "question_id", "id"],
    "ix_answers_question_time": ["question_id", "answered_at"],
}


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    if not inspector.has_table("answers"):
        op.create_table(
            "answers",
            sa.Column("id", sa.Integer(), primary_key=True),
            sa.Column("learner", sa.String(128), nullable=False),
            sa.Column("question_id", sa.String(80), nullable=False),
            sa.Column("topic_id", sa.String(80), nullable=True),
            sa.Column("mode", sa.String(16), nullable=False),
            sa.Column("response", sa.Text(), nullable=False),
            sa.Column("correct", sa.Boolean(), nullable=False),
            sa.Column("score", sa.Float(), nullable=False),
            sa.Column("max_score", sa.Float(), nullable=False),
            sa.Column("answered_at", sa.String(40), nullable=False),
        )
    existing = {index["name"] for index in sa.inspect(op.get_bind()).get_indexes("answers")}
    for name, columns in INDEXES.items():
        if name not in existing:
            op.create_index(name, "answers", columns)
    if not inspector.has_table("learner_state"):
        op.create_table(
            "learner_state",
            sa.Column("learner", sa.String(128), primary_key=True),
            sa.Column("key", sa.String(64), primary_key=True),
            sa.Column("value", sa.Text(), nullable=False),
            sa.Column("updated_at", sa.String(40), nullable=False),
        )


def downgrade() -> None:
    op.drop_table("learner_state")
    for name in INDEXES:
        op.drop_index(name, table_name="answers")
    op.drop_table("answers")

"""What a store failure says: the URL without its password, the reason without SQL or paths."""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import OperationalError

from netedu.store.failures import describe
from netedu.store.sql import safe_url


def test_a_url_is_shown_without_its_password() -> None:
    shown = safe_url("postgresql+psycopg://teacher:hunter2-secret@db.example.org:5432/netedu")
    assert "hunter2" not in shown and shown == "postgresql+psycopg://teacher:***@db.example.org:5432/netedu"


def test_a_database_error_is_told_without_its_statement_or_values() -> None:
    err = OperationalError(
        "INSERT INTO answers (learner, response) VALUES (?, ?)", ("anon-1", '["a"]'), sqlite3.OperationalError("disk I/O error")
    )
    assert describe(err) == "OperationalError: disk I/O error"


def test_a_file_error_is_told_without_the_file_name() -> None:
    err = PermissionError(13, "Permission denied", "/home/teacher/secret-folder/progress.sqlite")
    assert describe(err) == "PermissionError: Permission denied"

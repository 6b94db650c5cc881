"""How a store failure is told: to the person running the server, and (never with SQL, paths or
a traceback) in a learner's kernel log."""

from __future__ import annotations

__all__ = ["StoreUnavailable", "describe"]


class StoreUnavailable(RuntimeError):
    """The progress store cannot be opened (or is not there at all): nothing would be saved."""


def describe(err: BaseException) -> str:
    """One line saying what failed: the error's kind and the database's own words, without the
    SQL statement, its parameters or a traceback.

    >>> from sqlalchemy.exc import OperationalError
    >>> import sqlite3
    >>> describe(OperationalError("INSERT INTO answers ...", {"learner": "ada"}, sqlite3.OperationalError("attempt to write a readonly database")))
    'OperationalError: attempt to write a readonly database'
    >>> describe(OSError(28, "No space left on device"))
    'OSError: No space left on device'
    """
    reason = getattr(err, "orig", None) or err  # SQLAlchemy wraps the driver's error
    if isinstance(reason, OSError) and reason.strerror:
        text = reason.strerror  # without the file name
    else:
        text = str(reason).strip().splitlines()[0] if str(reason).strip() else ""
    name = type(reason).__name__
    return f"{name}: {text}" if text else name

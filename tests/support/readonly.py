"""Make a SQLite database refuse writes for a while, even to connections that are already open.

``chmod`` is not enough: SQLite checks permissions when it opens the files, a server's pooled
connections keep them open, and root ignores them anyway. The immutable attribute
(``chattr +i``) makes every write fail at once, through open files too ("disk I/O error"),
until it is taken off. The ``-shm`` file stays writable (SQLite maps it into memory; writing to
an immutable mapping would kill the process). Needs root and a file system with attributes
(ext4, xfs, btrfs, tmpfs): elsewhere the tests that use it skip, saying so.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

__all__ = ["writes_fail"]


def _chattr(flag: str, paths: list[Path]) -> subprocess.CompletedProcess:
    return subprocess.run(["chattr", flag, *map(str, paths)], capture_output=True, text=True)


@contextlib.contextmanager
def writes_fail(database: Path) -> Iterator[None]:
    """Inside the block, nothing can be written to ``database`` (nor a file created beside it)."""
    if os.geteuid() != 0 or shutil.which("chattr") is None:
        pytest.skip("making a database refuse writes to open connections needs root and chattr (see tests/support/readonly.py)")
    paths = [p for p in (database, database.with_name(database.name + "-wal")) if p.exists()] + [database.parent]
    done = _chattr("+i", paths)
    if done.returncode != 0:
        _chattr("-i", paths)
        pytest.skip(f"this file system cannot make files immutable: {done.stderr.strip()}")
    try:
        yield
    finally:
        _chattr("-i", paths)

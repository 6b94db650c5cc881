"""The throwaway PostgreSQL server the store tests run on, or why not: without PostgreSQL they
skip saying how to install it, and under CI they fail, so CI can never pass by skipping them."""

from __future__ import annotations

import os
import pwd
import re
import subprocess
import sys
from pathlib import Path

from tests.support.postgres import BINDIR_ENV, MISSING, PostgresServer, require_postgresql

ONE_TEST = "tests/store/test_protocol.py::test_every_store_implements_the_whole_protocol"


def _run_without_postgresql(repo: Path, tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k != "CI"} | {BINDIR_ENV: str(tmp_path), **env}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-o", "addopts=", "-rsE", ONE_TEST],
        cwd=repo,
        env=environ,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_without_postgresql_its_tests_skip_saying_how_to_install_it(repo: Path, tmp_path: Path) -> None:
    done = _run_without_postgresql(repo, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"\b[1-9]\d* passed, 1 skipped\b", done.stdout)  # the other stores still run
    assert "SKIPPED [1]" in done.stdout and MISSING in done.stdout


def test_without_postgresql_its_tests_fail_under_ci(repo: Path, tmp_path: Path) -> None:
    done = _run_without_postgresql(repo, tmp_path, CI="1")
    assert done.returncode == 1, done.stdout + done.stderr
    assert re.search(r"\b[1-9]\d* passed, 1 error\b", done.stdout)
    assert MISSING in done.stdout and "CI is set, so the PostgreSQL tests must run" in done.stdout


def test_the_server_runs_unprivileged_and_is_stopped_and_deleted_at_the_end() -> None:
    from sqlalchemy import create_engine, text

    with PostgresServer.running(require_postgresql()) as server:
        engine = create_engine(server.create_database("scratch"))
        try:
            with engine.connect() as connection:
                assert connection.execute(text("SELECT 1")).scalar() == 1
        finally:
            engine.dispose()
        owner = (server.data / "postmaster.pid").stat().st_uid
        assert owner != 0 and (os.geteuid() != 0 or pwd.getpwuid(owner).pw_name == "postgres")
        root = server.root
    assert not root.exists()  # data, socket and log are gone with the server

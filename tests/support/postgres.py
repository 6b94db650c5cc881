"""A throwaway PostgreSQL server for the store tests: Debian's binaries, a temporary data folder,
a Unix socket in it (no TCP port to collide on), stopped and deleted at the end.
``$NETEDU_PG_BINDIR`` points at another PostgreSQL's programs.

PostgreSQL refuses to run as root, so when the tests run as root (CI does) the server runs as
the ``postgres`` user (``runuser -u postgres --``) in a folder that user owns.
"""

from __future__ import annotations

import glob
import os
import pwd
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["BINDIR_ENV", "MISSING", "PostgresServer", "find_bindir", "require_postgresql"]

#: Why the PostgreSQL tests cannot run here, and what to do about it.
MISSING = "PostgreSQL is not installed: apt-get install postgresql"
#: Another PostgreSQL's programs (a folder holding ``initdb`` and ``pg_ctl``), e.g. Homebrew's.
BINDIR_ENV = "NETEDU_PG_BINDIR"
#: The superuser the server is initialised with, whoever runs it.
SUPERUSER = "netedu"


def _has_programs(bindir: Path) -> bool:
    return all((bindir / program).is_file() and os.access(bindir / program, os.X_OK) for program in ("initdb", "pg_ctl"))


def find_bindir() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl``: ``$NETEDU_PG_BINDIR`` (which must hold
    them), else on the PATH, else Debian's newest (``/usr/lib/postgresql/*/bin``)."""
    if env := os.environ.get(BINDIR_ENV):
        return Path(env) if _has_programs(Path(env)) else None
    on_path = shutil.which("pg_ctl")
    if on_path and shutil.which("initdb"):
        return Path(on_path).resolve().parent

    def version(bindir: str) -> tuple[int, ...]:
        return tuple(int(part) for part in Path(bindir).parent.name.split(".") if part.isdigit())

    for bindir in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version, reverse=True):
        if _has_programs(Path(bindir)):
            return Path(bindir)
    return None


def require_postgresql() -> Path:
    """PostgreSQL's programs folder; else skip the test, saying how to install it, or fail it
    under CI (``$CI`` set, as ``.ci/run`` does), where a skip would pass unnoticed."""
    import pytest

    bindir = find_bindir()
    reason = None
    if bindir is None:
        env = os.environ.get(BINDIR_ENV)
        reason = f"{MISSING} (${BINDIR_ENV}={env} holds no initdb and pg_ctl)" if env else MISSING
    else:
        try:
            import psycopg  # noqa: F401
        except ImportError:
            reason = "psycopg is not installed: pip install -e '.[test]'"
    if reason is None:
        return bindir
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so the PostgreSQL tests must run)", pytrace=False)
    pytest.skip(reason)


def _run_as() -> str | None:
    """The unprivileged user the server runs as when we are root (``None``: ourselves)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    raise RuntimeError("PostgreSQL cannot run as root and there is no 'postgres' user to run it as")


class PostgresServer:
    """One PostgreSQL server in ``root`` (data in ``root/data``, socket in ``root``)."""

    def __init__(self, bindir: Path, root: Path):
        self.bindir = bindir
        self.root = root
        self.data = root / "data"
        self.log = root / "server.log"
        self.user = _run_as()

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bindir / program), *args]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, cwd=self.root)
        if done.returncode != 0:
            log = self.log.read_text(errors="replace")[-3000:] if self.log.exists() else ""
            raise RuntimeError(f"{program} failed ({done.returncode}):\n{done.stdout}{done.stderr}{log}")

    def start(self) -> PostgresServer:
        if self.user:
            shutil.chown(self.root, user=self.user)
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C")
        settings = {
            "listen_addresses": "",  # the Unix socket in root only: no TCP port to find or collide on
            "unix_socket_directories": str(self.root),
            "max_connections": "200",  # 40 writers, each its own store, and room to spare
            "fsync": "off",  # throwaway data: no durability to pay for
            "synchronous_commit": "off",
            "full_page_writes": "off",
        }
        options = " ".join(f"-c {name}={shlex.quote(value)}" for name, value in settings.items())
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "-t", "60", "start")
        return self

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def url(self, database: str = "postgres") -> str:
        """The SQLAlchemy URL of ``database`` on this server (psycopg 3, over the socket)."""
        return f"postgresql+psycopg://{SUPERUSER}@/{database}?host={self.root}"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(host=str(self.root), user=SUPERUSER, dbname="postgres", autocommit=True) as connection:
            connection.execute(sql)

    def create_database(self, name: str) -> str:
        """A new, empty database; returns its URL."""
        self._admin(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    @classmethod
    @contextmanager
    def running(cls, bindir: Path) -> Iterator[PostgresServer]:
        """A started server, stopped and deleted on exit."""
        root = Path(tempfile.mkdtemp(prefix="netedu-pg-"))
        server = cls(bindir, root)
        try:
            yield server.start()
        finally:
            try:
                server.stop()
            finally:
                shutil.rmtree(root, ignore_errors=True)

"""Start ``netedu serve`` (or plain ``voila``) on a free loopback port, and stop it cleanly."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A server subprocess; ``url`` is its address once :meth:`start` returns."""

    def __init__(
        self, args: list[str], *, port: int | None = None, env: dict[str, str] | None = None, log: Path | None = None, ready_path: str = ""
    ):
        self.port = port or free_port()
        self.ready_path = ready_path  # what answers once the server is up
        self.args = [a.format(port=self.port) for a in args]
        self.env = {**os.environ, **(env or {})}
        self.log_path = log
        self.proc: subprocess.Popen | None = None
        self.url = f"http://127.0.0.1:{self.port}/"

    @classmethod
    def netedu(cls, root: Path, options: tuple[str, ...] = (), **kwargs) -> Server:
        """``netedu serve`` for the course at ``root``, with ``options`` (e.g. ``("--no-store",)``)."""
        return cls([sys.executable, "-m", "netedu", "--root", str(root), "serve", "--port", "{port}", *options], **kwargs)

    def start(self, timeout: float = 90, ready_path: str | None = None) -> Server:
        ready_path = self.ready_path if ready_path is None else ready_path
        out = open(self.log_path, "w") if self.log_path else subprocess.DEVNULL
        self.proc = subprocess.Popen(self.args, stdout=out, stderr=subprocess.STDOUT, env=self.env, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}: {' '.join(self.args)} (log: {self.log_path})")
            try:
                with urllib.request.urlopen(self.url + ready_path, timeout=5) as response:
                    if response.status in (200, 500):
                        return self
            except urllib.error.HTTPError as err:
                if err.code == 500:
                    return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.25)
        self.stop()
        raise TimeoutError(f"server did not answer within {timeout} s: {' '.join(self.args)}")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)  # Voila shuts its kernels down on SIGTERM
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

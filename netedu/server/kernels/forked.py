"""The server's side of forked kernels: starting the template, asking it for kernels, and a
Popen-like handle on each forked kernel, so that jupyter_client manages it as any other."""

from __future__ import annotations

import asyncio
import atexit
import ctypes
import json
import logging
import multiprocessing
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

__all__ = ["ForkedKernel", "TemplateSupervisor", "TemplateUnavailable", "fork_support"]

log = logging.getLogger("netedu")
_PR_SET_CHILD_SUBREAPER = 36


class TemplateUnavailable(RuntimeError):
    """The template cannot fork a kernel now (the caller starts an ordinary kernel instead)."""


def fork_support() -> str | None:
    """Why this platform cannot fork kernels from a template, or ``None`` if it can."""
    if not hasattr(os, "fork") or sys.platform == "win32":
        return "this platform has no fork()"
    if sys.platform == "darwin":
        return "macOS does not support forking a process that has loaded system frameworks"
    if multiprocessing.get_start_method(allow_none=True) not in (None, "fork", "forkserver"):
        return f"Python's multiprocessing start method here is {multiprocessing.get_start_method()!r}"
    return None


def _request(path: str, message: dict, timeout: float = 30.0) -> dict:
    """Send one request to the template and read its reply (blocking; fast on a local socket)."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(timeout)
        sock.connect(path)
        sock.sendall(json.dumps(message).encode() + b"\n")
        data = b""
        while not data.endswith(b"\n"):
            chunk = sock.recv(1 << 16)
            if not chunk:
                break
            data += chunk
    if not data:
        raise ConnectionError("the kernel template closed the connection")
    return json.loads(data)


class ForkedKernel:
    """A forked kernel, as jupyter_client expects a ``subprocess.Popen``: ``pid``, ``poll()``,
    ``wait()``, ``send_signal()``, ``terminate()`` and ``kill()``.

    The kernel is the template's child, not ours: whether it still runs is told by its process
    (same pid *and* same start time, so a reused pid is not mistaken for it), and its exit code
    by the template, which reaps it.
    """

    stdin = stdout = stderr = None

    def __init__(self, pid: int, supervisor: TemplateSupervisor):
        self.pid, self.supervisor = pid, supervisor
        self.returncode: int | None = None
        try:
            self._started = psutil.Process(pid).create_time()
        except psutil.NoSuchProcess:
            self._started = None

    def _running(self) -> bool:
        if self._started is None:
            return False
        try:
            process = psutil.Process(self.pid)
            return process.create_time() == self._started and process.status() != psutil.STATUS_ZOMBIE
        except psutil.NoSuchProcess:
            return False

    def poll(self) -> int | None:
        if self.returncode is not None:
            return self.returncode
        if self._running():
            return None
        self.returncode = self._exit_code()
        return self.returncode

    def _exit_code(self) -> int:
        try:  # after a template crash the kernel is ours (we are its subreaper): collect it
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid == self.pid:
                return os.waitstatus_to_exitcode(status)
        except ChildProcessError:
            pass
        code = self.supervisor.exit_code(self.pid)
        return code if code is not None else 1

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while (code := self.poll()) is None:
            if deadline is not None and time.monotonic() > deadline:
                raise TimeoutError(f"kernel {self.pid} did not end within {timeout} s")
            time.sleep(0.05)
        return code

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, signum)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)


class TemplateSupervisor:
    """Starts the template once (on first use), forks kernels from it, restarts it if it dies.

    One per course and kernel arguments in a server process: :meth:`for_course`."""

    _instances: dict[tuple[str, tuple[str, ...]], TemplateSupervisor] = {}

    def __init__(self, root: Path, kernel_argv: list[str], *, probe: bool = True, start_timeout: float = 180.0):
        self.root, self.kernel_argv, self.probe, self.start_timeout = root, kernel_argv, probe, start_timeout
        self.folder = Path(tempfile.mkdtemp(prefix="netedu-template-"))
        self.socket_path = str(self.folder / "template.sock")
        self.process: subprocess.Popen | None = None
        self._starting: asyncio.Task | None = None
        self._became_subreaper = False

    @classmethod
    def for_course(cls, root: Path, kernel_argv: list[str]) -> TemplateSupervisor:
        """The supervisor of the template for this course and these kernel arguments."""
        key = (str(Path(root).resolve()), tuple(kernel_argv))
        if key not in cls._instances:
            cls._instances[key] = cls(root, kernel_argv)
        return cls._instances[key]

    def _adopt_orphans(self) -> None:
        """Kernels whose template dies are handed to this server (not to init), so they keep
        running, and they still end with the server."""
        if self._became_subreaper or not sys.platform.startswith("linux"):
            return
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
            self._became_subreaper = True
        except (OSError, AttributeError):
            log.debug("netedu: could not become the kernels' subreaper", exc_info=True)

    @property
    def running(self) -> bool:
        """Whether the template process is alive (it is reaped here when it has ended)."""
        return self.process is not None and self.process.poll() is None

    async def _start(self) -> None:
        self._adopt_orphans()
        self.folder.mkdir(mode=0o700, exist_ok=True)
        atexit.register(self.stop)
        read, write = os.pipe()
        argv = [sys.executable, "-m", "netedu.server.kernels.template", "--socket", self.socket_path, "--root", str(self.root)]
        argv += ["--ready-fd", str(write)] + ([] if self.probe else ["--no-probe"]) + ["--", *self.kernel_argv]
        started = time.perf_counter()
        env = {**os.environ, "PYDEVD_DISABLE_FILE_VALIDATION": "1"}  # debugpy's import-time notice, once per template
        self.process = subprocess.Popen(argv, pass_fds=(write,), start_new_session=True, env=env)
        os.close(write)
        loop = asyncio.get_running_loop()
        try:
            line = await asyncio.wait_for(loop.run_in_executor(None, _read_line, read), self.start_timeout)
        finally:
            os.close(read)
        if not line.startswith("ready"):
            self.stop()
            raise TemplateUnavailable("the kernel template exited while warming up (its log is above)")
        log.info("netedu: the kernel template is ready (pid %d, %.1f s)", self.process.pid, time.perf_counter() - started)

    async def ensure_running(self) -> None:
        if self.running and os.path.exists(self.socket_path):
            return
        if self._starting is None or self._starting.done():
            if self.process is not None:
                log.warning("netedu: the kernel template has gone (exit %s); starting a new one", self.process.returncode)
            self._starting = asyncio.ensure_future(self._start())
        try:
            await asyncio.shield(self._starting)
        except TemplateUnavailable:
            raise
        except Exception as err:
            raise TemplateUnavailable(f"the kernel template could not start: {err}") from err

    async def fork(self, argv: list[str], env: dict[str, str], cwd: str | None) -> ForkedKernel:
        """A new kernel forked from the template (starting the template first if need be)."""
        await self.ensure_running()
        loop = asyncio.get_running_loop()
        request = {"op": "fork", "argv": argv, "env": env, "cwd": cwd}
        try:
            reply = await loop.run_in_executor(None, _request, self.socket_path, request)
        except OSError as first:
            if self.running:  # alive but not answering: do not wait on it
                raise TemplateUnavailable(f"the kernel template did not answer: {first}") from first
            await self.ensure_running()  # it had died: a new one, then once more
            try:
                reply = await loop.run_in_executor(None, _request, self.socket_path, request)
            except OSError as err:
                raise TemplateUnavailable(f"the kernel template did not answer: {err}") from err
        if "pid" not in reply:
            raise TemplateUnavailable(reply.get("error", "the kernel template refused to fork"))
        return ForkedKernel(int(reply["pid"]), self)

    def ping(self) -> dict:
        """The template's pid, how many kernels it runs and how often it has warmed up."""
        return _request(self.socket_path, {"op": "ping"}, timeout=5)

    def exit_code(self, pid: int) -> int | None:
        if not self.running:
            return None
        try:
            return _request(self.socket_path, {"op": "exit_code", "pid": pid}, timeout=5).get("exit_code")
        except OSError:
            return None

    def stop(self) -> None:
        """End the template (its kernels are shut down by their managers, not here)."""
        if self.running:
            self.process.terminate()
        shutil.rmtree(self.folder, ignore_errors=True)

    @classmethod
    def stop_all(cls) -> None:
        for supervisor in cls._instances.values():
            supervisor.stop()


def _read_line(fd: int) -> str:
    data = b""
    while not data.endswith(b"\n"):
        chunk = os.read(fd, 256)
        if not chunk:
            break
        data += chunk
    return data.decode(errors="replace")

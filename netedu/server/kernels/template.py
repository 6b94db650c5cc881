"""The kernel template: one warm process that forks a learner kernel on request.

Run by the server (``python -m netedu.server.kernels.template --socket PATH --ready-fd N``), it
warms up (:mod:`netedu.server.kernels.warm`), writes one line to the ready pipe, then answers
requests on a Unix socket, one JSON line each way:

* ``{"op": "fork", "argv": [...], "env": {...}, "cwd": "..."}`` → ``{"pid": N}``: a learner
  kernel, forked from this process, becomes an ordinary ipykernel with ``argv`` (what comes
  after ``-m ipykernel_launcher``), in its own session, with exactly ``env`` as its environment;
* ``{"op": "exit_code", "pid": N}`` → ``{"exit_code": int | null}`` (null: still running, or
  not one of ours);
* ``{"op": "ping"}`` → ``{"pid": N, "kernels": n, "warmups": n}`` (a reload counts as a warm-up).

Before each fork it checks the course's files; when one has changed it reloads the course (and
warms up again) first, so a kernel never starts with an old version. It reaps its kernels and
keeps their exit codes; it exits when the server that started it has gone.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import selectors
import signal
import socket
import sys
import threading
from pathlib import Path

__all__ = ["Template", "main"]

log = logging.getLogger("netedu")
MAX_REQUEST = 1 << 20
_KEEP_EXIT_CODES = 4096


class Template:
    """The template's state and its request loop (see the module docstring)."""

    def __init__(self, root: Path, kernel_argv: list[str], *, probe: bool = True):
        self.root, self.kernel_argv, self.probe = root, kernel_argv, probe
        self.children: set[int] = set()
        self.exit_codes: dict[int, int] = {}
        self.parent = os.getppid()
        self.stamp: tuple = ()
        self.warmups = 0

    def warm(self) -> None:
        from netedu.server.kernels.warm import warm_up

        warmth = warm_up(self.root, self.kernel_argv, probe=self.probe)
        self.stamp = warmth.stamp
        self.warmups += 1
        log.info(
            "netedu: kernel template %d is warm (%.1f s, %d modules from the probe kernel)", os.getpid(), warmth.seconds, warmth.modules
        )

    def _reload_if_changed(self) -> None:
        from netedu.content.loader import content_stamp

        if content_stamp(self.root) != self.stamp:
            log.info("netedu: the course changed on disk; the kernel template reloads it before the next kernel")
            self.warm()

    # --- children ----------------------------------------------------------------------------

    def reap(self) -> None:
        """Collect every kernel of ours that has ended, keeping its exit code."""
        for pid in list(self.children):
            try:
                done, status = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                done, status = pid, 0  # not ours to wait for any more
            if done == 0:
                continue
            self.children.discard(pid)
            self.exit_codes[pid] = os.waitstatus_to_exitcode(status)
            while len(self.exit_codes) > _KEEP_EXIT_CODES:
                self.exit_codes.pop(next(iter(self.exit_codes)))

    def fork(self, argv: list[str], env: dict[str, str], cwd: str | None) -> int:
        self._reload_if_changed()
        if threading.active_count() > 1:  # a fork would take a lock held by another thread with it
            raise RuntimeError("the kernel template has threads; it cannot fork safely")
        pid = os.fork()
        if pid == 0:
            _become_kernel(argv, env, cwd)  # never returns
        self.children.add(pid)
        return pid

    # --- requests ----------------------------------------------------------------------------

    def answer(self, request: dict) -> dict:
        op = request.get("op")
        if op == "fork":
            argv, env, cwd = request.get("argv"), request.get("env"), request.get("cwd")
            if not isinstance(argv, list) or not all(isinstance(a, str) for a in argv) or not isinstance(env, dict):
                return {"error": "a fork needs argv (a list of strings) and env (a mapping)"}
            return {"pid": self.fork(argv, {str(k): str(v) for k, v in env.items()}, cwd if isinstance(cwd, str) else None)}
        if op == "exit_code":
            self.reap()
            pid = request.get("pid")
            return {"exit_code": self.exit_codes.get(pid) if pid not in self.children else None}
        if op == "ping":
            return {"pid": os.getpid(), "kernels": len(self.children), "warmups": self.warmups}
        return {"error": f"unknown request {op!r}"}

    def serve(self, listener: socket.socket) -> None:
        """Answer requests until the server that started this template has gone."""
        wake_read, wake_write = socket.socketpair()
        wake_read.setblocking(False)
        wake_write.setblocking(False)
        signal.set_wakeup_fd(wake_write.fileno())
        signal.signal(signal.SIGCHLD, lambda *_: None)  # wakes the loop, which reaps
        selector = selectors.DefaultSelector()
        selector.register(listener, selectors.EVENT_READ)
        selector.register(wake_read, selectors.EVENT_READ)
        self._inherited = [listener, wake_read, wake_write, selector]
        while True:
            for key, _ in selector.select(timeout=1.0):
                if key.fileobj is wake_read:
                    try:
                        wake_read.recv(4096)
                    except BlockingIOError:
                        pass
                else:
                    self._handle(listener)
            self.reap()
            if os.getppid() != self.parent:  # the server has gone: so do we
                log.info("netedu: the server has gone; the kernel template stops")
                return

    def _handle(self, listener: socket.socket) -> None:
        connection, _ = listener.accept()
        self._inherited.append(connection)
        with connection:
            connection.settimeout(30)
            data = b""
            try:
                while not data.endswith(b"\n") and len(data) < MAX_REQUEST:
                    chunk = connection.recv(1 << 16)
                    if not chunk:
                        break
                    data += chunk
                reply = self.answer(json.loads(data))
            except Exception as err:  # a bad request, or a fork that failed: say so, keep serving
                log.exception("netedu: the kernel template could not answer a request")
                reply = {"error": f"{type(err).__name__}: {err}"}
            try:
                connection.sendall(json.dumps(reply).encode() + b"\n")
            except OSError:
                pass
        self._inherited.remove(connection)

    def close_inherited(self) -> None:
        """In a forked kernel: close the template's sockets and undo its signal set-up."""
        for resource in getattr(self, "_inherited", ()):
            resource.close()
        signal.set_wakeup_fd(-1)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)


_TEMPLATE: Template | None = None


def _register_with_kernel() -> None:
    """What libraries do when first imported inside a kernel, which they were not: they were
    imported by the template, before there was one. ipywidgets registers its comm targets."""
    import ipywidgets

    ipywidgets.register_comm_target()


def _log_as_a_kernel() -> None:
    """A forked kernel's records go to the server's log as the template's did, but under its own
    label: with the template's handler a learner kernel's warning read "[netedu template] No
    such comm: ...", as if the template had said it."""
    handler = logging.StreamHandler(sys.__stderr__)
    handler.setFormatter(logging.Formatter("[netedu kernel %(process)d] %(message)s"))
    logging.root.handlers[:] = [handler]


def _become_kernel(argv: list[str], env: dict[str, str], cwd: str | None) -> None:
    """In the forked child: become the learner's kernel (this function never returns)."""
    code = 1
    try:
        if _TEMPLATE is not None:
            _TEMPLATE.close_inherited()
        _log_as_a_kernel()
        # Its own process group, so an interrupt reaches only it; but the template's session,
        # which has no terminal. Linux shares the CPU between sessions first (autogroups) when
        # it is busy: with every learner kernel in the one session the room's kernels together
        # weigh as much as the server does, and the server, which carries every message, keeps
        # a core when a hundred kernels are busy (in sessions of their own it got 1/101).
        os.setpgid(0, 0)
        os.environ.clear()
        os.environ.update(env)
        if cwd:
            os.chdir(cwd)
        # The server, not this template, is the kernel's parent for ipykernel's watch: the kernel
        # ends with the server, and outlives a template that crashed (the server adopts it).
        server = _TEMPLATE.parent if _TEMPLATE is not None else os.getppid()
        argv = [*argv, f"--IPKernelApp.parent_handle={server}"]
        import asyncio

        from netedu.server.kernels.warm import without_debugger, without_module_scan

        asyncio.set_event_loop_policy(None)  # a fresh policy: no event loop from the template
        without_debugger()
        sys.argv = [sys.argv[0], *argv]
        from ipykernel.kernelapp import IPKernelApp

        app = IPKernelApp.instance()
        with without_module_scan():
            app.initialize(argv)
        _register_with_kernel()
        app.start()
        code = 0
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 0
    except BaseException:
        logging.getLogger("netedu").exception("netedu: a forked learner kernel failed")
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="netedu's kernel template (started by netedu serve)")
    parser.add_argument("--socket", required=True, help="the Unix socket to answer on")
    parser.add_argument("--root", required=True, help="the course checkout")
    parser.add_argument("--ready-fd", type=int, help="a pipe to write one line to once warm")
    parser.add_argument("--no-probe", action="store_true", help="skip the probe kernel (tests)")
    parser.add_argument("kernel_argv", nargs="*", help="arguments every kernel gets (after --)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="[netedu template] %(message)s")
    global _TEMPLATE
    template = _TEMPLATE = Template(Path(args.root), args.kernel_argv, probe=not args.no_probe)
    template.warm()
    if os.path.exists(args.socket):
        os.unlink(args.socket)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(args.socket)
    os.chmod(args.socket, 0o600)
    listener.listen(128)
    if args.ready_fd is not None:
        os.write(args.ready_fd, f"ready {os.getpid()}\n".encode())
        os.close(args.ready_fd)
    try:
        template.serve(listener)
    finally:
        listener.close()
        if os.path.exists(args.socket):
            os.unlink(args.socket)
    return 0


if __name__ == "__main__":
    sys.exit(main())

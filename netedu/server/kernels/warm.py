"""What a kernel template prepares once, so that every learner kernel forked from it shares it.

A learner kernel's costs are imports (about two CPU-seconds), the validated course, and the
building of each topic's views. The template pays them once: it imports what a kernel imports
when it starts and shows the course (found by a probe kernel, so the list follows the
libraries' versions), loads and validates the content, reads every notebook into the player's
page cache, and builds every view once so that rendered Markdown and classes' lazy state are
ready. Then it freezes the garbage collector, so that forked kernels keep sharing these pages.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import json
import logging
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from netedu.content.loader import content_stamp

__all__ = ["Warmth", "kernel_modules", "warm_up", "without_debugger", "without_module_scan"]

log = logging.getLogger("netedu")

#: Modules every learner kernel imports at once; the probe finds the lazy rest.
BASE_MODULES = (
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "ipywidgets",
    "anywidget",
    "netedu.api",
    "netedu.player",
    "netedu.widgets.calls",
    "netedu.store.remote",
    "plotly.graph_objects",
)

#: What the probe kernel runs: start as a learner kernel does, then show every view.
_PROBE = """
from netedu.content import load_content
from netedu.player import PlayerWidget, Route
from netedu.store.memory import MemoryStore
content = load_content({root!r})
player = PlayerWidget(content, learner="netedu-probe", store=MemoryStore())
for topic in content.topics:
    player.go(Route("topic", topic))
player.go(Route("start"))
player.go(Route("progress"))
"""


@dataclass(frozen=True)
class Warmth:
    """What a warm-up did: how long it took, how many modules it imported, the content's stamp."""

    seconds: float
    modules: int
    stamp: tuple
    content_ok: bool


def without_debugger() -> None:
    """Learner kernels never run the debugger (Voila pages cannot open it): skip debugpy, which
    would cost every kernel a megabyte and the template its import."""
    import ipykernel.debugger

    ipykernel.debugger._is_debugpy_available = False


class _ModulesHidden:
    """``sys`` as ipykernel's kernel module sees it while a kernel is built: every attribute
    but an empty ``modules``."""

    modules: dict = {}

    def __getattr__(self, name: str):
        return getattr(sys, name)


@contextlib.contextmanager
def without_module_scan() -> Iterator[None]:
    """While a forked kernel initializes, ipykernel lists the file of every imported module, for
    the debugger learner kernels never run (:func:`without_debugger`). In a fork that walk
    touches each of the template's two thousand module objects, and the system copies every
    page they sit on: 3 MB of each learner's unique memory, for nothing. ipykernel's module
    reads ``sys.modules`` nowhere else, and the real ``sys`` is back when the block ends."""
    import ipykernel.ipkernel

    ipykernel.ipkernel.sys = _ModulesHidden()  # type: ignore[assignment]
    try:
        yield
    finally:
        ipykernel.ipkernel.sys = sys


def _parse_once(kernel_argv: list[str]) -> None:
    """Parse a kernel's command line once, in a throw-away application: the regular expressions
    and parser pieces that leaves behind are shared by every kernel forked afterwards."""
    from ipykernel.kernelapp import IPKernelApp

    IPKernelApp().parse_command_line(["-f", os.path.join(tempfile.gettempdir(), "netedu-unused.json"), *kernel_argv])


def kernel_modules(root: Path, kernel_argv: list[str]) -> list[str]:
    """The modules a learner kernel imports beyond what this process has: a probe kernel is
    forked, initialized as a learner's would be, shown every view, and reports them."""
    before = set(sys.modules)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the probe
        code = 1
        try:
            os.close(read)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            from ipykernel.kernelapp import IPKernelApp
            from jupyter_client.connect import write_connection_file

            folder = tempfile.mkdtemp(prefix="netedu-probe-")
            connection = os.path.join(folder, "kernel.json")
            write_connection_file(connection, transport="ipc", ip=os.path.join(folder, "ipc"))
            app = IPKernelApp.instance()
            app.initialize(["-f", connection, *kernel_argv])
            app.shell.run_cell(_PROBE.format(root=str(root)), store_history=False)
            os.write(write, json.dumps(sorted(set(sys.modules) - before)).encode())
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    data = b""
    while chunk := os.read(read, 1 << 16):
        data += chunk
    os.close(read)
    _, status = os.waitpid(pid, 0)
    if not data or os.waitstatus_to_exitcode(status) != 0:
        log.warning("netedu: the probe kernel failed; the template imports only the base modules")
        return []
    return json.loads(data)


@contextlib.contextmanager
def _dummy_comms() -> Iterator[None]:
    """Widgets built while warming up talk to no kernel: use the comm package's dummy comms,
    then leave no widget, comm or comm manager behind for the forked kernels."""
    import comm
    import ipykernel.ipkernel
    import ipywidgets

    patched = comm.create_comm, comm.get_comm_manager
    comm.create_comm, comm.get_comm_manager = comm._create_comm, comm._get_comm_manager
    try:
        yield
    finally:
        from netedu.widgets.shared import forget_shared

        ipywidgets.Widget.close_all()
        forget_shared()
        comm.create_comm, comm.get_comm_manager = patched
        comm._comm_manager = None
        ipykernel.ipkernel._comm_manager = None


def _build_every_view(root: Path) -> bool:
    """Build the player and every topic's views once (rendering every text they show)."""
    from netedu.content import ContentError, load_content
    from netedu.player import PlayerWidget, Route
    from netedu.store.memory import MemoryStore

    try:
        content = load_content(root)
    except ContentError as err:
        log.error("netedu: the template could not load the course (learners will see the problems):\n%s", err)
        return False
    with _dummy_comms():
        player = PlayerWidget(content, learner="netedu-template", store=MemoryStore())
        for topic in content.topics:
            player.go(Route("topic", topic))
        player.go(Route("start"))
        del player
    return True


def _drop_event_loops() -> None:
    """No event loop may outlive the warm-up (an exam's timer makes one): forked kernels would
    share its epoll instance, and each other's sockets with it."""
    import asyncio

    with contextlib.suppress(RuntimeError):
        loop = asyncio.get_event_loop_policy().get_event_loop()
        loop.close()
    asyncio.set_event_loop(None)


def warm_up(root: Path, kernel_argv: list[str], *, probe: bool = True) -> Warmth:
    """Prepare this process to be forked into learner kernels (see the module docstring)."""
    started = time.perf_counter()
    for name in BASE_MODULES:
        importlib.import_module(name)
    extra = kernel_modules(root, kernel_argv) if probe else []
    for name in extra:
        try:
            importlib.import_module(name)
        except Exception:  # a module that only imports inside a running kernel: the kernel imports it itself
            log.debug("netedu: the template could not import %s", name, exc_info=True)
    ok = _build_every_view(root)
    _parse_once(kernel_argv)
    _drop_event_loops()
    gc.collect()
    gc.freeze()  # forked kernels' collections leave these objects (and their pages) alone
    return Warmth(time.perf_counter() - started, len(extra), content_stamp(root), ok)

"""CellFirstKernelManager: each kernel's manager in ``netedu serve``; a kernel that is running a
cell is interrupted and its cell ends before the kernel is asked to shut down.

jupyter_client shuts a kernel down by interrupting it and, at once, sending it a shutdown
request. ipykernel (7) handles that request on its control thread: it stops the shell-channel
thread, which closes the socket the main thread sends its replies on, while the main thread is
still ending the interrupted cell. The cell's ``execute_reply`` then fails with ``ZMQError:
Socket operation on non-socket`` and the kernel logs the traceback at ERROR level. Every kernel
of the warm pool is in the middle of a cell (it waits there for its learner), and a page closed
while its notebook runs leaves one too: here such a kernel is interrupted first, and asked to
shut down once its cell has ended (the kernel says ``idle``), or after ``cell_end_timeout``.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Callable
from typing import Any

import zmq
from jupyter_server.services.kernels.kernelmanager import ServerKernelManager
from traitlets import Float

__all__ = ["CellFirstKernelManager"]

log = logging.getLogger("netedu")
SUBSCRIBE_TIMEOUT_S = 1.0
POLL_S = 0.02


class CellFirstKernelManager(ServerKernelManager):
    """jupyter_server's kernel manager, but a busy kernel finishes its cell before shutting down."""

    cell_end_timeout = Float(
        5.0,
        config=True,
        help="Seconds a kernel that is running a cell gets, once interrupted, to end the cell before it is asked to shut down.",
    )
    _listener: zmq.Socket | None = None

    async def _async_post_start_kernel(self, **kw: Any) -> None:
        await super()._async_post_start_kernel(**kw)
        self._listener = self._listen()

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        if self._listener is not None:
            self._listener.close(linger=0)
            self._listener = None
        await super()._async_cleanup_resources(restart=restart)

    async def shutdown_kernel(self, now: bool = False, restart: bool = False) -> None:
        """Shut the kernel down as jupyter_server does, once a cell it is running has ended."""
        if not now and self.has_kernel and self.execution_state == "busy" and self._listener is not None:
            await self.end_running_cell(self._listener)
        await super().shutdown_kernel(now=now, restart=restart)

    async def end_running_cell(self, listener: zmq.Socket) -> bool:
        """Interrupt the kernel and wait until it is idle again (its cell ended and replied);
        ``False`` if it did not say so within ``cell_end_timeout``."""
        # Everything the kernel says from now on reaches the listener once the kernel has
        # greeted this new subscription (iopub_welcome; other kernels: after the timeout).
        listener.setsockopt(zmq.SUBSCRIBE, b"")
        listener.setsockopt(zmq.SUBSCRIBE, f"netedu-{uuid.uuid4().hex}".encode())
        await self._next_message(listener, SUBSCRIBE_TIMEOUT_S, lambda kind, _content: kind == "iopub_welcome")
        await self._async_interrupt_kernel()
        idle = await self._next_message(
            listener, self.cell_end_timeout, lambda kind, content: kind == "status" and content.get("execution_state") == "idle"
        )
        if not idle:
            log.info("netedu: kernel %s did not end its cell within %.0f s; it is shut down anyway", self.kernel_id, self.cell_end_timeout)
            return False
        self.execution_state = "idle"
        return True

    def _listen(self) -> zmq.Socket:
        """A socket on the kernel's iopub channel, connected while the kernel starts: Voila removes
        the kernels' connection files (ipc sockets) before it shuts them down when it stops, so
        none can be connected then. It subscribes to nothing until a shutdown needs it (the
        kernel sends it nothing meanwhile), and it is polled, not awaited: a shutdown also runs
        while the server stops, on whichever loop runs it then."""
        socket = zmq.Context.instance().socket(zmq.SUB)
        socket.linger = 0
        socket.connect(self._make_url("iopub"))
        return socket

    async def _next_message(self, socket: zmq.Socket, timeout: float, wanted: Callable[[str, dict], bool]) -> bool:
        """Whether a message ``wanted(msg_type, content)`` arrives within ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not socket.poll(0):
                await asyncio.sleep(POLL_S)
                continue
            try:
                _idents, frames = self.session.feed_identities(socket.recv_multipart())
                message = self.session.deserialize(frames)
            except Exception:  # not a message of this session: not the one awaited
                continue
            if wanted(message["header"]["msg_type"], message["content"]):
                return True
        return False

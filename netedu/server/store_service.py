"""StoreService: the server keeps the one progress store and answers its kernels' calls on a
local Unix socket (the client is :class:`netedu.store.remote.RemoteStore`).

Calls run in a small thread pool, so a slow database never stalls the server's event loop;
each kernel's connection is kept open. The socket lives in a folder only this user can read.
"""

from __future__ import annotations

import asyncio
import json
import logging
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from tornado.iostream import IOStream, StreamClosedError
from tornado.netutil import bind_unix_socket
from tornado.tcpserver import TCPServer

from netedu.store.failures import describe
from netedu.store.protocol import Store
from netedu.store.remote import METHODS, decode, encode

__all__ = ["StoreService"]

log = logging.getLogger("netedu")
MAX_LINE = 8 << 20


class StoreService(TCPServer):
    """Serves ``store`` to this server's kernels (see the module docstring)."""

    def __init__(self, store: Store, *, workers: int = 4):
        super().__init__(max_buffer_size=MAX_LINE)
        self.store = store
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="netedu-store")
        self._streams: set[IOStream] = set()
        self.folder = Path(tempfile.mkdtemp(prefix="netedu-store-"))  # mkdtemp: mode 0700
        self.path = str(self.folder / "store.sock")
        # Bound now, so kernels that start before the loop runs queue on it; served from the loop.
        self._socket = bind_unix_socket(self.path, mode=0o600)

    def start_serving(self) -> None:
        """Answer calls (run this in the server's event loop)."""
        self.add_socket(self._socket)

    def _call(self, method: str, args: list[Any]) -> Any:
        if method not in METHODS:
            raise ValueError(f"unknown store method {method!r}")
        return getattr(self.store, method)(*decode(args))

    async def handle_stream(self, stream: IOStream, address: Any) -> None:
        loop = asyncio.get_running_loop()
        self._streams.add(stream)
        stream.set_close_callback(lambda: self._streams.discard(stream))
        while True:
            try:
                line = await stream.read_until(b"\n", max_bytes=MAX_LINE)
            except StreamClosedError:
                return
            request = None
            try:
                request = json.loads(line)
                result = await loop.run_in_executor(self.pool, self._call, request["method"], request.get("args", []))
                reply = {"result": encode(result)}
            except Exception as err:  # the kernel's widget says the answer was not saved
                self._log_failure(request, err)
                reply = {"error": f"the progress store failed: {type(err).__name__}"}
            try:
                await stream.write(json.dumps(reply).encode() + b"\n")
            except StreamClosedError:
                return

    @staticmethod
    def _log_failure(request: Any, err: Exception) -> None:
        """One line saying what failed, without the SQL, its values or a file path (the
        traceback at debug level); a failure that is not the database's is a bug: traceback."""
        method = request.get("method") if isinstance(request, dict) else None
        if isinstance(err, OSError) or type(err).__module__.startswith(("sqlalchemy", "netedu.store")):
            log.error("netedu: the progress store could not %s: %s", method or "answer", describe(err))
            log.debug("netedu: the store's failure in full", exc_info=err)
        else:
            log.exception("netedu: the progress store failed to answer a kernel (%s)", method)

    def close(self) -> None:
        self.stop()
        for stream in list(self._streams):  # kernels see the end of the stream and reconnect
            stream.close()
        self.pool.shutdown(wait=False)
        shutil.rmtree(self.folder, ignore_errors=True)  # the socket, and the kernels' lock file

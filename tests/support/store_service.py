"""A StoreService answering on its socket from a thread of its own, as ``netedu serve`` runs one."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Iterator

from netedu.server.store_service import StoreService
from netedu.store.protocol import Store


@contextlib.contextmanager
def serving(store: Store) -> Iterator[StoreService]:
    """``store`` served on a Unix socket until the block ends (the service is then closed)."""
    service = StoreService(store)
    ready = threading.Event()
    loop = asyncio.new_event_loop()

    def run() -> None:
        asyncio.set_event_loop(loop)
        service.start_serving()
        loop.call_soon(ready.set)
        loop.run_forever()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    ready.wait(10)
    try:
        yield service
    finally:
        loop.call_soon_threadsafe(service.close)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)

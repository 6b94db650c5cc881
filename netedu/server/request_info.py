"""In a preheated Voila kernel: wait for the learner's request and take its information.

Voila preheats kernels before any learner arrives; when one does, the server keeps the
request's information (URL query, headers) for the kernel to fetch over a websocket. This is
what ``voila.utils.wait_for_request`` does, without the some 20 MB of imports it would add to
every kernel; and where Voila's helper gives up quietly if it cannot connect in time (a busy
machine), this tries again rather than serve the learner as "anonymous".
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import threading

from netedu.settings import KERNEL_SECRET_ENV

__all__ = ["wait_for_request"]

log = logging.getLogger("netedu")


def wait_for_request(attempts: int = 4) -> str:
    """The learner's URL query; in a preheated kernel, first wait for the learner's request and
    put its information into this kernel's environment (as Voila does for a fresh kernel)."""
    if os.environ.get("VOILA_PREHEAT") != "True":
        return os.environ.get("QUERY_STRING", "")
    for attempt in range(attempts):
        try:
            info = _fetch(connect_timeout=10.0)
        except Exception:
            log.warning("netedu: fetching the request information failed (attempt %d)", attempt + 1, exc_info=True)
            continue
        os.environ.update({str(k): str(v) for k, v in info.items()})
        break
    else:
        log.error("netedu: no request information reached this kernel; the learner is unknown")
    return os.environ.get("QUERY_STRING", "")


def _url() -> str:
    env = os.environ
    base = env.get("VOILA_WS_BASE_URL", env.get("VOILA_SERVER_URL", "/"))
    return (
        f"{env.get('VOILA_WS_PROTOCOL', 'ws')}://{env.get('VOILA_APP_IP', '127.0.0.1')}:"
        f"{env.get('VOILA_APP_PORT', '8866')}{base}voila/query/{env['VOILA_KERNEL_ID']}"
    )


def _fetch(connect_timeout: float) -> dict:
    from tornado.websocket import websocket_connect

    url = _url()
    outcome: dict = {}

    async def fetch() -> str:
        from tornado.httpclient import HTTPRequest

        from netedu.server.identity import KERNEL_SECRET_HEADER

        # Only this kernel may read its learner's request: it proves itself with its secret.
        secret = {KERNEL_SECRET_HEADER: os.environ.get(KERNEL_SECRET_ENV, "")}
        connection = await websocket_connect(HTTPRequest(url, headers=secret, connect_timeout=connect_timeout))
        try:
            return await connection.read_message()  # arrives when a learner's request does
        finally:
            connection.close()

    def run() -> None:  # the kernel's own loop is busy running this cell: use another one
        loop = asyncio.new_event_loop()
        try:
            outcome["message"] = loop.run_until_complete(fetch())
        except Exception as err:
            outcome["error"] = err
        finally:
            loop.close()

    thread = threading.Thread(target=run, name="netedu-request-info", daemon=True)  # never holds up a kernel that shuts down
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    if not outcome.get("message"):
        raise ConnectionError("the server closed the request-information socket")
    return json.loads(outcome["message"])

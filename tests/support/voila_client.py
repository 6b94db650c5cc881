"""A client that opens a course page and speaks to its kernel as the page's widget manager does,
without a browser: the HTTP page (and its cookies), the kernel's websocket in the binary
``v1.kernel.websocket.jupyter.org`` framing Voila 0.5's page asks for, and widget messages
(comm_info_request, request_state, state updates, custom messages). The workshop benchmark and
the reliability and security tests use it."""

from __future__ import annotations

import asyncio
import json
import re
import time
import uuid
from http.cookies import SimpleCookie
from typing import Any

from jupyter_server.services.kernels.connection.base import deserialize_msg_from_ws_v1, serialize_msg_to_ws_v1
from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import websocket_connect

__all__ = ["PROTOCOL", "TIMEOUT", "Kernel", "Learner", "answer_first_question", "first"]

TIMEOUT = 600.0
#: The websocket framing @jupyterlab/services 7 (Voila 0.5's page) asks for: the server passes
#: the kernel's frames through without decoding them.
PROTOCOL = "v1.kernel.websocket.jupyter.org"


class Kernel:
    """One page's kernel websocket, spoken to like a page's widget manager: one reader task
    hands each reply to the request it answers."""

    def __init__(self, ws, session: str):
        self.ws, self.session = ws, session
        self.models: dict[str, dict] = {}  # comm id -> state
        self.heard: dict[str, list[dict]] = {}  # msg id -> every message the kernel sent in reply to it
        self.received: list[dict] = []  # every message, in order
        # msg id -> (replies so far, future, whether a *_reply must arrive besides the idle status)
        self._waiting: dict[str, tuple[list[dict], asyncio.Future, bool]] = {}
        self._reader = asyncio.ensure_future(self._read())

    @classmethod
    async def connect(cls, base: str, kernel_id: str, cookie: str) -> Kernel:
        session = uuid.uuid4().hex
        url = base.replace("http", "ws", 1) + f"api/kernels/{kernel_id}/channels?session_id={session}"
        ws = await websocket_connect(HTTPRequest(url, headers={"Cookie": cookie}), max_message_size=64 * 2**20, subprotocols=[PROTOCOL])
        if ws.selected_subprotocol != PROTOCOL:
            raise RuntimeError(f"the server did not accept the {PROTOCOL} websocket protocol")
        return cls(ws, session)

    def _msg(self, msg_type: str, content: dict, channel: str = "shell", metadata: dict | None = None) -> tuple[str, bytes]:
        msg_id = uuid.uuid4().hex
        header = {"msg_id": msg_id, "msg_type": msg_type, "session": self.session, "username": "bench", "date": "", "version": "5.3"}
        parts = [json.dumps(part).encode() for part in (header, {}, metadata or {}, content)]
        return msg_id, serialize_msg_to_ws_v1(parts, channel)

    @staticmethod
    def _decode(raw: bytes) -> dict:
        channel, parts = deserialize_msg_from_ws_v1(raw)
        header, parent, metadata, content = (json.loads(part) for part in parts[:4])
        return {
            "channel": channel,
            "header": header,
            "msg_type": header["msg_type"],
            "parent_header": parent,
            "metadata": metadata,
            "content": content,
        }

    async def _read(self) -> None:
        while True:
            raw = await self.ws.read_message()
            if raw is None:
                for _, done, _ in self._waiting.values():
                    if not done.done():
                        done.set_exception(ConnectionError("the kernel's websocket closed"))
                return
            msg = self._decode(raw)
            self._track(msg)
            self.received.append(msg)
            parent = msg.get("parent_header", {}).get("msg_id")
            self.heard.setdefault(parent, []).append(msg)
            if parent in self._waiting:
                replies, done, needs_reply = self._waiting[parent]
                replies.append(msg)
                # The shell reply and the idle status travel on different channels, so either
                # may arrive first: the request is done once both have.
                idle = any(r["msg_type"] == "status" and r["content"].get("execution_state") == "idle" for r in replies)
                replied = not needs_reply or any(r["msg_type"].endswith("_reply") for r in replies)
                if idle and replied and not done.done():
                    done.set_result(replies)

    async def request(self, msg_type: str, content: dict, *, timeout: float = TIMEOUT) -> list[dict]:
        """Send one message; collect what comes back until the kernel is idle after it."""
        msg_id, frame = self._msg(msg_type, content)
        done = asyncio.get_running_loop().create_future()
        self._waiting[msg_id] = ([], done, msg_type.endswith("_request"))
        await self.ws.write_message(frame, binary=True)
        try:
            return await asyncio.wait_for(done, timeout)
        finally:
            del self._waiting[msg_id]

    async def send(self, msg_type: str, content: dict, *, channel: str = "shell", metadata: dict | None = None) -> str:
        """Send one message without waiting for anything; its id keys :attr:`heard`."""
        msg_id, frame = self._msg(msg_type, content, channel, metadata)
        await self.ws.write_message(frame, binary=True)
        return msg_id

    async def alive(self, timeout: float = 30.0) -> bool:
        """Whether the kernel still answers (a kernel_info_request)."""
        try:
            replies = await self.request("kernel_info_request", {}, timeout=timeout)
        except (asyncio.TimeoutError, ConnectionError):
            return False
        return any(r["msg_type"] == "kernel_info_reply" for r in replies)

    def _track(self, msg: dict) -> None:
        content = msg.get("content", {})
        if msg.get("msg_type") == "comm_open":
            self.models[content["comm_id"]] = dict(content.get("data", {}).get("state", {}))
        elif msg.get("msg_type") == "comm_msg" and content.get("data", {}).get("method") == "update":
            self.models.setdefault(content["comm_id"], {}).update(content["data"].get("state", {}))

    async def load_widgets(self) -> None:
        """What a page does on load: ask which widgets exist, then each one's state."""
        replies = await self.request("comm_info_request", {"target_name": "jupyter.widget"})
        comms = next(r for r in replies if r["msg_type"] == "comm_info_reply")["content"]["comms"]
        for comm_id in comms:
            self.models.setdefault(comm_id, {})
        await asyncio.gather(*(self.comm(cid, {"method": "request_state"}) for cid in comms))

    async def comm(self, comm_id: str, data: dict) -> list[dict]:
        return await self.request("comm_msg", {"comm_id": comm_id, "data": data})

    def find(self, **wanted: Any) -> list[str]:
        return [cid for cid, state in self.models.items() if all(state.get(k) == v for k, v in wanted.items())]

    async def close(self) -> None:
        self.ws.close()
        self._reader.cancel()


class Learner:
    """One browser, without the browser: its cookies, the pages it opens and their kernels."""

    def __init__(self, base: str, cookies: dict[str, str] | None = None):
        self.base = base
        self.cookies: dict[str, str] = dict(cookies or {})
        self.http = AsyncHTTPClient(force_instance=True, defaults={"request_timeout": TIMEOUT, "connect_timeout": TIMEOUT})

    @property
    def cookie(self) -> str:
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    async def open(self, path: str) -> tuple[Kernel, str]:
        response = await self.http.fetch(self.base + path, headers={"Cookie": self.cookie}, follow_redirects=True)
        for header in response.headers.get_list("Set-Cookie"):
            for key, morsel in SimpleCookie(header).items():
                self.cookies[key] = morsel.value
        html = response.body.decode()
        kernel_id = re.search(r'"kernelId":\s*"([^"]+)"', html).group(1)
        kernel = await Kernel.connect(self.base, kernel_id, self.cookie)
        await kernel.load_widgets()
        return kernel, kernel_id

    async def leave(self, kernel: Kernel, kernel_id: str) -> None:
        """What a page does when the learner leaves: shut its kernel down."""
        await kernel.close()
        xsrf = self.cookies.get("_xsrf", "")
        await self.http.fetch(
            f"{self.base}voila/api/shutdown/{kernel_id}",
            method="POST",
            body="",
            headers={"Cookie": self.cookie, "X-XSRFToken": xsrf},
            raise_error=False,
        )


def first(items, what: str):
    for item in items:
        return item
    raise RuntimeError(f"no {what} among the page's widgets")


async def answer_first_question(kernel: Kernel) -> float:
    """Choose the first option of a choice question and submit: seconds until its marks arrive."""
    choice = first(
        (cid for cid in kernel.find(kind="choice") if kernel.models[cid].get("show_submit", True) and not kernel.models[cid].get("marks")),
        "unanswered question",
    )
    start = time.perf_counter()
    await kernel.comm(choice, {"method": "custom", "content": {"event": "submit", "answer": {"selected": ["k0"]}}})
    if not kernel.models[choice].get("marks"):
        raise RuntimeError("no feedback came back")
    return time.perf_counter() - start

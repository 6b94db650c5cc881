"""RemoteStore: the store protocol spoken over a local socket to the server that holds the database.

Under ``netedu serve`` every learner's kernel would otherwise open its own database engine:
about 6 MB of memory per kernel, and for PostgreSQL a connection (or a pool of them) per
learner. Instead the server keeps the one store (:mod:`netedu.server.store_service`) and each
kernel reaches it through a Unix socket whose path the server puts in ``NETEDU_STORE_SOCKET``.
One JSON line each way per call; the connection is kept open and reopened if it drops (a call
is sent once more on the new one: an answer too, as the store keeps an ``event_id`` only once).
A failure on the server's side arrives as :class:`RemoteStoreError`, so a widget that cannot
save an answer says so, exactly as with a local store.
"""

from __future__ import annotations

import dataclasses
import json
import select
import socket
import threading
from collections.abc import Iterable
from typing import Any

from netedu.store.events import AnswerEvent

__all__ = ["METHODS", "RemoteStore", "RemoteStoreError", "decode", "encode"]

#: The protocol's methods, as the service dispatches them.
METHODS = ("record", "answers", "latest", "room_answers", "round_start", "start_round", "get_state", "set_state")
_EVENT = "__answer_event__"


class RemoteStoreError(RuntimeError):
    """The server could not do what the store was asked (or could not be reached)."""


def encode(value: Any) -> Any:
    """Answer events (alone, in lists or as dict values) as JSON-ready data.

    >>> event = AnswerEvent(learner="ada", question_id="q", topic_id=None, mode="tutor", response=["a"],
    ...                     correct=True, score=1.0, max_score=1.0, timestamp="2026-12-07T09:30:00.000000+00:00")
    >>> decode(json.loads(json.dumps(encode({"q": event})))) == {"q": event}
    True
    """
    if isinstance(value, AnswerEvent):
        return {_EVENT: dataclasses.asdict(value)}
    if isinstance(value, list | tuple):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {k: encode(v) for k, v in value.items()}
    return value


def decode(value: Any) -> Any:
    """The inverse of :func:`encode`."""
    if isinstance(value, dict):
        if set(value) == {_EVENT}:
            return AnswerEvent(**value[_EVENT])
        return {k: decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [decode(v) for v in value]
    return value


class RemoteStore:
    """The store protocol, each call answered by the server's store (see the module)."""

    def __init__(self, path: str, timeout: float = 30.0):
        self.path, self.timeout = path, timeout
        self._sock: socket.socket | None = None
        self._buffer = b""
        self._lock = threading.Lock()  # one request at a time on the one connection

    def __repr__(self) -> str:
        return f"RemoteStore({self.path!r})"

    def _connect(self) -> socket.socket:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(self.timeout)
        sock.connect(self.path)
        self._buffer = b""
        return sock

    def _stale(self) -> bool:
        """Whether the kept connection was closed by the server (e.g. it restarted): between
        calls the server sends nothing, so anything readable now is the end of the stream."""
        try:
            readable, _, _ = select.select([self._sock], [], [], 0)
            return bool(readable) and self._sock.recv(1, socket.MSG_PEEK) == b""
        except OSError:
            return True

    def _exchange(self, line: bytes) -> dict:
        if self._sock is not None and self._stale():
            self.close()
        if self._sock is None:
            self._sock = self._connect()
        self._sock.sendall(line)
        while b"\n" not in self._buffer:
            chunk = self._sock.recv(1 << 16)
            if not chunk:
                raise ConnectionError("the server closed the store connection")
            self._buffer += chunk
        reply, self._buffer = self._buffer.split(b"\n", 1)
        return json.loads(reply)

    def call(self, method: str, *args: Any) -> Any:
        """Ask the server's store to run ``method(*args)``; its result, or :class:`RemoteStoreError`."""
        line = json.dumps({"method": method, "args": encode(list(args))}).encode() + b"\n"
        with self._lock:
            for attempt in (1, 2):  # once more on a fresh connection if the old one had dropped
                try:
                    reply = self._exchange(line)
                    break
                except (OSError, ValueError) as err:
                    self.close()
                    if attempt == 2:
                        raise RemoteStoreError(f"the progress store could not be reached ({err})") from err
        if "error" in reply:
            raise RemoteStoreError(reply["error"])
        return decode(reply.get("result"))

    # --- the store protocol ----------------------------------------------------------------

    def record(self, event: AnswerEvent) -> None:
        self.call("record", event)

    def answers(self, learner: str) -> list[AnswerEvent]:
        return self.call("answers", learner)

    def latest(self, learner: str, question_ids: Iterable[str]) -> dict[str, AnswerEvent]:
        return self.call("latest", learner, list(question_ids))

    def room_answers(self, question_id: str, since: str) -> list[AnswerEvent]:
        return self.call("room_answers", question_id, since)

    def round_start(self, question_id: str) -> str | None:
        return self.call("round_start", question_id)

    def start_round(self, question_id: str) -> str:
        return self.call("start_round", question_id)

    def get_state(self, learner: str, key: str, default: Any = None) -> Any:
        return self.call("get_state", learner, key, default)

    def set_state(self, learner: str, key: str, value: Any) -> None:
        self.call("set_state", learner, key, value)

    def close(self) -> None:
        if self._sock is not None:
            try:
                self._sock.close()
            finally:
                self._sock = None

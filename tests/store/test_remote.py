"""RemoteStore: a kernel's store, answered by the server's over a Unix socket."""

from __future__ import annotations

import json
import socket

import pytest

from netedu.store.memory import MemoryStore
from netedu.store.remote import RemoteStore, RemoteStoreError
from tests.support.answers import answer_now as answer
from tests.support.store_service import serving


class Failing(MemoryStore):
    def get_state(self, learner, key, default=None):
        raise OSError("disk full")


def test_a_failure_in_the_servers_store_reaches_the_kernel_and_the_connection_stays_usable() -> None:
    with serving(Failing()) as service:
        remote = RemoteStore(service.path)
        with pytest.raises(RemoteStoreError, match="the progress store failed: OSError"):
            remote.get_state("ada", "k")
        remote.record(answer("ada", "q1", True))
        assert [e.question_id for e in remote.answers("ada")] == ["q1"]
        remote.close()


def test_a_restarted_server_is_reached_on_a_new_connection() -> None:
    store = MemoryStore()
    with serving(store) as first:
        remote = RemoteStore(first.path)
        remote.set_state("ada", "k", 1)
        path = first.path
    with serving(store) as second:  # the server came back (on a new socket: point the client at it)
        remote.path = second.path
        assert remote.get_state("ada", "k") == 1
    assert path != second.path
    remote.close()


def test_a_server_that_cannot_be_reached_is_reported(tmp_path) -> None:
    remote = RemoteStore(str(tmp_path / "nobody.sock"), timeout=1)
    with pytest.raises(RemoteStoreError, match="could not be reached"):
        remote.get_state("ada", "k")


def test_an_answer_sent_again_on_a_new_connection_carries_the_same_event_id(tmp_path) -> None:
    """A connection that drops while an answer is on its way may have delivered it: sending it
    again is safe only because the store keeps an event_id once; it must be the same one."""
    path = str(tmp_path / "s.sock")
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(4)
    listener.settimeout(1)
    received: list[dict] = []
    import threading

    def serve_badly() -> None:  # reads each request, then hangs up without answering
        for _ in range(2):
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            data = connection.recv(1 << 16)
            received.append(json.loads(data))
            connection.close()

    thread = threading.Thread(target=serve_badly, daemon=True)
    thread.start()
    remote = RemoteStore(path, timeout=5)
    event = answer("ada", "q1", True)
    with pytest.raises(RemoteStoreError):
        remote.record(event)
    listener.close()
    thread.join(5)
    assert [r["method"] for r in received] == ["record", "record"]
    assert [r["args"][0]["__answer_event__"]["event_id"] for r in received] == [event.event_id] * 2

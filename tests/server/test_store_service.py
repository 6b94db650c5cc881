"""StoreService: the server's one progress store, answering its kernels on a private socket."""

from __future__ import annotations

import json
import os
import socket
import stat
import threading
import time

from netedu.store.memory import MemoryStore
from netedu.store.remote import RemoteStore
from tests.support.store_service import serving


def ask(path: str, request: dict) -> dict:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(5)
        sock.connect(path)
        sock.sendall(json.dumps(request).encode() + b"\n")
        data = b""
        while not data.endswith(b"\n"):
            data += sock.recv(1 << 16)
    return json.loads(data)


def test_only_this_user_can_reach_it_and_nothing_is_left_behind() -> None:
    with serving(MemoryStore()) as service:
        assert stat.S_IMODE(os.stat(service.folder).st_mode) == 0o700
        assert stat.S_IMODE(os.stat(service.path).st_mode) == 0o600
        (service.folder / "background.lock").touch()  # what kernels create there
        folder = service.folder
    time.sleep(0.2)
    assert not folder.exists()


def test_it_answers_only_the_store_protocol() -> None:
    with serving(MemoryStore()) as service:
        assert ask(service.path, {"method": "close"}) == {"error": "the progress store failed: ValueError"}
        assert ask(service.path, {"method": "get_state", "args": ["ada", "k", 7]}) == {"result": 7}
        assert "error" in ask(service.path, {"method": "get_state", "args": "not a list"})
        assert service.store.answers("ada") == []  # still serving, nothing closed


class Blocking(MemoryStore):
    """A store whose calls for one learner wait until they are let go."""

    def __init__(self):
        super().__init__()
        self.release = threading.Event()

    def get_state(self, learner, key, default=None):
        if learner == "slow":
            assert self.release.wait(10)
        return super().get_state(learner, key, default)


def test_a_slow_call_does_not_hold_up_other_kernels() -> None:
    store = Blocking()
    with serving(store) as service:
        slow = threading.Thread(target=lambda: RemoteStore(service.path).get_state("slow", "k"))
        slow.start()
        other = RemoteStore(service.path)
        other.set_state("ada", "k", 1)  # answered while the slow call still waits
        assert other.get_state("ada", "k") == 1 and slow.is_alive()
        store.release.set()
        slow.join(10)
        other.close()


def test_a_failed_write_is_one_log_line_without_sql_or_paths_and_the_kernel_gets_no_details(tmp_path, caplog) -> None:
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from tests.support.answers import answer_now

    class ReadOnly(MemoryStore):
        def record(self, event):
            raise OperationalError(
                "INSERT INTO answers (learner) VALUES (?)", ("ada",), sqlite3.OperationalError("attempt to write a readonly database")
            )

    with serving(ReadOnly()) as service, caplog.at_level("INFO", logger="netedu"):
        remote = RemoteStore(service.path, timeout=5)
        try:
            remote.record(answer_now("ada", "q1"))
        except Exception as err:
            told = str(err)
        remote.close()
    assert told == "the progress store failed: OperationalError"
    lines = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert lines == ["netedu: the progress store could not record: OperationalError: attempt to write a readonly database"]
    assert not any(r.exc_info for r in caplog.records if r.levelname == "ERROR")

"""The template's requests: malformed ones are refused with a reason, and it never forks with
threads; a forked kernel's records are labelled as its own, not the template's."""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from pathlib import Path

import pytest

from netedu.server.kernels.template import Template, _log_as_a_kernel


@pytest.fixture
def template(tmp_path: Path) -> Template:
    return Template(tmp_path, [], probe=False)


@pytest.mark.parametrize(
    "request_, words",
    [
        ({"op": "fork", "argv": "-f kernel.json", "env": {}}, "argv (a list of strings)"),
        ({"op": "fork", "argv": ["-f", "k.json"], "env": ["PATH"]}, "env (a mapping)"),
        ({"op": "explode"}, "unknown request 'explode'"),
    ],
)
def test_a_malformed_request_is_refused_with_a_reason(template: Template, request_: dict, words: str) -> None:
    assert words in template.answer(request_)["error"]


def test_it_never_forks_while_a_thread_runs(template: Template, monkeypatch) -> None:
    monkeypatch.setattr(template, "_reload_if_changed", lambda: None)
    stop = threading.Event()
    worker = threading.Thread(target=stop.wait)
    worker.start()
    try:
        with pytest.raises(RuntimeError, match="cannot fork safely"):
            template.fork(["-f", "k.json"], {}, None)
    finally:
        stop.set()
        worker.join()


def test_exit_codes_are_kept_for_ended_kernels_only(template: Template) -> None:
    pid = os.fork()
    if pid == 0:  # a stand-in kernel
        time.sleep(30)
        os._exit(0)
    template.children.add(pid)
    assert template.answer({"op": "exit_code", "pid": pid}) == {"exit_code": None}  # still running
    assert template.answer({"op": "ping"})["kernels"] == 1
    os.kill(pid, signal.SIGKILL)
    for _ in range(100):
        if template.answer({"op": "exit_code", "pid": pid})["exit_code"] is not None:
            break
        time.sleep(0.05)
    assert template.answer({"op": "exit_code", "pid": pid}) == {"exit_code": -signal.SIGKILL}
    assert template.answer({"op": "exit_code", "pid": 99999}) == {"exit_code": None}  # never ours


def test_a_forked_kernel_does_not_log_as_the_template(monkeypatch) -> None:
    template_handler = logging.StreamHandler()
    template_handler.setFormatter(logging.Formatter("[netedu template] %(message)s"))
    monkeypatch.setattr(logging.root, "handlers", [template_handler])
    _log_as_a_kernel()  # what the forked child does first
    (handler,) = logging.root.handlers
    record = logging.LogRecord("comm", logging.WARNING, __file__, 1, "No such comm: %s", ("c1",), None)
    assert handler.format(record) == f"[netedu kernel {os.getpid()}] No such comm: c1"

"""Closing pages and ending kernels leaves no traceback in the server's log: learners leave, the
culler ends idle kernels, the server stops with its warm pool waiting in their cells."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import FIRST_LOAD, serve_test_course

CULL_AFTER_S = 3
NOISE = re.compile(r"^.*(?:\b(?:ERROR|CRITICAL)\b|Traceback|ZMQError).*$", re.MULTILINE)


def _wait_for(log: Path, text: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while text not in log.read_text():
        if time.monotonic() > deadline:
            pytest.fail(f"the server never logged {text!r}:\n{log.read_text()}")
        time.sleep(0.5)


@pytest.mark.parametrize("fork", [True, False], ids=["forked", "no-fork"])
def test_leaving_culling_and_stopping_log_no_error(browser: Browser, tmp_path: Path, monkeypatch, fork: bool) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "voila.json").write_text(
        json.dumps({"MappingKernelManager": {"cull_idle_timeout": CULL_AFTER_S, "cull_interval": 1, "cull_busy": False}})
    )
    monkeypatch.setenv("JUPYTER_CONFIG_PATH", str(config))
    server = serve_test_course(tmp_path, ready_path="topics")  # the readiness probe takes no kernel
    if not fork:
        server.args.append("--no-fork")
    log = server.log_path
    with server:
        _wait_for(log, "netedu: ready for")  # the warm pool is full: its kernels wait in their cells
        page = browser.new_page()
        # A learner opens the course, then leaves it: the page shuts its kernel down.
        page.goto(server.url)
        expect(page.locator(".netedu-player")).to_be_visible(timeout=FIRST_LOAD)
        page.goto(server.url + "topics")
        _wait_for(log, "Kernel shutdown")
        # A topic page closed without a word (the browser went away): the culler ends its kernel.
        page.goto(server.url + "voila/render/01_alpha.ipynb")
        expect(page.locator(".netedu-quiz")).to_be_visible(timeout=FIRST_LOAD)
        page.close()
        _wait_for(log, "seconds of inactivity")
    # The server has stopped, shutting down the warm kernel left, in the middle of its cell.
    output = log.read_text()
    assert "Handle signal 15" in output
    assert NOISE.findall(output) == [], output

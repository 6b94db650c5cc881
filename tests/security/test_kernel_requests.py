"""Finding 5: a page cannot run code on, inspect, complete in, or open comms of its own choosing
on a learner's kernel: the server drops such messages and nothing happens in the kernel."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.support.aio import run
from tests.support.voila_client import Learner

QUIET = 3.0  # seconds to listen for anything the kernel says about a dropped message


async def _learner_kernel(app):
    kernel, _ = await Learner(app.url).open("?topic=alpha")
    return kernel


def test_execute_inspect_and_complete_requests_never_reach_the_kernel(secure_app, tmp_path: Path) -> None:
    """Finding 5: ``execute_request`` (on the shell and control channels), ``inspect_request``
    and ``complete_request`` from the websocket get no reply and no kernel activity, and the
    code in them does not run."""
    marker = tmp_path / "ran"
    code = f"open({str(marker)!r}, 'w').write('pwned')"
    requests = [
        (
            "execute_request",
            {"code": code, "silent": False, "store_history": True, "user_expressions": {"x": code}, "allow_stdin": False},
            "shell",
        ),
        ("execute_request", {"code": code, "silent": True}, "control"),
        ("inspect_request", {"code": "import os; os.environ", "cursor_pos": 20, "detail_level": 1}, "shell"),
        ("complete_request", {"code": "import os; os.env", "cursor_pos": 17}, "shell"),
        ("history_request", {"output": True, "raw": True, "hist_access_type": "tail", "n": 100}, "shell"),
        ("debug_request", {"command": "evaluate", "arguments": {"expression": code}}, "control"),
    ]

    async def scenario():
        kernel = await _learner_kernel(secure_app)
        ids = [(msg_type, await kernel.send(msg_type, content, channel=channel)) for msg_type, content, channel in requests]
        await asyncio.sleep(QUIET)
        heard = {msg_type: [m["msg_type"] for m in kernel.heard.get(msg_id, [])] for msg_type, msg_id in ids}
        alive = await kernel.alive()
        await kernel.close()
        return heard, alive

    heard, alive = run(scenario())
    assert alive
    assert heard == {msg_type: [] for msg_type, _, _ in requests}, "the kernel acted on a request a page may not send"
    assert not marker.exists(), "the code ran"


def _comm_open(target: str, comm_id: str) -> dict:
    return {"comm_id": comm_id, "target_name": target, "data": {"state": {"value": "<img src=x onerror=__xss(1)>"}}}


#: The last: a widget the page would have the kernel build (widgets are the kernel's to create).
TARGETS = ["netedu.not-a-target", "comm.test", "jupyter.widget.evil", "jupyter.widget"]


def test_a_comm_for_an_arbitrary_target_leaves_nothing_behind(secure_app) -> None:
    """Finding 5: a ``comm_open`` for a target the kernel does not have leaves no comm open in
    the kernel, and the kernel goes on answering."""

    async def scenario():
        kernel = await _learner_kernel(secure_app)
        for n, target in enumerate(TARGETS):
            await kernel.send("comm_open", _comm_open(target, f"probe-comm-{n}"))
        await asyncio.sleep(QUIET)
        replies = await kernel.request("comm_info_request", {})
        comms = next(r for r in replies if r["msg_type"] == "comm_info_reply")["content"]["comms"]
        alive = await kernel.alive()
        await kernel.close()
        return comms, alive

    comms, alive = run(scenario())
    assert alive
    assert [c for c in comms if c.startswith("probe-comm-")] == []


def test_a_comm_for_an_arbitrary_target_never_reaches_the_kernel(secure_app) -> None:
    """Finding 5: the server drops a ``comm_open`` for a target outside netedu's allowlist
    before the kernel sees it (before this was fixed the kernel received it, logged it, and closed it)."""

    async def scenario():
        kernel = await _learner_kernel(secure_app)
        ids = [await kernel.send("comm_open", _comm_open(target, f"probe-drop-{n}")) for n, target in enumerate(TARGETS)]
        await asyncio.sleep(QUIET)
        heard = [m["msg_type"] for msg_id in ids for m in kernel.heard.get(msg_id, [])]
        await kernel.close()
        return heard

    assert run(scenario()) == [], "the kernel heard a comm_open for a target outside the allowlist"

"""A kernel shut down in the middle of a cell ends the cell first: its reply goes out, and the
kernel logs no ZMQError traceback (the warm pool's kernels always wait in a cell)."""

from __future__ import annotations

import asyncio
import os
import tempfile

import pytest

from netedu.server.kernels.shutdown import CellFirstKernelManager
from tests.support.aio import run as run_async

WAITING_CELL = (
    "import threading, time\nwaiter = threading.Thread(target=time.sleep, args=(60,), daemon=True)\nwaiter.start(); waiter.join()"
)


async def _shut_down_during_a_cell(env: dict[str, str], name: str) -> tuple[dict, str]:
    folder = tempfile.mkdtemp(prefix="netedu-shutdown-test-")
    stderr = tempfile.TemporaryFile()
    manager = CellFirstKernelManager(kernel_name=name, transport="ipc", connection_file=os.path.join(folder, "kernel.json"))
    await manager.start_kernel(env=env, cwd=env["NETEDU_ROOT"], stderr=stderr)
    client = manager.client()
    client.start_channels()
    try:
        await client.wait_for_ready(timeout=120)
        msg_id = client.execute(WAITING_CELL)
        await asyncio.sleep(1)
        manager.execution_state = "busy"  # what the server's activity watcher says of it
        await manager.shutdown_kernel()
        reply = await client.get_shell_msg(timeout=10)
        assert reply["parent_header"]["msg_id"] == msg_id
    finally:
        client.stop_channels()
        if manager.has_kernel:
            await manager.shutdown_kernel(now=True)
    stderr.seek(0)
    return reply, stderr.read().decode(errors="replace")


@pytest.mark.parametrize("name", ["netedu-player", "python3"], ids=["forked", "ordinary"])
def test_a_kernel_shut_down_during_a_cell_replies_and_logs_no_traceback(kernel_env: dict[str, str], name: str) -> None:
    reply, stderr = run_async(_shut_down_during_a_cell(kernel_env, name))
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "KeyboardInterrupt"  # the reply went out: its socket was still open
    assert "Traceback" not in stderr and "ERROR" not in stderr, stderr  # (a forked kernel writes to the template's)

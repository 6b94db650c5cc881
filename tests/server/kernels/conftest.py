"""A small course served by forked kernels, and a way to start them as netedu serve does."""

from __future__ import annotations

import asyncio
import contextlib
import os
import tempfile
from pathlib import Path

import pytest
from jupyter_client.manager import AsyncKernelManager

from netedu.server.app import SHARE
from netedu.server.kernels.forked import TemplateSupervisor
from tests.conftest import synced
from tests.support.course import write_course


@pytest.fixture(scope="module")
def kernel_course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synced(write_course(tmp_path_factory.mktemp("kernels") / "course"))


@pytest.fixture
def kernel_env(kernel_course: Path, monkeypatch) -> dict[str, str]:
    """The environment netedu serve gives its kernels (the store: a database of the test run)."""
    monkeypatch.setenv("NETEDU_ROOT", str(kernel_course))
    monkeypatch.setenv("JUPYTER_PATH", str(SHARE))
    monkeypatch.delenv("NETEDU_STORE_SOCKET", raising=False)
    monkeypatch.delenv("NETEDU_FORK_KERNELS", raising=False)
    return dict(os.environ)


@contextlib.asynccontextmanager
async def kernel(env: dict[str, str], name: str = "netedu-player", **extra_env: str):
    """A started kernel and its client, shut down afterwards."""
    folder = tempfile.mkdtemp(prefix="netedu-kernel-test-")
    manager = AsyncKernelManager(kernel_name=name, transport="ipc", connection_file=os.path.join(folder, "kernel.json"))
    await manager.start_kernel(env={**env, **extra_env}, cwd=env["NETEDU_ROOT"])
    client = manager.client()
    client.start_channels()
    try:
        await client.wait_for_ready(timeout=120)
        yield manager, client
    finally:
        client.stop_channels()
        if await manager.is_alive():
            await manager.shutdown_kernel(now=True)


async def run(client, code: str, timeout: float = 60) -> tuple[str, str]:
    """Execute ``code``; its status and everything it printed."""
    out: list[str] = []

    def hook(msg: dict) -> None:
        if msg["msg_type"] == "stream":
            out.append(msg["content"]["text"])
        elif msg["msg_type"] == "error":
            out.append(msg["content"]["ename"])

    reply = await client.execute_interactive(code, timeout=timeout, output_hook=hook)
    return reply["content"]["status"], "".join(out)


def supervisor(course: Path) -> TemplateSupervisor:
    return TemplateSupervisor.for_course(course, ["--HistoryManager.enabled=False"])


__all__ = ["asyncio", "kernel", "run", "supervisor"]

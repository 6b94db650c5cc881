"""The server's kernel manager: the player's kernels are forked, the pool refills when quiet,
and an arriving learner only takes a kernel that is ready."""

from __future__ import annotations

import asyncio

import pytest
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager

from netedu.server.kernels.manager import NeteduKernelManager, is_player_kernel, ready_first


@pytest.fixture
def started(monkeypatch) -> list[str]:
    """Kernel names that reach the real start (the start itself is left out)."""
    names: list[str] = []

    async def start(self, *, kernel_name=None, **kwargs):
        names.append(kernel_name)
        return f"kernel-{len(names)}"

    monkeypatch.setattr(AsyncMappingKernelManager, "start_kernel", start)
    return names


def test_only_the_players_kernels_are_forked(started) -> None:
    manager = NeteduKernelManager(pool_size=2)

    async def main() -> None:
        await manager.start_kernel(kernel_name="python3", env={"VOILA_PREHEAT": "True"})
        await manager.start_kernel(kernel_name="python3", env={"SCRIPT_NAME": "/voila/render/course.ipynb", "VOILA_PREHEAT": "False"})
        await manager.start_kernel(kernel_name="python3", env={"SCRIPT_NAME": "/voila/render/09_staging.ipynb", "VOILA_PREHEAT": "False"})

    asyncio.run(main())
    assert started == ["netedu-player", "netedu-player", "python3"]


def test_no_fork_keeps_ordinary_kernels(started) -> None:
    manager = NeteduKernelManager(pool_size=1, fork_kernels=False)
    asyncio.run(manager.start_kernel(kernel_name="python3", env={"VOILA_PREHEAT": "True"}))
    assert started == ["python3"]


def test_the_first_fill_starts_at_once_and_a_refill_waits_for_the_gate(started) -> None:
    manager = NeteduKernelManager(pool_size=2, refill_quiet_s=30)
    waits: list[str] = []

    async def gate_wait(*_args) -> None:
        waits.append("waited")

    manager.gate.wait = gate_wait
    preheat = {"VOILA_PREHEAT": "True"}

    async def main() -> None:
        await manager.start_kernel(env=preheat)
        await manager.start_kernel(env=preheat)
        assert waits == [] and manager.gate.last_arrival is None  # the first fill
        await manager.start_kernel(env=preheat)  # a learner took one: its refill

    asyncio.run(main())
    assert waits == ["waited"] and manager.gate.last_arrival is not None and manager.refills_started == 1


def test_fixed_refill_is_voilas_own(started) -> None:
    manager = NeteduKernelManager(pool_size=1, refill="fixed")
    manager.gate.wait = lambda *a: pytest.fail("the fixed refill never waits for the gate")
    asyncio.run(manager.start_kernel(env={"VOILA_PREHEAT": "True"}))
    asyncio.run(manager.start_kernel(env={"VOILA_PREHEAT": "True"}))
    assert manager.refills_started == 1


def test_is_player_kernel() -> None:
    assert is_player_kernel({"VOILA_PREHEAT": "True"}) and not is_player_kernel(None) and not is_player_kernel({})


class Pooled:
    """A stand-in for Voila's pooled kernel manager: a pool of tasks, the first one taken."""

    def __init__(self, pools):
        self._pools = pools

    def get_pool_size(self, notebook_name):
        return len(self._pools.get(notebook_name, ()))

    async def get_rendered_notebook(self, notebook_name, *args, **kwargs):
        return await self._pools[notebook_name].pop(0)


def test_a_learner_only_takes_a_ready_kernel() -> None:
    async def main() -> None:
        loop = asyncio.get_running_loop()
        held = loop.create_future()  # a refill still waiting for the room to be quiet
        ready = loop.create_future()
        ready.set_result({"kernel_id": "k-ready", "task": None})
        manager = ready_first(Pooled)({"course.ipynb": [held, ready]})
        assert manager.get_pool_size("course.ipynb") == 1
        assert (await manager.get_rendered_notebook("course.ipynb"))["kernel_id"] == "k-ready"
        assert manager.get_pool_size("course.ipynb") == 0  # none ready: Voila starts a kernel at once
        held.cancel()

    asyncio.run(main())

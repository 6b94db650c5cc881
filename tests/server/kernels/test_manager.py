"""The server's kernel manager: the player's kernels are forked, the pool refills when quiet,
and an arriving learner only takes a kernel that is ready."""

from __future__ import annotations

import asyncio

import pytest
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager

from netedu.server.kernels.manager import NeteduKernelManager, is_player_kernel, ready_first
from tests.support.aio import run as run_async


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

    run_async(main())
    assert started == ["netedu-player", "netedu-player", "python3"]


def test_no_fork_keeps_ordinary_kernels(started) -> None:
    manager = NeteduKernelManager(pool_size=1, fork_kernels=False)
    run_async(manager.start_kernel(kernel_name="python3", env={"VOILA_PREHEAT": "True"}))
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

    run_async(main())
    assert waits == ["waited"] and manager.gate.last_arrival is not None and manager.refills_started == 1


def test_fixed_refill_is_voilas_own(started) -> None:
    manager = NeteduKernelManager(pool_size=1, refill="fixed")
    manager.gate.wait = lambda *a: pytest.fail("the fixed refill never waits for the gate")
    run_async(manager.start_kernel(env={"VOILA_PREHEAT": "True"}))
    run_async(manager.start_kernel(env={"VOILA_PREHEAT": "True"}))
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

    run_async(main())


class FakeIopub:
    """The iopub stream a watcher listens on; messages are fed to it by hand."""

    def __init__(self):
        self.callback = None

    def on_recv(self, callback) -> None:
        self.callback = callback


class FakeKernel:
    def __init__(self):
        from jupyter_client.session import Session

        self.session = Session(key=b"secret")
        self.execution_state = "starting"
        self.iopub = FakeIopub()

    def connect_iopub(self) -> FakeIopub:
        return self.iopub


def watched(manager_class) -> tuple[object, FakeKernel]:
    manager = manager_class()
    kernel = FakeKernel()
    manager._kernels["k"] = kernel
    manager.start_watching_activity("k")
    return manager, kernel


def test_the_activity_watcher_agrees_with_jupyter_servers() -> None:
    """The cheap watcher ends every step of a kernel's life in the state jupyter_server's
    own watcher does: starting, busy and idle for tracked requests, untracked messages
    leaving the state alone, activity recorded for the same messages."""
    from jupyter_server.services.kernels.kernelmanager import MappingKernelManager

    ours, ours_kernel = watched(NeteduKernelManager)
    theirs, their_kernel = watched(MappingKernelManager)
    session = ours_kernel.session

    def frames(msg_type: str, content: dict, parent_type: str | None) -> list[bytes]:
        parent = session.msg(parent_type, {}) if parent_type else {}
        msg = session.msg(msg_type, content, parent=parent)
        return [b"topic", *session.serialize(msg)]

    steps = [
        ("status", {"execution_state": "starting"}, None),
        ("status", {"execution_state": "idle"}, "kernel_info_request"),
        ("status", {"execution_state": "busy"}, "execute_request"),
        ("comm_open", {"comm_id": "c", "target_name": "jupyter.widget", "data": {"state": {"value": "x" * 1000}}}, "execute_request"),
        ("status", {"execution_state": "idle"}, "execute_request"),
        ("comm_msg", {"comm_id": "c", "data": {}}, "comm_msg"),
        ("status", {"execution_state": "busy"}, "comm_info_request"),
        ("status", {"execution_state": "idle"}, "comm_info_request"),
    ]
    ours.untracked_message_types = theirs.untracked_message_types = ["comm_info_request", "kernel_info_request", "status"]
    for msg_type, content, parent_type in steps:
        ours_kernel.last_activity = their_kernel.last_activity = None
        ours_kernel.iopub.callback(frames(msg_type, content, parent_type))
        their_kernel.iopub.callback(frames(msg_type, content, parent_type))
        assert ours_kernel.execution_state == their_kernel.execution_state, (msg_type, parent_type)
        assert (ours_kernel.last_activity is None) == (their_kernel.last_activity is None), (msg_type, parent_type)
    assert ours_kernel.execution_state == "idle"


def test_a_pages_kernel_is_its_learners_and_gets_a_secret_a_pooled_one_belongs_to_nobody(started, monkeypatch) -> None:
    from netedu.server.kernels.owners import requesting_learner
    from netedu.settings import KERNEL_SECRET_ENV

    envs: list[dict] = []

    async def start(self, *, kernel_name=None, env=None, **kwargs):
        envs.append(env)
        return f"kernel-{len(envs)}"

    monkeypatch.setattr(AsyncMappingKernelManager, "start_kernel", start)
    manager = NeteduKernelManager(pool_size=1, fork_kernels=False)

    async def main() -> tuple[str, str]:
        pooled = await manager.start_kernel(env={"VOILA_PREHEAT": "True"})
        requesting_learner.set("anon-ada")
        page = await manager.start_kernel(env={"VOILA_PREHEAT": "False"})
        return pooled, page

    pooled, page = run_async(main())
    assert manager.owners.owner(pooled) is None and manager.owners.owner(page) == "anon-ada"
    secrets = [env[KERNEL_SECRET_ENV] for env in envs]
    assert len(set(secrets)) == 2 and all(manager.owners.secret_matches(k, s) for k, s in zip((pooled, page), secrets, strict=True))


def test_kernels_whose_page_never_opened_them_are_shut_down(started, monkeypatch) -> None:
    from netedu.server.kernels.owners import requesting_learner

    shut: list[str] = []

    async def shutdown(self, kernel_id, *args, **kwargs):
        shut.append(kernel_id)

    monkeypatch.setattr(AsyncMappingKernelManager, "shutdown_kernel", shutdown)
    manager = NeteduKernelManager(pool_size=0, fork_kernels=False)

    async def main() -> list[str]:
        requesting_learner.set("anon-ada")
        opened = await manager.start_kernel(env={})
        await manager.start_kernel(env={})
        manager.owners.connected(opened)
        return await manager.let_go_unopened(after_s=-1)

    gone = run_async(main())
    assert gone == shut == ["kernel-2"] and manager.owners.kernels_of("anon-ada") == ["kernel-1"]

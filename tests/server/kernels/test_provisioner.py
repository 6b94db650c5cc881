"""Forked learner kernels behave as ordinary ipykernels: they answer, run the player, keep
learners apart, and take interrupts, restarts and shutdowns; the fallback says why."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess

import psutil

from netedu.server.kernels.forked import ForkedKernel
from tests.server.kernels.conftest import kernel, run, supervisor
from tests.support.aio import run as run_async


def test_a_forked_kernel_is_the_templates_child_and_runs_the_player(kernel_env, kernel_course) -> None:
    async def main() -> None:
        async with kernel(kernel_env) as (manager, client):
            process = manager.provisioner.process
            assert isinstance(process, ForkedKernel)
            template = supervisor(kernel_course).process.pid
            assert psutil.Process(process.pid).ppid() == template
            status, out = await run(client, "import netedu\nplayer = netedu.course()\nprint(type(player).__name__, player.view)")
            assert (status, out.strip()) == ("ok", "PlayerWidget contents")
            assert sum(psutil.Process(process.pid).cpu_times()[:2]) < 2.0  # an ordinary start costs seconds

    run_async(main())


def test_kernels_share_the_templates_session_but_take_signals_alone(kernel_env, kernel_course) -> None:
    """One session for every learner kernel (the system then shares the CPU between the server
    and the room as a whole, not between the server and each kernel), each kernel its own
    process group (an interrupt reaches only it); the kernel's module ``sys`` is the real one."""

    async def main() -> None:
        async with kernel(kernel_env) as (manager, a), kernel(kernel_env) as (other, b):
            template = supervisor(kernel_course).process.pid
            pids = manager.provisioner.pid, other.provisioner.pid
            assert {os.getsid(pid) for pid in pids} == {os.getsid(template)} != {os.getsid(0)}
            assert [os.getpgid(pid) for pid in pids] == list(pids)
            status, out = await run(a, "import sys, ipykernel.ipkernel\nprint(ipykernel.ipkernel.sys is sys, len(sys.modules) > 100)")
            assert out.split() == ["True", "True"]

    run_async(main())


def test_one_learners_state_never_appears_in_anothers_kernel(kernel_env) -> None:
    async def main() -> None:
        async with kernel(kernel_env, NETEDU_LEARNER="ada") as (_, ada), kernel(kernel_env, NETEDU_LEARNER="grace") as (_, grace):
            await run(ada, "secret = 'ada-was-here'\nimport netedu\nplayer = netedu.course()")
            status, out = await run(grace, "import netedu\nplayer = netedu.course()\nprint('secret' in globals(), player.learner)")
            assert (status, out.split()) == ("ok", ["False", "grace"])
            status, out = await run(ada, "print(secret, player.learner)")
            assert out.split() == ["ada-was-here", "ada"]

    run_async(main())


def test_interrupt_restart_and_shutdown_work_as_for_any_kernel(kernel_env) -> None:
    async def main() -> None:
        async with kernel(kernel_env) as (manager, client):
            await run(client, "x = 41")
            running = asyncio.ensure_future(run(client, "import time\ntime.sleep(60)"))
            await asyncio.sleep(1.0)
            await manager.interrupt_kernel()
            status, out = await asyncio.wait_for(running, 20)
            assert status == "error" and "KeyboardInterrupt" in out
            first = manager.provisioner.pid
            await manager.restart_kernel(now=True)
            await client.wait_for_ready(timeout=60)
            assert manager.provisioner.pid != first
            assert not psutil.pid_exists(first) or psutil.Process(first).status() == psutil.STATUS_ZOMBIE
            status, out = await run(client, "print('x' in globals())")
            assert out.strip() == "False"  # a restart is a new kernel
            pid = manager.provisioner.pid
            await manager.shutdown_kernel(now=True)
            assert not await manager.is_alive()
            assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE

    run_async(main())


def test_a_crashed_template_is_recreated_and_its_kernels_live_on(kernel_env, kernel_course) -> None:
    async def main() -> None:
        async with kernel(kernel_env) as (_, before):
            old = supervisor(kernel_course).process.pid
            os.kill(old, signal.SIGKILL)
            await asyncio.sleep(2.0)
            status, out = await run(before, "print('still here')")
            assert out.strip() == "still here"  # adopted by this process, its subreaper
            async with kernel(kernel_env) as (manager, after):
                assert isinstance(manager.provisioner.process, ForkedKernel)
                assert supervisor(kernel_course).process.pid != old
                assert (await run(after, "print(1 + 1)"))[1].strip() == "2"

    run_async(main())


def test_a_content_change_makes_the_template_reload_before_the_next_kernel(kernel_env, kernel_course) -> None:
    async def main() -> None:
        async with kernel(kernel_env):
            pass
        warmups = supervisor(kernel_course).ping()["warmups"]
        topic = kernel_course / "data/topics/alpha.yaml"
        topic.write_text(topic.read_text().replace("title: Alpha topic", "title: Alpha topic, revised"))
        async with kernel(kernel_env) as (_, client):
            assert supervisor(kernel_course).ping()["warmups"] == warmups + 1
            out = (await run(client, "from netedu.content import load_content\nprint(load_content('.').topics['alpha'].title)"))[1]
            assert out.strip() == "Alpha topic, revised"

    run_async(main())


def test_without_forking_the_kernel_starts_the_ordinary_way_and_the_log_says_so(kernel_env, caplog) -> None:
    async def main() -> None:
        with caplog.at_level(logging.WARNING, logger="netedu"):
            async with kernel(kernel_env, NETEDU_FORK_KERNELS="0") as (manager, client):
                assert isinstance(manager.provisioner.process, subprocess.Popen)
                assert (await run(client, "print('ordinary')"))[1].strip() == "ordinary"

    os.environ["NETEDU_FORK_KERNELS"] = "0"  # the provisioner reads the server's own setting
    try:
        run_async(main())
    finally:
        del os.environ["NETEDU_FORK_KERNELS"]
    assert "learners' kernels start as ordinary ipykernels: netedu serve --no-fork was given" in caplog.text


def test_widgets_can_be_reached_from_the_page_in_a_forked_kernel(kernel_env) -> None:
    """ipywidgets registers its comm targets when imported in a kernel; the template imported it
    before there was one, so the forked kernel registers them itself."""

    async def main() -> None:
        async with kernel(kernel_env) as (_, client):
            code = "from ipykernel.comm import CommManager\nimport comm\nprint(sorted(comm.get_comm_manager().targets))"
            status, out = await run(client, code)
            assert status == "ok" and "'jupyter.widget'" in out and "'jupyter.widget.control'" in out

    run_async(main())

"""A learner kernel's start: an ordinary ipykernel against one forked from the warm template.

For each kind, kernels of the course player are started one after another, as netedu serve
starts them (the same kernel spec, provisioner and environment), and measured:

* **CPU seconds and wall time** from the request to a kernel that answers ``kernel_info``
  (the kernel process's own user + system time), and its CPU seconds once it has shown the
  contents and three topics (where an ordinary kernel pays for its imports);
* **unique memory (USS, psutil)** of each kernel after it has shown the contents and three
  topics (what a learner's kernel holds that it shares with no other process).

The template's own one-off cost (its warm-up) is reported beside them. Kinds alternate, so
that drift in the machine's load affects both alike.

    python bench/kernel_start.py [--kernels 8] [--json bench/results/kernel_start.json]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import psutil
from jupyter_client.manager import AsyncKernelManager

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import REPO, write_json  # noqa: E402

from netedu.server.app import SHARE  # noqa: E402
from netedu.server.kernels.forked import TemplateSupervisor  # noqa: E402
from netedu.server.store_service import StoreService  # noqa: E402
from netedu.settings import STORE_SOCKET_ENV  # noqa: E402
from netedu.store import open_store  # noqa: E402

SHOW = """
import netedu
from netedu.player import Route
player = netedu.course()
for topic in list(player.content.topics)[:3]:
    player.go(Route("topic", topic))
"""


async def one(kernel_name: str) -> dict:
    manager = AsyncKernelManager(kernel_name=kernel_name, transport="ipc", connection_file=tempfile.mktemp(suffix=".json"))
    started = time.perf_counter()
    await manager.start_kernel(env=dict(os.environ), cwd=str(REPO / "notebooks"))
    client = manager.client()
    client.start_channels()
    await client.wait_for_ready(timeout=120)
    wall = time.perf_counter() - started
    process = psutil.Process(manager.provisioner.pid)
    cpu = sum(process.cpu_times()[:2])
    reply = await client.execute_interactive(SHOW, timeout=120, output_hook=lambda msg: None)
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"the player did not run in a {kernel_name} kernel: {reply['content']}")
    await asyncio.sleep(0.5)
    shown_cpu = sum(process.cpu_times()[:2])
    uss = process.memory_full_info().uss / 2**20
    client.stop_channels()
    await manager.shutdown_kernel(now=True)
    return {"wall_s": wall, "cpu_s": cpu, "shown_cpu_s": shown_cpu, "uss_mb": uss}


def median(rows: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in rows)


async def run(kernels: int, database: str) -> dict:
    # As under netedu serve, the kernels reach the server's store through its socket.
    store = open_store(database)
    service = StoreService(store)
    os.environ[STORE_SOCKET_ENV] = service.path
    service.start_serving()
    # The template starts on the first forked kernel; measure that warm-up on its own.
    started = time.perf_counter()
    supervisor = TemplateSupervisor.for_course(REPO, ["--HistoryManager.enabled=False"])
    await supervisor.ensure_running()
    template = psutil.Process(supervisor.process.pid)
    warm = {"wall_s": time.perf_counter() - started, "cpu_s": sum(template.cpu_times()[:2]), "rss_mb": template.memory_info().rss / 2**20}
    rows: dict[str, list[dict]] = {"ordinary": [], "forked": []}
    for _ in range(kernels):  # alternate, so drift affects both alike
        rows["ordinary"].append(await one("python3"))
        rows["forked"].append(await one("netedu-player"))
    supervisor.stop()
    service.close()
    store.close()
    return {"template": warm, "kernels": rows}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kernels", type=int, default=8, help="kernels of each kind")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="netedu-bench-"))
    os.environ.update(
        NETEDU_ROOT=str(REPO),
        JUPYTER_PATH=os.pathsep.join(p for p in (str(SHARE), os.environ.get("JUPYTER_PATH")) if p),
    )
    result = asyncio.run(run(args.kernels, f"sqlite:///{folder / 'progress.sqlite'}"))
    ordinary, forked = result["kernels"]["ordinary"], result["kernels"]["forked"]
    print(f"{args.kernels} course-player kernels of each kind, started one after another\n")
    print(f"{'(median)':28}{'ordinary ipykernel':>20}{'forked':>12}{'ratio':>9}")
    for label, key, unit in (
        ("CPU to kernel_info", "cpu_s", "s"),
        ("wall to kernel_info", "wall_s", "s"),
        ("CPU to 3 topics shown", "shown_cpu_s", "s"),
        ("USS after 3 topics", "uss_mb", "MB"),
    ):
        a, b = median(ordinary, key), median(forked, key)
        print(f"{label:28}{a:>17.3f} {unit:<2}{b:>9.3f} {unit:<2}{b / a:>8.3f}")
    t = result["template"]
    print(
        f"\none-off template warm-up: {t['wall_s']:.1f} s wall, {t['cpu_s']:.1f} CPU-s, {t['rss_mb']:.0f} MB resident (shared by every forked kernel)"
    )
    write_json(args.json, result)
    return 0


if __name__ == "__main__":
    sys.exit(main())

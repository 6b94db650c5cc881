"""A workshop arriving at once: N learners open the course, go to a topic, answer, go on.

The room's pace (``--pace room``, the default): everyone arrives at the same moment; once all
are in, the educator says "open the topic" and the room clicks within a few seconds of each
other; each learner answers a question after a few seconds' thought; once all have answered,
the room clicks "next" together. ``--pace stress`` drops every pause: each learner clicks and
answers the instant the last step came back, so later clicks land in the arrival's load.

Each simulated learner speaks Voila's real protocol, without a browser (so the clients do not
eat the server's CPU): the HTTP page, the kernel's websocket in the binary
``v1.kernel.websocket.jupyter.org`` framing Voila's page asks for, and the widget messages a
page's widget manager sends (comm_info_request, request_state, state updates, custom messages).

Three set-ups are compared in the same run, on the same machine, one after another:

* **player**: netedu's course player as ``netedu serve`` runs it now (one kernel per learner,
  forked from a warm template, a pool of warm kernels refilled only when the room is quiet);
* **player-ordinary**: the same player with ordinary kernels and Voila's own refill, 20 s after
  each arrival (``--no-fork --refill fixed``: how it ran before);
* **pages**: a kernel per page (open topic A's page, answer, open topic B's page; each page
  view starts a kernel and runs its notebook; leaving a page shuts its kernel).

Reported per set-up: time to widgets (page request until every widget's state has arrived),
topic-switch time, click-to-feedback time (median and p95), the memory of the server and all
its kernels at the end of the walk (PSS: shared pages counted once, split between the
processes that share them), the server process's CPU use during the walk, and the CPU
seconds the server and kernels used against the walk's wall time (the machine's budget is
wall time × cores).

    python bench/workshop_load.py [--learners 40] [--setups player,player-ordinary,pages]
                                  [--pace room|stress] [--cpus 0] [--json bench/results/workshop.json]
                                  [--profile DIR]  # py-spy samples of the server during the walk
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import REPO, Server, write_json  # noqa: E402

from netedu.content import load_content  # noqa: E402
from tests.support.voila_client import Learner, answer_first_question, first  # noqa: E402


@dataclass
class Timings:
    widgets: list[float] = field(default_factory=list)
    switch: list[float] = field(default_factory=list)
    feedback: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


class Room:
    """When a room's learners act. ``room`` pace, a workshop: everyone arrives at once; the
    educator waits until all are in, then says "open the topic", and the room clicks within a
    few seconds of each other (after ``reading`` seconds, spread over ``spread``); each learner
    answers after thinking (``thinking``, at random in the range) once the topic is shown; when
    all have answered, the educator says "next" and the room clicks together again.
    ``stress`` pace: no one waits for anyone or reads anything, each learner goes as fast as the
    server lets them (the arrival's load and every later click overlap)."""

    def __init__(self, learners: int, pace: str, *, reading: float = 10.0, spread: float = 3.0, thinking=(2.0, 8.0), seed: int = 7):
        import random

        self.pace, self.reading, self.spread, self.thinking = pace, reading, spread, thinking
        self.random = random.Random(seed)
        self.expected = learners
        self._counts: dict[str, int] = {}
        self._events: dict[str, asyncio.Event] = {}

    def _event(self, stage: str) -> asyncio.Event:
        return self._events.setdefault(stage, asyncio.Event())

    def _check(self, stage: str) -> None:
        if self._counts.get(stage, 0) >= self.expected:
            self._event(stage).set()

    def reached(self, stage: str) -> None:
        """This learner has done ``stage`` (arrived, answered, ...)."""
        self._counts[stage] = self._counts.get(stage, 0) + 1
        self._check(stage)

    def left(self) -> None:
        """A learner who failed: the room no longer waits for them."""
        self.expected -= 1
        for stage in list(self._events):
            self._check(stage)

    async def click_after(self, stage: str) -> None:
        """Wait for the educator's "go on" once the whole room has done ``stage``."""
        if self.pace == "room":
            await self._event(stage).wait()
            await asyncio.sleep(self.reading + self.random.uniform(0, self.spread))

    async def think(self) -> None:
        if self.pace == "room":
            await asyncio.sleep(self.random.uniform(*self.thinking))


async def walk_player(base: str, topics: list[str], t: Timings, room: Room) -> None:
    learner = Learner(base)
    start = time.perf_counter()
    kernel, _ = await learner.open("")
    t.widgets.append(time.perf_counter() - start)
    room.reached("arrived")
    router = first((c for c, s in kernel.models.items() if "url" in s and "focus" in s), "router")
    for n, topic in enumerate(topics):
        await room.click_after("arrived" if n == 0 else "answered")
        start = time.perf_counter()
        await kernel.comm(router, {"method": "update", "state": {"url": f"?topic={topic}"}, "buffer_paths": []})
        t.switch.append(time.perf_counter() - start)
        if n == 0:
            await room.think()
            t.feedback.append(await answer_first_question(kernel))
            room.reached("answered")
    await kernel.close()


async def walk_pages(base: str, notebooks: list[str], t: Timings, room: Room) -> None:
    learner = Learner(base)
    for n, notebook in enumerate(notebooks):
        if n:
            await room.click_after("answered")
        start = time.perf_counter()
        kernel, kernel_id = await learner.open(f"voila/render/{notebook}")
        elapsed = time.perf_counter() - start
        (t.widgets if n == 0 else t.switch).append(elapsed)  # a new page is how this design switches
        if n == 0:
            await room.think()
            t.feedback.append(await answer_first_question(kernel))
            room.reached("answered")
        await learner.leave(kernel, kernel_id)


def tree(server: Server) -> list[psutil.Process]:
    proc = psutil.Process(server.proc.pid)
    return [proc, *proc.children(recursive=True)]


def memory_mb(server: Server) -> float:
    """The server and every kernel: PSS, so pages forked kernels share are counted once."""
    total = 0
    for p in tree(server):
        try:
            total += p.memory_full_info().pss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return total / 2**20


def cpu_seconds(server: Server) -> float:
    """CPU time used so far by the server and every kernel still running."""
    total = 0.0
    for p in tree(server):
        try:
            times = p.cpu_times()
            total += times.user + times.system
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return total


def wait_until_warm(server: Server, pool: int, limit: float = 900) -> float:
    """Wait until the server says its pool is full and the machine is quiet, as it would be
    before a workshop starts; return how long that took."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        said = server.log_path.read_text(errors="replace") if server.log_path else ""
        if (not pool or f"ready for {pool} learners" in said) and psutil.cpu_percent(interval=2.0) < 15:
            return time.perf_counter() - start
        time.sleep(1)
    raise TimeoutError(f"the pool of {pool} kernels was not ready after {limit:g} s")


class CpuWatch:
    """The server process's CPU use while the walk runs (percent of one core), sampled each second."""

    def __init__(self, pid: int):
        self.process = psutil.Process(pid)
        self.samples: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        self.process.cpu_percent(None)
        while not self._stop.wait(1.0):
            self.samples.append(self.process.cpu_percent(None))

    def __enter__(self) -> CpuWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def summary(self) -> dict:
        if not self.samples:
            return {"mean_percent": 0.0, "max_percent": 0.0}
        return {"mean_percent": statistics.mean(self.samples), "max_percent": max(self.samples)}


class Profile:
    """py-spy sampling the server process while the walk runs, written as collapsed stacks
    (``DIR/<setup>.txt``, one ``frame;frame;… count`` line per stack); its heaviest frames are
    summarised in the results."""

    def __init__(self, pid: int, path: Path | None):
        self.pid, self.path, self.proc = pid, path, None

    def __enter__(self) -> Profile:
        if self.path is not None:
            import shutil
            import subprocess

            spy = shutil.which("py-spy", path=str(Path(sys.executable).parent)) or shutil.which("py-spy")
            if spy is None:
                sys.exit("--profile needs py-spy: pip install py-spy")
            self.path.parent.mkdir(parents=True, exist_ok=True)
            command = [
                spy,
                "record",
                "--pid",
                str(self.pid),
                "--rate",
                "100",
                "--gil",
                "--nonblocking",
                "--format",
                "raw",
                "--output",
                str(self.path),
            ]
            self.proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(1.0)  # py-spy attaches before the walk begins
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None:
            import signal

            self.proc.send_signal(signal.SIGINT)
            self.proc.wait(60)

    def heaviest(self, top: int = 12) -> dict:
        """The share of samples each function is on the stack for (inclusive) and at the top of it
        (self), the heaviest first."""
        if self.path is None or not self.path.exists():
            return {}
        inclusive: dict[str, int] = {}
        own: dict[str, int] = {}
        total = 0
        for line in self.path.read_text().splitlines():
            stack, _, count = line.rpartition(" ")
            if not stack:
                continue
            n = int(count)
            frames = [f.split(" (")[0] + " (" + f.split(" (")[-1].split(":")[0].rsplit("/", 1)[-1] + ")" for f in stack.split(";")]
            total += n
            for name in set(frames):
                inclusive[name] = inclusive.get(name, 0) + n
            own[frames[-1]] = own.get(frames[-1], 0) + n

        def share(counts: dict[str, int]) -> dict[str, float]:
            return {k: round(v / total, 3) for k, v in sorted(counts.items(), key=lambda kv: -kv[1])[:top]}

        return {"samples": total, "self": share(own), "inclusive": share(inclusive)}


def summary(values: list[float]) -> dict:
    if not values:
        return {"n": 0}
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"n": len(values), "median_s": statistics.median(values), "p95_s": p95}


async def run(walk, server: Server, learners: int, route: list[str], pace: str) -> tuple[Timings, float]:
    t = Timings()
    room = Room(learners, pace)

    async def one() -> None:
        try:
            await walk(server.url, route, t, room)
        except Exception as err:  # a learner who could not get through is reported, not hidden
            t.errors.append(f"{type(err).__name__}: {err}")
            room.left()

    await asyncio.gather(*(one() for _ in range(learners)))
    return t, memory_mb(server)


#: name -> (walk, netedu serve options beyond the pool, whether the player's pool is used)
SETUPS = {
    "player": ("player", []),
    "player-ordinary": ("player", ["--no-fork", "--refill", "fixed"]),
    "pages": ("pages", []),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--learners", type=int, default=40)
    parser.add_argument("--pool-size", type=int, help="warm player kernels (default: one per learner)")
    parser.add_argument("--setups", default=",".join(SETUPS), help=f"comma-separated, from {', '.join(SETUPS)}")
    parser.add_argument("--cpus", help="pin the server and its kernels to these CPUs (taskset -c), e.g. 0")
    parser.add_argument("--pace", choices=("room", "stress"), default="room", help="a workshop's pace, or as fast as it goes (see Room)")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--profile", type=Path, help="sample the server with py-spy during the walk, into this folder")
    args = parser.parse_args()
    pool_size = args.learners if args.pool_size is None else args.pool_size
    content = load_content(REPO)
    topics = [t.id for t in content.topics.values()][:2]
    notebooks = [content.topics[t].notebook for t in topics]
    results = {}
    folder = Path(tempfile.mkdtemp(prefix="netedu-workshop-"))
    for name in args.setups.split(","):
        kind, options = SETUPS[name]
        walk, route, pool = (walk_player, topics, pool_size) if kind == "player" else (walk_pages, notebooks, 0)
        command = [sys.executable, "-m", "netedu", "--root", str(REPO), "serve", "--port", "{port}", "--pool-size", str(pool), *options]
        if args.cpus:
            command = ["taskset", "-c", args.cpus, *command]
        env = {"NETEDU_DATABASE_URL": f"sqlite:///{folder / (name + '.sqlite')}"}
        server = Server(command, log=folder / f"{name}.log", env=env)
        with server:
            warm_s = wait_until_warm(server, pool)
            idle = memory_mb(server)
            started, tree_cpu, client_cpu = time.perf_counter(), cpu_seconds(server), time.process_time()
            with CpuWatch(server.proc.pid) as cpu, Profile(server.proc.pid, args.profile and args.profile / f"{name}.txt") as profile:
                timings, memory = asyncio.run(run(walk, server, args.learners, route, args.pace))
            results[name] = {
                "learners": args.learners,
                "pace": args.pace,
                "wall_s": time.perf_counter() - started,
                # the machine's budget for the walk is wall × cores: what the room used of it
                "server_and_kernels_cpu_s": cpu_seconds(server) - tree_cpu,
                "clients_cpu_s": time.process_time() - client_cpu,
                "time_to_widgets": summary(timings.widgets),
                "topic_switch": summary(timings.switch),
                "click_to_feedback": summary(timings.feedback),
                "pool_size": pool,
                "pool_warm_s": warm_s,
                "memory_idle_mb": idle,
                "memory_end_mb": memory,
                "server_cpu": cpu.summary(),
                "server_profile": profile.heaviest(),
                "errors": timings.errors[:5],
                "failed": len(timings.errors),
            }
    pinned = f", server pinned to CPU {args.cpus}" if args.cpus else ""
    how = "the room clicks together after reading" if args.pace == "room" else "stress: no reading, every learner as fast as it goes"
    print(f"{args.learners} learners arriving together{pinned}; walk: open, topic {topics[0]}, answer, topic {topics[1]} ({how})\n")
    names = list(results)
    print(f"{'':28}" + "".join(f"{n:>22}" for n in names))

    def cell(r: dict, key: str) -> str:
        s = r[key]
        return f"{s['median_s']:.2f} / {s['p95_s']:.2f} s" if s.get("n") else "-"

    for label, key in (
        ("time to widgets", "time_to_widgets"),
        ("topic switch", "topic_switch"),
        ("click to feedback", "click_to_feedback"),
    ):
        print(f"{label + ' (median / p95)':28}" + "".join(f"{cell(results[n], key):>22}" for n in names))
    print(f"{'memory at the end (PSS)':28}" + "".join(f"{results[n]['memory_end_mb']:>19.0f} MB" for n in names))
    print(f"{'pool warm after':28}" + "".join(f"{results[n]['pool_warm_s']:>20.0f} s" for n in names))
    print(
        f"{'server CPU (mean / max)':28}"
        + "".join(f"{results[n]['server_cpu']['mean_percent']:>10.0f}% / {results[n]['server_cpu']['max_percent']:>4.0f}%" for n in names)
    )
    print(
        f"{'CPU s: room / clients / wall':28}"
        + "".join(
            f"{results[n]['server_and_kernels_cpu_s']:>9.1f} / {results[n]['clients_cpu_s']:.1f} / {results[n]['wall_s']:.1f}"
            for n in names
        )
    )
    print(f"{'learners who failed':28}" + "".join(f"{results[n]['failed']:>22}" for n in names))
    if "player" in results:
        for other in (n for n in names if n != "player"):
            ratios = ", ".join(
                f"{label} {results[other][key]['p95_s'] / results['player'][key]['p95_s']:.1f}×"
                for label, key in (("widgets", "time_to_widgets"), ("switch", "topic_switch"), ("feedback", "click_to_feedback"))
                if results[other][key].get("n") and results["player"][key].get("n")
            )
            print(
                f"player against {other} (p95, {other} / player): {ratios}; memory {results[other]['memory_end_mb'] / results['player']['memory_end_mb']:.1f}×"
            )
    write_json(args.json, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())

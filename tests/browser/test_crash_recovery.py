"""Acknowledged means durable, in the real app (over its websockets, without a browser): the
server is killed with SIGKILL again and again while a room of simulated learners answers, and
restarted each time. After every kill the database is intact; at the end every answer a
learner was shown as saved is in it exactly once, and no answer was kept twice."""

from __future__ import annotations

import asyncio
import os
import random
import signal
import sqlite3
import sys
import time
from pathlib import Path

import psutil
import pytest

from tests.conftest import synced
from tests.support.aio import run
from tests.support.course import write_course
from tests.support.server import Server
from tests.support.voila_client import Kernel, Learner, first

LEARNERS, KILLS = 10, 20
pytestmark = pytest.mark.crash


async def _answer_everything(base: str, topics: list[str], kernels: list[Kernel], submitted: list[int], answering: asyncio.Event) -> None:
    """One learner: open the course player, go to each topic, answer every choice question on it."""
    learner = Learner(base)
    kernel, _ = await learner.open("")
    kernels.append(kernel)
    router = first((c for c, s in kernel.models.items() if "url" in s and "focus" in s), "router")
    for topic in topics:
        await kernel.comm(router, {"method": "update", "state": {"url": f"?topic={topic}"}, "buffer_paths": []})
        for control in [c for c in kernel.find(kind="choice") if not kernel.models[c].get("disabled")]:
            submitted[0] += 1  # counted when sent: a kill may land before the reply
            answering.set()
            await kernel.comm(control, {"method": "custom", "content": {"event": "submit", "answer": {"selected": ["k0"]}}})


async def _room_until(base: str, topics: list[str], seconds: float, kernels: list[Kernel], submitted: list[int]) -> None:
    """The room answers until ``seconds`` after its first answer (then the server is killed
    under it, in the middle of writes)."""
    answering = asyncio.Event()
    walks = [asyncio.ensure_future(_answer_everything(base, topics, kernels, submitted, answering)) for _ in range(LEARNERS)]
    try:
        await asyncio.wait_for(answering.wait(), timeout=60)
    except asyncio.TimeoutError:
        pass  # nobody got to answer: killed all the same
    await asyncio.wait(walks, timeout=seconds)
    for walk in walks:
        walk.cancel()
    await asyncio.gather(*walks, return_exceptions=True)  # learners whose server died mid-walk


def _saved(kernels: list[Kernel]) -> set[str]:
    """The answers the learners' pages were told are saved."""
    return {s["event_id"] for k in kernels for s in k.models.values() if s.get("state") == "saved" and s.get("event_id")}


def _kill(server: Server) -> None:
    """SIGKILL the server, as a crash would; then its kernels (which would die with it)."""
    children = psutil.Process(server.proc.pid).children(recursive=True)
    os.kill(server.proc.pid, signal.SIGKILL)
    server.proc.wait()
    for child in children:
        try:
            child.kill()
        except psutil.NoSuchProcess:
            pass
    psutil.wait_procs(children, timeout=10)


def test_answers_shown_as_saved_survive_twenty_kills_exactly_once(tmp_path: Path) -> None:
    root = synced(write_course(tmp_path / "course"))
    database = tmp_path / "progress.sqlite"
    topics = ["alpha", "beta"]
    shuffle = random.Random(12)
    saved: set[str] = set()
    submitted = [0]
    started = time.monotonic()
    for kill in range(KILLS):
        server = Server(
            [sys.executable, "-m", "netedu", "--root", str(root), "serve", "--port", "{port}", "--pool-size", "0"],
            env={"NETEDU_DATABASE_URL": f"sqlite:///{database}"},
            log=tmp_path / f"serve-{kill}.log",
            ready_path="netedu/static/landing.css",
        ).start()
        kernels: list[Kernel] = []
        try:
            run(_room_until(server.url, topics, shuffle.uniform(0.1, 1.5), kernels, submitted))
        finally:
            _kill(server)
        saved |= _saved(kernels)
        with sqlite3.connect(database) as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok", f"after kill {kill + 1}"
    with sqlite3.connect(database) as db:
        kept = dict(db.execute("SELECT event_id, count(*) FROM answers GROUP BY event_id").fetchall())
    assert len(saved) >= KILLS, "hardly any answer was saved: the test did not test much"
    assert {e: kept.get(e, 0) for e in saved if kept.get(e, 0) != 1} == {}  # each shown as saved: kept, once
    assert {e: n for e, n in kept.items() if n != 1} == {}  # nothing kept twice, by a retry or otherwise
    assert None not in kept and sum(kept.values()) <= submitted[0]
    print(
        f"{KILLS} kills in {time.monotonic() - started:.0f} s: {submitted[0]} answers submitted, {len(saved)} shown as saved, {len(kept)} kept"
    )

"""Views ready before the click: the likely next topic is built while the learner reads, one
kernel at a time (BackgroundTurn), and never for a learner who has moved on."""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

import pytest
from tornado.ioloop import IOLoop

import netedu.player.player as player_module
from netedu.content import load_content
from netedu.player import PlayerWidget, Route
from netedu.player.background import BackgroundTurn
from netedu.settings import BACKGROUND_LOCK_ENV
from netedu.store.memory import MemoryStore
from tests.support.aio import run as run_async


@pytest.fixture
def quick(monkeypatch) -> None:
    monkeypatch.setattr(player_module, "PREPARE_AFTER_S", 0.01)
    monkeypatch.setattr(player_module, "RETRY_S", (0.01, 0.02))


@pytest.fixture
def lock(tmp_path: Path, monkeypatch) -> str:
    path = str(tmp_path / "background.lock")
    monkeypatch.setenv(BACKGROUND_LOCK_ENV, path)
    return path


def in_a_running_loop(work, seconds: float = 0.3):
    """Run ``work()`` inside a running event loop with its tornado IOLoop (as in a kernel),
    then let the loop run."""

    async def main():
        IOLoop.current()
        result = work()
        await asyncio.sleep(seconds)
        return result

    return run_async(main())


def test_the_likely_next_topic(course: Path) -> None:
    p = PlayerWidget(load_content(course), learner="ada", store=MemoryStore())
    assert p._likely_next(Route("contents")) == "alpha"  # nothing started: the first topic
    assert p._likely_next(Route("start")) == "alpha"
    assert p._likely_next(Route("topic", "alpha")) == "beta"
    assert p._likely_next(Route("topic", "beta")) is None  # the last topic
    assert p._likely_next(Route("progress")) is None
    p.go(Route("topic", "beta"))
    assert p._likely_next(Route("contents")) == "beta"  # where the learner left off


def test_outside_a_running_loop_nothing_is_built_ahead(course: Path) -> None:
    p = PlayerWidget(load_content(course), learner="ada", store=MemoryStore())
    assert p._topic_views == {}


def test_the_next_topic_is_built_while_the_learner_reads(course: Path, quick, lock) -> None:
    p = in_a_running_loop(lambda: PlayerWidget(load_content(course), learner="ada", store=MemoryStore()))
    assert set(p._topic_views) == {"alpha"} and p.view == "contents"
    built = p._topic_views["alpha"]
    p.go(Route("topic", "alpha"))
    assert p._main.children == (built,)  # the click only shows what was built


def test_it_waits_while_another_kernel_has_the_turn(course: Path, quick, lock) -> None:
    other = BackgroundTurn(lock)
    with other.take() as granted:
        assert granted
        p = in_a_running_loop(lambda: PlayerWidget(load_content(course), learner="ada", store=MemoryStore()))
        assert p._topic_views == {}  # still waiting for its turn

        async def after_release():
            IOLoop.current()
            p._prepare_soon("alpha")  # as go() does
            await asyncio.sleep(0.1)
            return dict(p._topic_views)

    assert "alpha" in run_async(after_release())
    other.close()


def test_a_learner_who_moved_on_is_not_prepared_for(course: Path, quick, lock) -> None:
    other = BackgroundTurn(lock)

    async def main():
        IOLoop.current()
        with other.take():
            p = PlayerWidget(load_content(course), learner="ada", store=MemoryStore())  # would prepare alpha
            await asyncio.sleep(0.05)  # its kernel keeps trying while another has the turn
            p.go(Route("progress"))  # moved on before its turn came: nothing is likely next
        await asyncio.sleep(0.1)  # the turn is free again
        return p

    assert run_async(main())._topic_views == {}
    other.close()


def test_one_turn_across_processes(lock) -> None:
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # another kernel: holds the turn for a moment
        turn = BackgroundTurn(lock)
        with turn.take() as granted:
            os.write(write, b"1" if granted else b"0")
            time.sleep(0.5)
        os._exit(0)
    assert os.read(read, 1) == b"1"
    mine = BackgroundTurn(lock)
    with mine.take() as granted:
        assert not granted
    os.waitpid(pid, 0)
    with mine.take() as granted:
        assert granted  # given back when the other was done
    mine.close()


def test_a_turn_dies_with_its_kernel(lock) -> None:
    pid = os.fork()
    if pid == 0:
        turn = BackgroundTurn(lock)
        with turn.take():
            os.kill(os.getpid(), 9)
    os.waitpid(pid, 0)
    with BackgroundTurn(lock).take() as granted:
        assert granted


def test_without_a_lock_file_every_turn_is_granted(monkeypatch) -> None:
    monkeypatch.delenv(BACKGROUND_LOCK_ENV, raising=False)
    turn = BackgroundTurn.from_env()
    with turn.take() as first, turn.take() as second:
        assert first and second

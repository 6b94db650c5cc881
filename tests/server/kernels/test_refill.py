"""The refill gate: no refill while learners are arriving or the machine is busy."""

from __future__ import annotations

import asyncio

from netedu.server.kernels.refill import RefillGate
from tests.support.aio import run as run_async


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_no_refill_while_learners_keep_arriving() -> None:
    clock, cpu = Clock(), [5.0]
    gate = RefillGate(quiet_s=30, busy_percent=50, clock=clock, cpu=lambda: cpu[0])
    assert gate.may_refill() == (True, "")  # nobody has arrived: the first fill goes ahead
    for second in range(0, 120, 10):  # a learner every ten seconds for two minutes
        clock.now = second
        gate.arrived()
        assert gate.may_refill()[0] is False
    clock.now = 110 + 29.9
    assert gate.may_refill() == (False, "a learner arrived 30 s ago")
    clock.now = 110 + 30
    assert gate.may_refill() == (True, "")


def test_no_refill_while_the_machine_is_busy() -> None:
    clock, cpu = Clock(), [80.0]
    gate = RefillGate(quiet_s=30, busy_percent=50, clock=clock, cpu=lambda: cpu[0])
    assert gate.may_refill() == (False, "the machine is busy (80% CPU)")
    cpu[0] = 49.0
    assert gate.may_refill() == (True, "")


def test_refills_wait_for_quiet_and_go_one_at_a_time() -> None:
    clock, cpu, order = Clock(), [5.0], []
    gate = RefillGate(quiet_s=30, busy_percent=50, clock=clock, cpu=lambda: cpu[0], check_every_s=0)

    async def sleep(_seconds: float) -> None:
        clock.now += 10  # each check, ten seconds pass
        await asyncio.sleep(0)

    async def refill(n: int) -> None:
        await gate.wait(sleep)
        order.append((n, clock.now))

    async def main() -> None:
        gate.arrived()  # at t = 0
        await asyncio.gather(*(refill(n) for n in range(3)))

    run_async(main())
    assert [n for n, _ in order] == [0, 1, 2]
    assert order[0][1] >= 30  # not before the room was quiet for 30 s
    assert order[1][1] > order[0][1] and order[2][1] > order[1][1]  # one after another, each checking again

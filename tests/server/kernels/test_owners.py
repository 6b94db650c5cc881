"""KernelOwners: each kernel is its learner's; the per-learner and server budgets."""

from __future__ import annotations

from netedu.server.kernels.owners import KernelOwners, default_limit


def owners(**kwargs) -> tuple[KernelOwners, list[float]]:
    now = [0.0]

    def clock() -> float:
        now[0] += 1.0  # every event a second after the last
        return now[0]

    return KernelOwners(clock=clock, **kwargs), now


def test_a_kernel_is_usable_by_its_learner_only() -> None:
    o, _ = owners()
    assert not o.may_use("k1", "anon-a")  # a warm kernel nobody has taken
    o.take("k1", "anon-a")
    assert o.may_use("k1", "anon-a") and not o.may_use("k1", "anon-b") and not o.may_use("k1", None)
    o.forget("k1")
    assert not o.may_use("k1", "anon-a") and len(o) == 0


def test_only_the_kernels_own_secret_matches() -> None:
    o, _ = owners()
    secret = KernelOwners.new_secret()
    o.remember_secret("k1", secret)
    assert o.secret_matches("k1", secret)
    assert not o.secret_matches("k1", secret[:-1] + "x") and not o.secret_matches("k1", "") and not o.secret_matches("k1", None)
    assert not o.secret_matches("k2", secret)
    o.forget("k1")
    assert not o.secret_matches("k1", secret)


def test_a_learners_oldest_kernels_make_room_for_their_newest() -> None:
    o, _ = owners(per_learner=3)
    for k in ("k1", "k2", "k3"):
        o.take(k, "anon-a")
    o.take("other", "anon-b")
    assert o.kernels_of("anon-a") == ["k1", "k2", "k3"]
    assert o.to_let_go("anon-a") == ["k1"]  # a fourth page: the oldest goes
    assert o.to_let_go("anon-b") == [] and o.to_let_go("anon-new") == []


def test_the_room_is_full_for_new_learners_only() -> None:
    o, _ = owners(limit=2)
    o.take("k1", "anon-a")
    o.take("k2", "anon-b")
    assert o.room_is_full("anon-c") and not o.room_is_full("anon-a")


def test_kernels_never_opened_by_their_page_are_found() -> None:
    o, now = owners()
    o.take("opened", "anon-a")
    o.take("abandoned", "anon-b")
    o.connected("opened")
    o.connected("not-a-kernel-we-know")
    assert o.never_connected(older_than_s=100) == []
    now[0] += 200
    assert o.never_connected(older_than_s=100) == ["abandoned"]


def test_the_default_limit_follows_the_machines_memory() -> None:
    gib = 2**30
    assert default_limit(forked=True, available_bytes=5 * gib) == 102
    assert default_limit(forked=False, available_bytes=5 * gib) == 37
    assert default_limit(forked=True, available_bytes=gib) == 10  # never fewer than 10

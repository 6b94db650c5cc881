"""Who a page belongs to: learner ids made from valid cookies only, the kernel's learner from the
server's header, and educator sessions that never hold the key."""

from __future__ import annotations

import pytest

from netedu.server.identity import (
    LEARNER_HEADER,
    ROLE_HEADER,
    EducatorSessions,
    Throttle,
    UnknownLearner,
    current_learner,
    header_env,
    is_educator,
    key_hash,
    learner_id,
    new_learner_token,
    valid_learner_token,
)
from netedu.settings import HUB_USER_ENV, LEARNER_ENV, SERVED_ENV


def test_a_learner_is_a_hash_of_their_cookie_never_the_cookie_itself() -> None:
    token = new_learner_token()
    learner = learner_id(token)
    assert learner.startswith("anon-") and token not in learner and learner == learner_id(token)
    assert learner_id(new_learner_token()) != learner


@pytest.mark.parametrize("value", ["", "zzz", "A" * 15, "A" * 65, "a b" * 8, "café" * 5, '{"a": 1}' * 3, "A" * 20 + ";", None])
def test_a_malformed_learner_cookie_is_no_learner(value) -> None:
    assert not valid_learner_token(value) and learner_id(value) is None


def test_cookies_issued_by_earlier_versions_stay_valid() -> None:
    assert learner_id("spaced-review-learner-0001").startswith("anon-")  # 26 characters


@pytest.fixture
def kernel_env(monkeypatch):
    for name in (HUB_USER_ENV, LEARNER_ENV, SERVED_ENV, header_env(LEARNER_HEADER), header_env(ROLE_HEADER)):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_the_hub_user_comes_first_then_a_fixed_learner_then_the_servers_header(kernel_env) -> None:
    learner = learner_id(new_learner_token())
    kernel_env.setenv(header_env(LEARNER_HEADER), learner)
    assert current_learner() == learner
    kernel_env.setenv(LEARNER_ENV, "ada")
    assert current_learner() == "ada"
    kernel_env.setenv(HUB_USER_ENV, "grace")
    assert current_learner() == "grace"


def test_a_served_kernel_without_a_learner_has_no_shared_fallback(kernel_env) -> None:
    assert current_learner() == "anonymous"  # a notebook opened in JupyterLab
    kernel_env.setenv(SERVED_ENV, "1")
    with pytest.raises(UnknownLearner, match="reload the page"):
        current_learner()
    kernel_env.setenv(header_env(LEARNER_HEADER), "anonymous")  # only ids the server makes count
    with pytest.raises(UnknownLearner):
        current_learner()


def test_the_role_comes_from_the_servers_header_only(kernel_env) -> None:
    assert not is_educator()
    kernel_env.setenv(header_env(ROLE_HEADER), "learner")
    assert not is_educator()
    kernel_env.setenv(header_env(ROLE_HEADER), "educator")
    assert is_educator()


def test_an_educator_session_proves_the_key_without_holding_it() -> None:
    key = "a-long-educator-key"
    now = [1000.0]
    sessions = EducatorSessions(key_hash(key), lifetime_s=60, clock=lambda: now[0])
    token = sessions.issue()
    assert key not in token and key_hash(key) not in token
    assert sessions.valid(token) and sessions.key_matches(key) and not sessions.key_matches(key[:-1] + "X")
    assert not sessions.valid("") and not sessions.valid("1.2") and not sessions.valid(None)
    assert not sessions.valid(token.replace(token.split(".")[0], "99999999999", 1))  # a later expiry is not signed
    assert not EducatorSessions(key_hash("another-long-key"), clock=lambda: now[0]).valid(token)
    now[0] += 61
    assert not sessions.valid(token)  # expired


def test_the_throttle_counts_failures_per_client_in_a_sliding_window() -> None:
    now = [0.0]
    throttle = Throttle(limit=3, window_s=60, clock=lambda: now[0])
    for _ in range(3):
        throttle.failed("10.0.0.5")
    assert throttle.blocked("10.0.0.5") and not throttle.blocked("10.0.0.6")
    assert 1 <= throttle.retry_after("10.0.0.5") <= 61
    now[0] += 61
    assert not throttle.blocked("10.0.0.5") and throttle.retry_after("10.0.0.5") == 0

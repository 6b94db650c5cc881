"""Who a page belongs to: the learner's cookie and the educator's key."""

from __future__ import annotations

from netedu.server.identity import EDUCATOR_COOKIE, is_educator, key_hash, learner_from_cookie
from netedu.settings import EDUCATOR_KEY_HASH_ENV


def test_only_the_educator_key_opens_the_educator_view(monkeypatch) -> None:
    monkeypatch.delenv(EDUCATOR_KEY_HASH_ENV, raising=False)
    assert not is_educator(f"{EDUCATOR_COOKIE}=a-long-educator-key")  # no key configured: nobody
    monkeypatch.setenv(EDUCATOR_KEY_HASH_ENV, key_hash("a-long-educator-key"))
    assert is_educator(f"other=1; {EDUCATOR_COOKIE}=a-long-educator-key")
    assert not is_educator(f"{EDUCATOR_COOKIE}=a-long-educator-kez")
    assert not is_educator(f"{EDUCATOR_COOKIE}=short")
    assert not is_educator('bad"cookie')
    monkeypatch.setenv("HTTP_COOKIE", f"{EDUCATOR_COOKIE}=a-long-educator-key")
    assert is_educator()  # the kernel's page cookies, as Voila passes them


def test_a_learner_is_a_hash_of_their_cookie_never_the_cookie_itself() -> None:
    token = "A" * 24
    learner = learner_from_cookie(f"netedu_learner={token}")
    assert learner.startswith("anon-") and token not in learner and learner == learner_from_cookie(f"x=1; netedu_learner={token}")
    assert learner_from_cookie("netedu_learner=short") is None and learner_from_cookie("") is None


def test_the_hub_user_comes_first_then_a_fixed_learner_then_the_cookie(monkeypatch) -> None:
    from netedu.server.identity import current_learner

    monkeypatch.setenv("HTTP_COOKIE", "netedu_learner=" + "B" * 24)
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    monkeypatch.delenv("NETEDU_LEARNER", raising=False)
    assert current_learner().startswith("anon-")
    monkeypatch.setenv("NETEDU_LEARNER", "ada")
    assert current_learner() == "ada"
    monkeypatch.setenv("JUPYTERHUB_USER", "grace")
    assert current_learner() == "grace"

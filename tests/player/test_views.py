"""The player's views as HTML: waits in words, the course map, progress."""

from __future__ import annotations

import datetime as dt

import pytest

from netedu.player.views import _from_now
from tests.support.answers import T0


@pytest.mark.parametrize(
    "wait, words",
    [
        ({"minutes": 5}, "in less than an hour"),
        ({"hours": 3}, "in about 3 hours"),
        ({"hours": 26}, "tomorrow"),
        ({"days": 4}, "in 4 days"),
        ({"days": 23}, "in 3 weeks"),
    ],
)
def test_waits_are_said_in_words(wait, words) -> None:
    assert _from_now(T0 + dt.timedelta(**wait), T0) == words

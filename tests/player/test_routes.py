"""Routes: where the learner is in the player, as a URL query (deep links, back and forward)."""

from __future__ import annotations

import pytest

from netedu.player.routes import Route, parse_route

TOPICS = {"alpha", "beta"}


@pytest.mark.parametrize(
    "query, route",
    [
        ("", Route()),
        ("?", Route()),
        ("?topic=alpha", Route("topic", "alpha")),
        ("?topic=alpha&section=why-it-matters", Route("topic", "alpha", "why-it-matters")),
        ("topic=beta", Route("topic", "beta")),
        ("?view=progress", Route("progress")),
        ("?view=start", Route("start")),
        ("?topic=gamma", Route()),  # unknown topic
        ("?topic=../../etc/passwd", Route()),
        ("?topic=alpha&section=<script>", Route("topic", "alpha")),
        ("?view=admin", Route()),
    ],
)
def test_queries_become_routes_and_nonsense_goes_to_contents(query, route) -> None:
    assert parse_route(query, TOPICS) == route


def test_routes_round_trip_through_their_query() -> None:
    for route in (Route(), Route("start"), Route("progress"), Route("topic", "alpha"), Route("topic", "beta", "key-points")):
        assert parse_route(route.query, TOPICS) == route


def test_progress_routes_keep_a_known_section_only() -> None:
    assert parse_route("?view=progress&section=due-again") == Route("progress", section="due-again")
    assert parse_route(Route("progress", section="due-again").query) == Route("progress", section="due-again")
    assert parse_route("?view=progress&section=<b>") == Route("progress")

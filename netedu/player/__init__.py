"""The course player: one Voila app, one kernel per learner, every topic inside it."""

from netedu.player.pages import PlayerPage, read_page
from netedu.player.player import PlayerWidget
from netedu.player.routes import Route, parse_route

__all__ = ["PlayerPage", "PlayerWidget", "Route", "parse_route", "read_page"]

"""The course player: one Voila app, one kernel per learner, every topic inside it."""

from netedu.player.pages import Page, read_page
from netedu.player.player import PlayerWidget
from netedu.player.routes import Route, parse_route

__all__ = ["Page", "PlayerWidget", "Route", "parse_route", "read_page"]

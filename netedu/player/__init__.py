"""The course player: one Voila app, one kernel per learner, every topic inside it."""

from .pages import Page, read_page
from .player import PlayerWidget
from .routes import Route, parse_route

__all__ = ["Page", "PlayerWidget", "Route", "parse_route", "read_page"]

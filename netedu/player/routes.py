"""Where the learner is in the course player, as a URL query (deep links, back and forward)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qs, urlencode

__all__ = ["Route", "parse_route"]

ViewName = Literal["contents", "topic", "start", "progress"]
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Route:
    """A view of the player: the contents, the start page, a topic (and section), progress."""

    view: ViewName = "contents"
    topic: str | None = None
    section: str | None = None

    @property
    def query(self) -> str:
        """The URL query for this route, e.g. ``?topic=epidemiology&section=incidence``."""
        if self.view == "topic" and self.topic:
            params = {"topic": self.topic, **({"section": self.section} if self.section else {})}
            return "?" + urlencode(params)
        if self.view == "progress" and self.section:
            return "?" + urlencode({"view": "progress", "section": self.section})
        if self.view in ("start", "progress"):
            return f"?view={self.view}"
        return "?"


def parse_route(query: str, topics: set[str] | frozenset[str] = frozenset()) -> Route:
    """The route a URL query asks for; anything unknown or malformed falls back to contents.

    >>> parse_route("?topic=epidemiology&section=incidence", {"epidemiology"})
    Route(view='topic', topic='epidemiology', section='incidence')
    >>> parse_route("?topic=../../etc", {"epidemiology"})
    Route(view='contents', topic=None, section=None)
    >>> parse_route("?view=progress&section=due-again")
    Route(view='progress', topic=None, section='due-again')
    """
    params = parse_qs(query.lstrip("?"), keep_blank_values=False)
    topic = (params.get("topic") or [None])[0]
    section = (params.get("section") or [None])[0]
    view = (params.get("view") or [None])[0]
    if topic and _SLUG.match(topic) and topic in topics:
        return Route("topic", topic, section if section and _SLUG.match(section) else None)
    if view == "progress":
        return Route("progress", section=section if section and _SLUG.match(section) else None)
    if view == "start":
        return Route(view)
    return Route()

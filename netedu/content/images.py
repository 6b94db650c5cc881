"""Images that questions point at: read an SVG's coordinate box without trusting its content."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

__all__ = ["region_inside", "svg_data_uri", "svg_viewbox"]

_FORBIDDEN = re.compile(rb"<script|\bon[a-z]+\s*=|javascript:|<foreignObject|xlink:href\s*=\s*[\"']https?:|href\s*=\s*[\"']https?:", re.I)


def svg_viewbox(path: Path) -> tuple[float, float, float, float]:
    """``(x, y, width, height)`` of an SVG's ``viewBox``; ``ValueError`` if it has none, is not
    an SVG, or holds scripts, event handlers or links to other hosts.
    """
    data = path.read_bytes()
    if _FORBIDDEN.search(data):
        raise ValueError("contains scripts, event handlers or remote links; only plain drawings are allowed")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as err:
        raise ValueError(f"is not valid SVG ({err})") from None
    if not root.tag.endswith("svg"):
        raise ValueError("is not an SVG drawing")
    box = root.get("viewBox")
    if not box:
        raise ValueError("has no viewBox (regions are given in viewBox coordinates)")
    parts = [float(v) for v in re.split(r"[\s,]+", box.strip())]
    if len(parts) != 4 or parts[2] <= 0 or parts[3] <= 0:
        raise ValueError(f"has an unusable viewBox {box!r}")
    return parts[0], parts[1], parts[2], parts[3]


def svg_data_uri(path: Path) -> str:
    """The SVG as a ``data:`` URI, shown through an ``<image>`` element (which never runs scripts)."""
    import base64

    svg_viewbox(path)  # refuse anything that is not a plain drawing
    return "data:image/svg+xml;base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def region_inside(box: tuple[float, float, float, float], shape: str, coords: tuple[float, ...]) -> bool:
    """Whether a region (``rect``: x, y, w, h; ``circle``: cx, cy, r; ``polygon``: x1, y1, ...)
    lies within a viewBox ``(x, y, width, height)``.
    """
    if shape == "circle":
        cx, cy, r = coords
        xs, ys = (cx - r, cx + r), (cy - r, cy + r)
    elif shape == "rect":
        x, y, w, h = coords
        xs, ys = (x, x + w), (y, y + h)
    else:
        xs, ys = coords[0::2], coords[1::2]
    x0, y0, width, height = box
    return min(xs) >= x0 and max(xs) <= x0 + width and min(ys) >= y0 and max(ys) <= y0 + height

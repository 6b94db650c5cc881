"""BodyMapWidget, driven from Python as the page would drive it."""

from __future__ import annotations

from netedu.widgets.explorers.body_map import BodyMapWidget


def test_body_map_shows_an_organs_nets(build) -> None:
    w = build("body-map")
    assert isinstance(w, BodyMapWidget) and not w.map.show_submit
    w.choose("pancreas")
    assert "Pancreatic NETs" in w.details.value and "Pancreas" in w.map.announcement
    w.map.selected = "not-an-organ"
    assert w.map.selected == ""  # garbage from the page is dropped

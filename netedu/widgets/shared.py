"""Layouts and styles shared by every netedu widget in a kernel, and the boxes that use them.

ipywidgets gives each widget a Layout model of its own (and each HTML widget a style model):
a topic view would send the page some sixty models that all say "no special layout". netedu's
widgets never change their layout, so they share one, and the page builds a third as many
models when the learner opens a topic.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import ipywidgets as ipw
from ipywidgets.widgets.widget_string import HTMLStyle

__all__ = ["HBox", "VBox", "auto_width", "forget_shared", "plain_html_style", "plain_layout"]


@cache
def plain_layout() -> ipw.Layout:
    """The one default layout of this kernel's netedu widgets (never changed)."""
    return ipw.Layout()


@cache
def auto_width() -> ipw.Layout:
    """A layout as wide as its content (buttons that fit their words)."""
    return ipw.Layout(width="auto")


@cache
def plain_html_style() -> HTMLStyle:
    """The one default style of this kernel's HTML widgets."""
    return HTMLStyle()


def forget_shared() -> None:
    """Drop the shared models (a kernel template does, so that each kernel makes its own)."""
    for made in (plain_layout, auto_width, plain_html_style):
        made.cache_clear()


class VBox(ipw.VBox):
    """A vertical box with the shared layout."""

    def __init__(self, children: Any = (), **kwargs: Any):
        kwargs.setdefault("layout", plain_layout())
        super().__init__(children, **kwargs)


class HBox(ipw.HBox):
    """A horizontal box with the shared layout."""

    def __init__(self, children: Any = (), **kwargs: Any):
        kwargs.setdefault("layout", plain_layout())
        super().__init__(children, **kwargs)

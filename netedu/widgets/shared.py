"""Layouts and styles shared by every netedu widget in a kernel, and the stock widgets netedu uses.

ipywidgets gives each widget a Layout model of its own (and each HTML widget a style model):
a topic view would send the page some sixty models that all say "no special layout". netedu's
widgets never change their layout, so they share one, and the page builds a third as many
models when the learner opens a topic.

Every widget class here takes no update from the page (:class:`~netedu.widgets.inputs.PageInputs`):
a button's click and an output's content are the kernel's business alone.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import ipywidgets as ipw
from ipywidgets.widgets.widget_button import ButtonStyle
from ipywidgets.widgets.widget_string import HTMLStyle

from netedu.widgets.inputs import PageInputs

__all__ = ["Button", "HBox", "Layout", "Output", "VBox", "auto_width", "forget_shared", "plain_html_style", "plain_layout"]


class Layout(PageInputs, ipw.Layout):
    """A layout the page cannot change."""


class _HTMLStyle(PageInputs, HTMLStyle):
    """An HTML widget's style the page cannot change."""


class _ButtonStyle(PageInputs, ButtonStyle):
    """A button's style the page cannot change."""


@cache
def plain_layout() -> ipw.Layout:
    """The one default layout of this kernel's netedu widgets (never changed)."""
    return Layout()


@cache
def auto_width() -> ipw.Layout:
    """A layout as wide as its content (buttons that fit their words)."""
    return Layout(width="auto")


@cache
def plain_html_style() -> HTMLStyle:
    """The one default style of this kernel's HTML widgets."""
    return _HTMLStyle()


def forget_shared() -> None:
    """Drop the shared models (a kernel template does, so that each kernel makes its own)."""
    for made in (plain_layout, auto_width, plain_html_style):
        made.cache_clear()


class VBox(PageInputs, ipw.VBox):
    """A vertical box with the shared layout."""

    def __init__(self, children: Any = (), **kwargs: Any):
        kwargs.setdefault("layout", plain_layout())
        super().__init__(children, **kwargs)


class HBox(PageInputs, ipw.HBox):
    """A horizontal box with the shared layout."""

    def __init__(self, children: Any = (), **kwargs: Any):
        kwargs.setdefault("layout", plain_layout())
        super().__init__(children, **kwargs)


class Button(PageInputs, ipw.Button):
    """A button; clicks reach the kernel as messages, nothing else from the page does."""

    def __init__(self, **kwargs: Any):
        kwargs.setdefault("style", _ButtonStyle())
        kwargs.setdefault("layout", plain_layout())
        super().__init__(**kwargs)


class Output(PageInputs, ipw.Output):
    """An output area the kernel fills (``outputs = ...``); the page cannot put anything in it.

    netedu never captures output with ``with output:`` (the one case where the page itself
    reports outputs back), so nothing the page sends here is needed."""

    def __init__(self, **kwargs: Any):
        kwargs.setdefault("layout", plain_layout())
        super().__init__(**kwargs)

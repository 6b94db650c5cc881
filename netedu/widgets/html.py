"""SafeHTML: the only HTML widget netedu uses; whatever it is given is sanitized first."""

from __future__ import annotations

import ipywidgets as ipw
import traitlets

from netedu.render import sanitize
from netedu.widgets.inputs import PageInputs
from netedu.widgets.shared import plain_html_style, plain_layout

__all__ = ["SafeHTML"]


class SafeHTML(PageInputs, ipw.HTML):
    """An ``ipywidgets.HTML`` whose value always passes :func:`netedu.render.sanitize`; the page
    cannot set anything in it (:class:`~netedu.widgets.inputs.PageInputs`).

    >>> SafeHTML('<b onclick="steal()">hi</b>').value
    '<b>hi</b>'
    """

    def __init__(self, value: str = "", **kwargs):
        kwargs.setdefault("layout", plain_layout())
        kwargs.setdefault("style", plain_html_style())
        super().__init__(value, **kwargs)

    @traitlets.validate("value")
    def _sanitize(self, proposal: dict) -> str:
        return sanitize(proposal["value"] or "")

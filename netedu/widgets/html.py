"""SafeHTML: the only HTML widget netedu uses; whatever it is given is sanitized first."""

from __future__ import annotations

import ipywidgets as ipw
import traitlets

from netedu.render import sanitize

__all__ = ["SafeHTML"]


class SafeHTML(ipw.HTML):
    """An ``ipywidgets.HTML`` whose value always passes :func:`netedu.render.sanitize`.

    >>> SafeHTML('<b onclick="steal()">hi</b>').value
    '<b>hi</b>'
    """

    @traitlets.validate("value")
    def _sanitize(self, proposal: dict) -> str:
        return sanitize(proposal["value"] or "")

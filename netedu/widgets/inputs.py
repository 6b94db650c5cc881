"""PageInputs: the page may set only a widget's learner inputs, and every page sees them checked."""

from __future__ import annotations

import logging
from typing import Any, ClassVar

from ipywidgets.widgets import widget as _ipywidget

__all__ = ["PageInputs"]

log = logging.getLogger("netedu")


class PageInputs:
    """Mixed into every netedu widget class, ahead of the ipywidgets class it extends.

    ipywidgets 8 applies every trait update a page sends, and first echoes it exactly as sent
    to every page on the kernel (``echo_update``), before any validator has run. A second
    connection to a learner's kernel could so put script into the learner's page through any
    trait that carries HTML (``prompt_html``, ``options``, ``marks``, ``SafeHTML.value``,
    ``description`` with ``description_allow_html``), anywidget's ``_esm`` or an ``Output``'s
    outputs. Here the page may set only the traits named in :attr:`page_inputs` (the
    learner's answer: ``selected``, ``text``, ``order``...); an update to any other trait is
    dropped and logged. An accepted update is validated first, and the value it validated to,
    not what was sent, is what the pages get back. A value that fails validation leaves the
    trait as it was; a message of the wrong shape is dropped (no traceback goes to the page).

    >>> from netedu.widgets.html import SafeHTML
    >>> html = SafeHTML("<b>hi</b>")
    >>> html.set_state({"value": "<img src=x onerror=alert(1)>", "description_allow_html": True})
    >>> html.value, html.description_allow_html
    ('<b>hi</b>', False)
    """

    #: The traits the page may set: the learner's inputs, never one that is rendered as HTML.
    page_inputs: ClassVar[tuple[str, ...]] = ()

    def _handle_msg(self, msg: dict) -> None:
        """Take a message from the page only in a shape ipywidgets can handle without failing."""
        data = msg.get("content", {}).get("data") if isinstance(msg.get("content"), dict) else None
        method = data.get("method") if isinstance(data, dict) else None
        fine = method in ("request_state", "custom") or (
            method == "update" and isinstance(data.get("state"), dict) and _buffers_fit(data.get("buffer_paths", []), msg.get("buffers"))
        )
        if not fine:
            log.warning("netedu: dropped a malformed message from the page to %s", type(self).__name__)
            return
        super()._handle_msg(msg)  # type: ignore[misc]

    def set_state(self, sync_data: dict[str, Any]) -> None:
        """Apply an update from the page: only :attr:`page_inputs`, validated, then echoed."""
        accepted = {name: value for name, value in sync_data.items() if name in self.page_inputs and name in self.keys}
        if refused := sorted(set(sync_data) - set(accepted)):
            log.warning("netedu: refused an update from the page to %s.%s", type(self).__name__, ", ".join(map(str, refused[:8])))
        if not accepted:
            return
        before = {name: getattr(self, name) for name in accepted}
        # One trait at a time, not under hold_trait_notifications as ipywidgets does: held, a
        # validator runs only once the new value is already in place, so one that falls back to
        # the current value (an ordering that is not a permutation) would keep the bad value.
        try:
            with self._lock_property(**accepted):
                for name, value in accepted.items():
                    from_json = self.trait_metadata(name, "from_json", self._trait_from_json)
                    self.set_trait(name, from_json(value, self))
        except Exception as err:  # a malformed input: keep the last good value, tell the pages
            log.warning("netedu: refused a malformed update to %s (%s)", type(self).__name__, type(err).__name__)
            for name, value in before.items():
                self.set_trait(name, value)
        if _ipywidget.JUPYTER_WIDGETS_ECHO:
            state, buffer_paths, buffers = _ipywidget._remove_buffers(self.get_state(list(accepted)))
            self._send({"method": "echo_update", "state": state, "buffer_paths": buffer_paths}, buffers=buffers)


def _buffers_fit(paths: Any, buffers: Any) -> bool:
    return isinstance(paths, list) and all(isinstance(p, list) and p for p in paths) and len(paths) <= len(buffers or [])

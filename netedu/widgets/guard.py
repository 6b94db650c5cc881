"""Widget callbacks never fail silently or send a traceback to the page."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["FRIENDLY_ERROR", "friendly"]

log = logging.getLogger("netedu")

FRIENDLY_ERROR = (
    "Sorry, something went wrong here. Your earlier answers are safe. Please try again, and tell your instructor if it happens again."
)

F = TypeVar("F", bound=Callable[..., Any])


def friendly(method: F) -> F:
    """Wrap a widget callback: log any exception with its traceback (server side) and show
    :data:`FRIENDLY_ERROR` through the instance's ``show_error(message)`` instead.
    """

    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except Exception:
            log.exception("netedu: %s.%s failed", type(self).__name__, method.__name__)
            self.show_error(FRIENDLY_ERROR)
            return None

    return wrapper  # type: ignore[return-value]

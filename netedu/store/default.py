"""The store notebooks and the player use unless told otherwise: opened on first use, never as a
side effect of importing a module or of a default argument."""

from __future__ import annotations

import logging
import os

from netedu.settings import STORE_SOCKET_ENV, database_url
from netedu.store.memory import MemoryStore
from netedu.store.protocol import Store

__all__ = ["default_store", "open_store", "set_default_store"]

log = logging.getLogger("netedu")
_default: Store | None = None


def open_store(url: str | None = None) -> Store:
    """A SQL store at ``url`` (default: :func:`netedu.settings.database_url`)."""
    from netedu.store.sql import SqlStore  # SQLAlchemy loads only when a store is opened

    return SqlStore(url or database_url())


def default_store() -> Store:
    """The progress store, opened on first call: the server's (through the socket it names in
    ``$NETEDU_STORE_SOCKET``) in a kernel of ``netedu serve``, else the database at
    :func:`netedu.settings.database_url`; this kernel's memory if it cannot be opened (the
    failure is logged)."""
    global _default
    if _default is None:
        try:
            if socket_path := os.environ.get(STORE_SOCKET_ENV):
                from netedu.store.remote import RemoteStore

                _default = RemoteStore(socket_path)
            else:
                _default = open_store()
        except Exception:
            log.exception("netedu: the progress store cannot be opened; answers are kept in memory only")
            _default = MemoryStore()
    return _default


def set_default_store(store: Store | None) -> Store | None:
    """Make ``store`` the default (``None``: open the configured one on next use); returns the previous."""
    global _default
    previous, _default = _default, store
    return previous

"""The store notebooks and the player use unless told otherwise: opened on first use, never as a
side effect of importing a module or of a default argument."""

from __future__ import annotations

import logging
import os

from netedu.settings import SERVED_ENV, STORE_SOCKET_ENV, database_url
from netedu.store.failures import StoreUnavailable, describe
from netedu.store.memory import MemoryStore
from netedu.store.protocol import Store

__all__ = ["default_store", "open_store", "set_default_store"]

log = logging.getLogger("netedu")
_default: Store | None = None


def open_store(url: str | None = None, *, check_writes: bool = False) -> Store:
    """A SQL store at ``url`` (default: :func:`netedu.settings.database_url`), its migrations
    run; with ``check_writes``, also proven to take a write. :class:`StoreUnavailable` naming
    the URL (password hidden) and the reason if it cannot be opened.

    >>> open_store("sqlite:////proc/no/such/folder/p.sqlite")
    Traceback (most recent call last):
    ...
    netedu.store.failures.StoreUnavailable: cannot open the progress store at sqlite:////proc/no/such/folder/p.sqlite: FileNotFoundError: No such file or directory
    """
    from netedu.store.sql import SqlStore, safe_url  # SQLAlchemy loads only when a store is opened

    url = url or database_url()
    store = None
    try:
        store = SqlStore(url)
        if check_writes:
            store.check_writable()
    except Exception as err:
        if store is not None:
            store.close()
        raise StoreUnavailable(f"cannot open the progress store at {safe_url(url)}: {describe(err)}") from err
    return store


def default_store() -> Store:
    """The progress store, opened on first call: the server's (through the socket it names in
    ``$NETEDU_STORE_SOCKET``) in a kernel of ``netedu serve``, else the database at
    :func:`netedu.settings.database_url`.

    Outside a served course (a notebook in JupyterLab) a database that cannot be opened leaves
    this kernel's memory (the failure is logged). In a served course there is no such fallback:
    a learner must never be graded on answers that are silently kept nowhere
    (:class:`StoreUnavailable`)."""
    global _default
    if _default is None:
        socket_path = os.environ.get(STORE_SOCKET_ENV)
        if socket_path:
            from netedu.store.remote import RemoteStore

            _default = RemoteStore(socket_path)
        elif os.environ.get(SERVED_ENV) == "1":
            raise StoreUnavailable(f"this kernel of a served course has no progress store (${STORE_SOCKET_ENV} is not set)")
        else:
            try:
                _default = open_store()
            except StoreUnavailable as err:
                log.error("netedu: %s; answers are kept in this kernel's memory only", err)
                _default = MemoryStore()
    return _default


def set_default_store(store: Store | None) -> Store | None:
    """Make ``store`` the default (``None``: open the configured one on next use); returns the previous."""
    global _default
    previous, _default = _default, store
    return previous

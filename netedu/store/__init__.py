"""Where answers are kept: answer events, the store protocol, the in-memory and SQL stores.

>>> from netedu.store import MemoryStore, Store
>>> isinstance(MemoryStore(), Store)
True
"""

from netedu.store.default import default_store, open_store, set_default_store
from netedu.store.events import AnswerEvent, stamp, utc_now
from netedu.store.memory import MemoryStore
from netedu.store.protocol import Store

__all__ = ["AnswerEvent", "MemoryStore", "Store", "default_store", "open_store", "set_default_store", "stamp", "utc_now"]

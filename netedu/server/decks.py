"""DeckCache: the course's Anki deck as bytes for the download link, built once per content change."""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path

from netedu.content import load_content
from netedu.export.anki import ANKI_FILE_NAME, write_anki

__all__ = ["DeckCache"]


class DeckCache:
    """The whole course's deck as bytes, rebuilt only when a content file changes (a room of
    learners clicking the link at once costs one build)."""

    def __init__(self, root: Path | str):
        self.root = Path(root)
        self._lock = threading.Lock()
        self._stamp: tuple[float, int] | None = None
        self._data = b""

    def _content_stamp(self) -> tuple[float, int]:
        files = [p for p in (self.root / "data").rglob("*") if p.is_file()]
        return (max((p.stat().st_mtime for p in files), default=0.0), len(files))

    def get(self) -> bytes:
        """The .apkg bytes (raises ``ContentError`` if the content has problems)."""
        with self._lock:
            stamp = self._content_stamp()
            if stamp != self._stamp:
                with tempfile.TemporaryDirectory() as folder:
                    path = Path(folder) / ANKI_FILE_NAME
                    write_anki(load_content(self.root), path)
                    self._data = path.read_bytes()
                self._stamp = stamp
            return self._data

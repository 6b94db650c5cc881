"""Export the question bank for study elsewhere: one module per format."""

from netedu.export.anki import ANKI_FILE_NAME, AnkiExport, anki_deck, write_anki

__all__ = ["ANKI_FILE_NAME", "AnkiExport", "anki_deck", "write_anki"]

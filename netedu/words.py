"""Small helpers for the words netedu shows: plurals, lists and messages as sentences."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["and_list", "plural", "sentence", "upper_first"]


def plural(count: int, noun: str, many: str | None = None) -> str:
    """``count`` and the noun, singular or plural.

    >>> plural(1, "question"), plural(3, "question"), plural(2, "syndrome fits", "syndromes fit")
    ('1 question', '3 questions', '2 syndromes fit')
    """
    return f"{count} {noun if count == 1 else (many or noun + 's')}"


def upper_first(text: str) -> str:
    """The text with its first letter upper-cased and the rest left as written.

    Unlike :meth:`str.capitalize`, the learner's own words keep their case.

    >>> upper_first("give the answer in cm (you wrote 'Inches')")
    "Give the answer in cm (you wrote 'Inches')"
    """
    return text[:1].upper() + text[1:]


def sentence(text: str) -> str:
    """A message as a sentence: first letter upper-cased, one closing full stop.

    >>> sentence("type a number, e.g. 3 or 2.5"), sentence("Is it?"), sentence("Indication.")
    ('Type a number, e.g. 3 or 2.5.', 'Is it?', 'Indication.')
    """
    text = upper_first(text.strip())
    return text if text.endswith((".", "?", "!", ":")) else text + "."


def and_list(words: Sequence[str]) -> str:
    """``"a"``, ``"a and b"``, ``"a, b and c"``.

    >>> and_list(["gene"]), and_list(["gene", "inheritance", "tumours"])
    ('gene', 'gene, inheritance and tumours')
    """
    if not words:
        return ""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"

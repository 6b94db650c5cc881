"""What the form-based explorers share: reading typed numbers and what a submitted form shows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from netedu.learning.grading import ResponseError, parse_number
from netedu.words import sentence

__all__ = ["FormOutcome", "read_number"]


@dataclass(frozen=True)
class FormOutcome:
    """What the page shows after a submit: per-field problems, or a result (sanitized HTML) and
    the sentence a screen reader announces."""

    errors: dict[str, str] = field(default_factory=dict)
    html: str = ""
    announcement: str = ""

    @classmethod
    def problems(cls, errors: dict[str, str]) -> FormOutcome:
        return cls(errors, "", "Please correct: " + " ".join(errors.values()))


def read_number(values: Mapping[str, str], key: str, unit: str | None, errors: dict[str, str], *, required: bool = True) -> float | None:
    """The number typed in field ``key`` (``None`` if blank or unreadable; the reason goes into
    ``errors[key]`` as a sentence). A blank optional field is no problem.

    >>> errors = {}
    >>> read_number({"ki67": "12 %"}, "ki67", "%", errors), read_number({"n": "lots"}, "n", None, errors), errors
    (12.0, None, {'n': 'Type a number, e.g. 3 or 2.5.'})
    """
    text = str(values.get(key, "")).strip()
    if not text and not required:
        return None
    try:
        return parse_number(text, unit, ("percent",) if unit == "%" else ())
    except ResponseError as err:
        errors[key] = sentence(str(err))
        return None

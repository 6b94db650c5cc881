"""Read a typed number (``3``, ``3.0``, ``3,5``, ``3 %``) and grade it with a tolerance."""

from __future__ import annotations

import math
import re

from netedu.content.questions import Numeric
from netedu.learning.grading.verdict import ResponseError, Verdict

__all__ = ["grade_numeric", "parse_number"]

_NUMBER = re.compile(r"^([+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+))\s*(.*)$")
_SPACES = re.compile(r"[\s\u00a0\u2009\u202f]+")


def _norm_unit(unit: str) -> str:
    return _SPACES.sub("", unit).casefold()


def parse_number(text: str, unit: str | None = None, aliases: tuple[str, ...] = ()) -> float:
    """The number in ``text``; :class:`ResponseError` with a hint if it is not one.

    >>> parse_number("3"), parse_number(" 3.0 "), parse_number("3 %", "%"), parse_number("2,5")
    (3.0, 3.0, 3.0, 2.5)
    >>> parse_number("about three")
    Traceback (most recent call last):
    ...
    netedu.learning.grading.verdict.ResponseError: type a number, e.g. 3 or 2.5
    """
    cleaned = text.strip().replace("\u2212", "-")
    if not cleaned:
        raise ResponseError("type a number before checking")
    cleaned = _SPACES.sub(" ", cleaned)
    match = _NUMBER.match(cleaned)
    if not match:
        raise ResponseError("type a number, e.g. 3 or 2.5")
    digits, rest = match.group(1), match.group(2).strip()
    if re.fullmatch(r"[+-]?\d{1,3},\d{3}", digits):
        raise ResponseError(f"write {digits} without a thousands separator (e.g. {digits.replace(',', '')}), or with a decimal point")
    if rest and unit is None:
        raise ResponseError(f"type only the number (remove {rest!r})")
    if rest and _norm_unit(rest) not in {_norm_unit(u) for u in (unit or "", *aliases)}:
        raise ResponseError(f"give the answer in {unit} (you wrote {rest!r})")
    value = float(digits.replace(",", "."))
    if not math.isfinite(value):
        raise ResponseError("type a number, e.g. 3 or 2.5")
    return value


def grade_numeric(question: Numeric, response: str) -> Verdict:
    """Right when the number is within the tolerance of the answer."""
    value = parse_number(str(response), question.unit, question.unit_aliases)
    if question.range is not None:
        low, high = question.range
        if not low <= value <= high:
            unit = f" {question.unit}" if question.unit else ""
            raise ResponseError(f"{value:g}{unit} is not possible here: give a number from {low:g} to {high:g}{unit}")
    correct = abs(value - question.answer) <= question.tolerance + 1e-9
    hint = None
    if not correct:
        hint = next((h.explanation for h in question.hints if h.min <= value <= h.max), None)
    return Verdict(question.id, str(response).strip(), correct, float(correct), question.max_score, value=value, hint=hint)

"""Grade ordering and matching, with partial credit."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import combinations
from typing import Any

from netedu.content.questions import Matching, Ordering
from netedu.learning.grading.verdict import Mark, ResponseError, Verdict

__all__ = ["grade_matching", "grade_ordering", "order_problem"]


def order_problem(items: Sequence[str], given: Any) -> str | None:
    """Why ``given`` is not an order of ``items`` (each listed once, nothing else), or ``None``.

    >>> order_problem(["a", "b", "c"], ["c", "a", "b"]) is None
    True
    >>> order_problem(["a", "b", "c"], ["a", "a", "b"]), order_problem(["a", "b"], ["a"]), order_problem(["a", "b"], "ab")
    ('the answer lists an item more than once', 'the answer lists 1 of the 2 items', 'the answer is not a list of the items')
    """
    if not isinstance(given, list | tuple) or not all(isinstance(item, str) for item in given):
        return "the answer is not a list of the items"
    if len(set(given)) != len(given):
        return "the answer lists an item more than once"
    if unknown := [item for item in given if item not in set(items)]:
        return f"the answer lists {len(unknown)} item{'s' if len(unknown) > 1 else ''} that this question does not have"
    if len(given) != len(items):
        return f"the answer lists {len(given)} of the {len(items)} items"
    return None


def grade_ordering(question: Ordering, response: Sequence[str]) -> Verdict:
    """Score = the share of item pairs in the right relative order (Kendall's concordance), so
    one item in the wrong place costs little and a reversed list scores 0. Right only when
    every item is in its place. A response that is not an order of the items (wrong length,
    an item twice, an unknown id, not a list of ids) is refused, never graded.
    """
    expected = [i.id for i in question.items]
    if problem := order_problem(expected, response):
        raise ResponseError(f"{problem}: put every item in the list in order, then check again")
    given = list(response)
    rank = {item: n for n, item in enumerate(given)}
    pairs = list(combinations(expected, 2))  # each pair in its correct order
    concordant = sum(rank[a] < rank[b] for a, b in pairs)
    score = concordant / len(pairs)
    marks = tuple(
        Mark(item, "in-place" if rank[item] == n else "out-of-place", {"position": rank[item] + 1, "expected": n + 1})
        for n, item in enumerate(expected)
    )
    correct = given == expected
    return Verdict(question.id, given, correct, 1.0 if correct else round(score, 4), question.max_score, marks)


def grade_matching(question: Matching, response: Mapping[str, Sequence[str]]) -> Verdict:
    """Score = the share of cells (row × column) matched correctly. Right only when all are."""
    width = len(question.columns)
    missing = [r.prompt for r in question.rows if len([c for c in response.get(r.id, ()) if c]) != width]
    if missing:
        raise ResponseError(f"choose a match for every row before checking (still to do: {', '.join(missing)})")
    marks, right = [], 0
    for row in question.rows:
        chosen = tuple(response[row.id])
        for col, choice in enumerate(chosen):
            if choice not in question.choices(col):
                raise ResponseError(f"{choice!r} is not one of the choices for {question.columns[col]}")
        cells = [c == a for c, a in zip(chosen, row.answers, strict=True)]
        right += sum(cells)
        status = "row-right" if all(cells) else ("row-partial" if any(cells) else "row-wrong")
        marks.append(Mark(row.id, status, {"chosen": list(chosen), "expected": list(row.answers), "cells": cells}))
    total = width * len(question.rows)
    correct = right == total
    answered = {r.id: list(response[r.id]) for r in question.rows}
    return Verdict(question.id, answered, correct, round(right / total, 4), question.max_score, tuple(marks))

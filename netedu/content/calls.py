"""The grammar of a notebook code cell, parsed in one place: ``import netedu`` and one-line calls
``netedu.<quiz|question|explore>(...)`` with literal arguments, at most two lines.

The notebook rules (:mod:`netedu.content.notebooks`) report what breaks it; the course player
(:mod:`netedu.player.pages`) builds the widgets the calls ask for, without running the cell.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Any

from netedu.settings import NOTEBOOK_API

__all__ = ["MAX_CODE_LINES", "Call", "CellReading", "read_cell"]

MAX_CODE_LINES = 2


@dataclass(frozen=True)
class Call:
    """A ``netedu.<function>(...)`` call found in a code cell."""

    function: str
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)
    line: int = field(default=1, compare=False)


@dataclass(frozen=True)
class CellReading:
    """A code cell's netedu calls, and every way it breaks the grammar (empty when it keeps it)."""

    calls: tuple[Call, ...]
    problems: tuple[str, ...]
    imports_netedu: bool


def _literal_call(stmt: ast.stmt) -> Call | None:
    call = stmt.value if isinstance(stmt, ast.Expr) else None
    if not (
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and isinstance(call.func.value, ast.Name)
        and call.func.value.id == "netedu"
        and call.func.attr in NOTEBOOK_API
        and all(isinstance(a, ast.Constant) for a in call.args)
        and all(k.arg and isinstance(k.value, ast.Constant) for k in call.keywords)
    ):
        return None
    args = tuple(a.value for a in call.args)  # type: ignore[attr-defined]
    kwargs = {k.arg: k.value.value for k in call.keywords}  # type: ignore[attr-defined,misc]
    return Call(call.func.attr, args, kwargs, stmt.lineno)


def read_cell(source: str) -> CellReading:
    """Read one code cell.

    >>> read_cell("import netedu\\nnetedu.quiz('staging', mode='exam')").calls
    (Call(function='quiz', args=('staging',), kwargs={'mode': 'exam'}, line=2),)
    >>> read_cell("import os").problems
    ("line 1: only 'import netedu' and calls netedu.{quiz, question, explore}(...) with literal arguments are allowed in a notebook",)
    """
    lines = [line for line in source.splitlines() if line.strip()]
    if len(lines) > MAX_CODE_LINES:
        return CellReading(
            (), (f"a code cell may hold at most {MAX_CODE_LINES} lines (found {len(lines)}); move logic into netedu",), False
        )
    try:
        tree = ast.parse(source)
    except SyntaxError as err:
        return CellReading((), (f"Python syntax error: {err.msg}",), False)
    calls, problems, imports = [], [], False
    for stmt in tree.body:
        if isinstance(stmt, ast.Import) and [a.name for a in stmt.names] == ["netedu"] and not stmt.names[0].asname:
            imports = True
            continue
        call = _literal_call(stmt)
        if call is None:
            problems.append(
                f"line {stmt.lineno}: only 'import netedu' and calls netedu.{{{', '.join(NOTEBOOK_API)}}}(...) "
                "with literal arguments are allowed in a notebook"
            )
        else:
            calls.append(call)
    return CellReading(tuple(calls), tuple(problems), imports)

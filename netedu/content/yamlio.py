"""Read one YAML file into plain data plus the line of every field in it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from netedu.content.problems import Problem, format_path

__all__ = ["YamlDocument", "read_yaml"]

Path_ = tuple[str | int, ...]


@dataclass
class YamlDocument:
    """A parsed YAML file: its data, its name for messages, and where each field sits."""

    name: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, loc: Sequence[Any]) -> tuple[int, Path_]:
        """The line of the deepest existing field along ``loc`` and the clean path to it.

        Parts of ``loc`` that are not in the data (a field that is missing) are skipped, so a
        missing field is reported at its parent's line.
        """
        node, path = self.data, ()
        for part in loc:
            if isinstance(node, dict) and part in node:
                node, path = node[part], (*path, part)
            elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                node, path = node[part], (*path, part)
        return self.lines.get(path, 1), path

    def problem(self, loc: Sequence[Any], message: str) -> Problem:
        """A :class:`Problem` reported at the line of ``loc`` (or of its deepest existing parent)."""
        line, _ = self.line_of(loc)
        return Problem(self.name, line, format_path(loc), message)


def _index(node: yaml.Node, path: Path_, lines: dict[Path_, int], name: str, problems: list[Problem]) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                message = f"duplicate key (first at line {seen[key]})"
                problems.append(Problem(name, line, format_path((*path, key)), message))
            seen[key] = line
            lines[(*path, key)] = line
            _index(value_node, (*path, key), lines, name, problems)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines[(*path, i)] = item.start_mark.line + 1
            _index(item, (*path, i), lines, name, problems)


def read_yaml(path: Path, name: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Read ``path`` in order: exists, not empty, parses, top level is a mapping, no duplicate keys.

    Returns the document (``None`` if it cannot be used at all) and the problems found.
    """
    if not path.is_file():
        return None, [Problem(name, 1, "(file)", "file not found")]
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        return None, [Problem(name, 1, "(file)", f"not UTF-8 text ({err.reason})")]
    if not text.strip():
        return None, [Problem(name, 1, "(file)", "file is empty")]
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        reason = str(err.problem or "")
        if err.context and err.context_mark:
            reason = f"{err.context} (started at line {err.context_mark.line + 1}): {reason}"
        return None, [Problem(name, line, "(file)", f"YAML syntax error: {reason}")]
    except yaml.YAMLError as err:
        return None, [Problem(name, 1, "(file)", f"YAML error: {err}")]
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        kind = type(data).__name__ if data is not None else "nothing"
        return None, [Problem(name, 1, "(top level)", f"expected a mapping of fields, found {kind}")]
    lines: dict[Path_, int] = {}
    problems: list[Problem] = []
    _index(node, (), lines, name, problems)
    return YamlDocument(name, data, lines), problems

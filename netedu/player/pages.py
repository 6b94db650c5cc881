"""Read a topic notebook into what the player shows: rendered Markdown and netedu calls.

The notebooks stay the single source of the narrative. Markdown goes through netedu's
sanitizing renderer; code cells are never executed: their ``netedu.*`` calls are read and the
player builds the same widgets itself, in its own kernel.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from netedu.render import escape, markdown
from netedu.settings import NOTEBOOK_API

__all__ = ["Call", "Page", "Section", "Text", "read_page"]

_H2 = re.compile(r"^##\s+(.+?)\s*#*\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Section:
    id: str  # slug, e.g. "incidence-and-its-rise"
    title: str


@dataclass(frozen=True)
class Text:
    """A Markdown cell, rendered."""

    html: str
    section: str | None = None  # the section this cell opens, if it opens one


@dataclass(frozen=True)
class Call:
    """A ``netedu.<function>(...)`` call found in a code cell."""

    function: str
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Page:
    title: str
    blocks: tuple[Text | Call, ...]
    sections: tuple[Section, ...]


def slugify(title: str) -> str:
    """``"Why 'benign carcinoid' is outdated"`` -> ``"why-benign-carcinoid-is-outdated"``."""
    words = re.findall(r"[a-z0-9]+", title.lower())
    return "-".join(words)[:60].strip("-") or "section"


def _calls(source: str) -> list[Call]:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    calls = []
    for stmt in tree.body:
        call = stmt.value if isinstance(stmt, ast.Expr) else None
        if (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and isinstance(call.func.value, ast.Name)
            and call.func.value.id == "netedu"
            and call.func.attr in NOTEBOOK_API
        ):
            try:
                args = tuple(ast.literal_eval(a) for a in call.args)
                kwargs = {k.arg: ast.literal_eval(k.value) for k in call.keywords if k.arg}
            except ValueError:
                continue  # not literal: the notebook rules reject it anyway
            calls.append(Call(call.func.attr, args, kwargs))
    return calls


def _with_section_id(html: str, section: Section) -> str:
    return html.replace("<h2>", f'<h2 id="sec-{escape(section.id)}" tabindex="-1">', 1)


def read_page(path: Path, notebook_links: dict[str, str] | None = None) -> Page:
    """The player's view of one notebook. ``notebook_links`` maps notebook file names to player
    queries, so a link to another topic's notebook stays inside the player.
    """
    # Plain JSON (nbformat v4), not nbformat: the player's kernel stays lighter without it.
    cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
    blocks: list[Text | Call] = []
    sections: list[Section] = []
    title = ""
    for n, cell in enumerate(cells):
        metadata = cell.get("metadata", {})
        kind = metadata.get("netedu", {}).get("generated")
        slide = metadata.get("slideshow", {}).get("slide_type")
        if slide == "notes" or kind in ("header", "footer"):
            continue  # speaker notes; navigation the player draws itself
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else source
        if cell.get("cell_type") == "code":
            blocks.extend(_calls(source))
            continue
        if cell.get("cell_type") != "markdown":
            continue
        if n == 0 and source.startswith("# "):
            title = source[2:].strip()
            continue
        for name, query in (notebook_links or {}).items():
            source = source.replace(f"]({name})", f"]({query})")
        html = markdown(source)
        heading = _H2.match(source)
        if heading:
            section = Section(slugify(heading.group(1)), heading.group(1).strip())
            sections.append(section)
            blocks.append(Text(_with_section_id(html, section), section.id))
        else:
            blocks.append(Text(html))
    return Page(title, tuple(blocks), tuple(sections))

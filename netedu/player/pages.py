"""Read a topic notebook into what the player shows: rendered Markdown and netedu calls.

The notebooks stay the single source of the narrative. Markdown goes through netedu's
sanitizing renderer; code cells are never executed: their ``netedu.*`` calls are read and the
player builds the same widgets itself, in its own kernel.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from netedu.content.calls import Call, read_cell
from netedu.render import escape, markdown

__all__ = ["PlayerPage", "Section", "TextBlock", "read_page", "slugify"]

_H2 = re.compile(r"^##\s+(.+?)\s*#*\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Section:
    id: str  # slug, e.g. "incidence-and-its-rise"
    title: str


@dataclass(frozen=True)
class TextBlock:
    """Markdown cells in a row, rendered (the text between two netedu calls)."""

    html: str
    section: str | None = None  # the first section this text opens, if it opens one


@dataclass(frozen=True)
class PlayerPage:
    """A notebook as the player shows it: its title, its blocks in order, its sections."""

    title: str
    blocks: tuple[TextBlock | Call, ...]
    sections: tuple[Section, ...]


def slugify(title: str) -> str:
    """``"Why 'benign carcinoid' is outdated"`` -> ``"why-benign-carcinoid-is-outdated"``."""
    words = re.findall(r"[a-z0-9]+", title.lower())
    return "-".join(words)[:60].strip("-") or "section"


def _with_section_id(html: str, section: Section) -> str:
    return html.replace("<h2>", f'<h2 id="sec-{escape(section.id)}" tabindex="-1">', 1)


def read_page(path: Path, notebook_links: dict[str, str] | None = None) -> PlayerPage:
    """The player's view of one notebook. ``notebook_links`` maps notebook file names to player
    queries, so a link to another topic's notebook stays inside the player.

    Pages are kept until their notebook changes, so a kernel template reads each once for all
    the learner kernels forked from it.
    """
    links = tuple(sorted((notebook_links or {}).items()))
    return _read_page(path, path.stat().st_mtime_ns, links)


@lru_cache(maxsize=64)
def _read_page(path: Path, _mtime_ns: int, links: tuple[tuple[str, str], ...]) -> PlayerPage:
    notebook_links = dict(links)
    # Plain JSON (nbformat v4), not nbformat: the player's kernel stays lighter without it.
    cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
    blocks: list[TextBlock | Call] = []
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
            blocks.extend(read_cell(source).calls)  # a cell that breaks the grammar fails netedu check
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
            html = _with_section_id(html, section)
        if blocks and isinstance(blocks[-1], TextBlock):
            # Consecutive text is one block: one widget to build and send, however many cells.
            blocks[-1] = TextBlock(blocks[-1].html + html, blocks[-1].section or (section.id if heading else None))
        else:
            blocks.append(TextBlock(html, section.id if heading else None))
    return PlayerPage(title, tuple(blocks), tuple(sections))

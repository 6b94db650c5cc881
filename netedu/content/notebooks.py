"""Topic notebooks: the rules they follow, and the cells netedu generates in them.

Generated cells (header with disclaimer, navigation and objectives; references; footer) are
marked in cell metadata (``{"netedu": {"generated": kind}}``) and rewritten idempotently by
``netedu nav``; ``netedu check`` fails when they are stale. Never edit them by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

from netedu.content.calls import CellReading, read_cell
from netedu.content.loader import Content
from netedu.content.problems import Problem
from netedu.content.questions import gradable
from netedu.settings import DISCLAIMER, DISCLAIMER_LEAD, PLAYER_NOTEBOOK

__all__ = [
    "CoursePage",
    "check_notebooks",
    "expected_generated",
    "pages",
    "sync_notebook",
    "sync_player",
]

CITATION = re.compile(r"\]\(#ref-([a-z0-9]+(?:-[a-z0-9]+)*)\)")
NOTEBOOK_LINK = re.compile(r"\]\(([^()\s#/]+\.ipynb)(?:#[^()\s]*)?\)")


@dataclass(frozen=True)
class CoursePage:
    """A notebook in course order: the start page or a topic."""

    notebook: str
    title: str
    topic_id: str | None  # None for the start page
    position: int


def pages(content: Content) -> list[CoursePage]:
    """The course's notebooks in reading order (start page first)."""
    start = content.course.start_page
    out = [CoursePage(start.notebook, start.title, None, 0)]
    for i, topic in enumerate(content.topics.values(), start=1):
        out.append(CoursePage(topic.notebook, topic.title, topic.id, i))
    return out


# --- generated cells ---------------------------------------------------------------------


def _cited_ids(nb: nbformat.NotebookNode) -> list[str]:
    ids: list[str] = []
    for cell in nb.cells:
        if cell.cell_type == "markdown" and not _generated_kind(cell):
            ids.extend(CITATION.findall(cell.source))
    return list(dict.fromkeys(ids))


def _nav_line(content: Content, page: CoursePage) -> str:
    order = pages(content)
    parts = []
    if page.position > 0:
        prev = order[page.position - 1]
        parts.append(f"← Previous: [{prev.title}]({prev.notebook})")
    if page.position > 1:
        parts.append(f"[All topics]({order[0].notebook})")
    if page.position < len(order) - 1:
        nxt = order[page.position + 1]
        parts.append(f"Next: [{nxt.title}]({nxt.notebook}) →")
    return " · ".join(parts)


def expected_generated(content: Content, page: CoursePage, nb: nbformat.NotebookNode) -> dict[str, str]:
    """The source each generated cell of ``nb`` should have now."""
    topics = len(content.topics)
    header = [f"> **{DISCLAIMER_LEAD}** {DISCLAIMER}", ""]
    if page.topic_id is not None:
        topic = content.topics[page.topic_id]
        header += [f"*Topic {page.position} of {topics}* · {_nav_line(content, page)}", ""]
        header += ["**By the end of this topic you will be able to:**", ""]
        header += [f"- {o.text}" for o in topic.objectives]
    else:
        header += ["**The topics of this course:**", ""]
        header += [f"{p.position}. [{p.title}]({p.notebook})" for p in pages(content)[1:]]
    out = {"header": "\n".join(header).rstrip()}

    cited = [i for i in _cited_ids(nb) if i in content.references]
    if cited:
        refs = ["## References", ""]
        for n, ref_id in enumerate(cited, start=1):
            ref = content.references[ref_id]
            refs.append(f'{n}. <span id="ref-{ref.id}"></span>{ref.citation} <{ref.link}>')
        out["references"] = "\n".join(refs)
    out["footer"] = "---\n\n" + _nav_line(content, page) + f"\n\n*{DISCLAIMER_LEAD} {DISCLAIMER}*"
    return out


def _generated_kind(cell: nbformat.NotebookNode) -> str | None:
    return cell.get("metadata", {}).get("netedu", {}).get("generated")


# How each generated cell shows in slides: the header (disclaimer, objectives) and the
# references are slides of their own; the footer's notebook links are not needed there.
_SLIDE_TYPE = {"header": "slide", "references": "slide", "footer": "skip"}


def _new_cell(kind: str, source: str) -> nbformat.NotebookNode:
    metadata = {
        "netedu": {"generated": kind},
        "slideshow": {"slide_type": _SLIDE_TYPE[kind]},
        "tags": ["netedu-generated", f"netedu-{kind}"],  # become CSS classes in Voila and slides
    }
    cell = nbformat.v4.new_markdown_cell(source, metadata=metadata)
    cell["id"] = f"netedu-{kind}"
    return cell


def sync_notebook(path: Path, content: Content, page: CoursePage, *, write: bool) -> bool:
    """Regenerate the generated cells of one notebook; return True if anything changed.

    The header goes right after the title cell, the references and footer at the end.
    """
    nb = nbformat.read(path, as_version=4)
    expected = expected_generated(content, page, nb)
    body = [c for c in nb.cells if not _generated_kind(c)]
    cells = body[:1] + [_new_cell("header", expected["header"])] + body[1:]
    for kind in ("references", "footer"):
        if kind in expected:
            cells.append(_new_cell(kind, expected[kind]))

    def shape(c: nbformat.NotebookNode) -> tuple:
        metadata = c.get("metadata", {})
        return c.cell_type, c.source, _generated_kind(c), metadata.get("slideshow"), metadata.get("tags")

    old = [shape(c) for c in nb.cells]
    new = [shape(c) for c in cells]
    if old == new:
        return False
    if write:
        nb.cells = cells
        nbformat.write(nb, path)
    return True


# --- rules -------------------------------------------------------------------------------


def _cell_lines(text: str) -> list[int]:
    """1-based line of each cell in the notebook's JSON (the line of its ``cell_type``)."""
    return [n for n, line in enumerate(text.splitlines(), start=1) if line.lstrip().startswith('"cell_type":')]


def _check_code(reading: CellReading, content: Content, page: CoursePage) -> list[str]:
    errors = list(reading.problems)
    for call in reading.calls:
        arg = call.args[0] if call.args else None
        if call.function == "quiz" and arg not in content.topics:
            errors.append(f"netedu.quiz({arg!r}): no such topic")
        if call.function == "question":
            bank = content.questions.get(page.topic_id or "", ())
            if arg not in {p.id for q in bank for p in (q, *gradable(q))}:
                errors.append(f"netedu.question({arg!r}): no such question in this topic's bank")
        if call.function == "explore":
            declared = content.topics[page.topic_id].explorers if page.topic_id in content.topics else ()
            if arg not in declared:
                errors.append(f"netedu.explore({arg!r}): not in this topic's explorers ({', '.join(declared) or 'none'})")
    return errors


def check_notebook(path: Path, content: Content, page: CoursePage) -> list[Problem]:
    """Every rule broken by one notebook, as problems located at the cell's line."""
    name = f"notebooks/{path.name}"
    text = path.read_text(encoding="utf-8")
    try:
        nb = nbformat.reads(text, as_version=4)
    except Exception as err:  # nbformat raises several types for unreadable files
        return [Problem(name, 1, "(file)", f"not a readable notebook: {err}")]
    lines = _cell_lines(text)

    def at(i: int, field: str, message: str) -> Problem:
        return Problem(name, lines[i] if i < len(lines) else 1, f"cells[{i}].{field}", message)

    problems = []
    first = nb.cells[0] if nb.cells else None
    if first is None or first.cell_type != "markdown" or first.source.strip() != f"# {page.title}":
        problems.append(at(0, "source", f"the first cell must be the Markdown title '# {page.title}'"))
    imported = False
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            if cell.get("outputs") or cell.get("execution_count") is not None:
                problems.append(at(i, "outputs", "outputs must be stripped before commit (run nbstripout)"))
            reading = read_cell(cell.source)
            if reading.calls and not (imported or reading.imports_netedu):
                problems.append(at(i, "source", "call netedu only after 'import netedu'"))
            imported = imported or reading.imports_netedu
            problems.extend(at(i, "source", m) for m in _check_code(reading, content, page))
        elif cell.cell_type == "markdown" and not _generated_kind(cell):
            for ref_id in CITATION.findall(cell.source):
                if ref_id not in content.references:
                    problems.append(at(i, "source", f"citation #ref-{ref_id} is not in data/references.yaml"))
            for target in NOTEBOOK_LINK.findall(cell.source):
                if not (path.parent / target).is_file():
                    problems.append(at(i, "source", f"link to {target}, which is not in notebooks/"))
        elif cell.cell_type == "raw":
            problems.append(at(i, "cell_type", "raw cells are not shown to learners; use Markdown"))
    if sync_notebook(path, content, page, write=False):
        problems.append(Problem(name, 1, "(generated cells)", "navigation, references or disclaimer cells are stale: run 'netedu nav'"))
    return problems


PLAYER_SOURCE = "import netedu\nnetedu.course()"


def sync_player(content: Content, *, write: bool) -> bool:
    """Write (or check) ``notebooks/course.ipynb``, the course player; True if it changed."""
    path = content.root / "notebooks" / PLAYER_NOTEBOOK
    cell = nbformat.v4.new_code_cell(PLAYER_SOURCE)
    cell["id"] = "netedu-course"
    nb = nbformat.v4.new_notebook(
        cells=[cell],
        metadata={
            "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
            "title": content.course.title,
            "netedu": {"generated": "player"},
        },
    )
    if path.is_file():
        current = nbformat.read(path, as_version=4)
        same = [(c.cell_type, c.source) for c in current.cells] == [("code", PLAYER_SOURCE)]
        if same and current.metadata.get("title") == content.course.title and not current.cells[0].get("outputs"):
            return False
    if write:
        nbformat.write(nb, path)
    return True


def check_notebooks(content: Content) -> list[Problem]:
    """Check every notebook of the course."""
    folder = content.root / "notebooks"
    out: list[Problem] = []
    if sync_player(content, write=False):
        out.append(
            Problem(f"notebooks/{PLAYER_NOTEBOOK}", 1, "(generated)", "the course player notebook is missing or stale: run 'netedu nav'")
        )
    for page in pages(content):
        path = folder / page.notebook
        if path.is_file():
            out.extend(check_notebook(path, content, page))
    return out

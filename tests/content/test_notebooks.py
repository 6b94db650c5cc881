"""Notebooks stay thin and their generated cells stay current (STYLE.md's notebook rules)."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from netedu.content import load_content
from netedu.content.notebooks import check_notebooks, pages, sync_notebook


def add_cell(path: Path, cell: nbformat.NotebookNode, at: int = 2) -> None:
    nb = nbformat.read(path, as_version=4)
    nb.cells.insert(at, cell)
    nbformat.write(nb, path)


def problems(root: Path) -> list[str]:
    return [str(p) for p in check_notebooks(load_content(root))]


NB = "notebooks/01_alpha.ipynb"


def test_the_valid_course_has_no_notebook_problems(course: Path) -> None:
    assert problems(course) == []


def test_generation_is_idempotent(course: Path) -> None:
    content = load_content(course)
    before = (course / NB).read_text()
    for page in pages(content):
        assert not sync_notebook(course / "notebooks" / page.notebook, content, page, write=True)
    assert (course / NB).read_text() == before


@pytest.mark.parametrize(
    "source, message",
    [
        ("import netedu\nx = 1\nnetedu.quiz('alpha')", "at most 2 lines"),
        ("for i in range(3): print(i)", "only 'import netedu' and calls"),
        ("import os", "only 'import netedu' and calls"),
        ("display(netedu.quiz('alpha'))", "only 'import netedu' and calls"),
        ("netedu.quiz(open('x').read())", "literal arguments"),
        ("netedu.quiz('no-such-topic')", "netedu.quiz('no-such-topic'): no such topic"),
        ("netedu.question('alpha-missing')", "no such question in this topic's bank"),
    ],
)
def test_code_cells_may_only_call_netedu(course: Path, source: str, message: str) -> None:
    add_cell(course / NB, nbformat.v4.new_code_cell(source))
    found = problems(course)
    assert any(p.startswith(f"{NB}:") and message in p for p in found), found


def test_outputs_must_be_stripped(course: Path) -> None:
    cell = nbformat.v4.new_code_cell('netedu.quiz("alpha")')
    cell.outputs = [nbformat.v4.new_output("stream", text="hi")]
    cell.execution_count = 3
    add_cell(course / NB, cell, at=4)
    assert any("outputs must be stripped" in p for p in problems(course))


def test_title_must_match_the_topic(course: Path) -> None:
    nb = nbformat.read(course / NB, as_version=4)
    nb.cells[0].source = "# Another title"
    nbformat.write(nb, course / NB)
    found = problems(course)
    assert any(p.startswith(f"{NB}:") and "'# Alpha topic'" in p for p in found), found


def test_stale_navigation_is_reported_then_fixed(course: Path) -> None:
    topic = course / "data/topics/alpha.yaml"
    topic.write_text(topic.read_text().replace("text: Say what alpha is.", "text: Explain what alpha is."))
    assert any("stale" in p and "netedu nav" in p for p in problems(course))
    content = load_content(course)
    for page in pages(content):
        sync_notebook(course / "notebooks" / page.notebook, content, page, write=True)
    assert problems(course) == []
    assert "- Explain what alpha is." in (course / NB).read_text()


def test_unknown_citation_is_reported_at_its_cell(course: Path) -> None:
    add_cell(course / NB, nbformat.v4.new_markdown_cell("A claim [Nobody, 2020](#ref-nobody-2020)."))
    found = problems(course)
    line = next(n for n, text in enumerate((course / NB).read_text().splitlines(), 1) if "#ref-nobody-2020" in text)
    assert any(p.startswith(f"{NB}:") and "citation #ref-nobody-2020" in p for p in found), found
    reported = next(p for p in found if "nobody" in p)
    assert int(reported.split(":")[1]) in range(line - 6, line + 1)  # the cell's own lines


def test_a_link_to_a_missing_notebook_is_reported(course: Path) -> None:
    add_cell(course / NB, nbformat.v4.new_markdown_cell("See [beta](02_beta.ipynb#sec-x) and [gamma](03_gamma.ipynb)."))
    links = [p for p in problems(course) if "link to" in p]
    assert len(links) == 1 and links[0].startswith(f"{NB}:")
    assert links[0].endswith("link to 03_gamma.ipynb, which is not in notebooks/")


def test_generated_cells_carry_disclaimer_navigation_objectives_and_references(course: Path) -> None:
    nb = nbformat.read(course / NB, as_version=4)
    kinds = [c.metadata.get("netedu", {}).get("generated") for c in nb.cells]
    assert kinds[1] == "header" and kinds[-2:] == ["references", "footer"]
    header, refs, footer = nb.cells[1].source, nb.cells[-2].source, nb.cells[-1].source
    assert "Educational, not medical advice." in header and "- Say what alpha is." in header
    assert "← Previous: [Start here](00_start_here.ipynb)" in header
    assert '<span id="ref-ref-one"></span>Rindi G' in refs and "https://doi.org/10.1038/s41379-018-0110-y" in refs
    assert "Educational, not medical advice." in footer
    start = nbformat.read(course / "notebooks/00_start_here.ipynb", as_version=4)
    assert "1. [Alpha topic](01_alpha.ipynb)" in start.cells[1].source


def test_repository_notebooks_follow_the_rules(repo: Path) -> None:
    content = load_content(repo)
    assert [str(p) for p in check_notebooks(content)] == []
    for page in pages(content):
        assert (repo / "notebooks" / page.notebook).is_file()

"""The player's reading of a topic notebook: rendered Markdown, sections, and netedu calls."""

from __future__ import annotations

from pathlib import Path

import nbformat

from netedu.content.calls import Call
from netedu.player.pages import TextBlock, read_page, slugify


def test_a_page_is_its_markdown_and_its_netedu_calls(course: Path) -> None:
    page = read_page(course / "notebooks/02_beta.ipynb", {"01_alpha.ipynb": "?topic=alpha"})
    assert page.title == "Beta topic"
    calls = [b for b in page.blocks if isinstance(b, Call)]
    assert calls[0] == Call("question", ("beta-tf",)) and calls[-1] == Call("quiz", ("beta",), {"mode": "exam"})
    texts = [b.html for b in page.blocks if isinstance(b, TextBlock)]
    assert not any("Educational, not medical advice." in t and "Previous" in t for t in texts)  # generated nav left out


def test_notes_are_left_out_sections_get_anchors_and_links_stay_inside(course: Path) -> None:
    path = course / "notebooks/01_alpha.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells.insert(2, nbformat.v4.new_markdown_cell("## Why it matters\n\nSee [beta](02_beta.ipynb) and $\\frac{1}{2}$."))
    nbformat.write(nb, path)
    page = read_page(path, {"02_beta.ipynb": "?topic=beta"})
    html = "".join(b.html for b in page.blocks if isinstance(b, TextBlock))
    assert "SPEAKER-NOTE-ALPHA" not in html
    assert '<h2 id="sec-why-it-matters" tabindex="-1">' in html and page.sections[0].id == "why-it-matters"
    assert 'href="?topic=beta"' in html and "<math" in html
    assert '<span id="ref-ref-one"></span>' in html  # citations jump to the reference list


def test_code_that_is_not_a_literal_netedu_call_is_never_run(course: Path) -> None:
    path = course / "notebooks/01_alpha.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("import os\nos.system('touch /tmp/netedu-pwned')"))
    nb.cells.append(nbformat.v4.new_code_cell("netedu.quiz(open('/etc/passwd').read())"))
    nbformat.write(nb, path)
    calls = [b for b in read_page(path).blocks if isinstance(b, Call)]
    assert calls == [Call("question", ("alpha-single",)), Call("quiz", ("alpha",))]
    assert not Path("/tmp/netedu-pwned").exists()


def test_slugs() -> None:
    assert slugify("Why 'benign carcinoid' is outdated") == "why-benign-carcinoid-is-outdated"
    assert slugify("???") == "section"

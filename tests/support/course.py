"""A small, valid course written to a temporary folder, for tests to break one piece at a time."""

from __future__ import annotations

from pathlib import Path

import nbformat

COURSE = """\
title: Test course
description: A course used by the tests.
seed: The seed outline
seed_sections:
  - id: introduction
    title: Introduction
start_page:
  title: Start here
  notebook: 00_start_here.ipynb
topics:
  - alpha
"""

REFERENCES = """\
references:
  - id: ref-one
    authors: [Rindi G, Klimstra DS, Abedi-Ardekani B]
    title: A common classification framework for neuroendocrine neoplasms
    journal: Modern Pathology
    year: 2018
    doi: 10.1038/s41379-018-0110-y
  - id: ref-two
    authors: [Ontario Health (Cancer Care Ontario)]
    title: Neuroendocrine tumours
    body: Ontario Health
    year: 2024
    url: https://www.cancercareontario.ca/
"""

TOPIC = """\
id: alpha
title: Alpha topic
notebook: 01_alpha.ipynb
summary: The first test topic.
seed_sections: [introduction]
objectives:
  - id: obj-one
    text: Say what alpha is.
  - id: obj-two
    text: Say what beta is.
last_reviewed: 2026-11-25
"""

QUESTIONS = """\
topic: alpha
questions:
  - id: alpha-single
    type: single
    objective: obj-one
    difficulty: foundation
    stem: Which option is right?
    options:
      - id: wrong-one
        text: The first option
        correct: false
        explanation: WRONG-ONE-EXPLANATION is wrong.
      - id: right-one
        text: The second option
        correct: true
        explanation: RIGHT-ONE-EXPLANATION is right.
        references: [ref-two]
      - id: wrong-two
        text: The third option
        correct: false
        explanation: WRONG-TWO-EXPLANATION is wrong.
    references: [ref-one]
    explanation: KEY-POINT-SINGLE.
  - id: alpha-multiple
    type: multiple
    objective: obj-two
    difficulty: core
    stem: Which options are right?
    options:
      - id: yes-a
        text: Yes A
        correct: true
        explanation: YES-A-EXPLANATION.
      - id: no-b
        text: No B
        correct: false
        explanation: NO-B-EXPLANATION.
      - id: yes-c
        text: Yes C
        correct: true
        explanation: YES-C-EXPLANATION.
    references: [ref-one, ref-two]
"""


def _notebook(path: Path, title: str, body: list[nbformat.NotebookNode]) -> None:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(f"# {title}"), *body])
    nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    nbformat.write(nb, path)


def write_course(root: Path) -> Path:
    """Write the valid test course under ``root`` and return ``root``."""
    for folder in ("data/topics", "data/questions", "notebooks"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "data/course.yaml").write_text(COURSE)
    (root / "data/references.yaml").write_text(REFERENCES)
    (root / "data/topics/alpha.yaml").write_text(TOPIC)
    (root / "data/questions/alpha.yaml").write_text(QUESTIONS)
    _notebook(root / "notebooks/00_start_here.ipynb", "Start here", [nbformat.v4.new_markdown_cell("Welcome.")])
    _notebook(
        root / "notebooks/01_alpha.ipynb",
        "Alpha topic",
        [
            nbformat.v4.new_markdown_cell("Alpha is a thing [Rindi et al., 2018](#ref-ref-one)."),
            nbformat.v4.new_code_cell('import netedu\nnetedu.question("alpha-single")'),
            nbformat.v4.new_code_cell('netedu.quiz("alpha")'),
        ],
    )
    return root

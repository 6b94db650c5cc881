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
  - beta
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


TOPIC_BETA = """\
id: beta
title: Beta topic
notebook: 02_beta.ipynb
summary: Every question type.
seed_sections: [introduction]
objectives:
  - id: obj-b
    text: Answer every kind of question.
last_reviewed: 2026-11-25
"""

QUESTIONS_BETA = """\
topic: beta
questions:
  - id: beta-tf
    type: true-false
    objective: obj-b
    difficulty: foundation
    stem: The sky is green.
    answer: false
    if_true: TF-TRUE-EXPLANATION.
    if_false: TF-FALSE-EXPLANATION.
    references: [ref-one]
  - id: beta-numeric
    type: numeric
    objective: obj-b
    difficulty: core
    stem: What is the Ki-67 index?
    answer: 12
    tolerance: 1
    unit: "%"
    unit_aliases: [percent]
    range: [0, 100]
    label: Ki-67 index
    explanation: NUMERIC-EXPLANATION.
    hints:
      - min: 0
        max: 3
        explanation: NUMERIC-HINT-LOW.
    references: [ref-one]
  - id: beta-ordering
    type: ordering
    objective: obj-b
    difficulty: core
    stem: Put the steps in order.
    items:
      - id: step-one
        text: First step
        explanation: ORDER-ONE.
      - id: step-two
        text: Second step
        explanation: ORDER-TWO.
      - id: step-three
        text: Third step
        explanation: ORDER-THREE.
      - id: step-four
        text: Fourth step
        explanation: ORDER-FOUR.
    references: [ref-two]
  - id: beta-matching
    type: matching
    objective: obj-b
    difficulty: advanced
    stem: Match each tumour to its hormone and its test.
    columns: [Hormone, Key test]
    rows:
      - id: insulinoma
        prompt: Insulinoma
        answers: [Insulin, Supervised fast]
        explanation: MATCH-INSULINOMA.
      - id: gastrinoma
        prompt: Gastrinoma
        answers: [Gastrin, Fasting gastrin]
        explanation: MATCH-GASTRINOMA.
      - id: vipoma
        prompt: VIPoma
        answers: [VIP, Plasma VIP]
        explanation: MATCH-VIPOMA.
    distractors: [[Glucagon], [Urine 5-HIAA]]
    references: [ref-one]
  - id: beta-hotspot
    type: hotspot
    objective: obj-b
    difficulty: core
    stem: Where is the middle box?
    image: boxes.svg
    alt: Three boxes in a row, left, middle and right.
    regions:
      - id: left-box
        label: Left box
        shape: rect
        coords: [10, 10, 80, 80]
        correct: false
        explanation: HOT-LEFT.
      - id: middle-box
        label: Middle box
        shape: circle
        coords: [150, 50, 40]
        correct: true
        explanation: HOT-MIDDLE.
      - id: right-box
        label: Right box
        shape: polygon
        coords: [210, 10, 290, 10, 290, 90, 210, 90]
        correct: false
        explanation: HOT-RIGHT.
    references: [ref-two]
  - id: beta-case
    type: case
    objective: obj-b
    difficulty: advanced
    stem: CASE-STEM. A 54-year-old woman has flushing.
    references: [ref-one]
    parts:
      - id: beta-case-one
        type: single
        stem: What is the first test?
        options:
          - id: urine
            text: Urine 5-HIAA
            correct: true
            explanation: CASE-ONE-RIGHT.
          - id: biopsy
            text: Biopsy at once
            correct: false
            explanation: CASE-ONE-WRONG.
      - id: beta-case-two
        type: true-false
        stem: Flushing always means carcinoid syndrome.
        answer: false
        if_true: CASE-TWO-TRUE.
        if_false: CASE-TWO-FALSE.
"""

BOXES_SVG = """\
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100" width="300" height="100">
  <title>Three boxes</title>
  <rect x="10" y="10" width="80" height="80" fill="#d9e6f5" stroke="#1a4f9c"/>
  <circle cx="150" cy="50" r="40" fill="#f5e6d9" stroke="#8c5a1d"/>
  <rect x="210" y="10" width="80" height="80" fill="#e6f5d9" stroke="#17663a"/>
</svg>
"""


def _slide(kind: str, cell: nbformat.NotebookNode) -> nbformat.NotebookNode:
    cell.metadata["slideshow"] = {"slide_type": kind}
    return cell


def _notebook(path: Path, title: str, body: list[nbformat.NotebookNode]) -> None:
    nb = nbformat.v4.new_notebook(cells=[_slide("slide", nbformat.v4.new_markdown_cell(f"# {title}")), *body])
    nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    nbformat.write(nb, path)


def write_course(root: Path) -> Path:
    """Write the valid test course under ``root`` and return ``root``."""
    for folder in ("data/topics", "data/questions", "data/images", "notebooks"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "data/course.yaml").write_text(COURSE)
    (root / "data/references.yaml").write_text(REFERENCES)
    (root / "data/topics/alpha.yaml").write_text(TOPIC)
    (root / "data/questions/alpha.yaml").write_text(QUESTIONS)
    (root / "data/topics/beta.yaml").write_text(TOPIC_BETA)
    (root / "data/questions/beta.yaml").write_text(QUESTIONS_BETA)
    (root / "data/images/boxes.svg").write_text(BOXES_SVG)
    _notebook(root / "notebooks/00_start_here.ipynb", "Start here", [nbformat.v4.new_markdown_cell("Welcome.")])
    _notebook(
        root / "notebooks/01_alpha.ipynb",
        "Alpha topic",
        [
            nbformat.v4.new_markdown_cell("Alpha is a thing [Rindi et al., 2018](#ref-ref-one)."),
            nbformat.v4.new_markdown_cell("SPEAKER-NOTE-ALPHA: ask the room first.", metadata={"slideshow": {"slide_type": "notes"}}),
            nbformat.v4.new_code_cell('import netedu\nnetedu.question("alpha-single")'),
            nbformat.v4.new_code_cell('netedu.quiz("alpha")'),
        ],
    )
    beta_cells = [_slide("slide", nbformat.v4.new_markdown_cell("## Every kind\n\nEvery kind of question, one after another."))]
    for qid in ("beta-tf", "beta-numeric", "beta-ordering", "beta-matching", "beta-hotspot", "beta-case"):
        beta_cells.append(_slide("slide", nbformat.v4.new_code_cell(f'import netedu\nnetedu.question("{qid}")')))
    beta_cells.append(_slide("slide", nbformat.v4.new_code_cell('netedu.quiz("beta", mode="exam")')))
    _notebook(root / "notebooks/02_beta.ipynb", "Beta topic", beta_cells)
    return root

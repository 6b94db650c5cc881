"""Broken content is reported with its file and line, every problem at once."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from netedu.content import ContentError, load_content, validate_content


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"test setup: {old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


def line_of(path: Path, needle: str, nth: int = 1) -> int:
    """1-based line of the nth line containing ``needle``."""
    hits = [n for n, line in enumerate(path.read_text().splitlines(), start=1) if needle in line]
    return hits[nth - 1]


Q, R, C, T = "data/questions/alpha.yaml", "data/references.yaml", "data/course.yaml", "data/topics/alpha.yaml"
QB, IMG = "data/questions/beta.yaml", "data/images/boxes.svg"

# Each case: (break the course, file expected in the message, where the line is, words in the message)
CASES: dict[str, tuple[Callable[[Path], None], str, Callable[[Path], int], str]] = {
    "bad-yaml": (
        lambda r: edit(r / Q, "stem: Which option is right?", "stem: [unclosed, list"),
        # The parser stops on the next line; the message points back to where the list began.
        Q,
        lambda r: line_of(r / Q, "stem: [unclosed") + 1,
        "YAML syntax error: while parsing a flow sequence (started at line 7)",
    ),
    "unknown-key": (
        lambda r: edit(r / Q, "explanation: NO-B-EXPLANATION.", "explantion: NO-B-EXPLANATION."),
        Q,
        lambda r: line_of(r / Q, "explantion:"),
        "unknown field 'explantion' (did you mean 'explanation'?)",
    ),
    "missing-field": (
        lambda r: edit(r / Q, "    difficulty: core\n", ""),
        Q,
        lambda r: line_of(r / Q, "- id: alpha-multiple"),
        "questions[1].difficulty: required field is missing",
    ),
    "wrong-type": (
        lambda r: edit(r / R, "year: 2018", "year: twenty-eighteen"),
        R,
        lambda r: line_of(r / R, "year: twenty-eighteen"),
        "references[0].year",
    ),
    "duplicate-question-id": (
        lambda r: edit(r / Q, "- id: alpha-multiple", "- id: alpha-single"),
        Q,
        lambda r: line_of(r / Q, "- id: alpha-single", nth=2),
        "question id 'alpha-single' is already used",
    ),
    "dangling-reference": (
        lambda r: edit(r / Q, "references: [ref-one, ref-two]", "references: [ref-one, ref-three]"),
        Q,
        lambda r: line_of(r / Q, "references: [ref-one, ref-three]"),
        "reference 'ref-three' is not in data/references.yaml",
    ),
    "missing-notebook": (
        lambda r: (r / "notebooks/01_alpha.ipynb").unlink(),
        T,
        lambda r: line_of(r / T, "notebook: 01_alpha.ipynb"),
        "notebook notebooks/01_alpha.ipynb not found",
    ),
    "empty-file": (
        lambda r: (r / R).write_text("\n\n"),
        R,
        lambda r: 1,
        "file is empty",
    ),
    "top-level-not-mapping": (
        lambda r: (r / C).write_text("- alpha\n- beta\n"),
        C,
        lambda r: 1,
        "expected a mapping of fields, found list",
    ),
    "bad-slug": (
        lambda r: edit(r / Q, "- id: wrong-two", "- id: Wrong Two"),
        Q,
        lambda r: line_of(r / Q, "- id: Wrong Two"),
        "is not a valid id",
    ),
    "two-correct-single": (
        lambda r: edit(
            r / Q, "        text: The third option\n        correct: false", "        text: The third option\n        correct: true"
        ),
        Q,
        lambda r: line_of(r / Q, "- id: alpha-single"),
        "exactly one correct option, found 2",
    ),
    "unknown-question-type": (
        lambda r: edit(r / Q, "type: multiple", "type: essay"),
        Q,
        lambda r: line_of(r / Q, "- id: alpha-multiple"),
        "unknown question type 'essay'",
    ),
    "duplicate-yaml-key": (
        lambda r: edit(r / T, "summary: The first test topic.", "summary: The first test topic.\nsummary: Again."),
        T,
        lambda r: line_of(r / T, "summary: Again."),
        "duplicate key (first at line",
    ),
    "orphan-question-file": (
        lambda r: (r / "data/questions/gamma.yaml").write_text(
            (r / Q).read_text().replace("topic: alpha", "topic: gamma").replace("alpha-", "gamma-")
        ),
        "data/questions/gamma.yaml",
        lambda r: 1,
        "orphan question file: topic 'gamma'",
    ),
    "unknown-objective": (
        lambda r: edit(r / Q, "objective: obj-two", "objective: obj-nine"),
        Q,
        lambda r: line_of(r / Q, "objective: obj-nine"),
        "unknown learning objective 'obj-nine'",
    ),
    "topic-without-file": (
        lambda r: edit(r / C, "  - alpha\n", "  - alpha\n  - gamma\n"),
        C,
        lambda r: line_of(r / C, "- gamma"),
        "topic 'gamma' has no file data/topics/gamma.yaml",
    ),
    "orphan-notebook": (
        lambda r: (r / "notebooks/99_stray.ipynb").write_text((r / "notebooks/01_alpha.ipynb").read_text()),
        "notebooks/99_stray.ipynb",
        lambda r: 1,
        "orphan notebook",
    ),
    "reference-without-locator": (
        lambda r: edit(r / R, "    doi: 10.1038/s41379-018-0110-y\n", ""),
        R,
        lambda r: line_of(r / R, "- id: ref-one"),
        "give at least one of 'doi', 'pmid' or 'url'",
    ),
    "reference-journal-and-body": (
        lambda r: edit(r / R, "journal: Modern Pathology", "journal: Modern Pathology\n    body: WHO"),
        R,
        lambda r: line_of(r / R, "- id: ref-one"),
        "exactly one of 'journal' or 'body'",
    ),
    "duplicate-reference-id": (
        lambda r: edit(r / R, "- id: ref-two", "- id: ref-one"),
        R,
        lambda r: line_of(r / R, "- id: ref-one", nth=2),
        "reference id 'ref-one' is used more than once",
    ),
    "bad-doi": (
        lambda r: edit(r / R, "doi: 10.1038/s41379-018-0110-y", "doi: https://doi.org/10.1038/x"),
        R,
        lambda r: line_of(r / R, "doi: https://doi.org"),
        "is not a DOI",
    ),
    "topic-id-not-file-name": (
        lambda r: edit(r / T, "id: alpha", "id: alphabet"),
        T,
        lambda r: line_of(r / T, "id: alphabet"),
        "id 'alphabet' must match the file name 'alpha'",
    ),
    "orphan-topic-file": (
        lambda r: (r / "data/topics/gamma.yaml").write_text(
            (r / T).read_text().replace("id: alpha", "id: gamma").replace("01_alpha", "03_gamma")
        ),
        "data/topics/gamma.yaml",
        lambda r: 1,
        "orphan topic: topic 'gamma' is not listed",
    ),
    "duplicate-option-id": (
        lambda r: edit(r / Q, "- id: no-b", "- id: yes-a"),
        Q,
        lambda r: line_of(r / Q, "- id: alpha-multiple"),
        "option id used more than once: yes-a",
    ),
    "numeric-answer-outside-range": (
        lambda r: edit(r / QB, "range: [0, 100]", "range: [20, 100]"),
        QB,
        lambda r: line_of(r / QB, "- id: beta-numeric"),
        "answer 12 is outside the range [20, 100]",
    ),
    "numeric-hint-overlaps-answer": (
        lambda r: edit(r / QB, "max: 3", "max: 11.5"),
        QB,
        lambda r: line_of(r / QB, "- id: beta-numeric"),
        "hint for 0 to 11.5 overlaps the accepted answer",
    ),
    "matching-row-too-short": (
        lambda r: edit(r / QB, "answers: [VIP, Plasma VIP]", "answers: [VIP]"),
        QB,
        lambda r: line_of(r / QB, "- id: beta-matching"),
        "row 'vipoma' has 1 answers for 2 columns",
    ),
    "ordering-duplicate-item": (
        lambda r: edit(r / QB, "- id: step-four", "- id: step-one"),
        QB,
        lambda r: line_of(r / QB, "- id: beta-ordering"),
        "item id used more than once: step-one",
    ),
    "hotspot-image-missing": (
        lambda r: (r / IMG).rename(r / "data/images/gone.svg.bak"),
        QB,
        lambda r: line_of(r / QB, "image: boxes.svg"),
        "image data/images/boxes.svg",
    ),
    "hotspot-region-outside-image": (
        lambda r: edit(r / QB, "coords: [150, 50, 40]", "coords: [150, 50, 80]"),
        QB,
        lambda r: line_of(r / QB, "coords: [150, 50, 80]"),
        "region 'middle-box' lies outside the image",
    ),
    "hotspot-two-correct": (
        lambda r: edit(r / QB, "coords: [10, 10, 80, 80]\n        correct: false", "coords: [10, 10, 80, 80]\n        correct: true"),
        QB,
        lambda r: line_of(r / QB, "- id: beta-hotspot"),
        "exactly one correct region, found 2",
    ),
    "polygon-odd-coords": (
        lambda r: edit(r / QB, "coords: [210, 10, 290, 10, 290, 90, 210, 90]", "coords: [210, 10, 290, 10, 290]"),
        QB,
        lambda r: line_of(r / QB, "- id: right-box"),
        "a polygon needs coords",
    ),
    "unsafe-svg": (
        lambda r: edit(r / IMG, "<title>", "<script>alert(1)</script><title>"),
        QB,
        lambda r: line_of(r / QB, "image: boxes.svg"),
        "contains scripts",
    ),
    "orphan-image": (
        lambda r: (r / "data/images/unused.svg").write_text((r / IMG).read_text()),
        "data/images/unused.svg",
        lambda r: 1,
        "orphan image",
    ),
    "case-part-unknown-objective": (
        lambda r: edit(
            r / QB,
            "      - id: beta-case-two\n        type: true-false",
            "      - id: beta-case-two\n        objective: obj-z\n        type: true-false",
        ),
        QB,
        lambda r: line_of(r / QB, "objective: obj-z"),
        "questions[5].parts[1].objective: unknown learning objective 'obj-z'",
    ),
    "case-part-duplicate-id": (
        lambda r: edit(r / QB, "- id: beta-case-two", "- id: beta-tf"),
        QB,
        lambda r: line_of(r / QB, "- id: beta-tf", nth=2),
        "question id 'beta-tf' is already used",
    ),
    "explorer-cites-missing-reference": (
        # The TNM stager's tables live in code; the references they cite must be in the course.
        lambda r: edit(r / T, "seed_sections: [introduction]", "seed_sections: [introduction]\nexplorers: [tnm-stager]"),
        T,
        lambda r: line_of(r / T, "explorers: [tnm-stager]"),
        "explorer 'tnm-stager' cites 'ajcc-2017', which is not in data/references.yaml",
    ),
    "unknown-seed-section": (
        lambda r: edit(r / T, "seed_sections: [introduction]", "seed_sections: [introduction, surgery]"),
        T,
        lambda r: line_of(r / T, "seed_sections:"),
        "unknown seed section 'surgery'",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_broken_content_names_file_and_line(course: Path, case: str) -> None:
    breaker, file, line, words = CASES[case]
    breaker(course)
    problems = [str(p) for p in validate_content(course)]
    expected_prefix = f"{file}:{line(course)}: "
    matching = [p for p in problems if p.startswith(expected_prefix) and words in p]
    assert matching, f"no problem starting {expected_prefix!r} containing {words!r} in:\n" + "\n".join(problems)


def test_three_broken_files_are_reported_in_one_run(course: Path) -> None:
    edit(course / Q, "explanation: NO-B-EXPLANATION.", "explantion: NO-B-EXPLANATION.")
    edit(course / R, "year: 2018", "year: soon")
    edit(course / T, "last_reviewed: 2026-11-25", "last_reviewed: not-a-date")
    with pytest.raises(ContentError) as caught:
        load_content(course)
    files = {p.file for p in caught.value.problems}
    assert {Q, R, T} <= files
    message = str(caught.value)
    assert f"{Q}:{line_of(course / Q, 'explantion')}:" in message
    assert f"{R}:{line_of(course / R, 'year: soon')}:" in message
    assert f"{T}:{line_of(course / T, 'last_reviewed')}:" in message


def test_valid_course_loads_with_everything_in_order(course: Path) -> None:
    content = load_content(course)
    assert list(content.topics) == ["alpha", "beta"]
    assert [q.id for q in content.questions["alpha"]] == ["alpha-single", "alpha-multiple"]
    assert content.topic_of("alpha-multiple").id == "alpha"
    assert content.references["ref-one"].short == "Rindi et al., 2018"


def test_a_fixed_file_is_picked_up_without_restarting(course: Path) -> None:
    assert load_content(course).topics["alpha"].summary == "The first test topic."
    edit(course / T, "summary: The first test topic.", "summary: A better summary.")
    assert load_content(course).topics["alpha"].summary == "A better summary."


def test_unreadable_bytes_are_a_problem_not_a_crash(course: Path) -> None:
    (course / R).write_bytes(b"references:\n  - id: \xff\xfe\n")
    problems = [str(p) for p in validate_content(course)]
    assert any(p.startswith(f"{R}:1: ") and "not UTF-8" in p for p in problems), problems


def test_a_broken_reference_file_is_one_problem_not_hundreds(tmp_path: Path) -> None:
    """On the real course: with references.yaml unreadable, every citation would look dangling;
    the author is shown the one real problem instead of a wall of follow-on errors."""
    repo = Path(__file__).resolve().parents[2]
    for folder in ("data", "notebooks"):
        shutil.copytree(repo / folder, tmp_path / folder)
    refs = tmp_path / R
    edit(refs, "  - id: hope-2019\n", "  - id: hope-2019\n   stray: indent\n")
    problems = [str(p) for p in validate_content(tmp_path)]
    assert len(problems) == 1, "\n".join(problems[:20])
    assert problems[0].startswith(f"{R}:{line_of(refs, 'stray: indent')}: (file): YAML syntax error"), problems

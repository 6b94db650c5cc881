"""Load every content file, validate each one and the rules between them, report all problems."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from netedu.content.explorer_data import load_explorer_data
from netedu.content.images import region_inside, svg_data_uri, svg_viewbox
from netedu.content.models import Course, Reference, ReferenceFile, Topic
from netedu.content.problems import ContentError, Problem
from netedu.content.questions import Case, Hotspot, Question, QuestionFile
from netedu.content.reader import Reader, notebooks_in, yaml_files
from netedu.settings import PLAYER_NOTEBOOK

M = TypeVar("M", Topic, QuestionFile)

__all__ = ["Content", "content_stamp", "load_content", "validate_content"]


@dataclass(frozen=True)
class Content:
    """The whole validated course, ready for the quiz engine and the app."""

    root: Path
    course: Course
    topics: dict[str, Topic]
    questions: dict[str, tuple[Question, ...]]
    references: dict[str, Reference]
    explorers: dict[str, Any] = field(default_factory=dict)
    _by_question: dict[str, tuple[str, Question]] = field(default_factory=dict, repr=False)
    _images: dict[str, tuple[str, tuple[float, float, float, float]]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for topic_id, bank in self.questions.items():
            for q in bank:
                for each in (q, *(q.parts if isinstance(q, Case) else ())):
                    self._by_question[each.id] = (topic_id, each)

    def question(self, question_id: str) -> Question:
        """The question with this id (``KeyError`` with a helpful message if unknown)."""
        try:
            return self._by_question[question_id][1]
        except KeyError:
            raise KeyError(f"no question with id {question_id!r}") from None

    def topic(self, topic_id: str) -> Topic:
        """The topic with this id (``KeyError`` listing the known ids if unknown)."""
        try:
            return self.topics[topic_id]
        except KeyError:
            known = ", ".join(self.topics)
            raise KeyError(f"no topic with id {topic_id!r} (known topics: {known})") from None

    def topic_of(self, question_id: str) -> Topic:
        return self.topics[self._by_question[question_id][0]]

    def references_for(self, ids: tuple[str, ...]) -> list[Reference]:
        return [self.references[i] for i in ids]

    def image(self, name: str) -> tuple[str, tuple[float, float, float, float]]:
        """A hotspot image from ``data/images/``: a ``data:`` URI and its viewBox."""
        if name not in self._images:
            path = self.root / "data" / "images" / name
            self._images[name] = (svg_data_uri(path), svg_viewbox(path))
        return self._images[name]


# --- the whole course --------------------------------------------------------------------


class _Course:
    """Reads every file of one course, then checks the rules between them."""

    def __init__(self, root: Path):
        self.root, self.data, self.nb_dir = root, root / "data", root / "notebooks"
        self.r = Reader(root)
        self.course_path = self.data / "course.yaml"
        self.refs_path = self.data / "references.yaml"
        self.course = self.r.model(self.course_path, Course)
        self.ref_file = self.r.model(self.refs_path, ReferenceFile)
        self.references = self._references()
        self.used_images: set[str] = set()
        self.explorer_data: dict[str, Any] = {}
        self.topics: dict[str, tuple[Path, Topic]] = self._per_topic_files("topics", Topic, "id", "topic")
        self.banks: dict[str, tuple[Path, QuestionFile | None]] = self._per_topic_files("questions", QuestionFile, "topic", "question file")

    def _references(self) -> dict[str, Reference]:
        references: dict[str, Reference] = {}
        for i, ref in enumerate(self.ref_file.references if self.ref_file else ()):
            if ref.id in references:
                self.r.add(self.refs_path, ("references", i, "id"), f"reference id {ref.id!r} is used more than once")
            references.setdefault(ref.id, ref)
        return references

    def _per_topic_files(self, folder: str, cls: type[M], key: str, kind: str) -> dict[str, tuple[Path, M | None]]:
        """Files named after a topic (data/topics/<id>.yaml, data/questions/<id>.yaml): each must
        name its topic in ``key``, and the topic must be in the course."""
        found: dict[str, tuple[Path, Any]] = {}
        for path in yaml_files(self.data / folder):
            model = self.r.model(path, cls)
            found[path.stem] = (path, model)
            topic_id = getattr(model, key, None)
            if model is None:
                continue
            if topic_id != path.stem:
                self.r.add(path, (key,), f"{key} {topic_id!r} must match the file name {path.stem!r}")
            elif self.course and topic_id not in self.course.topics:
                self.r.add(path, (key,), f"orphan {kind}: topic {topic_id!r} is not listed in data/course.yaml")
        return found

    def check_course(self) -> None:
        course, r = self.course, self.r
        if course is None:
            return
        claimed = {course.start_page.notebook: "the start page", PLAYER_NOTEBOOK: "the course player"}
        if not (self.nb_dir / course.start_page.notebook).is_file():
            r.add(self.course_path, ("start_page", "notebook"), f"notebook notebooks/{course.start_page.notebook} not found")
        for i, topic_id in enumerate(course.topics):
            if topic_id not in self.topics:
                r.add(self.course_path, ("topics", i), f"topic {topic_id!r} has no file data/topics/{topic_id}.yaml")
            if topic_id not in self.banks:
                r.add(self.course_path, ("topics", i), f"topic {topic_id!r} has no question file data/questions/{topic_id}.yaml")
        sections = {s.id for s in course.seed_sections}
        for path, topic in self.topics.values():
            if topic is None:
                continue
            for j, section in enumerate(topic.seed_sections):
                if section not in sections:
                    r.add(path, ("seed_sections", j), f"unknown seed section {section!r} (known: {', '.join(sorted(sections))})")
            if topic.notebook in claimed:
                r.add(path, ("notebook",), f"notebook {topic.notebook} is already used by {claimed[topic.notebook]}")
            claimed.setdefault(topic.notebook, f"topic {topic.id!r}")
            if not (self.nb_dir / topic.notebook).is_file():
                r.add(path, ("notebook",), f"notebook notebooks/{topic.notebook} not found")
        for nb in notebooks_in(self.nb_dir):
            if nb.name not in claimed:
                r.problems.append(Problem(r.name(nb), 1, "(file)", "orphan notebook: no topic in data/topics/ names it"))

    def check_questions(self) -> None:
        seen: dict[str, str] = {}
        used_images = self.used_images
        for path, bank in self.banks.values():
            if bank is None:
                continue
            topic = self.topics.get(bank.topic, (None, None))[1]
            objectives = {o.id for o in topic.objectives} if topic else set()
            for i, question in enumerate(bank.questions):
                for where, q in _with_parts(("questions", i), question):
                    if q.id in seen:
                        self.r.add(path, (*where, "id"), f"question id {q.id!r} is already used in {seen[q.id]}")
                    seen.setdefault(q.id, self.r.name(path))
                    if topic and q.objective not in objectives:
                        known = ", ".join(sorted(objectives))
                        self.r.add(
                            path,
                            (*where, "objective"),
                            f"unknown learning objective {q.objective!r} for topic {topic.id!r} (known: {known})",
                        )
                    for loc, ref_id in _cited(q):
                        if ref_id not in self.references and self.ref_file is not None:
                            self.r.add(path, (*where, *loc), f"reference {ref_id!r} is not in data/references.yaml")
                    if isinstance(q, Hotspot):
                        used_images.add(q.image)
                        self._check_image(path, where, q)

    def _check_image(self, path: Path, where: tuple[Any, ...], q: Hotspot) -> None:
        try:
            box = svg_viewbox(self.data / "images" / q.image)
        except (OSError, ValueError) as err:
            self.r.add(path, (*where, "image"), f"image data/images/{q.image}: {err}")
            return
        for k, region in enumerate(q.regions):
            if not region_inside(box, region.shape, region.coords):
                self.r.add(
                    path,
                    (*where, "regions", k, "coords"),
                    f"region {region.id!r} lies outside the image (viewBox {' '.join(f'{v:g}' for v in box)})",
                )

    def check_orphan_images(self) -> None:
        for image in sorted((self.data / "images").glob("*.svg")) if (self.data / "images").is_dir() else ():
            if image.name not in self.used_images:
                self.r.problems.append(Problem(self.r.name(image), 1, "(file)", "orphan image: no question or explorer uses it"))

    def check_explorers(self) -> None:
        topics = [(path, t) for path, t in self.topics.values() if t is not None]
        references = self.references if self.ref_file is not None else None
        self.explorer_data = load_explorer_data(self.r, self.data, topics, references, self.used_images)

    def content(self) -> Content | None:
        if self.r.problems or self.course is None or self.ref_file is None:
            return None
        return Content(
            root=self.root,
            course=self.course,
            topics={t: self.topics[t][1] for t in self.course.topics},
            questions={t: self.banks[t][1].questions for t in self.course.topics},
            references=self.references,
            explorers=self.explorer_data,
        )


def _collect(root: Path) -> tuple[Content | None, list[Problem]]:
    course = _Course(root)
    course.check_course()
    course.check_questions()
    course.check_explorers()
    course.check_orphan_images()
    return course.content(), sorted(set(course.r.problems))


def _with_parts(where: tuple[Any, ...], q: Question) -> Iterator[tuple[tuple[Any, ...], Question]]:
    """A question and, for a case, each of its parts, with where each sits in the file."""
    yield where, q
    if isinstance(q, Case):
        for j, part in enumerate(q.parts):
            yield (*where, "parts", j), part


def _cited(q: Question) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Every reference a question cites, with where it is cited."""
    for j, ref in enumerate(q.references):
        yield ("references", j), ref
    dumped = q.model_dump(include={"options", "items", "rows", "regions"})
    for field_name in ("options", "items", "rows", "regions"):
        entries = dumped.get(field_name) or ()
        for k, entry in enumerate(entries):
            for j, ref in enumerate(entry.get("references", ())):
                yield (field_name, k, "references", j), ref


def validate_content(root: Path | str) -> list[Problem]:
    """Every problem in the course content under ``root`` (an empty list if there are none)."""
    return _collect(Path(root))[1]


_CACHE: dict[Path, tuple[tuple[tuple[str, int], ...], Content]] = {}


def content_stamp(root: Path) -> tuple[tuple[str, int], ...]:
    """Changes whenever a content file (anything in data/, or a notebook) changes."""
    files = [*(p for p in (root / "data").rglob("*") if p.is_file()), *notebooks_in(root / "notebooks")]
    return tuple(sorted((str(p), p.stat().st_mtime_ns) for p in files))


def load_content(root: Path | str) -> Content:
    """Load and validate the course under ``root``; raise :class:`ContentError` listing every
    problem. Cached until a content file changes.
    """
    root = Path(root).resolve()
    stamp = content_stamp(root)
    cached = _CACHE.get(root)
    if cached and cached[0] == stamp:
        return cached[1]
    content, problems = _collect(root)
    if content is None:
        raise ContentError(problems)
    _CACHE[root] = (stamp, content)
    return content

"""Validated, frozen models of the course content (course, topics, questions, references)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

__all__ = [
    "Course",
    "Difficulty",
    "MultipleChoice",
    "Objective",
    "Option",
    "Question",
    "QuestionFile",
    "QUESTION_TYPES",
    "Reference",
    "ReferenceFile",
    "SeedSection",
    "SingleChoice",
    "Slug",
    "StartPage",
    "Topic",
]

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", min_length=1, max_length=80),
]
"""A stable id: lower-case words joined by hyphens (``ki67-hot-spot``). Never derived from text,
so fixing a typo in a question does not orphan saved progress."""

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
NotebookName = Annotated[str, StringConstraints(pattern=r"^\d{2}_[a-z0-9_]+\.ipynb$")]
Difficulty = Literal["foundation", "core", "advanced"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _duplicates(ids: list[str]) -> list[str]:
    seen: set[str] = set()
    return sorted({i for i in ids if i in seen or seen.add(i)})


def _surname(author: str) -> str:
    """``"La Rosa S"`` -> ``"La Rosa"``; an organisation's name is kept whole."""
    parts = author.split()
    if len(parts) > 1 and parts[-1].isupper() and len(parts[-1]) <= 3:
        return " ".join(parts[:-1])
    return author


# --- references --------------------------------------------------------------------------


class Reference(_Model):
    """A published source that explanations and numbers cite."""

    id: Slug
    authors: Annotated[tuple[Text, ...], Field(min_length=1)]
    title: Text
    journal: Text | None = None
    body: Text | None = Field(None, description="Issuing organisation, for guidelines and pages")
    year: Annotated[int, Field(ge=1900, le=2100)]
    details: Text | None = Field(None, description="Volume(issue):pages, edition or section")
    doi: Annotated[str, StringConstraints(pattern=r"^10\.\d{4,9}/\S+$")] | None = None
    pmid: Annotated[str, StringConstraints(pattern=r"^\d{1,9}$")] | None = None
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _source_and_locator(self) -> Reference:
        if (self.journal is None) == (self.body is None):
            raise ValueError("give exactly one of 'journal' or 'body' (the issuing organisation)")
        if not (self.doi or self.pmid or self.url):
            raise ValueError("give at least one of 'doi', 'pmid' or 'url'")
        return self

    @property
    def link(self) -> str:
        """The most stable address: DOI, then PubMed, then URL."""
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.pmid:
            return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"
        return self.url or ""

    @property
    def short(self) -> str:
        """Short in-text form, e.g. ``Dasari et al., 2017``."""
        names = [_surname(a) for a in self.authors]
        if len(names) == 1:
            return f"{names[0]}, {self.year}"
        if len(names) == 2:
            return f"{names[0]} and {names[1]}, {self.year}"
        return f"{names[0]} et al., {self.year}"

    @property
    def citation(self) -> str:
        """Full citation in Vancouver style (plain text)."""
        authors = ", ".join(self.authors[:6]) + (", et al" if len(self.authors) > 6 else "")
        where = self.journal or self.body
        details = f";{self.details}" if self.details else ""
        title = self.title if self.title.endswith(("?", "!", ".")) else f"{self.title}."
        return f"{authors}. {title} {where}. {self.year}{details}."


class ReferenceFile(_Model):
    references: Annotated[tuple[Reference, ...], Field(min_length=1)]


# --- course and topics -------------------------------------------------------------------


class SeedSection(_Model):
    """A section of the seed outline that the course must teach."""

    id: Slug
    title: Text


class StartPage(_Model):
    title: Text
    notebook: NotebookName


class Course(_Model):
    """The course: its title, the outline it teaches, and the order of its topics."""

    title: Text
    description: Text
    seed: Text = Field(description="The outline the course follows (title and publisher)")
    seed_sections: Annotated[tuple[SeedSection, ...], Field(min_length=1)]
    start_page: StartPage
    topics: Annotated[tuple[Slug, ...], Field(min_length=1)]

    @model_validator(mode="after")
    def _unique(self) -> Course:
        if dupes := _duplicates(list(self.topics)):
            raise ValueError(f"topic listed more than once: {', '.join(dupes)}")
        if dupes := _duplicates([s.id for s in self.seed_sections]):
            raise ValueError(f"seed section id used more than once: {', '.join(dupes)}")
        return self


class Objective(_Model):
    id: Slug
    text: Text


class Topic(_Model):
    """One topic: one notebook, one question file."""

    id: Slug
    title: Text
    notebook: NotebookName
    summary: Text
    seed_sections: Annotated[tuple[Slug, ...], Field(min_length=1)]
    objectives: Annotated[tuple[Objective, ...], Field(min_length=1)]
    last_reviewed: dt.date

    @model_validator(mode="after")
    def _unique_objectives(self) -> Topic:
        if dupes := _duplicates([o.id for o in self.objectives]):
            raise ValueError(f"objective id used more than once: {', '.join(dupes)}")
        return self


# --- questions ---------------------------------------------------------------------------


class Option(_Model):
    """An answer option; it carries its own explanation, shown after the learner checks."""

    id: Slug
    text: Text
    correct: bool
    explanation: Text
    references: tuple[Slug, ...] = Field((), description="Defaults to the question's references")


class _QuestionBase(_Model):
    id: Slug
    objective: Slug
    difficulty: Difficulty
    stem: Text
    references: Annotated[tuple[Slug, ...], Field(min_length=1)]
    explanation: Text | None = Field(None, description="The key teaching point, shown after checking")
    tags: tuple[Slug, ...] = ()

    @property
    def max_score(self) -> int:
        return 1


class _ChoiceQuestion(_QuestionBase):
    options: tuple[Option, ...]

    def _count_rule(self, correct: int) -> str | None:
        """A message if ``correct`` options is wrong for this type of question."""
        raise NotImplementedError

    @model_validator(mode="after")
    def _options_are_consistent(self) -> _ChoiceQuestion:
        if dupes := _duplicates([o.id for o in self.options]):
            raise ValueError(f"option id used more than once: {', '.join(dupes)}")
        if message := self._count_rule(sum(o.correct for o in self.options)):
            raise ValueError(message)
        return self


class SingleChoice(_ChoiceQuestion):
    """Exactly one option is correct."""

    type: Literal["single"]
    options: Annotated[tuple[Option, ...], Field(min_length=2, max_length=8)]

    def _count_rule(self, correct: int) -> str | None:
        if correct != 1:
            return f"a single-answer question needs exactly one correct option, found {correct}"
        return None


class MultipleChoice(_ChoiceQuestion):
    """One or more options are correct; the learner selects all that apply."""

    type: Literal["multiple"]
    options: Annotated[tuple[Option, ...], Field(min_length=2, max_length=10)]

    def _count_rule(self, correct: int) -> str | None:
        return None if correct else "a multiple-answer question needs at least one correct option"


Question = Annotated[Union[SingleChoice, MultipleChoice], Field(discriminator="type")]
QUESTION_TYPES: tuple[str, ...] = ("single", "multiple")


class QuestionFile(_Model):
    """The question bank of one topic."""

    topic: Slug
    questions: Annotated[tuple[Question, ...], Field(min_length=1)]

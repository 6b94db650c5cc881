"""Validated, frozen models of the course, its topics and its references."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from netedu.content.base import Model, NotebookName, Slug, Text, duplicates, surname

__all__ = ["Course", "Objective", "Reference", "ReferenceFile", "SeedSection", "StartPage", "Topic"]

# --- references --------------------------------------------------------------------------


class Reference(Model):
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
        names = [surname(a) for a in self.authors]
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


class ReferenceFile(Model):
    references: Annotated[tuple[Reference, ...], Field(min_length=1)]


# --- course and topics -------------------------------------------------------------------


class SeedSection(Model):
    """A section of the seed outline that the course must teach."""

    id: Slug
    title: Text


class StartPage(Model):
    title: Text
    notebook: NotebookName


class Course(Model):
    """The course: its title, the outline it teaches, and the order of its topics."""

    title: Text
    description: Text
    seed: Text = Field(description="The outline the course follows (title and publisher)")
    seed_sections: Annotated[tuple[SeedSection, ...], Field(min_length=1)]
    start_page: StartPage
    topics: Annotated[tuple[Slug, ...], Field(min_length=1)]

    @model_validator(mode="after")
    def _unique(self) -> Course:
        if dupes := duplicates(list(self.topics)):
            raise ValueError(f"topic listed more than once: {', '.join(dupes)}")
        if dupes := duplicates([s.id for s in self.seed_sections]):
            raise ValueError(f"seed section id used more than once: {', '.join(dupes)}")
        return self


class Objective(Model):
    id: Slug
    text: Text


class Topic(Model):
    """One topic: one notebook, one question file."""

    id: Slug
    title: Text
    notebook: NotebookName
    summary: Text
    seed_sections: Annotated[tuple[Slug, ...], Field(min_length=1)]
    objectives: Annotated[tuple[Objective, ...], Field(min_length=1)]
    last_reviewed: dt.date
    explorers: tuple[Slug, ...] = Field((), description="Guided-exploration widgets the notebook uses")

    @model_validator(mode="after")
    def _unique_objectives(self) -> Topic:
        if dupes := duplicates([o.id for o in self.objectives]):
            raise ValueError(f"objective id used more than once: {', '.join(dupes)}")
        return self

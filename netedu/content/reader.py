"""Read one content file into a model, turning every validation error into a located problem."""

from __future__ import annotations

import csv
import difflib
import io
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from netedu.content import models, questions
from netedu.content.problems import Problem
from netedu.content.questions import QUESTION_TYPES
from netedu.content.registry import registered_explorers
from netedu.content.yamlio import YamlDocument, read_yaml

__all__ = ["Reader", "clean_loc", "csv_rows", "message", "notebooks_in", "yaml_files"]

M = TypeVar("M", bound=BaseModel)


@lru_cache(maxsize=1)
def _field_names() -> list[str]:
    """Every field name of every content model, explorers' included (for "did you mean")."""
    modules = {models, questions} | {sys.modules[s.data.__module__] for s in registered_explorers().values() if s.data is not None}
    return sorted(
        {
            name
            for module in modules
            for obj in vars(module).values()
            if isinstance(obj, type) and issubclass(obj, BaseModel)
            for name in getattr(obj, "model_fields", {})
        }
    )


_PATTERN_HINTS = {
    "^[a-z0-9]+(?:-[a-z0-9]+)*$": "is not a valid id: use lower-case letters, digits and single hyphens, e.g. ki67-hot-spot",
    r"^\d{2}_[a-z0-9_]+\.ipynb$": "is not a valid notebook name: use NN_words.ipynb, e.g. 01_what_are_nets.ipynb",
    r"^10\.\d{4,9}/\S+$": "is not a DOI: give it without https://doi.org/, e.g. 10.1001/jamaoncol.2017.0589",
    r"^\d{1,9}$": "is not a PubMed id: digits only",
    r"^https?://\S+$": "is not a web address starting with http:// or https://",
}


# --- messages ----------------------------------------------------------------------------


def message(err: dict[str, Any]) -> str:
    kind, loc, ctx = err["type"], err["loc"], err.get("ctx") or {}
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        name = str(loc[-1])
        close = difflib.get_close_matches(name, _field_names(), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return f"unknown field '{name}'{hint}"
    if kind == "union_tag_invalid":
        return f"unknown question type {ctx.get('tag')!r}: use one of {', '.join(QUESTION_TYPES)}"
    if kind == "union_tag_not_found":
        return f"missing 'type': use one of {', '.join(QUESTION_TYPES)}"
    if kind == "string_pattern_mismatch" and ctx.get("pattern") in _PATTERN_HINTS:
        return f"{err['input']!r} {_PATTERN_HINTS[ctx['pattern']]}"
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    return err["msg"]


def clean_loc(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    # A discriminated union adds its tag (e.g. "single") after the list index: drop it.
    out: list[Any] = []
    for part in loc:
        if isinstance(part, str) and part in QUESTION_TYPES and out and isinstance(out[-1], int):
            continue
        out.append(part)
    return tuple(out)


# --- reading files -----------------------------------------------------------------------


class Reader:
    """Reads files of one course, collecting every problem instead of stopping at the first."""

    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []
        self.docs: dict[str, YamlDocument] = {}

    def name(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def model(self, path: Path, cls: type[M]) -> M | None:
        doc, problems = read_yaml(path, self.name(path))
        self.problems.extend(problems)
        if doc is None:
            return None
        self.docs[doc.name] = doc
        try:
            return cls.model_validate(doc.data)
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                self.problems.append(doc.problem(clean_loc(err["loc"]), message(err)))
            return None

    def add(self, path: Path, loc: tuple[Any, ...], message: str) -> None:
        doc = self.docs.get(self.name(path))
        if doc is None:
            self.problems.append(Problem(self.name(path), 1, "(file)", message))
        else:
            self.problems.append(doc.problem(loc, message))


def yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])


def notebooks_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.ipynb")) if folder.is_dir() else []


def csv_rows(text: str) -> list[tuple[int, dict[str, str]]]:
    """A CSV file's rows as ``(line, row)`` pairs (the header is line 1)."""
    reader = csv.DictReader(io.StringIO(text))
    return [(reader.line_num, row) for row in reader]

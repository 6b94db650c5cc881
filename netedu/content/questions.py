"""The question types a NET teacher needs, as validated, frozen models.

Every option, item, row or region carries its own explanation (and may carry its own
references), shown to the learner after they answer.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from netedu.content.base import Difficulty, ImageName, Model, Slug, Text, unique_ids

__all__ = [
    "Case",
    "Hotspot",
    "MatchRow",
    "Matching",
    "MultipleChoice",
    "Numeric",
    "NumericHint",
    "Option",
    "OrderItem",
    "Ordering",
    "Part",
    "QUESTION_TYPES",
    "Question",
    "QuestionFile",
    "Region",
    "SingleChoice",
    "TrueFalse",
]


class Option(Model):
    """An answer option; it carries its own explanation, shown after the learner checks."""

    id: Slug
    text: Text
    correct: bool
    explanation: Text
    references: tuple[Slug, ...] = Field((), description="Defaults to the question's references")


class _QuestionBase(Model):
    id: Slug
    objective: Slug
    difficulty: Difficulty
    stem: Text
    references: Annotated[tuple[Slug, ...], Field(min_length=1)]
    explanation: Text | None = Field(None, description="The key teaching point, shown after checking")
    tags: tuple[Slug, ...] = ()

    @property
    def max_score(self) -> float:
        return 1.0


# --- choosing options ----------------------------------------------------------------------


class _ChoiceQuestion(_QuestionBase):
    options: tuple[Option, ...]
    shuffle: bool = Field(True, description="Shuffle the options (per learner); false keeps the authored order")

    def _count_rule(self, correct: int) -> str | None:
        """A message if ``correct`` options is wrong for this type of question."""
        raise NotImplementedError

    @model_validator(mode="after")
    def _options_are_consistent(self) -> _ChoiceQuestion:
        unique_ids("option", [o.id for o in self.options])
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


class TrueFalse(_QuestionBase):
    """A statement the learner marks true or false; each answer has its own explanation."""

    type: Literal["true-false"]
    answer: bool
    if_true: Text = Field(description="Shown on the 'True' option: why it is right or wrong")
    if_false: Text = Field(description="Shown on the 'False' option: why it is right or wrong")

    @property
    def options(self) -> tuple[Option, ...]:
        """The two answers as options, so true/false is graded like a single-answer question."""
        return (
            Option(id="true", text="True", correct=self.answer, explanation=self.if_true),
            Option(id="false", text="False", correct=not self.answer, explanation=self.if_false),
        )


# --- a number ------------------------------------------------------------------------------


class NumericHint(Model):
    """Feedback for a common wrong answer: any value from ``min`` to ``max``."""

    min: float
    max: float
    explanation: Text

    @model_validator(mode="after")
    def _ordered(self) -> NumericHint:
        if self.min > self.max:
            raise ValueError(f"min ({self.min:g}) is greater than max ({self.max:g})")
        return self


class Numeric(_QuestionBase):
    """A number with a tolerance and a unit (e.g. a Ki-67 index in %)."""

    type: Literal["numeric"]
    answer: float
    tolerance: float = Field(0.0, ge=0, description="Accepted distance from the answer")
    unit: Text | None = Field(None, description="The unit the answer is in, e.g. '%'")
    unit_aliases: tuple[Text, ...] = Field((), description="Other ways to write the unit, e.g. 'percent'")
    range: tuple[float, float] | None = Field(None, description="Plausible values; others get a hint, not a mark")
    label: Text = Field("Your answer", description="Label of the input box")
    explanation: Text = Field(description="How to reach the answer, shown after checking")
    hints: tuple[NumericHint, ...] = Field((), description="Feedback for common wrong answers")

    @model_validator(mode="after")
    def _consistent(self) -> Numeric:
        if self.range is not None:
            low, high = self.range
            if low >= high:
                raise ValueError(f"range must go from low to high, got [{low:g}, {high:g}]")
            if not low <= self.answer <= high:
                raise ValueError(f"answer {self.answer:g} is outside the range [{low:g}, {high:g}]")
        for hint in self.hints:
            if hint.min <= self.answer + self.tolerance and hint.max >= self.answer - self.tolerance:
                raise ValueError(f"hint for {hint.min:g} to {hint.max:g} overlaps the accepted answer")
        return self


# --- putting in order and matching ---------------------------------------------------------


class OrderItem(Model):
    id: Slug
    text: Text
    explanation: Text = Field(description="Why the item belongs at its place")
    references: tuple[Slug, ...] = ()


class Ordering(_QuestionBase):
    """Items to put in order (authored in the correct order; shown shuffled). Partial credit."""

    type: Literal["ordering"]
    items: Annotated[tuple[OrderItem, ...], Field(min_length=3, max_length=8)]

    @model_validator(mode="after")
    def _unique_items(self) -> Ordering:
        unique_ids("item", [i.id for i in self.items])
        return self


class MatchRow(Model):
    id: Slug
    prompt: Text
    answers: Annotated[tuple[Text, ...], Field(min_length=1, max_length=3)]
    explanation: Text
    references: tuple[Slug, ...] = ()


class Matching(_QuestionBase):
    """Each row's prompt is matched to one answer in every column. Partial credit."""

    type: Literal["matching"]
    columns: Annotated[tuple[Text, ...], Field(min_length=1, max_length=3)]
    rows: Annotated[tuple[MatchRow, ...], Field(min_length=2, max_length=8)]
    distractors: tuple[tuple[Text, ...], ...] = Field((), description="Extra wrong choices, per column")

    @model_validator(mode="after")
    def _shape(self) -> Matching:
        unique_ids("row", [r.id for r in self.rows])
        width = len(self.columns)
        for row in self.rows:
            if len(row.answers) != width:
                raise ValueError(f"row {row.id!r} has {len(row.answers)} answers for {width} columns")
        if len(self.distractors) > width:
            raise ValueError(f"distractors are given for {len(self.distractors)} columns, but there are {width}")
        return self

    def choices(self, column: int) -> tuple[str, ...]:
        """Every choice offered in ``column``: the rows' answers and the distractors, sorted."""
        extra = self.distractors[column] if column < len(self.distractors) else ()
        return tuple(sorted({r.answers[column] for r in self.rows} | set(extra), key=str.casefold))


# --- pointing at a picture -----------------------------------------------------------------

_COORDS = {"rect": "x, y, width, height", "circle": "centre x, centre y, radius", "polygon": "x1, y1, x2, y2, x3, y3, ..."}


class Region(Model):
    """A clickable region of a hotspot image, in the image's own (viewBox) coordinates."""

    id: Slug
    label: Text = Field(description="Its name, read by screen readers and shown after checking")
    shape: Literal["rect", "circle", "polygon"]
    coords: tuple[float, ...]
    correct: bool
    explanation: Text
    references: tuple[Slug, ...] = ()

    @model_validator(mode="after")
    def _coords_fit_shape(self) -> Region:
        n = len(self.coords)
        ok = {"rect": n == 4, "circle": n == 3}.get(self.shape, n >= 6 and n % 2 == 0)
        if not ok:
            raise ValueError(f"a {self.shape} needs coords [{_COORDS[self.shape]}], got {n} numbers")
        return self


class Hotspot(_QuestionBase):
    """The learner points at the right region of an image (an SVG in ``data/images/``)."""

    type: Literal["hotspot"]
    image: ImageName
    alt: Text = Field(description="What the image shows, for learners who cannot see it")
    regions: Annotated[tuple[Region, ...], Field(min_length=2, max_length=16)]

    @model_validator(mode="after")
    def _one_correct(self) -> Hotspot:
        unique_ids("region", [r.id for r in self.regions])
        n = sum(r.correct for r in self.regions)
        if n != 1:
            raise ValueError(f"a hotspot question needs exactly one correct region, found {n}")
        return self

    @property
    def options(self) -> tuple[Option, ...]:
        """The regions as options, so a hotspot is graded like a single-answer question."""
        return tuple(
            Option(id=r.id, text=r.label, correct=r.correct, explanation=r.explanation, references=r.references) for r in self.regions
        )


# --- a case ---------------------------------------------------------------------------------

Part = Annotated[
    SingleChoice | MultipleChoice | TrueFalse | Numeric | Ordering | Matching | Hotspot,
    Field(discriminator="type"),
]


class Case(_QuestionBase):
    """A clinical vignette (the stem) shared by questions revealed one after another.

    A part may leave out ``objective``, ``difficulty`` and ``references``: it takes the case's.
    """

    type: Literal["case"]
    parts: Annotated[tuple[Part, ...], Field(min_length=2, max_length=6)]

    @model_validator(mode="before")
    @classmethod
    def _parts_inherit(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("parts"), list):
            inherited = {k: data[k] for k in ("objective", "difficulty", "references") if k in data}
            data = {**data, "parts": [{**inherited, **p} if isinstance(p, dict) else p for p in data["parts"]]}
        return data

    @model_validator(mode="after")
    def _unique_parts(self) -> Case:
        unique_ids("part", [p.id for p in self.parts])
        return self

    @property
    def max_score(self) -> float:
        return float(sum(p.max_score for p in self.parts))


Question = Annotated[
    SingleChoice | MultipleChoice | TrueFalse | Numeric | Ordering | Matching | Hotspot | Case,
    Field(discriminator="type"),
]
QUESTION_TYPES: tuple[str, ...] = (
    "single",
    "multiple",
    "true-false",
    "numeric",
    "ordering",
    "matching",
    "hotspot",
    "case",
)


def gradable(question: Question) -> tuple[Question, ...]:
    """What records answers: a case's parts (a case has no answer of its own), else the question."""
    return question.parts if isinstance(question, Case) else (question,)


class QuestionFile(Model):
    """The question bank of one topic."""

    topic: Slug
    questions: Annotated[tuple[Question, ...], Field(min_length=1)]

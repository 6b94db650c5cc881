"""Content as data: models, the YAML loader and validation (all problems reported at once)."""

from netedu.content.loader import Content, load_content, validate_content
from netedu.content.models import Course, Objective, Reference, Topic
from netedu.content.problems import ContentError, Problem
from netedu.content.questions import (
    QUESTION_TYPES,
    Case,
    Hotspot,
    Matching,
    MultipleChoice,
    Numeric,
    Option,
    Ordering,
    Question,
    SingleChoice,
    TrueFalse,
    gradable,
)

__all__ = [
    "QUESTION_TYPES",
    "Case",
    "Content",
    "ContentError",
    "Course",
    "Hotspot",
    "Matching",
    "MultipleChoice",
    "Numeric",
    "Objective",
    "Option",
    "Ordering",
    "Problem",
    "Question",
    "Reference",
    "SingleChoice",
    "Topic",
    "TrueFalse",
    "gradable",
    "load_content",
    "validate_content",
]

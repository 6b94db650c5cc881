"""Content as data: models, the YAML loader and validation (all problems reported at once)."""

from .loader import Content, load_content, validate_content
from .models import (
    QUESTION_TYPES,
    Course,
    MultipleChoice,
    Objective,
    Option,
    Question,
    Reference,
    SingleChoice,
    Topic,
)
from .problems import ContentError, Problem

__all__ = [
    "QUESTION_TYPES",
    "Content",
    "ContentError",
    "Course",
    "MultipleChoice",
    "Objective",
    "Option",
    "Problem",
    "Question",
    "Reference",
    "SingleChoice",
    "Topic",
    "load_content",
    "validate_content",
]

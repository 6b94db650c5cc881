"""Thin widget views over netedu's pure logic."""

from .case import CaseWidget
from .context import QuizContext
from .html import SafeHTML
from .question import QuestionWidget
from .quiz import QuizWidget
from .response import (
    ChoiceResponse,
    HotspotResponse,
    MatchingResponse,
    NumericResponse,
    OrderingResponse,
    ResponseWidget,
)

__all__ = [
    "CaseWidget",
    "ChoiceResponse",
    "HotspotResponse",
    "MatchingResponse",
    "NumericResponse",
    "OrderingResponse",
    "QuestionWidget",
    "QuizContext",
    "QuizWidget",
    "ResponseWidget",
    "SafeHTML",
]

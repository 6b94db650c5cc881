"""Thin widget views over netedu's pure logic."""

from netedu.widgets.case import CaseWidget
from netedu.widgets.context import QuizContext
from netedu.widgets.html import SafeHTML
from netedu.widgets.question import QuestionWidget
from netedu.widgets.quiz import QuizWidget
from netedu.widgets.response import (
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

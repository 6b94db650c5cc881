"""Thin widget views over netedu's pure logic."""

from .choice import ChoiceGroupWidget
from .html import SafeHTML
from .question import QuestionWidget
from .quiz import QuizWidget

__all__ = ["ChoiceGroupWidget", "QuestionWidget", "QuizWidget", "SafeHTML"]

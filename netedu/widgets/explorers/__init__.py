"""The guided-exploration widgets, one per file: thin views over netedu's logic modules."""

from .body_map import BodyMapWidget
from .grade_calculator import GradeCalculatorWidget
from .incidence import IncidenceWidget
from .ki67_counting import Ki67CountingWidget
from .symptom_matcher import SymptomMatcherWidget
from .syndrome_explorer import SyndromeExplorerWidget

__all__ = [
    "BodyMapWidget",
    "GradeCalculatorWidget",
    "IncidenceWidget",
    "Ki67CountingWidget",
    "SymptomMatcherWidget",
    "SyndromeExplorerWidget",
]

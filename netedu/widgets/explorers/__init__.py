"""The guided-exploration widgets, one per file: thin views over netedu's logic modules."""

from .body_map import BodyMapWidget
from .evidence_explorer import EvidenceExplorerWidget
from .grade_calculator import GradeCalculatorWidget
from .imaging_chooser import ImagingChooserWidget
from .incidence import IncidenceWidget
from .ki67_counting import Ki67CountingWidget
from .marker_checker import MarkerCheckerWidget
from .symptom_matcher import SymptomMatcherWidget
from .syndrome_explorer import SyndromeExplorerWidget
from .tnm_stager import TnmStagerWidget
from .walkthrough import WalkThroughWidget

__all__ = [
    "BodyMapWidget",
    "EvidenceExplorerWidget",
    "GradeCalculatorWidget",
    "ImagingChooserWidget",
    "IncidenceWidget",
    "Ki67CountingWidget",
    "MarkerCheckerWidget",
    "SymptomMatcherWidget",
    "SyndromeExplorerWidget",
    "TnmStagerWidget",
    "WalkThroughWidget",
]

"""The guided-exploration widgets, one per file: thin views over netedu's logic modules."""

from collections.abc import Callable

import ipywidgets as ipw

from netedu.content import Content
from netedu.content.explorers import EXPLORERS
from netedu.widgets.context import QuizContext
from netedu.widgets.explorers.body_map import BodyMapWidget
from netedu.widgets.explorers.evidence_explorer import EvidenceExplorerWidget
from netedu.widgets.explorers.grade_calculator import GradeCalculatorWidget
from netedu.widgets.explorers.imaging_chooser import ImagingChooserWidget
from netedu.widgets.explorers.incidence_trends import IncidenceWidget
from netedu.widgets.explorers.ki67_counting import Ki67CountingWidget
from netedu.widgets.explorers.marker_checker import MarkerCheckerWidget
from netedu.widgets.explorers.symptom_matcher import SymptomMatcherWidget
from netedu.widgets.explorers.syndrome_explorer import SyndromeExplorerWidget
from netedu.widgets.explorers.tnm_stager import TnmStagerWidget
from netedu.widgets.explorers.prrt_walkthrough import WalkThroughWidget

__all__ = [
    "explorer",
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



def _builders() -> dict[str, Callable[[Content, QuizContext], ipw.Widget]]:
    import netedu.widgets.explorers as w

    return {
        "body-map": lambda c, ctx: w.BodyMapWidget(c.explorers["body-map"], ctx),
        "grade-calculator": lambda c, ctx: w.GradeCalculatorWidget(ctx),
        "ki67-counting": lambda c, ctx: w.Ki67CountingWidget(ctx),
        "incidence-trends": lambda c, ctx: w.IncidenceWidget(c.explorers["incidence-trends"], ctx, c.references),
        "syndrome-explorer": lambda c, ctx: w.SyndromeExplorerWidget(c.explorers["syndrome-explorer"], ctx),
        "symptom-matcher": lambda c, ctx: w.SymptomMatcherWidget(c.explorers["symptom-matcher"], ctx),
        "marker-checker": lambda c, ctx: w.MarkerCheckerWidget(c.explorers["marker-checker"], ctx),
        "imaging-chooser": lambda c, ctx: w.ImagingChooserWidget(c.explorers["imaging-chooser"], ctx),
        "tnm-stager": lambda c, ctx: w.TnmStagerWidget(ctx),
        "evidence-explorer": lambda c, ctx: w.EvidenceExplorerWidget(c.explorers["evidence-explorer"], ctx),
        "prrt-walkthrough": lambda c, ctx: w.WalkThroughWidget(c.explorers["prrt-walkthrough"], ctx),
    }


def explorer(name: str, content: Content, ctx: QuizContext) -> ipw.Widget:
    """The explorer called ``name``, built from the course's data (``KeyError`` if unknown, or
    if no topic declares it, so its data was never loaded)."""
    builders = _builders()
    if name not in EXPLORERS or name not in builders:
        raise KeyError(f"no explorer {name!r} (known: {', '.join(sorted(builders))})")
    if EXPLORERS[name] is not None and name not in content.explorers:
        raise KeyError(f"explorer {name!r} has no data: add it to a topic's explorers in data/topics/")
    return builders[name](content, ctx)

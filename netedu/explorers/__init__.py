"""The guided explorers: one registry, and one module of data model and pure logic per explorer.

Each explorer is declared once, below, and carries one name everywhere: its id (what notebooks
pass to ``netedu.explore``), its data file in ``data/explorers/``, its logic module here and its
widget module in ``netedu.widgets.explorers``. The content loader validates each data file with
the model declared here (it finds this registry through the ``netedu.explorers`` entry point,
so an explorer in another package plugs in the same way).
"""

from __future__ import annotations

from netedu.explorers import (
    body_map,
    evidence_explorer,
    grade_calculator,
    imaging_chooser,
    incidence_trends,
    ki67_counting,
    marker_checker,
    prrt_walkthrough,
    symptom_matcher,
    syndrome_explorer,
    tnm_stager,
)
from netedu.explorers.registry import Explorer

__all__ = ["REGISTRY", "Explorer", "explorer"]

#: Every explorer netedu ships, by id, in the order the course first uses them.
REGISTRY: dict[str, Explorer] = {
    e.id: e
    for e in (
        Explorer("body-map", "Body map", body_map, "BodyMapWidget", data=body_map.BodyMapData),
        Explorer("grade-calculator", "Grade calculator", grade_calculator, "GradeCalculatorWidget", references=grade_calculator.REFERENCES),
        Explorer("ki67-counting", "Ki-67 counting exercise", ki67_counting, "Ki67CountingWidget", references=ki67_counting.REFERENCES),
        Explorer(
            "incidence-trends",
            "Incidence trends",
            incidence_trends,
            "IncidenceTrendsWidget",
            data=incidence_trends.IncidenceRow,
            data_format="csv",
            charts=True,
        ),
        Explorer(
            "syndrome-explorer",
            "Syndrome explorer",
            syndrome_explorer,
            "SyndromeExplorerWidget",
            data=syndrome_explorer.SyndromeExplorerData,
        ),
        Explorer(
            "symptom-matcher",
            "Symptom-to-syndrome matcher",
            symptom_matcher,
            "SymptomMatcherWidget",
            data=symptom_matcher.SymptomMatcherData,
        ),
        Explorer(
            "marker-checker", "Marker interference checker", marker_checker, "MarkerCheckerWidget", data=marker_checker.MarkerCheckerData
        ),
        Explorer("imaging-chooser", "Imaging chooser", imaging_chooser, "ImagingChooserWidget", data=imaging_chooser.ImagingChooserData),
        Explorer("tnm-stager", "TNM stager", tnm_stager, "TnmStagerWidget", references=tnm_stager.REFERENCES),
        Explorer(
            "evidence-explorer",
            "Evidence explorer",
            evidence_explorer,
            "EvidenceExplorerWidget",
            data=evidence_explorer.EvidenceExplorerData,
            charts=True,
        ),
        Explorer(
            "prrt-walkthrough", "PRRT walk-through", prrt_walkthrough, "PrrtWalkthroughWidget", data=prrt_walkthrough.PrrtWalkthroughData
        ),
    )
}


def explorer(explorer_id: str) -> Explorer:
    """The explorer with this id (``KeyError`` naming the known ones if there is none).

    >>> explorer("tnm-stager").data_file is None, explorer("marker-checker").data_file
    (True, 'marker-checker.yaml')
    """
    try:
        return REGISTRY[explorer_id]
    except KeyError:
        raise KeyError(f"no explorer {explorer_id!r} (known: {', '.join(sorted(REGISTRY))})") from None

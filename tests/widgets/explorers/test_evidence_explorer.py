"""EvidenceExplorerWidget, driven from Python on small test data."""

from __future__ import annotations

from netedu.widgets.explorers.common import PLOTLY_MIME
from netedu.widgets.explorers.evidence_explorer import EvidenceExplorerWidget
from tests.support.care_data import TRIALS


def test_evidence_explorer_filters_table_and_hazard_ratio_chart(ctx) -> None:
    w = EvidenceExplorerWidget(TRIALS, ctx)
    assert "3 trials" in w.table.value and "RESULT-PROMID" in w.table.value
    figure = w.chart.outputs[0]["data"][PLOTLY_MIME]
    assert figure["data"][0]["x"] == [0.34, 0.42]  # trials without a hazard ratio are not plotted
    w.filter(drug_class=["chemotherapy"])
    assert "1 trial" in w.table.value and w.chart.outputs == ()
    w.filter(drug_class=[], site=["midgut"], grade=["G2"])
    assert "No trial matches every filter" in w.table.value

"""MarkerCheckerWidget, driven from Python on small test data."""

from __future__ import annotations

from netedu.widgets.explorers.marker_checker import MarkerCheckerWidget
from tests.support.care_data import INTERFERENCES


def test_marker_checker_widget(ctx) -> None:
    w = MarkerCheckerWidget(INTERFERENCES, ctx)
    assert [g.prompt_html for g in w.groups] == ["<strong>Medicines</strong>", "<strong>Foods</strong>", "<strong>Conditions</strong>"]
    assert "Tick the patient" in w.results.value
    w.pick("ppi", "banana")
    assert "Chromogranin A (serum)" in w.results.value and "falsely raises" in w.results.value and "TODO-PPI" in w.results.value
    assert "2 test results could be distorted" in w.results.value
    assert "Chromogranin A" in " ".join(g.announcement for g in w.groups)

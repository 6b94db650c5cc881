"""SymptomMatcherWidget, driven from Python as the page would drive it."""

from __future__ import annotations

from netedu.widgets.explorers.symptom_matcher import SymptomMatcherWidget


def test_symptom_matcher_updates_as_findings_are_picked(build, content) -> None:
    w = build("symptom-matcher")
    assert isinstance(w, SymptomMatcherWidget) and len(w.groups) >= 2
    syndrome = content.explorers["symptom-matcher"].syndromes[0]
    w.pick(*(link.finding for link in syndrome.findings))
    assert syndrome.name in w.results.value and "syndromes fit" in " ".join(g.announcement for g in w.groups)
    w.pick()
    assert "Choose findings above" in w.results.value

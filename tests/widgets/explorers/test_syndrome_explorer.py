"""SyndromeExplorerWidget, driven from Python as the page would drive it."""

from __future__ import annotations

from netedu.widgets.explorers.syndrome_explorer import SyndromeExplorerWidget


def test_syndrome_explorer_starts_on_the_first_and_switches(build, content) -> None:
    w = build("syndrome-explorer")
    assert isinstance(w, SyndromeExplorerWidget)
    first, second = content.explorers["syndrome-explorer"].syndromes[:2]
    assert first.name in w.card.value
    w.choose(second.id)
    assert second.name in w.card.value and second.gene in w.choice.announcement

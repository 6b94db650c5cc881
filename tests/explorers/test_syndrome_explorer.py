"""The syndrome explorer's logic: a syndrome's card and the table comparing all."""

from __future__ import annotations

from netedu.explorers.syndrome_explorer import compare_html, syndrome_html


def test_cards_and_the_comparison_table(content) -> None:
    syndromes = content.explorers["syndrome-explorer"].syndromes
    card = syndrome_html(syndromes[0], content.references_for)
    assert syndromes[0].name in card and "Suspect it when" in card and "Gene" in card
    table = compare_html(syndromes)
    assert all(s.name in table for s in syndromes)

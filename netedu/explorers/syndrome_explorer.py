"""Syndrome explorer: the hereditary syndromes behind NETs, a card for one, a table comparing all.

Data: ``data/explorers/syndrome-explorer.yaml`` (:class:`SyndromeExplorerData`).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from netedu.content.base import Model, Slug, Text, unique_ids
from netedu.learning.feedback import ReferenceLookup, cite
from netedu.render import escape, markdown_inline, sanitize

__all__ = ["Syndrome", "SyndromeExplorerData", "compare_html", "syndrome_html"]


class Syndrome(Model):
    """A hereditary syndrome: its gene, inheritance, tumours and the clues to suspect it."""

    id: Slug
    name: Text
    gene: Text
    inheritance: Text
    nets: Annotated[tuple[Text, ...], Field(min_length=1, description="Associated neuroendocrine tumours")]
    other_tumours: tuple[Text, ...] = ()
    other_features: tuple[Text, ...] = ()
    suspect_when: Annotated[tuple[Text, ...], Field(min_length=1, description="Clues that should prompt referral")]
    references: Annotated[tuple[Slug, ...], Field(min_length=1)]


class SyndromeExplorerData(Model):
    """``data/explorers/syndrome-explorer.yaml``."""

    syndromes: Annotated[tuple[Syndrome, ...], Field(min_length=2)]

    @model_validator(mode="after")
    def _unique_syndromes(self) -> SyndromeExplorerData:
        unique_ids("syndrome", [s.id for s in self.syndromes])
        return self


def _items(values: tuple[str, ...]) -> str:
    return "<ul>" + "".join(f"<li>{markdown_inline(v)}</li>" for v in values) + "</ul>" if values else "<p>—</p>"


def syndrome_html(s: Syndrome, references: ReferenceLookup) -> str:
    """One syndrome's card (rows with nothing to say are left out, except other tumours)."""
    rows = [
        ("Gene", f"<p>{markdown_inline(s.gene)}</p>"),
        ("Inheritance", f"<p>{markdown_inline(s.inheritance)}</p>"),
        ("Neuroendocrine tumours", _items(s.nets)),
        ("Other tumours", _items(s.other_tumours)),
        ("Other features", _items(s.other_features)),
        ("Suspect it when", _items(s.suspect_when)),
    ]
    body = "".join(f"<dt>{escape(k)}</dt><dd>{v}</dd>" for k, v in rows if v != "<p>—</p>" or k == "Other tumours")
    return sanitize(
        f'<h3 class="netedu-card-title">{escape(s.name)}</h3><dl class="netedu-card-list">{body}</dl>{cite(references(s.references))}'
    )


def compare_html(syndromes: tuple[Syndrome, ...]) -> str:
    """Every syndrome side by side: gene, inheritance and tumours (in a disclosure)."""
    rows = "".join(
        f'<tr><th scope="row">{escape(s.name)}</th><td>{markdown_inline(s.gene)}</td>'
        f"<td>{markdown_inline(s.inheritance)}</td><td>{'; '.join(markdown_inline(n) for n in s.nets)}</td></tr>"
        for s in syndromes
    )
    return sanitize(
        '<details><summary>Compare all syndromes in a table</summary><table class="netedu-table">'
        '<thead><tr><th scope="col">Syndrome</th><th scope="col">Gene</th><th scope="col">Inheritance</th>'
        f'<th scope="col">Neuroendocrine tumours</th></tr></thead><tbody>{rows}</tbody></table></details>'
    )

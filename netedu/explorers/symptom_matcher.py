"""Symptom-to-syndrome matcher: which syndromes fit the findings a learner picks, and why.

Data: ``data/explorers/symptom-matcher.yaml`` (:class:`SymptomMatcherData`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import Field, model_validator

from netedu.content.base import Model, Slug, Text, unique_ids
from netedu.learning.feedback import ReferenceLookup, cite
from netedu.render import escape, markdown, markdown_inline, sanitize
from netedu.words import plural

__all__ = ["Finding", "FindingLink", "Match", "Presentation", "SymptomMatcherData", "match", "results_html"]


class Finding(Model):
    """A symptom, sign or test result a learner can pick."""

    id: Slug
    label: Text
    kind: Literal["symptom", "sign", "test"]


class FindingLink(Model):
    """A finding a syndrome causes, and why."""

    finding: Slug
    why: Text = Field(description="Why the syndrome causes this finding")


class Presentation(Model):
    """A clinical syndrome and the findings it explains."""

    id: Slug
    name: Text
    findings: Annotated[tuple[FindingLink, ...], Field(min_length=2)]
    next_steps: Text = Field(description="What to do next to confirm it (teaching, not a protocol)")
    references: Annotated[tuple[Slug, ...], Field(min_length=1)]


class SymptomMatcherData(Model):
    """``data/explorers/symptom-matcher.yaml``: the findings, and the syndromes they point to."""

    findings: Annotated[tuple[Finding, ...], Field(min_length=4)]
    syndromes: Annotated[tuple[Presentation, ...], Field(min_length=3)]

    @model_validator(mode="after")
    def _links_resolve(self) -> SymptomMatcherData:
        unique_ids("finding", [f.id for f in self.findings])
        unique_ids("syndrome", [s.id for s in self.syndromes])
        known = {f.id for f in self.findings}
        for s in self.syndromes:
            if unknown := [link.finding for link in s.findings if link.finding not in known]:
                raise ValueError(f"syndrome {s.id!r} links unknown finding {unknown[0]!r}")
        return self


@dataclass(frozen=True)
class Match:
    """A syndrome that explains some of the picked findings."""

    syndrome: Presentation
    explained: tuple[FindingLink, ...]  # the picked findings this syndrome causes
    other: tuple[str, ...]  # picked findings it does not explain (finding ids)

    @property
    def share(self) -> float:
        """How much of the syndrome's own picture the picked findings cover."""
        return len(self.explained) / len(self.syndrome.findings)


def match(data: SymptomMatcherData, picked: Iterable[str]) -> list[Match]:
    """Syndromes that explain at least one picked finding: most findings explained first, then
    the one whose picture the findings cover best. No finding picked, no match.
    """
    chosen = [f for f in dict.fromkeys(picked) if f in {x.id for x in data.findings}]
    out = []
    for syndrome in data.syndromes:
        explained = tuple(link for link in syndrome.findings if link.finding in chosen)
        if explained:
            covered = {link.finding for link in explained}
            out.append(Match(syndrome, explained, tuple(f for f in chosen if f not in covered)))
    return sorted(out, key=lambda m: (-len(m.explained), -m.share, m.syndrome.name))


def results_html(data: SymptomMatcherData, matches: list[Match], references: ReferenceLookup) -> str:
    """The matches as the learner reads them: best fit first, each finding with its why."""
    if not matches:
        return sanitize('<p class="netedu-empty">Choose findings above: the syndromes that explain them appear here, best fit first.</p>')
    label = {f.id: f.label for f in data.findings}
    parts = [
        f"<p><strong>{plural(len(matches), 'syndrome fits', 'syndromes fit')}</strong> what you chose (best fit first). "
        "Teaching aid, not a diagnostic tool.</p>"
    ]
    for m in matches:
        why = "".join(f"<li><strong>{escape(label[link.finding])}</strong>: {markdown_inline(link.why)}</li>" for link in m.explained)
        other = ""
        if m.other:
            other = f"<p>Not explained by it: {escape(', '.join(label[f] for f in m.other))}.</p>"
        parts.append(
            f'<section class="netedu-card-section"><h3>{escape(m.syndrome.name)} — explains {len(m.explained)} of your findings</h3>'
            f"<ul>{why}</ul>{other}<p><strong>Next steps:</strong></p>{markdown(m.syndrome.next_steps)}"
            f"{cite(references(m.syndrome.references))}</section>"
        )
    return sanitize("".join(parts))

"""Which syndromes fit the findings a learner picks, and why (pure logic)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from netedu.content.explorers import FindingLink, Presentation, PresentationFile

__all__ = ["Match", "match", "results_html"]


@dataclass(frozen=True)
class Match:
    syndrome: Presentation
    explained: tuple[FindingLink, ...]  # the picked findings this syndrome causes
    other: tuple[str, ...]  # picked findings it does not explain (finding ids)

    @property
    def share(self) -> float:
        """How much of the syndrome's own picture the picked findings cover."""
        return len(self.explained) / len(self.syndrome.findings)


def match(data: PresentationFile, picked: Iterable[str]) -> list[Match]:
    """Syndromes that explain at least one picked finding: most findings explained first, then
    the one whose picture the findings cover best.

    >>> match(data, [])  # doctest: +SKIP
    []
    """
    chosen = [f for f in dict.fromkeys(picked) if f in {x.id for x in data.findings}]
    out = []
    for syndrome in data.syndromes:
        explained = tuple(link for link in syndrome.findings if link.finding in chosen)
        if explained:
            covered = {link.finding for link in explained}
            out.append(Match(syndrome, explained, tuple(f for f in chosen if f not in covered)))
    return sorted(out, key=lambda m: (-len(m.explained), -m.share, m.syndrome.name))


def results_html(data: PresentationFile, matches: list[Match], references) -> str:
    """The matches as the learner reads them: best fit first, each finding with its why."""
    from netedu.learning.feedback import cite
    from netedu.render import escape, markdown, markdown_inline, sanitize

    if not matches:
        return sanitize('<p class="netedu-empty">Choose findings above: the syndromes that explain them appear here, best fit first.</p>')
    label = {f.id: f.label for f in data.findings}
    parts = [f'<p><strong>{len(matches)} syndrome{"s" if len(matches) != 1 else ""} fit</strong> what you chose (best fit first). Teaching aid, not a diagnostic tool.</p>']
    for m in matches:
        why = "".join(f"<li><strong>{escape(label[link.finding])}</strong>: {markdown_inline(link.why)}</li>" for link in m.explained)
        other = ""
        if m.other:
            other = f"<p>Not explained by it: {escape(', '.join(label[f] for f in m.other))}.</p>"
        parts.append(
            f'<section class="netedu-card-section"><h3>{escape(m.syndrome.name)} — explains {len(m.explained)} of your findings</h3>'
            f"<ul>{why}</ul>{other}<p><strong>Next steps:</strong></p>{markdown(m.syndrome.next_steps)}{cite(references(m.syndrome.references))}</section>"
        )
    return sanitize("".join(parts))

"""What the body map shows for an organ: its NETs, how they behave and present (pure logic)."""

from __future__ import annotations

from collections.abc import Callable

from netedu.content.explorers import Organ
from netedu.content.models import Reference
from netedu.learning.feedback import cite
from netedu.render import escape, markdown_inline, sanitize

__all__ = ["FAMILY", "organ_html"]

FAMILY = {"gastrointestinal": "Gastrointestinal (GI) NETs", "lung": "Lung NETs", "pancreas": "Pancreatic NETs", "other": "Other neuroendocrine tumours"}


def organ_html(organ: Organ, references: Callable[[tuple[str, ...]], list[Reference]]) -> str:
    parts = [f'<h3 class="netedu-card-title">{escape(organ.name)}</h3><p class="netedu-card-family">{escape(FAMILY[organ.family])}</p>']
    for net in organ.nets:
        facts = "".join(f"<li>{markdown_inline(f)}</li>" for f in net.key_facts)
        share = f"<dt>Share of NETs</dt><dd>{markdown_inline(net.share)}</dd>" if net.share else ""
        parts.append(
            f'<section class="netedu-card-section"><h4>{escape(net.name)}</h4><dl>'
            f"<dt>How it behaves</dt><dd>{markdown_inline(net.behaviour)}</dd>{share}"
            f"<dt>How it presents</dt><dd>{markdown_inline(net.presentation)}</dd></dl>"
            f"<p><strong>Key facts</strong></p><ul>{facts}</ul>{cite(references(net.references))}</section>"
        )
    return sanitize("".join(parts))

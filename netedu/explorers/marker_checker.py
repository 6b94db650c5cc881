"""Which test results a patient's medicines, foods and conditions would distort (pure logic)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from netedu.content.explorers_care import Effect, InterferenceFile, Interferer
from netedu.content.models import Reference
from netedu.learning.feedback import cite
from netedu.render import escape, markdown, sanitize

__all__ = ["Distortion", "check", "results_html"]


@dataclass(frozen=True)
class Distortion:
    interferer: Interferer
    effect: Effect


def check(data: InterferenceFile, picked: Iterable[str]) -> dict[str, list[Distortion]]:
    """Marker id -> what distorts it, for the picked interferers (markers in the file's order)."""
    chosen = set(picked)
    out: dict[str, list[Distortion]] = {m.id: [] for m in data.markers}
    for item in data.interferers:
        if item.id in chosen:
            for effect in item.effects:
                out[effect.marker].append(Distortion(item, effect))
    return {k: v for k, v in out.items() if v}


def results_html(data: InterferenceFile, found: dict[str, list[Distortion]], references: Callable[[tuple[str, ...]], list[Reference]]) -> str:
    if not found:
        return sanitize('<p class="netedu-empty">Tick the patient\'s medicines, foods and conditions: any test result they would distort appears here.</p>')
    markers = {m.id: m for m in data.markers}
    parts = [f"<p><strong>{len(found)} test result{'s' if len(found) != 1 else ''} could be distorted.</strong> Teaching aid: check your laboratory's own instructions.</p>"]
    for marker_id, items in found.items():
        marker = markers[marker_id]
        rows = "".join(
            f"<li><strong>{escape(d.interferer.label)}</strong> — "
            f"{'falsely raises' if d.effect.direction == 'raises' else 'falsely lowers'} it "
            f"({'▲' if d.effect.direction == 'raises' else '▼'}). {markdown(d.effect.how)}"
            f"<p><strong>What to do:</strong> {escape(d.effect.what_to_do)}</p>{cite(references(d.effect.references))}</li>"
            for d in items
        )
        parts.append(f'<section class="netedu-card-section"><h3>{escape(marker.name)} ({escape(marker.sample)})</h3><ul>{rows}</ul></section>')
    return sanitize("".join(parts))

"""What the explorer widgets share: a one-of-many chooser, groups of checkboxes, plotly output."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import ipywidgets as ipw

from netedu.render import escape
from netedu.widgets.response import ChoiceResponse
from netedu.widgets.shared import HBox, Layout, Output

__all__ = ["PLOTLY_MIME", "CheckboxGroups", "chart_warmup", "chooser", "show_figure"]

PLOTLY_MIME = "application/vnd.plotly.v1+json"


def chooser(prompt_html: str, hint: str, options: Iterable[tuple[str, str]], on_choose: Callable[[dict], None]) -> ChoiceResponse:
    """Radio buttons that act at once (no submit button): ``options`` are ``(key, plain label)``."""
    control = ChoiceResponse(
        prompt_html=prompt_html,
        hint=hint,
        options=[{"key": key, "html": escape(label)} for key, label in options],
        show_submit=False,
    )
    control.observe(on_choose, names="selected")
    return control


def show_figure(output: ipw.Output, figure: dict | None, text: str) -> None:
    """Draw a plotly figure (JSON) in ``output`` with the renderer Voila ships; ``None`` clears it."""
    if figure is None:
        output.outputs = ()
        return
    bundle = {PLOTLY_MIME: {**figure, "config": {"displayModeBar": False, "responsive": True}}, "text/plain": text}
    output.outputs = ({"output_type": "display_data", "data": bundle, "metadata": {}},)


def chart_warmup() -> ipw.Output:
    """A hidden chart with the features the explorers' charts use: shown while the learner
    reads, it makes the page load its chart renderer before the first real chart is drawn."""
    line = {"type": "scatter", "mode": "lines+markers", "x": [2000, 2010], "y": [1, 2], "hoverinfo": "text", "hovertext": ["a", "b"]}
    figure = {
        "data": [
            {**line, "name": "a"},
            {**line, "name": "b", "y": [2, 3]},
            {"type": "bar", "x": ["a", "b"], "y": [1, 2], "text": ["1", "2"], "textposition": "outside", "name": "c"},
        ],
        "layout": {"width": 320, "height": 240, "legend": {"orientation": "h"}, "xaxis": {"title": {"text": "x"}}},
    }
    output = Output(layout=Layout(display="none"))
    output.add_class("netedu-chart-warmup")
    show_figure(output, figure, "")
    return output


class CheckboxGroups(HBox):
    """Side-by-side groups of checkboxes that act at once, e.g. medicines / foods / conditions.

    ``groups`` are ``(title, hint, [(key, plain label), ...])``; empty groups are left out. Keys
    must be unique across groups."""

    def __init__(self, groups: Iterable[tuple[str, str, list[tuple[str, str]]]], on_pick: Callable[[dict], None]):
        self.groups: list[ChoiceResponse] = []
        for title, hint, options in groups:
            if not options:
                continue
            group = ChoiceResponse(
                prompt_html=f"<strong>{escape(title)}</strong>",
                hint=hint,
                options=[{"key": key, "html": escape(label)} for key, label in options],
                multiple=True,
                show_submit=False,
            )
            group.observe(on_pick, names="selected")
            self.groups.append(group)
        super().__init__(self.groups)
        self.add_class("netedu-matcher-groups")

    @property
    def picked(self) -> list[str]:
        return [key for group in self.groups for key in group.selected]

    def pick(self, *keys: str) -> None:
        """Tick exactly ``keys`` (in whichever groups hold them)."""
        for group in self.groups:
            mine = {o["key"] for o in group.options}
            group.selected = [k for k in keys if k in mine]

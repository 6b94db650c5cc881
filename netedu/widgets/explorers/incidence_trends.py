"""IncidenceWidget: interactive charts of published NET figures, each with its table of sources."""

from __future__ import annotations

import json
from typing import Any

import ipywidgets as ipw

from netedu.content.explorers import EpiRow
from netedu.content.models import Reference
from netedu.explorers.incidence_trends import Chart, charts, series_label, table_html
from netedu.widgets.context import QuizContext
from netedu.widgets.html import SafeHTML
from netedu.widgets.explorers.common import chooser

__all__ = ["IncidenceWidget", "figure"]

PLOTLY_MIME = "application/vnd.plotly.v1+json"
COLOURS = ("#1a4f9c", "#8c1d23", "#17663a", "#7a3d00", "#5b3a8c", "#3f3f3f")


def figure(chart: Chart, references: dict[str, Reference]) -> dict:
    """A plotly figure (as JSON) for ``chart``; plotly is imported only when a chart is drawn."""
    import plotly.graph_objects as go

    fig = go.Figure()
    for n, rows in enumerate(chart.series.values()):
        colour = COLOURS[n % len(COLOURS)]
        label = series_label(rows, references)
        hover = [f"{r.place}, {r.x}: {r.value:g} {r.unit}<br>{references[r.reference].short}" for r in rows]
        if chart.kind == "line":
            fig.add_trace(go.Scatter(x=[int(r.x) for r in rows], y=[r.value for r in rows], mode="lines+markers", name=label,
                                     line={"color": colour, "width": 3}, marker={"size": 10}, hovertext=hover, hoverinfo="text"))
        else:
            fig.add_trace(go.Bar(x=[r.x for r in rows], y=[r.value for r in rows], name=label, marker={"color": colour},
                                 hovertext=hover, hoverinfo="text", text=[f"{r.value:g}" for r in rows], textposition="outside"))
    fig.update_layout(
        title={"text": chart.title, "font": {"size": 16}},
        yaxis={"title": {"text": chart.unit}, "rangemode": "tozero"},
        xaxis={"title": {"text": "Year" if chart.kind == "line" else ""}},
        template="simple_white",
        font={"family": "system-ui, sans-serif", "size": 14, "color": "#1f1f1f"},
        legend={"orientation": "h", "y": -0.25},
        margin={"t": 60, "b": 40, "l": 60, "r": 20},
        height=440,
    )
    return json.loads(fig.to_json())


class IncidenceWidget(ipw.VBox):
    def __init__(self, rows: list[EpiRow], ctx: QuizContext, references: dict[str, Reference], **kwargs: Any):
        self.references = references
        self.charts = charts(rows)
        self.choice = chooser(
            "<strong>Incidence trends:</strong> choose a chart.",
            "Every figure comes from a published source, listed in the table under the chart.",
            ((f"c{i}", c.title) for i, c in enumerate(self.charts)),
            self._on_choose,
        )
        self.plot = ipw.Output()
        self.plot.add_class("netedu-chart")
        self.table = SafeHTML()
        super().__init__([self.choice, self.plot, self.table], **kwargs)
        self.add_class("netedu-explorer")
        self.show(0)

    def show(self, index: int) -> None:
        self.choice.selected = [f"c{index}"]

    def _on_choose(self, change: dict) -> None:
        if not change["new"]:
            return
        chart = self.charts[int(change["new"][0][1:])]
        bundle = {PLOTLY_MIME: {**figure(chart, self.references), "config": {"displayModeBar": False, "responsive": True}}}
        bundle["text/plain"] = chart.title
        self.plot.outputs = ({"output_type": "display_data", "data": bundle, "metadata": {}},)
        self.table.value = table_html(chart, self.references)
        self.choice.announcement = f"Showing {chart.title}. The figures are in the table below the chart."

"""Incidence trends: published figures on how common NETs are, as charts and tables of sources.

Data: ``data/explorers/incidence-trends.csv``, one :class:`IncidenceRow` per published figure.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from dataclasses import dataclass

from pydantic import Field

from netedu.content.base import Model, Slug, Text
from netedu.content.models import Reference
from netedu.learning.feedback import ReferenceLookup
from netedu.render import escape, sanitize

__all__ = ["COLOURS", "Chart", "IncidenceRow", "chart_figure", "charts", "series_label", "table_html"]

#: Line and bar colours, each distinguishable from the others and on white.
COLOURS = ("#1a4f9c", "#8c1d23", "#17663a", "#7a3d00", "#5b3a8c", "#3f3f3f")


class IncidenceRow(Model):
    """One published figure; every row names its source."""

    series: Slug = Field(description="Rows of one series are drawn as one line or one set of bars")
    place: Text = Field(description="Population, e.g. 'United States (SEER)' or 'Ontario'")
    period: Text = Field(description="Years the figure covers, e.g. '1973-2012' or '2012'")
    x: Text = Field(description="The category or year on the chart's x axis")
    measure: Text = Field(description="e.g. 'Age-adjusted incidence'")
    value: float
    unit: Text = Field(description="e.g. 'per 100,000 per year' or '%'")
    reference: Slug
    note: str = ""


@dataclass(frozen=True)
class Chart:
    """One chart: every series sharing a measure and unit; a line over years, else bars."""

    title: str
    measure: str
    unit: str
    kind: str  # "line" or "bar"
    series: dict[str, list[IncidenceRow]]

    @property
    def rows(self) -> list[IncidenceRow]:
        return [row for rows in self.series.values() for row in rows]


def _ref(references: ReferenceLookup, ref_id: str) -> Reference:
    return references((ref_id,))[0]


def _is_year(x: str) -> bool:
    return x.isdigit() and len(x) == 4


def charts(rows: list[IncidenceRow]) -> list[Chart]:
    """Series over years, grouped by unit, become line charts (the US and Ontario trends side by
    side); every other series is a bar chart of its own. The file's order is kept.
    """
    series: OrderedDict[str, list[IncidenceRow]] = OrderedDict()
    for row in rows:
        series.setdefault(row.series, []).append(row)
    # First pass: the order of charts, each a trend group (by unit) or one category series.
    layout: OrderedDict[tuple[str, str], dict[str, list[IncidenceRow]]] = OrderedDict()
    for name, members in series.items():
        is_trend = len(members) > 1 and all(_is_year(r.x) for r in members)
        key = ("line", members[0].unit) if is_trend else ("bar", name)
        layout.setdefault(key, {})[name] = members
    out = []
    for (kind, _), group in layout.items():
        members = [r for rs in group.values() for r in rs]
        measures = " / ".join(dict.fromkeys(r.measure for r in members))
        units = " / ".join(dict.fromkeys(r.unit for r in members))
        if kind == "line":
            title = f"{measures} over time ({units})"
        else:
            title = f"{measures}: {members[0].place}, {members[0].period}"
        out.append(Chart(title, measures, units, kind, group))
    return out


def series_label(rows: list[IncidenceRow], references: ReferenceLookup) -> str:
    """A legend entry: population, years and source."""
    first = rows[0]
    return f"{first.place}, {first.period} ({_ref(references, first.reference).short})"


def table_html(chart: Chart, references: ReferenceLookup) -> str:
    """The chart's figures as a table, each row with its source: the chart's text alternative."""
    body = []
    for row in chart.rows:
        ref = _ref(references, row.reference)
        note = f" ({escape(row.note)})" if row.note else ""
        body.append(
            f"<tr><td>{escape(row.place)}</td><td>{escape(row.period)}</td><td>{escape(row.x)}</td>"
            f'<td>{row.value:g}</td><td><a href="{escape(ref.link)}" title="{escape(ref.citation)}">{escape(ref.short)}</a>{note}</td></tr>'
        )
    return sanitize(
        f'<table class="netedu-table"><caption>{escape(chart.title)}</caption><thead><tr>'
        '<th scope="col">Population</th><th scope="col">Period</th><th scope="col">Year or group</th>'
        f'<th scope="col">{escape(chart.unit)}</th><th scope="col">Source</th></tr></thead><tbody>{"".join(body)}</tbody></table>'
    )


def chart_figure(chart: Chart, references: ReferenceLookup) -> dict:
    """A plotly figure (as JSON) for ``chart``; plotly is imported only when a chart is drawn."""
    import plotly.graph_objects as go

    fig = go.Figure()
    for n, rows in enumerate(chart.series.values()):
        colour = COLOURS[n % len(COLOURS)]
        label = series_label(rows, references)
        hover = [f"{r.place}, {r.x}: {r.value:g} {r.unit}<br>{_ref(references, r.reference).short}" for r in rows]
        if chart.kind == "line":
            fig.add_trace(
                go.Scatter(
                    x=[int(r.x) for r in rows],
                    y=[r.value for r in rows],
                    mode="lines+markers",
                    name=label,
                    line={"color": colour, "width": 3},
                    marker={"size": 10},
                    hovertext=hover,
                    hoverinfo="text",
                )
            )
        else:
            fig.add_trace(
                go.Bar(
                    x=[r.x for r in rows],
                    y=[r.value for r in rows],
                    name=label,
                    marker={"color": colour},
                    hovertext=hover,
                    hoverinfo="text",
                    text=[f"{r.value:g}" for r in rows],
                    textposition="outside",
                )
            )
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

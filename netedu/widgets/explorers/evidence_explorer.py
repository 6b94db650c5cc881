"""EvidenceExplorerWidget: the pivotal trials, filterable, with a chart of their hazard ratios."""

from __future__ import annotations

import json
from typing import Any

import ipywidgets as ipw

from netedu.content.explorers_care import Trial, TrialFile
from netedu.explorers.evidence_explorer import CLASS_NAMES, GRADE_NAMES, SITE_NAMES, filter_trials, options, table_html
from netedu.widgets.context import QuizContext
from netedu.widgets.html import SafeHTML
from netedu.widgets.response import ChoiceResponse
from netedu.widgets.explorers.common import CheckboxGroups
from netedu.widgets.explorers.incidence_trends import PLOTLY_MIME

__all__ = ["EvidenceExplorerWidget", "hazard_ratio_figure"]


def hazard_ratio_figure(trials: list[Trial]) -> dict | None:
    """Each trial's headline hazard ratio against the line of no effect (1); plotly JSON."""
    import plotly.graph_objects as go

    with_hr = [t for t in trials if t.headline.hazard_ratio is not None]
    if not with_hr:
        return None
    fig = go.Figure(
        go.Scatter(
            x=[t.headline.hazard_ratio for t in with_hr],
            y=[t.name for t in with_hr],
            mode="markers+text",
            text=[f"{t.headline.hazard_ratio:g}" for t in with_hr],
            textposition="middle right",
            marker={"size": 14, "color": "#1a4f9c"},
            hovertext=[f"{t.name}: {t.headline.measure}, hazard ratio {t.headline.hazard_ratio:g}" for t in with_hr],
            hoverinfo="text",
        )
    )
    # The template draws shapes without a line by default: give the line its own width.
    fig.add_vline(x=1, line_dash="dash", line_color="#8c1d23", line_width=2, opacity=1, annotation_text="no effect", annotation_position="top")
    fig.update_layout(
        title={"text": "Headline hazard ratios (below 1 favours the treatment)", "font": {"size": 16}},
        xaxis={"title": {"text": "Hazard ratio"}, "range": [0, max(1.2, max(t.headline.hazard_ratio for t in with_hr) + 0.2)]},
        yaxis={"autorange": "reversed"},
        template="simple_white",
        font={"family": "system-ui, sans-serif", "size": 14, "color": "#1f1f1f"},
        height=120 + 45 * len(with_hr),
        margin={"t": 60, "b": 50, "l": 120, "r": 40},
    )
    return json.loads(fig.to_json())


class EvidenceExplorerWidget(ipw.VBox):
    def __init__(self, data: TrialFile, ctx: QuizContext, **kwargs: Any):
        self.data, self.ctx = data, ctx
        values = options(data.trials)
        labels = {"site": "Site", "grade": "Grade", "drug_class": "Drug class"}
        names = {"site": SITE_NAMES, "grade": GRADE_NAMES, "drug_class": CLASS_NAMES}
        keys = [key for key, choices in values.items() if choices]
        self.picker = CheckboxGroups(
            ((labels[key], "Leave all unticked to see every trial.", [(f"{key}-{n}", names[key][c]) for n, c in enumerate(values[key])]) for key in keys),
            self._update,
        )
        self.filters: dict[str, ChoiceResponse] = dict(zip(keys, self.picker.groups))
        self._values = values
        intro = SafeHTML("<p><strong>Evidence explorer.</strong> The trials behind NET drug treatment: filter by site, grade and drug class.</p>")
        self.chart = ipw.Output()
        self.chart.add_class("netedu-chart")
        self.table = SafeHTML()
        super().__init__([intro, self.picker, self.chart, self.table], **kwargs)
        self.add_class("netedu-explorer")
        self._update({})

    def chosen(self, key: str) -> list[str]:
        return [self._values[key][int(k.rsplit("-", 1)[1])] for k in self.filters[key].selected] if key in self.filters else []

    def filter(self, **chosen: list[str]) -> None:
        for key, wanted in chosen.items():
            self.filters[key].selected = [f"{key}-{self._values[key].index(v)}" for v in wanted]

    @property
    def shown(self) -> list[Trial]:
        return filter_trials(self.data.trials, sites=self.chosen("site"), grades=self.chosen("grade"), classes=self.chosen("drug_class"))

    def _update(self, change: dict) -> None:
        trials = self.shown
        self.table.value = table_html(trials, self.ctx.references)
        figure = hazard_ratio_figure(trials)
        if figure is None:
            self.chart.outputs = ()
        else:
            bundle = {PLOTLY_MIME: {**figure, "config": {"displayModeBar": False, "responsive": True}}, "text/plain": "Hazard ratios"}
            self.chart.outputs = ({"output_type": "display_data", "data": bundle, "metadata": {}},)
        owner = change.get("owner") if isinstance(change, dict) else None
        if owner is not None:
            owner.announcement = f"{len(trials)} trial{'s' if len(trials) != 1 else ''} shown."

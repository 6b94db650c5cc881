"""IncidenceTrendsWidget, driven from Python as the page would drive it."""

from __future__ import annotations

from netedu.widgets.explorers.common import PLOTLY_MIME
from netedu.widgets.explorers.incidence_trends import IncidenceTrendsWidget


def test_incidence_widget_draws_a_chart_and_its_table(build) -> None:
    w = build("incidence-trends")
    assert isinstance(w, IncidenceTrendsWidget)
    (output,) = w.plot.outputs
    figure = output["data"][PLOTLY_MIME]
    assert figure["config"]["displayModeBar"] is False and figure["data"][0]["type"] == "scatter"
    assert "<caption>" in w.table.value
    w.show(2)
    assert w.plot.outputs[0]["data"][PLOTLY_MIME]["data"][0]["type"] == "bar"

"""IncidenceTrendsWidget: interactive charts of published NET figures, each with its table of sources."""

from __future__ import annotations

from typing import Any

from netedu.explorers.incidence_trends import IncidenceRow, chart_figure, charts, table_html
from netedu.widgets.context import QuizContext
from netedu.widgets.explorers.common import chooser, show_figure
from netedu.widgets.html import SafeHTML
from netedu.widgets.shared import Output, VBox

__all__ = ["IncidenceTrendsWidget"]


class IncidenceTrendsWidget(VBox):
    """A chart chooser, the chart, and the chart's figures as a table (its text alternative)."""

    def __init__(self, rows: list[IncidenceRow], ctx: QuizContext, **kwargs: Any):
        self.ctx = ctx
        self.charts = charts(rows)
        self.choice = chooser(
            "<strong>Incidence trends:</strong> choose a chart.",
            "Every figure comes from a published source, listed in the table under the chart.",
            ((f"c{i}", c.title) for i, c in enumerate(self.charts)),
            self._on_choose,
        )
        self.plot = Output()
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
        show_figure(self.plot, chart_figure(chart, self.ctx.references), chart.title)
        self.table.value = table_html(chart, self.ctx.references)
        self.choice.announcement = f"Showing {chart.title}. The figures are in the table below the chart."

"""EvidenceExplorerWidget: the pivotal trials, filterable, with a chart of their hazard ratios."""

from __future__ import annotations

from typing import Any

from netedu.explorers.evidence_explorer import (
    CLASS_NAMES,
    GRADE_NAMES,
    SITE_NAMES,
    EvidenceExplorerData,
    Trial,
    filter_trials,
    hazard_ratio_figure,
    options,
    table_html,
)
from netedu.widgets.context import QuizContext
from netedu.widgets.explorers.common import CheckboxGroups, show_figure
from netedu.widgets.html import SafeHTML
from netedu.widgets.response import ChoiceResponse
from netedu.widgets.shared import Output, VBox
from netedu.words import plural

__all__ = ["EvidenceExplorerWidget"]


class EvidenceExplorerWidget(VBox):
    """Filters (site, grade, drug class), the hazard-ratio chart and the table of trials."""

    def __init__(self, data: EvidenceExplorerData, ctx: QuizContext, **kwargs: Any):
        self.data, self.ctx = data, ctx
        values = options(data.trials)
        labels = {"site": "Site", "grade": "Grade", "drug_class": "Drug class"}
        names = {"site": SITE_NAMES, "grade": GRADE_NAMES, "drug_class": CLASS_NAMES}
        keys = [key for key, choices in values.items() if choices]
        self.picker = CheckboxGroups(
            (
                (labels[key], "Leave all unticked to see every trial.", [(f"{key}-{n}", names[key][c]) for n, c in enumerate(values[key])])
                for key in keys
            ),
            self._update,
        )
        self.filters: dict[str, ChoiceResponse] = dict(zip(keys, self.picker.groups, strict=True))
        self._values = values
        intro = SafeHTML(
            "<p><strong>Evidence explorer.</strong> The trials behind NET drug treatment: filter by site, grade and drug class.</p>"
        )
        self.chart = Output()
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
        show_figure(self.chart, hazard_ratio_figure(trials), "Hazard ratios")
        owner = change.get("owner") if isinstance(change, dict) else None
        if owner is not None:
            owner.announcement = f"{plural(len(trials), 'trial')} shown."

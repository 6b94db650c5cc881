"""TnmStagerWidget: build T, N and M from findings, step by step, and see the stage group."""

from __future__ import annotations

from typing import Any

from netedu.explorers.tnm_stager import evaluate, fields, site_choices
from netedu.medicine.staging import SITES
from netedu.render import escape
from netedu.widgets.context import QuizContext
from netedu.widgets.explorers.common import chooser
from netedu.widgets.form import FormWidget
from netedu.widgets.shared import VBox

__all__ = ["TnmStagerWidget"]


class TnmStagerWidget(VBox):
    """A site chooser, then the findings form for that site."""

    def __init__(self, _data: None, ctx: QuizContext, **kwargs: Any):
        self.ctx = ctx
        self.site = chooser(
            "<strong>TNM stager (AJCC 8th, well-differentiated NETs):</strong> choose the site.",
            "Poorly differentiated carcinomas are staged with their organ's carcinoma system instead.",
            site_choices(),
            self._on_site,
        )
        self.form = FormWidget(submit_label="Stage it")
        self.form.on_submit(lambda values: self.form.show(evaluate(self.site.selected[0], values, self.ctx.references)))
        super().__init__([self.site, self.form], **kwargs)
        self.add_class("netedu-explorer")
        self.choose("pancreas")

    def choose(self, site: str) -> None:
        self.site.selected = [site]

    def _on_site(self, change: dict) -> None:
        if not change["new"]:
            return
        site = change["new"][0]
        self.form.legend_html = f"<strong>Findings for a NET of the {escape(SITES[site]['name'])}</strong>"
        self.form.hint = "Enter the findings; T, N and M are worked out one by one, then the stage group."
        self.form.fields, self.form.values, self.form.errors, self.form.result_html = fields(site), {}, {}, ""

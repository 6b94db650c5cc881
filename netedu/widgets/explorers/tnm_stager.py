"""TnmStagerWidget: build T, N and M from findings, step by step, and see the stage group."""

from __future__ import annotations

from typing import Any

import ipywidgets as ipw

from netedu.learning.grading import ResponseError, parse_number
from netedu.render import escape
from netedu.medicine.staging import SITES, m_category, n_category, stage, t_category
from netedu.widgets.context import QuizContext
from netedu.widgets.form import FormWidget
from netedu.widgets.explorers.common import chooser, sources

__all__ = ["TnmStagerWidget"]

_INVASION = {
    "none": "Limited to the pancreas",
    "duodenum-or-bile-duct": "Invades the duodenum or common bile duct",
    "adjacent-organ-or-vessel": "Invades an adjacent organ or a large vessel wall",
    "mucosa-or-submucosa": "Lamina propria or submucosa only",
    "muscularis-propria": "Into the muscularis propria",
    "subserosa": "Through the muscularis propria into the subserosa",
    "serosa-or-other-organs": "Into the serosa or other organs",
}
_YES_NO = [{"value": "no", "label": "No"}, {"value": "yes", "label": "Yes"}]


class TnmStagerWidget(ipw.VBox):
    def __init__(self, ctx: QuizContext, **kwargs: Any):
        self.ctx = ctx
        self.site = chooser(
            "<strong>TNM stager (AJCC 8th, well-differentiated NETs):</strong> choose the site.",
            "Poorly differentiated carcinomas are staged with their organ's carcinoma system instead.",
            ((k, v["name"].capitalize()) for k, v in SITES.items()),
            self._on_site,
        )
        self.form = FormWidget(submit_label="Stage it")
        self.form.on_submit(self._on_submit)
        super().__init__([self.site, self.form], **kwargs)
        self.add_class("netedu-explorer")
        self.choose("pancreas")

    def choose(self, site: str) -> None:
        self.site.selected = [site]

    def _on_site(self, change: dict) -> None:
        if not change["new"]:
            return
        site = change["new"][0]
        fields = [
            {"key": "size", "label": "Largest tumour size", "kind": "number", "unit": "cm"},
            {"key": "invasion", "label": "How far it invades", "kind": "choice",
             "options": [{"value": v, "label": _INVASION[v]} for v in SITES[site]["invasion"]]},
            {"key": "nodes", "label": "Involved regional lymph nodes", "kind": "number", "unit": "nodes"},
        ]
        if site == "jejunum-ileum":
            fields.append({"key": "mass", "label": "Mesenteric mass larger than 2 cm?", "kind": "choice", "options": _YES_NO})
        fields += [
            {"key": "liver", "label": "Liver metastases?", "kind": "choice", "options": _YES_NO},
            {"key": "outside", "label": "Metastases outside the liver?", "kind": "choice", "options": _YES_NO},
        ]
        self.form.legend_html = f"<strong>Findings for a NET of the {escape(SITES[site]['name'])}</strong>"
        self.form.hint = "Enter the findings; T, N and M are worked out one by one, then the stage group."
        self.form.fields, self.form.values, self.form.errors, self.form.result_html = fields, {}, {}, ""

    def _on_submit(self, values: dict[str, str]) -> None:
        site = self.site.selected[0]
        errors: dict[str, str] = {}
        size = nodes = None
        try:
            size = parse_number(values.get("size", ""), "cm")
            if size <= 0:
                raise ResponseError("the tumour size must be more than 0 cm")
        except ResponseError as err:
            errors["size"] = str(err).capitalize() + "."
        try:
            count = parse_number(values.get("nodes", ""), None)
            if count != int(count):
                raise ResponseError("the number of nodes is a whole number")
            nodes = int(count)
        except ResponseError as err:
            errors["nodes"] = str(err).capitalize() + "."
        for key in ["invasion", "liver", "outside"] + (["mass"] if site == "jejunum-ileum" else []):
            if not values.get(key):
                errors[key] = "Choose one."
        steps = []
        if not errors:
            try:
                t = t_category(site, size_cm=size, invasion=values["invasion"])
                n = n_category(site, positive_nodes=nodes, mesenteric_mass_over_2cm=values.get("mass") == "yes")
                m = m_category(liver=values["liver"] == "yes", outside_liver=values["outside"] == "yes")
                result = stage(site, t.code, n.code, m.code)
                steps = [("T", t), ("N", n), ("M", m)]
            except ValueError as err:
                errors["size" if "size" in str(err) else "nodes"] = str(err).capitalize() + "."
        self.form.errors = errors
        if errors:
            self.form.result_html = ""
            self.form.announcement = "Please correct: " + " ".join(errors.values())
            return
        items = "".join(f"<li><strong>{letter}: {escape(c.code)}</strong>, because {escape(c.reason)}.</li>" for letter, c in steps)
        self.form.result_html = (
            f"<ol>{items}</ol><p><strong>{escape(result.label)}</strong> ({escape(result.t)} {escape(result.n)} {escape(result.m)}): "
            f"{escape(result.reason)}</p>{sources(self.ctx, *SITES[site]['references'])}"
        )
        self.form.announcement = f"{result.label}: {result.t} {result.n} {result.m}."

"""TNM stager: the learner enters a NET's findings; T, N and M are worked out one by one, then
the AJCC 8th stage group (pure logic over :mod:`netedu.medicine.staging`; no data file).
"""

from __future__ import annotations

from collections.abc import Mapping

from netedu.explorers.forms import FormOutcome, read_number
from netedu.learning.feedback import ReferenceLookup, cite
from netedu.medicine.staging import SITES, m_category, n_category, stage, t_category
from netedu.render import escape
from netedu.words import sentence, upper_first

__all__ = ["INVASION", "REFERENCES", "evaluate", "fields", "site_choices"]

INVASION = {
    "none": "Limited to the pancreas",
    "duodenum-or-bile-duct": "Invades the duodenum or common bile duct",
    "adjacent-organ-or-vessel": "Invades an adjacent organ or a large vessel wall",
    "mucosa-or-submucosa": "Lamina propria or submucosa only",
    "muscularis-propria": "Into the muscularis propria",
    "subserosa": "Through the muscularis propria into the subserosa",
    "serosa-or-other-organs": "Into the serosa or other organs",
}
#: Every source the stager's tables cite, over all sites.
REFERENCES = tuple(dict.fromkeys(ref for site in SITES.values() for ref in site["references"]))
_YES_NO = [{"value": "no", "label": "No"}, {"value": "yes", "label": "Yes"}]


def site_choices() -> list[tuple[str, str]]:
    """The sites the stager has tables for, as ``(key, label)``."""
    return [(key, upper_first(spec["name"])) for key, spec in SITES.items()]


def fields(site: str) -> list[dict]:
    """The form's fields for a site (the small bowel also asks about mesenteric masses)."""
    out = [
        {"key": "size", "label": "Largest tumour size", "kind": "number", "unit": "cm"},
        {
            "key": "invasion",
            "label": "How far it invades",
            "kind": "choice",
            "options": [{"value": v, "label": INVASION[v]} for v in SITES[site]["invasion"]],
        },
        {"key": "nodes", "label": "Involved regional lymph nodes", "kind": "number", "unit": "nodes"},
    ]
    if site == "jejunum-ileum":
        out.append({"key": "mass", "label": "Mesenteric mass larger than 2 cm?", "kind": "choice", "options": _YES_NO})
    out += [
        {"key": "liver", "label": "Liver metastases?", "kind": "choice", "options": _YES_NO},
        {"key": "outside", "label": "Metastases outside the liver?", "kind": "choice", "options": _YES_NO},
    ]
    return out


def evaluate(site: str, values: Mapping[str, str], references: ReferenceLookup) -> FormOutcome:
    """T, N and M from the findings, each with its reason, then the stage group.

    >>> evaluate("pancreas", {"size": "3", "invasion": "none", "nodes": "0", "liver": "no", "outside": "no"}, lambda ids: []).announcement
    'Stage II: T2 N0 M0.'
    """
    errors: dict[str, str] = {}
    size = read_number(values, "size", "cm", errors)
    if size is not None and size <= 0:
        errors["size"] = "The tumour size must be more than 0 cm."
    count = read_number(values, "nodes", None, errors)
    if count is not None and count != int(count):
        errors["nodes"] = "The number of nodes is a whole number."
    for key in ["invasion", "liver", "outside"] + (["mass"] if site == "jejunum-ileum" else []):
        if not values.get(key):
            errors[key] = "Choose one."
    if not errors:
        try:
            t = t_category(site, size_cm=size, invasion=values["invasion"])
            n = n_category(site, positive_nodes=int(count), mesenteric_mass_over_2cm=values.get("mass") == "yes")
            m = m_category(liver=values["liver"] == "yes", outside_liver=values["outside"] == "yes")
            result = stage(site, t.code, n.code, m.code)
        except ValueError as err:
            errors["size" if "size" in str(err) else "nodes"] = sentence(str(err))
    if errors:
        return FormOutcome.problems(errors)
    items = "".join(
        f"<li><strong>{letter}: {escape(c.code)}</strong>, because {escape(c.reason)}.</li>" for letter, c in (("T", t), ("N", n), ("M", m))
    )
    html = (
        f"<ol>{items}</ol><p><strong>{escape(result.label)}</strong> ({escape(result.t)} {escape(result.n)} {escape(result.m)}): "
        f"{escape(result.reason)}</p>{cite(references(SITES[site]['references']))}"
    )
    return FormOutcome({}, html, f"{result.label}: {result.t} {result.n} {result.m}.")
